// Time arithmetic that trapped and years written wrong (issue 17 items 8 and 9). Regressions:
// `--eta 9223372036854775807` and `--observe 9223372036854775807s1s` killed desk with SIGILL
// (exit 132) on an overflow; `--eta 1000000w` wrote year 1192 with exit 0; DESK_NOW in year
// 0000 wrote `000/-12-31...`, which desk's own check rejects.
import Foundation
import Testing

@testable import DeskKit

@Suite struct TimeBoundsTests {
    static let escalated =
        #"{"id":"X","opened_at":"2026-10-14T01:30:00Z","channel":"web","status":"escalated","tier":"tier2","escalations":[{"at":"2026-10-14T02:00:00Z","from":"tier1","to":"tier2"}]}"#
    static let resolvable = #"{"id":"X","opened_at":"2026-10-14T01:30:00Z","channel":"web","status":"in_progress"}"#

    /// Runs the binary (a trap must show as its exit status, not kill the test run).
    func desk(_ args: [String], stdin: String, env: [String: String] = [:]) throws -> RunResult {
        let dir = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        return try BinaryRunner.desk(args, in: dir, stdin: Data(stdin.utf8), env: env)
    }

    @Test(arguments: ["9223372036854775807", "1000000w", "9223372036854775807s1s", "10000000000000000000"])
    func etaOutOfRangeIsAUsageError(_ eta: String) throws {
        let r = try desk(["escalate", "--ack", "--id", "X", "--eta", eta, "--by", "a", "--now", "2026-10-14T03:00:00Z"],
                         stdin: Self.escalated + "\n")
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stdout == "")
    }

    @Test(arguments: ["9223372036854775807s1s", "9223372036854775807", "600000w"])
    func observeOutOfRangeIsAUsageError(_ observe: String) throws {
        let r = try desk(["resolve", "--id", "X", "--cause", "证书过期", "--solution", "续签证书", "--result", "恢复正常",
                          "--observe", observe, "--now", "2026-10-14T03:00:00Z"], stdin: Self.resolvable + "\n")
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stdout == "")
    }

    @Test(arguments: ["0000-01-01T00:00:00+23:59", "0000-06-01T00:00:00Z", "0001-01-01T00:00:00+00:01"])
    func nowBeforeYear1IsAUsageError(_ now: String) throws {
        let r = try desk(["open", "--channel", "web", "--title", "t"], stdin: "", env: ["DESK_NOW": now])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stdout == "")
    }

    @Test func timesInDataOutsideTheYearsAreBadInput() throws {
        let t = #"{"id":"X","opened_at":"0000-06-01T00:00:00Z","channel":"web","status":"open"}"#
        let r = try desk(["show"], stdin: t + "\n")
        #expect(r.status == 3)
        #expect(r.stderr.contains("<stdin>:1:"))
    }

    @Test func policyDurationsCannotOverflow() throws {
        let dir = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let builtin = try BinaryRunner.desk(["policy"], in: dir)
        var policy = try #require(try JSONSerialization.jsonObject(with: Data(builtin.stdout.utf8)) as? [String: Any])
        policy["review_interval"] = "9223372036854775807s1s"
        try JSONSerialization.data(withJSONObject: policy).write(to: dir.appendingPathComponent("p.json"))
        let r = try BinaryRunner.desk(["check", "--policy", "p.json", "--now", "2026-10-14T03:00:00Z"], in: dir, stdin: Data((Self.resolvable + "\n").utf8))
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("review_interval"))
    }

    @Test func arithmeticNeverTraps() {
        #expect(DurationText.parse("9223372036854775807s1s") == nil)
        #expect(DurationText.parse("\(DurationText.maximum)") == DurationText.maximum)
        #expect(DurationText.parse("\(DurationText.maximum + 1)") == nil)
        #expect(Instant(seconds: Int64.max).adding(1).seconds == Int64.max)
        #expect(Instant(seconds: 0).moved(by: DurationText.maximum) == nil)
        #expect(Instant.latest.rfc3339 == "9999-12-31T23:59:59Z")
        #expect(Instant.earliest.rfc3339 == "0001-01-01T00:00:00Z")
        // A computed time past the bounds is written as the bound, never wrapped.
        #expect(Instant.latest.adding(86400 * 400).rfc3339 == "9999-12-31T23:59:59Z")
        #expect(Instant(rfc3339: "9999-12-31T23:59:59-00:01") == nil)
    }
}
