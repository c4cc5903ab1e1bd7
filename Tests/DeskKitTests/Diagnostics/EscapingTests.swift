// Terminal escape injection (issue 17 item 5) and markdown/CSV injection (item 7). Regression:
// a title holding `ESC ] 0 ; … BEL ESC [ 2 J` reached the terminal raw through text cards,
// reports, check output, notices and error messages; markdown cells passed link syntax; CSV
// formula protection missed a leading tab or CR and `-inf`, `-nan`, `-0x1p3`.
import Foundation
import Testing

@testable import DeskKit

@Suite struct EscapingTests {
    static let attack = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{202E}evil\u{2066}\u{200F}\u{061C}\u{7F}"

    /// No raw control character (other than newline and tab) in `s`.
    static func clean(_ s: String) -> Bool {
        !s.unicodeScalars.contains { TerminalText.isControl($0) && $0 != "\n" && $0 != "\t" }
    }

    @Test func escapesEveryControlClass() {
        #expect(TerminalText.escaped("a\u{1B}b") == "a\\x1Bb")
        #expect(TerminalText.escaped("\u{07}\u{7F}\u{9B}") == "\\x07\\x7F\\x9B")
        #expect(TerminalText.escaped("\u{202E}\u{2066}\u{2069}\u{200E}\u{200F}\u{061C}") == "\\u202E\\u2066\\u2069\\u200E\\u200F\\u061C")
        #expect(TerminalText.escaped("line\n\tnext\r") == "line\n\tnext\\r")
        #expect(TerminalText.escaped("line\n\tnext", keepLayout: false) == "line\\n\\tnext")
        #expect(TerminalText.escaped("王伟 ✓ é") == "王伟 ✓ é")
        #expect(Self.clean(TerminalText.escaped(Self.attack)))
    }

    @Test func diagnosticsEscapeFileSubjectAndMessage() {
        let d = Diagnostic(.error, file: "t\u{1B}.ndjson", line: 2, column: 3, subject: "A\n: B", "bad \u{1B}[2J value")
        #expect(d.rendered(colour: false) == "t\\x1B.ndjson:2:3: A\\n: B: error: bad \\x1B[2J value")
        #expect(d.rendered(colour: true) == "t\\x1B.ndjson:2:3: A\\n: B: \u{1B}[1;31merror:\u{1B}[0m bad \\x1B[2J value")
        #expect(Diagnostic(.refused, "no\n\u{1B}").rendered(colour: false) == "desk: refused: no\n\\x1B")
        #expect(Diagnostic(.note, "x").rendered(colour: true) == "desk: note: x")
    }

    static func ticket(id: String = "E1", title: String) -> String {
        let t = try! JSONSerialization.data(withJSONObject: ["id": id, "opened_at": "2026-10-14T01:30:00Z", "channel": "web",
                                                              "status": "open", "title": title, "priority": "urgent"])
        return String(decoding: t, as: UTF8.self)
    }

    @Test func textCardsEscape() throws {
        let r = try runDesk(["show", "--format", "text"], stdin: Self.ticket(title: Self.attack) + "\n")
        #expect(r.status == 0)
        #expect(Self.clean(r.stdout))
        #expect(r.stdout.contains("\\x1B]0;pwned\\x07\\x1B[2J"))
    }

    @Test func logTextEscapes() throws {
        let r = try runDesk(["log", "--id", "E1", "--now", "2026-10-14T02:00:00Z"], stdin: Self.ticket(title: Self.attack) + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.clean(r.stdout) && Self.clean(r.stderr))
    }

    @Test(arguments: ["text", "github"])
    func checkOutputEscapes(_ format: String) throws {
        let r = try runDesk(["check", "--format", format, "--now", "2026-10-14T02:00:00Z"],
                            stdin: Self.ticket(id: "E\u{1B}[2J", title: Self.attack) + "\n")
        #expect(r.status == 1)
        #expect(r.stdout.contains("E\\x1B[2J"), "\(r.stdout)")
        #expect(Self.clean(r.stdout) && Self.clean(r.stderr))
    }

    @Test func errorMessagesQuotingIdsAndFilesEscape() throws {
        let missing = try runDesk(["open", "--reopen", "--id", "X\u{1B}[2J", "--reason", "r"], stdin: Self.ticket(title: "t") + "\n")
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("X\\x1B[2J"))
        #expect(Self.clean(missing.stderr))
        let file = try runDesk(["show", "no\u{1B}]0;x\u{07}such.ndjson"])
        #expect(file.status == 3)
        #expect(file.stderr.hasPrefix("no\\x1B]0;x\\x07such.ndjson: error:"), "\(file.stderr)")
        let flag = try runDesk(["show", "--status", "\u{1B}[2J"])
        #expect(flag.status == 2)
        #expect(Self.clean(flag.stderr), "\(flag.stderr)")
    }

    /// The bundled sample tickets with one survey comment replaced by `comment`.
    static func samplesWithComment(_ comment: String) throws -> String {
        let path = BinaryRunner.packageRoot.appendingPathComponent("Examples/tickets.ndjson").path
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let i = try #require(lines.firstIndex { $0.contains("\"opened_at\":\"2026-11") && $0.contains("\"comment\"") })
        var object = try #require(try JSONSerialization.jsonObject(with: Data(lines[i].utf8)) as? [String: Any])
        var survey = try #require(object["survey"] as? [String: Any])
        survey["comment"] = comment
        // The lowest scores put the comment first in the follow-up table.
        (survey["efficiency"], survey["attitude"], survey["effectiveness"]) = (1, 1, 1)
        object["survey"] = survey
        lines[i] = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        return lines.joined(separator: "\n") + "\n"
    }

    static func report(_ format: String, _ input: String) throws -> InProcessResult {
        let policy = BinaryRunner.packageRoot.appendingPathComponent("Examples/policy-cn-2026.json").path
        return try runDesk(["report", "--month", "2026-11", "--format", format, "--policy", policy, "--now", "2026-11-30T09:30:00Z"],
                           stdin: input)
    }

    @Test(arguments: ["text", "markdown", "csv"])
    func reportsEscape(_ format: String) throws {
        let r = try Self.report(format, try Self.samplesWithComment("slow " + Self.attack))
        #expect(r.status == 0, "\(r.stderr)")
        // Markdown escapes the backslash and the bracket of the escaped text once more.
        let shown = format == "markdown" ? #"slow \\x1B\]0;pwned"# : #"slow \x1B]0;pwned"#
        #expect(r.stdout.contains(shown), "the comment is not in the \(format) report")
        #expect(Self.clean(r.stdout.replacingOccurrences(of: "\r\n", with: "\n")))
    }

    @Test func markdownCellsCannotLink() throws {
        let r = try Self.report("markdown", try Self.samplesWithComment("see ![x](https://evil.example/p.png) [click](https://evil.example)"))
        #expect(r.status == 0)
        #expect(r.stdout.contains(#"see !\[x\](https://evil.example/p.png) \[click\](https://evil.example)"#), "\(r.stdout)")
    }

    @Test func csvFormulaProtection() {
        for formula in ["=1+1", "+1", "@SUM(A1)", "-1+1", "\t=1", "\r=1", " =1", "-inf", "-nan", "-0x1p3", "-infinity", "\t", "-"] {
            #expect(ReportRenderer.formulaLike(formula), "\(formula.debugDescription) is not protected")
        }
        for formula in ["=1+1", "+1", "@SUM(A1)", "-1+1", "\t=1", " =1", "-inf", "-nan", "-0x1p3"] {
            #expect(ReportRenderer.csvField(formula).hasPrefix("\"'"), "\(formula.debugDescription)")
        }
        // A carriage return is escaped before the check: the cell starts with a backslash.
        #expect(ReportRenderer.csvField("\r=1") == "\\r=1")
        for plain in ["-3", "-1.5e2", "-0.25", "3", "hello", "a=b", "1e5", ""] {
            #expect(!ReportRenderer.formulaLike(plain), "\(plain) was protected")
        }
    }

    /// The byte pre-filter of `escaped` gives what the scalar walk gives, on text mixing every
    /// control desk escapes with their UTF-8 neighbours (same lead bytes, not controls).
    @Test func theBytePrefilterEscapesAsTheScalarWalk() {
        var rng = SplitMix64(state: 17)
        let pieces = ["a", " ", "\n", "\t", "\r", "\u{1B}", "\u{7F}", "\u{85}", "\u{9F}", "\u{A0}", "é", "\u{061C}", "\u{061B}",
                      "\u{200E}", "\u{200F}", "\u{2010}", "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{2070}", "中", "😀",
                      "\u{200D}", "\u{2029}", "\u{202F}", "\u{2065}", "\u{206A}", "\u{201C}", "\u{201D}", "\u{80}", "\u{A9}", "\u{61D}"]
        var escapedSome = 0
        for _ in 0..<3000 {
            var s = ""
            for _ in 0..<Int(rng.int(0...8)) { s += pieces[Int(rng.int(0...Int64(pieces.count - 1)))] }
            for keep in [true, false] {
                let fast = TerminalText.escaped(s, keepLayout: keep)
                #expect(fast == TerminalText.escapedScalars(s, keepLayout: keep), "\(Array(s.unicodeScalars))")
                if fast != s { escapedSome += 1 }
            }
        }
        #expect(escapedSome > 1000)
    }
}
