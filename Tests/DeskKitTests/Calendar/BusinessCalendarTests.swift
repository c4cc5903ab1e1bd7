// Tests of BusinessCalendar: the China 2026 make-up day case, lunch breaks, holidays, pauses,
// DST days in Berlin and New York, and seeded property tests (add then measure, additivity).
import Testing

@testable import DeskKit

func at(_ s: String) -> Instant { Instant(rfc3339: s) ?? Instant(seconds: -1) }

let chinaHolidays2026: [LocalDate] = {
    var out: [LocalDate] = []
    for (m, d1, d2) in [(1, 1, 3), (2, 15, 23), (4, 4, 6), (5, 1, 5), (6, 19, 21), (9, 25, 27), (10, 1, 7)] {
        for d in d1...d2 { out.append(LocalDate(year: 2026, month: m, day: d)) }
    }
    return out
}()
let chinaWorkdays2026 = [(1, 4), (2, 14), (2, 28), (5, 9), (9, 20), (10, 10)].map {
    LocalDate(year: 2026, month: $0.0, day: $0.1)
}

func weekdays(_ intervals: [BusinessCalendar.Interval]) -> [[BusinessCalendar.Interval]] {
    Array(repeating: intervals, count: 5) + [[], []]
}

@Suite struct BusinessCalendarTests {
    let shanghai: BusinessCalendar
    let berlin: BusinessCalendar
    let newYork: BusinessCalendar

    init() throws {
        let hours = [BusinessCalendar.Interval(start: 540, end: 720), .init(start: 810, end: 1080)]
        shanghai = BusinessCalendar(
            zone: try ZoneRules(identifier: "Asia/Shanghai"), weeklyHours: weekdays(hours),
            holidays: chinaHolidays2026, workdays: chinaWorkdays2026)
        // Sundays open all day so the DST days themselves carry business time.
        let day = [BusinessCalendar.Interval(start: 540, end: 1020)]
        berlin = BusinessCalendar(
            zone: try ZoneRules(identifier: "Europe/Berlin"),
            weeklyHours: weekdays(day))
        var ny = weekdays(day)
        ny[6] = [.init(start: 0, end: 1440)]
        newYork = BusinessCalendar(zone: try ZoneRules(identifier: "America/New_York"), weeklyHours: ny)
    }

    @Test func fridayEveningDueOnMakeUpSaturday() {
        let due = shanghai.add(7200, to: at("2026-02-13T17:30:00+08:00"))
        #expect(due == at("2026-02-14T10:30:00+08:00"))
        #expect(shanghai.businessTime(from: at("2026-02-13T17:30:00+08:00"), to: due) == 7200)
    }

    @Test func addZeroReturnsTheInstantItself() {
        let night = at("2026-02-13T22:00:00+08:00")
        #expect(shanghai.add(0, to: night) == night)
        #expect(shanghai.add(-5, to: night) == night)
    }

    @Test func openedDuringLunch() {
        // 12:40 counts nothing until 13:30; 1 h later is 14:30.
        #expect(shanghai.add(3600, to: at("2026-03-10T12:40:00+08:00")) == at("2026-03-10T14:30:00+08:00"))
        // Exactly using up the morning ends at 12:00, not at the 13:30 re-opening.
        #expect(shanghai.add(1800, to: at("2026-03-10T11:30:00+08:00")) == at("2026-03-10T12:00:00+08:00"))
        #expect(shanghai.businessTime(from: at("2026-03-10T11:00:00+08:00"), to: at("2026-03-10T14:00:00+08:00")) == 5400)
    }

    @Test func openedOnHoliday() {
        // National Day week: Oct 1-7 off, Sat Oct 10 is worked, Oct 8-9 are normal days.
        #expect(shanghai.add(1800, to: at("2026-10-03T10:00:00+08:00")) == at("2026-10-08T09:30:00+08:00"))
        #expect(shanghai.businessTime(from: at("2026-10-01T00:00:00+08:00"), to: at("2026-10-08T00:00:00+08:00")) == 0)
        // Spring Festival: Feb 15-23 off; Sunday 2026-02-22 is a holiday, Feb 28 (Sat) worked.
        #expect(shanghai.add(3600, to: at("2026-02-15T09:00:00+08:00")) == at("2026-02-24T10:00:00+08:00"))
        #expect(shanghai.hours(on: LocalDate(year: 2026, month: 2, day: 28)).count == 2)
    }

    @Test func pausesDoNotCount() {
        let open = at("2026-03-10T09:00:00+08:00")
        let pause = TimeSpan(start: at("2026-03-10T10:00:00+08:00"), end: at("2026-03-10T11:00:00+08:00"))
        #expect(shanghai.add(7200, to: open, excluding: [pause]) == at("2026-03-10T12:00:00+08:00"))
        // Overlapping and reversed pauses: the overlap counts once, the reversed one is empty.
        let overlapping = TimeSpan(start: at("2026-03-10T10:30:00+08:00"), end: at("2026-03-10T11:30:00+08:00"))
        let reversed = TimeSpan(start: at("2026-03-10T16:00:00+08:00"), end: at("2026-03-10T15:00:00+08:00"))
        #expect(shanghai.add(7200, to: open, excluding: [overlapping, pause, reversed]) == at("2026-03-10T14:00:00+08:00"))
        #expect(
            shanghai.businessTime(from: open, to: at("2026-03-10T18:00:00+08:00"), excluding: [overlapping, pause, reversed])
                == 27000 - 5400)
        // A pause over a weekend and lunch removes only business time.
        let long = TimeSpan(start: at("2026-03-13T17:00:00+08:00"), end: at("2026-03-16T10:00:00+08:00"))
        #expect(shanghai.businessTime(from: at("2026-03-13T09:00:00+08:00"), to: at("2026-03-16T18:00:00+08:00"), excluding: [long])
            == 27000 - 3600 + 27000 - 3600)
        #expect(shanghai.add(3600, to: at("2026-03-13T16:30:00+08:00"), excluding: [long]) == at("2026-03-16T10:30:00+08:00"))
    }

    @Test func pauseEndingAtDueTimeAndOpenPause() {
        let open = at("2026-03-10T09:00:00+08:00")
        let pause = TimeSpan(start: at("2026-03-10T09:30:00+08:00"), end: BusinessCalendar.endOfTime)
        #expect(shanghai.add(3600, to: open, excluding: [pause]) == BusinessCalendar.endOfTime)
        #expect(shanghai.add(1800, to: open, excluding: [pause]) == at("2026-03-10T09:30:00+08:00"))
    }

    @Test func inputsWithAnyOffset() {
        let a = shanghai.add(7200, to: at("2026-02-13T09:30:00Z"))
        let b = shanghai.add(7200, to: at("2026-02-13T04:30:00-05:00"))
        #expect(a == b && a == at("2026-02-14T10:30:00+08:00"))
    }

    @Test func dstDaysBerlin() {
        // Across the spring jump: Friday 16:00 + 2 h = Monday 10:00 local (CEST).
        #expect(berlin.add(7200, to: at("2026-03-27T16:00:00+01:00")) == at("2026-03-30T10:00:00+02:00"))
        #expect(berlin.add(7200, to: at("2026-10-23T16:00:00+02:00")) == at("2026-10-26T10:00:00+01:00"))
        #expect(berlin.businessTime(from: at("2026-03-23T00:00:00+01:00"), to: at("2026-04-06T00:00:00+02:00")) == 10 * 8 * 3600)
    }

    @Test func dstDaysNewYork() {
        let springSunday = newYork.businessTime(from: at("2026-03-08T00:00:00-05:00"), to: at("2026-03-09T00:00:00-04:00"))
        #expect(springSunday == 23 * 3600)
        let fallSunday = newYork.businessTime(from: at("2026-11-01T00:00:00-04:00"), to: at("2026-11-02T00:00:00-05:00"))
        #expect(fallSunday == 25 * 3600)
        #expect(newYork.add(3 * 3600, to: at("2026-03-08T00:00:00-05:00")) == at("2026-03-08T04:00:00-04:00"))
    }

    @Test func alwaysOnIsWallClock() {
        let t = at("2026-02-13T17:30:00+08:00")
        #expect(BusinessCalendar.alwaysOn.add(3600, to: t) == t.adding(3600))
        #expect(BusinessCalendar.alwaysOn.businessTime(from: t, to: t.adding(99)) == 99)
        let pause = TimeSpan(start: t.adding(600), end: t.adding(1200))
        #expect(BusinessCalendar.alwaysOn.add(3600, to: t, excluding: [pause]) == t.adding(4200))
    }

    @Test func calendarWithoutHoursEnds() {
        let closed = BusinessCalendar(zone: .utc, weeklyHours: [], workdays: [LocalDate(year: 2026, month: 1, day: 3)],
            workdayHours: [.init(start: 0, end: 120)])
        #expect(closed.add(3600, to: at("2026-01-01T00:00:00Z")) == at("2026-01-03T01:00:00Z"))
        #expect(closed.add(7201, to: at("2026-01-01T00:00:00Z")) == BusinessCalendar.endOfTime)
    }

    @Test func addThenMeasureGivesTheDurationBack() {
        var rng = SplitMix64(state: 2026)
        let base = at("2026-01-01T00:00:00Z").seconds
        for cal in [shanghai, berlin, newYork] {
            for _ in 0..<300 {
                let start = Instant(seconds: base + rng.int(0...(366 * 86400)))
                let amount = rng.int(0...(40 * 3600))
                let due = cal.add(amount, to: start)
                #expect(cal.businessTime(from: start, to: due) == amount)
                // Due is the earliest such instant: one second less has not reached it.
                if amount > 0 { #expect(cal.businessTime(from: start, to: due.adding(-1)) == amount - 1) }
            }
        }
    }

    @Test func addWithPausesThenMeasure() {
        var rng = SplitMix64(state: 7)
        let base = at("2026-01-01T00:00:00Z").seconds
        for _ in 0..<200 {
            let start = Instant(seconds: base + rng.int(0...(300 * 86400)))
            var pauses: [TimeSpan] = []
            for _ in 0..<rng.int(0...4) {
                let s = start.adding(rng.int(-86400...(10 * 86400)))
                pauses.append(TimeSpan(start: s, end: s.adding(rng.int(-3600...(2 * 86400)))))
            }
            let amount = rng.int(0...(30 * 3600))
            let due = shanghai.add(amount, to: start, excluding: pauses)
            #expect(shanghai.businessTime(from: start, to: due, excluding: pauses) == amount)
        }
    }

    @Test func measuringIsAdditive() {
        var rng = SplitMix64(state: 42)
        let base = at("2026-01-01T00:00:00Z").seconds
        for cal in [shanghai, berlin, newYork] {
            for _ in 0..<300 {
                let a = Instant(seconds: base + rng.int(0...(366 * 86400)))
                let b = Instant(seconds: base + rng.int(0...(366 * 86400)))
                let c = Instant(seconds: base + rng.int(0...(366 * 86400)))
                #expect(cal.businessTime(from: a, to: c) == cal.businessTime(from: a, to: b) + cal.businessTime(from: b, to: c))
            }
        }
    }

    @Test func aYearSpanIsCheap() {
        let from = at("2026-01-01T00:00:00+08:00")
        let to = at("2027-01-01T00:00:00+08:00")
        // 2026 in China: 261 weekdays - 19 weekday holidays + 6 make-up days = 248 days of 7.5 h.
        var days = 0
        for d in LocalDate(year: 2026, month: 1, day: 1).days..<LocalDate(year: 2027, month: 1, day: 1).days
        where !shanghai.hours(on: LocalDate(days: d)).isEmpty { days += 1 }
        #expect(shanghai.businessTime(from: from, to: to) == Int64(days) * 27000)
        #expect(days == 248)
        #expect(shanghai.add(Int64(days) * 27000, to: from) == at("2026-12-31T18:00:00+08:00"))
    }
}
