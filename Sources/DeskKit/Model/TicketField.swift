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

    /// The field named by the key at `keyRange` (quotes included) of `bytes`. Inlined into the
    /// validating scan, which asks it for every key of every line.
    @inline(__always)
    public static func match(_ bytes: UnsafeRawBufferPointer, _ span: MemberSpan) -> Match? {
        let r = span.keyRange
        if span.keyEscaped { return escapedMatch(bytes, r) }
        let start = r.lowerBound + 1, n = r.count - 2
        // A key inside a line has at least ':', a value and '}' after it: eight bytes can be
        // read from its start unless it is a short key at the very end of the buffer.
        if let base = bytes.baseAddress, start + max(n, 8) <= bytes.count { return match(words: base + start, count: n) }
        return match(UnsafeRawBufferPointer(rebasing: bytes[start..<(r.upperBound - 1)]))
    }

    /// `match` of a key written with escapes: decoded first.
    @inline(never)
    static func escapedMatch(_ bytes: UnsafeRawBufferPointer, _ r: Range<Int>) -> Match? {
        match(JSONParser.decodeString(bytes, r.lowerBound + 1, r.upperBound - 1, escaped: true))
    }

    /// `match(_:)` of the `n` bytes at `base`, compared as 64-bit words against constants (the
    /// names' little-endian bytes, generated from the list above): at least eight bytes must be
    /// readable from `base`. A short key is its first word masked to its length, a longer one
    /// its first and last words (overlapping), and its middle word beyond 16 bytes. Why: the
    /// length switch and memcmp calls were a tenth of the validating scan; TicketFieldTests hold
    /// this to `match(_:)` for every name, every near miss and random keys.
    @inline(__always)
    static func match(words base: UnsafeRawPointer, count n: Int) -> Match? {
        @inline(__always) func load(_ at: Int) -> UInt64 { UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        switch n {
        case 2:
            let w = load(0) & 0xFFFF
            if w == 0x0000_0000_0000_6469 { return (.id, 1 << 0) }  // id
        case 3:
            let w = load(0) & 0xFFFFFF
            if w == 0x0000_0000_0061_6C73 { return (.sla, 1 << 23) }  // sla
        case 4:
            let w = load(0) & 0xFFFFFFFF
            if w == 0x0000_0000_7265_6974 { return (.tier, 1 << 6) }  // tier
            if w == 0x0000_0000_7367_6174 { return (.tags, 1 << 20) }  // tags
        case 5:
            let w = load(0) & 0xFFFFFFFFFF
            if w == 0x0000_0072_656E_776F { return (.owner, 1 << 4) }  // owner
            if w == 0x0000_0065_6C74_6974 { return (.title, 1 << 9) }  // title
        case 6:
            let w = load(0) & 0xFFFFFFFFFFFF
            if w == 0x0000_7375_7461_7473 { return (.status, 1 << 7) }  // status
            if w == 0x0000_7463_6170_6D69 { return (.impact, 1 << 17) }  // impact
            if w == 0x0000_7965_7672_7573 { return (.survey, 1 << 29) }  // survey
        case 7:
            let w = load(0) & 0xFFFFFFFFFFFFFF
            if w == 0x006C_656E_6E61_6863 { return (.channel, 1 << 2) }  // channel
            if w == 0x0079_636E_6567_7275 { return (.urgency, 1 << 18) }  // urgency
            if w == 0x0079_726F_7473_6968 { return (.history, 1 << 30) }  // history
        case 8:
            let w0 = load(0)
            if w0 == 0x6465_7265_7773_6E61 { return (.answered, 1 << 3) }  // answered
            if w0 == 0x6565_6E67_6973_7361 { return (.assignee, 1 << 5) }  // assignee
            if w0 == 0x7974_6972_6F69_7270 { return (.priority, 1 << 16) }  // priority
            if w0 == 0x7972_6F67_6574_6163 { return (.category, 1 << 19) }  // category
            if w0 == 0x6465_6E65_706F_6572 { return (.reopened, 1 << 28) }  // reopened
        case 9:
            let w0 = load(0), w1 = load(1)
            if w0 == 0x615F_6465_6E65_706F && w1 == 0x7461_5F64_656E_6570 { return (.openedAt, 1 << 1) }  // opened_at
            if w0 == 0x6574_7365_7571_6572 && w1 == 0x7265_7473_6575_7165 { return (.requester, 1 << 8) }  // requester
            if w0 == 0x636E_6575_7165_7266 && w1 == 0x7963_6E65_7571_6572 { return (.frequency, 1 << 12) }  // frequency
        case 10:
            let w0 = load(0), w1 = load(2)
            if w0 == 0x6E69_5F73_6465_656E && w1 == 0x6F66_6E69_5F73_6465 { return (.needsInfo, 1 << 22) }  // needs_info
            if w0 == 0x6974_756C_6F73_6572 && w1 == 0x6E6F_6974_756C_6F73 { return (.resolution, 1 << 27) }  // resolution
        case 11:
            let w0 = load(0), w1 = load(3)
            if w0 == 0x7470_6972_6373_6564 && w1 == 0x6E6F_6974_7069_7263 { return (.description, 1 << 10) }  // description
            if w0 == 0x6465_7272_7563_636F && w1 == 0x7461_5F64_6572_7275 { return (.occurredAt, 1 << 11) }  // occurred_at
            if w0 == 0x7274_5F73_7065_7473 && w1 == 0x6465_6972_745F_7370 { return (.stepsTried, 1 << 13) }  // steps_tried
            if w0 == 0x656D_6863_6174_7461 && w1 == 0x7374_6E65_6D68_6361 { return (.attachments, 1 << 14) }  // attachments
            if w0 == 0x6D6E_6F72_6976_6E65 && w1 == 0x746E_656D_6E6F_7269 { return (.environment, 1 << 15) }  // environment
            if w0 == 0x6974_616C_6163_7365 && w1 == 0x736E_6F69_7461_6C61 { return (.escalations, 1 << 26) }  // escalations
        case 14:
            let w0 = load(0), w1 = load(6)
            if w0 == 0x6966_6973_7361_6C63 && w1 == 0x6E6F_6974_6163_6966 { return (.classification, 1 << 21) }  // classification
        case 17:
            let w0 = load(0), w1 = load(8), w2 = load(9)
            if w0 == 0x6572_5F74_7372_6966 && w1 == 0x615F_6573_6E6F_7073 && w2 == 0x7461_5F65_736E_6F70 { return (.firstResponseAt, 1 << 24) }  // first_response_at
        case 20:
            let w0 = load(0), w1 = load(8), w2 = load(12)
            if w0 == 0x6974_616C_6163_7365 && w1 == 0x6575_7165_725F_6E6F && w2 == 0x6465_7473_6575_7165 { return (.escalationRequested, 1 << 25) }  // escalation_requested
        default: break
        }
        return nil
    }
}
