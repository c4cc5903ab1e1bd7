// The lifecycle looks the policy's limits up in small tables instead of its dictionaries
// (Lifecycle.firstResponseLimits and the others, for queue's replay of many tickets); these
// tests hold the tables to the dictionaries for the built-in and the China 2026 policy.
import Foundation
import Testing

@testable import DeskKit

@Suite struct LifecycleTablesTests {
    static func policies() throws -> [Policy] {
        let cn = try Policy.load(path: BinaryRunner.packageRoot.appendingPathComponent("Examples/policy-cn-2026.json").path,
                                 Context(environment: [:], stdout: OutputSink(memoryNamed: "o"), stderr: OutputSink(memoryNamed: "e")))
        return [.builtin, cn]
    }

    @Test func tablesHoldThePolicysLimits() throws {
        for policy in try Self.policies() {
            let l = Lifecycle(policy: policy)
            for c in Channel.allCases { #expect(l.firstResponseLimits[c.ordinal] == policy.firstResponse[c]) }
            for p in Priority.allCases {
                #expect(l.workaroundLimits[p.ordinal] == policy.workaround[p])
                #expect(l.resolutionLimits[p.ordinal] == policy.resolution[p])
                #expect(l.progressIntervals[p.ordinal] == policy.duties.progress[p])
                for t in Tier.allCases { #expect(l.timeLimit(t, p) == policy.escalation.timeLimits[t]?[p]) }
            }
            // Both policies set limits the tables must carry (not all nil).
            #expect(l.tierLimits.joined().contains { $0 != nil })
        }
        for (i, t) in Tier.allCases.enumerated() { #expect(Lifecycle.index(of: t) == i) }
        for (i, c) in Channel.allCases.enumerated() { #expect(c.ordinal == i) }
    }
}
