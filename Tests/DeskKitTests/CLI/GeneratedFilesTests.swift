// Generated files in the repository must match what the declarations generate now, and the
// real command declarations must satisfy the table invariants. When this fails, refresh with:
//   swift build && for s in bash zsh fish; do .build/debug/desk completions $s > completions/desk.$s; done \
//     && .build/debug/desk help --man > docs/desk.1
import Foundation
import Testing

@testable import DeskKit

@Suite struct GeneratedFilesTests {
    static let refresh = "swift build && for s in bash zsh fish; do .build/debug/desk completions $s > completions/desk.$s; done && .build/debug/desk help --man > docs/desk.1"

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
