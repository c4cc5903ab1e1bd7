// The closed vocabularies of the ticket record (SPEC §3). Raw values are the JSON spellings.

/// How a request reached the desk.
public enum Channel: String, CaseIterable, Sendable {
    case phone, email, web, chat, im
    case walkIn = "walk_in"
}

/// Where a ticket is in its life.
public enum Status: String, CaseIterable, Sendable {
    case open
    case inProgress = "in_progress"
    case waiting, escalated, observing, resolved, closed

    /// Resolved or closed: no more work expected.
    public var isFinished: Bool { self == .resolved || self == .closed }
}

/// The support tiers of the escalation path (seed 000 §四: 一线 → 二线 → 研发 → 供应商).
public enum Tier: String, CaseIterable, Sendable {
    case tier1, tier2, rnd, vendor
}

/// What set an escalation off (seed 000 §四: by hand, the customer's request, complexity, the
/// tier's time limit), in the order the report lists them.
public enum EscalationTrigger: String, CaseIterable, Sendable {
    case manual
    case customerRequest = "customer_request"
    case complexity
    case timeLimit = "time_limit"
}

/// Ticket priority (seed 000 §二.3: 高、中、低三级).
public enum Priority: String, CaseIterable, Sendable {
    case high, medium, low
}

extension CaseIterable where Self: RawRepresentable, RawValue == String {
    /// All raw values, in declaration order.
    public static var names: [String] { allCases.map(\.rawValue) }
}

// Positions in `allCases`, for small tables indexed by a vocabulary: the report counts every
// ticket into such tables, and hashing an enum per ticket was measurable.

extension Channel {
    /// Position in `allCases`.
    public var ordinal: Int {
        switch self {
        case .phone: 0
        case .email: 1
        case .web: 2
        case .chat: 3
        case .im: 4
        case .walkIn: 5
        }
    }
}

extension Priority {
    /// Position in `allCases`.
    public var ordinal: Int {
        switch self {
        case .high: 0
        case .medium: 1
        case .low: 2
        }
    }
}

// The words read from a line's bytes, without building a String: the report reads channel,
// status and priority of every ticket, and a String plus the raw-value switch per word was
// measurable. Each reader picks the one candidate by length and first byte, then compares the
// bytes; a word written with escapes never matches here, and callers decode it as text instead.

/// Whether `s` holds exactly the bytes of `word`.
@inline(__always)
func bytesSpell(_ s: UnsafeRawBufferPointer, _ word: StaticString) -> Bool {
    guard s.count == word.utf8CodeUnitCount else { return false }
    let w = word.utf8Start
    for i in 0..<s.count where s[i] != w[i] { return false }
    return true
}

extension Channel {
    /// The channel whose spelling is exactly the bytes `s` (a string's body, unescaped).
    init?(spelling s: UnsafeRawBufferPointer) {
        guard let first = s.first else { return nil }
        let c: Channel
        switch first {
        case UInt8(ascii: "p"): c = .phone
        case UInt8(ascii: "e"): c = .email
        case UInt8(ascii: "w"): c = s.count == 3 ? .web : .walkIn
        case UInt8(ascii: "c"): c = .chat
        case UInt8(ascii: "i"): c = .im
        default: return nil
        }
        guard bytesSpell(s, c.spelling) else { return nil }
        self = c
    }

    /// The raw value as a static string.
    var spelling: StaticString {
        switch self {
        case .phone: "phone"
        case .email: "email"
        case .web: "web"
        case .chat: "chat"
        case .im: "im"
        case .walkIn: "walk_in"
        }
    }
}

extension Status {
    /// The status whose spelling is exactly the bytes `s` (a string's body, unescaped).
    init?(spelling s: UnsafeRawBufferPointer) {
        guard let first = s.first else { return nil }
        let v: Status
        switch first {
        case UInt8(ascii: "o"): v = s.count == 4 ? .open : .observing
        case UInt8(ascii: "i"): v = .inProgress
        case UInt8(ascii: "w"): v = .waiting
        case UInt8(ascii: "e"): v = .escalated
        case UInt8(ascii: "r"): v = .resolved
        case UInt8(ascii: "c"): v = .closed
        default: return nil
        }
        guard bytesSpell(s, v.spelling) else { return nil }
        self = v
    }

    /// The raw value as a static string.
    var spelling: StaticString {
        switch self {
        case .open: "open"
        case .inProgress: "in_progress"
        case .waiting: "waiting"
        case .escalated: "escalated"
        case .observing: "observing"
        case .resolved: "resolved"
        case .closed: "closed"
        }
    }
}

extension Priority {
    /// The priority whose spelling is exactly the bytes `s` (a string's body, unescaped).
    init?(spelling s: UnsafeRawBufferPointer) {
        guard let first = s.first else { return nil }
        let p: Priority
        switch first {
        case UInt8(ascii: "h"): p = .high
        case UInt8(ascii: "m"): p = .medium
        case UInt8(ascii: "l"): p = .low
        default: return nil
        }
        guard bytesSpell(s, p.spelling) else { return nil }
        self = p
    }

    /// The raw value as a static string.
    var spelling: StaticString {
        switch self {
        case .high: "high"
        case .medium: "medium"
        case .low: "low"
        }
    }
}
