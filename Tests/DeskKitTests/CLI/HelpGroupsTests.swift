// `desk help` lists the commands grouped by a ticket's life; a command no group names still
// appears, under "Other commands".
import Testing
import DeskKit

@Suite struct HelpGroupsTests {
    @Test func groupsFollowTheTicketsLife() {
        let help = HelpRenderer.topLevelHelp(commands: Registry.specs, version: "9", groups: Registry.groups)
        let titles = ["Intake:", "Working a ticket:", "Escalation:", "Closing:", "Reporting:", "CI and setup:"]
        let positions = titles.compactMap { help.range(of: "\n" + $0 + "\n")?.lowerBound }
        #expect(positions.count == titles.count)
        #expect(positions == positions.sorted())
        // edit and log are listed under working, after its title and before escalation's.
        let working = help.range(of: "Working a ticket:")!.upperBound
        let escalation = help.range(of: "Escalation:")!.lowerBound
        for name in ["  edit ", "  log ", "  show "] {
            let at = help.range(of: "\n" + name)!.lowerBound
            #expect(at >= working && at < escalation, "\(name)")
        }
    }

    @Test func everyRegisteredCommandIsListedOnce() {
        let help = HelpRenderer.topLevelHelp(commands: Registry.specs, version: "9", groups: Registry.groups)
        for spec in Registry.specs {
            #expect(help.components(separatedBy: "\n  \(spec.name) ").count == 2, "\(spec.name)")
        }
    }

    @Test func anUngroupedCommandFallsUnderOther() {
        let extra = CommandSpec(name: "zzz", summary: "a command no group names", flags: [])
        let help = HelpRenderer.topLevelHelp(commands: Registry.specs + [extra], version: "9", groups: Registry.groups)
        let other = help.range(of: "Other commands:")!.upperBound
        #expect(help.range(of: "\n  zzz ")!.lowerBound >= other)
    }
}
