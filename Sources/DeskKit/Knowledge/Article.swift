// A knowledge-base article: one NDJSON line of kb.ndjson, kept the way Ticket keeps a ticket —
// the line's bytes are held, members a command does not set are written back exactly as read
// (unknown keys included, in their place), and an unchanged article is written byte for byte.
// The fields follow seed 000 三(三)1 问题归档的标准化模板 (see docs/KB.md).

/// An article's life: drafted, published (found by search and `similar`), retired.
public enum ArticleStatus: String, CaseIterable, Sendable {
    case draft, published, retired
}

/// One article, decoded from its line.
public struct Article: Sendable {
    typealias Member = LineMembers.Member

    /// The line's members, kept as read (Model/LineMembers.swift, as tickets keep theirs).
    private var lineMembers: LineMembers
    /// The line as read (without newline); empty for a new article.
    public var source: [UInt8] { lineMembers.source }
    var members: [Member] { lineMembers.members }
    /// True once any member was set.
    public var isModified: Bool { lineMembers.isModified }
    /// The article's id (required, non-empty string): `KB-0001`.
    public private(set) var id: String
    /// Its status (required).
    public private(set) var status: ArticleStatus

    /// Decodes a line. Errors carry the 1-based column of the fault.
    public init(line bytes: UnsafeRawBufferPointer) throws(TicketError) {
        var members: [Member] = []
        var idRange: Range<Int>? = nil
        var statusRange: Range<Int>? = nil
        var duplicate: (String, Int)? = nil
        do {
            try JSONParser.scanMembers(bytes) { span in
                let r = span.keyRange
                let key = JSONParser.decodeString(bytes, r.lowerBound + 1, r.upperBound - 1, escaped: span.keyEscaped)
                if key == "id" || key == "status" {
                    if (key == "id" ? idRange : statusRange) != nil {
                        if duplicate == nil { duplicate = (key, r.lowerBound) }
                        return
                    }
                    if key == "id" { idRange = span.valueRange } else { statusRange = span.valueRange }
                }
                members.append(Member(key: key, keyRange: r, stored: .raw(span.valueRange)))
            }
        } catch {
            throw TicketError(column: lineAndColumn(of: error.offset, in: bytes).column, message: error.message)
        }
        func column(_ offset: Int) -> Int { lineAndColumn(of: offset, in: bytes).column }
        if let (key, at) = duplicate {
            throw TicketError(column: column(at), message: "field '\(key)' appears twice; the article is ambiguous")
        }
        guard let ir = idRange else { throw TicketError(column: 1, message: "missing required field 'id'") }
        guard let id = RawJSON.string(bytes, ir), !id.isEmpty else {
            throw TicketError(column: column(ir.lowerBound), message: "field 'id' must be a non-empty string")
        }
        guard let sr = statusRange else { throw TicketError(column: 1, message: "article \(id): missing required field 'status'") }
        guard let status = RawJSON.string(bytes, sr).flatMap(ArticleStatus.init(rawValue:)) else {
            throw TicketError(
                column: column(sr.lowerBound),
                message: "article \(id): field 'status' must be one of \(ArticleStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.lineMembers = LineMembers(source: [UInt8](bytes), members: members)
        self.id = id
        self.status = status
    }

    /// A new draft with its id.
    public init(id: String) {
        self.lineMembers = LineMembers(source: [], members: [])
        self.id = id
        self.status = .draft
        set("id", .string(id))
        set("status", .string(ArticleStatus.draft.rawValue))
    }

    /// The value of a top-level member; nil when absent.
    public func value(_ key: String) -> JSONValue? { lineMembers.value(key) }

    /// A string member; nil when absent or another kind.
    public func string(_ key: String) -> String? { value(key)?.stringValue }

    /// The strings of an array member (other elements skipped); a string member as one item.
    public func strings(_ key: String) -> [String] {
        switch value(key) {
        case .array(let items)?: return items.compactMap(\.stringValue)
        case .string(let s)?: return [s]
        default: return []
        }
    }

    /// A member holding an RFC 3339 time.
    public func instant(_ key: String) -> Instant? { string(key).flatMap { Instant(rfc3339: $0) } }

    /// The top-level keys in order.
    public var keys: [String] { members.map(\.key) }

    /// Sets (or with nil removes) a member; an existing key keeps its place, a new one goes last.
    public mutating func set(_ key: String, _ newValue: JSONValue?) {
        lineMembers.set(key, newValue)
        if key == "status", let s = newValue?.stringValue.flatMap(ArticleStatus.init(rawValue:)) { status = s }
        if key == "id", let s = newValue?.stringValue { id = s }
    }

    /// Appends `{at, by, event, ...details}` to `history`.
    public mutating func record(_ event: String, at: Instant, by: String?, _ details: [JSONMember] = []) {
        var items = value("history")?.arrayValue ?? []
        items.append(LineMembers.event(event, at: at, by: by, details))
        set("history", .array(items))
    }

    /// Appends the line (without newline): the original bytes when unmodified.
    public func write(to out: inout [UInt8]) { lineMembers.write(to: &out) }

    /// The line as bytes (without newline).
    public var line: [UInt8] {
        var out: [UInt8] = []
        write(to: &out)
        return out
    }

    /// The searchable fields of the article, weighted (title > symptom > cause > solution).
    var searchFields: [(text: String, weight: Float)] {
        [
            (string("title") ?? "", SearchWeights.title),
            ((strings("symptom") + strings("tags")).joined(separator: "\n"), SearchWeights.symptom),
            (strings("cause").joined(separator: "\n"), SearchWeights.cause),
            (strings("solution").joined(separator: "\n"), SearchWeights.solution),
        ]
    }
}
