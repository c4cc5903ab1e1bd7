// reply, escalate and resolve: state changes, refusals and the full path of one ticket, run
// in-process on stdin.
import Foundation
import Testing

@testable import DeskKit

/// A medium email ticket opened Monday 2026-11-30 09:00 Shanghai, classified, with SLA dues.
let workTicket = #"{"id":"W1","opened_at":"2026-11-30T01:00:00Z","channel":"email","owner":"agent.li","assignee":"agent.li","tier":"tier1","status":"open","title":"VPN drops","description":"VPN drops every 10 minutes","steps_tried":"reinstalled the client","priority":"medium","sla":{"policy":"desk-builtin","first_response_due":"2026-11-30T01:15:00Z","workaround_due":"2026-11-30T06:30:00Z","resolution_due":"2026-12-02T10:00:00Z","paused_seconds":0,"breaches":[]},"history":[{"at":"2026-11-30T01:00:00Z","by":"agent.li","event":"opened"}]}"#

/// Runs one step on `input` and returns the single ticket it printed.
func step(_ args: [String], _ input: String) throws -> (JSONObject, String) {
    let r = try runDesk(args, stdin: input + "\n")
    guard r.status == 0 else { throw TestFailure("\(args): exit \(r.status): \(r.stderr)") }
    let line = r.stdout.trimmingCharacters(in: .newlines)
    let t = try #require(try objects(line).first)
    return (t, line)
}

func events(_ t: JSONObject) -> [String] {
    (t["history"]?.arrayValue ?? []).compactMap { $0.objectValue?["event"]?.stringValue }
}

@Suite struct ReplyCommandTests {
    @Test func firstPublicReplySetsFirstResponseOnceAndStartsWork() throws {
        let (a, line) = try step(["reply", "--id", "W1", "--text", "正在排查 VPN 网关", "--now", "2026-11-30T01:10:00Z"], workTicket)
        #expect(a["status"] == "in_progress")
        #expect(a["first_response_at"] == "2026-11-30T01:10:00Z")
        #expect(a.keys.last == "history")
        let (b, _) = try step(["reply", "--id", "W1", "--text", "still checking the gateway", "--now", "2026-11-30T02:00:00Z"], line)
        #expect(b["first_response_at"] == "2026-11-30T01:10:00Z")
        #expect(events(b) == ["opened", "replied", "replied"])
    }

    @Test func waitingPausesAndCustomerResumes() throws {
        let (a, line) = try step(["reply", "--id", "W1", "--waiting", "--text", "please send a screenshot", "--now", "2026-11-30T01:10:00Z"], workTicket)
        #expect(a["status"] == "waiting")
        #expect(events(a) == ["opened", "replied", "waiting"])
        let (b, _) = try step(["reply", "--id", "W1", "--customer", "--text", "attached", "--now", "2026-11-30T01:40:00Z"], line)
        #expect(b["status"] == "in_progress")
        #expect(b["sla"]?.objectValue?["paused_seconds"] == .number("1800"))
        #expect(b["first_response_at"] == "2026-11-30T01:10:00Z")
    }

    @Test func internalNoteIsNotAFirstResponseAndNotLinted() throws {
        let (a, _) = try step(["reply", "--id", "W1", "--internal", "--text", "我不知道 who set this up", "--now", "2026-11-30T01:10:00Z"], workTicket)
        #expect(a["status"] == "open")
        #expect(a["first_response_at"] == nil)
        #expect(events(a) == ["opened", "note"])
    }

    @Test func tabooAndBareVagueRepliesAreRefusedBeforeReading() throws {
        let r = try runDesk(["reply", "--id", "W1", "--text", "这个不行，我正忙着呢"], stdin: workTicket + "\n")
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr.contains("\"这个不行\" is a service taboo phrase"))
        #expect(r.stderr.contains("\"我正忙着\" is a service taboo phrase"))
        let v = try runDesk(["reply", "--id", "W1", "--text", "OK"], stdin: workTicket + "\n")
        #expect(v.status == 1)
        #expect(v.stderr.contains("too vague"))
        // A longer reply that mentions a vague word is fine.
        #expect(PhraseLint(policy: .builtin, replyModel: .builtin).review(reply: "已处理：重置了 VPN 证书，请重新连接").isEmpty)
    }

    @Test func finishedTicketsAndUnknownIds() throws {
        let done = workTicket.replacingOccurrences(of: #""status":"open""#, with: #""status":"closed""#)
        let r = try runDesk(["reply", "--id", "W1", "--text", "还有问题吗？"], stdin: done + "\n")
        #expect(r.status == 1)
        #expect(r.stderr.contains("desk open --reopen --id W1"))
        #expect(r.stdout == "")
        let u = try runDesk(["reply", "--id", "W9", "--text", "您好，VPN 证书已更新，请重新连接。"], stdin: workTicket + "\n")
        #expect(u.status == 3)
        #expect(u.stderr.contains("no ticket with id 'W9'"))
    }
}

@Suite struct EscalateCommandTests {
    let handoff = ["--progress", "gateway cert expired", "--support-needed", "renew the cert", "--by", "agent.li", "--now", "2026-11-30T04:00:00Z"]

    @Test func manualKeepsOwnerAndRecordsThePackage() throws {
        let (t, _) = try step(["escalate", "--id", "W1", "--to", "tier2", "--reason", "needs admin rights"] + handoff, workTicket)
        #expect(t["owner"] == "agent.li")
        #expect(t["assignee"] == "agent.li")
        #expect(t["tier"] == "tier2")
        #expect(t["status"] == "escalated")
        let e = try #require(t["escalations"]?.arrayValue?.first?.objectValue)
        #expect(e["trigger"] == "manual")
        #expect(e["handoff"]?.objectValue?.keys == ["description", "steps_tried", "progress", "support_needed"])
        #expect(events(t).last == "escalated")
    }

    @Test func incompletePackageListsEveryMissingItem() throws {
        let bare = workTicket.replacingOccurrences(of: #""steps_tried":"reinstalled the client","#, with: "")
        let r = try runDesk(["escalate", "--id", "W1", "--to", "tier2", "--reason", "x", "--by", "a"], stdin: bare + "\n")
        #expect(r.status == 1)
        #expect(r.stdout == "")
        for item in ["steps_tried: missing", "progress: missing; supply --progress", "support_needed: missing; supply --support-needed"] {
            #expect(r.stderr.contains(item))
        }
        #expect(!r.stderr.contains("description:"))
    }

    @Test func pathRules() throws {
        let skip = try runDesk(["escalate", "--id", "W1", "--to", "vendor", "--reason", "x"] + handoff, stdin: workTicket + "\n")
        #expect(skip.status == 1)
        #expect(skip.stderr.contains("skips tier2, rnd"))
        let (t, _) = try step(["escalate", "--id", "W1", "--to", "vendor", "--reason", "x", "--skip-reason", "known vendor bug"] + handoff, workTicket)
        #expect(t["tier"] == "vendor")
        let same = try runDesk(["escalate", "--id", "W1", "--to", "tier1", "--reason", "x"] + handoff, stdin: workTicket + "\n")
        #expect(same.status == 1)
        #expect(same.stderr.contains("already at tier1"))
    }

    @Test func ackRecordsEtaOnTheLatestEscalationOnce() throws {
        let (_, escalated) = try step(["escalate", "--id", "W1", "--to", "tier2", "--reason", "x"] + handoff, workTicket)
        let (t, acked) = try step(["escalate", "--ack", "--id", "W1", "--by", "agent.zhou", "--eta", "1h30m", "--now", "2026-11-30T04:10:00Z"], escalated)
        let e = try #require(t["escalations"]?.arrayValue?.last?.objectValue)
        #expect(e["ack_at"] == "2026-11-30T04:10:00Z")
        #expect(e["eta"] == "2026-11-30T05:40:00Z")
        #expect(t["status"] == "in_progress")
        let again = try runDesk(["escalate", "--ack", "--id", "W1", "--eta", "2h"], stdin: acked + "\n")
        #expect(again.status == 1)
        #expect(again.stderr.contains("already acknowledged"))
    }

    @Test func autoTriggersAndIdempotence() throws {
        let policy = Policy.builtin
        let lifecycle = Lifecycle(policy: policy)
        let t = try Ticket(bytes: Array(workTicket.utf8))
        // 09:00-10:59 Shanghai is 1h59m: not yet; 11:01 is 2h01m.
        #expect(EscalateCommand.firing(t, lifecycle: lifecycle, now: Instant(rfc3339: "2026-11-30T02:59:00Z")!) == nil)
        let f = try #require(EscalateCommand.firing(t, lifecycle: lifecycle, now: Instant(rfc3339: "2026-11-30T03:01:00Z")!))
        #expect(f.trigger == "time_limit")
        #expect(f.reason == "time limit 2h of tier1/medium passed (2h1m of business time)")
        let (escalated, line) = try step(["escalate", "--auto", "--now", "2026-11-30T03:01:00Z"], workTicket)
        #expect(escalated["tier"] == "tier2")
        let rerun = try runDesk(["escalate", "--auto", "--now", "2026-11-30T03:01:00Z"], stdin: line + "\n")
        #expect(rerun.stdout == line + "\n")
        #expect(rerun.stderr == "")

        let asked = workTicket.replacingOccurrences(of: #""history""#, with: #""escalation_requested":true,"history""#)
        let (a, aLine) = try step(["escalate", "--auto", "--now", "2026-11-30T01:30:00Z"], asked)
        #expect(a["escalations"]?.arrayValue?.first?.objectValue?["trigger"] == "customer_request")
        let again = try runDesk(["escalate", "--auto", "--now", "2026-11-30T01:30:00Z"], stdin: aLine + "\n")
        #expect(again.stdout == aLine + "\n")

        let complex = workTicket.replacingOccurrences(of: #""history""#, with: #""tags":["cross_department"],"history""#)
        let (c, cLine) = try step(["escalate", "--auto", "--now", "2026-11-30T01:30:00Z"], complex)
        #expect(c["escalations"]?.arrayValue?.first?.objectValue?["trigger"] == "complexity")
        let cAgain = try runDesk(["escalate", "--auto", "--now", "2026-11-30T01:31:00Z"], stdin: cLine + "\n")
        #expect(cAgain.stdout == cLine + "\n")
    }

    @Test func autoLeavesFinishedObservingAndLastTierAlone() throws {
        let late = "2026-12-31T00:00:00Z"
        for (from, to) in [(#""status":"open""#, #""status":"resolved""#), (#""status":"open""#, #""status":"observing""#),
                           (#""tier":"tier1""#, #""tier":"vendor""#)] {
            let input = workTicket.replacingOccurrences(of: from, with: to) + "\n"
            let r = try runDesk(["escalate", "--auto", "--now", late], stdin: input)
            #expect(r.stdout == input)
            let dry = try runDesk(["escalate", "--auto", "--dry-run", "--now", late], stdin: input)
            #expect(dry.stdout == "")
        }
    }
}

@Suite struct ResolveCommandTests {
    let fields = ["--cause", "expired gateway certificate", "--solution", "renewed the certificate and restarted VPN",
                  "--result", "no drops in the last hour"]

    @Test func resolveRecordsResolutionAndSLA() throws {
        let (t, _) = try step(["resolve", "--id", "W1"] + fields + ["--by", "agent.li", "--now", "2026-11-30T02:00:00Z"], workTicket)
        #expect(t["status"] == "resolved")
        let r = try #require(t["resolution"]?.objectValue)
        #expect(r.keys == ["cause", "solution", "result", "by", "at", "business_seconds"])
        #expect(r["business_seconds"] == .number("3600"))
        // No public reply before: the resolution is the first response, 45 min late.
        #expect(t["sla"]?.objectValue?["met"] == .object(["first_response": false, "workaround": true, "resolution": true]))
        #expect(events(t).last == "resolved")
    }

    @Test func refusesEveryBadFieldAtOnceAndEchoesThem() throws {
        let r = try runDesk(["resolve", "--id", "W1", "--cause", "已解决", "--solution", "前台操作解决", "--result", "I don't know"],
                            stdin: workTicket + "\n")
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr.contains("3 of 3 fields refused"))
        #expect(r.stderr.contains("--cause (原因说明): '已解决' is vague"))
        #expect(r.stderr.contains("--solution (处理方案): '前台操作解决' is vague"))
        #expect(r.stderr.contains("--result (处理结果): "))
        #expect(r.stderr.contains("--result 'I don'\\''t know'"))
    }

    @Test func observeThenConfirm() throws {
        let (o, line) = try step(["resolve", "--id", "W1"] + fields + ["--observe", "30m", "--now", "2026-11-30T02:00:00Z"], workTicket)
        #expect(o["status"] == "observing")
        #expect(o["resolution"]?.objectValue?["observe_until"] == "2026-11-30T02:30:00Z")
        #expect(o["sla"]?.objectValue?["met"] == nil)
        let again = try runDesk(["resolve", "--id", "W1"] + fields, stdin: line + "\n")
        #expect(again.status == 1)
        let (c, confirmed) = try step(["resolve", "--confirm", "--id", "W1", "--now", "2026-11-30T02:31:00Z"], line)
        #expect(c["status"] == "resolved")
        #expect(c["resolution"]?.objectValue?["confirmed_at"] == "2026-11-30T02:31:00Z")
        #expect(c["sla"]?.objectValue?["met"] != nil)
        let twice = try runDesk(["resolve", "--confirm", "--id", "W1"], stdin: confirmed + "\n")
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("not observing"))
        // Reopening during observation goes back to in_progress.
        let (re, _) = try step(["open", "--reopen", "--id", "W1", "--reason", "drops again", "--now", "2026-11-30T02:10:00Z"], line)
        #expect(re["status"] == "in_progress")
    }

    @Test func earlyConfirmIsNoted() throws {
        let (_, line) = try step(["resolve", "--id", "W1"] + fields + ["--observe", "1h", "--now", "2026-11-30T02:00:00Z"], workTicket)
        let (c, _) = try step(["resolve", "--confirm", "--id", "W1", "--now", "2026-11-30T02:10:00Z"], line)
        let last = try #require(c["history"]?.arrayValue?.last?.objectValue)
        #expect(last["event"] == "confirmed")
        #expect(last["note"]?.stringValue?.contains("before the observation period ended") == true)
    }
}
