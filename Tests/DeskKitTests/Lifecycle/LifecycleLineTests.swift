// `queue` reads the lifecycle's facts straight from a line's bytes (LifecycleFacts(line:…),
// Lifecycle.mayHaveOpenDuties(line:…)); every other command reads them from a decoded Ticket.
// These tests hold both readers equal — on generated tickets with every member and event the
// lifecycle reads (escaped keys, repeated keys, odd kinds included) and on every ticket of
// every golden case — and hold the byte pre-filter to the duties it skips.
import Foundation
import Testing

@testable import DeskKit

/// A random ticket line exercising what the lifecycle reads.
private func generatedLine(_ n: Int, _ rng: inout SplitMix64) -> String {
    let base: Int64 = 1_793_000_000  // 2026-10-26
    let opened = base + rng.int(0...(40 * 86400))
    func at(_ s: Int64) -> String { Instant(seconds: s).rfc3339 }
    func pick<T>(_ xs: [T]) -> T { xs[Int(rng.int(0...Int64(xs.count - 1)))] }
    let channel = pick(["phone", "email", "web", "chat"])
    let status = pick(["open", "in_progress", "waiting", "escalated", "observing", "resolved", "closed", "resolved", "closed"])
    var s = #"{"id":"L-\#(n)","opened_at":"\#(at(opened))","channel":"\#(channel)","status":"\#(status)""#
    if channel == "phone" { s += pick([#","answered":false"#, #","answered":true"#, #","answered":"no""#, ""]) }
    s += pick([#","priority":"high""#, #","priority":"low""#, #","pri\u006frity":"medium""#, #","priority":null"#, #","priority":"urgent""#, ""])
    s += pick([#","tier":"tier2""#, #","tier":"rnd""#, #","tier":7"#, ""])
    var t = opened
    func later() -> Int64 { t += rng.int(0...(20 * 3600)); return t }
    if rng.int(0...3) > 0 { s += #","first_response_at":"\#(at(opened + rng.int(0...20000)))""# }
    s += pick([#","workaround_at":"\#(at(opened + rng.int(0...90000)))""#, #","workaround_at":null,"workaround_at":"\#(at(opened))""#, ""])
    var history: [String] = [#"{"at":"\#(at(opened))","by":"a","event":"opened"}"#]
    for _ in 0..<Int(rng.int(0...8)) {
        let when = at(later())
        switch rng.int(0...13) {
        case 0: history.append(#"{"at":"\#(when)","event":"waiting"}"#)
        case 1: history.append(#"{"at":"\#(when)","event":"customer_replied","text":"x"}"#)
        case 2: history.append(#"{"at":"\#(when)","event":"replied","promise":"\#(at(t + rng.int(0...90000)))"}"#)
        case 3: history.append(#"{"at":"\#(when)","event":"replied","eta":"\#(at(t + rng.int(0...90000)))","workaround":true}"#)
        case 4: history.append(#"{"at":"\#(when)","event":"replied","callback":true,"callback":false}"#)
        case 5: history.append(#"{"event":"call_dropped","at":"\#(when)"}"#)
        case 6: history.append(#"{"at":"\#(when)","event":"note","text":"promise"}"#)
        case 7: history.append(#"{"at":"\#(when)","event":"\#(pick(["surveyed", "survey_skipped", "survey_recorded", "confirmed", "workaround"]))"}"#)
        case 8: history.append(#"{"at":"\#(when)","event":"\#(pick(["resolved", "reopened", "closed"]))"}"#)
        case 9: history.append(#"{"at":"\#(when)","ev\u0065nt":"replied","at":"2020-01-01T00:00:00Z"}"#)
        case 10: history.append(pick([#""replied""#, "[1]", #"{"event":"replied"}"#, #"{"at":7,"event":"replied"}"#]))
        case 11: history.append(#"{"at":"\#(when)","event":"missed_call"}"#)
        case 12: history.append(#"{"at":"\#(when)","event":"replied","promise":"soon"}"#)
        default: history.append(#"{"at":"\#(when)","event":"replied","text":"ok"}"#)
        }
    }
    if status != "open" && rng.int(0...2) == 0 {
        var esc: [String] = []
        for _ in 0..<Int(rng.int(1...3)) {
            esc.append(pick([
                #"{"from":"tier1","to":"tier2","at":"\#(at(later()))","ack_at":"\#(at(t + 600))","eta":"\#(at(t + 86400))"}"#,
                #"{"from":"tier2","to":"rnd","at":"\#(at(later()))"}"#,
                #"{"to":"vendor","at":"\#(at(later()))","ack_at":null}"#, #"{"from":"tier1"}"#, "3",
            ]))
        }
        s += #","escalations":[\#(esc.joined(separator: ","))]"#
    }
    if rng.int(0...5) > 0 {
        let r = later()
        s += pick([
            #","resolution":{"cause":"c","at":"\#(at(r))"}"#,
            #","resolution":{"at":"\#(at(r))","confirmed_at":"\#(at(r + 3600))","observe_until":"\#(at(r + 86400))"}"#,
            #","resolution":{"at":null,"at":"\#(at(r))"}"#, #","resolution":"done""#,
        ])
    }
    if rng.int(0...2) > 0 {
        let r = later()
        func score() -> Int64 { rng.int(1...5) }
        s += pick([
            #","survey":{"token":"t","invited_at":"\#(at(r))"}"#,
            #","survey":{"token":null,"invited_at":null}"#,
            #","survey":{"invited_at":"\#(at(r))","responded_at":"\#(at(r + 600))","efficiency":\#(score()),"attitude":\#(score()),"effectiveness":\#(score())}"#,
            #","survey":{"token":"t","responded_at":"\#(at(r + 600))","efficiency":1.5,"attitude":2,"effectiveness":"3"}"#,
            #","survey":{"responded_at":"\#(at(r + 600))","efficiency":1,"attitude":1,"effectiveness":1e0}"#,
            #","survey":[]"#,
        ])
    }
    return s + #","history":[\#(history.joined(separator: ","))]}"#
}

/// The lifecycle's facts and the pre-filter's answer both ways for one line; nil when the
/// line is not a ticket.
private func bothWays(_ line: [UInt8], _ lifecycle: Lifecycle, now: Instant) throws -> (LifecycleFacts, LifecycleFacts, Bool, Bool)? {
    guard let t = try? Ticket(bytes: line) else { return nil }
    return try line.withUnsafeBytes { b in
        var required = Ticket.RequiredRanges()
        var m = LifecycleMembers()
        try m.scan(b) { span, known in
            if let known { required.note(known.field, span.valueRange) }
        }
        let h = try required.header(b)
        let f = LifecycleFacts(line: b, openedAt: h.openedAt, channel: h.channel, status: h.status, members: m)
        // A reader that noted only the top-level members (check) gets the same by a walk.
        var top = LifecycleMembers()
        try Ticket.scan(b) { span, known in top.note(b, span, known) }
        let walked = LifecycleFacts(line: b, openedAt: h.openedAt, channel: h.channel, status: h.status, members: top)
        if walked != f || lifecycle.mayHaveOpenDuties(line: b, status: h.status, members: top, now: now)
            != lifecycle.mayHaveOpenDuties(line: b, status: h.status, members: m, now: now) {
            Issue.record("the walked members differ: \(String(decoding: line, as: UTF8.self))")
        }
        // queue's reader: the lists left to the pre-filter and a walk (walkList), the members
        // read in place.
        var shallow = LifecycleMembers()
        try shallow.scan(b, lists: false) { _, _ in }
        #expect(!shallow.listsNoted && shallow.events.isEmpty && shallow.escalationItems.isEmpty)
        let shallowMay = lifecycle.mayHaveOpenDuties(line: b, status: h.status, members: shallow, now: now)
        let inPlaceMay = lifecycle.mayHaveOpenDuties(line: b, status: h.status, members: &shallow, now: now)
        shallow.walkNested(b)
        let shallowFacts = LifecycleFacts(line: b, openedAt: h.openedAt, channel: h.channel, status: h.status, members: shallow)
        if shallowFacts != f || shallowMay != inPlaceMay || shallowMay != lifecycle.mayHaveOpenDuties(line: b, status: h.status, members: m, now: now) {
            Issue.record("the shallow scan and walk differ: \(String(decoding: line, as: UTF8.self))")
        }
        return (LifecycleFacts(ticket: t), f, lifecycle.mayHaveOpenDuties(t, now: now),
                lifecycle.mayHaveOpenDuties(line: b, status: h.status, members: m, now: now))
    }
}

@Suite struct LifecycleLineTests {
    static let nows = ["2026-10-15T00:00:00Z", "2026-11-30T09:30:00Z", "2027-01-01T00:00:00Z"].compactMap(Instant.init(rfc3339:))

    @Test func generatedTicketsGiveTheSameFactsBothWays() throws {
        var rng = SplitMix64(state: 31)
        let lifecycle = Lifecycle(policy: .builtin)
        var skipped = 0
        for n in 0..<4000 {
            let line = Array(generatedLine(n, &rng).utf8)
            let now = Self.nows[n % Self.nows.count]
            guard let (a, b, mayA, mayB) = try bothWays(line, lifecycle, now: now) else {
                Issue.record("generated line \(n) is not a ticket: \(String(decoding: line, as: UTF8.self))")
                continue
            }
            #expect(a == b, "\(String(decoding: line, as: UTF8.self))")
            #expect(mayA == mayB, "\(String(decoding: line, as: UTF8.self))")
            // queue's shortcut for finished tickets lists what the full replay lists.
            let full = lifecycle.duties(b, schedule: lifecycle.schedule(b, now: now), now: now, openOnly: true).filter(\.isOpen)
            #expect(lifecycle.openDuties(b, now: now) == full, "\(String(decoding: line, as: UTF8.self))")
            if !mayB {
                skipped += 1
                // What the pre-filter skips owes nothing at `now`.
                let open = lifecycle.duties(b, schedule: lifecycle.schedule(b, now: now), now: now).filter(\.isOpen)
                #expect(open.isEmpty, "\(String(decoding: line, as: UTF8.self)): \(open)")
            }
        }
        #expect(skipped > 100)  // the generator reaches the pre-filter's skipping branch
    }

    @Test func everyGoldenCaseTicketGivesTheSameFactsBothWays() throws {
        let root = BinaryRunner.packageRoot.appendingPathComponent("Tests/Fixtures/cases")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".ndjson") } ?? []
        #expect(files.count > 50)
        let lifecycle = Lifecycle(policy: .builtin)
        var compared = 0
        for file in files {
            let text = (try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") {
                for now in Self.nows {
                    guard let (a, b, mayA, mayB) = try? bothWays(Array(line.utf8), lifecycle, now: now) else { continue }
                    compared += 1
                    #expect(a == b, "\(file): \(line.prefix(80))")
                    #expect(mayA == mayB, "\(file): \(line.prefix(80))")
                }
            }
        }
        #expect(compared > 1000)
    }

    /// The pre-filter once looked for the event names in the history's bytes: a note whose
    /// whole text was "surveyed" read as a survey sent, and the ticket owing its survey was
    /// skipped. It now reads the events as the lifecycle does.
    @Test func aNoteSayingSurveyedDoesNotHideTheSurveyDuty() throws {
        let lifecycle = Lifecycle(policy: .builtin)
        let now = try #require(Instant(rfc3339: "2026-11-30T09:30:00Z"))
        for text in ["surveyed", "survey_skipped", "promise"] {
            let line = Array(#"{"id":"N-1","opened_at":"2026-11-27T01:00:00Z","channel":"email","status":"resolved","priority":"low","first_response_at":"2026-11-27T01:10:00Z","resolution":{"at":"2026-11-29T01:00:00Z"},"history":[{"at":"2026-11-27T01:00:00Z","event":"opened"},{"at":"2026-11-27T01:10:00Z","event":"replied","text":"on it"},{"at":"2026-11-28T01:00:00Z","event":"note","text":"\#(text)"},{"at":"2026-11-29T01:00:00Z","event":"resolved"}]}"#.utf8)
            let (_, f, mayTicket, mayLine) = try #require(try bothWays(line, lifecycle, now: now))
            #expect(lifecycle.openDuties(f, now: now).map(\.kind) == [.survey], "\(text)")
            #expect(mayTicket && mayLine, "\(text)")
        }
    }

    /// The event names told apart by length and bytes mean what `EventName(_:)` says, written
    /// plainly or with an escape.
    @Test func eventNamesReadFromBytesMeanWhatTheirTextMeans() {
        let names = LifecycleLine.eventNames.map { String(decoding: $0.0, as: UTF8.self) }
            + ["opened", "escalated", "edited", "", "note ", "Note", "replie", "repliedx", "survey_recorde", "customer_replie"]
        for name in names {
            for quoted in ["\"" + name + "\"", "\"" + name.replacingOccurrences(of: "e", with: "\\u0065") + "\""] {
                let bytes = Array(quoted.utf8)
                let read = bytes.withUnsafeBytes { LifecycleLine.eventName($0, 0..<$0.count) }
                #expect(read == LifecycleLine.EventName(name), "\(quoted)")
            }
        }
        #expect(Array("7".utf8).withUnsafeBytes { LifecycleLine.eventName($0, 0..<1) } == nil)
    }

    @Test func theStridedSearchFindsWhatTheByteWalkFinds() {
        var rng = SplitMix64(state: 5)
        let pieces = ["\"", "\\", "promise", "\"promise\"", "\"promis", "e\"", "surveyed", "\"survey_skipped\"", "x", "é", ","]
        var found = 0
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(rng.int(0...12)) { text += pieces[Int(rng.int(0...Int64(pieces.count - 1)))] }
            let bytes = Array(text.utf8)
            bytes.withUnsafeBytes { b in
                let r = 0..<b.count
                for names in [["promise"], ["surveyed", "survey_skipped"]] {
                    let walk = LifecycleLine.mayMention(b, r, names.map { Array(("\"" + $0 + "\"").utf8) })
                    #expect(walk == LifecycleLine.mayMention(b, r, names.map(LifecycleLine.Needle.init)), "\(text)")
                    if walk { found += 1 }
                }
                #expect(LifecycleLine.mayMentionPromise(b, r) == LifecycleLine.mayMention(b, r, [LifecycleLine.Needle("promise")]), "\(text)")
            }
        }
        #expect(found > 500)
    }
}
