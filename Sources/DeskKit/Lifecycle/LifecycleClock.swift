// The business-time arithmetic of the lifecycle replay: business seconds between two instants,
// the instant N business seconds (outside pauses) after another, and a local day's business
// windows. Answered from a per-run table of local days (Calendar/BusinessDayTable) for instants
// inside it, else by the calendar itself, so every answer is exactly the calendar's. Why:
// `queue` and `check` replay every unfinished ticket, and the calendar walking days (hashing
// dates into the holiday sets, allocating each day's windows) was most of that replay.

/// A business calendar with, optionally, its local days around one `now` tabled. A class:
/// the replay passes it around per ticket, and a calendar copied holds several references.
final class LifecycleClock: Sendable {
    let calendar: BusinessCalendar
    /// Nil, or a table without days (24x7 or an offset change), means: ask the calendar.
    let table: BusinessDayTable?

    init(_ calendar: BusinessCalendar, table: BusinessDayTable? = nil) {
        self.calendar = calendar
        self.table = table.flatMap { $0.days > 0 ? $0 : nil }
    }

    /// Business seconds from `from` to `to`, exactly `calendar.businessTime(from:to:)`.
    @inline(__always) func businessTime(from: Instant, to: Instant) -> Int64 {
        guard let table else { return calendar.businessTime(from: from, to: to) }
        return table.businessTime(from: from, to: to)
    }

    /// Exactly `calendar.add(seconds, to: start, excluding: pauses)`: the earliest instant
    /// at which `seconds` of business time outside `pauses` have elapsed after `start`.
    func add(_ seconds: Int64, to start: Instant, excluding pauses: [TimeSpan] = []) -> Instant {
        guard seconds > 0 else { return start }
        guard let table, let startElapsed = table.elapsed(start) else {
            return calendar.add(seconds, to: start, excluding: pauses)
        }
        var remaining = seconds
        var lo = start.seconds
        var loElapsed = startElapsed
        // Business time is a non-decreasing function `elapsed` of the instant: each stretch
        // between pauses gives what it holds, and the due is where `elapsed` reaches the rest.
        let merged = pauses.count < 2 ? pauses.filter { $0.end > $0.start } : BusinessCalendar.merge(pauses)
        for p in merged where p.end.seconds > lo {
            if p.start.seconds > lo {
                guard let e = table.elapsed(p.start) else { return calendar.add(seconds, to: start, excluding: pauses) }
                if remaining <= e - loElapsed {
                    return table.instant(at: loElapsed + remaining) ?? calendar.add(seconds, to: start, excluding: pauses)
                }
                remaining -= e - loElapsed
            }
            lo = p.end.seconds
            guard let e = table.elapsed(p.end) else { return calendar.add(seconds, to: start, excluding: pauses) }
            loElapsed = e
        }
        return table.instant(at: loElapsed + remaining) ?? calendar.add(seconds, to: start, excluding: pauses)
    }

    /// The local date of an instant, exactly `calendar.date(of:)`.
    func date(of t: Instant) -> Int {
        if let table, let d = table.day(of: t) { return d }
        return calendar.date(of: t.seconds)
    }

    /// The first opening and the last closing of a local day, exactly the first start and
    /// last end of `calendar.windows(day:)`; nil on a day without hours.
    func dayBounds(_ day: Int) -> (Int64, Int64)? {
        if let table, let b = table.bounds(day: day) { return b.first.map { ($0, b.last) } }
        let w = calendar.windows(day: day)
        guard let s = w.first?.0, let e = w.last?.1 else { return nil }
        return (s, e)
    }
}

extension BusinessDayTable {
    /// The local day of `t` when the table holds it.
    func day(of t: Instant) -> Int? {
        let day = BusinessCalendar.floorDiv(t.seconds &+ offset, 86400)
        let i = day - firstDay
        guard i >= 0, i < Int64(days) else { return nil }
        return Int(day)
    }

    /// A tabled day's first opening and last closing as instants (`first` nil: no hours);
    /// nil when the table does not hold the day.
    func bounds(day: Int) -> (first: Int64?, last: Int64)? {
        let i = Int64(day) - firstDay
        guard i >= 0, i < Int64(days) else { return nil }
        let a = Int(dayStart[Int(i)]), b = Int(dayStart[Int(i) + 1])
        guard b > a else { return (nil, 0) }
        let base = Int64(day) * 86400 - offset
        return (base + intervals[a].0, base + intervals[b - 1].1)
    }

    /// The earliest instant whose business seconds from the table's start reach `target`
    /// (> 0); nil when that lies past the table's last day.
    func instant(at target: Int64) -> Instant? {
        let n = days
        guard target > 0, target <= before[n] else { return nil }
        // The first day whose end reaches the target: `before` is non-decreasing.
        var lo = 0, hi = n - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if before[mid + 1] >= target { hi = mid } else { lo = mid + 1 }
        }
        var acc = before[lo]
        let base = (firstDay + Int64(lo)) * 86400 - offset
        for k in Int(dayStart[lo])..<Int(dayStart[lo + 1]) {
            let (s, e) = intervals[k]
            if acc + (e - s) >= target { return Instant(seconds: base + s + (target - acc)) }
            acc += e - s
        }
        return nil
    }
}
