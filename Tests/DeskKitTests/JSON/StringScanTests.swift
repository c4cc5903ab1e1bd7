// The word-at-a-time string search (JSON/StringScan.swift) held to its byte-at-a-time twin at
// every offset of its 8-byte steps and the tail, at the buffer's end, and through
// the parser: each special byte at each offset must be found exactly where it is, with the
// parser's own verdict and message.
import Testing

@testable import DeskKit

@Suite struct StringScanTests {
    /// Runs `body` over a buffer of `bytes` followed by 16 bytes the search must not read (they
    /// lie past the `end` it is given): `guardByte` repeated (a quote, or a plain byte a step
    /// too long would run over and land past the end).
    static func withBuffer<R>(_ bytes: [UInt8], guardByte: UInt8 = 0x22, _ body: (UnsafeRawPointer, Int) -> R) -> R {
        let padded = bytes + [UInt8](repeating: guardByte, count: 16)
        return padded.withUnsafeBytes { body($0.baseAddress!, bytes.count) }
    }

    /// The search from `from`, checked against the twin and returned.
    static func search(_ bytes: [UInt8], from: Int) -> Int {
        withBuffer(bytes) { base, end in
            let fast = StringScan.firstSpecial(base, from: from, end: end)
            let slow = StringScan.firstSpecialBytewise(base, from: from, end: end)
            if fast != slow { Issue.record("length \(end), from \(from): word-at-a-time \(fast), bytewise \(slow)") }
            return fast
        }
    }

    @Test func specialBytesAreExactlyTheFourKinds() {
        for c in 0...255 {
            let expected = c == 0x22 || c == 0x5C || c < 0x20 || c >= 0x80
            #expect(StringScan.isSpecial(UInt8(c)) == expected, "byte \(c)")
        }
    }

    /// Every byte value at every offset of the first four 8-byte steps, from every start in the
    /// first two: a special byte is found where it is, any other is passed over.
    @Test func everyByteAtEveryOffsetOfTheFirstSteps() {
        var wrong: [String] = []
        for c in 0...255 {
            for at in 0..<32 {
                var line = [UInt8](repeating: UInt8(ascii: "a"), count: 40)
                line[at] = UInt8(c)
                for from in 0...16 {
                    let expected = StringScan.isSpecial(UInt8(c)) && at >= from ? at : 40
                    let found = Self.search(line, from: from)
                    if found != expected { wrong.append("byte \(c) at \(at) from \(from): \(found)") }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count) misread, first: \(wrong.prefix(5))")
    }

    /// Every pair of byte values side by side inside one word, and every byte value after each
    /// plain byte value: the first special byte is found exactly (the word test's borrows run
    /// upward only out of special bytes, whatever the neighbours are).
    @Test func everyPairOfNeighbouringBytes() {
        var wrong = 0
        for c1 in 0...255 {
            for c2 in 0...255 {
                var line = [UInt8](repeating: UInt8(ascii: "a"), count: 16)
                line[3] = UInt8(c1)
                line[4] = UInt8(c2)
                let expected = StringScan.isSpecial(UInt8(c1)) ? 3 : StringScan.isSpecial(UInt8(c2)) ? 4 : 16
                if Self.search(line, from: 0) != expected { wrong += 1 }
            }
        }
        for plain in 0...255 where !StringScan.isSpecial(UInt8(plain)) {
            for c in 0...255 {
                var line = [UInt8](repeating: UInt8(plain), count: 16)
                line[5] = UInt8(c)
                let expected = StringScan.isSpecial(UInt8(c)) ? 5 : 16
                if Self.search(line, from: 0) != expected { wrong += 1 }
            }
        }
        #expect(wrong == 0)
    }

    /// Quote, backslash, control and non-ASCII bytes at each offset of buffers of every length
    /// up to 40 (so each lands in a word step or the bytewise tail), and two special bytes: the
    /// first one wins.
    @Test func specialBytesInEveryStepAndTheTail() {
        let kinds: [UInt8] = [0x22, 0x5C, 0x00, 0x0A, 0x1F, 0x80, 0xBF, 0xE4, 0xFF]
        for length in 0...40 {
            let plain = [UInt8](repeating: UInt8(ascii: "x"), count: length)
            #expect(Self.search(plain, from: 0) == length)
            for at in 0..<length {
                for c in kinds {
                    var line = plain
                    line[at] = c
                    #expect(Self.search(line, from: 0) == at, "byte \(c) at \(at) of \(length)")
                    if at + 1 < length {
                        line[length - 1] = 0x22
                        #expect(Self.search(line, from: 0) == at, "byte \(c) at \(at) before a quote at the end")
                    }
                }
            }
        }
    }

    /// Bytes just beside the special ranges (0x1F/0x20, 0x21/0x22/0x23, 0x5B/0x5C/0x5D,
    /// 0x7F/0x80) are told apart in every lane: a borrow or a neighbour never flags a plain byte.
    @Test func neighboursOfSpecialBytesArePlain() {
        let plain: [UInt8] = [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F]
        for length in [8, 15, 16, 17, 24, 31, 32, 33] {
            for c in plain {
                let line = [UInt8](repeating: c, count: length)
                #expect(Self.search(line, from: 0) == length, "byte \(c) x \(length)")
            }
            // Alternating plain bytes and a zero before them: the zero is found, not a later lane.
            var line = [UInt8](repeating: 0x21, count: length)
            line[length / 2] = 0
            #expect(Self.search(line, from: 0) == length / 2)
        }
    }

    /// The search never reads at or past `end`: what lies just beyond it is not found, for every
    /// end and start that leave word steps or only the tail.
    @Test func theBufferEndIsNeverReadPast() {
        for end in 0...40 {
            for from in 0...end {
                let line = [UInt8](repeating: UInt8(ascii: "b"), count: end)
                for guardByte in [0x22, UInt8(ascii: "b"), 0x80] {
                    let found = Self.withBuffer(line, guardByte: guardByte) { base, n in StringScan.firstSpecial(base, from: from, end: n) }
                    #expect(found == end, "end \(end) from \(from), then \(guardByte)")
                }
            }
        }
    }

    // MARK: Through the parser

    /// The verdict of the parser on a JSON text: nil when valid, else (offset, message).
    static func verdict(_ bytes: [UInt8]) -> (Int, String)? {
        bytes.withUnsafeBytes { buf -> (Int, String)? in
            do throws(JSONSyntaxError) {
                try JSONParser.validate(buf)
                return nil
            } catch {
                return (error.offset, error.message)
            }
        }
    }

    /// `["` + prefix + `"]` as bytes.
    static func arrayOfString(_ body: [UInt8]) -> [UInt8] { Array("[\"".utf8) + body + Array("\"]".utf8) }

    @Test func eachSpecialByteAtEachOffsetThroughTheParser() throws {
        for at in 0..<40 {
            let before = [UInt8](repeating: UInt8(ascii: "a"), count: at)
            let after = [UInt8](repeating: UInt8(ascii: "z"), count: 40 - at)
            // A control character (and NUL) is refused where it stands.
            for c: UInt8 in [0x00, 0x01, 0x0A, 0x1F] {
                let v = Self.verdict(Self.arrayOfString(before + [c] + after))
                let message = c == 0 ? "NUL byte in string" : "unescaped control character U+00\(JSONParser.hex2(c)) in string"
                #expect(v?.0 == 2 + at && v?.1 == message, "control \(c) at \(at): \(String(describing: v))")
            }
            // A quote ends the string there: what follows is not a ',' or ']'.
            let quoted = Self.verdict(Self.arrayOfString(before + [0x22] + after))
            #expect(quoted?.0 == 3 + at && quoted?.1 == "expected ',' or ']' after array element", "quote at \(at)")
            // An escape is read where it stands: \n is accepted and decoded, \x refused at the x.
            let text = Self.arrayOfString(before + Array(#"\n"#.utf8) + after)
            #expect(Self.verdict(text) == nil, "escape at \(at)")
            #expect(try JSONParser.parse(text) == .array([.string(String(repeating: "a", count: at) + "\n" + String(repeating: "z", count: 40 - at))]))
            let bad = Self.verdict(Self.arrayOfString(before + Array(#"\x"#.utf8) + after))
            #expect(bad?.0 == 3 + at && bad?.1 == "invalid escape in string", "bad escape at \(at)")
            // Valid UTF-8 of each length is accepted and decoded byte for byte.
            for scalar in ["é", "中", "𝄞"] {
                let t = Self.arrayOfString(before + Array(scalar.utf8) + after)
                #expect(Self.verdict(t) == nil, "\(scalar) at \(at)")
                #expect(try JSONParser.parse(t) == .array([.string(String(repeating: "a", count: at) + scalar + String(repeating: "z", count: 40 - at))]))
            }
        }
    }

    /// Invalid UTF-8 at each offset: each is refused at its first byte with scanUTF8's message,
    /// whether the run fast path or the general check sees it first.
    @Test func invalidUTF8AtEachOffsetThroughTheParser() {
        let cases: [([UInt8], String)] = [
            ([0x80], "invalid UTF-8 byte 0x80"),
            ([0xBF], "invalid UTF-8 byte 0xBF"),
            ([0xC0, 0x80], "invalid UTF-8 byte 0xC0"),
            ([0xC1, 0xBF], "invalid UTF-8 byte 0xC1"),
            ([0xF5, 0x80, 0x80, 0x80], "invalid UTF-8 byte 0xF5"),
            ([0xFF], "invalid UTF-8 byte 0xFF"),
            ([0xC3, 0x41], "invalid UTF-8 sequence"),
            ([0xE4, 0xB8, 0x41], "invalid UTF-8 sequence"),
            ([0xE4, 0x41, 0xAD], "invalid UTF-8 sequence"),
            ([0xE0, 0x80, 0x80], "invalid UTF-8 sequence"),  // overlong
            ([0xED, 0xA0, 0x80], "invalid UTF-8 sequence"),  // surrogate
            ([0xF0, 0x80, 0x80, 0x80], "invalid UTF-8 sequence"),  // overlong
            ([0xF4, 0x90, 0x80, 0x80], "invalid UTF-8 sequence"),  // beyond U+10FFFF
            ([0xF0, 0x9D, 0x84, 0x41], "invalid UTF-8 sequence"),
        ]
        for at in 0..<40 {
            let before = [UInt8](repeating: UInt8(ascii: "a"), count: at)
            for (bad, message) in cases {
                // After a run of valid CJK too, so the run's fast path meets it.
                for lead in [before, Array("中文".utf8) + before] {
                    let v = Self.verdict(Self.arrayOfString(lead + bad + Array("zzzzzzzzzzzzzzzzzz".utf8)))
                    #expect(v?.0 == 2 + lead.count && v?.1 == message, "\(bad) at \(lead.count): \(String(describing: v))")
                }
            }
        }
    }

    /// Every lead byte E0-EF with continuation candidates: the inline three-byte check of a
    /// CJK run accepts exactly what RFC 3629 allows (its twin, scanUTF8, holds the table too).
    @Test func threeByteSequencesFollowRFC3629() {
        let seconds: [UInt8] = [0x00, 0x22, 0x41, 0x5C, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xE4, 0xFF]
        for lead: UInt8 in 0xE0...0xEF {
            let (lo, hi): (UInt8, UInt8) = lead == 0xE0 ? (0xA0, 0xBF) : lead == 0xED ? (0x80, 0x9F) : (0x80, 0xBF)
            for b1 in seconds {
                for b2 in seconds {
                    let valid = b1 >= lo && b1 <= hi && b2 >= 0x80 && b2 <= 0xBF
                    for prefix in [[], Array("文".utf8)] {
                        let v = Self.verdict(Self.arrayOfString(prefix + [lead, b1, b2] + Array("0123456789abcdef".utf8)))
                        #expect((v == nil) == valid, "\(lead) \(b1) \(b2): \(String(describing: v))")
                    }
                }
            }
        }
    }

    /// A string running to the buffer's end, closed on its last byte or not at all, for every
    /// length: the closing quote on the last byte is found, a missing one is reported at the end.
    @Test func stringsEndingAtTheBufferEnd() {
        for length in 0...40 {
            let body = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            #expect(Self.verdict([0x22] + body + [0x22]) == nil, "closed, length \(length)")
            let open = Self.verdict([0x22] + body)
            #expect(open?.0 == 1 + length && open?.1 == "unterminated string, found end of input", "open, length \(length)")
            // A backslash or a CJK lead as the very last byte.
            let escape = Self.verdict([0x22] + body + [0x5C])
            #expect(escape?.0 == 2 + length && escape?.1 == "unterminated escape in string, found end of input")
            let cut = Self.verdict([0x22] + body + [0xE4, 0xB8])
            #expect(cut?.0 == 1 + length && cut?.1 == "truncated UTF-8 sequence", "cut, length \(length)")
        }
    }
}
