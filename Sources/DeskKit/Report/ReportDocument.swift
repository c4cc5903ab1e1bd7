// The report as data every format renders: headline figures with the previous period's value
// and the change, and tables of cells that carry both their JSON value and their text. The JSON
// format and the human formats are built from the same values, so they cannot disagree.

/// How a figure is written.
public enum FigureKind: Sendable {
    /// A whole count.
    case count
    /// Business seconds (JSON: integer seconds; text: `1h5m`).
    case seconds
    /// A share 0...1 (JSON: 4 decimals; text: percent with one decimal).
    case share
    /// A mean score (2 decimals).
    case score

    /// The JSON value of a figure.
    func json(_ x: Double?) -> JSONValue {
        guard let x = x else { return .null }
        switch self {
        case .count, .seconds: return .number(FixedDecimal.text(x, places: 0))
        case .share: return .number(FixedDecimal.text(x, places: 4))
        case .score: return .number(FixedDecimal.text(x, places: 2))
        }
    }

    /// The text of a figure for people.
    func text(_ x: Double?) -> String {
        guard let x = x else { return "-" }
        switch self {
        case .count: return FixedDecimal.text(x, places: 0)
        case .seconds:
            let s = Int64(x.rounded(.toNearestOrAwayFromZero))
            return DurationText.format(s)
        case .share: return FixedDecimal.text(x * 100, places: 1) + "%"
        case .score: return FixedDecimal.text(x, places: 2)
        }
    }

    /// The text of a change between periods.
    func changeText(_ d: Double?) -> String {
        guard let d = d else { return "-" }
        let sign = d > 0 ? "+" : ""
        switch self {
        case .share: return sign + FixedDecimal.text(d * 100, places: 1) + " pt"
        case .seconds: return (d < 0 ? "-" : "+") + DurationText.format(Int64(abs(d).rounded(.toNearestOrAwayFromZero)))
        default: return sign + text(d)
        }
    }
}

/// One headline figure.
public struct Headline: Sendable {
    public var key: String
    public var label: String
    public var kind: FigureKind
    public var value: Double?
    public var previous: Double?
    /// value - previous, when both exist.
    public var change: Double? { value.flatMap { v in previous.map { v - $0 } } }
}

/// One table cell: its JSON value and its text.
public struct Cell: Sendable {
    public var json: JSONValue
    public var text: String
    public init(_ json: JSONValue, _ text: String) {
        self.json = json
        self.text = text
    }
    static func string(_ s: String?) -> Cell { Cell(s.map { .string($0) } ?? .null, s ?? "-") }
    static func count(_ n: Int) -> Cell { Cell(.int(n), String(n)) }
    static func figure(_ x: Double?, _ kind: FigureKind) -> Cell { Cell(kind.json(x), kind.text(x)) }
}

/// One table: a JSON array of objects keyed by the column keys, or a table for people.
public struct ReportTable: Sendable {
    public var key: String
    public var title: String
    public var columns: [(key: String, label: String)]
    public var rows: [[Cell]]
}

/// The whole report.
public struct ReportDocument: Sendable {
    public var period: ReportPeriod
    public var previous: ReportPeriod
    public var now: Instant
    public var zone: String
    public var policyHash: String
    public var headlines: [Headline]
    public var tables: [ReportTable]
    /// Charts for the HTML format: title and (label, value) bars.
    public var charts: [(title: String, bars: [(String, Int)])]
    public var bench: BenchFigures
    public var backlogAt: Instant

    /// What each figure means, printed under every human format and in docs/REPORT.md.
    public static let definitions: [String] = [
        "Tickets: tickets opened in the period (opened_at in [from, to); `to` is exclusive); every figure except backlog is over these tickets.",
        "Durations are business seconds on the policy clock of the ticket's priority (default: wall clock).",
        "First response: opened_at -> first_response_at; within target = at most the channel's first-response target.",
        "Workaround: opened_at -> workaround_at (the first reply --workaround); tickets resolved without one are counted apart ('resolved without a recorded workaround'), never given the resolution time. Resolution: opened_at -> resolution.at of resolved, closed and observing tickets. Every duration is SLA time: waits on the customer and time spent resolved before a reopen are left out (docs/SLA.md).",
        "Median and p90 are nearest-rank: the value at rank ceil(p/100 * n) of the sorted durations (the median is the lower middle).",
        "SLA compliance = met / (met + breached), judged by the lifecycle's clocks (docs/SLA.md), as check and queue judge them: a breach is a late event or a running ticket already past its target; a resolution stops the first-response and workaround clocks when they had not stopped (a missed call resolved without a call-back is a first-response breach); running tickets not yet past it are left out.",
        "Escalation rate = tickets with escalations / tickets; by tier = the last escalation's target; acknowledgement = escalation at -> ack_at.",
        "First contact resolution = resolved or closed tickets still at tier1, never escalated, never reopened / resolved or closed tickets.",
        "Reopen rate = tickets with a reopened entry / tickets.",
        "Backlog: tickets opened before the period end (or now, when the period has not ended) and not resolved or closed by then (confirmed_at, else resolution.at), whenever opened; age at that time.",
        "Phone answer rate = answered / offered phone calls that came in during business hours (target 90%, seed 000 电话接通率).",
        "Survey response rate = answered / invited surveys; CSAT = answers whose mean of efficiency, attitude and effectiveness is at least the threshold / answers (unanswered left out).",
        "Change: this period minus the previous period (the previous calendar month for --month, else the same length just before); shares change in percentage points.",
        "Comment themes: Latin words and Chinese character bigrams, stop words removed, counted once per comment.",
    ]
}

extension ReportDocument {
    /// Builds the document from one pass's result.
    public init(_ r: ReportResult) {
        let c = r.current, p = r.previous
        period = c.period
        previous = p.period
        now = r.now
        zone = r.settings.zoneName
        policyHash = r.settings.policyHash
        bench = r.bench
        backlogAt = min(c.period.to, r.now)
        func d(_ x: Int64?) -> Double? { x.map { Double($0) } }
        func h(_ key: String, _ label: String, _ kind: FigureKind, _ f: (PeriodStats) -> Double?) -> Headline {
            Headline(key: key, label: label, kind: kind, value: f(c), previous: f(p))
        }
        func med(_ v: DurationSamples) -> Double? { d(v.percentile(50)) }
        func p90(_ v: DurationSamples) -> Double? { d(v.percentile(90)) }
        headlines = [
            h("tickets_opened", "Tickets opened", .count) { Double($0.opened) },
            h("first_response_median_seconds", "First response, median", .seconds) { med($0.firstResponse.stored) },
            h("first_response_p90_seconds", "First response, p90", .seconds) { p90($0.firstResponse.stored) },
            h("first_response_within_target", "First response within target", .share) { $0.firstResponse.withinShare },
            h("workaround_median_seconds", "Time to workaround, median", .seconds) { med($0.workaround.stored) },
            h("workaround_p90_seconds", "Time to workaround, p90", .seconds) { p90($0.workaround.stored) },
            h("workaround_within_target", "Workaround within target", .share) { $0.workaround.withinShare },
            h("workaround_not_recorded", "Resolved without a recorded workaround", .count) { Double($0.workaroundNotRecorded) },
            h("resolution_median_seconds", "Time to resolution, median", .seconds) { med($0.resolution.stored) },
            h("resolution_p90_seconds", "Time to resolution, p90", .seconds) { p90($0.resolution.stored) },
            h("resolution_within_target", "Resolution within target", .share) { $0.resolution.withinShare },
            h("sla_first_response_compliance", "SLA compliance, first response", .share) { $0.compliance[.firstResponse]?.rate },
            h("sla_workaround_compliance", "SLA compliance, workaround", .share) { $0.compliance[.workaround]?.rate },
            h("sla_resolution_compliance", "SLA compliance, resolution", .share) { $0.compliance[.resolution]?.rate },
            h("escalation_rate", "Escalation rate", .share) { $0.escalationRate },
            h("escalation_ack_median_seconds", "Escalation acknowledgement, median", .seconds) { med($0.ackTimes) },
            h("first_contact_resolution", "First contact resolution", .share) { $0.firstContactResolution },
            h("reopen_rate", "Reopen rate", .share) { $0.reopenRate },
            h("backlog", "Backlog at period end", .count) { Double($0.backlog) },
            h("phone_answer_rate", "Phone answer rate", .share) { $0.phoneAnswerRate },
            h("survey_response_rate", "Survey response rate", .share) { $0.responseRate },
            h("csat", "CSAT", .share) { $0.csat },
            h("efficiency_mean", "Efficiency, mean score", .score) { $0.means?.0 },
            h("attitude_mean", "Attitude, mean score", .score) { $0.means?.1 },
            h("effectiveness_mean", "Effectiveness, mean score", .score) { $0.means?.2 },
        ]

        var tables: [ReportTable] = []
        func countTable(_ key: String, _ title: String, _ column: String, _ counts: [(String, Int)]) -> ReportTable {
            ReportTable(
                key: key, title: title, columns: [(column, column.capitalizedFirst), ("tickets", "Tickets"), ("share", "Share")],
                rows: counts.map { [Cell.string($0.0), Cell.count($0.1), Cell.figure(Stats.share($0.1, c.opened), .share)] })
        }
        let channels = Channel.allCases.map { ($0.rawValue, c.byChannel[$0.rawValue] ?? 0) }
        var priorities = Priority.allCases.map { ($0.rawValue, c.byPriority[$0.rawValue] ?? 0) }
        if let none = c.byPriority[PeriodStats.noGroup] { priorities.append((PeriodStats.noGroup, none)) }
        tables.append(countTable("opened_by_channel", "Tickets by channel", "channel", channels))
        tables.append(countTable("opened_by_priority", "Tickets by priority", "priority", priorities))
        tables.append(countTable("opened_by_category", "Tickets by category", "category", ReportDocument.ranked(c.byCategory)))
        tables.append(ReportTable(
            key: "sla", title: "SLA compliance",
            columns: [("target", "Target"), ("met", "Met"), ("breached", "Breached"), ("running", "Running (excluded)"),
                      ("compliance", "Compliance")],
            rows: SLATarget.allCases.map { t in
                let x = c.compliance[t] ?? Compliance()
                return [Cell.string(t.rawValue), .count(x.met), .count(x.breached), .count(x.running), .figure(x.rate, .share)]
            }))
        tables.append(ReportTable(
            key: "escalations_by_tier", title: "Escalated tickets by tier reached",
            columns: [("tier", "Tier"), ("tickets", "Tickets")],
            rows: ReportDocument.ranked(c.escalatedByTier).map { [Cell.string($0.0), .count($0.1)] }))
        let buckets = ["<1d", "1-3d", "3-7d", ">7d"]
        tables.append(ReportTable(
            key: "backlog_age", title: "Backlog at period end by age", columns: [("age", "Age"), ("tickets", "Tickets")],
            rows: (0..<4).map { [Cell.string(buckets[$0]), .count(c.backlogAges[$0])] }))
        tables.append(ReportDocument.groupTable("agents", "Agents (by owner)", "owner", c.agents, full: false))
        for dim in r.dimensions {
            tables.append(ReportDocument.groupTable("by_" + dim.rawValue, "By " + dim.rawValue, dim.rawValue, c.groups[dim] ?? [:], full: true))
        }
        tables.append(ReportTable(
            key: "follow_up", title: "Lowest-scored responses, for follow-up",
            columns: [("id", "Ticket"), ("owner", "Owner"), ("category", "Category"), ("efficiency", "Eff."),
                      ("attitude", "Att."), ("effectiveness", "Effect."), ("mean", "Mean"), ("comment", "Comment")],
            rows: c.followUp.map { f in
                [Cell.string(f.id), .string(f.owner), .string(f.category), .figure(f.efficiency, .score),
                 .figure(f.attitude, .score), .figure(f.effectiveness, .score), .figure(f.mean, .score), .string(f.comment)]
            }))
        tables.append(ReportTable(
            key: "comment_themes", title: "Comment themes", columns: [("term", "Term"), ("comments", "Comments")],
            rows: c.themes.top(10).map { [Cell.string($0.term), .count($0.count)] }))
        let trend = ReportDocument.trend(c, settings: r.settings)
        tables.append(ReportTable(
            key: "trend", title: "Tickets opened per " + trend.unit, columns: [(trend.unit, trend.unit.capitalizedFirst), ("opened", "Opened")],
            rows: trend.points.map { [Cell.string($0.0), .count($0.1)] }))
        self.tables = tables
        charts = [
            ("Tickets by channel", channels),
            ("Tickets by priority", priorities),
            ("Tickets opened per " + trend.unit, trend.points),
        ]
    }

    /// Counts sorted by count (descending), then key.
    static func ranked(_ d: [String: Int]) -> [(String, Int)] {
        d.sorted { a, b in a.value != b.value ? a.value > b.value : a.key.utf8.lexicographicallyPrecedes(b.key.utf8) }
            .map { ($0.key, $0.value) }
    }

    /// A breakdown table of groups.
    static func groupTable(_ key: String, _ title: String, _ column: String, _ groups: [String: GroupStats], full: Bool) -> ReportTable {
        let order = groups.sorted { a, b in
            a.value.tickets != b.value.tickets ? a.value.tickets > b.value.tickets : a.key.utf8.lexicographicallyPrecedes(b.key.utf8)
        }
        var columns: [(key: String, label: String)] = [
            (column, column.capitalizedFirst), ("tickets", "Tickets"), ("resolved", "Resolved"),
            ("first_response_median_seconds", "First response (median)"),
        ]
        if full {
            columns += [("first_response_within_target", "FR within target"), ("resolution_median_seconds", "Resolution (median)"),
                        ("escalated", "Escalated")]
        }
        columns += [("responses", "Responses"), ("csat", "CSAT")]
        let rows: [[Cell]] = order.map { (k, g) in
            var row: [Cell] = [.string(k), .count(g.tickets), .count(g.resolved),
                               .figure(g.firstResponse.percentile(50).map(Double.init), .seconds)]
            if full {
                row += [.figure(g.firstResponse.withinShare, .share),
                        .figure(g.resolution.percentile(50).map(Double.init), .seconds), .count(g.escalated)]
            }
            row += [.count(g.responses), .figure(g.csat, .share)]
            return row
        }
        return ReportTable(key: key, title: title, columns: columns, rows: rows)
    }

    /// Tickets opened per local day, or per week (starting Monday) for periods over 62 days.
    static func trend(_ c: PeriodStats, settings: ReportSettings) -> (unit: String, points: [(String, Int)]) {
        let first = Int((c.period.from.seconds + Int64(settings.offset(c.period.from))).floorDiv(86400))
        let lastInstant = c.period.to.adding(-1)
        let last = Int((lastInstant.seconds + Int64(settings.offset(lastInstant))).floorDiv(86400))
        guard last >= first else { return ("day", []) }
        func label(_ day: Int) -> String {
            CivilTime(utcSeconds: Int64(day) * 86400).formatted(offsetSeconds: 0).prefix(10).description
        }
        if last - first < 62 {
            return ("day", (first...last).map { (label($0), c.openedPerDay[$0] ?? 0) })
        }
        var weeks: [(String, Int)] = []
        var day = first - CivilTime.weekday(days: first)
        while day <= last {
            var n = 0
            for x in day..<(day + 7) { n += c.openedPerDay[x] ?? 0 }
            weeks.append((label(max(day, first)), n))
            day += 7
        }
        return ("week", weeks)
    }
}

extension String {
    /// The string with its first character upper-cased.
    var capitalizedFirst: String {
        guard let f = first else { return self }
        return f.uppercased() + dropFirst()
    }
}
