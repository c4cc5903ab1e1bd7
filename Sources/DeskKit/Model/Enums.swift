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
