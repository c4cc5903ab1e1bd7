// Tests of the report's byte filter in front of the requester masking (Report/RequesterFilter):
// a comment masked through it equals the comment masked with every requester value known, for
// random requesters and comments built from the same pieces (names, their parts in other
// cases, separators, CJK, escapes, marks, stars), and the filter does skip the work when the
// comment names nobody (or it would save nothing).
import Testing

@testable import DeskKit

@Suite struct RequesterFilterTests {
    static let pieces = [
        "Liam", "liam", "LIAM", "Ivanova", "ivanova", "Li", "Na", "王伟", "王", "伟", "张勇", " ", "  ", "\u{3000}", "·", "\t",
        "\u{00A0}", "e\u{301}", "\u{301}", "ｶ", "かな", "*", "***", "a@b.com", "+86 138 0000 1234", "138", "x", "slow", "-",
        "\\u0041", "\\\"", ".", "Ivan", "vano", "wang.wei@example.com", "wangw", "😀", "\u{200D}",
    ]

    static func draw(_ g: inout SplitMix64, _ count: Int) -> String {
        var s = ""
        for _ in 0..<count { s += pieces[Int(g.int(0...Int64(pieces.count - 1)))] }
        // A tab is written as its escape, so the text stays valid inside JSON quotes.
        var out = ""
        for u in s.unicodeScalars { if u == "\t" { out += "\\t" } else { out.unicodeScalars.append(u) } }
        return out
    }

    /// The exact masking: every requester value known.
    static func exact(_ comment: String, _ requester: String) throws -> String {
        var known = ContactMask.Known()
        known.add(requester: try JSONParser.parse(requester))
        return ContactMask.text(comment, known: known)
    }

    @Test func maskedEqualsTheExactMasking() throws {
        var g = SplitMix64(state: 18)
        var skipped = 0
        for _ in 0..<4000 {
            // Requester: an object of strings (escapes written raw), a number, a list.
            let a = Self.draw(&g, Int(g.int(1...4))), c = Self.draw(&g, Int(g.int(0...3)))
            let name = a
            let requester = "{\"name\":\"\(name)\",\"phone\":12345,\"alias\":[\"\(c)\",true],\"department\":\"Legal\"}"
            guard (try? JSONParser.parse(requester)) != nil else { continue }
            let comment = try JSONParser.parse("\"" + Self.draw(&g, Int(g.int(0...6))) + "\"")
            guard let text = comment.stringValue else { continue }
            let (got, ruledOut) = Self.masked(text, requester)
            if ruledOut { skipped += 1 }
            #expect(got == (try Self.exact(text, requester)), "requester \(requester) comment \(text)")
        }
        #expect(skipped > 500)  // the filter does rule cases out
    }

    /// The same, for requesters written with white space between every token and values one
    /// and two levels down (objects in arrays, arrays in objects): the filter's walk over the
    /// bytes must reach every value the exact masking reads.
    @Test func maskedEqualsTheExactMaskingWithSpacesAndNesting() throws {
        var g = SplitMix64(state: 29)
        let spaces = ["", " ", "\n", "  ", "\t", "\r\n"]
        func ws() -> String { spaces[Int(g.int(0...Int64(spaces.count - 1)))] }
        var skipped = 0, named = 0
        for _ in 0..<3000 {
            let a = Self.draw(&g, Int(g.int(1...3))), c = Self.draw(&g, Int(g.int(0...2))), d = Self.draw(&g, Int(g.int(1...2)))
            let requester = "{\(ws())\"name\"\(ws()):\(ws())\"\(a)\"\(ws()),\(ws())\"ids\":\(ws())[\(ws()){\(ws())\"alias\"\(ws()):\(ws())\"\(c)\"\(ws())}\(ws()),\(ws())[\(ws())\"\(d)\"\(ws()),\(ws())-7.5e1\(ws())]\(ws()),\(ws())null\(ws())]\(ws()),\(ws())\"n\":\(ws()){}\(ws()),\(ws())\"e\":[]\(ws())}"
            guard (try? JSONParser.parse(requester)) != nil else { continue }
            let comment = try JSONParser.parse("\"" + Self.draw(&g, Int(g.int(0...6))) + "\"")
            guard let text = comment.stringValue else { continue }
            let (got, ruledOut) = Self.masked(text, requester)
            if ruledOut { skipped += 1 }
            let exact = try Self.exact(text, requester)
            if exact != text { named += 1 }
            #expect(got == exact, "requester \(requester) comment \(text)")
        }
        #expect(skipped > 300)
        #expect(named > 300)  // values one and two levels down were found and masked
    }

    /// What ContactMask.Known never takes is not looked for: a `department` (at any depth; an
    /// escaped key is still walked) and a part under three ASCII letters on its own; Latin-1
    /// letters are compared by their bytes; the masked text stays the exact one.
    @Test func departmentsAndShortPartsAreNotLookedFor() throws {
        let cases: [(requester: String, comment: String, mayOccur: Bool)] = [
            (#"{"name":"Wei Li","department":"Legal"}"#, "legal said it was reliable", false),
            (#"{"name":"Wei Li","department":"Legal"}"#, "thanks Wei", true),
            (#"{"name":"Wei Li","department":"Legal"}"#, "wei li helped", true),
            (#"{"name":"Li","department":"IT"}"#, "reliable", true),  // a whole value: walked as before
            (#"{"contacts":[{"department":"Sales"}],"name":"Ann Bo"}"#, "sales team, thanks", false),
            (#"{"departmen\u0074":"Sales","name":"Ann Bo"}"#, "sales team", true),
            // Latin-1 letters are compared by their bytes, as ContactMask compares their scalars.
            (#"{"name":"Lukas Müller"}"#, "quick, thanks", false),
            (#"{"name":"Lukas Müller"}"#, "thanks Müller!", true),
            (#"{"name":"Lukas Müller"}"#, "thanks MÜLLER!", false),
            (#"{"name":"Lukas Müller"}"#, "thanks Mu\u{308}ller!", false),
            (#"{"name":"Zoë Ñúñez"}"#, "zoë was great", true),
            (#"{"name":"Zoë Ñúñez"}"#, "ñúñez", false),  // Ñ is not ñ to ContactMask either
            (#"{"name":"Lukas Mu\u0308ller"}"#, "quick, thanks", true),  // an escape: the exact way
        ]
        for c in cases {
            let line = Array(("{\"requester\":" + c.requester + "}").utf8)
            let exact = try Self.exact(c.comment, c.requester)
            line.withUnsafeBytes { b in
                let r = 13..<(b.count - 1)
                #expect(RequesterFilter.mayOccur(b, r, in: c.comment) == c.mayOccur, "\(c)")
                #expect(TicketFacts.masked(c.comment, b, r) == exact, "\(c)")
            }
        }
    }

    @Test func plainCommentsSkipTheValues() {
        let line = Array("{\"requester\":{\"name\":\"Liam Ivanova\",\"email\":\"liam.i@example.com\"}}".utf8)
        line.withUnsafeBytes { b in
            let r = 13..<(b.count - 1)
            #expect(!RequesterFilter.mayOccur(b, r, in: "Quick and friendly, thanks"))
            #expect(RequesterFilter.mayOccur(b, r, in: "thanks LIAM"))
            #expect(RequesterFilter.mayOccur(b, r, in: "liam ivanova"))
        }
    }

    /// The comment masked as the report masks it, in a line holding only `requester`, and
    /// whether the filter ruled the requester's values out of it.
    static func masked(_ text: String, _ requester: String) -> (String, Bool) {
        let line = Array(("{\"requester\":" + requester + "}").utf8)
        return line.withUnsafeBytes { b in
            let r = 13..<(13 + requester.utf8.count)
            return (TicketFacts.masked(text, b, r), !RequesterFilter.mayOccur(b, r, in: text))
        }
    }
}
