// The day table must give exactly the calendar's business time for any span: inside the
// tabled stretch (China 2026 with holidays and make-up days, split hours, odd offsets), across
// its edges and outside it (the calendar answers), reversed spans, and in a DST zone (no table).
import Testing

@testable import DeskKit

@Suite struct BusinessDayTableTests {
    @Test func tableAgreesWithTheCalendar() throws {
        var calendars = try BusinessCalendarFastPathTests.calendars()
        calendars.append(BusinessCalendar(
            zone: try ZoneRules(identifier: "Asia/Kolkata"),
            weeklyHours: [[.init(start: 0, end: 90), .init(start: 600, end: 1440)], [], [.init(start: 1, end: 2)]],
            holidays: [LocalDate(year: 2026, month: 2, day: 4)], workdays: [LocalDate(year: 2026, month: 2, day: 8)]))
        calendars.append(.alwaysOn)
        var g = SplitMix64(state: 2026)
        let from = Instant(seconds: Instant(rfc3339: "2026-01-01T00:00:00Z")!.seconds)
        let to = Instant(seconds: Instant(rfc3339: "2026-12-01T00:00:00Z")!.seconds)
        for cal in calendars {
            let table = BusinessDayTable(cal, from: from, to: to)
            for k in 0..<3000 {
                // Mostly inside the table; some reaching out of it on either side.
                let a = from.seconds - 40 * 86400 + g.int(0...(400 * 86400))
                let b = a + g.int(-(5 * 86400)...(k % 3 == 0 ? 300 * 86400 : 4 * 86400))
                let (x, y) = (Instant(seconds: a), Instant(seconds: b))
                #expect(table.businessTime(from: x, to: y) == cal.businessTime(from: x, to: y), "\(x) .. \(y)")
            }
        }
    }

    @Test func tablesOnlyAStretchOfOneOffset() throws {
        let cals = try BusinessCalendarFastPathTests.calendars()
        let from = Instant(rfc3339: "2026-01-01T00:00:00Z")!, to = Instant(rfc3339: "2027-01-01T00:00:00Z")!
        #expect(BusinessDayTable(cals[0], from: from, to: to).days == 366)  // China: no DST
        #expect(BusinessDayTable(cals[1], from: from, to: to).days == 0)  // Berlin: the calendar answers
        #expect(BusinessDayTable(cals[0], from: from, to: Instant(seconds: Int64.max)).days == 20_000)
    }
}
