// Operation counts of the lifecycle and of check's helpers on inputs that used to be slow:
// the end-of-day duty's look-back is bounded in days, not by a ticket's age, and the
// scrubbing pre-filter of `check` agrees with `String.contains`. Counts, never timings.
import Testing

@testable import DeskKit

private func instant(_ s: String) -> Instant { Instant(rfc3339: s) ?? Instant(seconds: 0) }

@Suite struct LifecycleCostTests {
    @Test func endOfDayLookBackIsBoundedByDaysNotAge() {
        let lifecycle = Lifecycle(policy: .builtin)
        let now = instant("2026-11-30T09:00:00Z")
        func endOfDayCount(openedYearsAgo years: Int) -> Int {
            var f = LifecycleFacts(openedAt: Instant(seconds: now.seconds - Int64(years) * 365 * 86400), channel: .email, status: .inProgress)
            f.priority = .medium
            let s = lifecycle.schedule(f, now: now)
            return lifecycle.duties(f, schedule: s, now: now).filter { $0.kind == .endOfDay }.count
        }
        // At most the last 401 local days are walked, so at most 401 duties, however old.
        let one = endOfDayCount(openedYearsAgo: 1), three = endOfDayCount(openedYearsAgo: 3), ten = endOfDayCount(openedYearsAgo: 10)
        #expect(one > 200 && one < three)
        #expect(three <= 401)
        #expect(three == ten)
        // queue asks only for the current day.
        var f = LifecycleFacts(openedAt: Instant(seconds: now.seconds - 10 * 365 * 86400), channel: .email, status: .inProgress)
        f.priority = .medium
        let open = lifecycle.duties(f, schedule: lifecycle.schedule(f, now: now), now: now, openOnly: true)
        #expect(open.filter { $0.kind == .endOfDay }.count <= 1)
    }

    @Test func scrubPreFilterAgreesWithContains() {
        let texts = ["call +86 184 8450 9878 back", "mail a.b@example.com", "nothing here", "数据 a.b@example.com 中文",
                     "\u{212A}ey", "x;y", "`tick", "e\u{301}mail", ""]
        let secrets = ["+86 184 8450 9878", "a.b@example.com", "Key", "x;y", "`tick", "email", "周建华", "中文"]
        for t in texts {
            for s in secrets where !TicketLinter.mayContain(t, s) {
                #expect(!t.contains(s), "\(t) / \(s)")
            }
        }
        #expect(!TicketLinter.mayContain("nothing here", "a.b@example.com"))
        #expect(TicketLinter.mayContain("\u{212A}ey", "Key"))
    }
}
