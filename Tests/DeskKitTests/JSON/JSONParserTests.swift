// Unit tests of the JSON codec: round trips, key order, every error path with its position,
// and the JSONTestSuite conformance run.
import Foundation
import Testing

@testable import DeskKit

func parseError(_ text: String) -> (line: Int, column: Int, message: String)? {
    let bytes = Array(text.utf8)
    do {
        _ = try JSONParser.parse(bytes)
        return nil
    } catch {
        let lc = bytes.withUnsafeBytes { lineAndColumn(of: error.offset, in: $0) }
        return (lc.line, lc.column, error.message)
    }
}

@Suite struct JSONParserTests {
    /// The validating scans (`validate`, and `scanMembers` reporting nested members), whose
    /// object loops scan a string value straight after a `:"`, refuse exactly what building the
    /// value refuses (`parse`, which steps through ':' and the value the general way), with the
    /// same offset and message: compact and spaced tickets, each cut short and with bytes
    /// changed around the colons and quotes.
    @Test func validatingScansAgreeWithBuildingTheValue() {
        let good = [
            #"{"id":"T-1","opened_at":"2026-01-01T00:00:37Z","requester":{"name":"Liam","email":"l@x.com"},"title":"DNS \"x\" é 你好","environment":{"os":"Win","n":5,"b":true,"z":null,"a":[]},"survey":{"efficiency":2,"comment":"ok"},"history":[{"at":"2026-01-01T00:00:37Z","by":"a","event":"opened"},{"at":"x","k":{"y":"z"}}],"escalations":[{"at":"2026","to":"tier2"}]}"#,
            #"{ "id" : "T-2" , "requester" : { "name" :"Li" ,"x": [ "a" , {"b" :"c"} ] } , "history":[ {"at" : "t" } ] }"#,
        ]
        let bytes: [UInt8] = [0x22, 0x3A, 0x2C, 0x20, 0x09, 0x5C, 0x01, 0xFF, 0xE4, 0x7D, 0x5D, 0x7B, 0x5B, 0x41, 0x30, 0x2D, 0x74]
        var lines: [[UInt8]] = []
        for line in good.map({ Array($0.utf8) }) {
            lines.append(line)
            for cut in 1..<line.count { lines.append(Array(line[0..<cut])) }
            for at in line.indices {
                for b in bytes where b != line[at] {
                    var l = line
                    l[at] = b
                    lines.append(l)
                }
            }
        }
        func outcome(_ body: () throws(JSONSyntaxError) -> Void) -> JSONSyntaxError? {
            do throws(JSONSyntaxError) { try body(); return nil } catch { return error }
        }
        var wrong: [String] = []
        for line in lines {
            line.withUnsafeBytes { b in
                let built = outcome { () throws(JSONSyntaxError) in _ = try JSONParser.parse(b) }
                let skipped = outcome { () throws(JSONSyntaxError) in try JSONParser.validate(b) }
                if built != skipped { wrong.append("\(String(decoding: line, as: UTF8.self)): \(String(describing: built)) vs \(String(describing: skipped))") }
                // A top-level object: the member scans, plain and descending into every member.
                guard built.map({ !$0.message.hasPrefix("expected a JSON object") }) ?? true, line.first == 0x7B else { return }
                let plain = outcome { () throws(JSONSyntaxError) in try JSONParser.scanMembers(b) { _ in } }
                let deep = outcome { () throws(JSONSyntaxError) in
                    try JSONParser.scanMembers(b, descend: { _ in true }, nested: { _, _ in }, { _ in })
                }
                if plain != built || deep != built {
                    wrong.append("\(String(decoding: line, as: UTF8.self)): members \(String(describing: plain)), nested \(String(describing: deep)) vs \(String(describing: built))")
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count) of \(lines.count) differ, first: \(wrong.prefix(3))")
    }

    @Test func roundTripKeepsKeyOrderAndNumbersAsWritten() throws {
        let text = #"{"z":1,"a":[true,false,null],"n":1.5e+400,"s":"中文\n\"q\"","o":{},"big":123456789012345678901234567890}"#
        let v = try JSONParser.parse(text)
        #expect(JSONWriter.string(v) == text)
        #expect(v.objectValue?.keys == ["z", "a", "n", "s", "o", "big"])
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let v = try JSONParser.parse(#"["\u00e9\ud834\udd1e\/\b\f\t\r\n\\"]"#)
        #expect(v == .array([.string("é𝄞/\u{8}\u{c}\t\r\n\\")]))
        // Control characters are written escaped, non-ASCII as UTF-8.
        #expect(JSONWriter.string(.string("a\u{1}é")) == #""a\u0001é""#)
    }

    @Test func duplicateKeysAreKeptInOrder() throws {
        let v = try JSONParser.parse(#"{"a":1,"a":2}"#)
        #expect(v.objectValue?.count(of: "a") == 2)
        #expect(JSONWriter.string(v) == #"{"a":1,"a":2}"#)
    }

    @Test(arguments: [
        (#"{"a":1 "b":2}"#, 1, 8, "expected ',' or '}' after object member"),
        (#"{"a" 1}"#, 1, 6, "expected ':' after object key"),
        (#"{1:2}"#, 1, 2, "expected a string key in object"),
        (#"[1,2"#, 1, 5, "expected ',' or ']' after array element, found end of input"),
        (#"[01]"#, 1, 3, "leading zeros are not allowed in numbers"),
        (#"[1.]"#, 1, 4, "expected a digit after '.' in number"),
        (#"[1e]"#, 1, 4, "expected a digit in exponent"),
        (#"[-]"#, 1, 3, "expected a digit in number"),
        (#"[tru]"#, 1, 5, "invalid literal, expected 'true'"),
        (#"["abc"#, 1, 6, "unterminated string, found end of input"),
        ("[\"a\u{1}\"]", 1, 4, "unescaped control character U+0001 in string"),
        (#"["\x"]"#, 1, 4, "invalid escape in string"),
        (#"["\u12G4"]"#, 1, 7, #"expected 4 hex digits after \u"#),
        (#"["\ud800"]"#, 1, 3, "lone surrogate escape in string (high surrogate without low)"),
        (#"["\udc00"]"#, 1, 3, "lone surrogate escape in string (low surrogate without high)"),
        ("{\n  \"a\": 中}", 2, 8, "expected a value"),
        (#"{} x"#, 1, 4, "unexpected data after the JSON value"),
        ("", 1, 1, "expected a value, found end of input"),
        ("[\"\u{0}\"]", 1, 3, "NUL byte in string"),
    ] as [(String, Int, Int, String)])
    func errorsNameLineColumnAndWhatWasExpected(_ text: String, _ line: Int, _ column: Int, _ message: String) {
        let e = parseError(text)
        #expect(e?.line == line)
        #expect(e?.column == column)
        #expect(e?.message == message)
    }

    @Test func invalidUTF8IsRejected() {
        for bad: [UInt8] in [[0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xFF, 0x22], [0x22, 0xE4, 0xB8, 0x22], [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22]] {
            #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(bad) }
        }
    }

    @Test func deepNestingIsBoundedNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let e = parseError(deep)
        #expect(e?.message == "nesting deeper than 512 levels")
        let ok = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(parseError(ok) == nil)
    }

    @Test func byteOrderMarkInsideTextIsNamed() {
        #expect(parseError("\u{FEFF}{}")?.message == "unexpected byte order mark (U+FEFF); only the start of a file may carry one")
    }

    @Test func prettyOutputParsesBackToTheSameValue() throws {
        let v = try JSONParser.parse(#"{"a":{"b":[1,2,{"c":"d"}],"e":[]},"f":"中"}"#)
        #expect(try JSONParser.parse(JSONWriter.pretty(v)) == v)
    }
}

/// The JSONTestSuite (../shared/conformance): every y_ file accepted, every n_ file rejected,
/// no crash on any i_ file. Each file's bytes go to the value parser directly.
@Suite struct JSONTestSuiteConformance {
    static let dir = BinaryRunnerPaths.shared.appendingPathComponent("conformance/JSONTestSuite/test_parsing")

    static func files(_ prefix: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasPrefix(prefix) }.sorted()
    }

    @Test func suiteIsPresent() {
        #expect(Self.files("y_").count > 90, "JSONTestSuite not found at \(Self.dir.path)")
        #expect(Self.files("n_").count > 180)
    }

    @Test(arguments: files("y_")) func accepts(_ name: String) throws {
        let data = try [UInt8](Data(contentsOf: Self.dir.appendingPathComponent(name)))
        #expect(throws: Never.self) { try JSONParser.parse(data) }
    }

    @Test(arguments: files("n_")) func rejects(_ name: String) throws {
        let data = try [UInt8](Data(contentsOf: Self.dir.appendingPathComponent(name)))
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(data) }
    }

    /// The suite leaves i_ files to the implementation; desk's decisions: numbers of any size
    /// are accepted (kept as written), 500-deep nesting is within the bound, and every
    /// encoding problem (invalid UTF-8, lone surrogates, UTF-16, a BOM inside the value
    /// text) is rejected. Reaching the assertion at all shows there was no crash.
    @Test(arguments: files("i_")) func decidesAsDocumented(_ name: String) throws {
        let data = try [UInt8](Data(contentsOf: Self.dir.appendingPathComponent(name)))
        let accepted = (try? JSONParser.parse(data)) != nil
        let expected = name.hasPrefix("i_number_") || name == "i_structure_500_nested_arrays.json"
        #expect(accepted == expected)
    }
}

/// Where ../shared is: beside the repository (CI's layout), or SHARED_DIR.
enum BinaryRunnerPaths {
    static let shared: URL = {
        if let s = ProcessInfo.processInfo.environment["DESK_SHARED_DIR"] { return URL(fileURLWithPath: s) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.deletingLastPathComponent().appendingPathComponent("shared")
    }()
}
