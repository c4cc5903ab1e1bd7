// A partial report: the report's complete running totals (ReportEngine.Accumulator) as ONE line
// of JSON, so that parts of the input can be counted on different processes or machines (Spark
// RDD.pipe, Hadoop Streaming, split + xargs) and merged exactly (docs/REPORT.md, "Partial
// reports"). Every accumulator type has one `partialJSON` (encode) and one `init(partial:)`
// (decode) here, side by side: a figure added to the report adds its state in this one file.
//
// Canonical form: members in a fixed order, tables sorted by key (UTF-8 byte order), duration
// multisets as their canonical run (DurationSamples) in base64, doubles as Swift's shortest
// round-trip text. The same totals therefore give the same bytes whatever order the tickets or
// the partials were counted in. The line ends with `"check"`, FNV-1a 64 over the bytes before
// it: a partial is input and is validated as strictly as a ticket line — JSON syntax (a
// truncated line fails here, with its column), the check (any one changed byte is caught: each
// FNV step is a bijection), every member's type and range, and finally writing the decoded
// state again must give the same bytes.

/// The partial format's version: bumped whenever the state written changes meaning or shape.
/// Partials of another version are refused.
public enum PartialFormat {
    public static let version = 3
}

/// What a partial says about which report it belongs to. Partials merge only when every field
/// but `tickets` is equal.
public struct PartialHeader: Sendable, Equatable {
    public var policyHash: String
    public var now: Instant
    public var period: ReportPeriod
    public var previous: ReportPeriod
    public var dimensions: [ReportDimension]
    /// The months of `--trend` (empty without it).
    public var trend: [ReportPeriod] = []
    /// Tickets read into the totals (blank lines not counted; a bad line refuses the partial).
    public var tickets: Int

    /// The first field in which two headers differ (tickets aside): its name, this header's
    /// value and the other's.
    public func mismatch(_ o: PartialHeader) -> (field: String, value: String, other: String)? {
        func p(_ x: ReportPeriod) -> String { "\(x.label) [\(x.from.rfc3339), \(x.to.rfc3339))" }
        func d(_ x: [ReportDimension]) -> String { x.map(\.rawValue).joined(separator: ",") }
        if policyHash != o.policyHash { return ("policy hash", policyHash, o.policyHash) }
        if now != o.now { return ("--now", now.rfc3339, o.now.rfc3339) }
        if period != o.period { return ("period", p(period), p(o.period)) }
        if previous != o.previous { return ("previous period", p(previous), p(o.previous)) }
        if dimensions != o.dimensions { return ("--by", d(dimensions), d(o.dimensions)) }
        if trend != o.trend { return ("--trend", trend.map(\.label).joined(separator: ","), o.trend.map(\.label).joined(separator: ",")) }
        return nil
    }
}

/// One decoded partial.
public struct PartialReport: Sendable {
    public var header: PartialHeader
    public var accumulator: ReportEngine.Accumulator
    /// The largest magnitude of any whole number in the partial (counts, sums, a duration
    /// multiset's size): every total of a merge is at most the sum of its partials' magnitudes,
    /// so a merge whose magnitudes add up within Int64 cannot overflow (`--merge` checks).
    public var magnitude: Int64
}

/// The largest magnitude of a whole number anywhere in a JSON value (other numbers: 0).
func largestWholeNumber(_ v: JSONValue) -> Int64 {
    switch v {
    case .number(let t): return Int64(t).map { $0 == Int64.min ? Int64.max : abs($0) } ?? 0
    case .array(let a): return a.reduce(0) { max($0, largestWholeNumber($1)) }
    case .object(let o): return o.members.reduce(0) { max($0, largestWholeNumber($1.value)) }
    default: return 0
    }
}

extension ReportEngine.Accumulator {
    /// The header of these totals.
    public var partialHeader: PartialHeader {
        PartialHeader(
            policyHash: result.settings.policyHash, now: result.now, period: result.current.period,
            previous: result.previous.period, dimensions: result.dimensions, trend: result.trend.map(\.period), tickets: tickets)
    }

    /// The totals as one line of canonical JSON, without the newline.
    public var partialLine: [UInt8] {
        let h = partialHeader
        let body: JSONValue = .object([
            "desk_partial": .int(PartialFormat.version),
            "policy_hash": .string(h.policyHash),
            "now": .string(h.now.rfc3339),
            "period": h.period.partialJSON,
            "previous_period": h.previous.partialJSON,
            "by": .array(h.dimensions.map { .string($0.rawValue) }),
            "tickets": .int(h.tickets),
            "current": result.current.partialJSON,
            "previous": result.previous.partialJSON,
            "bench": result.bench.partialJSON,
            "trend": .array(result.trend.map { .object(["period": $0.period.partialJSON, "stats": $0.partialJSON]) }),
        ])
        var out = JSONWriter.bytes(body)
        out.removeLast()  // the closing brace: the check follows
        let check = PartialCheck.hex(out)
        out += Array(",\"check\":\"\(check)\"}".utf8)
        return out
    }

    /// Decodes a partial line (without its newline; trailing blanks and tabs, which Hadoop
    /// Streaming adds after a key without a value, are JSON whitespace). The settings are those
    /// of this run: their policy hash must be the partial's, which the caller checks.
    public static func decodePartial(_ line: UnsafeRawBufferPointer, settings: ReportSettings) throws(TicketError) -> PartialReport {
        let value: JSONValue
        do {
            value = try JSONParser.parse(line)
        } catch {
            let (_, column) = lineAndColumn(of: error.offset, in: line)
            throw TicketError(column: column, message: "not a partial report: \(error.message)")
        }
        guard case .object(let top) = value else {
            throw TicketError(column: 1, message: "not a partial report: a JSON \(value.kindName), expected an object")
        }
        guard top.members.first?.key == "desk_partial" else {
            throw TicketError(column: 1, message: "not a partial report: the line does not start with \"desk_partial\"")
        }
        guard top.members[0].value.intValue == PartialFormat.version else {
            throw TicketError(column: 1, message: "partial format version \(JSONWriter.string(top.members[0].value)) is not supported (this desk reads \(PartialFormat.version))")
        }
        // The check: the line, trimmed, must end with `,"check":"<16 hex>"}` over the bytes before.
        var end = line.count
        while end > 0, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
        let suffix = 10 + 16 + 2
        let head = Array(",\"check\":\"".utf8)
        guard end >= suffix + 1, Array(line[(end - suffix)..<(end - suffix + head.count)]) == head,
            line[end - 2] == 0x22, line[end - 1] == 0x7D
        else { throw TicketError(column: 1, message: "partial report: the line does not end with its \"check\"") }
        let prefix = Array(line[0..<(end - suffix)])
        let written = String(decoding: line[(end - 18)..<(end - 2)], as: UTF8.self)
        guard PartialCheck.hex(prefix) == written else {
            throw TicketError(column: end - 17, message: "partial report: check \(written) does not match its content (the partial was truncated or edited)")
        }
        var r = PartialReader(top, path: "")
        _ = try r.next("desk_partial")
        let policyHash = try r.string("policy_hash")
        let now = try r.instant("now")
        let period = try ReportPeriod(partial: try r.next("period"), path: "period")
        let previous = try ReportPeriod(partial: try r.next("previous_period"), path: "previous_period")
        var dims: [ReportDimension] = []
        for (i, d) in try r.array("by").enumerated() {
            guard let s = d.stringValue, let dim = ReportDimension(rawValue: s), !dims.contains(dim) else {
                throw PartialReader.fail("by[\(i)]", "expected one of \(ReportDimension.allCases.map(\.rawValue).joined(separator: ", ")), each once")
            }
            dims.append(dim)
        }
        let tickets = try r.count("tickets")
        var acc = ReportEngine.Accumulator(period: period, previous: previous, dimensions: dims, settings: settings, now: now)
        acc.tickets = tickets
        acc.result.current = try PeriodStats(partial: try r.next("current"), path: "current", period: period, dimensions: dims)
        acc.result.previous = try PeriodStats(partial: try r.next("previous"), path: "previous", period: previous, dimensions: [])
        acc.result.bench = try BenchFigures(partial: try r.next("bench"), path: "bench")
        for (i, m) in try r.array("trend").enumerated() {
            var t = try PartialReader(m, path: "trend[\(i)]")
            let month = try ReportPeriod(partial: try t.next("period"), path: t.at("period"))
            acc.result.trend.append(try PeriodStats(partial: try t.next("stats"), path: t.at("stats"), period: month, dimensions: []))
            try t.end()
        }
        _ = try r.string("check")
        try r.end()
        // Canonical: the state decoded writes back to the very same bytes.
        var again = acc
        again.result.settings.policyHash = policyHash
        guard again.partialLine == prefix + Array(",\"check\":\"\(written)\"}".utf8) else {
            throw TicketError(column: 1, message: "partial report: not in canonical form (members, order or numbers differ from what desk writes)")
        }
        let header = PartialHeader(
            policyHash: policyHash, now: now, period: period, previous: previous, dimensions: dims,
            trend: acc.result.trend.map(\.period), tickets: tickets)
        return PartialReport(header: header, accumulator: acc, magnitude: largestWholeNumber(value))
    }
}

/// FNV-1a 64 over bytes, as 16 lower-case hex digits.
enum PartialCheck {
    static func hex(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// Reads an object's members in the one order desk writes them, with typed accessors whose
/// errors name the member's path.
struct PartialReader {
    let object: JSONObject
    let path: String
    var index = 0

    init(_ object: JSONObject, path: String) {
        self.object = object
        self.path = path
    }

    init(_ value: JSONValue, path: String) throws(TicketError) {
        guard case .object(let o) = value else { throw PartialReader.fail(path, "expected an object, found a \(value.kindName)") }
        self.init(o, path: path)
    }

    static func fail(_ path: String, _ message: String) -> TicketError {
        TicketError(column: 1, message: "partial report: \(path): \(message)")
    }

    func at(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// The next member, which must be `key`.
    mutating func next(_ key: String) throws(TicketError) -> JSONValue {
        guard index < object.members.count else { throw PartialReader.fail(at(key), "missing") }
        let m = object.members[index]
        guard m.key == key else { throw PartialReader.fail(at(key), "expected here, found '\(m.key)'") }
        index += 1
        return m.value
    }

    /// No member may follow.
    func end() throws(TicketError) {
        if index < object.members.count {
            throw PartialReader.fail(at(object.members[index].key), "unexpected member")
        }
    }

    mutating func count(_ key: String) throws(TicketError) -> Int { try PartialReader.count(try next(key), at(key)) }
    mutating func int64(_ key: String) throws(TicketError) -> Int64 { try PartialReader.int64(try next(key), at(key)) }

    mutating func string(_ key: String) throws(TicketError) -> String {
        guard let s = try next(key).stringValue else { throw PartialReader.fail(at(key), "expected a string") }
        return s
    }

    mutating func optionalString(_ key: String) throws(TicketError) -> String? {
        let v = try next(key)
        if v.isNull { return nil }
        guard let s = v.stringValue else { throw PartialReader.fail(at(key), "expected a string or null") }
        return s
    }

    mutating func instant(_ key: String) throws(TicketError) -> Instant {
        guard let s = try next(key).stringValue, let i = Instant(rfc3339: s) else {
            throw PartialReader.fail(at(key), "expected an RFC 3339 time")
        }
        return i
    }

    mutating func double(_ key: String) throws(TicketError) -> Double {
        guard let d = try next(key).doubleValue else { throw PartialReader.fail(at(key), "expected a finite number") }
        return d
    }

    mutating func array(_ key: String) throws(TicketError) -> [JSONValue] {
        guard let a = try next(key).arrayValue else { throw PartialReader.fail(at(key), "expected an array") }
        return a
    }

    /// A `{text: count}` table (counts positive).
    mutating func counts(_ key: String) throws(TicketError) -> [String: Int] { try PartialReader.counts(try next(key), at(key)) }

    static func counts(_ v: JSONValue, _ path: String) throws(TicketError) -> [String: Int] {
        guard case .object(let o) = v else { throw fail(path, "expected an object of counts") }
        var out: [String: Int] = [:]
        for m in o.members {
            let n = try count(m.value, path + "." + m.key)
            guard n > 0, out.updateValue(n, forKey: m.key) == nil else { throw fail(path + "." + m.key, "a positive count, once") }
        }
        return out
    }

    /// A `[[key, count], ...]` table of whole-number keys (counts positive).
    mutating func intCounts(_ key: String) throws(TicketError) -> [Int: Int] {
        var out: [Int: Int] = [:]
        for (i, pair) in try array(key).enumerated() {
            guard let p = pair.arrayValue, p.count == 2, let k = p[0].intValue, let n = p[1].intValue, n > 0,
                out.updateValue(n, forKey: k) == nil
            else { throw PartialReader.fail(at(key) + "[\(i)]", "expected [key, positive count], each key once") }
        }
        return out
    }

    /// Fixed-length whole numbers >= 0.
    mutating func counts(_ key: String, length: Int) throws(TicketError) -> [Int] {
        let a = try array(key)
        guard a.count == length else { throw PartialReader.fail(at(key), "expected \(length) counts") }
        var out: [Int] = []
        for (i, v) in a.enumerated() { out.append(try PartialReader.count(v, at(key) + "[\(i)]")) }
        return out
    }

    static func count(_ v: JSONValue, _ path: String) throws(TicketError) -> Int {
        guard let n = v.intValue, n >= 0 else { throw fail(path, "expected a whole number >= 0") }
        return n
    }

    static func int64(_ v: JSONValue, _ path: String) throws(TicketError) -> Int64 {
        guard case .number(let t) = v, let n = Int64(t) else { throw fail(path, "expected a whole number") }
        return n
    }
}

extension JSONValue {
    /// A table of counts as an object sorted by key (UTF-8 byte order).
    static func sortedCounts(_ d: [String: Int]) -> JSONValue {
        .object(JSONObject(d.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { JSONMember($0.key, .int($0.value)) }))
    }

    /// A table of counts by whole number as `[[key, count], ...]`, ascending.
    static func sortedIntCounts(_ d: [Int: Int]) -> JSONValue {
        .array(d.sorted { $0.key < $1.key }.map { .array([.int($0.key), .int($0.value)]) })
    }

    /// A double as its shortest round-trip text (exact when read back).
    static func exact(_ d: Double) -> JSONValue { .number(d.description) }
}

// MARK: - One encode and one decode per accumulator type

extension ReportPeriod {
    var partialJSON: JSONValue {
        .object(["from": .string(from.rfc3339), "to": .string(to.rfc3339), "label": .string(label)])
    }

    init(partial v: JSONValue, path: String) throws(TicketError) {
        var r = try PartialReader(v, path: path)
        let from = try r.instant("from"), to = try r.instant("to"), label = try r.string("label")
        try r.end()
        self.init(from: from, to: to, label: label)
    }
}

extension DurationSamples {
    /// `{"n": count, "run": base64 of the canonical run}`.
    var partialJSON: JSONValue {
        let c = canonicalRun
        return .object(["n": .int(c.count), "run": .string(Base64.encode(c.bytes))])
    }

    init(partial v: JSONValue, path: String) throws(TicketError) {
        var r = try PartialReader(v, path: path)
        let n = try r.count("n")
        let text = try r.string("run")
        try r.end()
        guard let bytes = Base64.decode(text), let s = DurationSamples(canonicalRun: bytes) else {
            throw PartialReader.fail(path + ".run", "not a canonical duration run")
        }
        guard s.count == n else { throw PartialReader.fail(path + ".n", "the run holds \(s.count) durations, not \(n)") }
        self = s
    }
}

extension DurationFigure {
    var partialJSON: JSONValue { .object(["durations": stored.partialJSON, "within": .int(within)]) }

    init(partial v: JSONValue, path: String) throws(TicketError) {
        var r = try PartialReader(v, path: path)
        self.init()
        stored = try DurationSamples(partial: try r.next("durations"), path: r.at("durations"))
        within = try r.count("within")
        try r.end()
        guard within <= stored.count else { throw PartialReader.fail(r.at("within"), "more than the durations") }
    }
}

extension Compliance {
    var partialJSON: JSONValue { .array([.int(met), .int(breached), .int(running)]) }

    init(partial v: JSONValue, path: String) throws(TicketError) {
        guard let a = v.arrayValue, a.count == 3 else { throw PartialReader.fail(path, "expected [met, breached, running]") }
        self.init()
        met = try PartialReader.count(a[0], path + "[0]")
        breached = try PartialReader.count(a[1], path + "[1]")
        running = try PartialReader.count(a[2], path + "[2]")
    }
}

extension GroupStats {
    var partialJSON: JSONValue {
        .object([
            "tickets": .int(tickets), "resolved": .int(resolved), "first_response": firstResponse.partialJSON,
            "resolution": resolution.partialJSON, "escalated": .int(escalated), "responses": .int(responses),
            "satisfied": .int(satisfied),
        ])
    }

    init(partial v: JSONValue, path: String) throws(TicketError) {
        var r = try PartialReader(v, path: path)
        self.init()
        tickets = try r.count("tickets")
        resolved = try r.count("resolved")
        firstResponse = try DurationFigure(partial: try r.next("first_response"), path: r.at("first_response"))
        resolution = try DurationFigure(partial: try r.next("resolution"), path: r.at("resolution"))
        escalated = try r.count("escalated")
        responses = try r.count("responses")
        satisfied = try r.count("satisfied")
        try r.end()
    }
}

extension FollowUp {
    /// The answer; its mean is not stored but computed again from the three scores.
    var partialJSON: JSONValue {
        .object([
            "id": .string(id), "owner": owner.map { .string($0) } ?? .null, "category": category.map { .string($0) } ?? .null,
            "efficiency": .exact(efficiency), "attitude": .exact(attitude), "effectiveness": .exact(effectiveness),
            "comment": comment.map { .string($0) } ?? .null, "responded_at": respondedAt.map { .string($0.rfc3339) } ?? .null,
            "negative_comment": .bool(negativeComment),
        ])
    }

    init(partial v: JSONValue, path: String) throws(TicketError) {
        var r = try PartialReader(v, path: path)
        let id = try r.string("id"), owner = try r.optionalString("owner"), category = try r.optionalString("category")
        let e = try r.double("efficiency"), a = try r.double("attitude"), f = try r.double("effectiveness")
        let comment = try r.optionalString("comment")
        let at = try r.next("responded_at")
        var respondedAt: Instant? = nil
        if !at.isNull {
            guard let s = at.stringValue, let i = Instant(rfc3339: s) else { throw PartialReader.fail(r.at("responded_at"), "expected an RFC 3339 time or null") }
            respondedAt = i
        }
        guard case .bool(let negative) = try r.next("negative_comment") else { throw PartialReader.fail(r.at("negative_comment"), "expected true or false") }
        try r.end()
        let mean = SurveyFacts(efficiency: e, attitude: a, effectiveness: f).mean ?? 0
        self.init(id: id, owner: owner, category: category, efficiency: e, attitude: a, effectiveness: f, mean: mean,
                  comment: comment, respondedAt: respondedAt)
        negativeComment = negative
    }
}

extension CommentThemes {
    /// `{term: [count, is a policy word, example comment]}`, sorted by term (the cache of
    /// comments already seen is not state: it only saves work).
    var partialJSON: JSONValue {
        .object(JSONObject(themes.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map {
            JSONMember($0.key, .array([.int($0.value.count), .bool($0.value.vocabulary), .string($0.value.example)]))
        }))
    }

    init(partial v: JSONValue, path: String) throws(TicketError) {
        self.init()
        guard case .object(let o) = v else { throw PartialReader.fail(path, "expected an object of themes") }
        for m in o.members {
            guard let a = m.value.arrayValue, a.count == 3, let n = a[0].intValue, n > 0, case .bool(let word) = a[1],
                let example = a[2].stringValue, stored[m.key] == nil
            else { throw PartialReader.fail(path + "." + m.key, "expected [positive count, true|false, example], each term once") }
            stored[m.key] = Theme(count: n, vocabulary: word, example: example)
        }
    }
}

extension PeriodStats {
    var partialJSON: JSONValue {
        var groups: [JSONMember] = []
        for (i, d) in dimensions.enumerated() {
            let sorted = groupIndex[i].sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            groups.append(JSONMember(d.rawValue, .object(JSONObject(sorted.map { JSONMember($0.key, groupStats[$0.value].partialJSON) }))))
        }
        let agents = agentIndex.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        return .object([
            "opened": .int(opened),
            "by_channel": .array(channelCounts.map { .int($0) }),
            "by_priority": .array(priorityCounts.map { .int($0) }),
            "by_category": .sortedCounts(byCategory),
            "first_response": firstResponse.partialJSON,
            "workaround": workaround.partialJSON,
            "workaround_not_recorded": .int(workaroundNotRecorded),
            "resolution": resolution.partialJSON,
            "compliance": .array(complianceCounts.map(\.partialJSON)),
            "channel_compliance": .array(channelCompliance.map(\.partialJSON)),
            "priority_compliance": .array(priorityCompliance.map(\.partialJSON)),
            "escalated": .int(escalated),
            "escalated_by_tier": .sortedCounts(escalatedByTier),
            "escalated_by_trigger": .sortedCounts(escalatedByTrigger),
            "ack_times": ackTimes.partialJSON,
            "unacknowledged": .int(unacknowledged),
            "resolved": .int(resolved),
            "first_contact_resolved": .int(firstContactResolved),
            "reopened": .int(reopened),
            "phone_offered": .int(phoneOffered),
            "phone_answered": .int(phoneAnswered),
            "invited": .int(invited),
            "responded": .int(responded),
            "satisfied": .int(satisfied),
            "score_sums_millionths": .array([.number(String(scoreSums.0)), .number(String(scoreSums.1)), .number(String(scoreSums.2))]),
            "follow_up": .array(followUp.map(\.partialJSON)),
            "follow_up_total": .int(followUpTotal),
            "themes": themes.partialJSON,
            "agents": .object(JSONObject(agents.map { JSONMember($0.key, groupStats[$0.value].partialJSON) })),
            "groups": .object(JSONObject(groups)),
            "opened_per_day": .sortedIntCounts(openedPerDay),
            "backlog": .int(backlog),
            "backlog_ages": .array(backlogAges.map { .int($0) }),
        ])
    }

    init(partial v: JSONValue, path: String, period: ReportPeriod, dimensions: [ReportDimension]) throws(TicketError) {
        var r = try PartialReader(v, path: path)
        self.init(period: period, dimensions: dimensions)
        opened = try r.count("opened")
        // Channels and priorities by ordinal (Channel.allCases, then Priority.allCases and none).
        channelCounts = try r.counts("by_channel", length: Channel.allCases.count)
        priorityCounts = try r.counts("by_priority", length: Priority.allCases.count + 1)
        byCategory = try r.counts("by_category")
        firstResponse = try DurationFigure(partial: try r.next("first_response"), path: r.at("first_response"))
        workaround = try DurationFigure(partial: try r.next("workaround"), path: r.at("workaround"))
        workaroundNotRecorded = try r.count("workaround_not_recorded")
        resolution = try DurationFigure(partial: try r.next("resolution"), path: r.at("resolution"))
        let compliance = try r.array("compliance")
        guard compliance.count == SLATarget.allCases.count else {
            throw PartialReader.fail(r.at("compliance"), "expected one entry per SLA target (\(SLATarget.allCases.count))")
        }
        for (i, c) in compliance.enumerated() { complianceCounts[i] = try Compliance(partial: c, path: r.at("compliance") + "[\(i)]") }
        // Per channel and per priority (then none), by ordinal, three targets each.
        for (key, count) in [("channel_compliance", channelCompliance.count), ("priority_compliance", priorityCompliance.count)] {
            let a = try r.array(key)
            guard a.count == count else { throw PartialReader.fail(r.at(key), "expected \(count) entries") }
            for (i, c) in a.enumerated() {
                let x = try Compliance(partial: c, path: r.at(key) + "[\(i)]")
                if key == "channel_compliance" { channelCompliance[i] = x } else { priorityCompliance[i] = x }
            }
        }
        escalated = try r.count("escalated")
        escalatedByTier = try r.counts("escalated_by_tier")
        escalatedByTrigger = try r.counts("escalated_by_trigger")
        ackTimes = try DurationSamples(partial: try r.next("ack_times"), path: r.at("ack_times"))
        unacknowledged = try r.count("unacknowledged")
        resolved = try r.count("resolved")
        firstContactResolved = try r.count("first_contact_resolved")
        reopened = try r.count("reopened")
        phoneOffered = try r.count("phone_offered")
        phoneAnswered = try r.count("phone_answered")
        invited = try r.count("invited")
        responded = try r.count("responded")
        satisfied = try r.count("satisfied")
        let sums = try r.array("score_sums_millionths")
        guard sums.count == 3 else { throw PartialReader.fail(r.at("score_sums_millionths"), "expected 3 sums") }
        let p = r.at("score_sums_millionths")
        scoreSums = (try PartialReader.int64(sums[0], p + "[0]"), try PartialReader.int64(sums[1], p + "[1]"),
                     try PartialReader.int64(sums[2], p + "[2]"))
        var follow: [FollowUp] = []
        for (i, f) in try r.array("follow_up").enumerated() { follow.append(try FollowUp(partial: f, path: r.at("follow_up") + "[\(i)]")) }
        guard follow.count <= PeriodStats.followUpCount, zip(follow, follow.dropFirst()).allSatisfy({ !FollowUp.lower($1, $0) }) else {
            throw PartialReader.fail(r.at("follow_up"), "expected at most \(PeriodStats.followUpCount) answers, lowest first")
        }
        followUp = follow
        followUpTotal = try r.count("follow_up_total")
        themes = try CommentThemes(partial: try r.next("themes"), path: r.at("themes"))
        var agents = try PartialReader(try r.next("agents"), path: r.at("agents"))
        for m in agents.object.members {
            let g = try GroupStats(partial: try agents.next(m.key), path: agents.at(m.key))
            guard agentIndex[m.key] == nil else { throw PartialReader.fail(agents.at(m.key), "listed twice") }
            agentIndex[m.key] = newGroup()
            groupStats[groupStats.count - 1] = g
        }
        var groups = try PartialReader(try r.next("groups"), path: r.at("groups"))
        for (i, d) in dimensions.enumerated() {
            var dim = try PartialReader(try groups.next(d.rawValue), path: groups.at(d.rawValue))
            for m in dim.object.members {
                let g = try GroupStats(partial: try dim.next(m.key), path: dim.at(m.key))
                guard groupIndex[i][m.key] == nil else { throw PartialReader.fail(dim.at(m.key), "listed twice") }
                groupIndex[i][m.key] = newGroup()
                groupStats[groupStats.count - 1] = g
            }
        }
        try groups.end()
        openedBeforeLastDay = try r.intCounts("opened_per_day")
        backlog = try r.count("backlog")
        backlogAges = try r.counts("backlog_ages", length: 4)
        try r.end()
        // Totals that must agree with each other in any partial desk writes.
        let checks: [(Bool, String)] = [
            (channelCounts.reduce(0, +) == opened, "by_channel does not add up to opened"),
            (priorityCounts.reduce(0, +) == opened, "by_priority does not add up to opened"),
            (openedBeforeLastDay.values.reduce(0, +) == opened, "opened_per_day does not add up to opened"),
            (backlogAges.reduce(0, +) == backlog, "backlog_ages do not add up to backlog"),
            (responded <= invited && satisfied <= responded, "more answers than invitations, or satisfied than answers"),
            (followUpTotal <= responded && followUp.count == min(PeriodStats.followUpCount, followUpTotal),
             "follow_up does not match the answers"),
        ]
        for (ok, message) in checks where !ok { throw PartialReader.fail(path, message) }
    }
}

extension BenchFigures {
    var partialJSON: JSONValue {
        .object([
            "tickets": .int(tickets), "by_month": .sortedIntCounts(byMonthKey), "by_priority": .sortedCounts(byPriority),
            "first_response_seconds": .number(String(frSum)), "first_response_count": .int(frCount), "resolved": .int(resolved),
            "score_sums_millionths": .array([.number(String(sums.0)), .number(String(sums.1)), .number(String(sums.2))]),
            "responses": .int(responses), "satisfied": .int(satisfied),
        ])
    }

    init(partial v: JSONValue, path: String) throws(TicketError) {
        var r = try PartialReader(v, path: path)
        self.init()
        tickets = try r.count("tickets")
        byMonthKey = try r.intCounts("by_month")
        byPriority = try r.counts("by_priority")
        frSum = try r.int64("first_response_seconds")
        frCount = try r.count("first_response_count")
        resolved = try r.count("resolved")
        let s = try r.array("score_sums_millionths")
        guard s.count == 3 else { throw PartialReader.fail(r.at("score_sums_millionths"), "expected 3 sums") }
        let p = r.at("score_sums_millionths")
        sums = (try PartialReader.int64(s[0], p + "[0]"), try PartialReader.int64(s[1], p + "[1]"), try PartialReader.int64(s[2], p + "[2]"))
        responses = try r.count("responses")
        satisfied = try r.count("satisfied")
        try r.end()
    }
}

/// Standard base64 with padding (RFC 4648 §4), for the duration runs.
enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let n = min(3, bytes.count - i)
            let b0 = UInt32(bytes[i]), b1 = n > 1 ? UInt32(bytes[i + 1]) : 0, b2 = n > 2 ? UInt32(bytes[i + 2]) : 0
            let w = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(w >> 18 & 63)])
            out.append(alphabet[Int(w >> 12 & 63)])
            out.append(n > 1 ? alphabet[Int(w >> 6 & 63)] : 0x3D)
            out.append(n > 2 ? alphabet[Int(w & 63)] : 0x3D)
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes, or nil unless the text is canonical base64 (padding, zero unused bits).
    static func decode(_ text: String) -> [UInt8]? {
        let t = Array(text.utf8)
        guard t.count % 4 == 0 else { return nil }
        var value = [Int8](repeating: -1, count: 256)
        for (i, c) in alphabet.enumerated() { value[Int(c)] = Int8(i) }
        var out: [UInt8] = []
        out.reserveCapacity(t.count / 4 * 3)
        var i = 0
        while i < t.count {
            let last = i + 4 == t.count
            let pad = last ? (t[i + 3] == 0x3D ? (t[i + 2] == 0x3D ? 2 : 1) : 0) : 0
            var w: UInt32 = 0
            for k in 0..<(4 - pad) {
                let v = value[Int(t[i + k])]
                guard v >= 0 else { return nil }
                w |= UInt32(v) << UInt32(18 - 6 * k)
            }
            out.append(UInt8(w >> 16 & 0xFF))
            if pad < 2 { out.append(UInt8(w >> 8 & 0xFF)) }
            if pad < 1 { out.append(UInt8(w & 0xFF)) }
            i += 4
        }
        guard encode(out) == text else { return nil }
        return out
    }
}
