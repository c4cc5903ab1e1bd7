// BusinessCalendar: business time on a local clock. Opening hours per weekday (several
// intervals a day), holidays, make-up working days, or 24x7. SLA targets are counted here:
// `add` finds when a target falls due, `businessTime` measures elapsed business time, both
// optionally excluding pauses (time spent waiting on the customer). Works a day at a time over
// that day's opening intervals, never a second at a time.

/// A local calendar date (no time, no zone).
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var days: Int

    public init(days: Int) { self.days = days }

    public init(year: Int, month: Int, day: Int) { days = CivilTime.daysFromCivil(year, month, day) }

    /// Parses `YYYY-MM-DD`; nil when malformed or not a real date.
    public init?(_ text: String) {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                v = v * 10 + Int(b[i] - 0x30)
            }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10), (1...12).contains(m), d >= 1,
            d <= CivilTime.daysInMonth(y, m)
        else { return nil }
        days = CivilTime.daysFromCivil(y, m, d)
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.days < b.days }

    /// 0 = Monday ... 6 = Sunday.
    public var weekday: Int { CivilTime.weekday(days: days) }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = CivilTime.civilFromDays(days)
        return String(CivilTime(year: y, month: m, day: d).formatted(offsetSeconds: 0).prefix(10))
    }
}

/// A stretch of time from `start` (included) to `end` (excluded). An `end` at or before
/// `start` makes an empty span, never a crash: spans are built from ticket data.
public struct TimeSpan: Equatable, Sendable {
    public var start: Instant
    public var end: Instant
    public init(start: Instant, end: Instant) {
        self.start = start
        self.end = end
    }
}

/// Business time on a local clock: weekly opening hours, holidays and make-up working days
/// in one time zone, or round the clock.
///
/// Semantics, also in docs/POLICY.md:
/// - A day's opening intervals are local wall-clock times mapped to instants with
///   `ZoneRules.instant`, so a day with a DST jump has one hour more or less of business time
///   when its hours span the jump, and an interval boundary that falls in a gap moves to the
///   jump.
/// - A holiday has no hours, even when it is also listed as a make-up day. A make-up day
///   (a weekend date worked instead) uses `workdayHours`.
/// - `add(0, to: t)` is `t` itself, inside hours or not: nothing has to elapse. A positive
///   amount ends at the instant the last second is counted, so a target that uses up the
///   morning exactly is due at 12:00, not at the 13:30 re-opening.
public struct BusinessCalendar: Sendable, Equatable {
    /// A local opening interval in minutes since midnight, `start` included, `end` excluded;
    /// `end` may be 1440 (midnight at the end of the day).
    public struct Interval: Equatable, Sendable {
        public var start: Int
        public var end: Int
        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }
    }

    /// The latest instant desk ever returns (9999-12-31T23:59:59Z): the answer of `add` on a
    /// calendar that has no business hours left.
    public static let endOfTime = Instant(seconds: 253_402_300_799)

    /// The zone whose wall clock the hours are read on.
    public var zone: ZoneRules
    /// Opening intervals per weekday, index 0 = Monday ... 6 = Sunday.
    public var weeklyHours: [[Interval]]
    /// Local dates with no business hours.
    public var holidays: Set<LocalDate>
    /// Local dates worked although their weekday is normally closed (Chinese make-up days).
    public var workdays: Set<LocalDate>
    /// Hours of a make-up day.
    public var workdayHours: [Interval]
    /// True for a 24x7 calendar: business time is wall-clock time.
    public var isAlwaysOn: Bool

    /// Round the clock, every day: business time equals elapsed time.
    public static let alwaysOn = BusinessCalendar(
        zone: .utc, weeklyHours: Array(repeating: [Interval(start: 0, end: 1440)], count: 7), alwaysOn: true)

    /// A calendar of `weeklyHours` (7 lists, Monday first; missing days are closed). Intervals
    /// are clamped to 0...1440, sorted and merged. `workdayHours` nil means Monday's hours.
    public init(
        zone: ZoneRules, weeklyHours: [[Interval]], holidays: [LocalDate] = [], workdays: [LocalDate] = [],
        workdayHours: [Interval]? = nil, alwaysOn: Bool = false
    ) {
        let week = (0..<7).map { $0 < weeklyHours.count ? BusinessCalendar.normalize(weeklyHours[$0]) : [] }
        self.zone = zone
        self.weeklyHours = week
        self.holidays = Set(holidays)
        self.workdays = Set(workdays)
        self.workdayHours = BusinessCalendar.normalize(workdayHours ?? week[0])
        self.isAlwaysOn = alwaysOn
    }

    static func normalize(_ list: [Interval]) -> [Interval] {
        let clamped = list.map { Interval(start: max(0, min(1440, $0.start)), end: max(0, min(1440, $0.end))) }
            .filter { $0.end > $0.start }.sorted { $0.start < $1.start }
        var out: [Interval] = []
        for i in clamped {
            if let last = out.last, i.start <= last.end {
                out[out.count - 1].end = max(last.end, i.end)
            } else {
                out.append(i)
            }
        }
        return out
    }

    /// The opening intervals of a local date.
    public func hours(on date: LocalDate) -> [Interval] {
        if holidays.contains(date) { return [] }
        if workdays.contains(date) { return workdayHours }
        return weeklyHours[date.weekday]
    }

    /// The local date of an instant.
    func date(of t: Int64) -> Int {
        let c = zone.civil(Instant(seconds: t))
        return CivilTime.daysFromCivil(c.year, c.month, c.day)
    }

    /// The business windows of a local date as instants `(start, end)`, ascending.
    func windows(day: Int) -> [(Int64, Int64)] {
        let hoursToday = hours(on: LocalDate(days: day))
        if hoursToday.isEmpty { return [] }
        let midnight = Int64(day) * 86400
        // A day without an offset change around it converts by one subtraction.
        if let off = zone.fixedOffset(from: midnight - 2 * 86400, to: midnight + 3 * 86400) {
            let base = midnight - Int64(off)
            return hoursToday.map { (base + Int64($0.start) * 60, base + Int64($0.end) * 60) }
        }
        let (y, m, d) = CivilTime.civilFromDays(day)
        var out: [(Int64, Int64)] = []
        for i in hoursToday {
            let s = zone.instant(CivilTime(year: y, month: m, day: d, hour: i.start / 60, minute: i.start % 60))
            let e: Instant
            if i.end == 1440 {
                let (y2, m2, d2) = CivilTime.civilFromDays(day + 1)
                e = zone.instant(CivilTime(year: y2, month: m2, day: d2))
            } else {
                e = zone.instant(CivilTime(year: y, month: m, day: d, hour: i.end / 60, minute: i.end % 60))
            }
            if e.seconds > s.seconds { out.append((s.seconds, e.seconds)) }
        }
        return out
    }

    /// Whether any date can still have business hours after the explicit make-up days.
    var hasWeeklyHours: Bool { weeklyHours.contains { !$0.isEmpty } }

    /// Business seconds from `from` to `to`. Negative when `to` is before `from`, so measuring
    /// is additive over any split point: `t(a, c) == t(a, b) + t(b, c)`.
    public func businessTime(from: Instant, to: Instant) -> Int64 {
        if to < from { return -businessTime(from: to, to: from) }
        if isAlwaysOn { return to.seconds - from.seconds }
        // Long spans in a stretch without offset changes (any span in a zone without DST):
        // whole local days are summed in closed form (weeks, then holiday and make-up-day
        // corrections), and only the first and last few days are walked. A report measures
        // spans of months for every ticket; walking them day by day was 97% of its time.
        if to.seconds - from.seconds > 8 * 86400,
            let off = zone.fixedOffset(from: from.seconds - 2 * 86400, to: to.seconds + 2 * 86400)
        {
            let o = Int64(off)
            let firstWhole = Int(BusinessCalendar.floorDiv(from.seconds + o, 86400)) + 2  // local days fully inside
            let lastWhole = Int(BusinessCalendar.floorDiv(to.seconds + o, 86400)) - 2  // exclusive
            let m1 = Instant(seconds: Int64(firstWhole) * 86400 - o)
            let m2 = Instant(seconds: Int64(lastWhole) * 86400 - o)
            return walkFixed(from: from, to: m1, offset: o) + wholeDays(firstWhole, lastWhole)
                + walkFixed(from: m2, to: to, offset: o)
        }
        if let off = zone.fixedOffset(from: from.seconds - 2 * 86400, to: to.seconds + 2 * 86400) {
            return walkFixed(from: from, to: to, offset: Int64(off))
        }
        return walk(from: from, to: to)
    }

    /// `walk` for a stretch with one UTC offset: local days are plain arithmetic, and nothing
    /// is allocated (SLA clocks measure short spans for every ticket).
    func walkFixed(from: Instant, to: Instant, offset o: Int64) -> Int64 {
        var total: Int64 = 0
        var day = BusinessCalendar.floorDiv(from.seconds + o, 86400)
        let last = BusinessCalendar.floorDiv(to.seconds + o, 86400)
        while day <= last {
            let base = day * 86400 - o
            for i in hours(on: LocalDate(days: Int(day))) {
                let lo = max(base + Int64(i.start) * 60, from.seconds)
                let hi = min(base + Int64(i.end) * 60, to.seconds)
                if hi > lo { total += hi - lo }
            }
            day += 1
        }
        return total
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// Business seconds of the local days `a..<b` (no offset change among them).
    func wholeDays(_ a: Int, _ b: Int) -> Int64 {
        guard b > a else { return 0 }
        func length(_ list: [Interval]) -> Int64 { list.reduce(0) { $0 + Int64($1.end - $1.start) * 60 } }
        let perWeekday = weeklyHours.map(length)
        let week = perWeekday.reduce(0, +)
        let n = b - a
        var total = Int64(n / 7) * week
        let first = CivilTime.weekday(days: a)
        for k in 0..<(n % 7) { total += perWeekday[(first + k) % 7] }
        // A holiday has no hours even when also listed as a make-up day (holidays win).
        for h in holidays where h.days >= a && h.days < b { total -= perWeekday[h.weekday] }
        let makeUp = length(workdayHours)
        for w in workdays where w.days >= a && w.days < b && !holidays.contains(w) {
            total += makeUp - perWeekday[w.weekday]
        }
        return total
    }

    /// Business seconds from `from` to `to` (`from <= to`) by walking the local days.
    func walk(from: Instant, to: Instant) -> Int64 {
        var total: Int64 = 0
        // Start a day early: a window is anchored to its local date, which may begin before
        // `from`'s local midnight in odd zones.
        var day = date(of: from.seconds) - 1
        let lastDay = date(of: to.seconds) + 1
        while day <= lastDay {
            for (s, e) in windows(day: day) {
                let lo = max(s, from.seconds)
                let hi = min(e, to.seconds)
                if hi > lo { total += hi - lo }
            }
            day += 1
        }
        return total
    }

    /// Business seconds from `from` to `to`, not counting time inside any of `pauses`
    /// (overlapping pauses count once).
    public func businessTime(from: Instant, to: Instant, excluding pauses: [TimeSpan]) -> Int64 {
        if to < from { return -businessTime(from: to, to: from, excluding: pauses) }
        var total = businessTime(from: from, to: to)
        for p in BusinessCalendar.merge(pauses) {
            let lo = max(p.start, from)
            let hi = min(p.end, to)
            if lo < hi { total -= businessTime(from: lo, to: hi) }
        }
        return total
    }

    /// The instant at which `seconds` of business time have elapsed after `start`. Zero (or a
    /// negative amount) returns `start` unchanged.
    public func add(_ seconds: Int64, to start: Instant) -> Instant {
        add(seconds, to: start, excluding: [])
    }

    /// The instant at which `seconds` of business time outside `pauses` have elapsed after
    /// `start`. Returns `endOfTime` when the calendar runs out of business hours first.
    public func add(_ seconds: Int64, to start: Instant, excluding pauses: [TimeSpan]) -> Instant {
        guard seconds > 0 else { return start }
        let merged = BusinessCalendar.merge(pauses).filter { $0.end > start }
        var remaining = seconds
        var pauseIndex = 0
        // Consumes the segment [lo, hi) minus pauses; returns the due instant when reached.
        func consume(_ lo0: Int64, _ hi: Int64) -> Int64? {
            var lo = lo0
            while lo < hi {
                while pauseIndex < merged.count, merged[pauseIndex].end.seconds <= lo { pauseIndex += 1 }
                var segEnd = hi
                if pauseIndex < merged.count {
                    let p = merged[pauseIndex]
                    if p.start.seconds <= lo {
                        lo = min(hi, p.end.seconds)
                        continue
                    }
                    segEnd = min(hi, p.start.seconds)
                }
                let avail = segEnd - lo
                if remaining <= avail { return lo + remaining }
                remaining -= avail
                lo = segEnd
            }
            return nil
        }
        if isAlwaysOn {
            return consume(start.seconds, BusinessCalendar.endOfTime.seconds).map(Instant.init(seconds:))
                ?? BusinessCalendar.endOfTime
        }
        let lastWorkday = workdays.max()?.days ?? Int.min
        let lastDay = date(of: BusinessCalendar.endOfTime.seconds)
        var cursor = start.seconds  // nothing before this counts any more
        var day = date(of: cursor) - 1
        while day <= lastDay {
            // Jump over a long pause (an open "waiting" one may last years) instead of
            // walking its days.
            if pauseIndex < merged.count, merged[pauseIndex].start.seconds <= cursor,
                merged[pauseIndex].end.seconds > cursor + 2 * 86400
            {
                cursor = merged[pauseIndex].end.seconds
                day = max(day, date(of: cursor) - 1)
            }
            for (s, e) in windows(day: day) where e > cursor {
                if let due = consume(max(s, cursor), e) {
                    return due < BusinessCalendar.endOfTime.seconds ? Instant(seconds: due) : BusinessCalendar.endOfTime
                }
                cursor = e
            }
            // No weekly hours: nothing after the last make-up day can ever count.
            if !hasWeeklyHours && day > lastWorkday { break }
            day += 1
        }
        return BusinessCalendar.endOfTime
    }

    /// Non-empty spans sorted and merged where they overlap or touch.
    static func merge(_ spans: [TimeSpan]) -> [TimeSpan] {
        let sorted = spans.filter { $0.end > $0.start }.sorted { $0.start < $1.start }
        var out: [TimeSpan] = []
        for s in sorted {
            if let last = out.last, s.start <= last.end {
                out[out.count - 1].end = max(last.end, s.end)
            } else {
                out.append(s)
            }
        }
        return out
    }
}
