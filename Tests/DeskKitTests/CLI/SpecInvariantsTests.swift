// Unit tests of the declaration invariants, on sound and deliberately broken sample specs.
import Testing

@testable import DeskKit

@Suite struct SpecInvariantsTests {
    @Test func samplesAreSound() {
        #expect(SpecInvariants.problems(in: Samples.all) == [])
    }

    @Test func everyBrokenRuleIsReported() {
        let broken = CommandSpec(
            name: "bad", summary: "",
            flags: [
                FlagSpec("id", short: "i", kind: .string, help: "an id"),
                FlagSpec("id", short: "i", kind: .string, help: "again."),
                FlagSpec("help", help: "my own help"),
                FlagSpec("hush", short: "h", help: ""),
                FlagSpec("pick", kind: .choice([]), help: "nothing to pick"),
            ],
            examples: [ExampleSpec("desk bad", "one example")])
        let problems = SpecInvariants.problems(in: [broken, Samples.policy, Samples.policy])
        #expect(
            problems == [
                "bad: no summary",
                "bad: 1 example(s), at least 2 needed",
                "bad: duplicate long flag '--id'",
                "bad: duplicate short flag '-i'",
                "bad: flag '--id': help ends with a period",
                "bad: flag '--help': name is reserved for help",
                "bad: flag '--hush': short name '-h' is reserved for help",
                "bad: flag '--hush': no help",
                "bad: flag '--pick': empty choice list",
                "policy: command declared more than once",
            ])
    }

    @Test func builtinCommandNamesAreReserved() {
        let help = CommandSpec(
            name: "help", summary: "mine", flags: [],
            examples: [ExampleSpec("desk help", "a"), ExampleSpec("desk help x", "b")])
        #expect(SpecInvariants.problems(in: [help]) == ["help: command name is reserved"])
    }
}
