// The lifecycle's tabled clock must answer exactly as the calendar: `add` with and without
// pauses (pauses before, around, inside and past the start, reaching out of the table), local
// dates and a day's first opening and last closing — inside the table, across its edges,
// outside it, for split hours, odd offsets, holidays and make-up days, a DST zone (no table)
// and 24x7.
import Testing

@testable import DeskKit

@Suite struct LifecycleClockTests {
    static func calendars() throws -> [BusinessCalendar] {
        var calendars = try BusinessCalendarFastPathTests.calendars()
        calendars.append(BusinessCalendar(
            zone: try ZoneRules(identifier: "Asia/Kolkata"),
            weeklyHours: [[.init(start: 0, end: 90), .init(start: 600, end: 1440)], [], [.init(start: 1, end: 2)]],
            holidays: [LocalDate(year: 2026, month: 2, day: 4)], workdays: [LocalDate(year: 2026, month: 2, day: 8)]))
        calendars.append(.alwaysOn)
        return calendars
    }

    @Test func clockAgreesWithTheCalendar() throws {
        var g = SplitMix64(state: 1812)
        let from = Instant(rfc3339: "2026-01-01T00:00:00Z")!, to = Instant(rfc3339: "2026-12-01T00:00:00Z")!
        var tabled = 0
        for cal in try LifecycleClockTests.calendars() {
            let clock = LifecycleClock(cal, table: BusinessDayTable(cal, from: from, to: to))
            if clock.table != nil { tabled += 1 }
            for k in 0..<3000 {
                // Mostly inside the table; some starting or ending out of it on either side.
                let a = from.seconds - 40 * 86400 + g.int(0...(400 * 86400))
                let start = Instant(seconds: a)
                var pauses: [TimeSpan] = []
                for _ in 0..<g.int(0...3) {
                    let s = a + g.int(-(3 * 86400)...(k % 5 == 0 ? 200 * 86400 : 5 * 86400))
                    pauses.append(TimeSpan(start: Instant(seconds: s), end: Instant(seconds: s + g.int(-3600...(6 * 86400)))))
                }
                let amount = Int64(g.int(-60...(k % 4 == 0 ? 400 * 3600 : 30 * 3600)))
                #expect(clock.add(amount, to: start, excluding: pauses) == cal.add(amount, to: start, excluding: pauses),
                        "\(amount) after \(start) excluding \(pauses)")
                #expect(clock.add(amount, to: start) == cal.add(amount, to: start))
                #expect(clock.date(of: start) == cal.date(of: a))
                let day = cal.date(of: a)
                let w = cal.windows(day: day)
                let bounds = clock.dayBounds(day)
                #expect(bounds?.0 == w.first?.0 && bounds?.1 == w.last?.1, "day \(day)")
            }
        }
        #expect(tabled >= 2)  // China and Kolkata are tabled; Berlin (DST) and 24x7 are not
    }
}
