// Unit tests of help and usage-error text: every declared flag, value, default and example shows.
import Testing

@testable import DeskKit

@Suite struct HelpRendererTests {
    @Test func usageLines() {
        #expect(HelpRenderer.usageLines(Samples.resolve) == ["Usage: desk resolve [OPTIONS] [FILE...]"])
        #expect(
            HelpRenderer.usageLines(Samples.policy) == [
                "Usage: desk policy [OPTIONS]",
                "       desk policy --check FILE",
            ])
    }

    @Test func commandHelpShowsEveryFlagWithItsValueDefaultAndEnvironment() {
        let help = HelpRenderer.commandHelp(Samples.resolve)
        #expect(help.hasPrefix("desk resolve: record cause, solution and result\n\nUsage: desk resolve [OPTIONS] [FILE...]\n"))
        for flag in Samples.resolve.flags {
            #expect(help.contains(HelpRenderer.optionColumn(flag)), "\(flag.long)")
            #expect(help.contains(flag.help.split(separator: " ").prefix(3).joined(separator: " ")), "\(flag.long)")
        }
        #expect(help.contains("  -i, --in-place FILE "))
        #expect(help.contains("      --format {text|json} "))
        #expect(help.contains("[default: json]"))
        #expect(help.contains("[env: DESK_NOW]"))
        #expect(help.contains("[repeatable]"))
        #expect(help.contains("  -h, --help "))
        #expect(help.contains("\nOptions:\n"))
        #expect(help.contains("\nExamples:\n"))
        for example in Samples.resolve.examples {
            #expect(help.contains("  " + example.command + "\n      " + example.explanation + "\n"))
        }
    }

    @Test func helpFitsEightyColumnsAndAlignsTheHelpColumn() {
        let help = HelpRenderer.commandHelp(Samples.resolve)
        let lines = help.split(separator: "\n")
        #expect(lines.allSatisfy { HelpRenderer.displayWidth($0) <= 80 })
        let cause = lines.first { $0.contains("--cause") }
        let limit = lines.first { $0.contains("--limit") }
        #expect(cause?.firstRange(of: "why it broke")?.lowerBound.utf16Offset(in: cause ?? "") ==
            limit?.firstRange(of: "at most")?.lowerBound.utf16Offset(in: limit ?? ""))
        // A long help wraps under the help column.
        #expect(help.contains("instead of writing\n                                  standard output"))
    }

    @Test func wrapCountsWideCharactersAsTwoColumns() {
        let lines = HelpRenderer.wrap(String(repeating: "已解决 ", count: 20), width: 20, indent: "")
        #expect(lines.allSatisfy { HelpRenderer.displayWidth($0) <= 20 })
        #expect(lines.count == 7)
    }

    @Test func topLevelHelpListsCommandsBuiltinsAndOptions() {
        let help = HelpRenderer.topLevelHelp(commands: Samples.all, version: "9.9.9")
        #expect(help.hasPrefix("desk 9.9.9: a service desk in the shell"))
        #expect(help.contains("\nUsage: desk <command> [OPTIONS] [FILE...]\n"))
        for spec in Samples.all {
            #expect(help.contains("  \(spec.name) "))
            #expect(help.contains(spec.summary))
        }
        for text in ["help [COMMAND]", "completions bash|zsh|fish", "--version", "-h, --help"] {
            #expect(help.contains(text))
        }
        #expect(help.hasSuffix("\nSee 'desk help <command>' for details.\n"))
    }

    @Test func usageErrorTextWithSuggestion() {
        let error = UsageError(command: "resolve", message: "unknown flag '--stauts'", suggestion: "--status")
        #expect(
            HelpRenderer.usageErrorText(error, spec: Samples.resolve) == """
                desk: error: unknown flag '--stauts'
                Usage: desk resolve [OPTIONS] [FILE...]
                Did you mean '--status'?
                See 'desk resolve --help'.

                """)
    }

    @Test func usageErrorTextWithoutSuggestionAndAtTopLevel() {
        let error = UsageError(command: "policy", message: "unexpected argument 'x'")
        #expect(
            HelpRenderer.usageErrorText(error, spec: Samples.policy) == """
                desk: error: unexpected argument 'x'
                Usage: desk policy [OPTIONS]
                       desk policy --check FILE
                See 'desk policy --help'.

                """)
        let top = UsageError(command: nil, message: "unknown command 'reslove'", suggestion: "resolve")
        #expect(
            HelpRenderer.usageErrorText(top, spec: nil) == """
                desk: error: unknown command 'reslove'
                Usage: desk <command> [OPTIONS] [FILE...]
                Did you mean 'resolve'?
                See 'desk --help'.

                """)
    }

    @Test func parserErrorRendersEndToEnd() {
        do {
            _ = try ArgumentParser.parse(["--stauts", "open"], spec: Samples.resolve, environment: [:])
            Issue.record("expected an error")
        } catch {
            #expect(HelpRenderer.usageErrorText(error, spec: Samples.resolve).contains("Did you mean '--status'?\n"))
        }
    }
}
