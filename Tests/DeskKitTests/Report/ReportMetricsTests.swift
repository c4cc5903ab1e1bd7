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
        #expect(c.followUp.map(\.id) == ["2"])  // "1" is satisfied and has no comment: no follow-up
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

    @Test func commentThemesAreClausesAndPolicyWords() {
        let vocab = ThemeVocabulary(["很慢", "Slow", "vpn"])
        // Clauses cut at punctuation of both scripts, edge stop words trimmed; policy words found
        // inside Chinese text and at English word bounds (not inside "slowly").
        #expect(CommentThemes.terms("OK, took a bit longer than expected.", vocabulary: vocab).map(\.0) == ["took a bit longer than expected"])
        #expect(CommentThemes.terms("谢谢，响应很慢。", vocabulary: vocab).map(\.0) == ["响应很慢", "很慢"])
        #expect(CommentThemes.terms("slowly fixed, VPN ok", vocabulary: vocab).map(\.0) == ["slowly fixed", "vpn"])  // "ok" is trimmed: one word is no clause
        #expect(CommentThemes.terms("Thanks!", vocabulary: vocab).isEmpty)
        var t = CommentThemes()
        t.add("Great support, very patient.", vocabulary: vocab)
        t.add("Great support!", vocabulary: vocab)
        t.add("响应很慢", vocabulary: vocab)
        t.add("once only, said once", vocabulary: vocab)
        let top = t.top(5)
        // A clause said once is no theme; a policy word said once is.
        #expect(top.map(\.term) == ["great support", "很慢"])
        #expect(top.map(\.count) == [2, 1])
        #expect(top.map(\.example) == ["Great support!", "响应很慢"])
    }

    /// The built-in policy's theme words are what tickets are about and how bad they are, not
    /// the grammar of a request: "nobody" (scope evidence), "also" and "could the" (a wish)
    /// are no themes of "Took far too long and nobody told me…" or "could the agent also call".
    @Test func themeWordsComeFromRulesThatSetPriorityOrCategory() {
        let vocab = CommentThemes.vocabulary(Policy.builtin.classification.rules)
        #expect(CommentThemes.terms("Took far too long and nobody told me what was going on.", vocabulary: vocab).filter(\.1).isEmpty)
        #expect(CommentThemes.terms("could the agent also call back", vocabulary: vocab).filter(\.1).isEmpty)
        let words = Set(CommentThemes.terms("VPN 很慢", vocabulary: vocab).filter(\.1).map(\.0))
        #expect(words.contains("vpn") && words.contains("很慢"))
    }

    @Test func commentsAreMasked() {
        #expect(CommentMask.mask("call me on +86 138 0000 1234 or wang.wei@example.com.") == "call me on ***34 or w***@example.com.")
        #expect(CommentMask.mask("ticket 12345 fixed in 2 days") == "ticket 12345 fixed in 2 days")
    }

    @Test func followUpIsLowScoresAndComplaints() throws {
        func answer(_ id: String, _ scores: [Int], _ comment: String) -> String {
            ticketLine(id, opened: 0, ["survey": ["invited_at": at(10), "efficiency": scores[0], "attitude": scores[1],
                                                  "effectiveness": scores[2], "comment": comment]])
        }
        let lines = [
            answer("happy", [5, 5, 5], "Great support, very patient."),
            answer("low", [2, 3, 2], "ok"),
            answer("complaint", [4, 4, 4], "Fine in the end, but I had to chase for updates."),
            answer("zh", [5, 4, 4], "解决了，但中间没人告知进度。"),
        ]
        let c = try novemberStats(lines).current
        #expect(c.followUp.map(\.id) == ["low", "complaint", "zh"])
        #expect(c.followUp.map(\.negativeComment) == [false, true, true])
        #expect(c.followUpTotal == 3)
    }

    @Test func escalationsByTriggerAndComplianceByChannel() throws {
        let lines = [
            ticketLine("1", opened: 0, channel: "im", ["first_response_at": at(4),
                "escalations": [["at": at(5), "to": "tier2", "trigger": "complexity"], ["at": at(50), "to": "rnd", "trigger": "time_limit"]]]),
            ticketLine("2", opened: 1, channel: "im", ["first_response_at": at(30), "escalations": [["at": at(5), "to": "tier2"]]]),
            ticketLine("3", opened: 2, channel: "email", ["first_response_at": at(3), "priority": "high"]),
        ]
        let c = try novemberStats(lines).current
        #expect(c.escalatedByTrigger == ["complexity": 1, "time_limit": 1, "manual": 1])
        #expect(c.compliance(.firstResponse, channel: .im).met == 1)
        #expect(c.compliance(.firstResponse, channel: .im).breached == 1)
        #expect(c.compliance(.firstResponse, channel: .email).met == 1)
        #expect(c.compliance(.firstResponse, priority: .high).met == 1)
        #expect(c.compliance(.firstResponse, priority: nil).met == 1)
        #expect(c.compliance(.firstResponse, priority: nil).breached == 1)
    }

    @Test func workaroundComesOnlyFromARecordedWorkaround() throws {
        let res = ["at": at(120)]
        let lines = [
            ticketLine("member", opened: 0, ["workaround_at": at(30), "resolution": res]),
            ticketLine("event", opened: 0, ["resolution": res,
                "history": [["at": at(40), "by": "a", "event": "replied", "workaround": true], ["at": at(50), "by": "a", "event": "replied"]]]),
            ticketLine("plain", opened: 0, ["resolution": res, "history": [["at": at(45), "by": "a", "event": "replied", "workaround": false]]]),
        ]
        let c = try novemberStats(lines).current
        #expect(c.workaround.values == [1800, 2400])
        #expect(c.resolution.values == [7200, 7200, 7200])
        // Without any recorded workaround, the document says so rather than repeat resolution.
        let none = ReportDocument(try novemberStats([lines[2]]))
        let h = none.headlines.first { $0.key == "workaround_median_seconds" }!
        #expect(h.value == nil)
        #expect(h.valueText == "no workaround recorded")
    }

    @Test func targetsAndMetFlagsInJSON() throws {
        var s = ReportSettings()
        s.phoneAnswerTarget = 0.95
        let p = PeriodParser.month("2026-11", settings: s)!, q = PeriodParser.previousMonth("2026-11", settings: s)!
        var acc = ReportEngine.Accumulator(period: p, previous: q, dimensions: [], settings: s, now: Instant(rfc3339: "2026-12-01T00:00:00Z")!)
        for i in 0..<20 { acc.add(try facts(ticketLine("\(i)", opened: i, channel: "phone", ["answered": i != 0]))) }
        let d = ReportDocument(acc.result)
        let json = JSONWriter.pretty(ReportRenderer.json(d))
        #expect(json.contains("\"phone_answer_rate\": {\n      \"value\": 0.95,\n      \"previous\": null,\n      \"change\": null,\n      \"target\": 0.95,\n      \"met\": true"))
        #expect(d.definitions.contains { $0.contains("target 95%") })
        #expect(!json.contains("\"bench\""))
        #expect(JSONWriter.pretty(ReportRenderer.json(ReportDocument(acc.result, bench: true))).contains("\"bench\""))
    }

    @Test func partialsCarryTheNewTotalsAndTheTrend() throws {
        let s = ReportSettings(policy: Policy.builtin)
        let p = PeriodParser.month("2026-11", settings: s)!, q = PeriodParser.previousMonth("2026-11", settings: s)!
        let months = PeriodParser.months(2, endingWith: p, settings: s)
        let now = Instant(rfc3339: "2026-11-30T09:30:00Z")!
        let text = try String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("Examples/tickets.ndjson"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        func acc(_ part: ArraySlice<String>) throws -> ReportEngine.Accumulator {
            var a = ReportEngine.Accumulator(period: p, previous: q, dimensions: [.channel], settings: s, now: now, trend: months)
            for l in part { a.add(try facts(l)) }
            return a
        }
        let whole = try acc(lines[...])
        var merged: ReportEngine.Accumulator? = nil
        for part in [lines[..<37], lines[37..<90], lines[90...]] {
            let line = try acc(part).partialLine
            let decoded = try line.withUnsafeBytes { try ReportEngine.Accumulator.decodePartial($0, settings: s) }
            #expect(decoded.header.trend == months)
            if merged == nil { merged = decoded.accumulator } else { merged!.merge(decoded.accumulator) }
        }
        let m = try #require(merged)
        #expect(m.partialLine == whole.partialLine)
        for f in ReportFormat.allCases {
            #expect(ReportRenderer.render(ReportDocument(m.result), as: f) == ReportRenderer.render(ReportDocument(whole.result), as: f))
        }
        #expect(whole.result.current.followUpTotal > 0 && !whole.result.current.escalatedByTrigger.isEmpty)
    }

    @Test func trendCountsEachMonth() throws {
        let s = ReportSettings()
        let p = PeriodParser.month("2026-11", settings: s)!, q = PeriodParser.previousMonth("2026-11", settings: s)!
        let months = PeriodParser.months(3, endingWith: p, settings: s)
        #expect(months.map(\.label) == ["2026-09", "2026-10", "2026-11"])
        var acc = ReportEngine.Accumulator(
            period: p, previous: q, dimensions: [], settings: s, now: Instant(rfc3339: "2026-12-01T00:00:00Z")!, trend: months)
        for (i, day) in [-60, -30, -29, 0, 1, 2].enumerated() { acc.add(try facts(ticketLine("\(i)", opened: day * 24 * 60))) }
        #expect(acc.result.trend.map(\.opened) == [1, 2, 3])
        let d = ReportDocument(acc.result)
        #expect(d.trendSeries.first?.points.map(\.1) == [1, 2, 3])
        #expect(ReportRenderer.html(d).contains("<polyline"))
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
    @Test func clausesOfMixedScriptsAndDigits() {
        #expect(CommentThemes.terms("Café CAFÉ naïve, 2026 x9 ok").map(\.0) == ["café café naïve", "2026 x9"])
        #expect(CommentThemes.terms("VPN断线，VPN again").map(\.0) == ["vpn断线", "vpn again"])
        #expect(CommentThemes.terms("但是等了很久。").map(\.0) == ["等了很久"])
    }
}
