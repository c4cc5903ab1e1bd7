// The lifecycle's parts on their own: excluded spans, WHEN values for promises and ETAs, the
// tier stints, and the pre-filter `queue` uses to skip tickets with nothing left to do.
import Foundation
import Testing

@testable import DeskKit

private func instant(_ s: String) -> Instant { Instant(rfc3339: s) ?? Instant(seconds: 0) }

@Suite struct LifecycleUnitTests {
    @Test func oneRuleEndsAWaitAndResolvedTimeNeverCounts() {
        let events = [
            LifecycleEvent(.waiting, at: instant("2026-11-30T01:00:00Z")),
            LifecycleEvent(.resolved, at: instant("2026-11-30T02:00:00Z")),  // ends the wait, starts a resolved stretch
            LifecycleEvent(.reopened, at: instant("2026-11-30T05:00:00Z")),
            LifecycleEvent(.waiting, at: instant("2026-11-30T06:00:00Z")),
            LifecycleEvent(.closed, at: instant("2026-11-30T07:00:00Z")),
        ]
        let spans = ExcludedSpans(events: events, now: instant("2026-12-01T00:00:00Z"))
        // The wait runs into the resolved stretch: one span 01:00-05:00, then the second wait.
        #expect(spans.spans == [TimeSpan(start: instant("2026-11-30T01:00:00Z"), end: instant("2026-11-30T05:00:00Z")),
                                TimeSpan(start: instant("2026-11-30T06:00:00Z"), end: instant("2026-11-30T07:00:00Z"))])
        let waits = ExcludedSpans(events: events, now: instant("2026-12-01T00:00:00Z"), waitsOnly: true)
        #expect(waits.spans.count == 2 && waits.spans[0].end == instant("2026-11-30T02:00:00Z"))
        // An open wait runs to now.
        let open = ExcludedSpans(events: [LifecycleEvent(.waiting, at: instant("2026-11-30T01:00:00Z"))], now: instant("2026-11-30T03:00:00Z"))
        #expect(open.used(from: instant("2026-11-30T00:00:00Z"), to: instant("2026-11-30T04:00:00Z")) { $1.seconds - $0.seconds } == 7200)
    }

    @Test func whenValues() {
        let policy = Policy.builtin
        let cal = policy.calendar(for: "medium"), biz = policy.businessCalendar
        func when(_ s: String, _ now: String) -> String? { WhenText.parse(s, now: instant(now), calendar: cal, business: biz)?.rfc3339 }
        // Monday 2026-11-30 17:00 Shanghai.
        #expect(when("2026-12-01T03:00:00Z", "2026-11-30T09:00:00Z") == "2026-12-01T03:00:00Z")
        #expect(when("2h", "2026-11-30T09:00:00Z") == "2026-12-01T02:00:00Z")  // 1 h today, 1 h Tuesday
        #expect(when("16:00", "2026-11-30T09:00:00Z") == "2026-12-01T08:00:00Z")  // passed today: tomorrow
        #expect(when("16:00", "2026-11-30T02:00:00Z") == "2026-11-30T08:00:00Z")
        #expect(when("eod", "2026-11-30T02:00:00Z") == "2026-11-30T10:00:00Z")
        #expect(when("EOD", "2026-11-30T11:00:00Z") == "2026-12-01T10:00:00Z")  // after hours: the next day's end
        #expect(when("eod", "2026-12-04T11:00:00Z") == "2026-12-07T10:00:00Z")  // Friday night: Monday
        for bad in ["soon", "25:00", "7:00", "", "-1h", "0"] { #expect(when(bad, "2026-11-30T02:00:00Z") == nil, "\(bad)") }
    }

    @Test func tierStintsAndTheAcknowledgedETA() throws {
        let lifecycle = Lifecycle(policy: .builtin)
        var f = LifecycleFacts(openedAt: instant("2026-11-30T01:00:00Z"), channel: .email, status: .escalated)
        f.priority = .medium
        f.tier = .tier2
        // Escalated at 11:00 Shanghai (within tier 1's 2 h), acknowledged with an ETA far beyond
        // tier 2's 7h30m: tier 2 is not overdue before the ETA.
        f.escalations = [EscalationFacts(from: .tier1, to: .tier2, at: instant("2026-11-30T03:00:00Z"),
                                         ackAt: instant("2026-11-30T03:10:00Z"), eta: instant("2026-12-03T03:00:00Z"))]
        let s = lifecycle.schedule(f, now: instant("2026-12-02T03:00:00Z"))
        #expect(s.stints.map(\.tier) == [.tier1, .tier2])
        #expect(s.stints[0].state == .met)
        #expect(s.stints[1].state == .running)
        #expect(s.stints[1].due == instant("2026-12-03T03:00:00Z"))
        let later = lifecycle.schedule(f, now: instant("2026-12-03T03:01:00Z"))
        #expect(later.stints[1].state == .breached && later.stints[1].stop == nil)
        #expect(later.breaches.allSatisfy { $0.target != "escalation" })  // overdue, not yet a breach
    }

    @Test func theQueuePrefilterNeverSkipsAnOpenDuty() throws {
        var rng = SplitMix64(state: 7)
        let lifecycle = Lifecycle(policy: .builtin)
        let now = instant("2026-12-01T00:00:00Z")
        var skipped = 0
        for n in 0..<3000 {
            let opened = Int64(1_793_000_000) + rng.int(0...(30 * 86400))
            func t(_ d: Int64) -> String { Instant(seconds: opened + d).rfc3339 }
            var s = #"{"id":"F\#(n)","opened_at":"\#(t(0))","channel":"email","status":"\#(rng.int(0...3) == 0 ? "closed" : "resolved")","title":"x","priority":"medium""#
            if rng.int(0...4) > 0 { s += #","resolution":{"cause":"c","at":"\#(t(rng.int(0...400_000)))"\#(rng.int(0...1) == 0 ? #","confirmed_at":"\#(t(500_000))""# : "")}"# }
            switch rng.int(0...3) {
            case 0: s += #","survey":{"token":"t","invited_at":"\#(t(600_000))"}"#
            case 1:
                let score = rng.int(1...5)
                s += #","survey":{"token":"t","invited_at":"\#(t(600_000))","responded_at":"\#(t(700_000))","efficiency":\#(score),"attitude":\#(score),"effectiveness":\#(score)}"#
            default: break
            }
            var history = [#"{"at":"\#(t(0))","event":"opened"}"#]
            for _ in 0..<Int(rng.int(0...4)) {
                let d = rng.int(0...900_000)
                switch rng.int(0...5) {
                case 0: history.append(#"{"at":"\#(t(d))","event":"replied","text":"x","promise":"\#(t(d + 3600))"}"#)
                case 1: history.append(#"{"at":"\#(t(d))","event":"replied","text":"x","eta":"\#(t(d + 3600))"}"#)
                case 2: history.append(#"{"at":"\#(t(d))","event":"note","text":"x"}"#)
                case 3: history.append(#"{"at":"\#(t(d))","event":"survey_skipped"}"#)
                case 4: history.append(#"{"at":"\#(t(d))","event":"resolved"}"#)
                default: history.append(#"{"at":"\#(t(d))","event":"call_dropped"}"#)
                }
            }
            s += #","history":[\#(history.joined(separator: ","))]}"#
            let ticket = try Ticket(bytes: Array(s.utf8))
            if !lifecycle.mayHaveOpenDuties(ticket, now: now) {
                skipped += 1
                let open = lifecycle.duties(ticket, now: now).filter(\.isOpen)
                #expect(open.isEmpty, "\(s): \(open)")
            }
        }
        #expect(skipped > 500)  // the filter does skip most finished tickets
    }
}
