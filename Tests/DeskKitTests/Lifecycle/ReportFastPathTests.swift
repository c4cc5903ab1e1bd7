// The report reads its SLA facts straight from a line's bytes (TicketFacts) for speed; the
// commands read them from a decoded Ticket (LifecycleFacts). Both hand them to the same clocks.
// These tests prove the two readers give the clocks the same answers — on generated tickets
// with every event that shapes a clock, and on every ticket of every golden case — and that
// the report's settings measure time as the policy's calendars do.
import Foundation
import Testing

@testable import DeskKit

/// A random ticket line exercising what the SLA clocks read.
private func generated(_ n: Int, _ rng: inout SplitMix64) -> String {
    let base: Int64 = 1_793_000_000  // 2026-10-26
    let opened = base + rng.int(0...(40 * 86400))
    let channels = ["phone", "email", "web", "chat", "im", "walk_in"]
    let statuses = ["open", "in_progress", "waiting", "escalated", "observing", "resolved", "closed"]
    let priorities = ["high", "medium", "low", "urgent", nil]
    func at(_ s: Int64) -> String { Instant(seconds: s).rfc3339 }
    let channel = channels[Int(rng.int(0...5))]
    let status = statuses[Int(rng.int(0...6))]
    var s = #"{"id":"G-\#(n)","opened_at":"\#(at(opened))","channel":"\#(channel)","status":"\#(status)","title":"t""#
    if channel == "phone" && rng.int(0...2) == 0 { s += #","answered":false"# }
    if let p = priorities[Int(rng.int(0...4))] { s += #","priority":"\#(p)""# }
    var t = opened
    func later() -> Int64 { t += rng.int(0...(30 * 3600)); return t }
    if rng.int(0...3) > 0 { s += #","first_response_at":"\#(at(opened + rng.int(0...20000)))""# }
    if rng.int(0...3) == 0 { s += #","workaround_at":"\#(at(opened + rng.int(0...90000)))""# }
    var history: [String] = [#"{"at":"\#(at(opened))","by":"a","event":"opened"}"#]
    let names = ["waiting", "customer_replied", "reopened", "resolved", "closed", "replied", "note", "waiting"]
    for _ in 0..<Int(rng.int(0...7)) {
        let name = names[Int(rng.int(0...7))]
        history.append(#"{"at":"\#(at(later()))","by":"a","event":"\#(name)"}"#)
    }
    if rng.int(0...9) == 0 { history.append(#"{"at":"\#(at(later()))","by":"a","event":"w\u0061iting"}"#) }
    if rng.int(0...2) > 0 { s += #","resolution":{"cause":"c","at":"\#(at(later()))"}"# }
    if rng.int(0...5) == 0 { s += #","sla":{"paused_seconds":\#(rng.int(0...99999)),"breaches":[{"target":"resolution"}]}"# }
    return s + #","history":[\#(history.joined(separator: ","))]}"#
}

/// The clocks both ways for one line; nil when the line is not a ticket.
private func bothWays(_ line: [UInt8], _ lifecycle: Lifecycle, _ settings: ReportSettings, now: Instant) throws -> (SLATargets, SLATargets)? {
    guard let t = try? Ticket(bytes: line) else { return nil }
    let f = try TicketFacts(bytes: line)
    let fromCommand = lifecycle.schedule(t, now: now).targets
    let prio = f.priority ?? settings.defaultPriority
    let spans = f.spanEvents.isEmpty ? ExcludedSpans.none : ExcludedSpans(events: f.spanEvents, now: now)
    let fromReport = SLATargets(
        f.lifecycle, spans: spans, now: now, firstResponseLimit: settings.firstResponseTarget(f.channel),
        workaroundLimit: settings.workaroundTarget(prio), resolutionLimit: settings.resolutionTarget(prio),
        measure: { settings.businessSeconds($0, $1, f.priority) })
    // What PeriodStats asks: the same clocks without a LifecycleFacts built.
    let direct = f.clocks(
        spans: spans, now: now, firstResponseLimit: settings.firstResponseTarget(f.channel),
        workaroundLimit: settings.workaroundTarget(prio), resolutionLimit: settings.resolutionTarget(prio),
        measure: { settings.businessSeconds($0, $1, f.priority) })
    #expect(direct == fromReport)
    return (fromCommand, fromReport)
}

@Suite struct ReportFastPathTests {
    static let policies: [Policy] = [
        .builtin,
        (try? Policy.load(
            path: BinaryRunner.packageRoot.appendingPathComponent("Examples/policy-cn-2026.json").path,
            Context(environment: [:], stdout: OutputSink(memoryNamed: "o"), stderr: OutputSink(memoryNamed: "e")))) ?? .builtin,
    ]

    @Test func generatedTicketsGiveTheSameClocksBothWays() throws {
        var rng = SplitMix64(state: 12)
        let now = Instant(rfc3339: "2026-12-01T03:00:00Z")!
        for policy in Self.policies {
            let lifecycle = Lifecycle(policy: policy)
            let settings = ReportSettings(policy: policy)
            // 10k tickets over the two policies (DESK_LONG_TESTS=1: 100k, as issue 12 asks; too
            // slow for every `swift test` on a shared machine).
            let count = ProcessInfo.processInfo.environment["DESK_LONG_TESTS"] == "1" ? 50_000 : 5_000
            for n in 0..<count {
                let line = Array(generated(n, &rng).utf8)
                guard let (a, b) = try bothWays(line, lifecycle, settings, now: now) else {
                    Issue.record("generated line \(n) is not a ticket")
                    continue
                }
                if a != b {
                    Issue.record("ticket \(n): \(String(decoding: line, as: UTF8.self))\ncommand: \(a)\nreport: \(b)")
                    return
                }
            }
        }
    }

    @Test func everyGoldenCaseTicketGivesTheSameClocksBothWays() throws {
        let root = BinaryRunner.packageRoot.appendingPathComponent("Tests/Fixtures/cases")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".ndjson") } ?? []
        #expect(files.count > 50)
        var compared = 0
        for now in ["2026-10-15T00:00:00Z", "2026-11-30T09:30:00Z", "2027-01-01T00:00:00Z"].compactMap(Instant.init(rfc3339:)) {
            for policy in Self.policies {
                let lifecycle = Lifecycle(policy: policy)
                let settings = ReportSettings(policy: policy)
                for file in files {
                    let text = (try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)) ?? ""
                    for line in text.split(separator: "\n") {
                        guard let (a, b) = try? bothWays(Array(line.utf8), lifecycle, settings, now: now) else { continue }
                        compared += 1
                        #expect(a == b, "\(file): \(line.prefix(80))")
                    }
                }
            }
        }
        #expect(compared > 1000)
    }
}
