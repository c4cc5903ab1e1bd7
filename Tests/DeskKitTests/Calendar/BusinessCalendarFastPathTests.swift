// The closed-form sum over whole days must agree with walking the days, to the second, in a
// zone without DST (China 2026 with holidays and make-up days) and in one with DST.
import Testing

@testable import DeskKit

@Suite struct BusinessCalendarFastPathTests {
    static func calendars() throws -> [BusinessCalendar] {
        let cn = try Policy.load(path: BinaryRunner.packageRoot.appendingPathComponent("Examples/policy-cn-2026.json").path,
                                 Context(environment: [:], stdout: OutputSink(memoryNamed: "o"), stderr: OutputSink(memoryNamed: "e")))
        let berlin = BusinessCalendar(
            zone: try ZoneRules(identifier: "Europe/Berlin"),
            weeklyHours: Array(repeating: [.init(start: 60, end: 240), .init(start: 540, end: 1020)], count: 5) + [[], []],
            holidays: [LocalDate(year: 2026, month: 4, day: 3)], workdays: [LocalDate(year: 2026, month: 3, day: 28)])
        return [cn.businessCalendar, berlin]
    }

    @Test func closedFormAgreesWithWalkingTheDays() throws {
        var seed: UInt64 = 7
        func next() -> Int64 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int64(seed >> 35)
        }
        let start = Instant(rfc3339: "2025-12-01T00:00:00Z")!.seconds
        for cal in try Self.calendars() {
            for k in 0..<600 {
                let a = start + next() % (400 * 86400)
                // Half long spans (closed form), half under three days (the short fixed walk).
                let b = a + next() % (k % 2 == 0 ? 200 * 86400 : 3 * 86400)
                let fast = cal.businessTime(from: Instant(seconds: a), to: Instant(seconds: b))
                let slow = cal.walk(from: Instant(seconds: a), to: Instant(seconds: b))
                #expect(fast == slow, "\(Instant(seconds: a)) .. \(Instant(seconds: b))")
            }
        }
    }
}
