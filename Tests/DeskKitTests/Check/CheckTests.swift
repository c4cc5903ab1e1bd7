// desk check: each rule on crafted tickets (firing and not firing), the output formats,
// --rule/--skip/--strict/--quiet, exit codes, colour manners and contact-data safety.
import Foundation
import Testing

@testable import DeskKit

/// A ticket line: required fields plus `extra` members (JSON text without braces).
private func line(_ extra: String = "", id: String = "T-1", status: String = "open", channel: String = "email") -> String {
    var s = #"{"id":"\#(id)","opened_at":"2026-11-02T02:00:00Z","channel":"\#(channel)","status":"\#(status)","title":"VPN drops every 10 minutes""#
    if !extra.isEmpty { s += "," + extra }
    return s + "}"
}

private let now = Instant(rfc3339: "2026-11-30T09:30:00Z") ?? Instant(seconds: 0)

/// The follow-through duty rules, left out of the tests of the other rules: the crafted tickets
/// stand open for weeks without updates, which those rules report (they have their own tests).
private let cadenceRules: Set<CheckRule> = [
    .endOfDayUpdate, .progressOverdue, .promiseBroken, .etaOverdue, .callbackMissed, .escalationETAPassed, .surveyFollowUp,
]

/// The rules that fire on one ticket line under the built-in policy at `now`.
private func rules(_ text: String, at: Instant = now, only: Set<CheckRule>? = nil) throws -> [String] {
    let t = try Ticket(bytes: Array(text.utf8))
    let enabled = only ?? Set(CheckRule.allCases).subtracting(cadenceRules)
    return TicketLinter(policy: .builtin, now: at, rules: enabled, replyModel: .builtin).check(t).map(\.rule.rawValue)
}

private let resolution = #""resolution":{"cause":"expired VPN certificate","solution":"renewed the certificate on the gateway","result":"connections stay up for a full day","at":"2026-11-02T05:00:00Z"}"#
private let surveyed = #""survey":{"token":"abc","invited_at":"2026-11-02T06:00:00Z"}"#
private let handoff = #""handoff":{"description":"drops","steps_tried":"reinstalled","progress":"reproduced","support_needed":"gateway fix"}"#

@Suite struct TicketLinterTests {
    @Test func cleanTicketsHaveNoFindings() throws {
        #expect(try rules(line()) == [])
        #expect(try rules(line(resolution + "," + surveyed, status: "closed")) == [])
    }

    @Test func invalidField() throws {
        #expect(try rules(line(#""priority":"urgent""#)) == ["invalid-field"])
        #expect(try rules(line(#""tier":"tier9""#)) == ["invalid-field"])
        #expect(try rules(line(#""requester":"王伟""#)) == ["invalid-field"])
        #expect(try rules(line(#""requester":{"name":"王伟","phone":13800001234}"#)) == ["invalid-field"])
        #expect(try rules(line(#""first_response_at":"yesterday""#)) == ["invalid-field"])
        #expect(try rules(line(#""sla":{"first_response_due":"2026-13-01T00:00:00Z"}"#), only: [.invalidField]) == ["invalid-field"])
        #expect(try rules(line(#""survey":{"token":"x","invited_at":"2026-11-02T06:00:00Z","efficiency":6}"#)) == ["invalid-field"])
        #expect(try rules(line(#""survey":{"token":"x","invited_at":"2026-11-02T06:00:00Z","attitude":4.5}"#)) == ["invalid-field"])
        #expect(try rules(line(#""history":[{"by":"a","event":"opened"}]"#)) == ["invalid-field"])
        #expect(try rules(line(#""escalations":[{"from":"tier1","to":"tier2","at":"now","ack_at":"2026-11-02T02:10:00Z",\#(handoff)}]"#)).contains("invalid-field"))
        // null is absent, unknown keys are the user's own, offsets other than Z are fine
        #expect(try rules(line(#""assignee":null,"x_source":42,"first_response_at":"2026-11-02T10:05:00+08:00""#)) == [])
    }

    @Test func invalidFieldPointsAtTheValue() throws {
        let text = line(#""priority":"urgent""#)
        let p = TicketLinter(policy: .builtin, now: now, replyModel: .builtin).check(try Ticket(bytes: Array(text.utf8)))
        let col = try #require(p.first?.column)
        let chars = Array(text)
        #expect(String(chars[(col - 1)..<(col + 7)]) == "\"urgent\"")
    }

    @Test func missingFact() throws {
        let bare = #"{"id":"T-1","opened_at":"2026-11-02T02:00:00Z","channel":"email","status":"open"}"#
        #expect(try rules(bare) == ["missing-fact"])
        let described = #"{"id":"T-1","opened_at":"2026-11-02T02:00:00Z","channel":"email","status":"open","description":"it drops"}"#
        #expect(try rules(described) == [])
    }

    @Test func needsInfoOpen() throws {
        let due = #""sla":{"first_response_due":"2026-11-02T02:15:00Z"},"first_response_at":"2026-11-02T02:10:00Z","needs_info":["frequency"]"#
        #expect(try rules(line(due, status: "in_progress"), only: [.needsInfoOpen]) == ["needs-info-open"])
        #expect(try rules(line(due, status: "waiting"), only: [.needsInfoOpen]) == [])
        #expect(try rules(line(due, status: "in_progress"), at: Instant(rfc3339: "2026-11-02T02:14:00Z") ?? now) == [])
        // no sla yet: the channel's target from opened_at (email 15 min of business time)
        #expect(try rules(line(#""needs_info":["steps_tried"]"#, status: "open")).contains("needs-info-open"))
    }

    @Test func tabooReply() throws {
        let bad = #""history":[{"at":"2026-11-02T02:05:00Z","by":"a","event":"replied","text":"这个我不知道"}]"#
        #expect(try rules(line(bad)) == ["taboo-reply"])
        let lone = #""history":[{"at":"2026-11-02T02:05:00Z","by":"a","event":"replied","text":" ? "}]"#
        #expect(try rules(line(lone)) == ["taboo-reply"])
        let note = #""history":[{"at":"2026-11-02T02:05:00Z","by":"a","event":"note","text":"我不知道"}]"#
        #expect(try rules(line(note)) == [])
        let fine = #""history":[{"at":"2026-11-02T02:05:00Z","by":"a","event":"replied","text":"已为您重置密码，请重新登录"}]"#
        #expect(try rules(line(fine)) == [])
    }

    @Test func vagueResolution() throws {
        #expect(try rules(line(surveyed, status: "resolved")) == ["vague-resolution"])
        let vague = #""resolution":{"cause":"已处理","solution":"renewed the certificate on the gateway","result":"OK"}"#
        #expect(try rules(line(vague + "," + surveyed, status: "closed")) == ["vague-resolution", "vague-resolution"])
        let partial = #""resolution":{"cause":"expired VPN certificate"}"#
        #expect(try rules(line(partial, status: "observing")) == ["vague-resolution"])
        #expect(try rules(line(vague, status: "in_progress")) == [])
        // A title pasted into all three fields: each later field repeats the cause.
        let pasted = #""resolution":{"cause":"打印机无法打印","solution":"打印机 无法打印","result":"打印机无法打印"}"#
        #expect(try rules(line(pasted + "," + surveyed, status: "closed")) == ["vague-resolution", "vague-resolution"])
    }

    @Test func breachNotEscalated() throws {
        let recorded = #""sla":{"breaches":[{"target":"resolution","due":"2026-11-03T02:00:00Z","at":"2026-11-04T02:00:00Z"}]}"#
        #expect(try rules(line(recorded + "," + resolution + "," + surveyed, status: "closed")) == ["breach-not-escalated"])
        let late = #""sla":{"first_response_due":"2026-11-02T02:15:00Z"},"first_response_at":"2026-11-02T02:20:00Z""#
        #expect(try rules(line(late, status: "in_progress")) == ["breach-not-escalated"])
        let unanswered = #""sla":{"first_response_due":"2026-11-02T02:15:00Z"}"#
        #expect(try rules(line(unanswered)) == ["breach-not-escalated"])
        let overdue = #""sla":{"resolution_due":"2026-11-20T02:00:00Z"},"first_response_at":"2026-11-02T02:05:00Z""#
        #expect(try rules(line(overdue, status: "in_progress")) == ["breach-not-escalated"])
        // Waiting on the customer since before the targets ran out: the clocks stand still (the
        // history says when the wait began; the status alone does not).
        let waitingSince = #","history":[{"at":"2026-11-02T02:05:00Z","by":"a","event":"replied","text":"please send the log"},{"at":"2026-11-02T02:05:00Z","by":"a","event":"waiting"}]"#
        #expect(try rules(line(overdue + waitingSince, status: "waiting")) == [])
        // A wait that ended at 16:00 Shanghai today: 1h35m of SLA time used in all.
        let waited = #","history":[{"at":"2026-11-02T02:05:00Z","by":"a","event":"waiting"},{"at":"2026-11-30T08:00:00Z","by":"r","event":"customer_replied","text":"log attached"}]"#
        #expect(try rules(line(overdue + waited, status: "in_progress")) == [])
        let escalated = recorded + #","escalations":[{"from":"tier1","to":"tier2","at":"2026-11-02T03:00:00Z","ack_at":"2026-11-02T03:10:00Z",\#(handoff)}]"#
        #expect(try rules(line(escalated + "," + resolution + "," + surveyed, status: "closed")) == [])
    }

    @Test func incompleteHandoff() throws {
        let thin = #""escalations":[{"from":"tier1","to":"tier2","at":"2026-11-02T03:00:00Z","ack_at":"2026-11-02T03:10:00Z","handoff":{"description":"drops","steps_tried":" "}}]"#
        #expect(try rules(line(thin, status: "escalated")) == ["incomplete-handoff"])
        let none = #""escalations":[{"from":"tier1","to":"tier2","at":"2026-11-02T03:00:00Z","ack_at":"2026-11-02T03:10:00Z"}]"#
        #expect(try rules(line(none, status: "escalated")) == ["incomplete-handoff"])
        let full = #""escalations":[{"from":"tier1","to":"tier2","at":"2026-11-02T03:00:00Z","ack_at":"2026-11-02T03:10:00Z",\#(handoff)}]"#
        #expect(try rules(line(full, status: "escalated")) == [])
    }

    @Test func unacknowledgedEscalation() throws {
        let e = #""priority":"medium","escalations":[{"from":"tier1","to":"tier2","at":"2026-11-02T03:00:00Z",\#(handoff)}]"#
        #expect(try rules(line(e, status: "escalated")) == ["unacknowledged-escalation"])
        // tier1 may hold a medium ticket 2 business hours: 11:00 -> 14:30 Shanghai with lunch
        #expect(try rules(line(e, status: "escalated"), at: Instant(rfc3339: "2026-11-02T06:00:00Z") ?? now) == [])
        #expect(try rules(line(e, status: "escalated"), at: Instant(rfc3339: "2026-11-02T06:31:00Z") ?? now) == ["unacknowledged-escalation"])
        #expect(try rules(line(e + "," + resolution + "," + surveyed, status: "closed")) == [])
    }

    @Test func notSurveyed() throws {
        #expect(try rules(line(resolution, status: "resolved")) == ["not-surveyed"])
        #expect(try rules(line(resolution, status: "resolved"), at: Instant(rfc3339: "2026-11-05T00:00:00Z") ?? now) == [])
        let skipped = resolution + #","history":[{"at":"2026-11-02T06:00:00Z","by":"a","event":"survey_skipped","reason":"surveyed this month"}]"#
        #expect(try rules(line(skipped, status: "resolved")) == [])
        #expect(try rules(line(resolution + "," + surveyed, status: "resolved")) == [])
    }

    @Test func observationUnconfirmed() throws {
        let r = #""resolution":{"cause":"expired VPN certificate","solution":"renewed the certificate on the gateway","result":"connections stay up for a full day","at":"2026-11-30T08:00:00Z","observe_until":"2026-11-30T08:30:00Z"}"#
        #expect(try rules(line(r, status: "observing")) == ["observation-unconfirmed"])
        #expect(try rules(line(r, status: "observing"), at: Instant(rfc3339: "2026-11-30T08:29:00Z") ?? now) == [])
    }

    @Test func findingsNeverQuoteContactData() throws {
        let requester = #""requester":{"name":"王伟","email":"wang.wei@example.com","phone":"+86 138 0000 1234","account":"wangw88","contact":"wechat:ww88"}"#
        let reply = #""history":[{"at":"2026-11-02T02:05:00Z","by":"a","event":"replied","text":"我不知道 wang.wei@example.com"}]"#
        let res = #""resolution":{"cause":"wangw88","solution":"+86 138 0000 1234","result":"wechat:ww88"}"#
        let text = line(requester + "," + reply + "," + res + #","priority":"urgent","survey":{"efficiency":"wang.wei@example.com"}"#, status: "resolved")
        let dir = NSTemporaryDirectory() + "desk-check-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/t.ndjson"
        try (text + "\n" + text + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        for format in ["text", "json", "github"] {
            let r = try runDesk(["check", "--now", "2026-11-30T09:30:00Z", "--format", format, file])
            #expect(r.status == 1)
            #expect(r.stdout.contains("taboo-reply") && r.stdout.contains("vague-resolution") && r.stdout.contains("duplicate-id"))
            for secret in ["wang.wei@example.com", "138 0000", "wangw88", "ww88"] {
                #expect(!r.stdout.contains(secret), "\(format) output quotes \(secret)")
                #expect(!r.stderr.contains(secret))
            }
        }
    }
}

@Suite struct CheckCommandTests {
    static let bad = [
        line(#""priority":"urgent""#, id: "A-1"),
        #"{"id":"A-2","opened_at":"2026-10-14T01:30:00Z" "channel":"web"}"#,
        #"{"id":"A-3","opened_at":"2026-10-14T01:30:00Z","status":"open","title":"x"}"#,
        "[1,2]",
        line(id: "A-1"),
        line(#""sla":{"first_response_due":"2026-11-02T02:15:00Z"}"#, id: "A-5"),
    ].joined(separator: "\n") + "\n"

    func check(_ args: [String], env: [String: String] = [:]) throws -> InProcessResult {
        try runDesk(["check", "--now", "2026-11-30T09:30:00Z"] + args, stdin: CheckCommandTests.bad, env: env)
    }

    @Test func goesOnAfterBadLinesAndNamesThem() throws {
        let r = try check([])
        #expect(r.status == 1)
        #expect(
            r.stdout.split(separator: "\n").map(String.init) == [
                "<stdin>:1:130: A-1: invalid-field: error: field 'priority' must be one of high, medium, low, not 'urgent'",
                "<stdin>:1: A-1: end-of-day-update: warning: 20 end-of-day updates missed, the last due 2026-11-27T10:00:00Z (duties.end_of_day_update: an unresolved ticket gets a public update before the business day ends)",
                "<stdin>:2:48: -: invalid-json: error: expected ',' or '}' after object member",
                "<stdin>:3: A-3: missing-fact: error: no channel: the SLA targets depend on how the request came in",
                "<stdin>:4:1: -: invalid-record: error: expected a JSON object, found an array",
                "<stdin>:5:7: A-1: duplicate-id: error: id already used at line 1; ids must be unique",
                "<stdin>:5: A-1: end-of-day-update: warning: 20 end-of-day updates missed, the last due 2026-11-27T10:00:00Z (duties.end_of_day_update: an unresolved ticket gets a public update before the business day ends)",
                "<stdin>:6: A-5: breach-not-escalated: warning: SLA breached without escalation: first_response (due 2026-11-02T02:15:00Z, no reply yet); workaround (due 2026-11-02T07:30:00Z, still open); resolution (due 2026-11-05T02:00:00Z, still open); escalation time limit of tier1 (due 2026-11-02T04:00:00Z, still there)",
                "<stdin>:6: A-5: end-of-day-update: warning: 20 end-of-day updates missed, the last due 2026-11-27T10:00:00Z (duties.end_of_day_update: an unresolved ticket gets a public update before the business day ends)",
            ])
        #expect(r.stderr == "checked 6 tickets: 5 errors, 4 warnings\n")
    }

    @Test func ruleSkipStrictQuiet() throws {
        let only = try check(["--rule", "breach-not-escalated"])
        #expect(only.status == 0)
        #expect(only.stdout.split(separator: "\n").count == 1)
        #expect(try check(["--rule", "breach-not-escalated", "--strict"]).status == 1)
        let skipped = try check(["--skip", "invalid-json", "--skip", "invalid-field", "--quiet"])
        #expect(!skipped.stdout.contains("invalid-json") && !skipped.stdout.contains("invalid-field"))
        #expect(skipped.stderr == "")
        let unknown = try check(["--rule", "taboo-replies"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Did you mean 'taboo-reply'?"))
    }

    @Test func jsonAndGithubFormats() throws {
        let json = try check(["--format", "json", "--rule", "invalid-json", "--rule", "duplicate-id"])
        #expect(
            json.stdout == """
                {"file":"<stdin>","line":2,"column":48,"ticket":null,"rule":"invalid-json","severity":"error","message":"expected ',' or '}' after object member"}
                {"file":"<stdin>","line":5,"column":7,"ticket":"A-1","rule":"duplicate-id","severity":"error","message":"id already used at line 1; ids must be unique"}

                """)
        let gh = try check(["--format", "github", "--rule", "invalid-json", "--rule", "breach-not-escalated"])
        #expect(
            gh.stdout == """
                ::error file=<stdin>,line=2,col=48,title=desk invalid-json::expected ',' or '}' after object member
                ::warning file=<stdin>,line=6,title=desk breach-not-escalated::A-5: SLA breached without escalation: first_response (due 2026-11-02T02:15:00Z, no reply yet); workaround (due 2026-11-02T07:30:00Z, still open); resolution (due 2026-11-05T02:00:00Z, still open); escalation time limit of tier1 (due 2026-11-02T04:00:00Z, still there)

                """)
        #expect(FindingWriter.escapeData("50%\nnext") == "50%25%0Anext")
        #expect(FindingWriter.escapeProperty("a:b,c") == "a%3Ab%2Cc")
    }

    @Test func policyReviewOnceAgainstThePolicy() throws {
        let r = try runDesk(["check", "--now", "2027-06-01T00:00:00Z", "--rule", "policy-review"], stdin: CheckCommandTests.bad)
        #expect(r.status == 0)
        #expect(
            r.stdout
                == "<builtin policy>: -: policy-review: warning: policy 'desk-builtin' was last reviewed 2026-11-23 and is due every 182d (review overdue since 2027-05-24); review the targets and update reviewed_at\n"
        )
        #expect(try runDesk(["check", "--now", "2027-05-23T00:00:00Z", "--rule", "policy-review"], stdin: "").stdout == "")
    }

    @Test func missingInputIsExit3() throws {
        let r = try runDesk(["check", "/nonexistent/tickets.ndjson"])
        #expect(r.status == 3)
        #expect(r.stderr.hasPrefix("/nonexistent/tickets.ndjson: error: cannot open"))
    }

    @Test func noEscapeCodesWithoutATerminalOrWithNoColor() throws {
        for env in [[:], ["NO_COLOR": "1"], ["TERM": "dumb"]] {
            let r = try check([], env: env)
            #expect(!r.stdout.contains("\u{1B}") && !r.stderr.contains("\u{1B}"))
            let usage = try check(["--format", "yaml"], env: env)
            #expect(usage.status == 2 && !usage.stderr.contains("\u{1B}"))
        }
    }

    @Test func colourHighlightsOnlyTheSeverityWord() {
        #expect(Diagnostic(.error, "bad").rendered(colour: false) == "desk: error: bad")
        #expect(Diagnostic(.error, "bad").rendered(colour: true) == "desk: \u{1B}[1;31merror:\u{1B}[0m bad")
        #expect(Diagnostic(.error, file: "f.ndjson", line: 2, column: 3, "x error: y").rendered(colour: true)
                == "f.ndjson:2:3: \u{1B}[1;31merror:\u{1B}[0m x error: y")
        #expect(Colour.severity("warning", on: true) == "\u{1B}[1;33mwarning:\u{1B}[0m")
        #expect(OutputSink(memoryNamed: "m").isTerminal == false)
    }

    @Test func examplesGiveOnlyPlausibleWarnings() throws {
        let root = BinaryRunner.packageRoot.path
        let r = try runDesk([
            "check", "--now", "2026-11-30T09:30:00Z", "--policy", root + "/Examples/policy-cn-2026.json", "--format", "json",
            root + "/Examples/tickets.ndjson",
        ])
        #expect(r.status == 0)
        let findings = try objects(r.stdout)
        #expect(findings.allSatisfy { $0["severity"] == "warning" })
        let unacked = findings.filter { $0["rule"] == "unacknowledged-escalation" }.compactMap { $0["ticket"]?.stringValue }
        #expect(unacked == ["DK-261111-8ZD2"])
        // Reviewed by hand (docs/CHECK.md): most are workaround targets missed by fixes that
        // came without a recorded workaround, call-backs never recorded as such, ETAs passed,
        // and low survey answers nobody followed up.
        var perRule: [String: Int] = [:]
        for f in findings { perRule[f["rule"]?.stringValue ?? "?", default: 0] += 1 }
        #expect(perRule == [
            "breach-not-escalated": 51, "callback-missed": 9, "end-of-day-update": 15, "escalation-eta-passed": 21,
            "needs-info-open": 10, "progress-overdue": 20, "survey-follow-up": 13, "unacknowledged-escalation": 1,
        ])
        #expect(r.stderr == "checked 120 tickets: 0 errors, 140 warnings\n")
    }
}
