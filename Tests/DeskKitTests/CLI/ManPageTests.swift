// Unit tests of the generated man page: structure, escaping, determinism, and a real
// `man --warnings` run when man is installed.
import Foundation
import Testing

@testable import DeskKit

@Suite struct ManPageTests {
    let page = ManPage.render(commands: Samples.all, version: "0.1.0")

    @Test func hasEverySectionAndNoDate() {
        #expect(page.hasPrefix(".TH DESK 1 \"\" \"desk 0.1.0\" \"User Commands\"\n"))
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "EXAMPLES", "EXIT STATUS", "ENVIRONMENT", "FILES"] {
            #expect(page.contains("\n.SH \(section)\n"), "\(section)")
        }
        for variable in ["DESK_NOW", "DESK_POLICY", "DESK_AGENT", "DESK_LOCK_TIMEOUT", "NO_COLOR"] {
            #expect(page.contains(".B \(variable)\n"))
        }
        for code in 0...4 { #expect(page.contains(".TP\n.B \(code)\n")) }
        #expect(page == ManPage.render(commands: Samples.all, version: "0.1.0"))
    }

    @Test func everyCommandFlagAndExampleAppearsEscaped() {
        #expect(page.contains(".SS \"desk resolve\"\n"))
        #expect(page.contains(".TP\n\\fB\\-i\\fR, \\fB\\-\\-in\\-place\\fR \\fIFILE\\fR\n"))
        // Choice lists may break after each `|` (`\:` is roff's zero-width break point).
        #expect(page.contains("\\fB\\-\\-format\\fR \\fI{text|\\:json}\\fR\n"))
        for spec in Samples.all {
            for flag in spec.flags { #expect(page.contains("\\fB\\-\\-" + ManPage.escape(flag.long) + "\\fR")) }
            for example in spec.examples { #expect(page.contains(ManPage.escape(example.command))) }
        }
    }

    @Test func noTextLineStartsAsARequest() {
        let macros: Set<String> = [
            ".TH", ".SH", ".SS", ".PP", ".TP", ".B", ".I", ".BR", ".br", ".RS", ".RE", ".nf", ".fi", ".ad", ".nh",
        ]
        for line in page.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if line.hasPrefix(".") {
                let macro = String(line.prefix { $0 != " " })
                #expect(macros.contains(macro), "unexpected request line: \(line)")
            }
            #expect(!line.hasPrefix("'"), "line starts with a quote: \(line)")
            #expect(!line.isEmpty, "a blank line is a paragraph break in roff")
        }
        #expect(page.contains("\\&.dotted lines"))
        #expect(page.contains("\\ebackslash"))
    }

    @Test func escaping() {
        #expect(ManPage.escape("a-b\\c") == "a\\-b\\ec")
        #expect(ManPage.escape(".x") == "\\&.x")
        #expect(ManPage.escape("'x") == "\\&'x")
        #expect(ManPage.quoted("say \"hi\"") == "say \\(dqhi\\(dq")
    }

    @Test(.enabled(if: Tool.installed("man") && Tool.installed("groff"), "man or groff is not installed"))
    func rendersWithoutWarnings() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("desk.1")
        try page.write(to: file, atomically: true, encoding: .utf8)
        let result = try Tool.run("man", ["--warnings", "-l", file.path], environment: ["MANWIDTH": "80"])
        #expect(result.status == 0)
        #expect(result.err == "")
        #expect(result.out.contains("desk resolve"))
        #expect(result.out.contains("--in-place FILE"))
    }

    /// The real command set's page, too: long choice lists must break, not warn.
    @Test(.enabled(if: Tool.installed("man") && Tool.installed("groff"), "man or groff is not installed"))
    func realPageRendersWithoutWarnings() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("desk.1")
        try ManPage.render(commands: Registry.specs, version: Desk.version).write(to: file, atomically: true, encoding: .utf8)
        let result = try Tool.run("man", ["--warnings", "-l", file.path], environment: ["MANWIDTH": "80"])
        #expect(result.status == 0)
        #expect(result.err == "", "man warned: \(result.err)")
        #expect(result.out.contains("desk check"))
    }
}
