// check reads a ticket's members from its line's bytes (Check/CheckLine.swift); its exact twin
// parses them into JSON values (TicketLinter.checkExact). These tests hold both to the same
// findings — on generated tickets with every field check reads in valid and invalid kinds
// (escaped keys and strings, repeated keys, nulls, blank texts), on every ticket of every
// golden case, and on the benchmark's generated file when it is there — and hold the byte
// type checks to never pass a member the exact check finds fault with.
import Foundation
import Testing

@testable import DeskKit

/// One random ticket line drawing every member from valid and invalid spellings.
private func generatedLine(_ n: Int, _ rng: inout SplitMix64) -> String {
    func pick(_ xs: [String]) -> String { xs[Int(rng.int(0...Int64(xs.count - 1)))] }
    let at = "\"2026-11-02T03:00:00Z\"", late = "\"2026-11-20T03:00:00Z\""
    var members = [
        #""id":"G-\#(n)""#, #""opened_at":"2026-11-02T02:00:00Z""#,
        #""channel":"\#(pick(["phone", "email", "web", "chat"]))""#,
        #""status":"\#(pick(["open", "in_progress", "waiting", "escalated", "observing", "resolved", "closed"]))""#,
    ]
    let optional: [[String]] = [
        [#""answered":false"#, #""answered":"no""#, #""answered":1"#],
        [#""title":"VPN drops""#, #""title":"  ""#, #""title":"\u0020""#, #""title":"\u3000 ""#, #""title":5"#, #""title":"é""#],
        [#""description":"x""#, #""description":"\t""#, #""description":null"#, #""description":"\\""#],
        [#""tier":"tier2""#, #""tier":"tier9""#, #""tier":"tier\u0031""#, #""tier":7"#, #""tier":null"#],
        [#""priority":"high""#, #""priority":"urgent""#, #""priority":"hig\u0068""#, #""priority":3"#],
        [#""impact":"low""#, #""urgency":"medium""#, #""urgency":[]"#],
        [#""occurred_at":\#(at)"#, #""occurred_at":"2026-11-02T10:05:00+08:00""#, #""occurred_at":"yesterday""#,
         #""occurred_at":"2026-13-01T00:00:00Z""#, #""first_response_at":"2026-11-02T02:00:00\u005a""#, #""first_response_at":5"#],
        [#""requester":{"name":"王伟","email":"wang.wei@example.com","phone":"+86 138 0000 1234"}"#,
         #""requester":{"email":"ab@c.cn","phone":13800001234}"#, #""requester":"王伟""#, #""requester":{"email":null,"contact":"wx_99"}"#,
         #""requester":{"e\u006dail":"x@y.zz","account":"acct-7"}"#, #""requester":{"email":"a@b","email":"dup@example.com"}"#],
        [#""environment":{"os":"Windows"}"#, #""environment":{"os":1}"#, #""environment":[]"#],
        [#""tags":["a","b"]"#, #""tags":["a",1]"#, #""tags":"a""#, #""needs_info":["phone","account"]"#, #""needs_info":[]"#,
         #""needs_info":[1]"#, #""needs_info":"x""#],
        [#""sla":{"policy":"p","first_response_due":\#(at),"paused_seconds":0,"breaches":[{"target":"first_response","due":\#(at),"at":\#(late)}],"met":{"first_response":false,"x":null}}"#,
         #""sla":{"paused_seconds":-1}"#, #""sla":{"paused_seconds":1.5}"#, #""sla":{"paused_seconds":99999999999999999999}"#,
         #""sla":{"breaches":[{"target":"speed"}]}"#, #""sla":{"breaches":{}}"#, #""sla":{"met":{"x":1}}"#, #""sla":{"met":[]}"#,
         #""sla":"x""#, #""sla":{"first_response_due":"soon"}"#, #""sla":{"policy":3}"#, #""sla":{"paused_seconds":"3"}"#,
         #""sla":{"breaches":[3]}"#, #""sla":{"policy":"a","policy":3}"#, #""sla":null"#, #""sla":{}"#],
        [#""escalation_requested":true"#, #""escalation_requested":{"at":\#(at)}"#, #""escalation_requested":{"at":"x"}"#,
         #""escalation_requested":"yes""#],
        [#""escalations":[{"from":"tier1","to":"tier2","at":\#(at),"ack_at":\#(at),"eta":\#(late),"handoff":{"description":"d","steps_tried":"s","progress":"p","support_needed":"n"}}]"#,
         #""escalations":[{"from":"tier1","to":"tier2","at":\#(at)}]"#,
         #""escalations":[{"from":"tier1","to":"tier2","at":\#(at),"handoff":{"description":"  ","steps_tried":"\u0020x","progress":"\u3000","support_needed":"é"}}]"#,
         #""escalations":[{"to":"boss","at":\#(at)}]"#, #""escalations":[{"from":"tier1"}]"#, #""escalations":[3]"#,
         #""escalations":"x""#, #""escalations":[]"#, #""escalations":[{"at":\#(at),"handoff":"x"}]"#,
         #""escalations":[{"at":\#(at),"handoff":null}]"#, #""escalations":[{"at":\#(at),"handoff":{"description":1}}]"#,
         #""escalations":[{"at":\#(at),"at":"x"}]"#, #""escalations":[{"at":"x","at":\#(at)}]"#,
         #""escalations":[{"at":\#(at),"hand\u006ff":{"descr\u0069ption":"d","description":""}}]"#,
         #""escalations":[{"from":"tier1","to":"tier2","at":"2026-11-02T02:10:00Z"},{"from":"tier2","to":"rnd","at":\#(at),"ack_at":null}]"#],
        [#""resolution":{"cause":"expired VPN certificate","solution":"renewed the certificate on the gateway","result":"connections stay up for a full day","at":\#(at)}"#,
         #""resolution":{"cause":"fixed","solution":"fixed","result":"fixed","at":\#(at)}"#, #""resolution":{"cause":1}"#,
         #""resolution":{"at":"x","by":2}"#, #""resolution":"done""#, #""resolution":{}"#, #""resolution":null"#,
         #""resolution":{"cause":"c","cause":"expired certificate on the VPN gateway","solution":"renewed it","result":"ok","at":\#(at),"observe_until":\#(late)}"#,
         #""resolution":{"c\u0061use":"wang.wei@example.com was wrong","solution":"已处理","result":"OK","confirmed_at":\#(late)}"#],
        [#""reopened":[{"at":\#(at)}]"#, #""reopened":[{}]"#, #""reopened":[3]"#, #""reopened":"x""#, #""reopened":[{"at":"x"}]"#],
        [#""survey":{"token":"t","invited_at":\#(at)}"#, #""survey":{"efficiency":6}"#, #""survey":{"efficiency":4.5}"#,
         #""survey":{"efficiency":"4"}"#, #""survey":{"efficiency":0}"#, #""survey":{"efficiency":10}"#, #""survey":{"efficiency":-1}"#,
         #""survey":{"invited_at":\#(at),"responded_at":\#(late),"efficiency":1,"attitude":1,"effectiveness":1}"#,
         #""survey":{"token":5}"#, #""survey":[]"#, #""survey":{"link":null,"comment":"ok","efficiency":5,"efficiency":"x"}"#],
        [#""workaround_at":\#(at)"#, #""workaround_at":null,"workaround_at":\#(at)"#, #""x_source":42"#, #""x_source":{"a":[1]}"#],
    ]
    for group in optional where rng.int(0...2) > 0 { members.append(pick(group)) }
    var events: [String] = [#"{"at":"2026-11-02T02:00:00Z","by":"a","event":"opened"}"#]
    for _ in 0..<Int(rng.int(0...5)) {
        events.append(pick([
            #"{"at":\#(at),"event":"replied","text":"我不知道"}"#, #"{"at":\#(at),"event":"replied","text":"?"}"#,
            #"{"at":\#(at),"event":"replied","text":"renewed, wang.wei@example.com: i dunno"}"#,
            #"{"event":"escalated","at":\#(at)}"#, #"{"at":\#(at),"event":""}"#, #"{"at":\#(at),"event":3}"#,
            #"{"at":"x","event":"note"}"#, #"{"event":"note"}"#, "3", #"{"at":\#(at),"ev\u0065nt":"escalated"}"#,
            #"{"at":\#(at),"event":"repl\u0069ed","text":"这个不行"}"#, #"{"at":\#(at),"event":"replied","text":5}"#,
            #"{"at":\#(at),"event":"waiting"}"#, #"{"at":\#(late),"event":"customer_replied"}"#,
            #"{"at":\#(at),"event":"replied","promise":\#(late),"eta":\#(late)}"#, #"{"at":\#(at),"event":"missed_call"}"#,
            #"{"at":\#(late),"event":"resolved"}"#, #"{"at":\#(at),"event":"surveyed"}"#, #"{"at":\#(at),"event":"replied","event":"note"}"#,
        ]))
    }
    if rng.int(0...5) > 0 { members.append(#""history":[\#(events.joined(separator: ","))]"#) }
    else { members.append(pick([#""history":"x""#, #""history":null"#, #""history":{}"#])) }
    if rng.int(0...15) == 0 { members.append(#""x_n\u006fte":"low""#) }  // an escaped key: the exact way throughout
    // Members in a random order.
    for i in stride(from: members.count - 1, to: 0, by: -1) { members.swapAt(i, Int(rng.int(0...Int64(i)))) }
    return "{" + members.joined(separator: ",") + "}"
}

/// The findings of both ways, for comparison.
private func bothWays(_ line: [UInt8], _ linter: TicketLinter) -> ([TicketLinter.Problem], [TicketLinter.Problem])? {
    guard let t = try? Ticket(bytes: line) else { return nil }
    var fast = ReviewMemo(limit: 0), exact = ReviewMemo(limit: 0)
    return (linter.check(t, memo: &fast), linter.checkExact(t, memo: &exact))
}

private let nows = ["2026-11-02T02:30:00Z", "2026-11-30T09:30:00Z", "2027-01-01T00:00:00Z"].compactMap(Instant.init(rfc3339:))

/// The policies the twins are compared under: the built-in one, and one asking for two
/// hand-off fields in another order.
private func policies() throws -> [Policy] {
    let custom = try Policy.decode(
        try JSONParser.parse(#"{"escalation":{"handoff_required":["support_needed","description"]}}"#), over: .builtin).get()
    return [.builtin, custom]
}

@Suite struct CheckLineTests {
    @Test func generatedTicketsGiveTheSameFindingsBothWays() throws {
        var rng = SplitMix64(state: 18)
        // Every rule, and a few selections: each alone takes its own way through checkLine.
        let selections: [Set<CheckRule>] = [
            Set(CheckRule.allCases), [.invalidField], [.missingFact, .tabooReply, .vagueResolution, .incompleteHandoff],
            TicketLinter.timelineRules.union([.breachNotEscalated]),
        ]
        // Linters are made once (each tables its calendars).
        let linters = try policies().flatMap { p in
            [nows[0], nows[2]].flatMap { now in selections.map { TicketLinter(policy: p, now: now, rules: $0, replyModel: .builtin) } }
        }
        var found = Set<CheckRule>()
        for n in 0..<3000 {
            let line = Array(generatedLine(n, &rng).utf8)
            let linter = linters[n % linters.count]
            guard let (fast, exact) = bothWays(line, linter) else {
                Issue.record("generated line \(n) is not a ticket: \(String(decoding: line, as: UTF8.self))")
                continue
            }
            #expect(fast == exact, "\(String(decoding: line, as: UTF8.self))")
            for p in fast { found.insert(p.rule) }
        }
        // The generator reaches every per-ticket rule it is meant to.
        for rule in [CheckRule.invalidField, .missingFact, .needsInfoOpen, .tabooReply, .vagueResolution, .breachNotEscalated,
                     .incompleteHandoff, .notSurveyed, .unacknowledgedEscalation] {
            #expect(found.contains(rule), "\(rule)")
        }
    }

    @Test func everyGoldenCaseTicketGivesTheSameFindingsBothWays() throws {
        let root = BinaryRunner.packageRoot.appendingPathComponent("Tests/Fixtures/cases")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".ndjson") } ?? []
        #expect(files.count > 50)
        let linters = try policies().flatMap { p in nows.map { TicketLinter(policy: p, now: $0, replyModel: .builtin) } }
        var compared = 0
        for file in files {
            let text = (try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") {
                for linter in linters {
                    guard let (fast, exact) = bothWays(Array(line.utf8), linter) else { continue }
                    compared += 1
                    #expect(fast == exact, "\(file): \(line.prefix(80))")
                }
            }
        }
        #expect(compared > 1000)
    }

    /// The benchmark's generated tickets (bench/run.sh makes bench/data/tickets_100k.ndjson;
    /// DESK_CHECK_TWIN_FILE names another file): every 25th line, or every line with
    /// DESK_CHECK_TWIN_ALL=1. Skipped when the file was not generated on this machine.
    @Test func benchmarkTicketsGiveTheSameFindingsBothWays() throws {
        let env = ProcessInfo.processInfo.environment
        let path = env["DESK_CHECK_TWIN_FILE"]
            ?? BinaryRunner.packageRoot.appendingPathComponent("bench/data/tickets_100k.ndjson").path
        guard let data = FileManager.default.contents(atPath: path) else { return }
        let every = env["DESK_CHECK_TWIN_ALL"] == "1" ? 1 : 25
        let linter = TicketLinter(policy: .builtin, now: Instant(rfc3339: "2026-12-31T00:00:00Z") ?? Instant(seconds: 0), replyModel: .builtin)
        var compared = 0
        for (k, line) in data.split(separator: 0x0A).enumerated() where k % every == 0 {
            guard let (fast, exact) = bothWays(Array(line), linter) else { continue }
            compared += 1
            #expect(fast == exact, "line \(k + 1)")
        }
        #expect(compared > 0)
    }

    @Test func theByteTypeChecksNeverPassWhatTheExactCheckFaults() throws {
        var rng = SplitMix64(state: 7)
        let scale = 1...5
        var passed = 0, faulted = 0
        for n in 0..<3000 {
            let line = Array(generatedLine(n, &rng).utf8)
            guard let t = try? Ticket(bytes: line) else { continue }
            line.withUnsafeBytes { b in
                for m in t.members {
                    guard case .raw(let r) = m.stored, let field = TicketField(rawValue: m.key) else { continue }
                    var v = FieldValidator(scale: scale)
                    let value = t.value(at: m)
                    if !value.isNull { v.topLevel(m.key, value) }
                    if FieldBytes.valid(field, b, r, scale: scale) {
                        passed += 1
                        #expect(v.problems.isEmpty, "\(m.key): \(String(decoding: UnsafeRawBufferPointer(rebasing: b[r]), as: UTF8.self))")
                    } else if !v.problems.isEmpty {
                        faulted += 1
                    }
                }
            }
        }
        #expect(passed > 1000 && faulted > 300)
    }

    @Test func settledByFieldAgreesWithSettledByKey() {
        for byte in Array("n\"[{tf1-".utf8) {
            for field in TicketField.allCases {
                #expect(FieldValidator.settled(field, firstByte: byte) == FieldValidator.settled(field.rawValue, firstByte: byte), "\(field)")
            }
            #expect(FieldValidator.settled(nil, firstByte: byte) == FieldValidator.settled("x_source", firstByte: byte))
        }
    }

    /// check's text findings are written as bytes piece by piece; `FindingWriter.text` (the
    /// diagnostic's rendering) is the twin. Files, ids and messages carry controls, newlines,
    /// non-ASCII and bidi characters; lines and columns absent, zero, small and large.
    @Test func theTextWriterWritesWhatTheDiagnosticRenders() {
        var rng = SplitMix64(state: 3)
        let pieces = ["a", "tickets.ndjson", " ", "\n", "\t", "\u{1B}[2J", "\u{85}", "é", "\u{202E}", "中文", ":", "%", ","]
        func text() -> String { (0..<Int(rng.int(0...4))).map { _ in pieces[Int(rng.int(0...Int64(pieces.count - 1)))] }.joined() }
        let numbers: [Int?] = [nil, 0, 1, 9, 10, 99, 100, 12345, 2_147_483_648]
        for colour in [false, true] {
            var writer = FindingWriter(format: .text, sink: OutputSink(memoryNamed: "out"), colour: colour)
            for _ in 0..<800 {
                let f = Finding(
                    file: rng.int(0...3) == 0 ? text() : "tickets.ndjson", line: numbers[Int(rng.int(0...8))],
                    column: numbers[Int(rng.int(0...8))], ticket: rng.int(0...4) == 0 ? nil : text(),
                    rule: CheckRule.allCases[Int(rng.int(0...Int64(CheckRule.allCases.count - 1)))], message: text())
                var bytes: [UInt8] = []
                writer.appendText(f, to: &bytes)
                #expect(bytes == Array(FindingWriter.text(f, colour: colour).utf8), "\(f)")
            }
        }
    }

    /// The scrub's character count from bytes agrees with `String.count` (CR LF is one
    /// character, combining marks join the letter before them).
    @Test func atLeastThreeCharactersAgreesWithCount() {
        var rng = SplitMix64(state: 11)
        let pieces = ["a", "\r", "\n", "\r\n", "é", "e\u{301}", "\u{301}", "中", "😀", "👍🏽", " "]
        for _ in 0..<3000 {
            let s = (0..<Int(rng.int(0...5))).map { _ in pieces[Int(rng.int(0...Int64(pieces.count - 1)))] }.joined()
            #expect(TicketLinter.atLeastThreeCharacters(s) == (s.count >= 3), "\(Array(s.unicodeScalars))")
        }
    }

    @Test func dutyWordsAreTheKindsNamesSpaced() {
        for k in Duty.Kind.allCases { #expect(TicketLinter.words(k) == k.rawValue.replacing("_", with: " ")) }
    }
}
