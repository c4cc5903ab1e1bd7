// `desk open`: create tickets from flags or from raw intake requests (`--batch`), and reopen
// finished ones (`--reopen`). New tickets are written to stdout, appended to a file under its
// lock (`-a`), or added to a file rewritten in place (`-i`).

/// The `open` command.
public enum OpenCommand {
    /// Intake facts, each both a flag (`--steps-tried`) and a raw request key (`steps_tried`).
    static let factFlags: [FlagSpec] = [
        FlagSpec("title", kind: .string, help: "one-line summary of the problem"),
        FlagSpec("description", kind: .string, help: "what happens, in the requester's words"),
        FlagSpec("requester", kind: .string, valueName: "NAME", help: "who asks for help"),
        FlagSpec("contact", kind: .string, help: "how to reach the requester (any form, e.g. an IM handle)"),
        FlagSpec("email", kind: .string, valueName: "ADDRESS", help: "requester's e-mail address"),
        FlagSpec("phone", kind: .string, valueName: "NUMBER", help: "requester's phone number"),
        FlagSpec("department", kind: .string, help: "requester's department"),
        FlagSpec("account", kind: .string, help: "requester's account name"),
        FlagSpec("occurred-at", kind: .instant, help: "when the problem first occurred"),
        FlagSpec("frequency", kind: .string, help: "how often it happens (always, daily, once, ...)"),
        FlagSpec("steps-tried", kind: .string, help: "what the requester already tried, with results"),
        FlagSpec("device", kind: .string, help: "device model"),
        FlagSpec("os", kind: .string, help: "operating system and version"),
        FlagSpec("app-version", kind: .string, valueName: "VERSION", help: "software version"),
        FlagSpec("network", kind: .string, help: "network environment (office LAN, VPN, home Wi-Fi, ...)"),
        FlagSpec("attach", kind: .file, repeatable: true, help: "name of an attached file"),
    ]

    /// The declaration of `open`.
    public static let spec = CommandSpec(
        name: "open",
        summary: "create a ticket from flags or raw requests, or reopen a finished one",
        synopsis: [
            "--channel CHANNEL --title TEXT [OPTIONS] [FILE...]",
            "--batch [OPTIONS] [REQUESTS...]",
            "--reopen --id ID --reason TEXT [OPTIONS] [FILE...]",
        ],
        discussion: """
            Creates one ticket from flags, or with --batch one ticket per raw request object read \
            from the inputs (keys named as the flags in snake_case: title, steps_tried, app_version, \
            ...; a request may carry only what a requester can say: channel, id, owner, the \
            facts, attach or attachments, missed or answered, and the gateway's own keys \
            starting x_, which are kept; any other key, such as survey, sla or priority, is \
            refused with exit 3). A channel and a title or description are required. \
            Recommended facts that are missing (contact, environment, occurred_at, frequency, \
            steps_tried) are listed in needs_info. Without --batch, input files are only read when \
            named, and pass through before the new ticket. New tickets go to stdout; with -a they \
            are appended to FILE under its lock and also printed (when only the printing fails, \
            exit 4 says the tickets were appended); with -i they are added to FILE. \
            --reopen moves a resolved, closed or observing ticket back to in_progress.
            """,
        flags: [
            FlagSpec("channel", kind: .choice(Channel.names), help: "how the request arrived"),
        ] + factFlags + [
            FlagSpec("owner", kind: .string, valueName: "NAME", help: "first-contact owner, who answers for the ticket",
                defaultText: "$DESK_AGENT", environment: "DESK_AGENT"),
            FlagSpec("missed", help: "record a missed phone call, which must be called back"),
            FlagSpec("id", kind: .string, valueName: "ID", repeatable: true,
                help: "the new ticket's id instead of a generated one; with --reopen, the ticket to reopen"),
            FlagSpec("batch", help: "read raw request objects (NDJSON) and open one ticket per object"),
            FlagSpec("reopen", help: "reopen the ticket --id names"),
            FlagSpec("reason", kind: .string, help: "why the ticket is reopened (with --reopen)"),
            CommonFlags.by,
            FlagSpec("append", short: "a", kind: .file, help: "append new tickets to FILE under its lock (created 0600)"),
            CommonFlags.inPlace,
            CommonFlags.now,
        ],
        examples: [
            ExampleSpec(
                "desk open --channel phone --title 'VPN drops every 10 minutes' --requester '王伟' --phone '+86 138 0000 0000' -a tickets.ndjson",
                "open a ticket for a phone call and append it to tickets.ndjson"),
            ExampleSpec("desk open --batch Examples/requests.ndjson > new.ndjson", "turn raw web-form requests into tickets"),
            ExampleSpec(
                "desk open --reopen --id DK-261014-7G2K-M4QXZ --reason 'VPN drops again' -i tickets.ndjson",
                "reopen a resolved ticket in place"),
        ])

    /// Runs `open`.
    public static func run(_ args: ParsedArguments, _ ctx: Context) throws(DeskError) -> Int32 {
        let now = ctx.now(args)
        if args.has("reopen") { return try reopen(args, ctx, now: now) }
        for f in ["reason"] where args.has(f) {
            throw .usage(UsageError(command: "open", message: "--\(f) goes with --reopen"))
        }
        if args.has("append") && args.has("in-place") {
            throw .usage(UsageError(command: "open", message: "--append and --in-place cannot be used together"))
        }
        if args.strings("id").count > 1 {
            throw .usage(UsageError(command: "open", message: "--id names one ticket when opening"))
        }
        var rng = SystemRandomNumberGenerator()
        var created: [Ticket] = []
        if args.has("batch") {
            if args.has("in-place") {
                throw .usage(UsageError(command: "open", message: "--batch reads requests from its inputs; use --append to add them to a file"))
            }
            let flagFacts = spec.flags.filter { $0.long == "channel" || factFlags.contains($0) }.filter { args.has($0.long) }
            if let f = flagFacts.first {
                throw .usage(UsageError(command: "open", message: "--\(f.long) cannot be combined with --batch; put it in the request objects"))
            }
            try InputFile.forEachLine(paths: args.positionals, stdin: ctx.stdin) { (file, line, bytes) throws(DeskError) in
                let request: JSONValue
                do throws(JSONSyntaxError) {
                    request = try JSONParser.parse(bytes)
                } catch {
                    let col = lineAndColumn(of: error.offset, in: bytes).column
                    throw .data(DataError(file: file, line: line, column: col, message: error.message))
                }
                guard case .object(let obj) = request else {
                    throw .data(DataError(file: file, line: line, column: 1, message: "expected a request object, found \(request.kindName)"))
                }
                try RequestKeys.check(obj, file: file, line: line)
                do throws(BuildError) {
                    created.append(try build(from: RequestFields(object: obj), ctx: ctx, now: now, rng: &rng))
                } catch {
                    throw .data(DataError(file: file, line: line, message: error.message))
                }
            }
        } else {
            let fields = RequestFields(args: args)
            do throws(BuildError) {
                created.append(try build(from: fields, ctx: ctx, now: now, rng: &rng))
            } catch {
                throw .usage(UsageError(command: "open", message: error.message))
            }
        }
        try deliver(created, args, ctx)
        return 0
    }

    /// Writes new tickets to stdout, appends them (-a), or adds them to a file rewritten in place (-i).
    static func deliver(_ created: [Ticket], _ args: ParsedArguments, _ ctx: Context) throws(DeskError) {
        var bytes: [UInt8] = []
        for t in created {
            t.write(to: &bytes)
            bytes.append(0x0A)
        }
        if let target = args.string("append") {
            let file = try LockedFile(path: target, create: true, timeout: LockedFile.timeout(from: ctx.environment), notes: ctx.diagnostics)
            try file.refuseExisting(ids: Set(created.map(\.id)))
            try file.append(bytes)
            // The append is done and synced; if only printing fails now, say so: exit 4 with
            // "were appended" is a printing failure, any other exit 4 appended nothing.
            do throws(DeskError) {
                try ctx.stdout.write(bytes)
                try ctx.stdout.flush()
            } catch {
                let n = created.count
                throw .io("\(Diagnostic(error).message); the \(n == 1 ? "ticket was" : "\(n) tickets were") appended to \(target), only printing \(n == 1 ? "it" : "them") failed")
            }
        } else if args.has("in-place") {
            let newIds = Set(created.map(\.id))
            try TicketStream.transform(args, ctx, visit: { (t, loc) throws(DeskError) in
                if newIds.contains(t.id) {
                    throw .data(DataError(file: loc.file, line: loc.line, message: "a ticket with id '\(t.id)' already exists"))
                }
            }, trailer: { created })
        } else {
            if !args.positionals.isEmpty && !args.has("batch") {
                try TicketStream.transform(args, ctx, visit: { (_, _) throws(DeskError) in }, trailer: { created })
            } else {
                try ctx.stdout.write(bytes)
            }
        }
    }

    /// The facts of one request, from flags or from a raw request object.
    struct RequestFields {
        var values: [String: JSONValue] = [:]
        /// Keys of a raw request that are not facts, kept on the ticket in their order.
        var extra: [JSONMember] = []
        var missed = false

        init(args: ParsedArguments) {
            for f in [FlagSpec("channel", help: "x"), FlagSpec("owner", help: "x")] + OpenCommand.factFlags {
                let key = f.long.replacingAll("-", with: "_")
                if f.repeatable {
                    let all = args.strings(f.long)
                    if !all.isEmpty { values[key] = .array(all.map { .string($0) }) }
                } else if let v = args.string(f.long) {
                    values[key] = .string(v)
                }
            }
            if let id = args.strings("id").first { values["id"] = .string(id) }
            missed = args.has("missed")
        }

        init(object: JSONObject) {
            let known = Set(
                (["channel", "owner", "id", "attach", "attachments"] + OpenCommand.factFlags.map { $0.long }).map {
                    $0.replacingAll("-", with: "_")
                })
            for m in object.members {
                if m.key == "missed" {
                    missed = m.value.boolValue ?? false
                } else if m.key == "answered" {
                    missed = m.value.boolValue == false
                } else if known.contains(m.key) {
                    values[m.key == "attachments" ? "attach" : m.key] = m.value
                } else {
                    extra.append(m)
                }
            }
        }
    }

    struct BuildError: Error {
        var message: String
    }

    /// Builds a new ticket in the record's canonical key order.
    static func build<R: RandomNumberGenerator>(from f: RequestFields, ctx: Context, now: Instant, rng: inout R) throws(BuildError) -> Ticket {
        func text(_ key: String) throws(BuildError) -> String? {
            guard let v = f.values[key] else { return nil }
            switch v {
            case .null: return nil
            case .string(let s): return s.isEmpty ? nil : s
            default: throw BuildError(message: "'\(key)' must be a string, found \(v.kindName)")
            }
        }
        guard let channelText = try text("channel") else {
            throw BuildError(message: "a channel is required (--channel \(Channel.names.joined(separator: "|")))")
        }
        guard let channel = Channel(rawValue: channelText) else {
            throw BuildError(message: "unknown channel '\(channelText)'; expected one of \(Channel.names.joined(separator: ", "))")
        }
        let title = try text("title")
        let description = try text("description")
        guard title != nil || description != nil else {
            throw BuildError(message: "a title or a description is required")
        }
        if f.missed && channel != .phone {
            throw BuildError(message: "only a phone call can be missed (channel is \(channel.rawValue))")
        }
        var occurred: Instant? = nil
        if let o = try text("occurred_at") {
            guard let i = Instant(rfc3339: o) else { throw BuildError(message: "'occurred_at' must be an RFC 3339 time, got '\(o)'") }
            occurred = i
        }
        let id = try text("id") ?? TicketId.make(at: now, using: &rng)
        let owner = try text("owner") ?? ctx.environment["DESK_AGENT"].flatMap { $0.isEmpty ? nil : $0 }

        var obj = JSONObject()
        obj["id"] = .string(id)
        obj["opened_at"] = .string(now.rfc3339)
        obj["channel"] = .string(channel.rawValue)
        if channel == .phone { obj["answered"] = .bool(!f.missed) }
        if let o = owner {
            obj["owner"] = .string(o)
            obj["assignee"] = .string(o)
        }
        obj["tier"] = .string(Tier.tier1.rawValue)
        obj["status"] = .string(Status.open.rawValue)
        var requester = JSONObject()
        // A gateway may send the requester as an object ({name, email, ...}); flags give a name.
        if case .object(let given)? = f.values["requester"] {
            for m in given.members {
                guard case .string = m.value else { throw BuildError(message: "'requester.\(m.key)' must be a string") }
                requester[m.key] = m.value
            }
        }
        for (flag, key) in [("requester", "name"), ("contact", "contact"), ("email", "email"), ("phone", "phone"),
                            ("department", "department"), ("account", "account")] {
            if flag == "requester", case .object? = f.values[flag] { continue }
            if let v = try text(flag) { requester[key] = .string(v) }
        }
        if !requester.members.isEmpty { obj["requester"] = .object(requester) }
        if let t = title { obj["title"] = .string(t) }
        if let d = description { obj["description"] = .string(d) }
        if let o = occurred { obj["occurred_at"] = .string(o.rfc3339) }
        if let v = try text("frequency") { obj["frequency"] = .string(v) }
        if let v = try text("steps_tried") { obj["steps_tried"] = .string(v) }
        if let a = f.values["attach"] {
            switch a {
            case .string(let s): obj["attachments"] = .array([.string(s)])
            case .array(let items) where items.allSatisfy({ $0.stringValue != nil }): obj["attachments"] = a
            case .null: break
            default: throw BuildError(message: "'attach' must be a file name or a list of them")
            }
        }
        var env = JSONObject()
        for key in ["device", "os", "app_version", "network"] {
            if let v = try text(key) { env[key] = .string(v) }
        }
        if !env.members.isEmpty { obj["environment"] = .object(env) }
        let missing = missingFacts(obj)
        if !missing.isEmpty { obj["needs_info"] = .array(missing.map { .string($0) }) }
        obj.members.append(contentsOf: f.extra)
        var event = JSONObject([JSONMember("at", .string(now.rfc3339))])
        if let o = owner { event["by"] = .string(o) }
        event["event"] = .string(f.missed ? "missed_call" : "opened")
        obj["history"] = .array([.object(event)])
        do throws(TicketError) {
            return try Ticket(bytes: JSONWriter.bytes(.object(obj)))
        } catch {
            throw BuildError(message: error.message)
        }
    }

    /// The recommended intake facts (seed 000 §二.(一).2 信息记录的完整性) a new ticket lacks.
    static func missingFacts(_ t: JSONObject) -> [String] {
        var missing: [String] = []
        let r = t["requester"]?.objectValue ?? JSONObject()
        if r["contact"] == nil && r["email"] == nil && r["phone"] == nil { missing.append("contact") }
        if t["environment"] == nil { missing.append("environment") }
        for key in ["occurred_at", "frequency", "steps_tried"] where t[key] == nil { missing.append(key) }
        return missing
    }

    /// `--reopen`: a resolved, closed or observing ticket goes back to in_progress.
    static func reopen(_ args: ParsedArguments, _ ctx: Context, now: Instant) throws(DeskError) -> Int32 {
        let ids = args.strings("id")
        guard !ids.isEmpty else { throw .usage(UsageError(command: "open", message: "--reopen needs --id ID")) }
        guard let reason = args.string("reason"), !reason.trimmed.isEmpty else {
            throw .usage(UsageError(command: "open", message: "--reopen needs --reason TEXT: say why the problem is back"))
        }
        if args.has("append") { throw .usage(UsageError(command: "open", message: "--reopen rewrites tickets; use -i, not --append")) }
        let by = ctx.actor(args)
        var selection = IdSelection(ids)
        try TicketStream.transform(args, ctx, visit: { (t, loc) throws(DeskError) in
            guard selection.picks(t.id, at: loc) else { return }
            guard t.status.isFinished || t.status == .observing else {
                throw .refused("ticket \(t.id) is \(t.status.rawValue); only resolved, closed or observing tickets can be reopened")
            }
            var entry = JSONObject([JSONMember("at", .string(now.rfc3339)), JSONMember("reason", .string(reason))])
            if let b = by { entry["by"] = .string(b) }
            let from = t.status.rawValue
            t.append(.object(entry), to: "reopened")
            t.setStatus(.inProgress)
            t.record("reopened", at: now, by: by, [JSONMember("from", .string(from)), JSONMember("reason", .string(reason))])
        }, trailer: { () throws(DeskError) -> [Ticket] in
            // Inside the run, so a missing or repeated id leaves an -i file untouched.
            try selection.checkAllFound(ids, input: TicketStream.inputName(args))
            return []
        })
        return 0
    }
}
