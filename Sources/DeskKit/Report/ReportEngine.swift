// One pass over the tickets: each line is validated and its facts are read from its bytes, and it is counted into the current period, the previous period and both backlogs.
// Nothing of a ticket is kept after its line, except the durations of the periods' figures.

/// The period arithmetic of `--month` and `--from/--to`.
public enum PeriodParser {
    /// `YYYY-MM` -> local midnight of the 1st to local midnight of the next month's 1st.
    public static func month(_ text: String, settings: ReportSettings) -> ReportPeriod? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]),
            (1...12).contains(m)
        else { return nil }
        let (ny, nm) = m == 12 ? (y + 1, 1) : (y, m + 1)
        return ReportPeriod(
            from: settings.localMidnight(year: y, month: m, day: 1), to: settings.localMidnight(year: ny, month: nm, day: 1),
            label: text)
    }

    /// The `count` calendar months ending with the one holding the last instant of `period`,
    /// oldest first (the months of `--trend`).
    public static func months(_ count: Int, endingWith period: ReportPeriod, settings: ReportSettings) -> [ReportPeriod] {
        guard count > 0 else { return [] }
        let last = settings.civil(period.to.adding(-1))
        var out: [ReportPeriod] = []
        var (y, m) = (last.year, last.month)
        for _ in 0..<count {
            if let p = month(pad(y, 4) + "-" + pad(m, 2), settings: settings) { out.append(p) }
            (y, m) = m == 1 ? (y - 1, 12) : (y, m - 1)
        }
        return out.reversed()
    }

    /// The calendar month before `YYYY-MM`.
    public static func previousMonth(_ text: String, settings: ReportSettings) -> ReportPeriod? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        let (py, pm) = m == 1 ? (y - 1, 12) : (y, m - 1)
        return month(pad(py, 4) + "-" + pad(pm, 2), settings: settings)
    }

    /// A `--from`/`--to` bound: `YYYY-MM-DD` is local midnight in the report zone; anything else
    /// must be RFC 3339.
    public static func bound(_ text: String, settings: ReportSettings) -> Instant? {
        let b = Array(text.utf8)
        if b.count == 10, b[4] == 0x2D, b[7] == 0x2D {
            let parts = text.split(separator: "-")
            guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
                (1...12).contains(m), d >= 1, d <= CivilTime.daysInMonth(y, m)
            else { return nil }
            return settings.localMidnight(year: y, month: m, day: d)
        }
        return Instant(rfc3339: text)
    }

    static func pad(_ v: Int, _ w: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, w - s.count)) + s
    }

    /// The local date of an instant as `YYYY-MM-DD`.
    public static func localDate(_ i: Instant, settings: ReportSettings) -> String {
        String(settings.civil(i).formatted(offsetSeconds: 0).prefix(10))
    }
}

/// What one pass produced.
public struct ReportResult: Sendable {
    public var current: PeriodStats
    public var previous: PeriodStats
    public var bench: BenchFigures
    /// One set of totals per month of `--trend`, oldest first (empty without it).
    public var trend: [PeriodStats] = []
    public var now: Instant
    public var settings: ReportSettings
    public var dimensions: [ReportDimension]
}

/// Runs the pass.
public enum ReportEngine {
    /// Aggregates tickets fed one by one.
    public struct Accumulator: Sendable {
        public var result: ReportResult
        /// Tickets counted, in or out of the periods (a partial report's header carries it).
        public var tickets = 0
        /// The owners and categories this part has read, numbered (Report/NameTable.swift).
        var names = NameTable()

        public init(
            period: ReportPeriod, previous: ReportPeriod, dimensions: [ReportDimension], settings: ReportSettings, now: Instant,
            trend: [ReportPeriod] = []
        ) {
            result = ReportResult(
                current: PeriodStats(period: period, dimensions: dimensions),
                previous: PeriodStats(period: previous, dimensions: []),
                bench: BenchFigures(), trend: trend.map { PeriodStats(period: $0) }, now: now, settings: settings,
                dimensions: dimensions)
        }

        /// Counts one ticket.
        public mutating func add(_ f: TicketFacts) {
            tickets += 1
            if result.current.period.contains(f.openedAt) {
                result.current.add(f, settings: result.settings, now: result.now)
                result.bench.add(f)
            } else if result.previous.period.contains(f.openedAt) {
                result.previous.add(f, settings: result.settings, now: result.now)
            }
            if let first = result.trend.first, let last = result.trend.last, f.openedAt >= first.period.from, f.openedAt < last.period.to {
                for i in result.trend.indices where result.trend[i].period.contains(f.openedAt) {
                    result.trend[i].add(f, settings: result.settings, now: result.now)
                }
            }
            result.current.addBacklog(f, at: min(result.current.period.to, result.now))
            result.previous.addBacklog(f, at: min(result.previous.period.to, result.now))
        }
    }

    /// Reads every ticket of the inputs into an accumulator. A large regular file is read in
    /// up to `parts` byte ranges on parallel threads, each into its own accumulator, merged in
    /// file order: the result is the same for any number of parts.
    public static func run(
        paths: [String], stdin: Int32, period: ReportPeriod, previous: ReportPeriod, dimensions: [ReportDimension],
        settings: ReportSettings, now: Instant, trend: [ReportPeriod] = [], parts: Int = 1, minPartBytes: Int64 = 8 << 20
    ) throws(DeskError) -> ReportResult {
        try accumulate(
            paths: paths, stdin: stdin, period: period, previous: previous, dimensions: dimensions, settings: settings, now: now,
            trend: trend, parts: parts, minPartBytes: minPartBytes
        ).result
    }

    /// `run`, giving the accumulator itself (what a partial report writes).
    public static func accumulate(
        paths: [String], stdin: Int32, period: ReportPeriod, previous: ReportPeriod, dimensions: [ReportDimension],
        settings: ReportSettings, now: Instant, trend: [ReportPeriod] = [], parts: Int = 1, minPartBytes: Int64 = 8 << 20
    ) throws(DeskError) -> Accumulator {
        // Every duration the report measures starts at a ticket opened in a period: the calendars'
        // days from the earliest period to a month past the latest end (or now) are tabled.
        let starts = [period.from, previous.from] + trend.map(\.from)
        let ends = [period.to, previous.to, now] + trend.map(\.to)
        let settings = settings.tabled(
            from: starts.min().map { $0.adding(-86400) } ?? period.from, to: (ends.max() ?? period.to).adding(31 * 86400))
        let empty = Accumulator(period: period, previous: previous, dimensions: dimensions, settings: settings, now: now, trend: trend)
        let trendFrom = trend.first?.from, trendTo = trend.last?.to
        let wants = TicketFacts.Wants(dimensions: dimensions)
        var acc = empty
        try InputFile.reduceLines(
            paths: paths, stdin: stdin, parts: parts, minPartBytes: minPartBytes, into: &acc, empty: empty,
            merge: { $0.merge($1) }
        ) { (acc, bytes) throws(TicketError) in
            // Tickets opened outside both periods count only toward the backlogs.
            let facts = try TicketFacts(line: bytes, names: &acc.names, wants: wants, readAll: { i in
                period.contains(i) || previous.contains(i) || (trendFrom.map { i >= $0 } ?? false) && (trendTo.map { i < $0 } ?? false)
            })
            acc.add(facts)
        }
        return acc
    }
}
