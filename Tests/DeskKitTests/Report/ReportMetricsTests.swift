// Unit tests of the report's figures on small crafted tickets, with hand-computed expectations.
import Foundation
import Testing

@testable import DeskKit

/// A ticket line from a few fields (times as minutes after 2026-11-02T01:00:00Z, a Monday 09:00 in Shanghai).
func ticketLine(_ id: String, opened: Int, channel: String = "email", status: String = "resolved", _ extra: [String: Any] = [:]) -> String {
    var o: [String: Any] = ["id": id, "opened_at": at(opened), "channel": channel, "status": status]
    for (k, v) in extra { o[k] = v }
    let data = try! JSONSerialization.data(withJSONObject: o, options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self)
}

func at(_ minutes: Int) -> String {
    Instant(seconds: Instant(rfc3339: "2026-11-02T01:00:00Z")!.seconds + Int64(minutes) * 60).rfc3339
}

func facts(_ line: String) throws -> TicketFacts { try TicketFacts(bytes: Array(line.utf8)) }

/// Runs the accumulator for November 2026 over lines.
func novemberStats(_ lines: [String], now: String = "2026-11-30T09:30:00Z", dims: [ReportDimension] = []) throws -> ReportResult {
    let s = ReportSettings()
    let p = PeriodParser.month("2026-11", settings: s)!, q = PeriodParser.previousMonth("2026-11", settings: s)!
    var acc = ReportEngine.Accumulator(period: p, previous: q, dimensions: dims, settings: s, now: Instant(rfc3339: now)!)
    for l in lines { acc.add(try facts(l)) }
    return acc.result
}

@Suite struct StatsTests {
    @Test func nearestRank() {
        let v: [Int64] = [15, 20, 35, 40, 50]
        #expect(Stats.percentile(v, 50) == 35)  // rank ceil(2.5) = 3
        #expect(Stats.percentile(v, 90) == 50)  // rank ceil(4.5) = 5
        #expect(Stats.percentile([1, 2, 3, 4], 50) == 2)  // lower middle
        #expect(Stats.percentile(Array(1...10), 90) == 9)
        #expect(Stats.percentile([7], 90) == 7)
        #expect(Stats.percentile([], 50) == nil)
    }

    @Test func fixedDecimals() {
        #expect(FixedDecimal.text(0.83333, places: 4) == "0.8333")
        #expect(FixedDecimal.text(2.5, places: 0) == "3")
        #expect(FixedDecimal.text(-2.5, places: 0) == "-3")
        #expect(FixedDecimal.text(4.0, places: 2) == "4")
        #expect(FixedDecimal.text(0.05, places: 1) == "0.1")
        #expect(FixedDecimal.text(-0.0001, places: 2) == "0")
    }
}

@Suite struct PeriodTests {
    @Test func monthBoundsAreLocalMidnight() {
        let s = ReportSettings()
        let p = PeriodParser.month("2026-11", settings: s)!
        #expect(p.from.rfc3339 == "2026-10-31T16:00:00Z")
        #expect(p.to.rfc3339 == "2026-11-30T16:00:00Z")
        #expect(PeriodParser.previousMonth("2026-01", settings: s)!.label == "2025-12")
        #expect(PeriodParser.bound("2026-11-15", settings: s)?.rfc3339 == "2026-11-14T16:00:00Z")
        #expect(PeriodParser.bound("2026-11-15T00:00:00Z", settings: s)?.rfc3339 == "2026-11-15T00:00:00Z")
        #expect(PeriodParser.bound("2026-02-30", settings: s) == nil)
        #expect(PeriodParser.month("2026-13", settings: s) == nil)
    }
}

@Suite struct MetricTests {
    @Test func firstResponseMedianP90AndWithinTarget() throws {
        // email target 15 min: responses after 5, 10, 20, 30, 60 minutes.
        let lines = [5, 10, 20, 30, 60].enumerated().map { i, m in
            ticketLine("T\(i)", opened: i, status: "in_progress", ["first_response_at": at(i + m)])
        }
        let c = try novemberStats(lines).current
        #expect(Stats.percentile(c.firstResponse.values.sorted(), 50) == Int64(20 * 60))
        #expect(Stats.percentile(c.firstResponse.values.sorted(), 90) == Int64(60 * 60))
        #expect(c.firstResponse.percentile(50) == Int64(20 * 60))
        #expect(c.firstResponse.percentile(90) == Int64(60 * 60))
        #expect(c.firstResponse.within == 2)
        #expect(c.compliance[.firstResponse] == { var x = Compliance(); x.met = 2; x.breached = 3; return x }())
    }

    @Test func complianceExcludesRunningTickets() throws {
        let now = 120  // minutes after the base
        let lines = [
            // high: resolution target 8h. Resolved after 2h: met.
            ticketLine("A", opened: 0, ["priority": "high", "resolution": ["at": at(120), "by": "x"]]),
            // Resolved after 10h: breached.
            ticketLine("B", opened: 0, ["priority": "high", "resolution": ["at": at(600), "by": "x"]]),
            // Running for 1h50m: not yet breached, excluded.
            ticketLine("C", opened: 10, status: "in_progress", ["priority": "high"]),
            // Running, with a breach in the record: the record is a copy, the clock decides (running).
            ticketLine("D", opened: 10, status: "in_progress", ["priority": "high", "sla": ["breaches": [["target": "resolution"]]]]),
            // Running for 9h (opened before the base, in November): breached.
            ticketLine("E", opened: -420, status: "escalated", ["priority": "high"]),
        ]
        let c = try novemberStats(lines, now: at(now)).current
        let r = c.compliance[.resolution]!
        #expect(r.met == 1)
        #expect(r.breached == 2)
        #expect(r.running == 2)
        #expect(r.rate == 1.0 / 3)
    }

    @Test func waitingIsSubtracted() throws {
        let history: [[String: Any]] = [
            ["at": at(0), "event": "opened"], ["at": at(30), "event": "waiting"], ["at": at(90), "event": "customer_replied"],
        ]
        let lines = [
            ticketLine("H", opened: 0, ["priority": "low", "history": history, "resolution": ["at": at(180)]]),
            // sla.paused_seconds is a copy of the record, not read: the history says no wait.
            ticketLine("P", opened: 0, ["priority": "low", "sla": ["paused_seconds": 1800], "resolution": ["at": at(180)]]),
            // Resolved at 60, reopened at 150: the 90 minutes spent resolved never count.
            ticketLine("R", opened: 0, ["priority": "low", "resolution": ["at": at(180)], "history": [
                ["at": at(60), "event": "resolved"], ["at": at(150), "event": "reopened"], ["at": at(180), "event": "resolved"],
            ]]),
        ]
        let c = try novemberStats(lines).current
        #expect(c.resolution.values == [Int64(5400), 7200, 10800])
    }

    @Test func firstContactResolutionAndReopenRate() throws {
        let lines = [
            ticketLine("1", opened: 0, ["tier": "tier1"]),  // FCR
            ticketLine("2", opened: 1, ["tier": "tier2", "escalations": [["from": "tier1", "to": "tier2", "at": at(5), "ack_at": at(25)]]]),
            ticketLine("3", opened: 2, ["tier": "tier1", "reopened": [["at": at(50), "reason": "again"]]]),
            ticketLine("4", opened: 3, status: "in_progress", ["tier": "tier1"]),
            ticketLine("5", opened: 4, status: "closed", ["tier": "tier1"]),  // FCR
        ]
        let c = try novemberStats(lines).current
        #expect(c.resolved == 4)
        #expect(c.firstContactResolved == 2)
        #expect(c.firstContactResolution == 0.5)
        #expect(c.reopenRate == 0.2)
        #expect(c.escalationRate == 0.2)
        #expect(c.escalatedByTier == ["tier2": 1])
        #expect(c.ackTimes.sortedValues == [20 * 60])
    }

    @Test func backlogBucketsAtPeriodEnd() throws {
        // Period end 2026-11-30T16:00Z; now after it.
        let end = Instant(rfc3339: "2026-11-30T16:00:00Z")!
        func opened(hoursBefore h: Int64) -> String { end.adding(-h * 3600).rfc3339 }
        func line(_ id: String, _ h: Int64, status: String, resolvedAt: String? = nil) -> String {
            var o: [String: Any] = ["id": id, "opened_at": opened(hoursBefore: h), "channel": "web", "status": status]
            if let r = resolvedAt { o["resolution"] = ["at": r] }
            return String(decoding: try! JSONSerialization.data(withJSONObject: o, options: [.sortedKeys]), as: UTF8.self)
        }
        let lines = [
            line("a", 5, status: "open"),  // <1d
            line("b", 30, status: "waiting"),  // 1-3d
            line("c", 100, status: "in_progress"),  // 3-7d
            line("d", 24 * 40, status: "escalated"),  // >7d, opened in September
            line("e", 10, status: "resolved", resolvedAt: "2026-12-02T00:00:00Z"),  // resolved after the end: backlog
            line("f", 10, status: "resolved", resolvedAt: "2026-11-30T12:00:00Z"),  // resolved before: not
            line("g", -5, status: "open"),  // opened after the end: not
        ]
        let c = try novemberStats(lines, now: "2026-12-05T00:00:00Z").current
        #expect(c.backlog == 5)
        #expect(c.backlogAges == [2, 1, 1, 1])
    }

    @Test func csatExcludesUnanswered() throws {
        let lines = [
            ticketLine("1", opened: 0, ["survey": ["invited_at": at(10), "efficiency": 5, "attitude": 4, "effectiveness": 3]]),  // mean 4: satisfied
            ticketLine("2", opened: 1, ["survey": ["invited_at": at(10), "efficiency": 4, "attitude": 4, "effectiveness": 3]]),  // 3.67
            ticketLine("3", opened: 2, ["survey": ["invited_at": at(10)]]),  // unanswered
            ticketLine("4", opened: 3, ["survey": ["invited_at": at(10)]]),
        ]
        let c = try novemberStats(lines).current
        #expect(c.invited == 4)
        #expect(c.responded == 2)
        #expect(c.responseRate == 0.5)
        #expect(c.csat == 0.5)
        #expect(c.means! == (4.5, 4, 3))
        #expect(c.followUp.map(\.id) == ["2", "1"])
    }

    @Test func phoneAnswerRate() throws {
        let lines = [
            ticketLine("1", opened: 0, channel: "phone", ["answered": true]),
            ticketLine("2", opened: 1, channel: "phone", ["answered": false]),
            ticketLine("3", opened: 2, channel: "phone"),
            ticketLine("4", opened: 3, channel: "email"),
        ]
        let c = try novemberStats(lines).current
        #expect(c.phoneOffered == 3)
        #expect(c.phoneAnswered == 2)
        // Calls outside business hours are not offered.
        var s = ReportSettings()
        s.businessSeconds = { a, b, _ in (a.seconds / 60) % 2 == 0 ? b.seconds - a.seconds : 0 }
        var p = PeriodStats(period: PeriodParser.month("2026-11", settings: s)!)
        for l in lines { p.add(try facts(l), settings: s, now: Instant(rfc3339: "2026-12-01T00:00:00Z")!) }
        #expect(p.phoneOffered == 2)
    }

    @Test func commentThemes() {
        #expect(CommentThemes.terms("Too slow, the engineer was SLOW!") == ["slow", "engineer", "slow"])
        #expect(CommentThemes.terms("响应很慢。") == ["响应", "应很", "很慢"])
        #expect(CommentThemes.terms("我们觉得") == ["们觉", "觉得"])
        var t = CommentThemes()
        t.add("slow slow response")
        t.add("响应很慢, slow")
        t.add("fast response")
        let top = t.top(3)
        #expect(top.map(\.term) == ["response", "slow", "fast"])
        #expect(top.map(\.count) == [2, 2, 1])
    }

    @Test func previousPeriodAndChange() throws {
        let lines = [
            ticketLine("oct", opened: -60 * 24 * 5, ["first_response_at": at(-60 * 24 * 5 + 10)]),
            ticketLine("nov", opened: 0, ["first_response_at": at(4)]),
        ]
        let d = ReportDocument(try novemberStats(lines))
        let h = d.headlines.first { $0.key == "first_response_median_seconds" }!
        #expect(h.value == 240)
        #expect(h.previous == 600)
        #expect(h.change == -360)
    }

    @Test func noContactDataInAnyFormat() throws {
        let lines = [
            ticketLine("1", opened: 0, ["requester": ["name": "王伟", "email": "wang.wei@example.com", "phone": "+86 138 0000 1234", "account": "wangw"],
                                        "owner": "agent.li", "survey": ["invited_at": at(10), "efficiency": 1, "attitude": 1, "effectiveness": 1, "comment": "bad"]]),
        ]
        let d = ReportDocument(try novemberStats(lines, dims: ReportDimension.allCases))
        for f in ReportFormat.allCases {
            let out = ReportRenderer.render(d, as: f)
            for secret in ["wang.wei", "138 0000", "wangw", "王伟"] { #expect(!out.contains(secret), "\(f) leaks \(secret)") }
        }
    }
}

@Suite struct CommentThemeTermTests {
    @Test func wordsMixingScriptsAndDigitsSplitAsBefore() {
        #expect(CommentThemes.terms("Café CAFÉ naïve 2026 x9 ok") == ["café", "café", "naïve", "x9"])
        #expect(CommentThemes.terms("ÉCOLE école") == ["école", "école"])
        #expect(CommentThemes.terms("VPN断线，VPN again") == ["vpn", "断线", "vpn"])
        #expect(CommentThemes.terms("a1 12 ① ab") == ["a1", "ab"])
    }
}
