// Generated files in the repository must match what the declarations generate now, and the
// real command declarations must satisfy the table invariants. When this fails, refresh with:
//   bash scripts/regenerate.sh
import Foundation
import Testing

@testable import DeskKit

@Suite struct GeneratedFilesTests {
    static let refresh = "bash scripts/regenerate.sh"

    @Test(arguments: Shell.allCases)
    func completionScriptIsCurrent(_ shell: Shell) throws {
        let path = BinaryRunner.packageRoot.appendingPathComponent("completions/desk.\(shell.rawValue)")
        let committed = try String(contentsOf: path, encoding: .utf8)
        #expect(committed == Completions.script(for: shell, commands: Registry.specs),
                "completions/desk.\(shell.rawValue) is stale; run: \(Self.refresh)")
    }

    @Test func manPageIsCurrent() throws {
        let path = BinaryRunner.packageRoot.appendingPathComponent("docs/desk.1")
        let committed = try String(contentsOf: path, encoding: .utf8)
        #expect(committed == ManPage.render(commands: Registry.specs, version: Desk.version),
                "docs/desk.1 is stale; run: \(Self.refresh)")
    }

    @Test func commandReferenceIsCurrent() throws {
        let path = BinaryRunner.packageRoot.appendingPathComponent("docs/COMMANDS.md")
        #expect(try String(contentsOf: path, encoding: .utf8) == MarkdownReference.full(commands: Registry.specs),
                "docs/COMMANDS.md is stale; run: \(Self.refresh)")
    }

    @Test func readmeCommandSectionIsCurrent() throws {
        let readme = try String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = "<!-- commands:begin -->\n", end = "<!-- commands:end -->"
        let start = try #require(readme.range(of: begin)), stop = try #require(readme.range(of: end))
        #expect(String(readme[start.upperBound..<stop.lowerBound]) == MarkdownReference.brief(commands: Registry.specs),
                "README.md's command section is stale; run: \(Self.refresh)")
    }

    @Test func registryDeclarationsKeepTheTableInvariants() {
        #expect(SpecInvariants.problems(in: Registry.specs) == [])
    }

    @Test func binaryPrintsTheSameCompletionsAsTheLibrary() throws {
        let dir = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try BinaryRunner.desk(["completions", "bash"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout == Completions.script(for: .bash, commands: Registry.specs))
    }
}
