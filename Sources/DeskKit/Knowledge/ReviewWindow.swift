// When an article touched by a product or policy change must be reviewed: seed 000 三(三)2
// 新知识发布 — 产品更新或政策调整后，需在2个工作日内完成相关支持文档的更新. The change's own day does
// not count; the due is the close of business of the Nth working day after it, on the policy's
// business calendar (holidays and make-up days included).

enum ReviewWindow {
    /// The seed's window in working days.
    static let defaultWorkingDays = 2

    /// The close of the `days`th working day after the local day of `changedAt`.
    static func due(after changedAt: Instant, workingDays days: Int, calendar: BusinessCalendar) -> Instant {
        let c = calendar.zone.civil(changedAt)
        var date = LocalDate(year: c.year, month: c.month, day: c.day)
        var left = max(1, days)
        // A calendar with no hours at all would never end the walk: ten years is the limit.
        for _ in 0..<3660 {
            date = LocalDate(days: date.days + 1)
            guard let last = calendar.hours(on: date).last else { continue }
            left -= 1
            if left == 0 {
                let (y, m, d) = CivilTime.civilFromDays(date.days)
                return calendar.zone.instant(CivilTime(year: y, month: m, day: d, hour: last.end / 60, minute: last.end % 60))
            }
        }
        return BusinessCalendar.endOfTime
    }
}
