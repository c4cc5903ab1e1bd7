// Decoding a policy document. A policy file is laid over the built-in policy member by member
// (objects merge recursively, everything else replaces), then the result is checked as a whole.
// Every problem is collected with its JSON path, so one run of `desk policy --check` shows
// them all; no input, however malformed, can crash the decoder.

/// One problem in a policy document.
public struct PolicyProblem: Sendable, Equatable, CustomStringConvertible {
    /// JSONPath of the offending value, e.g. `$.business_hours.mon[0]`.
    public var path: String
    public var message: String
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
    /// `$.first_response.fax: unknown channel`.
    public var description: String { "\(path): \(message)" }
}

/// Every problem found in a policy document, in document order.
public struct PolicyErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [PolicyProblem]
    public init(_ problems: [PolicyProblem]) { self.problems = problems }
    /// One problem per line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

extension Policy {
    /// The top-level keys, in canonical order.
    public static let topLevelKeys = [
        "id", "name", "version", "reviewed_at", "review_interval", "timezone", "business_hours", "holidays",
        "workdays", "workday_hours", "always_on_priorities", "first_response", "workaround", "resolution",
        "escalation", "classification", "phrases", "observation", "survey", "needs_info",
        "phone_answer_rate_target", "duties", "knowledge",
    ]

    /// Decodes a policy file. Keys it leaves out keep the built-in values: the file is merged
    /// into `Policy.builtin.json` (objects member by member, arrays and scalars replaced).
    public static func decode(_ value: JSONValue) -> Result<Policy, PolicyErrors> {
        decode(value, over: Policy.builtin)
    }

    /// Decodes `value` laid over `base`, or on its own (every key required) when `base` is nil.
    public static func decode(_ value: JSONValue, over base: Policy?) -> Result<Policy, PolicyErrors> {
        var d = PolicyDecoder()
        guard case .object = value else {
            return .failure(PolicyErrors([PolicyProblem(path: "$", message: "expected an object, found \(value.kindName)")]))
        }
        let merged = base.map { PolicyDecoder.merge($0.json, value, path: "$", into: &d) } ?? value
        if !d.problems.isEmpty { return .failure(PolicyErrors(d.problems)) }
        if let p = d.policy(merged), d.problems.isEmpty { return .success(p) }
        return .failure(PolicyErrors(d.problems.isEmpty ? [PolicyProblem(path: "$", message: "invalid policy")] : d.problems))
    }

    /// Parses and decodes policy text; a syntax error is reported at `$` with its line and column.
    public static func decode(text: String) -> Result<Policy, PolicyErrors> {
        let bytes = Array(text.utf8)
        do throws(JSONSyntaxError) {
            return decode(try JSONParser.parse(bytes))
        } catch {
            let (line, column) = bytes.withUnsafeBytes { lineAndColumn(of: error.offset, in: $0) }
            return .failure(PolicyErrors([PolicyProblem(path: "$", message: "\(line):\(column): \(error.message)")]))
        }
    }
}

/// Collects problems while reading a policy document.
struct PolicyDecoder {
    var problems: [PolicyProblem] = []

    mutating func fail(_ path: String, _ message: String) { problems.append(PolicyProblem(path: path, message: message)) }

    /// `path.key`, or `path["key"]` when the key is not a plain identifier.
    static func child(_ path: String, _ key: String) -> String {
        let plain = !key.isEmpty && key.utf8.enumerated().allSatisfy { i, c in
            (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F || (i > 0 && c >= 0x30 && c <= 0x39)
        }
        if plain { return path + "." + key }
        return path + "[" + JSONWriter.string(.string(key)) + "]"
    }

    static func index(_ path: String, _ i: Int) -> String { path + "[" + String(i) + "]" }

    static func describe(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return "'" + s + "'"
        case .number(let n): return n
        default: return v.kindName
        }
    }

    /// `patch` laid over `base`: objects merge member by member, anything else replaces.
    /// Duplicate keys in the patch are reported (which one would win is not obvious).
    static func merge(_ base: JSONValue, _ patch: JSONValue, path: String, into d: inout PolicyDecoder) -> JSONValue {
        guard case .object(let b) = base, case .object(let p) = patch else { return patch }
        var out = b
        var seen: Set<String> = []
        for m in p.members {
            let childPath = child(path, m.key)
            if !seen.insert(m.key).inserted {
                d.fail(childPath, "duplicate key")
                continue
            }
            if let old = out[m.key] {
                out[m.key] = merge(old, m.value, path: childPath, into: &d)
            } else {
                out[m.key] = m.value
            }
        }
        return .object(out)
    }

    // MARK: primitives

    /// The object at `path`, with unknown members reported as `unknown`.
    mutating func object(_ v: JSONValue, _ path: String, keys: [String]?, unknown: String = "unknown key") -> JSONObject? {
        guard case .object(let o) = v else {
            fail(path, "expected an object, found \(v.kindName)")
            return nil
        }
        var seen: Set<String> = []
        for m in o.members {
            if !seen.insert(m.key).inserted { fail(Self.child(path, m.key), "duplicate key") }
            if let keys, !keys.contains(m.key) { fail(Self.child(path, m.key), unknown) }
        }
        return o
    }

    /// The member `key`, reporting it as missing when absent.
    mutating func member(_ o: JSONObject, _ key: String, _ path: String) -> JSONValue? {
        guard let v = o[key] else {
            fail(path, "missing key '\(key)'")
            return nil
        }
        return v
    }

    mutating func string(_ v: JSONValue, _ path: String, nonEmpty: Bool = true) -> String? {
        guard case .string(let s) = v else {
            fail(path, "expected a string, found \(v.kindName)")
            return nil
        }
        if nonEmpty && s.allSatisfy(\.isWhitespace) {
            fail(path, "must not be empty")
            return nil
        }
        return s
    }

    mutating func array(_ v: JSONValue, _ path: String) -> [JSONValue]? {
        guard case .array(let a) = v else {
            fail(path, "expected an array, found \(v.kindName)")
            return nil
        }
        return a
    }

    /// A list of distinct non-empty strings.
    mutating func strings(_ v: JSONValue, _ path: String, allowed: [String]? = nil, what: String = "value") -> [String]? {
        guard let a = array(v, path) else { return nil }
        var out: [String] = []
        var seen = Set<String>()  // not out.contains: a rule with 200k keywords loaded in minutes
        var ok = true
        for (i, item) in a.enumerated() {
            let p = Self.index(path, i)
            guard let s = string(item, p) else { ok = false; continue }
            if let allowed, !allowed.contains(s) {
                fail(p, "unknown \(what) '\(s)' (expected \(allowed.joined(separator: ", ")))")
                ok = false
            } else if !seen.insert(s).inserted {
                fail(p, "'\(s)' is listed twice")
                ok = false
            } else {
                out.append(s)
            }
        }
        return ok ? out : nil
    }

    mutating func enumValue<E: RawRepresentable & CaseIterable>(_ v: JSONValue, _ path: String, _ what: String) -> E?
    where E.RawValue == String {
        guard let s = string(v, path, nonEmpty: false) else { return nil }
        guard let e = E(rawValue: s) else {
            fail(path, "unknown \(what) '\(s)' (expected \(E.allCases.map(\.rawValue).joined(separator: ", ")))")
            return nil
        }
        return e
    }

    mutating func enumList<E: RawRepresentable & CaseIterable & Equatable>(_ v: JSONValue, _ path: String, _ what: String)
        -> [E]?
    where E.RawValue == String {
        guard let list = strings(v, path, allowed: E.allCases.map(\.rawValue), what: what) else { return nil }
        return list.compactMap(E.init(rawValue:))
    }

    /// A duration: whole seconds as a number, or text such as `15m`, `1h30m`, `7d`.
    mutating func duration(_ v: JSONValue, _ path: String, positive: Bool = false) -> Int64? {
        var seconds: Int64?
        switch v {
        case .number(let n): seconds = Int64(n).flatMap { $0 >= 0 ? $0 : nil }
        case .string(let s): seconds = DurationText.parse(s)
        default: break
        }
        guard let s = seconds, s <= 100 * 365 * 86400 else {
            fail(path, "expected a duration such as \"15m\", \"1h30m\", \"7d\" or whole seconds, found \(Self.describe(v))")
            return nil
        }
        if positive && s == 0 {
            fail(path, "must be longer than 0s")
            return nil
        }
        return s
    }

    mutating func date(_ v: JSONValue, _ path: String) -> LocalDate? {
        guard let s = string(v, path, nonEmpty: false) else { return nil }
        guard let d = LocalDate(s) else {
            fail(path, "expected a date YYYY-MM-DD, found '\(s)'")
            return nil
        }
        return d
    }

    mutating func dates(_ v: JSONValue, _ path: String) -> [LocalDate]? {
        guard let a = array(v, path) else { return nil }
        var out: [LocalDate] = []
        var seen = Set<Int>()
        var ok = true
        for (i, item) in a.enumerated() {
            guard let d = date(item, Self.index(path, i)) else { ok = false; continue }
            if !seen.insert(d.days).inserted {
                fail(Self.index(path, i), "\(d) is listed twice")
                ok = false
            } else {
                out.append(d)
            }
        }
        return ok ? out : nil
    }

    /// Minutes since midnight of `HH:MM` (00:00 ... 24:00).
    static func minutes(_ s: String) -> Int? {
        let b = Array(s.utf8)
        guard b.count == 5, b[2] == 0x3A, b.enumerated().allSatisfy({ $0.offset == 2 || ($0.element >= 0x30 && $0.element <= 0x39) })
        else { return nil }
        let h = Int(b[0] - 0x30) * 10 + Int(b[1] - 0x30)
        let m = Int(b[3] - 0x30) * 10 + Int(b[4] - 0x30)
        guard m < 60, h < 24 || (h == 24 && m == 0) else { return nil }
        return h * 60 + m
    }

    /// A list of `{"start": "09:00", "end": "12:00"}`, ascending and not overlapping.
    mutating func intervals(_ v: JSONValue, _ path: String) -> [BusinessCalendar.Interval]? {
        guard let a = array(v, path) else { return nil }
        var out: [BusinessCalendar.Interval] = []
        var ok = true
        for (i, item) in a.enumerated() {
            let p = Self.index(path, i)
            guard let o = object(item, p, keys: ["start", "end"]) else { ok = false; continue }
            var times: [String: (Int, String)] = [:]
            for key in ["start", "end"] {
                guard let raw = member(o, key, p), let s = string(raw, Self.child(p, key), nonEmpty: false) else { continue }
                guard let m = Self.minutes(s) else {
                    fail(Self.child(p, key), "expected a time HH:MM between 00:00 and 24:00, found '\(s)'")
                    continue
                }
                times[key] = (m, s)
            }
            guard let (start, startText) = times["start"], let (end, endText) = times["end"] else { ok = false; continue }
            if end < start {
                fail(p, "end \(endText) is before start \(startText)")
                ok = false
            } else if end == start {
                fail(p, "end \(endText) equals start: the interval is empty")
                ok = false
            } else if let last = out.last, start < last.end {
                fail(p, "starts at \(startText), before the previous interval ends")
                ok = false
            } else {
                out.append(BusinessCalendar.Interval(start: start, end: end))
            }
        }
        return ok ? out : nil
    }

    /// An object keyed by an enum; `complete` requires every case.
    mutating func keyed<K: RawRepresentable & CaseIterable & Hashable, T>(
        _ v: JSONValue, _ path: String, _ what: String, complete: Bool,
        _ element: (inout PolicyDecoder, JSONValue, String) -> T?
    ) -> [K: T]? where K.RawValue == String {
        guard let o = object(v, path, keys: K.allCases.map(\.rawValue), unknown: "unknown \(what)") else { return nil }
        var out: [K: T] = [:]
        var ok = true
        for k in K.allCases {
            guard let raw = o[k.rawValue] else {
                if complete {
                    fail(path, "missing \(what) '\(k.rawValue)'")
                    ok = false
                }
                continue
            }
            if let t = element(&self, raw, Self.child(path, k.rawValue)) { out[k] = t } else { ok = false }
        }
        return ok && o.members.allSatisfy({ K(rawValue: $0.key) != nil }) ? out : nil
    }

    // MARK: the document

    mutating func policy(_ v: JSONValue) -> Policy? {
        guard let o = object(v, "$", keys: Policy.topLevelKeys) else { return nil }
        func get(_ key: String) -> JSONValue? { member(o, key, "$") }
        let p = { (key: String) in Self.child("$", key) }

        let id = get("id").flatMap { string($0, p("id")) }
        let name = get("name").flatMap { string($0, p("name")) }
        var version: String?
        if let raw = get("version") {
            if case .number(let n) = raw { version = n } else { version = string(raw, p("version")) }
        }
        let reviewedAt = get("reviewed_at").flatMap { date($0, p("reviewed_at")) }
        let reviewInterval = get("review_interval").flatMap { duration($0, p("review_interval"), positive: true) }
        var timezone: String?
        var zone: ZoneRules?
        if let raw = get("timezone"), let tz = string(raw, p("timezone")) {
            do throws(ZoneError) {
                zone = try ZoneRules(identifier: tz)
                timezone = tz
            } catch {
                fail(p("timezone"), error.description)
            }
        }

        var businessHours: [[BusinessCalendar.Interval]]?
        if let raw = get("business_hours"),
            let bh = object(raw, p("business_hours"), keys: Policy.weekdayKeys, unknown: "unknown weekday (expected mon ... sun)")
        {
            var week: [[BusinessCalendar.Interval]] = []
            var ok = true
            for key in Policy.weekdayKeys {
                if let day = bh[key] {
                    if let list = intervals(day, Self.child(p("business_hours"), key)) { week.append(list) } else { ok = false }
                } else {
                    week.append([])  // a weekday left out is closed
                }
            }
            if ok && bh.members.allSatisfy({ Policy.weekdayKeys.contains($0.key) }) {
                if week.allSatisfy(\.isEmpty) { fail(p("business_hours"), "no weekday has business hours") } else { businessHours = week }
            }
        }
        let holidays = get("holidays").flatMap { dates($0, p("holidays")) }
        let workdays = get("workdays").flatMap { dates($0, p("workdays")) }
        if let holidays, let workdays {
            for (i, w) in workdays.enumerated() where holidays.contains(w) {
                fail(Self.index(p("workdays"), i), "\(w) is also listed as a holiday")
            }
        }
        var workdayHours: [BusinessCalendar.Interval]?? = .none
        if let raw = get("workday_hours") {
            if raw.isNull {
                workdayHours = .some(nil)
            } else if let list = intervals(raw, p("workday_hours")) {
                if list.isEmpty { fail(p("workday_hours"), "a make-up working day needs hours (null means Monday's)") } else {
                    workdayHours = .some(list)
                }
            }
        }
        let alwaysOn: [Policy.Priority]? = get("always_on_priorities").flatMap { enumList($0, p("always_on_priorities"), "priority") }
        let firstResponse: [Policy.Channel: Int64]? = get("first_response").flatMap {
            keyed($0, p("first_response"), "channel", complete: true) { d, v, path in d.duration(v, path) }
        }
        let workaround: [Policy.Priority: Int64]? = get("workaround").flatMap {
            keyed($0, p("workaround"), "priority", complete: true) { d, v, path in d.duration(v, path) }
        }
        let resolution: [Policy.Priority: Int64]? = get("resolution").flatMap {
            keyed($0, p("resolution"), "priority", complete: true) { d, v, path in d.duration(v, path) }
        }
        let escalation = get("escalation").flatMap { escalationSettings($0, p("escalation")) }
        let classification = get("classification").flatMap { classificationSettings($0, p("classification")) }
        var vague: [String]?
        var taboo: [Policy.Taboo]?
        var families: [Policy.PhraseFamily]? = []
        var replyModel: (name: String?, threshold: Double) = (nil, 0.6)
        if let raw = get("phrases"), let ph = object(raw, p("phrases"), keys: ["vague", "taboo", "families", "model", "model_threshold"]) {
            let pp = p("phrases")
            vague = member(ph, "vague", pp).flatMap { strings($0, Self.child(pp, "vague")) }
            taboo = member(ph, "taboo", pp).flatMap { tabooList($0, Self.child(pp, "taboo")) }
            // Optional: a policy written before families has none (its flat lists still apply).
            if let f = ph["families"] { families = familyList(f, Self.child(pp, "families")) }
            // Optional too: no model means the families alone.
            if let raw = ph["model"], !raw.isNull { replyModel.name = string(raw, Self.child(pp, "model")) }
            if let raw = ph["model_threshold"], !raw.isNull {
                if let t = raw.doubleValue, t >= 0, t <= 1 { replyModel.threshold = t } else {
                    fail(Self.child(pp, "model_threshold"), "expected a number from 0 to 1, found \(Self.describe(raw))")
                }
            }
        }
        let observation = get("observation").flatMap { duration($0, p("observation")) }
        let survey = get("survey").flatMap { surveySettings($0, p("survey")) }
        let needsInfo = get("needs_info").flatMap { strings($0, p("needs_info"), allowed: Policy.knownFacts, what: "fact") }
        var answerRate: Double?
        if let raw = get("phone_answer_rate_target") {
            if let r = raw.doubleValue, r >= 0, r <= 1 { answerRate = r } else {
                fail(p("phone_answer_rate_target"), "expected a number from 0 to 1, found \(Self.describe(raw))")
            }
        }
        let duties = get("duties").flatMap { dutySettings($0, p("duties")) }

        // Decoded last and set after the memberwise init, so that init keeps its shape.
        guard let knowledge = get("knowledge").flatMap({ knowledgeSettings($0, p("knowledge")) }) else { return nil }

        guard let id, let name, let version, let reviewedAt, let reviewInterval, let timezone, let zone, let businessHours,
            let holidays, let workdays, case .some(let workdayHours) = workdayHours, let alwaysOn, let firstResponse,
            let workaround, let resolution, let escalation, let classification, let vague, let taboo, let observation,
            let survey, let needsInfo, let answerRate, let duties, let families, problems.isEmpty
        else { return nil }
        return Policy(
            id: id, name: name, version: version, reviewedAt: reviewedAt, reviewInterval: reviewInterval,
            timezone: timezone, zone: zone, businessHours: businessHours, holidays: holidays, workdays: workdays,
            workdayHours: workdayHours, alwaysOnPriorities: alwaysOn, firstResponse: firstResponse,
            workaround: workaround, resolution: resolution, escalation: escalation, classification: classification,
            vaguePhrases: vague, taboo: taboo, observation: observation, survey: survey, needsInfo: needsInfo,
            phoneAnswerRateTarget: answerRate, duties: duties, families: families)
        .with(knowledge: knowledge, replyModel: replyModel)
    }

    /// `knowledge`: `kb` (a file path, or null for none) and `review_working_days` (1 to 60).
    mutating func knowledgeSettings(_ v: JSONValue, _ path: String) -> Policy.Knowledge? {
        guard let o = object(v, path, keys: ["kb", "review_working_days"]) else { return nil }
        var k = Policy.Knowledge()
        var ok = true
        if let raw = member(o, "kb", path), !raw.isNull {
            if let s = string(raw, Self.child(path, "kb")) { k.kb = s } else { ok = false }
        }
        if let raw = member(o, "review_working_days", path) {
            if let n = raw.intValue, n >= 1, n <= 60 { k.reviewWorkingDays = n } else {
                fail(Self.child(path, "review_working_days"), "expected a whole number of working days from 1 to 60, found \(Self.describe(raw))")
                ok = false
            }
        }
        return ok ? k : nil
    }

    mutating func escalationSettings(_ v: JSONValue, _ path: String) -> Policy.Escalation? {
        guard let o = object(v, path, keys: ["path", "time_limits", "complexity_tags", "handoff_required"]) else { return nil }
        let c = { (key: String) in Self.child(path, key) }
        let tiers: [Policy.Tier]? = member(o, "path", path).flatMap { enumList($0, c("path"), "tier") }
        if let tiers, tiers.isEmpty { fail(c("path"), "must name at least one tier") }
        let limits: [Policy.Tier: [Policy.Priority: Int64]]? = member(o, "time_limits", path).flatMap {
            keyed($0, c("time_limits"), "tier", complete: false) { d, v, p in
                d.keyed(v, p, "priority", complete: false) { d2, v2, p2 in d2.duration(v2, p2, positive: true) }
            }
        }
        let tags = member(o, "complexity_tags", path).flatMap { strings($0, c("complexity_tags")) }
        let handoff = member(o, "handoff_required", path).flatMap {
            strings($0, c("handoff_required"), allowed: Policy.handoffFields, what: "hand-off field")
        }
        guard let tiers, !tiers.isEmpty, let limits, let tags, let handoff else { return nil }
        return Policy.Escalation(path: tiers, timeLimits: limits, complexityTags: tags, handoffRequired: handoff)
    }

    mutating func classificationSettings(_ v: JSONValue, _ path: String) -> Policy.Classification? {
        guard let o = object(v, path, keys: ["default_priority", "categories", "rules", "matrix", "model", "model_threshold", "model_raise", "model_first", "model_first_over_high", "model_first_category"]) else { return nil }
        let c = { (key: String) in Self.child(path, key) }
        let def: Policy.Priority? = member(o, "default_priority", path).flatMap { enumValue($0, c("default_priority"), "priority") }
        let categories = member(o, "categories", path).flatMap { strings($0, c("categories")) }
        var rules: [Policy.Rule]? = nil
        if let raw = member(o, "rules", path), let list = array(raw, c("rules")) {
            var out: [Policy.Rule] = []
            var ids = Set<String>()
            var ok = true
            // Every id and requirement as written, so one broken rule does not make the rules that
            // require it look wrong too, and a rule that sets nothing is fine when required.
            let rawIds = list.map { $0.objectValue?["id"]?.stringValue }
            var required = Set<String>()
            for item in list {
                for need in item.objectValue?["requires"]?.arrayValue ?? [] {
                    if let n = need.stringValue { required.insert(n.hasPrefix("!") ? String(n.dropFirst()) : n) }
                }
            }
            // Ids of the rules listed so far, grown as the list is read (a rule may require only
            // rules listed before it; one set, so the check stays linear).
            var known = Set<String>()
            for (i, item) in list.enumerated() {
                defer { if let id = rawIds[i] { known.insert(id) } }
                // A masking rule sets nothing by design: it hides text from the others; a holding
                // rule keeps the model from lifting the priority.
                let setsNothing = item.objectValue.map {
                    $0["priority"] == nil && $0["category"] == nil && ($0["tags"]?.arrayValue ?? []).isEmpty && $0["masks"]?.boolValue != true
                        && $0["holds"]?.boolValue != true
                } ?? false
                if setsNothing, !required.contains(rawIds[i] ?? "") {
                    fail(Self.index(c("rules"), i), "a rule must set a priority, a category or tags")
                    ok = false
                }
                if let r = rule(item, Self.index(c("rules"), i), categories: categories) {
                    for (k, need) in r.requires.enumerated() where !known.contains(need.hasPrefix("!") ? String(need.dropFirst()) : need) {
                        fail(Self.index(Self.child(Self.index(c("rules"), i), "requires"), k), "unknown rule '\(need)' (a rule may require only rules listed before it)")
                        ok = false
                    }
                    if !ids.insert(r.id).inserted {
                        fail(Self.child(Self.index(c("rules"), i), "id"), "rule id '\(r.id)' is used twice")
                        ok = false
                    } else {
                        out.append(r)
                    }
                } else {
                    ok = false
                }
            }
            if ok { rules = out }
        }
        let matrix: [Policy.Priority: [Policy.Priority: Policy.Priority]]? = member(o, "matrix", path).flatMap {
            keyed($0, c("matrix"), "impact", complete: true) { d, v, p in
                d.keyed(v, p, "urgency", complete: true) { d2, v2, p2 in d2.enumValue(v2, p2, "priority") }
            }
        }
        var model: String? = nil
        if let raw = o["model"], !raw.isNull { model = string(raw, c("model")) }
        var threshold = 0.8
        if let raw = o["model_threshold"], !raw.isNull {
            if let t = raw.doubleValue, t >= 0, t <= 1 { threshold = t } else {
                fail(c("model_threshold"), "expected a number from 0 to 1, found \(Self.describe(raw))")
            }
        }
        // A posterior the model's answer needs for something (`model_raise`, `model_first`…):
        // a number from 0 to 1, and a model to answer with.
        func modelBar(_ key: String) -> Double? {
            guard let raw = o[key], !raw.isNull else { return nil }
            if let t = raw.doubleValue, t >= 0, t <= 1, model != nil { return t }
            fail(c(key), model == nil ? "needs a model (classification.model)" : "expected a number from 0 to 1, found \(Self.describe(raw))")
            return nil
        }
        let raise = modelBar("model_raise")
        let first = modelBar("model_first")
        let overHigh = modelBar("model_first_over_high")
        let firstCategory = modelBar("model_first_category")
        guard let def, let categories, let rules, let matrix else { return nil }
        return Policy.Classification(
            defaultPriority: def, categories: categories, rules: rules, matrix: matrix, model: model, modelThreshold: threshold,
            modelRaise: raise, modelFirst: first, modelFirstOverHigh: overHigh, modelFirstCategory: firstCategory)
    }

    mutating func rule(_ v: JSONValue, _ path: String, categories: [String]?) -> Policy.Rule? {
        guard let o = object(v, path, keys: ["id", "priority", "category", "tags", "keywords", "requires", "within", "any_order", "masks", "holds"]) else { return nil }
        let c = { (key: String) in Self.child(path, key) }
        let before = problems.count
        let id = member(o, "id", path).flatMap { string($0, c("id")) }
        let priority: Policy.Priority? = o["priority"].flatMap { enumValue($0, c("priority"), "priority") }
        let category = o["category"].flatMap { string($0, c("category")) }
        if let category, let categories, !categories.contains(category) {
            fail(c("category"), "unknown category '\(category)' (not in $.classification.categories)")
        }
        let tags = o["tags"].flatMap { strings($0, c("tags")) } ?? []
        let requires = o["requires"].flatMap { strings($0, c("requires")) } ?? []
        let keywords = member(o, "keywords", path).flatMap { strings($0, c("keywords")) }
        if let keywords, keywords.isEmpty && requires.isEmpty { fail(c("keywords"), "a rule needs at least one keyword") }
        var within: Int? = nil
        if let raw = o["within"], !raw.isNull {
            if let n = raw.intValue, n >= 0, n <= 1000, requires.prefix(2).filter({ !$0.hasPrefix("!") }).count == 2 { within = n } else {
                fail(c("within"), "expected a number of bytes from 0 to 1000, with the first two required rules to find near each other")
            }
        }
        var anyOrder = false
        if let raw = o["any_order"], !raw.isNull {
            if let b = raw.boolValue, !b || within != nil { anyOrder = b } else {
                fail(c("any_order"), "expected true or false, on a rule with `within`")
            }
        }
        var masks = false
        if let raw = o["masks"], !raw.isNull {
            if let b = raw.boolValue, !b || (priority == nil && category == nil && tags.isEmpty && requires.isEmpty) { masks = b } else {
                fail(c("masks"), "expected true or false, on a rule that only lists keywords (it sets nothing and requires nothing)")
            }
        }
        var holds = false
        if let raw = o["holds"], !raw.isNull {
            if let b = raw.boolValue, !b || !masks { holds = b } else {
                fail(c("holds"), "expected true or false, on a rule that does not mask")
            }
        }
        // A rule that sets nothing is evidence for rules that require it (checked with the list).
        guard problems.count == before, let id, let keywords else { return nil }
        return Policy.Rule(
            id: id, priority: priority, category: category, tags: tags, keywords: keywords, requires: requires, within: within,
            anyOrder: anyOrder, masks: masks, holds: holds)
    }

    mutating func tabooList(_ v: JSONValue, _ path: String) -> [Policy.Taboo]? {
        guard let a = array(v, path) else { return nil }
        var out: [Policy.Taboo] = []
        var ok = true
        for (i, item) in a.enumerated() {
            let p = Self.index(path, i)
            guard let o = object(item, p, keys: ["phrase", "suggestion", "match"]) else { ok = false; continue }
            let phrase = member(o, "phrase", p).flatMap { string($0, Self.child(p, "phrase")) }
            let suggestion = member(o, "suggestion", p).flatMap { string($0, Self.child(p, "suggestion")) }
            var match = Policy.Match.contains
            var matchOK = true
            if let raw = o["match"] {
                if let m: Policy.Match = enumValue(raw, Self.child(p, "match"), "match") { match = m } else { matchOK = false }
            }
            guard let phrase, let suggestion, matchOK else { ok = false; continue }
            out.append(Policy.Taboo(phrase: phrase, suggestion: suggestion, match: match))
        }
        return ok ? out : nil
    }

    mutating func dutySettings(_ v: JSONValue, _ path: String) -> Policy.Duties? {
        guard let o = object(v, path, keys: ["callback", "progress", "end_of_day_update", "survey_follow_up"]) else { return nil }
        let c = { (key: String) in Self.child(path, key) }
        let callback = member(o, "callback", path).flatMap { duration($0, c("callback"), positive: true) }
        let progress: [Policy.Priority: Int64]? = member(o, "progress", path).flatMap {
            keyed($0, c("progress"), "priority", complete: true) { d, v, path in d.duration(v, path, positive: true) }
        }
        var eod: Bool?
        if let raw = member(o, "end_of_day_update", path) {
            if let b = raw.boolValue { eod = b } else { fail(c("end_of_day_update"), "expected true or false, found \(Self.describe(raw))") }
        }
        let followUp = member(o, "survey_follow_up", path).flatMap { duration($0, c("survey_follow_up"), positive: true) }
        guard let callback, let progress, let eod, let followUp else { return nil }
        return Policy.Duties(callback: callback, progress: progress, endOfDayUpdate: eod, surveyFollowUp: followUp)
    }

    mutating func familyList(_ v: JSONValue, _ path: String) -> [Policy.PhraseFamily]? {
        guard let a = array(v, path) else { return nil }
        var out: [Policy.PhraseFamily] = []
        var ok = true
        for (i, item) in a.enumerated() {
            let p = Self.index(path, i)
            let keys = ["id", "kind", "canonical", "seed", "suggestion", "anywhere", "clause", "whole", "unless_followed_by"]
            guard let o = object(item, p, keys: keys) else { ok = false; continue }
            let before = problems.count
            let c = { (key: String) in Self.child(p, key) }
            let id = member(o, "id", p).flatMap { string($0, c("id")) }
            let kind: Policy.PhraseFamily.Kind? = member(o, "kind", p).flatMap { enumValue($0, c("kind"), "phrase kind") }
            let canonical = member(o, "canonical", p).flatMap { string($0, c("canonical")) }
            let seed = o["seed"].flatMap { string($0, c("seed")) }
            let suggestion = o["suggestion"].flatMap { string($0, c("suggestion")) }
            let anywhere = o["anywhere"].flatMap { strings($0, c("anywhere")) } ?? []
            let clause = o["clause"].flatMap { strings($0, c("clause")) } ?? []
            let whole = o["whole"].flatMap { strings($0, c("whole")) } ?? []
            let unless = o["unless_followed_by"].flatMap { strings($0, c("unless_followed_by")) } ?? []
            if anywhere.isEmpty && clause.isEmpty && whole.isEmpty {
                fail(p, "a family needs at least one phrase in anywhere, clause or whole")
            }
            if let id, out.contains(where: { $0.id == id }) { fail(c("id"), "family id '\(id)' is used twice") }
            guard problems.count == before, let id, let kind, let canonical else { ok = false; continue }
            out.append(
                Policy.PhraseFamily(
                    id: id, kind: kind, canonical: canonical, anywhere: anywhere, clause: clause, whole: whole,
                    suggestion: suggestion, seed: seed, unlessFollowedBy: unless))
        }
        return ok ? out : nil
    }

    mutating func surveySettings(_ v: JSONValue, _ path: String) -> Policy.Survey? {
        let keys = ["scale_min", "scale_max", "csat_threshold", "response_window", "repeat_interval", "dimensions"]
        guard let o = object(v, path, keys: keys) else { return nil }
        let c = { (key: String) in Self.child(path, key) }
        func int(_ key: String) -> Int? {
            guard let raw = member(o, key, path) else { return nil }
            guard let n = raw.intValue, n >= 0, n <= 100 else {
                fail(c(key), "expected a whole number from 0 to 100, found \(Self.describe(raw))")
                return nil
            }
            return n
        }
        let lo = int("scale_min")
        let hi = int("scale_max")
        if let lo, let hi, lo >= hi { fail(c("scale_max"), "must be greater than scale_min (\(lo))") }
        var threshold: Double?
        if let raw = member(o, "csat_threshold", path) {
            if let t = raw.doubleValue {
                if let lo, let hi, lo < hi, t < Double(lo) || t > Double(hi) {
                    fail(c("csat_threshold"), "must lie within the scale \(lo) to \(hi)")
                } else {
                    threshold = t
                }
            } else {
                fail(c("csat_threshold"), "expected a number, found \(Self.describe(raw))")
            }
        }
        let window = member(o, "response_window", path).flatMap { duration($0, c("response_window"), positive: true) }
        let repeatInterval = member(o, "repeat_interval", path).flatMap { duration($0, c("repeat_interval")) }
        let dims: [Policy.SurveyDimension]? = member(o, "dimensions", path).flatMap { enumList($0, c("dimensions"), "dimension") }
        if let dims, dims.isEmpty { fail(c("dimensions"), "must name at least one dimension") }
        guard let lo, let hi, lo < hi, let threshold, let window, let repeatInterval, let dims, !dims.isEmpty else { return nil }
        return Policy.Survey(
            scaleMin: lo, scaleMax: hi, csatThreshold: threshold, responseWindow: window, repeatInterval: repeatInterval,
            dimensions: dims)
    }
}

extension Policy {
    /// The policy with the members decoded after its memberwise init: `knowledge` and the reply model.
    func with(knowledge: Knowledge, replyModel: (name: String?, threshold: Double)) -> Policy {
        var p = self
        p.knowledge = knowledge
        p.replyModel = replyModel.name
        p.replyModelThreshold = replyModel.threshold
        return p
    }
}
