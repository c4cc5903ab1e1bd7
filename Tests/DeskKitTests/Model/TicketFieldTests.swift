// The byte-level lookup of known top-level fields: every field is found by its own name, with
// a distinct bit, and near misses are not fields.
import Testing

@testable import DeskKit

@Suite struct TicketFieldTests {
    @Test func everyFieldIsFoundByItsNameWithItsOwnBit() {
        var bits: UInt64 = 0
        for (i, f) in TicketField.allCases.enumerated() {
            let m = TicketField.match(f.rawValue)
            #expect(m?.field == f, "\(f.rawValue)")
            #expect(m?.bit == UInt64(1) << UInt64(i), "\(f.rawValue)")
            bits |= m?.bit ?? 0
        }
        #expect(bits.nonzeroBitCount == TicketField.allCases.count)
        #expect(Ticket.knownFields.count == TicketField.allCases.count)
    }

    @Test(arguments: ["", "i", "ID", "idd", "x_source", "opened-at", "first_response", "historyy", "sla ", "workaround_at"])
    func otherKeysAreNotFields(_ key: String) {
        #expect(TicketField.match(key) == nil)
    }

    /// The word-at-a-time match of a key inside a line against the memcmp match of its bytes:
    /// every name, every one-byte change, cut or extension of one, and random keys, each at the
    /// end of a buffer (the short-key way) and followed by a value (the word way).
    @Test func wordMatchAgreesWithTheBytewiseMatch() {
        var keys: [[UInt8]] = []
        let alphabet = Array(Set(TicketField.allCases.flatMap { Array($0.rawValue.utf8) })) + [0x41, 0x7A, 0x30, 0xE4]
        for f in TicketField.allCases {
            let k = Array(f.rawValue.utf8)
            keys.append(k)
            keys.append(Array(k.dropLast()))
            keys.append(Array(k.dropFirst()))
            keys.append(k + [0x73])
            for i in k.indices {
                for c: UInt8 in [0x5F, 0x61, k[i] ^ 0x20, k[i] &+ 1, k[i] | 0x80] {
                    var m = k
                    m[i] = c
                    keys.append(m)
                }
            }
        }
        var rng = SplitMix64(state: 18)
        for _ in 0..<4000 {
            let n = Int(rng.int(0...22))
            keys.append((0..<n).map { _ in alphabet[Int(rng.int(0...Int64(alphabet.count - 1)))] })
        }
        for k in keys where !k.contains(0x22) && !k.contains(0x5C) {
            let expected = k.withUnsafeBytes { TicketField.match($0) }
            for tail in [Array(#":1}"#.utf8), Array(#":"some value","x":2}"#.utf8), []] {
                let line = [0x7B, 0x22] + k + [0x22] + tail
                let span = MemberSpan(keyRange: 1..<(k.count + 3), keyEscaped: false, valueRange: (k.count + 4)..<(k.count + 5))
                let got = line.withUnsafeBytes { TicketField.match($0, span) }
                #expect(got?.field == expected?.field && got?.bit == expected?.bit, "\(String(decoding: k, as: UTF8.self))")
            }
        }
    }

    @Test func anEscapedKeyNamesTheFieldItSpells() throws {
        // "\u0069d" is "id": given twice with the plain spelling, the ticket is ambiguous.
        let line = #"{"id":"A","\u0069d":"B","opened_at":"2026-01-01T00:00:00Z","channel":"web","status":"open"}"#
        #expect(throws: TicketError.self) { try Ticket(bytes: Array(line.utf8)) }
        #expect(throws: TicketError.self) { try TicketFacts(bytes: Array(line.utf8)) }
    }
}
