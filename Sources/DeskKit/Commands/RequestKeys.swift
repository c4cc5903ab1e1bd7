// What a raw intake request (`open --batch`) may say. Requests come from web forms, mail
// gateways and chat bots, that is from the requester: they may state the problem, who they
// are and how to reach them, and nothing desk computes or an agent records. A request with
// `survey`, `sla`, `first_response_at` or `priority` would otherwise forge the KPIs (a 5/5/5
// survey made CSAT 100 %), so every other key is refused. Keys starting `x_` are the
// gateway's own (form version, source system): kept on the ticket, never read by desk.

/// The allow-list of raw request keys.
enum RequestKeys {
    /// Keys a raw request may carry, in the order docs/COMMANDS.md lists them.
    static let allowed: [String] = [
        "channel", "id", "owner", "title", "description",
        "requester", "contact", "email", "phone", "department", "account",
        "occurred_at", "frequency", "steps_tried",
        "device", "os", "app_version", "network",
        "attach", "attachments", "missed", "answered",
    ]
    static let allowedSet = Set(allowed)

    /// The prefix of a gateway's own keys, which are kept as they are.
    static let extensionPrefix = "x_"

    /// Whether a raw request may carry `key`.
    static func isAllowed(_ key: String) -> Bool {
        allowedSet.contains(key) || key.hasPrefix(extensionPrefix)
    }

    /// Throws a data error naming the first key of `request` that is not allowed.
    static func check(_ request: JSONObject, file: String, line: Int) throws(DeskError) {
        guard let bad = request.members.first(where: { !isAllowed($0.key) }) else { return }
        throw .data(DataError(file: file, line: line, message:
            "'\(bad.key)' is not a request field: a raw request may carry only \(allowed.joined(separator: ", ")) and keys starting x_ (desk records the rest itself)"))
    }
}
