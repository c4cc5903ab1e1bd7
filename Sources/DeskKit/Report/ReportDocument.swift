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
    /// The policy's target for the figure (a share to reach), when it sets one.
    public var target: Double? = nil
    /// How the target reads for people (`100% of tickets within 5m-15m by channel`).
    public var targetText: String? = nil
    /// What to print instead of a dash when the figure has no data (`no workaround recorded`).
    public var emptyText: String? = nil
    /// Shown as a tile at the top of the html report.
    public var tile = false
    /// value - previous, when both exist.
    public var change: Double? { value.flatMap { v in previous.map { v - $0 } } }
    /// Whether the value reaches the target; nil without a target or a value.
    public var met: Bool? { target.flatMap { t in value.map { $0 >= t - 1e-12 } } }
    /// The value's text, or the empty text when there is no value.
    public var valueText: String { value == nil ? (emptyText ?? "-") : kind.text(value) }
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

/// One line chart of `--trend`: a KPI per month.
public struct TrendSeries: Sendable {
    public var title: String
    public var kind: FigureKind
    /// (month, value) oldest first; nil where the month has no data.
    public var points: [(String, Double?)]
}

/// The whole report.
public struct ReportDocument: Sendable {
    public var period: ReportPeriod
    public var previous: ReportPeriod
    /// The period as the policy's local dates, last day inclusive: `2026-10-01 to 2026-10-31`.
    public var periodDates: String
    public var previousDates: String
    public var now: Instant
    public var zone: String
    public var policyHash: String
    public var headlines: [Headline]
    public var tables: [ReportTable]
    /// Charts for the HTML format: title and (label, value) bars.
    public var charts: [(title: String, bars: [(String, Int)])]
    /// The KPIs per month of `--trend` (empty without it).
    public var trendSeries: [TrendSeries]
    /// The benchmark's figures, only with `--bench`.
    public var bench: BenchFigures?
    public var backlogAt: Instant
    /// What each figure means, printed under every human format.
    public var definitions: [String]

    /// What each figure means; the phone answer target is the policy's.
    public static func definitions(phoneTarget: Double) -> [String] {
        [
            "Tickets: tickets opened in the period (opened_at from the first local day to the last, inclusive); every figure except backlog is over these tickets.",
            "Durations are SLA time (docs/SLA.md): business seconds on the policy clock of the ticket's priority, minus time waiting on the customer (a waiting event to the next customer message, reopen, resolution or close) and time spent resolved before a reopen.",
            "First response: opened_at -> first_response_at. Workaround: opened_at -> workaround_at (reply --workaround); tickets resolved without one have no workaround time and are counted as 'resolved without a recorded workaround'. Resolution: opened_at -> resolution.at of resolved, closed and observing tickets.",
            "Median and p90 are nearest-rank: the value at rank ceil(p/100 * n) of the sorted durations (the median is the lower middle).",
            "SLA compliance (one figure per target) = met / (met + breached), judged by the lifecycle's clocks as check and queue judge them (docs/SLA.md): a breach is an event later than its target, or a running ticket already past it at --now; a resolution stops the first-response and workaround clocks when they had not stopped (a missed call resolved without a reply is a first-response breach); running tickets not yet past the target are left out; sla.breaches is not read.",
            "Escalation rate = tickets with escalations / tickets; by trigger: manual (by hand), customer_request, complexity, time_limit (a ticket counts once per trigger); by tier = the last escalation's target; acknowledgement = escalation at -> ack_at.",
            "First contact resolution = resolved or closed tickets still at tier1, never escalated, never reopened / resolved or closed tickets.",
            "Reopen rate = tickets with a reopened entry / tickets.",
            "Backlog: tickets opened before the period end (or now, when the period has not ended) and not resolved or closed by then (confirmed_at, else resolution.at), whenever opened; age at that time.",
            "Phone answer rate = answered / offered phone calls that came in during business hours (target " + FigureKind.share.text(phoneTarget) + ", policy phone_answer_rate_target; seed 000 电话接通率).",
            "Survey response rate = answered / invited surveys; CSAT = answers whose mean of efficiency, attitude and effectiveness is at least the threshold / answers (unanswered left out).",
            "Follow-up: every answer below the CSAT threshold or whose comment reads as a complaint, lowest mean first.",
            "Change: this period minus the previous period (the previous calendar month for --month, else the same length just before); shares change in percentage points.",
            "Comment themes: clauses said by at least two comments and the policy's keywords, stop words trimmed, counted once per comment; examples are masked.",
        ]
    }
}

extension ReportDocument {
    /// Builds the document from one pass's result; the `bench` section only when asked.
    public init(_ r: ReportResult, bench showBench: Bool = false) {
        let c = r.current, p = r.previous
        let settings = r.settings
        period = c.period
        previous = p.period
        periodDates = ReportDocument.dates(c.period, settings)
        previousDates = ReportDocument.dates(p.period, settings)
        now = r.now
        zone = settings.zoneName
        policyHash = settings.policyHash
        bench = showBench ? r.bench : nil
        backlogAt = min(c.period.to, r.now)
        definitions = ReportDocument.definitions(phoneTarget: settings.phoneAnswerTarget)
        func d(_ x: Int64?) -> Double? { x.map { Double($0) } }
        func h(_ key: String, _ label: String, _ kind: FigureKind, tile: Bool = false, _ f: (PeriodStats) -> Double?) -> Headline {
            Headline(key: key, label: label, kind: kind, value: f(c), previous: f(p), tile: tile)
        }
        func med(_ v: DurationSamples) -> Double? { d(v.percentile(50)) }
        func p90(_ v: DurationSamples) -> Double? { d(v.percentile(90)) }
        func limits<K>(_ t: [K: Int64], _ order: [K], _ by: String) -> String {
            let v = order.compactMap { t[$0] }
            guard let lo = v.min(), let hi = v.max() else { return "" }
            return " within " + (lo == hi ? DurationText.format(lo) : DurationText.format(lo) + "-" + DurationText.format(hi) + " by " + by)
        }
        func compliance(_ key: String, _ label: String, _ t: SLATarget, _ within: String) -> Headline {
            var x = h(key, label, .share, tile: true) { $0.compliance[t]?.rate }
            x.target = 1
            x.targetText = "100% of tickets" + within
            return x
        }
        let noWorkaround = "no workaround recorded"
        var wa = h("workaround_median_seconds", "Time to workaround, median", .seconds) { med($0.workaround.stored) }
        wa.emptyText = noWorkaround
        var wa90 = h("workaround_p90_seconds", "Time to workaround, p90", .seconds) { p90($0.workaround.stored) }
        wa90.emptyText = noWorkaround
        var waSLA = compliance("sla_workaround_compliance", "Workaround SLA", .workaround,
                               limits(settings.workaroundTarget, Priority.allCases, "priority"))
        waSLA.emptyText = noWorkaround
        let waMissing = h("workaround_not_recorded", "Resolved without a recorded workaround", .count) {
            Double($0.workaroundNotRecorded)
        }
        var phone = h("phone_answer_rate", "Phone answer rate", .share, tile: true) { $0.phoneAnswerRate }
        phone.target = settings.phoneAnswerTarget
        phone.targetText = "at least " + FigureKind.share.text(settings.phoneAnswerTarget) + " of calls in business hours"
        headlines = [
            h("tickets_opened", "Tickets opened", .count, tile: true) { Double($0.opened) },
            compliance("sla_first_response_compliance", "First response SLA", .firstResponse,
                       limits(settings.firstResponseTarget, Channel.allCases, "channel")),
            h("first_response_median_seconds", "First response, median", .seconds, tile: true) { med($0.firstResponse.stored) },
            h("first_response_p90_seconds", "First response, p90", .seconds) { p90($0.firstResponse.stored) },
            waSLA, wa, wa90,
            waMissing,
            compliance("sla_resolution_compliance", "Resolution SLA", .resolution,
                       limits(settings.resolutionTarget, Priority.allCases, "priority")),
            h("resolution_median_seconds", "Time to resolution, median", .seconds, tile: true) { med($0.resolution.stored) },
            h("resolution_p90_seconds", "Time to resolution, p90", .seconds) { p90($0.resolution.stored) },
            h("escalation_rate", "Escalation rate", .share, tile: true) { $0.escalationRate },
            h("escalation_ack_median_seconds", "Escalation acknowledgement, median", .seconds) { med($0.ackTimes) },
            h("first_contact_resolution", "First contact resolution", .share, tile: true) { $0.firstContactResolution },
            h("reopen_rate", "Reopen rate", .share) { $0.reopenRate },
            h("backlog", "Backlog at period end", .count, tile: true) { Double($0.backlog) },
            phone,
            h("survey_response_rate", "Survey response rate", .share) { $0.responseRate },
            h("csat", "CSAT (satisfied answers)", .share, tile: true) { $0.csat },
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
            key: "sla", title: "SLA compliance by target (target 100%)",
            columns: [("target", "Target"), ("met", "Met"), ("breached", "Breached"), ("running", "Running (excluded)"),
                      ("compliance", "Compliance"), ("target_compliance", "Target"), ("target_met", "Status")],
            rows: SLATarget.allCases.map { t in
                let x = c.compliance[t] ?? Compliance()
                return [Cell.string(t.rawValue), .count(x.met), .count(x.breached), .count(x.running), .figure(x.rate, .share)]
                    + ReportDocument.targetCells(x.rate, 1)
            }))
        tables.append(ReportDocument.complianceTable(
            "sla_by_priority", "SLA compliance by priority", "priority",
            (Priority.allCases.map { Optional($0) } + [nil]).filter { pr in
                pr != nil || SLATarget.allCases.contains { c.compliance($0, priority: nil) != Compliance() }
            }.map { pr in
                (pr?.rawValue ?? PeriodStats.noGroup,
                 SLATarget.allCases.map { t in
                     (c.compliance(t, priority: pr),
                      t == .firstResponse ? nil : (t == .workaround ? settings.workaroundTarget : settings.resolutionTarget)(pr ?? settings.defaultPriority))
                 })
            }))
        tables.append(ReportDocument.complianceTable(
            "sla_by_channel", "SLA compliance by channel", "channel",
            Channel.allCases.map { ch in
                (ch.rawValue, SLATarget.allCases.map { t in (c.compliance(t, channel: ch), t == .firstResponse ? settings.firstResponseTarget(ch) : nil) })
            }))
        let triggers = EscalationTrigger.allCases.map(\.rawValue)
        let otherTriggers = c.escalatedByTrigger.keys.filter { !triggers.contains($0) }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let triggerLabels = ["manual": "by hand", "customer_request": "customer request", "complexity": "complexity", "time_limit": "time limit"]
        tables.append(ReportTable(
            key: "escalations_by_trigger", title: "Escalated tickets by trigger",
            columns: [("trigger", "Trigger"), ("meaning", "Meaning"), ("tickets", "Tickets"), ("rate", "Share of tickets")],
            rows: (triggers + otherTriggers).map { t in
                let n = c.escalatedByTrigger[t] ?? 0
                return [Cell.string(t), Cell.string(triggerLabels[t] ?? t), .count(n), .figure(Stats.share(n, c.opened), .share)]
            }))
        tables.append(ReportTable(
            key: "escalations_by_tier", title: "Escalated tickets by tier reached",
            columns: [("tier", "Tier"), ("tickets", "Tickets")],
            rows: ReportDocument.ranked(c.escalatedByTier).map { [Cell.string($0.0), .count($0.1)] }))
        let buckets = ["<1d", "1-3d", "3-7d", ">7d"]
        tables.append(ReportTable(
            key: "backlog_age", title: "Backlog at period end by age", columns: [("age", "Age"), ("tickets", "Tickets")],
            rows: (0..<4).map { [Cell.string(buckets[$0]), .count(c.backlogAges[$0])] }))
        // The owner table is the agents table: `--by owner` adds no second one.
        tables.append(ReportDocument.groupTable("agents", "Agents (by owner)", "owner", c.agents))
        for dim in r.dimensions where dim != .owner {
            tables.append(ReportDocument.groupTable("by_" + dim.rawValue, "By " + dim.rawValue, dim.rawValue, c.groups[dim] ?? [:]))
        }
        let threshold = FixedDecimal.text(settings.csatThreshold, places: 2)
        let shown = c.followUp.count < c.followUpTotal ? " (the \(c.followUp.count) lowest of \(c.followUpTotal))" : ""
        tables.append(ReportTable(
            key: "follow_up", title: "Follow up: answers below " + threshold + " or with a complaint" + shown,
            columns: [("id", "Ticket"), ("owner", "Agent"), ("category", "Category"), ("reason", "Why"), ("efficiency", "Eff."),
                      ("attitude", "Att."), ("effectiveness", "Effect."), ("mean", "Mean"), ("comment", "Comment (masked)")],
            rows: c.followUp.map { f in
                let why = f.mean < settings.csatThreshold ? (f.negativeComment ? "low score, complaint" : "low score") : "complaint"
                return [Cell.string(f.id), .string(f.owner), .string(f.category), .string(why), .figure(f.efficiency, .score),
                        .figure(f.attitude, .score), .figure(f.effectiveness, .score), .figure(f.mean, .score),
                        .string(f.comment.map(CommentMask.mask))]
            }))
        tables.append(ReportTable(
            key: "comment_themes", title: "Comment themes",
            columns: [("theme", "Theme"), ("comments", "Comments"), ("example", "Example (masked)")],
            rows: c.themes.top(10).map { [Cell.string($0.term), .count($0.count), .string(CommentMask.mask($0.example))] }))
        let trend = ReportDocument.trend(c, settings: settings)
        tables.append(ReportTable(
            key: "trend", title: "Tickets opened per " + trend.unit, columns: [(trend.unit, trend.unit.capitalizedFirst), ("opened", "Opened")],
            rows: trend.points.map { [Cell.string($0.0), .count($0.1)] }))
        var trendSeries: [TrendSeries] = []
        if !r.trend.isEmpty {
            let months = r.trend.map(\.period.label)
            func series(_ title: String, _ kind: FigureKind, _ f: (PeriodStats) -> Double?) -> TrendSeries {
                TrendSeries(title: title, kind: kind, points: zip(months, r.trend.map(f)).map { ($0, $1) })
            }
            trendSeries = [
                series("Tickets opened", .count) { Double($0.opened) },
                series("First response SLA", .share) { $0.compliance[.firstResponse]?.rate },
                series("Resolution SLA", .share) { $0.compliance[.resolution]?.rate },
                series("Time to resolution, median", .seconds) { d($0.resolution.percentile(50)) },
                series("CSAT", .share) { $0.csat },
                series("Escalation rate", .share) { $0.escalationRate },
            ]
            tables.append(ReportTable(
                key: "monthly_trend", title: "The last \(months.count) months",
                columns: [("month", "Month"), ("tickets_opened", "Tickets"), ("sla_first_response_compliance", "First response SLA"),
                          ("sla_resolution_compliance", "Resolution SLA"), ("resolution_median_seconds", "Resolution (median)"),
                          ("csat", "CSAT"), ("escalation_rate", "Escalation rate")],
                rows: months.indices.map { i in
                    [Cell.string(months[i])] + trendSeries.map { Cell.figure($0.points[i].1, $0.kind) }
                }))
        }
        self.tables = tables
        self.trendSeries = trendSeries
        charts = [
            ("Tickets by channel", channels),
            ("Tickets by priority", priorities),
            ("Tickets opened per " + trend.unit, trend.points),
        ]
    }

    /// The local dates of a period, last day inclusive.
    static func dates(_ p: ReportPeriod, _ s: ReportSettings) -> String {
        let first = PeriodParser.localDate(p.from, settings: s)
        let last = PeriodParser.localDate(p.to.adding(-1), settings: s)
        return first == last ? first : first + " to " + last
    }

    /// A target share and whether the value reaches it, as cells.
    static func targetCells(_ value: Double?, _ target: Double) -> [Cell] {
        let met: Cell = value.map { v in v >= target - 1e-12 ? Cell(.bool(true), "met") : Cell(.bool(false), "missed") } ?? Cell(.null, "-")
        return [.figure(target, .share), met]
    }

    /// Compliance per target for the groups of one field: each target's limit for the group
    /// (when the field sets it: channel for first response, priority for the others), the
    /// tickets judged, the compliance and whether it reached 100%.
    static func complianceTable(
        _ key: String, _ title: String, _ column: String, _ groups: [(String, [(Compliance, Int64?)])]
    ) -> ReportTable {
        var columns: [(key: String, label: String)] = [(column, column.capitalizedFirst)]
        let hasLimit = SLATarget.allCases.indices.map { i in groups.contains { $0.1[i].1 != nil } }
        for (i, t) in SLATarget.allCases.enumerated() {
            let name = t == .firstResponse ? "First response" : t.rawValue.capitalizedFirst
            if hasLimit[i] { columns.append((t.rawValue + "_limit_seconds", name + " limit")) }
            columns += [(t.rawValue + "_judged", "Judged"), (t.rawValue + "_compliance", name + " SLA"),
                        (t.rawValue + "_target_met", "Status")]
        }
        let rows: [[Cell]] = groups.map { g in
            var row: [Cell] = [.string(g.0)]
            for (i, (x, limit)) in g.1.enumerated() {
                if hasLimit[i] { row.append(.figure(limit.map(Double.init), .seconds)) }
                row += [.count(x.met + x.breached), .figure(x.rate, .share), targetCells(x.rate, 1)[1]]
            }
            return row
        }
        return ReportTable(key: key, title: title + " (target 100%)", columns: columns, rows: rows)
    }

    /// Counts sorted by count (descending), then key.
    static func ranked(_ d: [String: Int]) -> [(String, Int)] {
        d.sorted { a, b in a.value != b.value ? a.value > b.value : a.key.utf8.lexicographicallyPrecedes(b.key.utf8) }
            .map { ($0.key, $0.value) }
    }

    /// A breakdown table of groups.
    static func groupTable(_ key: String, _ title: String, _ column: String, _ groups: [String: GroupStats]) -> ReportTable {
        let full = true
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
