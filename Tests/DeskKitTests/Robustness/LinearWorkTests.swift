// Quadratic paths (issue 17 item 11). Regressions: `check` on a ticket with 200k members
// took over a minute (each key was looked up from the first member), `classify` with 200k tags
// two minutes while holding the file's lock, a policy rule with 200k keywords three minutes to
// load (duplicates found with `Array.contains`). The work is counted, not timed: UniqueList,
// which replaced the `contains` checks, is measured by the comparisons it makes, and the
// commands run on inputs of 100k items.
import Foundation
import Testing

@testable import DeskKit

@Suite struct LinearWorkTests {
    /// A value that counts how often it is compared.
    final class Counter: @unchecked Sendable { var equalities = 0 }
    struct Counted: Hashable {
        let value: Int
        let counter: Counter
        static func == (a: Counted, b: Counted) -> Bool {
            a.counter.equalities += 1
            return a.value == b.value
        }
        func hash(into h: inout Hasher) { h.combine(value) }
    }

    @Test func uniqueListComparesAboutOncePerValue() {
        let counter = Counter()
        var list = UniqueList<Counted, Counted>()
        let n = 100_000
        for i in 0..<n { list.append(Counted(value: i, counter: counter)) }
        for i in 0..<n { list.append(Counted(value: i, counter: counter)) }  // every value again
        #expect(list.items.count == n)
        // A few comparisons per value (a duplicate's match, hash collisions); `Array.contains`
        // would have made n * n / 2 = 5e9 for the first loop alone.
        #expect(counter.equalities < 5 * n, "\(counter.equalities) comparisons")
    }

    @Test func checkOnATicketWithManyMembers() throws {
        let n = 100_000
        var line = #"{"id":"M1","opened_at":"2026-10-14T01:30:00Z","channel":"web","status":"open","title":"t""#
        for i in 0..<n { line += ",\"k\(i)\":\(i)" }
        line += #","priority":"urgent"}"#
        let r = try runDesk(["check", "--format", "json", "--rule", "invalid-field", "--now", "2026-10-14T02:00:00Z"], stdin: line + "\n")
        #expect(r.status == 1)
        let findings = try objects(r.stdout)
        #expect(findings.count == 1)
        #expect(findings.first?["column"] == .int(line.utf8.count - #""urgent"}"#.utf8.count + 1))
    }

    @Test func classifyWithManyTagsKeepsEachOnce() throws {
        let n = 100_000
        let tags = (0..<n).map { "\"t\($0 % (n / 2))\"" }.joined(separator: ",")  // every tag twice
        let line = #"{"id":"M1","opened_at":"2026-10-14T01:30:00Z","channel":"web","status":"open","title":"outage","tags":["# + tags + "]}"
        let r = try runDesk(["classify", "--now", "2026-10-14T02:00:00Z"], stdin: line + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        let out = try #require(try objects(r.stdout).first)
        let kept = (out["tags"]?.arrayValue ?? []).compactMap(\.stringValue).filter { $0.hasPrefix("t") && $0.dropFirst().allSatisfy(\.isNumber) }
        #expect(kept == (0..<(n / 2)).map { "t\($0)" })
    }

    @Test func policyWithManyKeywordsLoadsAndNamesTheDuplicate() throws {
        let dir = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let builtin = try BinaryRunner.desk(["policy"], in: dir)
        var policy = try #require(try JSONSerialization.jsonObject(with: Data(builtin.stdout.utf8)) as? [String: Any])
        var classification = try #require(policy["classification"] as? [String: Any])
        var rules = try #require(classification["rules"] as? [[String: Any]])
        let n = 100_000
        // A rule that sets a priority, requires none and is required by none, so its refusal is the only one.
        let required = Set(rules.flatMap { ($0["requires"] as? [String]) ?? [] }.map { $0.hasPrefix("!") ? String($0.dropFirst()) : $0 })
        let k = try #require(rules.firstIndex { $0["priority"] != nil && $0["requires"] == nil && !required.contains(($0["id"] as? String) ?? "") })
        rules[k]["keywords"] = (0..<n).map { "keyword \($0)" } + ["keyword 7"]
        classification["rules"] = rules
        policy["classification"] = classification
        try JSONSerialization.data(withJSONObject: policy).write(to: dir.appendingPathComponent("p.json"))
        let r = try BinaryRunner.desk(["policy", "--check", "p.json"], in: dir)
        #expect(r.status == 3)
        #expect(r.stderr == "p.json: error: $.classification.rules[\(k)].keywords[\(n)]: 'keyword 7' is listed twice\n")
    }
}
