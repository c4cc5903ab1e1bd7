// The agreement property of issue 12: random sequences of open, classify, reply (public,
// --waiting, --customer, --promise, --eta, --workaround, --callback, --dropped), escalate (by
// hand, --ack, --auto), resolve (--observe, --confirm), reopen and survey, at an advancing
// --now, over the built-in policy and the China 2026 one. After every step: `check` finds no
// error in the file desk wrote; the breaches recorded in each ticket are among those the
// lifecycle replays; the report's compliance counts are the lifecycle's; `queue --overdue`
// lists exactly the overdue duties, and each of them that has a check rule is reported by
// check. Bounded (a dozen short runs) so `swift test` stays fast; seeds are fixed.
import Foundation
import Testing

@testable import DeskKit

@Suite struct AgreementPropertyTests {
    static let root = BinaryRunner.packageRoot
    static let cnPolicy = root.appendingPathComponent("Examples/policy-cn-2026.json").path

    /// One run: `steps` random commands on a file of up to three tickets.
    func run(seed: UInt64, policyPath: String?, steps: Int) throws {
        var rng = SplitMix64(state: seed)
        let dir = NSTemporaryDirectory() + "desk-agree-\(seed)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/tickets.ndjson"
        try "".write(toFile: file, atomically: true, encoding: .utf8)
        let policyArgs = policyPath.map { ["--policy", $0] } ?? []
        let policy: Policy = try policyPath.map {
            try Policy.load(path: $0, Context(environment: [:], stdout: OutputSink(memoryNamed: "o"), stderr: OutputSink(memoryNamed: "e")))
        } ?? .builtin
        let lifecycle = Lifecycle(policy: policy)
        // Monday 2026-11-30 08:30 Shanghai.
        var now = Instant(rfc3339: "2026-11-30T00:30:00Z")!
        var ids: [String] = []
        func pick() -> String { ids[Int(rng.int(0...Int64(ids.count - 1)))] }
        func chance(_ n: Int64) -> Bool { rng.int(1...n) == 1 }
        let handoff = ["--reason", "需要二线排查", "--steps-tried", "重装客户端", "--progress", "已复现问题", "--support-needed", "网关配置"]
        let resolution = ["--cause", "VPN 网关证书过期", "--solution", "更换网关证书并重启服务", "--result", "用户确认一小时内未再断线"]

        var coverage = Coverage()
        var succeeded = 0
        for step in 0..<steps {
            now = now.adding(rng.int(60...(5 * 3600)))
            let at = ["--now", now.rfc3339] + policyArgs + ["-i", file]
            var args: [String]
            if ids.isEmpty || (ids.count < 3 && chance(5)) {
                let id = "P\(ids.count + 1)"
                ids.append(id)
                let phone = chance(3)
                args = ["open", "--id", id, "--channel", phone ? "phone" : "email", "--title",
                        chance(2) ? "系统崩溃，全部门无法登录" : "VPN 每 10 分钟断线一次"] + (phone && chance(2) ? ["--missed"] : [])
            } else {
                let id = pick()
                switch rng.int(0...15) {
                case 0, 1: args = ["classify"]
                case 2: args = ["reply", "--id", id, "--text", "正在排查网关日志"]
                case 3: args = ["reply", "--id", id, "--waiting", "--text", "请提供错误截图"]
                case 4: args = ["reply", "--id", id, "--customer", "--text", "截图已附上"]
                case 5: args = ["reply", "--id", id, "--promise", chance(2) ? "2h" : "eod", "--text", "稍后给您回复进展"]
                case 6: args = ["reply", "--id", id, "--eta", chance(2) ? "1d" : "16:00", "--text", "预计今天修复"]
                case 7: args = ["reply", "--id", id, "--workaround", "--text", "请先改用 Web VPN 登录"]
                case 8: args = ["reply", "--id", id, chance(2) ? "--callback" : "--internal", "--text", "已回电说明情况"]
                case 9: args = ["reply", "--id", id, "--dropped"]
                case 10: args = ["escalate", "--id", id, "--to", chance(2) ? "tier2" : "rnd", "--skip-reason", "需要研发"] + handoff
                case 11: args = ["escalate", "--ack", "--id", id, "--by", "agent.zhou", "--eta", chance(2) ? "1h" : "3h"]
                case 12: args = ["escalate", "--auto"]
                case 13: args = ["resolve", "--id", id] + resolution + (chance(2) ? ["--observe", "30m"] : [])
                case 14: args = chance(2) ? ["resolve", "--confirm", "--id", id] : ["open", "--reopen", "--id", id, "--reason", "又出现了"]
                default:
                    if chance(2) {
                        args = ["survey", "--invite"]
                    } else {
                        let responses = dir + "/responses.ndjson"
                        let score = rng.int(1...5)
                        try #"{"id":"\#(id)","efficiency":\#(score),"attitude":\#(score),"effectiveness":\#(score)}"#.write(toFile: responses, atomically: true, encoding: .utf8)
                        args = ["survey", "--record", responses]
                    }
                }
            }
            // `open` reads no policy.
            let r = try runDesk(args + (args[0] == "open" ? ["--now", now.rfc3339, "-i", file] : at))
            // A refusal (the ticket is in the wrong state for it) changes nothing; bad input
            // never happens, except a response for a ticket never invited (exit 3, nothing merged).
            let allowed: Set<Int32> = args.contains("--record") ? [0, 1, 3] : [0, 1]
            #expect(allowed.contains(r.status), "seed \(seed) step \(step): \(args): \(r.stderr)")
            if r.status == 0 { succeeded += 1 }
            try verify(file: file, policyArgs: policyArgs, lifecycle: lifecycle, now: now, context: "seed \(seed) step \(step) \(args.prefix(3))",
                       coverage: &coverage)
        }
        // The run must have exercised what it checks, or it proves nothing.
        #expect(succeeded > steps / 2, "seed \(seed): only \(succeeded) of \(steps) steps changed anything")
        #expect(coverage.recordedBreaches > 0 && coverage.overdueDuties > 0 && coverage.findings > 0,
                "seed \(seed): \(coverage)")
    }

    /// What a run saw, so a run that exercised nothing fails.
    struct Coverage {
        var recordedBreaches = 0
        var overdueDuties = 0
        var findings = 0
    }

    func verify(file: String, policyArgs: [String], lifecycle: Lifecycle, now: Instant, context: String, coverage: inout Coverage) throws {
        let at = ["--now", now.rfc3339] + policyArgs
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let tickets = try text.split(separator: "\n").map { try Ticket(bytes: Array($0.utf8)) }

        // check passes on every file desk produced.
        let check = try runDesk(["check", "--format", "json"] + at + [file])
        #expect(check.status == 0, "\(context): check failed: \(check.stdout)")
        let findings = try objects(check.stdout)
        coverage.findings += findings.count

        var breached = [0, 0, 0], met = [0, 0, 0], running = [0, 0, 0]
        var overdue: Set<String> = []
        for t in tickets {
            let s = lifecycle.schedule(t, now: now)
            // Recorded breaches are a copy of the replay's, as of the last write.
            let replayed = Set(s.breaches.map { "\($0.target) \($0.due.rfc3339)" })
            for b in t.object("sla")?["breaches"]?.arrayValue?.compactMap(\.objectValue) ?? [] {
                let key = "\(b["target"]?.stringValue ?? "?") \(b["due"]?.stringValue ?? "?")"
                coverage.recordedBreaches += 1
                #expect(replayed.contains(key), "\(context): \(t.id) records \(key), replay has \(replayed)")
            }
            for target in SLATarget.allCases {
                switch s.targets[target].state {
                case .met: met[target.ordinal] += 1
                case .breached: breached[target.ordinal] += 1
                case .running: running[target.ordinal] += 1
                case .none: break
                }
            }
            let escalated = !t.array("escalations").isEmpty
            let mine = findings.filter { $0["ticket"]?.stringValue == t.id }.compactMap { $0["rule"]?.stringValue }
            for d in lifecycle.duties(t, now: now) where d.state == .overdue && d.due != nil {
                overdue.insert("\(t.id) \(d.kind.rawValue)")
                coverage.overdueDuties += 1
                // Every overdue duty is a finding of its rule (SLA targets: when never escalated).
                let rule: String? = TicketLinter.rule(for: d)?.rawValue
                    ?? (escalated || !t.has("sla") ? nil : CheckRule.breachNotEscalated.rawValue)
                if let rule { #expect(mine.contains(rule), "\(context): \(t.id) \(d.kind.rawValue) overdue, check says \(mine)") }
            }
        }

        // The report's compliance counts are the replay's.
        let report = try runDesk(["report", "--from", "2026-01-01T00:00:00Z", "--to", "2028-01-01T00:00:00Z", "--format", "json"] + at + [file])
        let doc = try #require(try JSONParser.parse(report.stdout).objectValue, "\(context): \(report.stderr)")
        for row in doc["sla"]?.arrayValue?.compactMap(\.objectValue) ?? [] {
            guard let target = row["target"]?.stringValue.flatMap(SLATarget.init(rawValue:)) else { continue }
            #expect(row["met"]?.intValue == met[target.ordinal], "\(context): \(target) met")
            #expect(row["breached"]?.intValue == breached[target.ordinal], "\(context): \(target) breached")
            #expect(row["running"]?.intValue == running[target.ordinal], "\(context): \(target) running")
        }

        // queue --overdue lists exactly the overdue duties.
        let queue = try runDesk(["queue", "--overdue", "--format", "ndjson"] + at + [file])
        let listed = Set(try objects(queue.stdout).map { "\($0["ticket"]?.stringValue ?? "?") \($0["duty"]?.stringValue ?? "?")" })
        #expect(listed == overdue, "\(context): queue \(listed) vs replay \(overdue)")
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func builtinPolicy(seed: UInt64) throws { try run(seed: seed, policyPath: nil, steps: 30) }

    // Seeds whose runs record breaches (12 happens not to: every late target it meets is
    // running when the run ends, so nothing is written; it is replaced by 17).
    @Test(arguments: [UInt64(11), 13, 14, 15, 16, 17])
    func chinaPolicy(seed: UInt64) throws { try run(seed: seed, policyPath: Self.cnPolicy, steps: 30) }
}
