// Usage mistakes come before any file is opened (issue 17 item 13). Regression: with a policy
// that cannot be read, `survey`, `report` and `escalate` exited 3 ("cannot open") and never
// said what was wrong with the command line.
import Foundation
import Testing

@testable import DeskKit

@Suite struct FlagRulesTests {
    @Test(arguments: [
        (["survey"], "say what to do: --invite or --record RESPONSES"),
        (["survey", "--invite", "--record", "r.ndjson"], "--invite and --record cannot be used together"),
        (["survey", "--invite", "--strict"], "--strict goes with --record"),
        (["report"], "a period is required: --month YYYY-MM, or --from DATE --to DATE"),
        (["report", "--month", "2026-11", "--from", "2026-11-01"], "--month cannot be combined with --from/--to"),
        (["report", "--from", "2026-11-01"], "--from and --to go together"),
        (["report", "--month", "2026-11", "--partial"], "--partial needs --now (or DESK_NOW): every part must judge running tickets at the same instant"),
        (["escalate"], "escalate needs --id ID"),
        (["escalate", "--id", "A", "--reason", "r"], "--to TIER is required (or --ack, or --auto)"),
        (["escalate", "--ack", "--auto"], "--ack and --auto cannot be used together"),
        (["escalate", "--ack", "--id", "A"], "--ack needs --eta TIME|DURATION: when the receiver expects to have handled it (seed 000 四(一)3 预计处理时间)"),
        (["escalate", "--auto", "--id", "A"], "--id cannot be used with --auto"),
    ])
    func usageBeforeThePolicy(_ args: [String], _ message: String) throws {
        let r = try runDesk(args + ["--policy", "/nonexistent/policy.json"])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("desk: error: " + message + "\n"), "\(r.stderr)")
    }

    @Test func aGoodCommandLineStillReportsTheMissingPolicy() throws {
        let r = try runDesk(["survey", "--invite", "--policy", "/nonexistent/policy.json"])
        #expect(r.status == 3)
        #expect(r.stderr.hasPrefix("/nonexistent/policy.json: error: cannot open"))
    }
}
