// The top-level members of one NDJSON line, kept as read: each member's key and either its
// value's bytes in the line or a value a command set since. Ticket and Article keep their
// lines this way, so a member nobody set is written back exactly as read (unknown keys
// included, in their place) and an unchanged line is written byte for byte.

/// One line's members over the line's bytes.
struct LineMembers: Sendable {
    enum Stored: Sendable {
        /// The member's value bytes in `source`.
        case raw(Range<Int>)
        /// A value set by a command.
        case value(JSONValue)
    }

    struct Member: Sendable {
        var key: String
        /// The key's bytes (with quotes) in `source`, for members read from the line.
        var keyRange: Range<Int>?
        var stored: Stored
    }

    /// The line as read (without its newline); empty for a new record.
    let source: [UInt8]
    private(set) var members: [Member]
    /// True once any member was set.
    private(set) var isModified: Bool

    /// Members read from `source` (unmodified), or a new record (`source` empty, modified).
    init(source: [UInt8], members: [Member]) {
        self.source = source
        self.members = members
        self.isModified = source.isEmpty
    }

    /// The value of a top-level member, parsed on demand; nil when absent.
    func value(_ key: String) -> JSONValue? {
        guard let m = members.first(where: { $0.key == key }) else { return nil }
        return value(at: m)
    }

    /// The value of a member of this line.
    func value(at m: Member) -> JSONValue {
        switch m.stored {
        case .value(let v): return v
        case .raw(let range):
            // The line was validated whole when read, so parsing a member cannot fail.
            return source.withUnsafeBytes { buf in
                (try? JSONParser.parse(UnsafeRawBufferPointer(rebasing: buf[range]))) ?? .null
            }
        }
    }

    /// Sets (or with nil removes) a member: an existing key keeps its place, a new one goes last.
    mutating func set(_ key: String, _ newValue: JSONValue?) {
        isModified = true
        if let i = members.firstIndex(where: { $0.key == key }) {
            if let v = newValue { members[i].stored = .value(v) } else { members.remove(at: i) }
        } else if let v = newValue {
            members.append(Member(key: key, keyRange: nil, stored: .value(v)))
        }
    }

    /// Moves the member at `from` to `to` (a new member put in its place in a record's order).
    mutating func move(from: Int, to: Int) {
        isModified = true
        let m = members.remove(at: from)
        members.insert(m, at: to)
    }

    /// Appends the line (without newline): the original bytes when unmodified; otherwise
    /// compact JSON in which untouched members keep their original bytes.
    func write(to out: inout [UInt8]) {
        if !isModified {
            out.append(contentsOf: source)
            return
        }
        out.append(UInt8(ascii: "{"))
        source.withUnsafeBytes { buf in
            for (i, m) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if let kr = m.keyRange {
                    out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buf[kr]))
                } else {
                    JSONWriter.writeString(m.key, to: &out)
                }
                out.append(UInt8(ascii: ":"))
                switch m.stored {
                case .raw(let r): out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buf[r]))
                case .value(let v): JSONWriter.write(v, to: &out)
                }
            }
        }
        out.append(UInt8(ascii: "}"))
    }

    /// An audit event `{at, by, event, ...details}`, as `history` holds them.
    static func event(_ event: String, at: Instant, by: String?, _ details: [JSONMember]) -> JSONValue {
        var obj = JSONObject([JSONMember("at", .string(at.rfc3339))])
        obj["by"] = by.map { .string($0) }
        obj["event"] = .string(event)
        obj.members.append(contentsOf: details)
        return .object(obj)
    }
}
