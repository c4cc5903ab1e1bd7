// The rules of `desk check`: a stable kebab-case id, a severity, and one line on what each
// checks. docs/CHECK.md explains every rule with its reason and seed; the ids are a public
// contract (CI configurations name them in --rule/--skip), so they never change meaning.

/// How serious a finding is: errors fail a check run; warnings only with --strict.
public enum Severity: String, Sendable, Equatable {
    case error, warning
}

/// One lint rule of `desk check`.
public enum CheckRule: String, CaseIterable, Sendable {
    case invalidJSON = "invalid-json"
    case invalidRecord = "invalid-record"
    case invalidField = "invalid-field"
    case missingFact = "missing-fact"
    case duplicateId = "duplicate-id"
    case needsInfoOpen = "needs-info-open"
    case tabooReply = "taboo-reply"
    case vagueResolution = "vague-resolution"
    case breachNotEscalated = "breach-not-escalated"
    case incompleteHandoff = "incomplete-handoff"
    case unacknowledgedEscalation = "unacknowledged-escalation"
    case notSurveyed = "not-surveyed"
    case observationUnconfirmed = "observation-unconfirmed"
    case escalationETAPassed = "escalation-eta-passed"
    case promiseBroken = "promise-broken"
    case etaOverdue = "eta-overdue"
    case callbackMissed = "callback-missed"
    case endOfDayUpdate = "end-of-day-update"
    case progressOverdue = "progress-overdue"
    case surveyFollowUp = "survey-follow-up"
    case policyReview = "policy-review"
    // The kb rules (`check --kb FILE`, `kb check`): KnowledgeCheck.
    case incompleteArticle = "incomplete-article"
    case reviewOverdue = "review-overdue"
    case nearDuplicate = "near-duplicate"

    /// The rule's severity. Errors are facts a record must never have (broken data, wording the
    /// seeds forbid, a hand-off the receiver cannot act on); warnings are process lapses that
    /// depend on time and judgement, which CI can promote with --strict.
    public var severity: Severity {
        switch self {
        case .invalidJSON, .invalidRecord, .invalidField, .missingFact, .duplicateId, .tabooReply, .vagueResolution,
            .incompleteHandoff, .incompleteArticle, .reviewOverdue:
            return .error
        case .needsInfoOpen, .breachNotEscalated, .unacknowledgedEscalation, .notSurveyed, .observationUnconfirmed,
            .escalationETAPassed, .promiseBroken, .etaOverdue, .callbackMissed, .endOfDayUpdate, .progressOverdue,
            .surveyFollowUp, .policyReview, .nearDuplicate:
            return .warning
        }
    }

    /// The rule's place in `allCases`: a table index, so a set of rules is looked up without
    /// hashing the raw value (a String) for every ticket.
    public var ordinal: Int {
        switch self {
        case .invalidJSON: return 0
        case .invalidRecord: return 1
        case .invalidField: return 2
        case .missingFact: return 3
        case .duplicateId: return 4
        case .needsInfoOpen: return 5
        case .tabooReply: return 6
        case .vagueResolution: return 7
        case .breachNotEscalated: return 8
        case .incompleteHandoff: return 9
        case .unacknowledgedEscalation: return 10
        case .notSurveyed: return 11
        case .observationUnconfirmed: return 12
        case .escalationETAPassed: return 13
        case .promiseBroken: return 14
        case .etaOverdue: return 15
        case .callbackMissed: return 16
        case .endOfDayUpdate: return 17
        case .progressOverdue: return 18
        case .surveyFollowUp: return 19
        case .policyReview: return 20
        case .incompleteArticle: return 21
        case .reviewOverdue: return 22
        case .nearDuplicate: return 23
        }
    }

    /// Every rule id, in catalogue order.
    public static var ids: [String] { allCases.map(\.rawValue) }
}

/// One problem found by `desk check`.
public struct Finding: Sendable, Equatable {
    /// The input file as named by the user, or the policy file / `<builtin policy>`.
    public var file: String
    /// 1-based line; nil when the finding is not tied to a line (policy-review).
    public var line: Int?
    /// 1-based column in characters, when the finding points into the line.
    public var column: Int?
    /// The ticket's id, when known.
    public var ticket: String?
    public var rule: CheckRule
    public var message: String

    public init(file: String, line: Int?, column: Int? = nil, ticket: String?, rule: CheckRule, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.ticket = ticket
        self.rule = rule
        self.message = message
    }

    /// The finding's severity (its rule's).
    public var severity: Severity { rule.severity }
}
