// `classify` and `policy` run in process: fields set, idempotent reruns, manual priority,
// SLA dues and breaches, selection of finished tickets, policy printing and checking.
import Foundation
import Testing

@testable import DeskKit

@Suite struct ClassifyCommandTests {
    static let now = "2026-11-30T09:30:00Z"
    static let open = #"{"id":"A","opened_at":"2026-11-30T01:00:00Z","channel":"email","status":"open","title":"System crash in the VPN client","tags":["vip","vip"],"sla":{"policy":"old","note":"kept"}}"#

    @Test func setsPriorityCategoryTagsClassificationAndSLA() throws {
        let r = try runDesk(["classify", "--now", Self.now], stdin: Self.open + "\n")
        #expect(r.status == 0)
        let t = try #require(try objects(r.stdout).first)
        #expect(t["priority"] == "high")
        // Strongest evidence: "crash" (bug) outweighs "vpn" (network).
        #expect(t["category"] == "bug")
        #expect(t["tags"] == ["vip"])
        #expect(t["classification"]?.objectValue?["rules"] == ["malfunction", "system_crash", "network", "bug"])
        let sla = try #require(t["sla"]?.objectValue)
        #expect(sla.keys == ["policy", "note", "first_response_due", "workaround_due", "resolution_due", "paused_seconds", "breaches"])
        #expect(sla["policy"] == "desk-builtin")
        // High runs 24x7: 15 min, 1 h, 8 h from 01:00Z.
        #expect(sla["first_response_due"] == "2026-11-30T01:15:00Z")
        #expect(sla["workaround_due"] == "2026-11-30T02:00:00Z")
        #expect(sla["resolution_due"] == "2026-11-30T09:00:00Z")
        #expect(sla["breaches"]?.arrayValue?.count == 3)
        let last = try #require(t["history"]?.arrayValue?.last?.objectValue)
        #expect(last["event"] == "classified")
        #expect(last["by"] == "agent.test")
    }

    @Test func secondRunIsByteIdenticalAndAddsNoEvent() throws {
        let once = try runDesk(["classify", "--now", Self.now], stdin: Self.open + "\n")
        let twice = try runDesk(["classify", "--now", Self.now], stdin: once.stdout)
        #expect(twice.stdout == once.stdout)
        // Later, nothing new is due: still identical.
        let later = try runDesk(["classify", "--now", "2026-12-31T00:00:00Z"], stdin: once.stdout)
        #expect(later.stdout == once.stdout)
    }

    @Test func breachesCountOnlyMissedTargetsAndAreNotDuplicated() throws {
        let t = #"{"id":"B","opened_at":"2026-11-30T01:00:00Z","channel":"email","status":"resolved","title":"System crash","first_response_at":"2026-11-30T01:10:00Z","resolution":{"at":"2026-11-30T03:00:00Z"}}"#
        let r = try runDesk(["classify", "--now", Self.now, "--id", "B"], stdin: t + "\n")
        let sla = try #require(try objects(r.stdout).first?["sla"]?.objectValue)
        // First response in time, resolution in time, workaround (due 02:00) missed: the fix at
        // 03:00 stopped its clock (`at` is the late event).
        #expect(sla["breaches"] == .array([.object(["target": "workaround", "due": "2026-11-30T02:00:00Z", "at": "2026-11-30T03:00:00Z"])]))
    }

    @Test func manualPriorityStaysOnLaterRuns() throws {
        let first = try runDesk(["classify", "--now", Self.now, "--id", "A", "--priority", "low", "--reason", "test system only", "--by", "agent.lead"],
                                stdin: Self.open + "\n")
        #expect(first.status == 0)
        let t = try #require(try objects(first.stdout).first)
        #expect(t["priority"] == "low")
        #expect(t["classification"]?.objectValue?["manual"] == .object([
            "priority": "low", "by": "agent.lead", "at": .string(Self.now), "reason": "test system only",
        ]))
        let events = t["history"]?.arrayValue?.compactMap { $0.objectValue?["event"]?.stringValue }
        #expect(events == ["priority_set", "classified"])
        let again = try runDesk(["classify", "--now", "2026-12-01T09:30:00Z"], stdin: first.stdout)
        let u = try #require(try objects(again.stdout).first)
        #expect(u["priority"] == "low")
        #expect(u["history"]?.arrayValue?.count == 2)
    }

    @Test func usageErrors() throws {
        let noId = try runDesk(["classify", "--priority", "high", "--reason", "x"])
        #expect(noId.status == 2)
        #expect(noId.stderr.contains("name the ticket with --id"))
        let noReason = try runDesk(["classify", "--id", "A", "--priority", "high"], stdin: Self.open + "\n")
        #expect(noReason.status == 2)
        let reasonAlone = try runDesk(["classify", "--reason", "x"])
        #expect(reasonAlone.status == 2)
    }

    @Test func finishedTicketsAreLeftAloneUnlessPicked() throws {
        let done = #"{"id":"C","opened_at":"2026-11-30T01:00:00Z","channel":"web","status":"resolved","title":"数据丢失"}"#
        let all = try runDesk(["classify", "--now", Self.now], stdin: done + "\n")
        #expect(all.stdout == done + "\n")
        let picked = try runDesk(["classify", "--now", Self.now, "--id", "C"], stdin: done + "\n")
        #expect(try objects(picked.stdout).first?["priority"] == "high")
    }

    @Test func waitingTimeMovesTheDueTimes() throws {
        // Medium, business hours (09:00 +08 = 01:00Z): waiting 02:00Z-04:00Z on Monday; that
        // takes 10:00-12:00 local, i.e. 2 h of business time.
        let t = #"{"id":"W","opened_at":"2026-11-30T01:00:00Z","channel":"web","status":"open","title":"VPN drops","history":[{"at":"2026-11-30T02:00:00Z","event":"waiting"},{"at":"2026-11-30T04:00:00Z","event":"customer_replied"}]}"#
        let r = try runDesk(["classify", "--now", "2026-11-30T05:00:00Z"], stdin: t + "\n")
        let sla = try #require(try objects(r.stdout).first?["sla"]?.objectValue)
        #expect(sla["paused_seconds"] == 7200)
        // 4 h workaround: 09:00-10:00, pause, 13:30-16:30 local = 08:30Z.
        #expect(sla["workaround_due"] == "2026-11-30T08:30:00Z")
    }
}

@Suite struct PolicyCommandTests {
    @Test func printsTheBuiltinPolicy() throws {
        let r = try runDesk(["policy"])
        #expect(r.status == 0)
        #expect(r.stdout == Policy.builtinText)
    }

    @Test func printsTheEffectivePolicy() throws {
        let path = NSTemporaryDirectory() + "desk-policy-" + UUID().uuidString + ".json"
        try #"{"id": "x", "first_response": {"im": "3m"}}"#.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try runDesk(["policy", "--policy", path])
        let p = try Policy.decode(text: r.stdout).get()
        #expect(p.id == "x")
        #expect(p.firstResponse[.im] == 180)
        #expect(r.stdout == JSONWriter.pretty(p.json))
    }

    @Test func checkListsEveryProblem() throws {
        let r = try runDesk(["policy", "--check", "-"], stdin: #"{"business_hours": {"mon": [{"start": "18:00", "end": "17:00"}]}, "x": 1}"#)
        #expect(r.status == 3)
        #expect(r.stderr == "<stdin>: error: $.x: unknown key\n<stdin>: error: $.business_hours.mon[0]: end 17:00 is before start 18:00\n")
        #expect(r.stdout == "")
    }

    @Test func checkWarnsAboutAStaleReview() throws {
        let fresh = try runDesk(["policy", "--check", "-", "--now", "2026-12-01T00:00:00Z"], stdin: "{}")
        #expect(fresh.status == 0)
        #expect(fresh.stderr == "")
        #expect(fresh.stdout == "<stdin>: ok (policy desk-builtin, hash \(Policy.builtin.hash))\n")
        let stale = try runDesk(["policy", "--check", "-", "--now", "2027-06-01T00:00:00Z"], stdin: "{}")
        #expect(stale.status == 0)
        #expect(stale.stderr.contains("warning: $.reviewed_at: last reviewed 2026-11-23"))
    }
}
