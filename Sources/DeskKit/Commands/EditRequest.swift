// What `desk edit` was asked to change, checked before any file is read, and how one ticket
// takes those changes: each field that really changes gets an `edited` history event
// {field, old, new, reason}, needs_info is recomputed, and a classified ticket whose
// classification inputs changed goes through ClassifyRun, the code `classify` runs.

/// A field `edit` can set or clear: its flag, and where it lives on the ticket.
struct EditField: Sendable {
    enum Kind: Sendable {
        case text, instant, choice, attachment, tags, escalation
    }

    /// The long flag name (`steps-tried`), which `--unset` also takes.
    let flag: String
    /// The top-level key (`requester`).
    let key: String
    /// The member inside the top-level object, for requester and environment facts.
    let sub: String?
    let kind: Kind

    init(_ flag: String, _ key: String, _ sub: String? = nil, _ kind: Kind = .text) {
        self.flag = flag
        self.key = key
        self.sub = sub
        self.kind = kind
    }

    /// The name used in history: `requester.phone`, `tags`.
    var path: String { sub.map { key + "." + $0 } ?? key }

    /// Whether a change to this field can change what `classify` decides.
    var feedsClassification: Bool { ["title", "description", "impact", "urgency", "category", "tags"].contains(key) }

    /// Every editable field, in the record's order.
    static let all: [EditField] = [
        EditField("owner", "owner"),
        EditField("assignee", "assignee"),
        EditField("requester", "requester", "name"),
        EditField("contact", "requester", "contact"),
        EditField("email", "requester", "email"),
        EditField("phone", "requester", "phone"),
        EditField("department", "requester", "department"),
        EditField("account", "requester", "account"),
        EditField("title", "title"),
        EditField("description", "description"),
        EditField("occurred-at", "occurred_at", nil, .instant),
        EditField("frequency", "frequency"),
        EditField("steps-tried", "steps_tried"),
        EditField("attach", "attachments", nil, .attachment),
        EditField("device", "environment", "device"),
        EditField("os", "environment", "os"),
        EditField("app-version", "environment", "app_version"),
        EditField("network", "environment", "network"),
        EditField("impact", "impact", nil, .choice),
        EditField("urgency", "urgency", nil, .choice),
        EditField("category", "category"),
        EditField("tag", "tags", nil, .tags),
        EditField("escalation-requested", "escalation_requested", nil, .escalation),
    ]

    /// The flags `--unset` accepts: every field but the first-contact owner, who always exists.
    static let unsettable: [String] = all.map(\.flag).filter { $0 != "owner" }

    static func named(_ flag: String) -> EditField? { all.first { $0.flag == flag } }
}

/// The changes one `edit` run makes to every ticket it picks.
struct EditRequest {
    enum Change {
        case set(JSONValue)
        case unset
        case addTag(String)
        case removeTag(String)
        case attach(String)
    }

    var changes: [(field: EditField, change: Change)] = []
    var reason: String?
    var escalationRequested = false

    /// Reads and checks the flags: a usage error (exit 2) for anything wrong before a file is read.
    init(_ args: ParsedArguments) throws(DeskError) {
        func usage(_ m: String) -> DeskError { .usage(UsageError(command: "edit", message: m)) }
        if let r = args.string("reason") {
            guard !r.trimmed.isEmpty else { throw usage("--reason must not be blank") }
            reason = r
        }
        let unset = args.strings("unset")
        for field in EditField.all {
            if unset.contains(field.flag) {
                if args.has(field.flag) { throw usage("--\(field.flag) and --unset \(field.flag) contradict each other") }
                changes.append((field, .unset))
                continue
            }
            switch field.kind {
            case .escalation:
                guard args.has(field.flag) else { continue }
                guard reason != nil else {
                    throw usage("--escalation-requested needs --reason TEXT: what the customer asked for (seed 000 四(一)2)")
                }
                escalationRequested = true
                changes.append((field, .set(.null)))  // the value is stamped per run in apply
            case .tags:
                for v in args.strings(field.flag) {
                    let remove = v.hasPrefix("-")
                    let name = (remove || v.hasPrefix("+")) ? String(v.dropFirst()) : v
                    guard !name.trimmed.isEmpty else { throw usage("--tag needs a tag name: +TAG adds, -TAG removes") }
                    changes.append((field, remove ? .removeTag(name) : .addTag(name)))
                }
            case .attachment:
                for v in args.strings(field.flag) { changes.append((field, .attach(v))) }
            case .instant:
                guard let v = args.string(field.flag) else { continue }
                guard let at = Instant(rfc3339: v) else { throw usage("--\(field.flag) must be an RFC 3339 time") }
                changes.append((field, .set(.string(at.rfc3339))))
            case .text, .choice:
                guard let v = args.string(field.flag) else { continue }
                guard !v.trimmed.isEmpty else {
                    throw usage("--\(field.flag) is empty; to clear the field use --unset \(field.flag)")
                }
                changes.append((field, .set(.string(v))))
            }
        }
        if args.has("owner") && reason == nil {
            throw usage("--owner needs --reason TEXT: the first-contact owner (首问责任制) changes only on purpose")
        }
        if changes.isEmpty {
            throw usage("nothing to change: give a field flag (--title, --phone, --tag, ...) or --unset FIELD")
        }
    }

    /// Applies the changes to one ticket; throws a refusal or a data error and then the run
    /// writes nothing.
    func apply(to t: inout Ticket, at loc: TicketLocation, now: Instant, by: String?, classify: ClassifyRun) throws(DeskError) {
        if t.status.isFinished && reason == nil {
            throw .refused("ticket \(t.id) is \(t.status.rawValue); editing a finished ticket needs --reason TEXT")
        }
        func wrongKind(_ key: String, _ v: JSONValue, _ want: String) -> DeskError {
            .data(DataError(file: loc.file, line: loc.line,
                message: "ticket \(t.id): field '\(key)' must be \(want) to be edited, found \(v.kindName)"))
        }
        var reclassify = false
        var byHand = t.object("classification")?["by_hand"]?.objectValue ?? JSONObject()
        let byHandBefore = byHand
        for (field, change) in changes {
            // The value held now, and the container it lives in.
            var container: JSONObject? = nil
            if field.sub != nil, let held = t.value(field.key) {
                guard let o = held.objectValue else { throw wrongKind(field.key, held, "an object") }
                container = o
            }
            let old: JSONValue? = field.sub.map { container?[$0] } ?? t.value(field.key)
            var new: JSONValue?
            switch change {
            case .set(let v):
                if field.kind == .escalation {
                    if let o = old?.objectValue, o["reason"]?.stringValue == reason { continue }
                    var request = JSONObject([JSONMember("at", .string(now.rfc3339))])
                    if let by { request["by"] = .string(by) }
                    request["reason"] = reason.map { .string($0) }
                    new = .object(request)
                } else {
                    new = v
                }
            case .unset:
                new = nil
            case .addTag(let name), .removeTag(let name), .attach(let name):
                var list: [JSONValue] = []
                if let held = old, !held.isNull {
                    guard let a = held.arrayValue else { throw wrongKind(field.key, held, "an array") }
                    list = a
                }
                if case .removeTag = change {
                    list.removeAll { $0 == .string(name) }
                } else if !list.contains(.string(name)) {
                    list.append(.string(name))
                }
                new = list.isEmpty && old == nil ? nil : .array(list)
            }
            guard new != old else { continue }
            // What classify must keep: a category chosen here, tags removed here.
            if field.key == "category" { byHand["category"] = new }
            if case .removeTag(let name) = change { byHand["tags_removed"] = .array(Self.adding(name, to: byHand["tags_removed"])) }
            // `--unset tag` removes every tag held, each as `--tag -TAG` would.
            if case .unset = change, field.kind == .tags {
                for name in (old?.arrayValue ?? []).compactMap(\.stringValue) {
                    byHand["tags_removed"] = .array(Self.adding(name, to: byHand["tags_removed"]))
                }
            }
            if case .addTag(let name) = change, let removed = byHand["tags_removed"]?.arrayValue {
                let rest = removed.filter { $0 != .string(name) }
                byHand["tags_removed"] = rest.isEmpty ? nil : .array(rest)
            }
            if let sub = field.sub {
                var o = container ?? JSONObject()
                o[sub] = new
                if o.members.isEmpty { t.set(field.key, nil) } else { t.setInPlace(field.key, .object(o)) }
            } else if let new {
                t.setInPlace(field.key, new)
            } else {
                t.set(field.key, nil)
            }
            var details = [JSONMember("field", .string(field.path)), JSONMember("old", old ?? .null), JSONMember("new", new ?? .null)]
            if let reason { details.append(JSONMember("reason", .string(reason))) }
            t.record("edited", at: now, by: by, details)
            if field.feedsClassification { reclassify = true }
        }
        if t.string("title") == nil && t.string("description") == nil {
            throw .refused("ticket \(t.id) would have neither a title nor a description; keep one of them")
        }
        if byHand != byHandBefore {
            var c = t.object("classification") ?? JSONObject()
            c["by_hand"] = byHand.members.isEmpty ? nil : .object(byHand)
            t.setInPlace("classification", .object(c))
        }
        guard t.isModified else { return }
        EditRequest.refreshNeedsInfo(&t)
        // Only a ticket classify already handled is reclassified here; an unclassified one will
        // be when classify runs, with the same result (tested).
        if reclassify && (t.has("sla") || t.object("classification")?["rules"] != nil) {
            classify.apply(to: &t, manual: nil)
        }
    }

    /// needs_info as `open` computes it from the facts the ticket now holds; removed when empty.
    static func refreshNeedsInfo(_ t: inout Ticket) {
        var facts = JSONObject()
        for key in ["requester", "environment", "occurred_at", "frequency", "steps_tried"] {
            if let v = t.value(key), !v.isNull { facts[key] = v }
        }
        let missing = JSONValue.array(OpenCommand.missingFacts(facts).map { .string($0) })
        let held = t.value("needs_info")
        if missing == .array([]) {
            if held != nil { t.set("needs_info", nil) }
        } else if held != missing {
            t.setInPlace("needs_info", missing)
        }
    }

    static func adding(_ name: String, to list: JSONValue?) -> [JSONValue] {
        var a = list?.arrayValue ?? []
        if !a.contains(.string(name)) { a.append(.string(name)) }
        return a
    }
}
