// The benchmark's report figures, defined exactly as bench/peers/report.jq computes them (that
// file is the reference): counts by UTC month and priority, wall-clock mean first response,
// resolved share, survey means and CSAT. `desk report` carries them as `bench`, and
// Every report carries them in its `bench` section; bench/run.sh compares it with the peers.

/// Running totals of the benchmark figures.
public struct BenchFigures: Sendable {
    public var tickets = 0
    /// Tickets by year * 100 + month of opened_at in UTC.
    var byMonthKey: [Int: Int] {
        get {
            var out = monthCounts
            if currentMonth.count > 0 { out[currentMonth.key, default: 0] += currentMonth.count }
            return out
        }
        set {
            monthCounts = newValue
            currentMonth = (0, 0)
        }
    }
    // Tickets come in time order: the current month's count is kept apart from the table, and
    // the month of the last day seen is remembered (a table look-up and the calendar arithmetic
    // per ticket were measurable).
    private var monthCounts: [Int: Int] = [:]
    private var currentMonth: (key: Int, count: Int) = (0, 0)
    private var lastDay: (day: Int64, key: Int) = (Int64.min, 0)
    /// Counts by opened month (UTC), `YYYY-MM`.
    public var byMonth: [String: Int] {
        var out: [String: Int] = [:]
        for (k, v) in byMonthKey { out[PeriodParser.pad(k / 100, 4) + "-" + PeriodParser.pad(k % 100, 2)] = v }
        return out
    }
    /// Counts by the `priority` text ("none" when absent).
    public var byPriority: [String: Int] {
        get {
            var out = otherPriorities
            for p in Priority.allCases where priorityCounts[p.ordinal] > 0 { out[p.rawValue, default: 0] += priorityCounts[p.ordinal] }
            return out
        }
        set {
            priorityCounts = Priority.allCases.map { _ in 0 }
            otherPriorities = [:]
            for (k, v) in newValue {
                // A zero count (a crafted partial) stays a key, as it was before.
                if let p = Priority(rawValue: k), v != 0 { priorityCounts[p.ordinal] += v } else { otherPriorities[k] = v }
            }
        }
    }
    // The known priorities counted by ordinal, any other text by name: hashing the text of
    // every ticket was measurable.
    var priorityCounts = Priority.allCases.map { _ in 0 }
    var otherPriorities: [String: Int] = [:]
    /// Wall-clock seconds, summed as integers: exact in any order (parts, partials).
    var frSum: Int64 = 0
    var frCount = 0
    var resolved = 0
    /// Score sums in millionths (exact in any order; see PeriodStats).
    var sums: (Int64, Int64, Int64) = (0, 0, 0)
    var responses = 0
    var satisfied = 0

    public init() {}

    /// Counts one ticket.
    public mutating func add(_ f: TicketFacts) {
        tickets += 1
        let day = f.openedAt.seconds.floorDiv(86400)
        if day != lastDay.day {
            let (y, m, _) = CivilTime.civilFromDays(Int(day))
            lastDay = (day, y * 100 + m)
        }
        if currentMonth.count > 0 && currentMonth.key == lastDay.key {
            currentMonth.count += 1
        } else {
            if currentMonth.count > 0 { monthCounts[currentMonth.key, default: 0] += currentMonth.count }
            currentMonth = (lastDay.key, 1)
        }
        if let p = f.priority { priorityCounts[p.ordinal] += 1 } else { otherPriorities[f.priorityText ?? "none", default: 0] += 1 }
        if let fr = f.benchFirstResponse {
            frSum += fr.seconds - f.openedAt.seconds
            frCount += 1
        }
        if f.status == .resolved || f.status == .closed { resolved += 1 }
        if let s = f.survey, let sc = s.scores {
            responses += 1
            sums.0 += Stats.millionths(sc.0)
            sums.1 += Stats.millionths(sc.1)
            sums.2 += Stats.millionths(sc.2)
            if (sc.0 + sc.1 + sc.2) / 3 >= 4 { satisfied += 1 }
        }
    }

    /// The figures as JSON, keys in report.jq's order, maps sorted by key.
    public var json: JSONValue {
        func sortedCounts(_ d: [String: Int]) -> JSONValue {
            .object(JSONObject(d.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { JSONMember($0.key, .int($0.value)) }))
        }
        func rounded(_ x: Double?, _ places: Int) -> JSONValue {
            guard let x = x else { return .null }
            return .number(FixedDecimal.text(FixedDecimal.jqRounded(x, places: places), places: places))
        }
        let n = Double(responses)
        let means: JSONValue = responses > 0
            ? .object([
                "efficiency": rounded(Stats.fromMillionths(sums.0) / n, 2),
                "attitude": rounded(Stats.fromMillionths(sums.1) / n, 2),
                "effectiveness": rounded(Stats.fromMillionths(sums.2) / n, 2),
            ]) : .null
        return .object([
            "tickets": .int(tickets),
            "by_month": sortedCounts(byMonth),
            "by_priority": sortedCounts(byPriority),
            "first_response_mean_minutes": frCount > 0 ? rounded(Double(frSum) / Double(frCount) / 60, 2) : .null,
            "resolved_share": tickets > 0 ? rounded(Double(resolved) / Double(tickets), 4) : .null,
            "survey_means": means,
            "csat": responses > 0 ? rounded(Double(satisfied) / n, 4) : .null,
        ])
    }
}
