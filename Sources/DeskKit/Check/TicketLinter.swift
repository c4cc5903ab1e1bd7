// The per-ticket rules of `desk check`: field types, required facts, wording, SLA breaches,
// escalations, surveys and observation, each judged against the policy at a fixed `now`.
// Line-level rules (invalid JSON, invalid record, duplicate ids) and the policy-review rule
// live in CheckCommand, which owns the stream. Messages never quote requester contact data:
// type errors name the field, not its value, and every message is scrubbed of the ticket's
// requester e-mail, phone, account and contact before it leaves (see `scrub`).

#if canImport(Glibc)
import Glibc
#endif

/// Lints decoded tickets against the schema and the policy.
public struct TicketLinter: Sendable {
    /// A finding of one ticket, before the command adds file and line.
    public struct Problem: Sendable, Equatable {
        public var rule: CheckRule
        public var column: Int?
        public var message: String
    }

    public let policy: Policy
    public let now: Instant
    let enabled: Set<CheckRule>
    /// `enabled` by rule ordinal, and whether any timeline rule is on (asked for every ticket).
    let on: [Bool]
    let needsTimeline: Bool
    let lint: PhraseLint
    let lifecycle: Lifecycle
    /// The policy's required hand-off fields as bytes (CheckLine).
    let handoffBytes: [[UInt8]]

    /// Statuses after a resolution: the work is done (or being observed).
    static let resolvedStatuses: Set<Status> = [.resolved, .closed, .observing]

    /// A linter of tickets under `policy` at `now`, for `rules`; public replies in history are
    /// read with `replyModel` too when one is given (ReplyModel.load), as `reply` reads them.
    public init(policy: Policy, now: Instant, rules: Set<CheckRule> = Set(CheckRule.allCases), replyModel: ReplyModel?) {
        self.policy = policy
        self.now = now
        self.enabled = rules
        var on = [Bool](repeating: false, count: CheckRule.allCases.count)
        for r in rules { on[r.ordinal] = true }
        self.on = on
        self.needsTimeline = !rules.isDisjoint(with: TicketLinter.timelineRules)
        self.lint = PhraseLint(policy: policy, replyModel: replyModel)
        self.lifecycle = Lifecycle(policy: policy, tabledAround: now)
        self.handoffBytes = TicketLinter.handoffBytes(policy)
    }

    /// Every problem of one ticket, in rule order.
    public func check(_ t: Ticket) -> [Problem] {
        var memo = ReviewMemo(limit: 0)
        return check(t, memo: &memo)
    }

    /// Every problem of one ticket, in rule order, with the wording reviews of resolution
    /// texts already read in this run taken from `memo`. A ticket as read from its line is
    /// checked from its bytes (Check/CheckLine.swift); `checkExact` is the exact twin over
    /// parsed members, which a test holds equal to it.
    public func check(_ t: Ticket, memo: inout ReviewMemo) -> [Problem] {
        let source = t.source
        return source.withUnsafeBytes { b in
            guard let line = CheckLine(t, b) else { return checkExact(t, memo: &memo) }
            return checkLine(t, b, line, memo: &memo)
        }
    }

    /// `check` over the members parsed into JSON values: the exact twin of the byte reading.
    func checkExact(_ t: Ticket, memo: inout ReviewMemo) -> [Problem] {
        var out: [Problem] = []
        // The members several rules read, parsed once (by the field checks when they run).
        var parsed = ParsedMembers()
        if on[CheckRule.invalidField.ordinal] { fieldTypes(t, &out, &parsed) } else { parsed = ParsedMembers(t) }
        let history = parsed.history?.arrayValue?.compactMap(\.objectValue) ?? []
        let escalations = parsed.escalations?.arrayValue?.compactMap(\.objectValue) ?? []
        // The lifecycle's timeline, replayed once for every time rule.
        // History and escalations were parsed above (every member once); they are not parsed again.
        let facts = needsTimeline ? lifecycle.facts(t, history: history, escalations: escalations) : nil
        let schedule = facts.map { lifecycle.schedule($0, now: now) }
        // The cadence duties of a resolved ticket are history (see below): not worked out.
        let worked = !TicketLinter.isResolved(t.status)
        let duties = facts.flatMap { f in schedule.map { lifecycle.duties(f, schedule: $0, now: now, cadence: worked, explainLapsedOnly: true) } } ?? []
        if on[CheckRule.missingFact.ordinal] { missingFacts(t, &out) }
        if on[CheckRule.needsInfoOpen.ordinal], let schedule { needsInfo(t, schedule, &out) }
        if on[CheckRule.tabooReply.ordinal] { taboo(history, &out) }
        if on[CheckRule.vagueResolution.ordinal] { vagueResolution(t, parsed.resolution, &memo, &out) }
        if on[CheckRule.breachNotEscalated.ordinal], let schedule {
            let escalated = !escalations.isEmpty || history.contains(where: { $0["event"]?.stringValue == "escalated" })
            breaches(t, schedule, escalated: escalated, &out)
        }
        if on[CheckRule.incompleteHandoff.ordinal] { handoffs(escalations, &out) }
        dutyProblems(duties, t, escalations: { escalations }, &out)
        return TicketLinter.scrub(out, requester: parsed.requester)
    }

    /// The findings of the lapsed duties, in duty order, then the cadence summaries.
    /// `escalations`: the object elements of `escalations`, asked only for an acknowledgement.
    func dutyProblems(_ duties: [Duty], _ t: Ticket, escalations: () -> [JSONObject], _ out: inout [Problem]) {
        // Cadence duties (end-of-day and progress updates) are judged while the ticket is worked
        // on, one finding per rule summing up its lapses: once resolved, they are history.
        // Only how many lapsed and the last one are reported: counted, not gathered.
        var endOfDay: (count: Int, last: Duty?) = (0, nil)
        var progress: (count: Int, last: Duty?) = (0, nil)
        for i in duties.indices where duties[i].isLapsed {
            guard let rule = TicketLinter.rule(for: duties[i]), on[rule.ordinal] else { continue }
            if duties[i].kind == .endOfDay || duties[i].kind == .progress {
                if !TicketLinter.isResolved(t.status) {
                    if rule == .endOfDayUpdate { endOfDay.count += 1 } else { progress.count += 1 }
                }
                continue
            }
            let d = duties[i]
            out.append(Problem(rule: rule, message: TicketLinter.message(d, t, d.kind == .acknowledgement ? escalations() : [])))
        }
        // The last of each, found from the end.
        if endOfDay.count > 0 { endOfDay.last = duties.last { $0.isLapsed && $0.kind == .endOfDay } }
        if progress.count > 0 { progress.last = duties.last { $0.isLapsed && $0.kind == .progress } }
        for rule in [CheckRule.endOfDayUpdate, .progressOverdue] {
            let list = rule == .endOfDayUpdate ? endOfDay : progress
            guard let last = list.last else { continue }
            let what = rule == .endOfDayUpdate ? "end-of-day update" : "progress update"
            var m = list.count == 1 ? "\(what) due \(last.due?.rfc3339 ?? "?")" : "\(list.count) \(what)s missed, the last due \(last.due?.rfc3339 ?? "?")"
            m += last.state == .overdue ? " is overdue" : list.count == 1 ? " was missed" : ""
            out.append(Problem(rule: rule, message: m + " (\(last.explain))"))
        }
    }

    /// `resolvedStatuses.contains(s)` as a switch (Status hashes its raw String).
    static func isResolved(_ s: Status) -> Bool {
        switch s {
        case .resolved, .closed, .observing: return true
        default: return false
        }
    }

    /// Top-level members read by several rules, each parsed once; nil when absent or null.
    struct ParsedMembers {
        var history: JSONValue?
        var escalations: JSONValue?
        var resolution: JSONValue?
        var requester: JSONValue?

        init() {}

        /// The members parsed from `t` (when the field checks did not read them).
        init(_ t: Ticket) {
            history = t.value("history")
            escalations = t.value("escalations")
            resolution = t.value("resolution")
            requester = t.value("requester")
        }

        mutating func note(_ key: String, _ value: JSONValue) {
            switch key {
            case "history": history = value
            case "escalations": escalations = value
            case "resolution": resolution = value
            case "requester": requester = value
            default: break
            }
        }
    }

    /// Rules judged on the lifecycle's timeline.
    static let timelineRules: Set<CheckRule> = [
        .needsInfoOpen, .breachNotEscalated, .unacknowledgedEscalation, .notSurveyed, .observationUnconfirmed,
        .escalationETAPassed, .promiseBroken, .etaOverdue, .callbackMissed, .endOfDayUpdate, .progressOverdue, .surveyFollowUp,
    ]

    /// The rule a lapsed duty is reported under; nil for the SLA targets and time limits
    /// (breach-not-escalated reports those) and for a late acknowledgement (only one still
    /// missing is `unacknowledged`).
    static func rule(for d: Duty) -> CheckRule? {
        switch d.kind {
        case .firstResponse, .workaround, .resolution, .escalation: return nil
        case .acknowledgement: return d.state == .overdue ? .unacknowledgedEscalation : nil
        case .escalationETA: return .escalationETAPassed
        case .promise: return .promiseBroken
        case .eta: return .etaOverdue
        case .callback: return .callbackMissed
        case .endOfDay: return .endOfDayUpdate
        case .progress: return .progressOverdue
        case .observation: return .observationUnconfirmed
        case .survey: return .notSurveyed
        case .surveyFollowUp: return .surveyFollowUp
        }
    }

    /// The finding's text for a lapsed duty.
    static func message(_ d: Duty, _ t: Ticket, _ escalations: [JSONObject]) -> String {
        let due = d.due?.rfc3339 ?? "?"
        switch d.kind {
        case .acknowledgement:
            let e = escalations.last
            return "escalated to \(e?["to"]?.stringValue ?? "?") at \(e?["at"]?.stringValue ?? "?") but never acknowledged (expected by \(due)); "
                + "the receiver should confirm with an ETA"
        case .observation:
            return "observation ended \(due) but the fix was never confirmed; confirm it or reopen"
        case .survey:
            return "resolved and never invited to the survey (due \(due): \(d.explain)); invite it or record why it was skipped"
        default:
            let what = TicketLinter.words(d.kind)
            if d.state == .overdue { return "\(what) due \(due) is overdue (\(d.explain))" }
            if let done = d.doneAt, d.kind != .endOfDay { return "\(what) due \(due) was missed: done \(done.rfc3339) (\(d.explain))" }
            return "\(what) due \(due) was missed (\(d.explain))"
        }
    }

    /// A duty kind's name with spaces for underscores, as messages say it (a switch:
    /// `replacing` cost as much as the rest of the message; a test holds the two equal).
    static func words(_ k: Duty.Kind) -> String {
        switch k {
        case .firstResponse: return "first response"
        case .workaround: return "workaround"
        case .resolution: return "resolution"
        case .escalation: return "escalation"
        case .acknowledgement: return "acknowledgement"
        case .escalationETA: return "escalation eta"
        case .promise: return "promise"
        case .eta: return "eta"
        case .callback: return "callback"
        case .endOfDay: return "end of day update"
        case .progress: return "progress"
        case .observation: return "observation"
        case .survey: return "survey"
        case .surveyFollowUp: return "survey follow up"
        }
    }

    // MARK: invalid-field

    func fieldTypes(_ t: Ticket, _ out: inout [Problem], _ parsed: inout ParsedMembers) {
        var v = FieldValidator(scale: policy.survey.scaleMin...max(policy.survey.scaleMin, policy.survey.scaleMax))
        let source = t.source
        // Member by member, not `t.value(key)` per key: that looked each key up from the start,
        // quadratic in the number of members (200k members took over a minute).
        for m in t.members {
            let key = m.key
            // A member read from the line whose first byte settles it is not parsed: null, the
            // fields the decoder checked, unknown keys, and a string where a string is wanted
            // (the line was validated, so the first byte gives the value's kind).
            if case .raw(let r) = m.stored, r.lowerBound < source.count,
                FieldValidator.settled(key, firstByte: source[r.lowerBound])
            {
                continue
            }
            let value = t.value(at: m)
            guard !value.isNull else { continue }
            parsed.note(key, value)
            let before = v.problems.count
            v.topLevel(key, value)
            if v.problems.count > before {
                let col = column(of: key, in: t)
                for p in v.problems[before...] { out.append(Problem(rule: .invalidField, column: col, message: p)) }
            }
        }
    }

    /// The column of a top-level member's value, when it was read from the line.
    func column(of key: String, in t: Ticket) -> Int? {
        guard let m = t.members.first(where: { $0.key == key }), case .raw(let r) = m.stored else { return nil }
        return t.source.withUnsafeBytes { lineAndColumn(of: r.lowerBound, in: $0).column }
    }

    // MARK: missing-fact

    func missingFacts(_ t: Ticket, _ out: inout [Problem]) {
        // SPEC §2 `open`: a channel and a title or description are required (a missing channel
        // is caught before decoding, in CheckCommand).
        let title = t.string("title")?.trimmed ?? ""
        let description = t.string("description")?.trimmed ?? ""
        if title.isEmpty && description.isEmpty {
            out.append(Problem(rule: .missingFact, message: "no title or description: nobody can tell what the request is"))
        }
    }

    // MARK: needs-info-open

    func needsInfo(_ t: Ticket, _ schedule: Schedule, _ out: inout [Problem]) {
        // Only tickets someone is working on: a waiting ticket has asked and awaits the answer,
        // and after a resolution the open questions no longer matter.
        guard t.status == .open || t.status == .inProgress || t.status == .escalated else { return }
        let facts = t.array("needs_info").compactMap(\.stringValue)
        guard !facts.isEmpty, let due = schedule.due(.firstResponse), now > due else { return }
        out.append(
            Problem(
                rule: .needsInfoOpen,
                message: "needs_info still lists \(facts.joined(separator: ", ")) past the first-response due \(due.rfc3339); "
                    + "ask the requester for them or drop those no longer needed"))
    }

    // MARK: taboo-reply

    func taboo(_ history: [JSONObject], _ out: inout [Problem]) {
        for e in history where e["event"]?.stringValue == "replied" {
            guard let text = e["text"]?.stringValue else { continue }
            let found = lint.review(reply: text)
            guard !found.isEmpty else { continue }
            let at = e["at"]?.stringValue ?? "?"
            out.append(Problem(rule: .tabooReply, message: "reply at \(at): " + found.map(\.message).joined(separator: "; ")))
        }
    }

    // MARK: vague-resolution

    func vagueResolution(_ t: Ticket, _ resolution: JSONValue?, _ memo: inout ReviewMemo, _ out: inout [Problem]) {
        guard TicketLinter.isResolved(t.status) else { return }
        guard let r = resolution?.objectValue else {
            out.append(Problem(rule: .vagueResolution, message: "status \(t.status.rawValue) but no resolution recorded (cause, solution, result)"))
            return
        }
        reviewResolution(CheckLine.textFields.map { r[$0]?.stringValue }, &memo, &out)
    }

    /// The resolution's fields (cause, solution, result, in `CheckLine.textFields` order; nil
    /// where missing) reviewed one by one and against each other: what both ways of reading a
    /// ticket (its parsed members, its line's bytes) report.
    func reviewResolution(_ texts: [String?], _ memo: inout ReviewMemo, _ out: inout [Problem]) {
        var missing: [String] = []
        var keys: [(field: String, key: String)] = []
        for (field, text) in zip(CheckLine.textFields, texts) {
            guard let text else {
                missing.append(field)
                continue
            }
            let reviewed = memo.reviewKeyed(field, text, lint)
            keys.append((field: field, key: reviewed.key))
            for why in reviewed.findings {
                out.append(Problem(rule: .vagueResolution, message: "resolution \(field): \(why.message)"))
            }
        }
        for why in PhraseLint.repeatedFields(keys: keys) {
            out.append(Problem(rule: .vagueResolution, message: "resolution \(why.field): \(why.message)"))
        }
        if !missing.isEmpty {
            out.append(Problem(rule: .vagueResolution, message: "resolution has no \(missing.joined(separator: ", "))"))
        }
    }

    // MARK: breach-not-escalated

    /// `escalated`: the ticket has an escalation (an object in `escalations`, or an
    /// `escalated` history event).
    func breaches(_ t: Ticket, _ schedule: Schedule, escalated: Bool, _ out: inout [Problem]) {
        // A ticket enters its SLA when classify stamps it (the `sla` object).
        guard t.has("sla") else { return }
        if escalated { return }
        // The lifecycle's breaches at --now: the record's sla.breaches is a copy of them as of
        // its last write, so it is not read here.
        var found: [String] = []
        for target in SLATarget.allCases {
            let c = schedule.targets[target]
            guard c.state == .breached, let due = schedule.due(target) else { continue }
            if let at = c.stoppedAt {
                found.append("\(target.rawValue) (due \(due.rfc3339), at \(at.rfc3339))")
            } else {
                found.append("\(target.rawValue) (due \(due.rfc3339), \(target == .firstResponse ? "no reply yet" : "still \(t.status.rawValue)"))")
            }
        }
        for st in schedule.stints where st.state == .breached {
            found.append("escalation time limit of \(st.tier.rawValue) (due \(st.due?.rfc3339 ?? "?"), \(st.stop.map { "left it \($0.rfc3339)" } ?? "still there"))")
        }
        guard !found.isEmpty else { return }
        out.append(
            Problem(
                rule: .breachNotEscalated,
                message: "SLA breached without escalation: \(found.joined(separator: "; "))"))
    }

    // MARK: incomplete-handoff

    func handoffs(_ escalations: [JSONObject], _ out: inout [Problem]) {
        let required = policy.escalation.handoffRequired
        guard !required.isEmpty else { return }
        for e in escalations {
            let h = e["handoff"]?.objectValue
            let missing = required.filter { (h?[$0]?.stringValue?.trimmed ?? "").isEmpty }
            guard !missing.isEmpty else { continue }
            let step = "\(e["from"]?.stringValue ?? "?") -> \(e["to"]?.stringValue ?? "?") at \(e["at"]?.stringValue ?? "?")"
            out.append(
                Problem(
                    rule: .incompleteHandoff,
                    message: "escalation \(step) hand-off lacks \(missing.joined(separator: ", "))"))
        }
    }

    // MARK: contact data

    /// Masks the ticket's requester contact values wherever a message quotes them (a reply or
    /// resolution text may carry an address), so findings can be posted in CI logs.
    /// False only when `text` cannot contain `secret`: an ASCII secret whose bytes do not
    /// occur in the text, which holds none of the three characters canonically equal to an
    /// ASCII one (KELVIN SIGN, GREEK QUESTION MARK, GREEK VARIA). `String.contains` compares
    /// characters and its searcher is slow; most findings mention no contact at all.
    static func mayContain(_ text: String, _ secret: String) -> Bool { mayContain(text, Array(secret.utf8)) }

    /// `mayContain` with the secret's UTF-8 bytes given (split once per ticket), reading the
    /// text's bytes in place.
    static func mayContain(_ text: String, _ n: [UInt8]) -> Bool {
        guard !n.isEmpty, n.allSatisfy({ $0 < 0x80 }) else { return true }
        var text = text
        return text.withUTF8 { h -> Bool in
            guard let base = h.baseAddress else { return false }
            /// Whether `bytes` occur anywhere in the text (memchr finds candidates for the first).
            func occurs(_ bytes: [UInt8]) -> Bool {
                var p = 0
                while p + bytes.count <= h.count, let hit = memchr(base + p, Int32(bytes[0]), h.count - p) {
                    let i = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                    if i + bytes.count <= h.count {
                        var k = 1
                        while k < bytes.count && h[i + k] == bytes[k] { k += 1 }
                        if k == bytes.count { return true }
                    }
                    p = i + 1
                }
                return false
            }
            return occurs(n) || occurs(kelvin) || occurs(greekQuestionMark) || occurs(greekVaria)
        }
    }

    // The three characters canonically equal to an ASCII one, as UTF-8.
    static let kelvin: [UInt8] = [0xE2, 0x84, 0xAA]
    static let greekQuestionMark: [UInt8] = [0xCD, 0xBE]
    static let greekVaria: [UInt8] = [0xE1, 0xBF, 0xAF]

    static func scrub(_ problems: [Problem], of t: Ticket) -> [Problem] {
        scrub(problems, requester: t.value("requester"))
    }

    static func scrub(_ problems: [Problem], requester: JSONValue?) -> [Problem] {
        guard !problems.isEmpty, let r = requester?.objectValue else { return problems }
        return scrub(problems, secrets: contactKeys.compactMap { r[$0]?.stringValue })
    }

    /// The requester members whose values are masked, in the order they are masked.
    static let contactKeys = ["email", "phone", "account", "contact"]

    /// `problems` with each of `values` (the requester's contact values, in `contactKeys`
    /// order) of three characters or more masked.
    static func scrub(_ problems: [Problem], secrets values: [String]) -> [Problem] {
        let secrets = values.filter { atLeastThreeCharacters($0) }.map { ($0, Array($0.utf8)) }
        guard !secrets.isEmpty else { return problems }
        // In place: most messages quote no contact, and the list is then not copied.
        var out = problems
        for i in out.indices {
            for (s, bytes) in secrets where TicketLinter.mayContain(out[i].message, bytes) && out[i].message.contains(s) {
                out[i].message = out[i].message.replacing(s, with: "***")
            }
        }
        return out
    }

    /// `s.count >= 3` without counting characters when the bytes settle it: fewer than three
    /// bytes are fewer than three characters; ASCII without CR (CR LF is one character) is
    /// one character a byte.
    static func atLeastThreeCharacters(_ s: String) -> Bool {
        let n = s.utf8.count
        if n < 3 { return false }
        if s.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return true }
        return s.count >= 3
    }
}

/// Type checks of the record's known fields (SPEC §3). Problems name the field's path and
/// what was expected; they quote a value only for closed vocabularies and times, never for
/// free text, so no contact data can leak through them.
struct FieldValidator {
    var problems: [String] = []
    let scale: ClosedRange<Int>

    init(scale: ClosedRange<Int>) { self.scale = scale }

    static let breachTargets = ["first_response", "workaround", "resolution", "escalation"]

    /// Whether a member whose value starts with `b` needs no parsing for `topLevel` (and for
    /// the rules reading parsed members): null (skipped), the fields the decoder checked, keys
    /// `topLevel` does not check, and a string for a string field. Must agree with `topLevel`.
    static func settled(_ key: String, firstByte b: UInt8) -> Bool {
        if b == UInt8(ascii: "n") { return true }
        switch key {
        case "id", "opened_at", "channel", "status": return true
        case "owner", "assignee", "title", "description", "frequency", "steps_tried", "category": return b == UInt8(ascii: "\"")
        case "attachments": return b == UInt8(ascii: "[")
        case "classification": return b == UInt8(ascii: "{")
        case "answered", "tier", "priority", "impact", "urgency", "occurred_at", "first_response_at", "requester",
            "environment", "tags", "needs_info", "sla", "escalation_requested", "escalations", "resolution", "reopened",
            "survey", "history":
            return false
        default: return true
        }
    }

    mutating func topLevel(_ key: String, _ v: JSONValue) {
        switch key {
        case "id", "opened_at", "channel", "status":
            break  // checked by the decoder
        case "answered":
            bool(v, key)
        case "owner", "assignee", "title", "description", "frequency", "steps_tried", "category":
            string(v, key)
        case "tier":
            choice(v, key, Tier.names)
        case "priority", "impact", "urgency":
            choice(v, key, Priority.names)
        case "occurred_at", "first_response_at":
            time(v, key)
        case "requester", "environment":
            stringMembers(v, key)
        case "tags", "needs_info":
            stringArray(v, key)
        case "attachments":
            _ = array(v, key)
        case "classification":
            _ = object(v, key)
        case "sla":
            sla(v)
        case "escalation_requested":
            if case .bool = v { break }
            if let o = object(v, key) { optionalTime(o, "at", key) }
        case "escalations":
            for (i, e) in (array(v, key) ?? []).enumerated() {
                let path = "\(key)[\(i)]"
                guard let o = object(e, path) else { continue }
                optionalChoice(o, "from", path, Tier.names)
                optionalChoice(o, "to", path, Tier.names)
                requiredTime(o, "at", path)
                optionalTime(o, "ack_at", path)
                optionalTime(o, "eta", path)
                if let h = o["handoff"], !h.isNull { stringMembers(h, path + ".handoff") }
            }
        case "resolution":
            guard let o = object(v, key) else { return }
            for f in ["cause", "solution", "result", "by"] { optionalString(o, f, key) }
            for f in ["at", "observe_until", "confirmed_at"] { optionalTime(o, f, key) }
        case "reopened":
            for (i, e) in (array(v, key) ?? []).enumerated() {
                if let o = object(e, "\(key)[\(i)]") { requiredTime(o, "at", "\(key)[\(i)]") }
            }
        case "survey":
            guard let o = object(v, key) else { return }
            for f in ["invited_at", "responded_at"] { optionalTime(o, f, key) }
            for f in ["token", "link", "comment"] { optionalString(o, f, key) }
            for f in Policy.SurveyDimension.allCases.map(\.rawValue) {
                guard let s = o[f], !s.isNull else { continue }
                guard let n = s.intValue, scale.contains(n) else {
                    problems.append("field '\(key).\(f)' must be an integer from \(scale.lowerBound) to \(scale.upperBound)")
                    continue
                }
            }
        case "history":
            for (i, e) in (array(v, key) ?? []).enumerated() {
                let path = "\(key)[\(i)]"
                guard let o = object(e, path) else { continue }
                requiredTime(o, "at", path)
                if !(o["event"].map { if case .string(let s) = $0 { return !s.isEmpty } else { return false } } ?? false) {
                    problems.append("field '\(path).event' must be a non-empty string")
                }
            }
        default:
            break  // unknown keys are the user's own
        }
    }

    mutating func sla(_ v: JSONValue) {
        guard let o = object(v, "sla") else { return }
        optionalString(o, "policy", "sla")
        for f in ["first_response_due", "workaround_due", "resolution_due"] { optionalTime(o, f, "sla") }
        if let p = o["paused_seconds"], !p.isNull, (p.intValue ?? -1) < 0 {
            problems.append("field 'sla.paused_seconds' must be a non-negative integer")
        }
        if let b = o["breaches"], !b.isNull {
            for (i, e) in (array(b, "sla.breaches") ?? []).enumerated() {
                let path = "sla.breaches[\(i)]"
                guard let bo = object(e, path) else { continue }
                optionalChoice(bo, "target", path, FieldValidator.breachTargets)
                optionalTime(bo, "due", path)
                optionalTime(bo, "at", path)
            }
        }
        if let m = o["met"], !m.isNull, let mo = object(m, "sla.met") {
            for member in mo.members where member.value.boolValue == nil && !member.value.isNull {
                problems.append("field 'sla.met.\(member.key)' must be true or false")
            }
        }
    }

    // MARK: primitives

    mutating func bool(_ v: JSONValue, _ path: String) {
        if v.boolValue == nil { problems.append("field '\(path)' must be true or false, not \(article(v))") }
    }

    mutating func string(_ v: JSONValue, _ path: String) {
        if v.stringValue == nil { problems.append("field '\(path)' must be a string, not \(article(v))") }
    }

    mutating func choice(_ v: JSONValue, _ path: String, _ names: [String]) {
        if let s = v.stringValue, names.contains(s) { return }
        let got = v.stringValue.map { "'\($0)'" } ?? article(v)
        problems.append("field '\(path)' must be one of \(names.joined(separator: ", ")), not \(got)")
    }

    mutating func time(_ v: JSONValue, _ path: String) {
        if let s = v.stringValue, Instant(rfc3339: s) != nil { return }
        let got = v.stringValue.map { "'\($0)'" } ?? article(v)
        problems.append("field '\(path)' must be an RFC 3339 time, not \(got)")
    }

    mutating func object(_ v: JSONValue, _ path: String) -> JSONObject? {
        if let o = v.objectValue { return o }
        problems.append("field '\(path)' must be an object, not \(article(v))")
        return nil
    }

    mutating func array(_ v: JSONValue, _ path: String) -> [JSONValue]? {
        if let a = v.arrayValue { return a }
        problems.append("field '\(path)' must be an array, not \(article(v))")
        return nil
    }

    mutating func stringArray(_ v: JSONValue, _ path: String) {
        guard let a = array(v, path) else { return }
        if let i = a.firstIndex(where: { $0.stringValue == nil }) {
            problems.append("field '\(path)[\(i)]' must be a string, not \(article(a[i]))")
        }
    }

    /// An object whose members, when set, are strings (requester, environment, handoff).
    mutating func stringMembers(_ v: JSONValue, _ path: String) {
        guard let o = object(v, path) else { return }
        for m in o.members where m.value.stringValue == nil && !m.value.isNull {
            problems.append("field '\(path).\(m.key)' must be a string, not \(article(m.value))")
        }
    }

    mutating func optionalString(_ o: JSONObject, _ key: String, _ path: String) {
        if let v = o[key], !v.isNull { string(v, path + "." + key) }
    }

    mutating func optionalChoice(_ o: JSONObject, _ key: String, _ path: String, _ names: [String]) {
        if let v = o[key], !v.isNull { choice(v, path + "." + key, names) }
    }

    mutating func optionalTime(_ o: JSONObject, _ key: String, _ path: String) {
        if let v = o[key], !v.isNull { time(v, path + "." + key) }
    }

    mutating func requiredTime(_ o: JSONObject, _ key: String, _ path: String) {
        if let v = o[key], !v.isNull {
            time(v, path + "." + key)
        } else {
            problems.append("field '\(path).\(key)' is missing; it must be an RFC 3339 time")
        }
    }

    /// "a number", "an object": what was found instead, without its value.
    func article(_ v: JSONValue) -> String {
        let k = v.kindName
        return (k.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + k
    }
}

/// The phrase lint's reviews of resolution texts already read in one run, by field and exact
/// text (compared byte for byte, not by String's canonical equivalence: a review quotes what
/// was typed). A review depends only on the policy, the field and the text, so a remembered one
/// is the one that would be computed. Real desks repeat resolution texts (templates, macros,
/// "fixed"), so most reviews are found here; the memo holds at most `limit` texts, after which
/// new texts are reviewed without being kept, so its memory stays bounded (docs/CHECK.md).
public struct ReviewMemo: Sendable {
    /// Texts kept at most (over the three fields).
    public let limit: Int
    private var byField: [String: [ExactText: (findings: [PhraseLint.Finding], key: String)]] = [:]
    private var count = 0

    /// Texts kept so far.
    var kept: Int { count }

    /// A memo keeping at most `limit` texts (0: none).
    public init(limit: Int = 4096) { self.limit = limit }

    /// `lint.review(field: field, text)`, remembered.
    mutating func review(_ field: String, _ text: String, _ lint: PhraseLint) -> [PhraseLint.Finding] {
        reviewKeyed(field, text, lint).findings
    }

    /// `lint.reviewKeyed(field: field, text)`, remembered: the findings and the text's key form.
    mutating func reviewKeyed(_ field: String, _ text: String, _ lint: PhraseLint) -> (findings: [PhraseLint.Finding], key: String) {
        guard limit > 0 else { return lint.reviewKeyed(field: field, text) }
        let key = ExactText(text)
        if let found = byField[field]?[key] { return found }
        let found = lint.reviewKeyed(field: field, text)
        if count < limit {
            byField[field, default: [:]][key] = found
            count += 1
        }
        return found
    }
}
