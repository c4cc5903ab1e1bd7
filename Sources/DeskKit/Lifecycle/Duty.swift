// A duty: something the desk owes a ticket by a due instant (an SLA target, an escalation step,
// a promise to the requester, a call-back, an update), with where it stands. `Lifecycle`
// derives every duty of a ticket from its facts; `queue` lists the open ones, `check` reports
// the missed ones, each kind under its own rule.

/// One duty of a ticket.
public struct Duty: Sendable, Equatable {
    /// What is owed. Raw values are the names `queue` prints and `check` rules follow.
    public enum Kind: String, CaseIterable, Sendable {
        case firstResponse = "first_response"
        case workaround
        case resolution
        /// The current tier's escalation time limit.
        case escalation
        /// The receiver's acknowledgement of the latest escalation.
        case acknowledgement
        /// The ETA the receiving tier gave when it acknowledged.
        case escalationETA = "escalation_eta"
        /// A reply time agreed with the requester (`reply --promise`).
        case promise
        /// The expected resolution time given to the requester (`reply --eta`).
        case eta
        /// Calling back a missed or dropped call.
        case callback
        /// An update before the business day ends.
        case endOfDay = "end_of_day_update"
        /// The next progress update.
        case progress
        /// Confirming (or reopening) after the observation period.
        case observation
        /// Inviting the requester to the survey.
        case survey
        /// Following up a dissatisfied survey answer.
        case surveyFollowUp = "survey_follow_up"
    }

    /// Where a duty stands at `now`.
    public enum State: String, Sendable, Equatable {
        /// Not yet done, not yet due.
        case pending
        /// Not yet done, past due.
        case overdue
        /// Done in time.
        case met
        /// Done late, or never done before the ticket moved on.
        case missed
    }

    public var kind: Kind
    /// When it is (or was) due; nil for a clock paused while the ticket waits on the customer.
    public var due: Instant?
    public var state: State
    /// When it was done (or missed for good).
    public var doneAt: Instant?
    /// The rule and policy value behind the due time, for `queue --explain` and `check`.
    public var explain: String

    public init(_ kind: Kind, due: Instant?, state: State, doneAt: Instant? = nil, explain: String) {
        self.kind = kind
        self.due = due
        self.state = state
        self.doneAt = doneAt
        self.explain = explain
    }

    /// Pending or overdue.
    public var isOpen: Bool { state == .pending || state == .overdue }
    /// Overdue or missed.
    public var isLapsed: Bool { state == .overdue || state == .missed }
}
