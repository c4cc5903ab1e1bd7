// The top-level fields of the ticket record (SPEC §3), and finding one from a key's bytes
// without building a String: every command checks each key of each line against this list
// (a known field given twice is refused), and the report picks its members by it.
#if canImport(Glibc)
import Glibc
#endif

/// A known top-level field of the ticket record.
public enum TicketField: String, CaseIterable, Sendable {
    case id
    case openedAt = "opened_at"
    case channel, answered, owner, assignee, tier, status, requester, title, description
    case occurredAt = "occurred_at"
    case frequency
    case stepsTried = "steps_tried"
    case attachments, environment, priority, impact, urgency, category, tags, classification
    case needsInfo = "needs_info"
    case sla
    case firstResponseAt = "first_response_at"
    case escalationRequested = "escalation_requested"
    case escalations, resolution, reopened, survey, history

    /// The field and its bit for a set of seen fields (< 64 fields).
    public typealias Match = (field: TicketField, bit: UInt64)

    /// The field named by a key's text; nil for any other key.
    public static func match(_ key: String) -> Match? {
        var k = key
        return k.withUTF8 { match(UnsafeRawBufferPointer($0)) }
    }

    /// The field named by a key's UTF-8 bytes (without quotes); nil for any other key. A switch
    /// on the length and a memcmp: this runs for every key of every line, and a table of arrays
    /// cost retains and releases per key. Bits are the case's position (tested).
    public static func match(_ key: UnsafeRawBufferPointer) -> Match? {
        let n = key.count
        guard let base = key.baseAddress else { return nil }
        @inline(__always) func eq(_ name: StaticString) -> Bool { memcmp(base, name.utf8Start, n) == 0 }
        switch n {
        case 2:
            if eq("id") { return (.id, 1 << 0) }
        case 3:
            if eq("sla") { return (.sla, 1 << 23) }
        case 4:
            if eq("tier") { return (.tier, 1 << 6) }
            if eq("tags") { return (.tags, 1 << 20) }
        case 5:
            if eq("owner") { return (.owner, 1 << 4) }
            if eq("title") { return (.title, 1 << 9) }
        case 6:
            if eq("status") { return (.status, 1 << 7) }
            if eq("impact") { return (.impact, 1 << 17) }
            if eq("survey") { return (.survey, 1 << 29) }
        case 7:
            if eq("channel") { return (.channel, 1 << 2) }
            if eq("urgency") { return (.urgency, 1 << 18) }
            if eq("history") { return (.history, 1 << 30) }
        case 8:
            if eq("answered") { return (.answered, 1 << 3) }
            if eq("assignee") { return (.assignee, 1 << 5) }
            if eq("priority") { return (.priority, 1 << 16) }
            if eq("category") { return (.category, 1 << 19) }
            if eq("reopened") { return (.reopened, 1 << 28) }
        case 9:
            if eq("opened_at") { return (.openedAt, 1 << 1) }
            if eq("requester") { return (.requester, 1 << 8) }
            if eq("frequency") { return (.frequency, 1 << 12) }
        case 10:
            if eq("needs_info") { return (.needsInfo, 1 << 22) }
            if eq("resolution") { return (.resolution, 1 << 27) }
        case 11:
            if eq("description") { return (.description, 1 << 10) }
            if eq("occurred_at") { return (.occurredAt, 1 << 11) }
            if eq("steps_tried") { return (.stepsTried, 1 << 13) }
            if eq("attachments") { return (.attachments, 1 << 14) }
            if eq("environment") { return (.environment, 1 << 15) }
            if eq("escalations") { return (.escalations, 1 << 26) }
        case 14:
            if eq("classification") { return (.classification, 1 << 21) }
        case 17:
            if eq("first_response_at") { return (.firstResponseAt, 1 << 24) }
        case 20:
            if eq("escalation_requested") { return (.escalationRequested, 1 << 25) }
        default: break
        }
        return nil
    }

    /// The field named by the key at `keyRange` (quotes included) of `bytes`.
    public static func match(_ bytes: UnsafeRawBufferPointer, _ span: MemberSpan) -> Match? {
        let r = span.keyRange
        if span.keyEscaped {
            return match(JSONParser.decodeString(bytes, r.lowerBound + 1, r.upperBound - 1, escaped: true))
        }
        return match(UnsafeRawBufferPointer(rebasing: bytes[(r.lowerBound + 1)..<(r.upperBound - 1)]))
    }
}
