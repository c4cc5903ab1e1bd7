// `desk check` reading a ticket from its line's bytes: the field types, the lifecycle's facts
// and the members the rules read, taken from the ranges the decoder kept, without parsing
// history, escalations or the resolution into JSON values (that was a third of check's time).
// The byte readers only ever answer what the exact reading (TicketLinter.checkExact, over
// parsed members) would: a field's type check says "valid" only when it is sure, else that
// member goes through the exact check; anything unusual (an escaped key, a member set since
// reading) sends the whole ticket the exact way. CheckLineTests hold both equal.
#if canImport(Glibc)
import Glibc
#endif

/// The ranges, in a ticket's line, of the members check reads.
struct CheckLine {
    var title, description, requester, needsInfo, resolution, escalations, history: Range<Int>?
    /// Whether an `sla` member is present (even null: `Ticket.has`).
    var hasSLA = false
    /// What the lifecycle reads (LifecycleFacts(line:…)).
    var lifecycle = LifecycleMembers()

    /// The ranges of `t`'s members in `b` (its source); nil when a member was set since the
    /// line was read or a key is written with escapes (the exact reading then).
    init?(_ t: Ticket, _ b: UnsafeRawBufferPointer) {
        guard let base = b.baseAddress else { return nil }
        for m in t.members {
            guard case .raw(let r) = m.stored, let k = m.keyRange, k.count >= 2, r.upperBound <= b.count else { return nil }
            let inner = UnsafeRawBufferPointer(start: base + k.lowerBound + 1, count: k.count - 2)
            if memchr(base + k.lowerBound, 0x5C, k.count) != nil { return nil }
            let known = TicketField.match(inner)
            lifecycle.note(b, MemberSpan(keyRange: k, keyEscaped: false, valueRange: r), known)
            switch known?.field {
            case .title: title = r
            case .description: description = r
            case .requester: requester = r
            case .needsInfo: needsInfo = r
            case .resolution: resolution = r
            case .escalations: escalations = r
            case .history: history = r
            case .sla: hasSLA = true
            default: break
            }
        }
    }

    /// Whether the value at `r` is a string that is not blank once trimmed (`String.trimmed`):
    /// in a string without escapes, a printable ASCII character settles it; otherwise the
    /// string is decoded and trimmed.
    static func nonBlank(_ b: UnsafeRawBufferPointer, _ r: Range<Int>?) -> Bool {
        guard let r, let (inner, escaped) = RawJSON.body(b, r) else { return false }
        if !escaped {
            for c in inner where c > 0x20 && c < 0x7F { return true }
        }
        return !(RawJSON.string(b, r)?.trimmed ?? "").isEmpty
    }

    /// Calls `visit` with each member of the object at `r` whose key is one of `names` (by
    /// index in `names`), every occurrence; the caller keeps the first, as `JSONObject` reads.
    @inline(__always)
    static func members(_ b: UnsafeRawBufferPointer, _ r: Range<Int>, _ names: [StaticString], _ visit: (Int, Range<Int>) -> Void) {
        RawJSON.forEachMember(b, r) { e in
            for (i, n) in names.enumerated() where RawJSON.keyIs(b, e, n) {
                visit(i, e.valueRange)
                return
            }
        }
    }

    /// Up to eight members' value ranges, on the stack.
    typealias Firsts = InlineArray<8, Range<Int>?>

    /// The first member of each name in the object at `r`, at its index in `names` (nil:
    /// absent); at most eight names.
    static func first(_ b: UnsafeRawBufferPointer, _ r: Range<Int>, _ names: [StaticString]) -> Firsts {
        var out = Firsts(repeating: nil)
        members(b, r, names) { i, v in if out[i] == nil { out[i] = v } }
        return out
    }

    // The names each reader looks up (static: no array built per call).
    static let atKey: [StaticString] = ["at"]
    static let eventKey: [StaticString] = ["event"]
    static let resolutionKeys: [StaticString] = ["cause", "solution", "result", "by", "at", "observe_until", "confirmed_at"]
    static let escalationKeys: [StaticString] = ["from", "to", "at", "ack_at", "eta", "handoff"]
    static let historyKeys: [StaticString] = ["at", "event"]
    static let surveyKeys: [StaticString] = ["invited_at", "responded_at", "token", "link", "comment", "efficiency", "attitude", "effectiveness"]
    static let slaKeys: [StaticString] = ["policy", "first_response_due", "workaround_due", "resolution_due", "paused_seconds", "breaches", "met"]
    static let breachKeys: [StaticString] = ["target", "due", "at"]
    static let replyKeys: [StaticString] = ["event", "text", "at"]
    static let textKeys: [StaticString] = ["cause", "solution", "result"]
    static let textFields = ["cause", "solution", "result"]
    static let handoffKeys: [StaticString] = ["handoff", "from", "to", "at"]
    static let contactKeys: [StaticString] = ["email", "phone", "account", "contact"]
    static let textNeedle = [LifecycleLine.Needle("text")]
    static let escalatedNeedle = [LifecycleLine.Needle("escalated")]

    /// Whether the value at `r` is an object.
    @inline(__always) static func isObject(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) -> Bool {
        !r.isEmpty && b[r.lowerBound] == UInt8(ascii: "{")
    }
}

/// The field type checks (FieldValidator.topLevel) answered from bytes where they surely find
/// nothing: `valid` is true only when `topLevel` would report no problem for the member; false
/// means "not sure" and the member is checked the exact way.
enum FieldBytes {
    static let tiers: [[UInt8]] = Tier.names.map { Array($0.utf8) }
    static let priorities: [[UInt8]] = Priority.names.map { Array($0.utf8) }
    static let breachTargets: [[UInt8]] = FieldValidator.breachTargets.map { Array($0.utf8) }

    /// `topLevel(key, value)` of the member at `r` surely finds nothing.
    static func valid(_ field: TicketField, _ b: UnsafeRawBufferPointer, _ r: Range<Int>, scale: ClosedRange<Int>) -> Bool {
        guard !r.isEmpty else { return false }
        let c = b[r.lowerBound]
        switch field {
        case .id, .openedAt, .channel, .status: return true
        case .answered: return c == UInt8(ascii: "t") || c == UInt8(ascii: "f")
        case .owner, .assignee, .title, .description, .frequency, .stepsTried, .category: return c == 0x22
        case .tier: return choice(b, r, tiers)
        case .priority, .impact, .urgency: return choice(b, r, priorities)
        case .occurredAt, .firstResponseAt: return time(b, r)
        case .requester, .environment: return stringMembers(b, r)
        case .tags, .needsInfo: return stringArray(b, r)
        case .attachments: return c == UInt8(ascii: "[")
        case .classification: return c == UInt8(ascii: "{")
        case .sla: return sla(b, r)
        case .escalationRequested:
            if c == UInt8(ascii: "t") || c == UInt8(ascii: "f") { return true }
            guard CheckLine.isObject(b, r) else { return false }
            return optionalTime(b, CheckLine.first(b, r, CheckLine.atKey)[0])
        case .escalations: return escalations(b, r)
        case .resolution:
            guard CheckLine.isObject(b, r) else { return false }
            let m = CheckLine.first(b, r, CheckLine.resolutionKeys)
            return optionalString(b, m[0]) && optionalString(b, m[1]) && optionalString(b, m[2]) && optionalString(b, m[3])
                && optionalTime(b, m[4]) && optionalTime(b, m[5]) && optionalTime(b, m[6])
        case .reopened: return objects(b, r) { e in requiredTime(b, CheckLine.first(b, e, CheckLine.atKey)[0]) }
        case .survey: return survey(b, r, scale: scale)
        case .history: return history(b, r)
        }
    }

    /// A string (without escapes) spelled as one of `names`.
    static func choice(_ b: UnsafeRawBufferPointer, _ r: Range<Int>, _ names: [[UInt8]]) -> Bool {
        guard let (inner, escaped) = RawJSON.body(b, r), !escaped else { return false }
        return names.contains { $0.elementsEqual(inner) }
    }

    /// A string (without escapes) holding an RFC 3339 time.
    static func time(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) -> Bool {
        guard let (inner, escaped) = RawJSON.body(b, r), !escaped else { return false }
        return Instant.parse(inner) != nil
    }

    static func isNull(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) -> Bool { !r.isEmpty && b[r.lowerBound] == UInt8(ascii: "n") }

    static func optionalTime(_ b: UnsafeRawBufferPointer, _ r: Range<Int>?) -> Bool {
        guard let r else { return true }
        return isNull(b, r) || time(b, r)
    }

    static func requiredTime(_ b: UnsafeRawBufferPointer, _ r: Range<Int>?) -> Bool {
        guard let r else { return false }
        return time(b, r)
    }

    static func optionalString(_ b: UnsafeRawBufferPointer, _ r: Range<Int>?) -> Bool {
        guard let r else { return true }
        return isNull(b, r) || RawJSON.isString(b, r)
    }

    static func optionalChoice(_ b: UnsafeRawBufferPointer, _ r: Range<Int>?, _ names: [[UInt8]]) -> Bool {
        guard let r else { return true }
        return isNull(b, r) || choice(b, r, names)
    }

    /// An object whose every member is a string or null.
    static func stringMembers(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) -> Bool {
        guard CheckLine.isObject(b, r) else { return false }
        var ok = true
        RawJSON.forEachMember(b, r) { e in
            let v = e.valueRange
            if v.isEmpty || (b[v.lowerBound] != 0x22 && b[v.lowerBound] != UInt8(ascii: "n")) { ok = false }
        }
        return ok
    }

    /// An array whose every element is a string.
    static func stringArray(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) -> Bool {
        guard !r.isEmpty, b[r.lowerBound] == UInt8(ascii: "[") else { return false }
        var ok = true
        RawJSON.forEachElement(b, r) { e in if e.isEmpty || b[e.lowerBound] != 0x22 { ok = false } }
        return ok
    }

    /// An array whose every element is an object passing `each`.
    static func objects(_ b: UnsafeRawBufferPointer, _ r: Range<Int>, _ each: (Range<Int>) -> Bool) -> Bool {
        guard !r.isEmpty, b[r.lowerBound] == UInt8(ascii: "[") else { return false }
        var ok = true
        RawJSON.forEachElement(b, r) { e in
            if ok, !(CheckLine.isObject(b, e) && each(e)) { ok = false }
        }
        return ok
    }

    static func escalations(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) -> Bool {
        objects(b, r) { e in
            let m = CheckLine.first(b, e, CheckLine.escalationKeys)
            return optionalChoice(b, m[0], tiers) && optionalChoice(b, m[1], tiers) && requiredTime(b, m[2])
                && optionalTime(b, m[3]) && optionalTime(b, m[4])
                && (m[5].map { isNull(b, $0) || stringMembers(b, $0) } ?? true)
        }
    }

    static func history(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) -> Bool {
        objects(b, r) { e in
            let m = CheckLine.first(b, e, CheckLine.historyKeys)
            // A non-empty string: any body decodes to at least one character.
            return requiredTime(b, m[0]) && (m[1].map { RawJSON.isString(b, $0) && $0.count > 2 } ?? false)
        }
    }

    static func survey(_ b: UnsafeRawBufferPointer, _ r: Range<Int>, scale: ClosedRange<Int>) -> Bool {
        guard CheckLine.isObject(b, r) else { return false }
        let m = CheckLine.first(b, r, CheckLine.surveyKeys)
        guard optionalTime(b, m[0]), optionalTime(b, m[1]), optionalString(b, m[2]), optionalString(b, m[3]), optionalString(b, m[4])
        else { return false }
        // A score: a single digit on the scale (anything else the exact way).
        for i in 5..<8 {
            guard let s = m[i], !isNull(b, s) else { continue }
            guard s.count == 1, b[s.lowerBound] >= 0x30, b[s.lowerBound] <= 0x39 else { return false }
            if !scale.contains(Int(b[s.lowerBound] - 0x30)) { return false }
        }
        return true
    }

    static func sla(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) -> Bool {
        guard CheckLine.isObject(b, r) else { return false }
        let m = CheckLine.first(b, r, CheckLine.slaKeys)
        guard optionalString(b, m[0]), optionalTime(b, m[1]), optionalTime(b, m[2]), optionalTime(b, m[3]) else { return false }
        if let p = m[4], !isNull(b, p) {
            // Up to 18 digits: a non-negative Int.
            guard p.count <= 18, (p.lowerBound..<p.upperBound).allSatisfy({ b[$0] >= 0x30 && b[$0] <= 0x39 }) else { return false }
        }
        if let br = m[5], !isNull(b, br) {
            let ok = objects(b, br) { e in
                let x = CheckLine.first(b, e, CheckLine.breachKeys)
                return optionalChoice(b, x[0], breachTargets) && optionalTime(b, x[1]) && optionalTime(b, x[2])
            }
            guard ok else { return false }
        }
        if let met = m[6], !isNull(b, met) {
            guard CheckLine.isObject(b, met) else { return false }
            var ok = true
            RawJSON.forEachMember(b, met) { e in
                let v = e.valueRange
                if v.isEmpty || !(b[v.lowerBound] == UInt8(ascii: "t") || b[v.lowerBound] == UInt8(ascii: "f") || b[v.lowerBound] == UInt8(ascii: "n")) {
                    ok = false
                }
            }
            return ok
        }
        return true
    }
}

extension FieldValidator {
    /// `settled(key, firstByte:)` for a key already matched to a known field (nil: an unknown
    /// key, which is never checked). A test holds the two equal.
    static func settled(_ field: TicketField?, firstByte b: UInt8) -> Bool {
        guard let field else { return true }
        if b == UInt8(ascii: "n") { return true }
        switch field {
        case .id, .openedAt, .channel, .status: return true
        case .owner, .assignee, .title, .description, .frequency, .stepsTried, .category: return b == UInt8(ascii: "\"")
        case .attachments: return b == UInt8(ascii: "[")
        case .classification: return b == UInt8(ascii: "{")
        case .answered, .tier, .priority, .impact, .urgency, .occurredAt, .firstResponseAt, .requester, .environment, .tags,
            .needsInfo, .sla, .escalationRequested, .escalations, .resolution, .reopened, .survey, .history:
            return false
        }
    }
}

extension TicketLinter {
    /// `checkExact`, reading the members from the line's bytes `b` through `line`.
    func checkLine(_ t: Ticket, _ b: UnsafeRawBufferPointer, _ line: CheckLine, memo: inout ReviewMemo) -> [Problem] {
        var out: [Problem] = []
        if on[CheckRule.invalidField.ordinal] { fieldTypes(t, b, &out) }
        let facts = needsTimeline
            ? LifecycleFacts(line: b, openedAt: t.openedAt, channel: t.channel, status: t.status, members: line.lifecycle) : nil
        let schedule = facts.map { lifecycle.schedule($0, now: now) }
        let worked = !TicketLinter.isResolved(t.status)
        let duties = facts.flatMap { f in schedule.map { lifecycle.duties(f, schedule: $0, now: now, cadence: worked, explainLapsedOnly: true) } } ?? []
        if on[CheckRule.missingFact.ordinal] {
            if !CheckLine.nonBlank(b, line.title) && !CheckLine.nonBlank(b, line.description) {
                out.append(Problem(rule: .missingFact, message: "no title or description: nobody can tell what the request is"))
            }
        }
        // needs_info empty or absent lists nothing: the rule's reading is skipped.
        if on[CheckRule.needsInfoOpen.ordinal], let schedule, let r = line.needsInfo, RawJSON.isNonEmptyArray(b, r) {
            needsInfo(t, schedule, &out)
        }
        // A history whose bytes hold no `"text"` key (and no escape) has no reply text to review.
        if on[CheckRule.tabooReply.ordinal], let h = line.history, LifecycleLine.mayMention(b, h, CheckLine.textNeedle) {
            taboo(b, h, &out)
        }
        if on[CheckRule.vagueResolution.ordinal] { vagueResolution(t, b, line.resolution, &memo, &out) }
        if on[CheckRule.breachNotEscalated.ordinal], let schedule { breaches(t, schedule, escalated: escalated(b, line), &out) }
        if on[CheckRule.incompleteHandoff.ordinal], let e = line.escalations { handoffs(t, b, e, &out) }
        dutyProblems(duties, t, escalations: { t.array("escalations").compactMap(\.objectValue) }, &out)
        guard !out.isEmpty, let r = line.requester, CheckLine.isObject(b, r) else { return out }
        let found = CheckLine.first(b, r, CheckLine.contactKeys)
        var secrets: [String] = []
        for i in 0..<CheckLine.contactKeys.count { if let s = found[i].flatMap({ RawJSON.string(b, $0) }) { secrets.append(s) } }
        return TicketLinter.scrub(out, secrets: secrets)
    }

    /// `fieldTypes` over the line: each member the byte check is not sure of is parsed and
    /// checked the exact way.
    func fieldTypes(_ t: Ticket, _ b: UnsafeRawBufferPointer, _ out: inout [Problem]) {
        let scale = policy.survey.scaleMin...max(policy.survey.scaleMin, policy.survey.scaleMax)
        guard let base = b.baseAddress else { return }
        var v: FieldValidator? = nil
        for m in t.members {
            guard case .raw(let r) = m.stored, let k = m.keyRange, !r.isEmpty else { continue }
            let known = TicketField.match(UnsafeRawBufferPointer(start: base + k.lowerBound + 1, count: k.count - 2))?.field
            if FieldValidator.settled(known, firstByte: b[r.lowerBound]) { continue }
            if let known, FieldBytes.valid(known, b, r, scale: scale) { continue }
            let value = t.value(at: m)
            guard !value.isNull else { continue }
            if v == nil { v = FieldValidator(scale: scale) }
            let before = v?.problems.count ?? 0
            v?.topLevel(m.key, value)
            if let problems = v?.problems, problems.count > before {
                let col = column(of: m.key, in: t)
                for p in problems[before...] { out.append(Problem(rule: .invalidField, column: col, message: p)) }
            }
        }
    }

    /// `taboo` over the history's bytes: every `replied` event's text reviewed.
    func taboo(_ b: UnsafeRawBufferPointer, _ history: Range<Int>, _ out: inout [Problem]) {
        RawJSON.forEachElement(b, history) { e in
            guard CheckLine.isObject(b, e) else { return }
            let m = CheckLine.first(b, e, CheckLine.replyKeys)
            guard let ev = m[0], RawJSON.stringEquals(b, ev, "replied"), let text = m[1].flatMap({ RawJSON.string(b, $0) }) else { return }
            let found = lint.review(reply: text)
            guard !found.isEmpty else { return }
            let at = m[2].flatMap { RawJSON.string(b, $0) } ?? "?"
            out.append(Problem(rule: .tabooReply, message: "reply at \(at): " + found.map(\.message).joined(separator: "; ")))
        }
    }

    /// `vagueResolution` over the resolution's bytes.
    func vagueResolution(_ t: Ticket, _ b: UnsafeRawBufferPointer, _ resolution: Range<Int>?, _ memo: inout ReviewMemo, _ out: inout [Problem]) {
        guard TicketLinter.isResolved(t.status) else { return }
        guard let r = resolution, CheckLine.isObject(b, r) else {
            out.append(Problem(rule: .vagueResolution, message: "status \(t.status.rawValue) but no resolution recorded (cause, solution, result)"))
            return
        }
        let found = CheckLine.first(b, r, CheckLine.textKeys)
        reviewResolution(CheckLine.textFields.indices.map { found[$0].flatMap { RawJSON.string(b, $0) } }, &memo, &out)
    }

    /// An object in `escalations`, or a history event named `escalated`.
    func escalated(_ b: UnsafeRawBufferPointer, _ line: CheckLine) -> Bool {
        var found = false
        if let e = line.escalations {
            RawJSON.forEachElement(b, e) { x in if CheckLine.isObject(b, x) { found = true } }
        }
        if found { return true }
        // No `"escalated"` in the history's bytes (and no escape): no such event.
        if let h = line.history, LifecycleLine.mayMention(b, h, CheckLine.escalatedNeedle) {
            RawJSON.forEachElement(b, h) { x in
                guard !found, CheckLine.isObject(b, x), let ev = CheckLine.first(b, x, CheckLine.eventKey)[0] else { return }
                if RawJSON.stringEquals(b, ev, "escalated") { found = true }
            }
        }
        return found
    }

    /// `handoffs` over the escalations' bytes.
    func handoffs(_ t: Ticket, _ b: UnsafeRawBufferPointer, _ escalations: Range<Int>, _ out: inout [Problem]) {
        let required = policy.escalation.handoffRequired
        guard !required.isEmpty else { return }
        let requiredBytes = handoffBytes
        RawJSON.forEachElement(b, escalations) { e in
            guard CheckLine.isObject(b, e) else { return }
            let m = CheckLine.first(b, e, CheckLine.handoffKeys)
            var values = [Range<Int>?](repeating: nil, count: required.count)
            if let h = m[0], CheckLine.isObject(b, h) {
                RawJSON.forEachMember(b, h) { x in
                    let key = x.keyEscaped
                        ? Array(JSONParser.decodeString(b, x.keyRange.lowerBound + 1, x.keyRange.upperBound - 1, escaped: true).utf8)
                        : Array(UnsafeRawBufferPointer(rebasing: b[(x.keyRange.lowerBound + 1)..<(x.keyRange.upperBound - 1)]))
                    for (i, name) in requiredBytes.enumerated() where values[i] == nil && name == key { values[i] = x.valueRange }
                }
            }
            var missing: [String] = []
            for (i, name) in required.enumerated() where !CheckLine.nonBlank(b, values[i]) { missing.append(name) }
            guard !missing.isEmpty else { return }
            func text(_ r: Range<Int>?) -> String { r.flatMap { RawJSON.string(b, $0) } ?? "?" }
            let step = "\(text(m[1])) -> \(text(m[2])) at \(text(m[3]))"
            out.append(
                Problem(
                    rule: .incompleteHandoff,
                    message: "escalation \(step) hand-off lacks \(missing.joined(separator: ", "))"))
        }
    }

    /// The policy's required hand-off fields as UTF-8. The policy admits only the four
    /// lower-case ASCII names of SPEC §3's hand-off (PolicyDecoding), which compared by bytes
    /// compare as `String ==` compares them.
    static func handoffBytes(_ policy: Policy) -> [[UInt8]] { policy.escalation.handoffRequired.map { Array($0.utf8) } }
}
