// `desk survey`: satisfaction surveys after resolution (seed 000 §四.(二).1 满意度调查: invite
// the user once the problem is solved; score efficiency, attitude and effectiveness, and collect
// open comments). --invite gives finished tickets a token and link; --record merges responses.

/// The `survey` command.
public enum SurveyCommand {
    /// The link template used when --link is not given.
    public static let defaultLink = "https://desk.example/s/{token}"

    /// The declaration of `survey`.
    public static let spec = CommandSpec(
        name: "survey",
        summary: "invite requesters of resolved tickets to a survey, or record their responses",
        synopsis: ["--invite [--link TEMPLATE] [OPTIONS] [FILE...]", "--record RESPONSES [--strict] [OPTIONS] [FILE...]"],
        discussion: """
            --invite gives every resolved or closed ticket without a survey (observation over) a \
            survey token (128 random bits, 32 hex digits), the invitation time and a link made from \
            TEMPLATE, where {token} and {id} are replaced, percent-encoded. It skips, and records in \
            history why, tickets the requester resolved themselves and requesters (by e-mail, else \
            name) invited within the policy's repeat interval, counting invitations of tickets read \
            earlier in the input and of this run. A recorded skip is final, so a second run changes \
            nothing. --record merges response objects ({token} or {id}, efficiency, attitude, \
            effectiveness, optional comment and responded_at) into their tickets and closes them, \
            except that an answer whose mean score is below the policy's CSAT threshold leaves \
            the ticket resolved and marks its survey_recorded event follow_up: true (the \
            follow-up duty of queue and check; seed 002 2.6.2 closes only once the customer is \
            satisfied). A refused response is reported as RESPONSES:LINE and leaves its ticket as it was; the \
            others still merge and the exit status is 3. --strict refuses the whole batch instead.
            """,
        flags: [
            FlagSpec("invite", help: "invite the requesters of resolved tickets"),
            FlagSpec("link", kind: .string, valueName: "TEMPLATE", help: "survey link with {token} and {id}", defaultText: defaultLink),
            FlagSpec("record", kind: .file, valueName: "RESPONSES", help: "merge the survey responses in RESPONSES (NDJSON)"),
            FlagSpec("strict", help: "with --record: refuse the whole batch when any response is refused"),
            CommonFlags.by,
            CommonFlags.inPlace,
            CommonFlags.now,
            CommonFlags.policy,
        ],
        examples: [
            ExampleSpec("desk survey --invite --link 'https://survey.corp/s/{token}' -i tickets.ndjson", "invite every requester whose ticket is resolved"),
            ExampleSpec("desk survey --record Examples/responses.ndjson -i tickets.ndjson", "merge the responses collected by the survey form"),
        ])

    /// Runs `survey`.
    public static func run(_ args: ParsedArguments, _ ctx: Context) throws(DeskError) -> Int32 {
        try FlagRules.survey(args)  // usage mistakes before the policy is opened
        return try run(args, ctx, settings: ReportSettings(policy: try Policy.load(args, ctx)))
    }

    /// Runs `survey` with given settings.
    public static func run(_ args: ParsedArguments, _ ctx: Context, settings: ReportSettings) throws(DeskError) -> Int32 {
        try FlagRules.survey(args)
        switch (args.has("invite"), args.string("record")) {
        case (true, nil):
            var rng = SystemRandomNumberGenerator()
            return try invite(args, ctx, settings: settings, rng: &rng)
        case (false, let file?):
            return try record(file, args, ctx, settings: settings)
        default:
            return 2  // unreachable: FlagRules.survey refused every other combination
        }
    }

    // MARK: invite

    /// Why a ticket is not invited.
    public enum SkipReason: String, Sendable {
        /// The requester resolved the ticket themselves.
        case selfResolved = "self_resolved"
        /// The requester was invited within the repeat interval.
        case recentlyInvited = "recently_invited"
    }

    /// The requester key used for the repeat interval: e-mail (lower-cased), else name.
    static func requesterKey(_ r: JSONObject?) -> String? {
        if let e = r?["email"]?.stringValue, !e.isEmpty { return "email:" + e.lowercased() }
        if let n = r?["name"]?.stringValue, !n.isEmpty { return "name:" + n }
        return nil
    }

    /// Whether a ticket is finished and out of observation, so it may be surveyed.
    static func isSurveyable(_ t: Ticket) -> Bool {
        guard t.status.isFinished else { return false }
        let r = t.object("resolution")
        return r?["confirmed_at"]?.stringValue != nil || r?["observe_until"] == nil || r?["observe_until"]?.isNull == true
    }

    /// 128 random bits as 32 lower-case hex digits.
    public static func token<R: RandomNumberGenerator>(using rng: inout R) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for _ in 0..<2 {
            let x = rng.next() as UInt64
            for shift in stride(from: 60, through: 0, by: -4) { out.append(digits[Int((x >> UInt64(shift)) & 0xF)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters.
    public static func percentEncode(_ s: String) -> String {
        var out = ""
        let hex = Array("0123456789ABCDEF")
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(Character(Unicode.Scalar(b)))
            default:
                out.append("%")
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0xF)])
            }
        }
        return out
    }

    /// The link for a ticket: {token} and {id} replaced, percent-encoded.
    public static func link(_ template: String, token: String, id: String) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[open...]
            if after.hasPrefix("{token}") {
                out += percentEncode(token)
                rest = after.dropFirst(7)
            } else if after.hasPrefix("{id}") {
                out += percentEncode(id)
                rest = after.dropFirst(4)
            } else {
                out += "{"
                rest = after.dropFirst()
            }
        }
        return out + rest
    }

    static func invite<R: RandomNumberGenerator>(_ args: ParsedArguments, _ ctx: Context, settings: ReportSettings, rng: inout R) throws(DeskError) -> Int32 {
        let template = args.string("link") ?? defaultLink
        guard template.contains("{token}") else {
            throw .usage(UsageError(command: "survey", message: "--link must contain {token}, which identifies the response"))
        }
        let now = ctx.now(args)
        let by = ctx.actor(args)
        // Latest invitation per requester, from tickets read so far and from this run.
        var lastInvite: [String: Instant] = [:]
        try TicketStream.transform(args, ctx, visit: { (t, _) throws(DeskError) in
            let requester = t.object("requester")
            let key = requesterKey(requester)
            if let s = t.object("survey") {
                if let k = key, let at = s["invited_at"]?.stringValue.flatMap({ Instant(rfc3339: $0) }), lastInvite[k].map({ at > $0 }) ?? true {
                    lastInvite[k] = at
                }
                return
            }
            guard isSurveyable(t) else { return }
            let history = t.array("history")
            if history.contains(where: { $0.objectValue?["event"]?.stringValue == "survey_skipped" }) { return }
            let resolvedBy = t.object("resolution")?["by"]?.stringValue
            var reason: SkipReason? = nil
            if let rb = resolvedBy, !rb.isEmpty,
                rb == requester?["name"]?.stringValue || rb.lowercased() == requester?["email"]?.stringValue?.lowercased()
            {
                reason = .selfResolved
            } else if let k = key, let last = lastInvite[k], abs(now.seconds - last.seconds) < settings.repeatInterval {
                reason = .recentlyInvited
            }
            if let r = reason {
                t.record("survey_skipped", at: now, by: by, [JSONMember("reason", .string(r.rawValue))])
                return
            }
            let tok = token(using: &rng)
            t.set("survey", .object([
                "token": .string(tok), "link": .string(link(template, token: tok, id: t.id)), "invited_at": .string(now.rfc3339),
            ]))
            t.record("surveyed", at: now, by: by)
            if let k = key { lastInvite[k] = now }
        })
        return 0
    }

    // MARK: record

    /// One response line, validated.
    struct Response {
        var line: Int
        var token: String?
        var id: String?
        var scores: [JSONMember]
        var comment: String?
        var respondedAt: Instant
        var used = false
    }

    /// A refused response: its line and why.
    struct Refusal: Comparable {
        var line: Int
        var message: String
        static func < (a: Refusal, b: Refusal) -> Bool { a.line < b.line }
    }

    static func parseResponses(_ bytes: [UInt8], settings: ReportSettings, now: Instant) -> ([Response], [Refusal]) {
        var responses: [Response] = []
        var refusals: [Refusal] = []
        var lineNo = 0
        var start = 0
        var all = bytes
        if all.starts(with: [0xEF, 0xBB, 0xBF]) { all.removeFirst(3) }
        let scale = settings.surveyMin...settings.surveyMax
        while start < all.count {
            var end = start
            while end < all.count && all[end] != 0x0A { end += 1 }
            lineNo += 1
            var slice = Array(all[start..<end])
            start = end + 1
            if slice.last == 0x0D { slice.removeLast() }
            if slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            func refuse(_ m: String) { refusals.append(Refusal(line: lineNo, message: m)) }
            let value: JSONValue
            do throws(JSONSyntaxError) {
                value = try JSONParser.parse(slice)
            } catch {
                refuse(error.message)
                continue
            }
            guard let o = value.objectValue else { refuse("expected a response object, found \(value.kindName)"); continue }
            let token = o["token"]?.stringValue, id = o["id"]?.stringValue
            guard token != nil || id != nil else { refuse("a response needs a 'token' or an 'id'"); continue }
            var scores: [JSONMember] = []
            var bad: String? = nil
            for dim in ["efficiency", "attitude", "effectiveness"] {
                guard let v = o[dim] else { bad = bad ?? "missing score '\(dim)'"; continue }
                guard let n = v.intValue, case .number(let text) = v, !text.contains("."), !text.contains("e"), !text.contains("E") else {
                    bad = bad ?? "'\(dim)' must be an integer from \(scale.lowerBound) to \(scale.upperBound), got \(JSONWriter.string(v))"
                    continue
                }
                guard scale.contains(n) else {
                    bad = bad ?? "'\(dim)' must be an integer from \(scale.lowerBound) to \(scale.upperBound), got \(n)"
                    continue
                }
                scores.append(JSONMember(dim, .int(n)))
            }
            if let b = bad { refuse(b); continue }
            var comment: String? = nil
            if let c = o["comment"], !c.isNull {
                guard let s = c.stringValue else { refuse("'comment' must be a string"); continue }
                comment = s
            }
            var at = now
            if let r = o["responded_at"], !r.isNull {
                guard let s = r.stringValue, let i = Instant(rfc3339: s) else { refuse("'responded_at' must be an RFC 3339 time"); continue }
                at = i
            }
            responses.append(Response(line: lineNo, token: token, id: id, scores: scores, comment: comment, respondedAt: at))
        }
        return (responses, refusals)
    }

    static func record(_ file: String, _ args: ParsedArguments, _ ctx: Context, settings: ReportSettings) throws(DeskError) -> Int32 {
        let now = ctx.now(args)
        let by = ctx.actor(args)
        let strict = args.has("strict")
        let bytes = try InputFile.readAll(file, stdin: ctx.stdin)
        var (responses, refusals) = parseResponses(bytes, settings: settings, now: now)
        let name = file == "-" ? InputFile.stdinName : file
        func reportRefusals() {
            for r in refusals.sorted() { ctx.diagnostics.print(Diagnostic(.error, file: name, line: r.line, r.message)) }
        }
        if strict && !refusals.isEmpty {
            reportRefusals()
            ctx.diagnostics.print(Diagnostic(.plain, "desk: refused the whole batch (--strict): nothing written"))
            return 3
        }
        var byToken: [String: [Int]] = [:]
        var byId: [String: [Int]] = [:]
        for (i, r) in responses.enumerated() {
            if let t = r.token { byToken[t, default: []].append(i) } else if let id = r.id { byId[id, default: []].append(i) }
        }
        // With --strict on stdout the output is held back until the batch is known to be good.
        var runCtx = ctx
        let held = OutputSink(memoryNamed: "<stdout>")
        if strict && !args.has("in-place") { runCtx.stdout = held }
        do throws(DeskError) {
            try TicketStream.transform(args, runCtx, visit: { (t, _) throws(DeskError) in
                let survey = t.object("survey")
                var mine: [Int] = byId[t.id] ?? []
                if let tok = survey?["token"]?.stringValue { mine += byToken[tok] ?? [] }
                guard !mine.isEmpty else { return }
                mine.sort { responses[$0].line < responses[$1].line }
                for i in mine { responses[i].used = true }
                guard var s = survey, let invitedAt = s["invited_at"]?.stringValue.flatMap({ Instant(rfc3339: $0) }) else {
                    for i in mine { refusals.append(Refusal(line: responses[i].line, message: "ticket \(t.id) has no survey invitation")) }
                    return
                }
                var taken = s["efficiency"] != nil || s["responded_at"] != nil
                var accepted: Response? = nil
                for i in mine {
                    let r = responses[i]
                    if taken {
                        refusals.append(Refusal(line: r.line, message: "ticket \(t.id) already has a survey response"))
                        continue
                    }
                    if r.respondedAt < invitedAt {
                        refusals.append(Refusal(line: r.line, message: "response at \(r.respondedAt.rfc3339) is before the invitation (\(invitedAt.rfc3339)) of ticket \(t.id)"))
                        continue
                    }
                    if r.respondedAt.seconds - invitedAt.seconds > settings.responseWindow {
                        refusals.append(Refusal(
                            line: r.line,
                            message: "response at \(r.respondedAt.rfc3339) is after the \(DurationText.format(settings.responseWindow)) window of ticket \(t.id) (invited \(invitedAt.rfc3339))"))
                        continue
                    }
                    accepted = r
                    taken = true
                }
                guard let r = accepted else { return }
                if strict { return }  // applied in the real run only when nothing is refused
                apply(r, to: &t, survey: &s, now: now, by: by, csatThreshold: settings.csatThreshold)
            }, trailer: { () throws(DeskError) -> [Ticket] in
                for r in responses where !r.used {
                    let what = r.token.map { "token '\($0)'" } ?? "id '\(r.id ?? "")'"
                    refusals.append(Refusal(line: r.line, message: "no ticket with survey \(what)"))
                }
                if strict && !refusals.isEmpty { throw .silent(3) }
                return []
            })
        } catch {
            if case .silent = error {
                reportRefusals()
                ctx.diagnostics.print(Diagnostic(.plain, "desk: refused the whole batch (--strict): nothing written"))
                return 3
            }
            throw error
        }
        if strict {
            // Everything checked out: the real run applies every response.
            for i in responses.indices { responses[i].used = false }
            let accepted = responses
            var byKey: [String: Response] = [:]
            for r in accepted { if let t = r.token { byKey["t:" + t] = r } else if let id = r.id { byKey["i:" + id] = r } }
            if args.has("in-place") {
                try TicketStream.transform(args, ctx, visit: { (t, _) throws(DeskError) in
                    guard var s = t.object("survey") else { return }
                    let r = s["token"]?.stringValue.flatMap { byKey["t:" + $0] } ?? byKey["i:" + t.id]
                    if let r = r { apply(r, to: &t, survey: &s, now: now, by: by, csatThreshold: settings.csatThreshold) }
                })
            } else {
                // Re-apply to the held output: every ticket line passes through once more.
                var line: [UInt8] = []
                // Split the bytes on newlines, not the text: as Characters, a line ending in
                // `\r` joins its `\n` into one "\r\n" and two tickets became one (dropped).
                try held.flush()
                for raw in held.captured.split(separator: 0x0A, omittingEmptySubsequences: true) {
                    let lineBytes = Array(raw)
                    guard var t = try? Ticket(bytes: lineBytes) else { try ctx.stdout.write(lineBytes + [0x0A]); continue }
                    if var s = t.object("survey"), let r = s["token"]?.stringValue.flatMap({ byKey["t:" + $0] }) ?? byKey["i:" + t.id] {
                        apply(r, to: &t, survey: &s, now: now, by: by, csatThreshold: settings.csatThreshold)
                    }
                    line.removeAll(keepingCapacity: true)
                    t.write(to: &line)
                    line.append(0x0A)
                    try ctx.stdout.write(line)
                }
            }
            return 0
        }
        reportRefusals()
        return refusals.isEmpty ? 0 : 3
    }

    /// Merges an accepted response into its ticket and records the event. A satisfied answer
    /// closes a resolved ticket; one whose mean score is below the CSAT threshold leaves it
    /// resolved, with `follow_up: true` on the event, for the follow-up duty (seed 002 2.6.2:
    /// a ticket is closed once the customer confirms satisfaction; docs/SLA.md).
    static func apply(_ r: Response, to t: inout Ticket, survey s: inout JSONObject, now: Instant, by: String?, csatThreshold: Double) {
        s["responded_at"] = .string(r.respondedAt.rfc3339)
        for m in r.scores { s[m.key] = m.value }
        if let c = r.comment { s["comment"] = .string(c) }
        t.set("survey", .object(s))
        let scores = Policy.SurveyDimension.allCases.compactMap { d in r.scores.first { $0.key == d.rawValue }?.value.doubleValue }
        let dissatisfied = Policy.SurveyDimension.mean(scores).map { $0 < csatThreshold } ?? false
        if t.status == .resolved && !dissatisfied { t.setStatus(.closed) }
        t.record("survey_recorded", at: now, by: by, dissatisfied ? r.scores + [JSONMember("follow_up", .bool(true))] : r.scores)
    }
}
