// `open`: tickets from flags and raw requests, needs_info, reopen rules.
import Testing

@testable import DeskKit

@Suite struct OpenCommandTests {
    @Test func buildsATicketInRecordOrderWithNeedsInfo() throws {
        let r = try runDesk(["open", "--now", "2026-10-14T09:30:00+08:00", "--channel", "email", "--title", "SAP 登录失败",
                             "--email", "a@example.com", "--os", "Windows 11"])
        #expect(r.status == 0)
        let t = try #require(try objects(r.stdout).first)
        #expect(t.keys == ["id", "opened_at", "channel", "owner", "assignee", "tier", "status", "requester", "title",
                           "environment", "needs_info", "history"])
        #expect(t["opened_at"] == "2026-10-14T01:30:00Z")
        #expect(t["owner"] == "agent.test")
        #expect(t["needs_info"] == ["occurred_at", "frequency", "steps_tried"])
        #expect(t["id"]?.stringValue?.hasPrefix("DK-261014-") == true)
    }

    @Test func requiresChannelAndTitleOrDescription() throws {
        let a = try runDesk(["open", "--title", "x"])
        #expect(a.status == 2)
        #expect(a.stderr.contains("a channel is required"))
        let b = try runDesk(["open", "--channel", "web"])
        #expect(b.status == 2)
        #expect(b.stderr.contains("a title or a description is required"))
    }

    @Test func batchKeepsUnknownKeysAndNamesTheBadLine() throws {
        let ok = try runDesk(["open", "--batch", "--now", "2026-10-14T01:30:00Z"],
                             stdin: #"{"channel":"web","title":"t","x_form":"v2"}"# + "\n")
        #expect(try objects(ok.stdout).first?["x_form"] == "v2")
        let bad = try runDesk(["open", "--batch"], stdin: "{\"channel\":\"web\",\"title\":\"t\"}\n{\"title\":\"no channel\"}\n")
        #expect(bad.status == 3)
        #expect(bad.stdout == "")
        #expect(bad.stderr.hasPrefix("<stdin>:2: error: a channel is required"))
    }

    /// Regression (issue 17 item 4): a raw request carrying a 5/5/5 survey, an SLA or a priority
    /// forged the KPIs; only what a requester can say is accepted.
    @Test(arguments: ["first_response_at", "survey", "sla", "resolution", "escalations", "classification",
                      "priority", "category", "reopened", "escalation_requested", "status", "history"])
    func batchRefusesFieldsDeskRecordsItself(_ key: String) throws {
        let good = #"{"channel":"web","title":"fine","x_form":"v2"}"#
        let forged = #"{"channel":"web","title":"t",""# + key + #"":{"scores":{"overall":5}}}"#
        let r = try runDesk(["open", "--batch", "--now", "2026-10-14T01:30:00Z"], stdin: good + "\n" + forged + "\n")
        #expect(r.status == 3)
        #expect(r.stdout == "")
        #expect(r.stderr.hasPrefix("<stdin>:2: error: '\(key)' is not a request field: a raw request may carry only channel, id, owner,"))
    }

    @Test func reopenOnlyFinishedTickets() throws {
        let resolved = #"{"id":"A","opened_at":"2026-10-01T00:00:00Z","channel":"web","status":"resolved"}"#
        let open = #"{"id":"B","opened_at":"2026-10-01T00:00:00Z","channel":"web","status":"open"}"#
        let r = try runDesk(["open", "--reopen", "--id", "A", "--reason", "back again", "--now", "2026-10-02T00:00:00Z"],
                            stdin: resolved + "\n" + open + "\n")
        #expect(r.status == 0)
        let out = try objects(r.stdout)
        #expect(out[0]["status"] == "in_progress")
        #expect(out[0]["reopened"] == .array([.object(["at": "2026-10-02T00:00:00Z", "reason": "back again", "by": "agent.test"])]))
        #expect(r.stdout.hasSuffix(open + "\n"))
        let refused = try runDesk(["open", "--reopen", "--id", "B", "--reason", "x"], stdin: open + "\n")
        #expect(refused.status == 1)
        #expect(refused.stderr == "desk: refused: ticket B is open; only resolved, closed or observing tickets can be reopened\n")
    }
}
