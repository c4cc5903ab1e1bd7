// The ticket record: required fields, refusals with their column, byte-exact passthrough,
// edits that keep key order and untouched bytes.
import Testing

@testable import DeskKit

func ticketError(_ line: String) -> TicketError? {
    do {
        _ = try Ticket(bytes: Array(line.utf8))
        return nil
    } catch {
        return error
    }
}

@Suite struct TicketTests {
    let line = #"{"id":"T-1","opened_at":"2026-10-14T09:30:00+08:00","channel":"email","status":"open","x_source":"web-form","requester":{"name":"王伟","email":"w@example.com"},"n":1.0e999}"#

    @Test func decodesRequiredFieldsAndAnyOffset() throws {
        let t = try Ticket(bytes: Array(line.utf8))
        #expect(t.id == "T-1")
        #expect(t.openedAt.rfc3339 == "2026-10-14T01:30:00Z")
        #expect(t.channel == .email)
        #expect(t.status == .open)
        #expect(!t.isModified)
        #expect(t.line == Array(line.utf8))
    }

    @Test func editsKeepKeyOrderAndUntouchedBytes() throws {
        var t = try Ticket(bytes: Array(line.utf8))
        t.set("status", "in_progress")
        t.set("priority", "high")
        let out = String(decoding: t.line, as: UTF8.self)
        #expect(out == #"{"id":"T-1","opened_at":"2026-10-14T09:30:00+08:00","channel":"email","status":"in_progress","x_source":"web-form","requester":{"name":"王伟","email":"w@example.com"},"n":1.0e999,"priority":"high"}"#)
        #expect(t.status == .inProgress)
    }

    @Test(arguments: [
        (#"[1]"#, 1, "expected a JSON object, found an array"),
        (#"{"opened_at":"2026-10-14T09:30:00Z","channel":"web","status":"open"}"#, 1, "missing required field 'id'"),
        (#"{"id":"","opened_at":"x","channel":"web","status":"open"}"#, 7, "field 'id' must be a non-empty string"),
        (#"{"id":"A","opened_at":"2026-13-01T00:00:00Z","channel":"web","status":"open"}"#, 23, "ticket A: field 'opened_at' must be an RFC 3339 time"),
        (#"{"id":"A","opened_at":"2026-10-01T00:00:00Z","channel":"fax","status":"open"}"#, 56, "ticket A: field 'channel' must be one of phone, email, web, chat, im, walk_in"),
        (#"{"id":"A","opened_at":"2026-10-01T00:00:00Z","channel":"web","status":"done"}"#, 71, "ticket A: field 'status' must be one of open, in_progress, waiting, escalated, observing, resolved, closed"),
        (#"{"id":"A","opened_at":"2026-10-01T00:00:00Z","channel":"web","status":"open","status":"closed"}"#, 78, "field 'status' appears twice; the ticket is ambiguous"),
    ] as [(String, Int, String)])
    func refusesWhatIsNotATicket(_ text: String, _ column: Int, _ message: String) {
        let e = ticketError(text)
        #expect(e?.message == message)
        #expect(e?.column == column)
    }

    @Test func duplicateUnknownKeysAreKept() throws {
        let text = #"{"id":"A","opened_at":"2026-10-01T00:00:00Z","channel":"web","status":"open","x":1,"x":2}"#
        var t = try Ticket(bytes: Array(text.utf8))
        t.set("priority", "low")
        #expect(String(decoding: t.line, as: UTF8.self) == #"{"id":"A","opened_at":"2026-10-01T00:00:00Z","channel":"web","status":"open","x":1,"x":2,"priority":"low"}"#)
    }

    @Test func instantsParseAnyOffsetAndPrintUTC() {
        #expect(Instant(rfc3339: "2026-02-13T17:30:00+08:00")?.rfc3339 == "2026-02-13T09:30:00Z")
        #expect(Instant(rfc3339: "2026-02-13T09:30:00.123Z")?.rfc3339 == "2026-02-13T09:30:00Z")
        #expect(Instant(rfc3339: "2026-02-29T00:00:00Z") == nil)
        #expect(Instant(rfc3339: "2028-02-29T00:00:00Z") != nil)
        #expect(Instant(rfc3339: "2026-02-13 09:30:00Z") != nil)
        #expect(Instant(rfc3339: "2026-02-13T09:30:00") == nil)
        #expect(Instant(rfc3339: "1969-12-31T23:59:59Z")?.seconds == -1)
    }

    @Test func durations() {
        #expect(DurationText.parse("1h30m") == 5400)
        #expect(DurationText.parse("90") == 90)
        #expect(DurationText.parse("2d") == 172800)
        #expect(DurationText.parse("1h30") == nil)
        #expect(DurationText.parse("-5m") == nil)
        #expect(DurationText.format(5400) == "1h30m")
    }

    @Test func idsSortByOpenTimeAndUseCrockfordBase32() {
        var rng = SystemRandomNumberGenerator()
        let a = TicketId.make(at: Instant(rfc3339: "2026-10-14T01:00:00Z")!, using: &rng)
        let b = TicketId.make(at: Instant(rfc3339: "2026-10-14T01:00:01Z")!, using: &rng)
        let c = TicketId.make(at: Instant(rfc3339: "2026-10-15T00:00:00Z")!, using: &rng)
        #expect(a < b && b < c)
        #expect(a.hasPrefix("DK-261014-"))
        #expect(a.count == "DK-261014-7G2K-M4QXZ".count)
        #expect(a.allSatisfy { "DK-0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains($0) })
    }
}
