// Tests of the policy document: the built-in policy round-trips through its canonical JSON,
// every decoding problem is reported with its exact path, partial files overlay the defaults,
// the China 2026 example works, and mutated policies give errors, never crashes.
import Foundation
import Testing

@testable import DeskKit

func parse(_ text: String) -> JSONValue { (try? JSONParser.parse(text)) ?? .null }

func problems(_ text: String) -> [String] {
    switch Policy.decode(parse(text)) {
    case .success: return []
    case .failure(let e): return e.problems.map(\.description)
    }
}

@Suite struct PolicyTests {
    @Test func builtinDecodesAndRoundTrips() throws {
        let builtin = try Policy.decodeBuiltin().get()
        #expect(builtin == Policy.builtin)
        #expect(try Policy.decode(Policy.builtin.json).get() == Policy.builtin)
        #expect(try Policy.decode(Policy.builtin.json, over: nil).get() == Policy.builtin)
        // `desk policy` prints the text; it must be the canonical form.
        #expect(JSONWriter.pretty(Policy.builtin.json) == Policy.builtinText)
        #expect(Policy.builtin.json.objectValue?.keys == Policy.topLevelKeys)
    }

    @Test func builtinDefaultsFromTheSeeds() {
        let p = Policy.builtin
        #expect(p.firstResponse == [.im: 300, .email: 900, .web: 900, .chat: 600, .phone: 600, .walkIn: 600])
        #expect(p.workaround[.high] == 3600)
        #expect(p.escalation.timeLimits[.tier1]?[.medium] == 7200)
        #expect(p.observation == 1800)
        #expect(p.alwaysOnPriorities == [.high])
        #expect(p.families.filter { $0.kind == .vague }.map(\.canonical) == ["已处理", "已完成", "已解决", "OK", "前台操作解决", "已转/已关闭 (no 处理方案, no 处理结果)"])
        #expect(p.families.contains { $0.canonical == "我不知道" && $0.kind == .taboo })
        #expect(p.families.contains { $0.kind == .unknownCause })
        #expect(p.phoneAnswerRateTarget == 0.9)
        #expect(p.classification.rules.allSatisfy { r in r.category.map { p.classification.categories.contains($0) } ?? true })
    }

    @Test func hashIsStableHex() {
        let h = Policy.builtin.hash
        #expect(h.count == 16 && h.allSatisfy(\.isHexDigit))
        #expect(h == Policy.builtin.hash)
        var other = Policy.builtin
        other.observation = 3600
        #expect(other.hash != h)
    }

    @Test func calendarForPriority() {
        let p = Policy.builtin
        #expect(p.calendar(for: "high").isAlwaysOn)
        #expect(!p.calendar(for: "low").isAlwaysOn)
        #expect(!p.calendar(for: nil).isAlwaysOn)
        #expect(!p.calendar(for: "bogus").isAlwaysOn)
    }

    @Test func partialFileOverlaysDefaults() throws {
        let p = try Policy.decode(parse(#"{"first_response": {"im": "3m"}, "business_hours": {"sat": [{"start":"10:00","end":"14:00"}]}}"#)).get()
        #expect(p.firstResponse[.im] == 180)
        #expect(p.firstResponse[.email] == 900)
        #expect(p.businessHours[5] == [.init(start: 600, end: 840)])
        #expect(p.businessHours[0] == Policy.builtin.businessHours[0])
        // Seconds as a number are accepted and printed back as text.
        let q = try Policy.decode(parse(#"{"observation": 5400}"#)).get()
        #expect(q.json.objectValue?["observation"] == "1h30m")
    }

    @Test func everyErrorWithItsPath() {
        let text = #"""
        {
          "timezone": "Mars/Base",
          "business_hours": {"mon": [{"start": "18:00", "end": "17:00"}], "tue": [{"start": "9am", "end": "12:00"}], "funday": []},
          "first_response": {"fax": "5m", "im": "soon"},
          "holidays": ["2026-02-30", 5],
          "workdays": ["2026-02-14"],
          "always_on_priorities": ["urgent"],
          "escalation": {"path": ["tier1", "tier9"], "time_limits": {"tier3": {}}, "handoff_required": ["mood"]},
          "classification": {"rules": [{"id": "x", "keywords": []}, {"id": "y", "category": "food", "keywords": ["a"]}], "matrix": {"high": {"high": "urgent"}}},
          "phrases": {"taboo": [{"phrase": "?"}, "oops"]},
          "survey": {"scale_min": 5, "scale_max": 1, "dimensions": ["mood"]},
          "needs_info": ["shoe_size"],
          "phone_answer_rate_target": 90,
          "colour": "blue"
        }
        """#
        let got = problems(text)
        let expected = [
            "$.colour: unknown key",
            "$.timezone: unknown time zone 'Mars/Base'",
            "$.business_hours.funday: unknown weekday (expected mon ... sun)",
            "$.business_hours.mon[0]: end 17:00 is before start 18:00",
            "$.business_hours.tue[0].start: expected a time HH:MM between 00:00 and 24:00, found '9am'",
            "$.holidays[0]: expected a date YYYY-MM-DD, found '2026-02-30'",
            "$.holidays[1]: expected a string, found number",
            "$.always_on_priorities[0]: unknown priority 'urgent' (expected high, medium, low)",
            "$.first_response.fax: unknown channel",
            "$.first_response.im: expected a duration such as \"15m\", \"1h30m\", \"7d\" or whole seconds, found 'soon'",
            "$.escalation.path[1]: unknown tier 'tier9' (expected tier1, tier2, rnd, vendor)",
            "$.escalation.time_limits.tier3: unknown tier",
            "$.escalation.handoff_required[0]: unknown hand-off field 'mood' (expected description, steps_tried, progress, support_needed)",
            "$.classification.rules[0].keywords: a rule needs at least one keyword",
            "$.classification.rules[0]: a rule must set a priority, a category or tags",
            "$.classification.rules[1].category: unknown category 'food' (not in $.classification.categories)",
            "$.classification.matrix.high.high: unknown priority 'urgent' (expected high, medium, low)",
            "$.phrases.taboo[0]: missing key 'suggestion'",
            "$.phrases.taboo[1]: expected an object, found string",
            "$.survey.scale_max: must be greater than scale_min (5)",
            "$.survey.dimensions[0]: unknown dimension 'mood' (expected efficiency, attitude, effectiveness)",
            "$.needs_info[0]: unknown fact 'shoe_size' (expected contact, email, phone, department, account, description, occurred_at, frequency, steps_tried, environment, device, os, app_version, network, attachments)",
            "$.phone_answer_rate_target: expected a number from 0 to 1, found 90",
        ]
        for e in expected { #expect(got.contains(e), "missing: \(e)\ngot:\n\(got.joined(separator: "\n"))") }
        #expect(got.count == expected.count, "\(got.joined(separator: "\n"))")
    }

    @Test func moreErrors() {
        #expect(problems("[1]") == ["$: expected an object, found array"])
        #expect(problems(#"{"workdays": ["2026-10-01"], "holidays": ["2026-10-01"]}"#) == ["$.workdays[0]: 2026-10-01 is also listed as a holiday"])
        #expect(problems(#"{"holidays": ["2026-10-01", "2026-10-01"]}"#) == ["$.holidays[1]: 2026-10-01 is listed twice"])
        #expect(problems(#"{"business_hours": {"mon": [], "tue": [], "wed": [], "thu": [], "fri": []}}"#) == ["$.business_hours: no weekday has business hours"])
        #expect(problems(#"{"business_hours": {"mon": [{"start":"09:00","end":"12:00"},{"start":"11:00","end":"13:00"}]}}"#)
            == ["$.business_hours.mon[1]: starts at 11:00, before the previous interval ends"])
        #expect(problems(#"{"timezone": "../../etc/passwd"}"#) == ["$.timezone: invalid time zone identifier '../../etc/passwd'"])
        #expect(problems(#"{"observation": "1h", "observation": "2h"}"#) == ["$.observation: duplicate key"])
        #expect(problems(#"{"first_response": 15}"#) == ["$.first_response: expected an object, found number"])
        #expect(problems(#"{"weird key": 1}"#) == [#"$["weird key"]: unknown key"#])
        #expect(problems(#"{"workday_hours": []}"#) == ["$.workday_hours: a make-up working day needs hours (null means Monday's)"])
        #expect(problems(#"{"survey": {"csat_threshold": 9}}"#) == ["$.survey.csat_threshold: must lie within the scale 1 to 5"])
        #expect(problems(#"{"classification": {"rules": [{"id": "a", "priority": "low", "keywords": ["x"]}, {"id": "a", "priority": "low", "keywords": ["y"]}]}}"#)
            == ["$.classification.rules[1].id: rule id 'a' is used twice"])
        #expect(problems(#"{"review_interval": "0s"}"#) == ["$.review_interval: must be longer than 0s"])
    }

    @Test func syntaxErrorsHaveLineAndColumn() {
        guard case .failure(let e) = Policy.decode(text: "{\n  \"id\": ,\n}") else {
            Issue.record("expected a failure")
            return
        }
        #expect(e.problems.count == 1 && e.problems[0].message.hasPrefix("2:9:"))
    }

    @Test func chinaExample2026() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Examples/policy-cn-2026.json")
        let text = try String(contentsOf: url, encoding: .utf8)
        let p = try Policy.decode(text: text).get()
        #expect(p.timezone == "Asia/Shanghai")
        #expect(p.holidays.count == 3 + 9 + 3 + 5 + 3 + 3 + 7)
        #expect(p.workdays.count == 6)
        let cal = p.calendar(for: "medium")
        let opened = try #require(Instant(rfc3339: "2026-02-13T17:30:00+08:00"))
        #expect(cal.add(7200, to: opened) == Instant(rfc3339: "2026-02-14T10:30:00+08:00"))
        // The example is complete: decoding it on its own needs no defaults.
        #expect(try Policy.decode(parse(text), over: nil).get() == p)
        // And it is written in canonical form.
        #expect(JSONWriter.pretty(p.json) == text)
    }

    @Test func mutatedPoliciesNeverCrash() {
        var rng = SplitMix64(state: 99)
        let replacements: [JSONValue] = [.null, .bool(true), .number("-1"), .number("1e400"), .number("0.5"), .string(""),
                                         .string("x"), .string("25:00"), .array([]), .array([.null]), .object(JSONObject()),
                                         .object(["start": "x"])]
        // Collect every path of the built-in JSON, then swap a few values at random.
        func paths(_ v: JSONValue, _ prefix: [PathStep]) -> [[PathStep]] {
            var out = [prefix]
            switch v {
            case .object(let o): for m in o.members { out += paths(m.value, prefix + [.key(m.key)]) }
            case .array(let a): for (i, x) in a.enumerated() { out += paths(x, prefix + [.index(i)]) }
            default: break
            }
            return out
        }
        let base = Policy.builtin.json
        let all = paths(base, []).filter { !$0.isEmpty }
        var failures = 0
        for _ in 0..<400 {
            var doc = base
            for _ in 0..<Int(1 + rng.next() % 3) {
                let path = all[Int(rng.next() % UInt64(all.count))]
                let replacement = replacements[Int(rng.next() % UInt64(replacements.count))]
                doc = set(doc, path[...], replacement)
            }
            switch Policy.decode(doc, over: nil) {
            case .success(let p): #expect(Policy.decode(p.json, over: nil) == .success(p))
            case .failure(let e):
                failures += 1
                #expect(!e.problems.isEmpty && e.problems.allSatisfy { $0.path.hasPrefix("$") })
            }
            _ = Policy.decode(doc)
        }
        #expect(failures > 200)
    }
}

enum PathStep { case key(String), index(Int) }

func set(_ v: JSONValue, _ path: ArraySlice<PathStep>, _ new: JSONValue) -> JSONValue {
    guard let step = path.first else { return new }
    switch (v, step) {
    case (.object(var o), .key(let k)):
        if let child = o[k] { o[k] = set(child, path.dropFirst(), new) }
        return .object(o)
    case (.array(var a), .index(let i)) where i < a.count:
        a[i] = set(a[i], path.dropFirst(), new)
        return .array(a)
    default: return v
    }
}
