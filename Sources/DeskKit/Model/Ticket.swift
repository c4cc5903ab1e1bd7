// The ticket record: a typed view over one NDJSON line. The line's bytes are kept; members a
// command does not set stay as the exact bytes they were read as, unknown keys included, in
// their place. An unchanged ticket is written back byte for byte.

/// One ticket, decoded lazily from its line.
public struct Ticket: Sendable {
    typealias Stored = LineMembers.Stored
    typealias Member = LineMembers.Member

    /// The line's members, kept as read (Model/LineMembers.swift).
    private var lineMembers: LineMembers
    /// The line as read (without its newline); empty for a new ticket.
    public var source: [UInt8] { lineMembers.source }
    var members: [Member] { lineMembers.members }
    /// True once any member was set.
    public var isModified: Bool { lineMembers.isModified }

    /// The ticket's id (required, non-empty string).
    public private(set) var id: String
    /// When it was opened (required, RFC 3339).
    public private(set) var openedAt: Instant
    /// Its channel (required).
    public private(set) var channel: Channel
    /// Its status (required).
    public private(set) var status: Status

    /// Top-level fields of SPEC §3. A line naming one of these twice is refused as ambiguous;
    /// any other key may repeat and is kept as written.
    public static let knownFields: Set<String> = Set(TicketField.allCases.map(\.rawValue))

    /// Decodes a line. Errors carry the column (1-based, in characters) of the fault; the
    /// caller adds the file and line.
    public init(line bytes: UnsafeRawBufferPointer) throws(TicketError) {
        var members: [Member] = []
        members.reserveCapacity(24)
        var required = RequiredRanges()
        try Ticket.scan(bytes) { span, known in
            if let known { required.note(known.field, span.valueRange) }
            let r = span.keyRange
            let key = known?.field.rawValue
                ?? JSONParser.decodeString(bytes, r.lowerBound + 1, r.upperBound - 1, escaped: span.keyEscaped)
            members.append(Member(key: key, keyRange: r, stored: .raw(span.valueRange)))
        }
        let header = try required.header(bytes)
        self.lineMembers = LineMembers(source: [UInt8](bytes), members: members)
        self.id = header.id
        self.openedAt = header.openedAt
        self.channel = header.channel
        self.status = header.status
    }

    /// Validates a line as a JSON object whose known fields each appear once, calling `visit`
    /// with every member and the known field it names. Shared by the ticket decoder and the
    /// report's fact reader, so both refuse exactly the same lines with the same words.
    public static func scan(
        _ bytes: UnsafeRawBufferPointer, _ visit: (MemberSpan, TicketField.Match?) -> Void
    ) throws(TicketError) {
        try scan(bytes, descend: { _ in false }, nested: { _, _, _ in }, visit)
    }

    /// `scan`, also giving the members one level down of the known fields `descend` names
    /// (JSONParser.scanMembers(_:descend:nested:_:): -1 for an object's own members, the element
    /// index for an array's object elements, nil marking an object's start), as the line is
    /// validated. A repeated field's members are not given.
    @inline(__always)
    public static func scan(
        _ bytes: UnsafeRawBufferPointer, descend: (TicketField) -> Bool, nested: (TicketField, Int, MemberSpan?) -> Void,
        _ visit: (MemberSpan, TicketField.Match?) -> Void
    ) throws(TicketError) {
        var seen: UInt64 = 0
        var duplicate: (TicketField, Int)? = nil
        // The key's match, found when asked whether to descend and used again after the value.
        var pending: (key: Int, match: TicketField.Match?)? = nil
        var descended: TicketField? = nil
        do {
            try JSONParser.scanMembers(bytes, descend: { key in
                let known = TicketField.match(bytes, key)
                pending = (key.keyRange.lowerBound, known)
                guard let k = known, seen & k.bit == 0, descend(k.field) else { return false }
                descended = k.field
                return true
            }, nested: { element, span in
                if let field = descended { nested(field, element, span) }
            }) { span in
                descended = nil
                let known: TicketField.Match?
                if let p = pending, p.key == span.keyRange.lowerBound { known = p.match } else { known = TicketField.match(bytes, span) }
                if let k = known {
                    if seen & k.bit != 0 {
                        if duplicate == nil { duplicate = (k.field, span.keyRange.lowerBound) }
                        return
                    }
                    seen |= k.bit
                }
                visit(span, known)
            }
        } catch {
            throw TicketError(column: lineAndColumn(of: error.offset, in: bytes).column, message: error.message)
        }
        if let (field, offset) = duplicate {
            throw TicketError(
                column: lineAndColumn(of: offset, in: bytes).column,
                message: "field '\(field.rawValue)' appears twice; the ticket is ambiguous")
        }
    }

    /// The value ranges of the four required fields, noted while a line is scanned.
    public struct RequiredRanges: Sendable {
        var id: Range<Int>?
        var openedAt: Range<Int>?
        var channel: Range<Int>?
        var status: Range<Int>?

        public init() {}

        /// Notes a known member's value range (other fields are ignored).
        public mutating func note(_ field: TicketField, _ range: Range<Int>) {
            switch field {
            case .id: id = range
            case .openedAt: openedAt = range
            case .channel: channel = range
            case .status: status = range
            default: break
            }
        }

        /// Reads and checks the required fields (in the order id, opened_at, channel, status).
        /// With `decodingID` false the id is checked (a non-empty string) but given as "" unless
        /// an error names it: for readers that need the text of few ids (the report), building
        /// a String per line was measurable.
        public func header(_ bytes: UnsafeRawBufferPointer, decodingID: Bool = true) throws(TicketError) -> (id: String, openedAt: Instant, channel: Channel, status: Status) {
            func column(_ r: Range<Int>) -> Int { lineAndColumn(of: r.lowerBound, in: bytes).column }
            guard let idRange = id else { throw TicketError(column: 1, message: "missing required field 'id'") }
            let decoded = decodingID ? RawJSON.string(bytes, idRange) : nil
            // Undecoded: a string's text is empty exactly when nothing stands between its quotes.
            let valid = decodingID ? decoded.map { !$0.isEmpty } ?? false : RawJSON.isString(bytes, idRange) && idRange.count > 2
            guard valid else {
                throw TicketError(column: column(idRange), message: "field 'id' must be a non-empty string")
            }
            // The id as messages name it (decoded for a message when it was not asked for).
            var id: String { decoded ?? RawJSON.string(bytes, idRange) ?? "" }
            guard let openedRange = openedAt else {
                throw TicketError(column: 1, message: "ticket \(id): missing required field 'opened_at'")
            }
            guard let at = RawJSON.instant(bytes, openedRange) else {
                throw TicketError(column: column(openedRange), message: "ticket \(id): field 'opened_at' must be an RFC 3339 time")
            }
            /// A required field holding one word of a closed vocabulary.
            /// (Matched from its bytes: a String per word per line was measurable in the report.)
            func word<E: CaseIterable & RawRepresentable>(
                _ r: Range<Int>?, _ name: String, _ spelled: (UnsafeRawBufferPointer) -> E?
            ) throws(TicketError) -> E where E.RawValue == String {
                guard let r else { throw TicketError(column: 1, message: "ticket \(id): missing required field '\(name)'") }
                guard let v = RawJSON.word(bytes, r, spelled) else {
                    throw TicketError(column: column(r), message: "ticket \(id): field '\(name)' must be one of \(E.names.joined(separator: ", "))")
                }
                return v
            }
            let channel = try word(channel, "channel", Channel.init(spelling:))
            let status = try word(status, "status", Status.init(spelling:))
            return (decoded ?? "", at, channel, status)
        }
    }

    /// Decodes a line held in an array.
    public init(bytes: [UInt8]) throws(TicketError) {
        let r: Result<Ticket, TicketError> = bytes.withUnsafeBytes { buf in
            do throws(TicketError) { return .success(try Ticket(line: buf)) } catch { return .failure(error) }
        }
        self = try r.get()
    }

    /// A new ticket with its required fields, in the record's canonical key order.
    public init(id: String, openedAt: Instant, channel: Channel, status: Status = .open) {
        self.lineMembers = LineMembers(source: [], members: [])
        self.id = id
        self.openedAt = openedAt
        self.channel = channel
        self.status = status
        set("id", .string(id))
        set("opened_at", .string(openedAt.rfc3339))
        set("channel", .string(channel.rawValue))
        set("status", .string(status.rawValue))
    }

    // MARK: Reading

    /// The value of a top-level member, parsed on demand; nil when absent.
    public func value(_ key: String) -> JSONValue? { lineMembers.value(key) }

    /// A top-level string member; nil when absent, null or another kind.
    public func string(_ key: String) -> String? { value(key)?.stringValue }

    /// A top-level object member; nil when absent or another kind.
    public func object(_ key: String) -> JSONObject? { value(key)?.objectValue }

    /// A top-level array member; empty when absent or another kind.
    public func array(_ key: String) -> [JSONValue] { value(key)?.arrayValue ?? [] }

    /// A top-level member holding an RFC 3339 time.
    public func instant(_ key: String) -> Instant? { string(key).flatMap { Instant(rfc3339: $0) } }

    /// True when the member is present (even if null).
    public func has(_ key: String) -> Bool { members.contains { $0.key == key } }

    /// The top-level keys in order.
    public var keys: [String] { members.map(\.key) }

    /// The ticket's priority, when set to a known value.
    public var priority: Priority? { string("priority").flatMap(Priority.init(rawValue:)) }

    /// The ticket's tier, when set to a known value.
    public var tier: Tier? { string("tier").flatMap(Tier.init(rawValue:)) }

    // MARK: Writing

    /// Sets (or with nil removes) a top-level member. An existing key keeps its place; a new
    /// key goes at the end.
    public mutating func set(_ key: String, _ newValue: JSONValue?) {
        lineMembers.set(key, newValue)
        switch key {
        case "status": if let s = newValue?.stringValue.flatMap(Status.init(rawValue:)) { status = s }
        case "id": if let s = newValue?.stringValue { id = s }
        default: break
        }
    }

    /// Moves the member at `from` to `to` (see `setInPlace`).
    mutating func moveMember(from: Int, to: Int) { lineMembers.move(from: from, to: to) }

    /// Sets the status.
    public mutating func setStatus(_ s: Status) { set("status", .string(s.rawValue)) }

    /// Appends an element to a top-level array member, creating it when absent.
    public mutating func append(_ element: JSONValue, to key: String) {
        var items = array(key)
        items.append(element)
        set(key, .array(items))
    }

    /// Appends an audit event to `history`: {at, by, event, ...details}.
    public mutating func record(_ event: String, at: Instant, by: String?, _ details: [JSONMember] = []) {
        append(LineMembers.event(event, at: at, by: by, details), to: "history")
    }

    /// The ticket as a JSONValue (every member parsed).
    public var json: JSONValue {
        .object(JSONObject(members.map { JSONMember($0.key, value(at: $0)) }))
    }

    func value(at m: Member) -> JSONValue { lineMembers.value(at: m) }

    /// Appends the ticket's line (without newline): the original bytes when unmodified;
    /// otherwise compact JSON in which untouched members keep their original bytes.
    public func write(to out: inout [UInt8]) { lineMembers.write(to: &out) }

    /// The ticket's line as bytes (without newline).
    public var line: [UInt8] {
        var out: [UInt8] = []
        write(to: &out)
        return out
    }
}

/// A line that is JSON but not a valid ticket, or not valid JSON; the column is 1-based in
/// characters.
public struct TicketError: Error, Equatable, Sendable {
    public var column: Int
    public var message: String

    /// The error as a data error naming the file and line it was read from.
    public func at(file: String, line: Int) -> DeskError {
        .data(DataError(file: file, line: line, column: column, message: message))
    }
}
