// Business time read from a table of local days, for code that measures many spans in one
// stretch of time (the report measures several per ticket over a year or two). The table holds,
// for each local day of the stretch, the business seconds of all the days before it and that
// day's opening intervals; business time from a to b is then the difference of two look-ups,
// each a few additions. What the calendar answers one span at a time (walking days, hashing
// dates into the holiday sets, copying its lists) is done once per day here. Spans reaching
// outside the stretch, and any stretch whose UTC offset changes (DST), are measured by the
// calendar itself, so the answers are always exactly the calendar's.

/// A `BusinessCalendar` with its local days from one stretch of time tabled.
public final class BusinessDayTable: Sendable {
    /// The calendar (spans outside the table are measured by it).
    public let calendar: BusinessCalendar
    /// The local day number of the table's first day.
    let firstDay: Int64
    /// The UTC offset in force throughout the stretch.
    let offset: Int64
    /// Business seconds of all tabled days before each day; one more entry than days.
    let before: [Int64]
    /// Where each day's intervals start in `intervals`; one more entry than days.
    let dayStart: [Int32]
    /// Opening intervals as seconds since local midnight, (start, end), ascending per day.
    let intervals: [(Int64, Int64)]

    /// Tables the local days from `from` to `to` (at most `maxDays` of them). A stretch whose
    /// offset changes, or a 24x7 calendar, gets no table (the calendar is asked every time).
    public init(_ calendar: BusinessCalendar, from: Instant, to: Instant, maxDays: Int = 20_000) {
        self.calendar = calendar
        // Within the times desk reads, so the day arithmetic below cannot overflow.
        let from = max(from, Instant.earliest), to = min(to, Instant.latest)
        var before: [Int64] = [0], dayStart: [Int32] = [0], intervals: [(Int64, Int64)] = []
        var first: Int64 = 0, offset: Int64 = 0
        if !calendar.isAlwaysOn, to > from,
            let off = calendar.zone.fixedOffset(from: from.seconds - 2 * 86400, to: to.seconds + 2 * 86400)
        {
            offset = Int64(off)
            first = BusinessCalendar.floorDiv(from.seconds + offset, 86400)
            let last = min(BusinessCalendar.floorDiv(to.seconds + offset, 86400), first + Int64(maxDays) - 1)
            var total: Int64 = 0
            var day = first
            while day <= last {
                for i in calendar.hours(on: LocalDate(days: Int(day))) {
                    intervals.append((Int64(i.start) * 60, Int64(i.end) * 60))
                    total += Int64(i.end - i.start) * 60
                }
                before.append(total)
                dayStart.append(Int32(intervals.count))
                day += 1
            }
        }
        self.firstDay = first
        self.offset = offset
        self.before = before
        self.dayStart = dayStart
        self.intervals = intervals
    }

    /// Tabled local days.
    public var days: Int { before.count - 1 }

    /// Business seconds from `from` to `to`, exactly `calendar.businessTime(from:to:)`.
    public func businessTime(from: Instant, to: Instant) -> Int64 {
        if calendar.isAlwaysOn { return to.seconds - from.seconds }
        if let a = elapsed(from), let b = elapsed(to) { return b - a }
        return calendar.businessTime(from: from, to: to)
    }

    /// Business seconds from the start of the table to `t`; nil outside it.
    @inline(__always) func elapsed(_ t: Instant) -> Int64? {
        let local = t.seconds &+ offset
        let day = BusinessCalendar.floorDiv(local, 86400)
        let i = day - firstDay
        guard i >= 0, i < Int64(before.count - 1) else { return nil }
        let index = Int(i)
        let second = local - day * 86400
        var total = before[index]
        var k = Int(dayStart[index])
        let end = Int(dayStart[index + 1])
        while k < end {
            let (s, e) = intervals[k]
            if second <= s { break }
            total += min(second, e) - s
            k += 1
        }
        return total
    }
}
