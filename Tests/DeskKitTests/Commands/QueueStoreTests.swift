// What `queue` keeps while it reads follows the open duties, not the tickets read: counted in
// entries, records and arena bytes (never timings), over inputs that differ only in how many
// tickets owe nothing.
import Testing

@testable import DeskKit

@Suite struct QueueStoreTests {
    static let now = Instant(rfc3339: "2026-12-01T00:00:00Z") ?? Instant(seconds: 0)

    /// A ticket closed long ago, surveyed and satisfied: it owes nothing.
    static func settled(_ n: Int) -> String {
        #"{"id":"S-\#(n)","opened_at":"2026-01-05T01:00:00Z","channel":"email","status":"closed","title":"settled \#(n) with a long title that a queue must not keep","priority":"low","first_response_at":"2026-01-05T01:10:00Z","resolution":{"at":"2026-01-06T01:00:00Z","confirmed_at":"2026-01-06T02:00:00Z"},"survey":{"token":"t","invited_at":"2026-01-06T03:00:00Z","responded_at":"2026-01-06T04:00:00Z","efficiency":5,"attitude":5,"effectiveness":5},"history":[{"at":"2026-01-05T01:00:00Z","event":"opened"},{"at":"2026-01-05T01:10:00Z","event":"replied","text":"on it"},{"at":"2026-01-06T01:00:00Z","event":"resolved"}]}"#
    }

    /// An open ticket: its SLA targets and updates are owed.
    static func open(_ n: Int) -> String {
        #"{"id":"O-\#(n)","opened_at":"2026-11-30T01:00:00Z","channel":"web","status":"open","title":"open \#(n)","priority":"high","history":[{"at":"2026-11-30T01:00:00Z","event":"opened"}]}"#
    }

    /// Reads lines as one part, as `queue` does; returns (entries, records, arena bytes).
    static func kept(_ lines: [String]) throws -> (entries: Int, records: Int, bytes: Int) {
        let pick = QueuePick(
            owners: [], assignees: [], people: [], tiers: [], priorities: [], onlyOverdue: false, horizon: nil,
            explain: false, ndjson: true, lifecycle: Lifecycle(policy: .builtin), now: now)
        var part = QueuePart()
        for line in lines {
            try Array(line.utf8).withUnsafeBytes { b in try pick.read(b, into: &part) }
        }
        part.seal()
        return (part.count, part.tickets.opened.count, part.tickets.arena.reduce(0) { $0 + $1.count })
    }

    @Test func memoryFollowsTheOpenDutiesNotTheTicketsRead() throws {
        let few = try Self.kept((0..<20).map(Self.open) + (0..<100).map(Self.settled))
        let many = try Self.kept((0..<20).map(Self.open) + (0..<5000).map(Self.settled))
        #expect(few.records == 20)
        #expect(few.entries >= 20)
        // Fifty times the tickets that owe nothing: not one more entry, record or byte.
        #expect(many.entries == few.entries)
        #expect(many.records == few.records)
        #expect(many.bytes == few.bytes)
        // Twice the open tickets: twice what is kept.
        let double = try Self.kept((0..<40).map(Self.open) + (0..<100).map(Self.settled))
        #expect(double.entries == 2 * few.entries)
        #expect(double.records == 40)
        // A record holds the printed texts only: a few dozen bytes a ticket, not its line.
        #expect(few.bytes < 20 * 40)
        #expect(MemoryLayout<QueueEntry>.stride == 16)
    }
}
