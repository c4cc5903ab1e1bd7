// The times an agent gives a requester (`reply --promise WHEN`, `reply --eta WHEN`): an RFC 3339
// time, a business duration from now (`2h`, counted on the ticket's SLA calendar, as the
// seeds' response times are), a local clock time (`16:00`, the next time the policy's clock
// shows it) or `eod` (the end of the current business day, else of the next one).

/// Parsing of WHEN values.
public enum WhenText {
    /// The instant `text` names at `now`, or nil when it is none of the accepted forms.
    public static func parse(_ text: String, now: Instant, calendar: BusinessCalendar, business: BusinessCalendar) -> Instant? {
        let s = text.trimmed
        if let i = Instant(rfc3339: s) { return i }
        if s.lowercased() == "eod" { return endOfBusinessDay(after: now, business) }
        if let local = clockTime(s) {
            let zone = business.zone
            let c = zone.civil(now)
            var day = CivilTime.daysFromCivil(c.year, c.month, c.day)
            for _ in 0..<2 {
                let (y, m, d) = CivilTime.civilFromDays(day)
                let at = zone.instant(CivilTime(year: y, month: m, day: d, hour: local / 60, minute: local % 60))
                if at > now { return at }
                day += 1
            }
            return nil
        }
        if let d = DurationText.parse(s), d > 0 { return calendar.add(d, to: now) }
        return nil
    }

    /// `HH:MM` as minutes since midnight (00:00 to 23:59).
    static func clockTime(_ s: String) -> Int? {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return h * 60 + m
    }

    /// The end of the business day `now` falls in (or, after its hours, of the next one).
    static func endOfBusinessDay(after now: Instant, _ cal: BusinessCalendar) -> Instant? {
        var day = cal.date(of: now.seconds)
        for _ in 0..<400 {
            if let end = cal.windows(day: day).last?.1, end > now.seconds { return Instant(seconds: end) }
            day += 1
        }
        return nil
    }
}
