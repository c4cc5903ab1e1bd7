// `show --redact`: tickets that can be shared in a bug report. The requester's contact data
// is masked wherever it sits: every member of a requester object (a repeated `email` key too,
// since jq reads the last one), a requester given as a string or a list, and e-mail addresses,
// phone numbers and the requester's own values inside every text of the ticket (descriptions,
// replies, notes, survey comments, unknown keys). Moved here from ShowCommand.swift.

/// Masks personal contact data (SPEC: reports and shared tickets never carry it).
public enum Redaction {
    /// Requester members kept as written (apart from contact data found inside them).
    static let keptRequesterKeys: Set<String> = ["name", "department"]

    /// Masks the ticket's contact data; a ticket without any is left byte for byte.
    public static func apply(to ticket: inout Ticket) {
        guard case .object(let whole) = ticket.json else { return }
        var known = ContactMask.Known()
        for m in whole.members where m.key == "requester" { known.add(requester: m.value) }
        var masked = JSONObject()
        var changedKeys: [String] = []
        for m in whole.members {
            let v: JSONValue
            switch m.key {
            case "requester": v = requester(m.value)
            case "id": v = m.value  // the ticket's name, needed to find it again
            default: v = ContactMask.strings(in: m.value, known: known)
            }
            if v != m.value { changedKeys.append(m.key) }
            masked.members.append(JSONMember(m.key, v))
        }
        guard !changedKeys.isEmpty else { return }
        // A key written once is set in place (the other members keep their bytes); a repeated
        // key can only be rewritten with the whole line.
        if changedKeys.allSatisfy({ whole.count(of: $0) == 1 }) {
            for k in changedKeys { ticket.set(k, masked[k]) }
        } else if let t = try? Ticket(bytes: JSONWriter.bytes(.object(masked))) {
            ticket = t
        }
    }

    /// A requester with its contact data masked: an object member by member (name and
    /// department kept, e-mail and phone shortened, anything else `***`), a string or list item
    /// by the free-text mask.
    static func requester(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let o):
            return .object(JSONObject(o.members.map { m in
                switch (m.key, m.value) {
                case (_, .null): return m
                case ("email", .string(let e)): return JSONMember(m.key, .string(maskEmail(e)))
                case ("phone", .string(let p)), ("phone", .number(let p)): return JSONMember(m.key, .string(maskPhone(p)))
                case (let k, .string(let s)) where keptRequesterKeys.contains(k): return JSONMember(k, .string(ContactMask.text(s)))
                default: return JSONMember(m.key, .string(ContactMask.mask))
                }
            }))
        case .array(let items): return .array(items.map(requester))
        case .string(let s): return .string(ContactMask.text(s))
        case .null: return value
        default: return .string(ContactMask.mask)
        }
    }

    /// `wang.wei@example.com` -> `w***@example.com`.
    public static func maskEmail(_ e: String) -> String {
        guard let at = e.firstIndex(of: "@"), at > e.startIndex else { return "***" }
        return String(e[e.startIndex]) + "***" + String(e[at...])
    }

    /// Keeps the last two digits: `+86 138 0000 1234` -> `***34`.
    public static func maskPhone(_ p: String) -> String {
        let digits = p.filter(\.isNumber)
        return "***" + String(digits.suffix(2))
    }
}
