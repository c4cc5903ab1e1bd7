// A strict RFC 8259 parser over UTF-8 bytes. Two modes share one scanner: `skipValue`
// validates without allocating (the hot path: tickets are checked whole but only the members
// desk reads are decoded), and `parseValue` builds a JSONValue. Nesting is bounded so hostile
// input cannot overflow the stack.

/// A syntax error at a byte offset of the text given to the parser.
public struct JSONSyntaxError: Error, Equatable, Sendable {
    /// Byte offset from the start of the text.
    public var offset: Int
    public var message: String
    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }
}

/// One member of an object as byte ranges, its key not decoded.
public struct MemberSpan: Sendable, Equatable {
    /// Range of the key including its quotes.
    public var keyRange: Range<Int>
    /// Whether the key contains escapes (so its bytes are not its text).
    public var keyEscaped: Bool
    /// Range of the value, without surrounding white space.
    public var valueRange: Range<Int>
}

/// The parser. Create one over a buffer with `withParser`-style helpers below.
public struct JSONParser: ~Copyable {
    /// Deepest nesting of arrays and objects accepted.
    public static let maxDepth = 512

    let bytes: UnsafeRawBufferPointer
    var pos: Int
    /// Whether runs of three-byte characters are validated two at a time
    /// (`StringScan.threeBytePairs`); false only for the tests, which hold the two ways to the
    /// same verdicts and messages.
    let pairSteps: Bool

    init(_ bytes: UnsafeRawBufferPointer, pairSteps: Bool = true) {
        self.bytes = bytes
        self.pos = 0
        self.pairSteps = pairSteps
    }

    // MARK: Entry points

    /// Parses a complete JSON text (one value with optional surrounding white space).
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> JSONValue {
        var p = JSONParser(bytes)
        p.skipWhitespace()
        let v = try p.parseValue(depth: 0)
        p.skipWhitespace()
        try p.expectEnd()
        return v
    }

    /// Parses a complete JSON text from an array of bytes.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        let r: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBytes { buf in
            do throws(JSONSyntaxError) { return .success(try parse(buf)) } catch { return .failure(error) }
        }
        return try r.get()
    }

    /// Parses a complete JSON text from a string.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// Checks that the bytes are one complete JSON text, without building it.
    public static func validate(_ bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) {
        try validate(bytes, pairSteps: true)
    }

    /// `validate`, with or without the two-character steps (the tests compare both).
    static func validate(_ bytes: UnsafeRawBufferPointer, pairSteps: Bool) throws(JSONSyntaxError) {
        var p = JSONParser(bytes, pairSteps: pairSteps)
        p.skipWhitespace()
        try p.skipValue(depth: 0)
        p.skipWhitespace()
        try p.expectEnd()
    }

    /// Scans a text that must be a single object: validates it whole and calls `visit` with each
    /// top-level member in order, keys left undecoded (nothing is allocated). Why: the report
    /// reads a dozen members of a ticket, and decoding every key was a tenth of its time.
    public static func scanMembers(
        _ bytes: UnsafeRawBufferPointer, _ visit: (MemberSpan) -> Void
    ) throws(JSONSyntaxError) {
        try scanMembers(bytes, descend: { _ in false }, nested: { _, _ in }, visit)
    }

    /// `scanMembers`, also reporting the members one level down while validating them, so a
    /// reader need not walk them again: before a top-level value is scanned, `descend` is asked
    /// with the member's key (its value range empty); when it says yes and the value is an object,
    /// `nested(-1, nil)` marks its start and `nested(-1, member)` gives each member; when it is
    /// an array, each object element `i` is reported the same way with `i` (other elements are
    /// only validated). Errors are exactly those of `scanMembers`.
    @inline(__always)
    public static func scanMembers(
        _ bytes: UnsafeRawBufferPointer, descend: (MemberSpan) -> Bool, nested: (Int, MemberSpan?) -> Void,
        _ visit: (MemberSpan) -> Void
    ) throws(JSONSyntaxError) {
        var p = JSONParser(bytes)
        p.skipWhitespace()
        guard p.pos < bytes.count else { throw JSONSyntaxError(offset: p.pos, message: "expected a JSON object") }
        guard bytes[p.pos] == UInt8(ascii: "{") else {
            let start = p.pos
            try p.skipValue(depth: 0)
            p.skipWhitespace()
            try p.expectEnd()
            throw JSONSyntaxError(offset: start, message: "expected a JSON object, found \(JSONParser.kindAt(bytes, start))")
        }
        p.pos += 1
        p.skipWhitespace()
        if p.peek() == UInt8(ascii: "}") {
            p.pos += 1
        } else {
            while true {
                guard p.peek() == UInt8(ascii: "\"") else {
                    throw p.error("expected a string key in object")
                }
                let keyStart = p.pos
                let escaped = try p.scanString()
                let keyEnd = p.pos
                try p.skipColon()
                let valueStart = p.pos
                if descend(MemberSpan(keyRange: keyStart..<keyEnd, keyEscaped: escaped, valueRange: valueStart..<valueStart)) {
                    try p.skipValue(depth: 1, nested: nested)
                } else {
                    try p.skipMemberValue(depth: 1)
                }
                visit(MemberSpan(keyRange: keyStart..<keyEnd, keyEscaped: escaped, valueRange: valueStart..<p.pos))
                if p.commaBeforeKey() { continue }
                p.skipWhitespace()
                let c = p.peek()
                if c == UInt8(ascii: ",") {
                    p.pos += 1
                    p.skipWhitespace()
                    continue
                }
                if c == UInt8(ascii: "}") {
                    p.pos += 1
                    break
                }
                throw p.error("expected ',' or '}' after object member")
            }
        }
        p.skipWhitespace()
        try p.expectEnd()
    }

    static func kindAt(_ bytes: UnsafeRawBufferPointer, _ i: Int) -> String {
        switch bytes[i] {
        case UInt8(ascii: "["): return "an array"
        case UInt8(ascii: "\""): return "a string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "a boolean"
        case UInt8(ascii: "n"): return "null"
        default: return "a number"
        }
    }

    // MARK: Scanner

    @inline(__always) func peek() -> UInt8? { pos < bytes.count ? bytes[pos] : nil }

    func error(_ message: String) -> JSONSyntaxError {
        if pos >= bytes.count { return JSONSyntaxError(offset: pos, message: message + ", found end of input") }
        if bytes[pos] == 0 && !message.hasPrefix("NUL") { return JSONSyntaxError(offset: pos, message: message + ", found a NUL byte") }
        return JSONSyntaxError(offset: pos, message: message)
    }

    func expectEnd() throws(JSONSyntaxError) {
        if pos < bytes.count {
            if bytes[pos] == 0xEF, pos + 2 < bytes.count, bytes[pos + 1] == 0xBB, bytes[pos + 2] == 0xBF {
                throw JSONSyntaxError(offset: pos, message: "unexpected byte order mark (U+FEFF) after the value")
            }
            throw JSONSyntaxError(offset: pos, message: "unexpected data after the JSON value")
        }
    }

    @inline(__always) mutating func skipWhitespace() {
        while pos < bytes.count {
            let c = bytes[pos]
            // Compact lines have no white space at all: one comparison decides the usual case.
            if c > 0x20 { return }
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { pos += 1 } else { return }
        }
    }

    /// Moves past the ':' after an object key and the white space after it, with the messages
    /// of the general steps. Why: in compact lines the ':' is the very next byte, and deciding
    /// that with one comparison spared a white-space step per member of every object.
    @inline(__always)
    mutating func skipColon() throws(JSONSyntaxError) {
        if pos < bytes.count, bytes[pos] == UInt8(ascii: ":") {
            pos += 1
        } else {
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after object key") }
            pos += 1
        }
        skipWhitespace()
    }

    /// After an object member's value: when the next two bytes are `,"` (compact text), moves
    /// onto the next key's quote and answers true; otherwise changes nothing (the general
    /// steps decide, with their messages).
    @inline(__always)
    mutating func commaBeforeKey() -> Bool {
        guard pos &+ 1 < bytes.count, bytes[pos] == UInt8(ascii: ","), bytes[pos &+ 1] == UInt8(ascii: "\"") else { return false }
        pos &+= 1
        return true
    }

    /// Whether the next two bytes are `:"`: an object member's value is a string right after
    /// the ':' (compact text; most members). The object loops then scan that string straight
    /// away; otherwise `skipColon` and `skipMemberValue` decide, with their messages. Why: the
    /// white space and value-kind tests between them cost a few instructions on each of a
    /// line's eighty-odd members.
    @inline(__always)
    func atColonQuote() -> Bool {
        guard pos &+ 1 < bytes.count, let base = bytes.baseAddress else { return false }
        return UInt16(littleEndian: (base + pos).loadUnaligned(as: UInt16.self)) == 0x223A
    }

    /// `skipValue` for a value inside an object or array: a string (most values) is scanned
    /// right here, without the call and dispatch of `skipValue`; anything else goes there.
    @inline(__always)
    mutating func skipMemberValue(depth: Int) throws(JSONSyntaxError) {
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") {
            _ = try scanString()
        } else {
            try skipValue(depth: depth)
        }
    }

    /// Validates one value and moves past it.
    mutating func skipValue(depth: Int) throws(JSONSyntaxError) {
        guard let c = peek() else { throw error("expected a value") }
        switch c {
        case UInt8(ascii: "\""):
            _ = try scanString()
        case UInt8(ascii: "{"):
            guard depth < JSONParser.maxDepth else { throw error("nesting deeper than \(JSONParser.maxDepth) levels") }
            pos += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "}") {
                pos += 1
                return
            }
            while true {
                guard peek() == UInt8(ascii: "\"") else { throw error("expected a string key in object") }
                _ = try scanString()
                if atColonQuote() {
                    pos &+= 1
                    _ = try scanString()
                } else {
                    try skipColon()
                    try skipMemberValue(depth: depth + 1)
                }
                if commaBeforeKey() { continue }
                skipWhitespace()
                let d = peek()
                if d == UInt8(ascii: ",") {
                    pos += 1
                    skipWhitespace()
                } else if d == UInt8(ascii: "}") {
                    pos += 1
                    return
                } else {
                    throw error("expected ',' or '}' after object member")
                }
            }
        case UInt8(ascii: "["):
            guard depth < JSONParser.maxDepth else { throw error("nesting deeper than \(JSONParser.maxDepth) levels") }
            pos += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "]") {
                pos += 1
                return
            }
            while true {
                try skipMemberValue(depth: depth + 1)
                skipWhitespace()
                let d = peek()
                if d == UInt8(ascii: ",") {
                    pos += 1
                    skipWhitespace()
                } else if d == UInt8(ascii: "]") {
                    pos += 1
                    return
                } else {
                    throw error("expected ',' or ']' after array element")
                }
            }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try scanNumber()
        case 0xEF where pos + 2 < bytes.count && bytes[pos + 1] == 0xBB && bytes[pos + 2] == 0xBF:
            throw error("unexpected byte order mark (U+FEFF); only the start of a file may carry one")
        case 0:
            throw error("NUL byte where a value was expected")
        default:
            throw error("expected a value")
        }
    }

    /// `skipValue` for a value whose members (an object's, or each object element's of an
    /// array) are reported to `nested` (see `scanMembers(_:descend:nested:_:)`); the checks and
    /// messages are `skipValue`'s own.
    mutating func skipValue(depth: Int, nested: (Int, MemberSpan?) -> Void) throws(JSONSyntaxError) {
        switch peek() {
        case UInt8(ascii: "{"):
            try skipObject(depth: depth, element: -1, nested)
        case UInt8(ascii: "["):
            guard depth < JSONParser.maxDepth else { throw error("nesting deeper than \(JSONParser.maxDepth) levels") }
            pos += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "]") {
                pos += 1
                return
            }
            var element = 0
            while true {
                if peek() == UInt8(ascii: "{") {
                    try skipObject(depth: depth + 1, element: element, nested)
                } else {
                    try skipMemberValue(depth: depth + 1)
                }
                element += 1
                skipWhitespace()
                let d = peek()
                if d == UInt8(ascii: ",") {
                    pos += 1
                    skipWhitespace()
                } else if d == UInt8(ascii: "]") {
                    pos += 1
                    return
                } else {
                    throw error("expected ',' or ']' after array element")
                }
            }
        default:
            try skipValue(depth: depth)
        }
    }

    /// The object case of `skipValue`, reporting its start and each member to `nested`.
    mutating func skipObject(depth: Int, element: Int, _ nested: (Int, MemberSpan?) -> Void) throws(JSONSyntaxError) {
        guard depth < JSONParser.maxDepth else { throw error("nesting deeper than \(JSONParser.maxDepth) levels") }
        pos += 1
        nested(element, nil)
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            pos += 1
            return
        }
        while true {
            guard peek() == UInt8(ascii: "\"") else { throw error("expected a string key in object") }
            let keyStart = pos
            let escaped = try scanString()
            let keyEnd = pos
            let valueStart: Int
            if atColonQuote() {
                pos &+= 1
                valueStart = pos
                _ = try scanString()
            } else {
                try skipColon()
                valueStart = pos
                try skipMemberValue(depth: depth + 1)
            }
            nested(element, MemberSpan(keyRange: keyStart..<keyEnd, keyEscaped: escaped, valueRange: valueStart..<pos))
            if commaBeforeKey() { continue }
            skipWhitespace()
            let d = peek()
            if d == UInt8(ascii: ",") {
                pos += 1
                skipWhitespace()
            } else if d == UInt8(ascii: "}") {
                pos += 1
                return
            } else {
                throw error("expected ',' or '}' after object member")
            }
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let n = word.utf8CodeUnitCount
        let w = word.utf8Start
        for i in 0..<n {
            guard pos + i < bytes.count, bytes[pos + i] == w[i] else {
                pos += i
                throw error("invalid literal, expected '\(word)'")
            }
        }
        pos += n
    }

    mutating func scanNumber() throws(JSONSyntaxError) {
        if peek() == UInt8(ascii: "-") { pos += 1 }
        guard let first = peek(), first >= 0x30, first <= 0x39 else { throw error("expected a digit in number") }
        pos += 1
        if first == 0x30 {
            if let c = peek(), c >= 0x30, c <= 0x39 { throw error("leading zeros are not allowed in numbers") }
        } else {
            while let c = peek(), c >= 0x30, c <= 0x39 { pos += 1 }
        }
        if peek() == UInt8(ascii: ".") {
            pos += 1
            guard let c = peek(), c >= 0x30, c <= 0x39 else { throw error("expected a digit after '.' in number") }
            while let c = peek(), c >= 0x30, c <= 0x39 { pos += 1 }
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            pos += 1
            if let s = peek(), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { pos += 1 }
            guard let c = peek(), c >= 0x30, c <= 0x39 else { throw error("expected a digit in exponent") }
            while let c = peek(), c >= 0x30, c <= 0x39 { pos += 1 }
        }
    }

    /// Validates a string starting at the opening quote and moves past the closing one.
    /// Returns true when it contains escapes (so decoding must unescape).
    @inline(__always)
    mutating func scanString() throws(JSONSyntaxError) -> Bool {
        // Plain ASCII eight bytes at a time, up to the first quote, backslash, control
        // character or non-ASCII byte (JSON/StringScan.swift); only those need a decision. Most
        // strings (keys, times, names, words) hold none but their closing quote: that case is
        // decided here, inline where the string is met, since a line holds ~85 short strings
        // and the call around each cost more than its bytes.
        let n = bytes.count
        guard let base = bytes.baseAddress else { throw error("unterminated string") }  // not reached: at a quote
        let p = StringScan.firstSpecial(base, from: pos &+ 1, end: n)
        if p < n, base.load(fromByteOffset: p, as: UInt8.self) == 0x22 {
            pos = p &+ 1
            return false
        }
        return try scanString(special: p)
    }

    /// The rest of `scanString` from `p`, its first special byte (or the end): escapes,
    /// non-ASCII, errors, and the plain runs between them.
    @inline(never)
    mutating func scanString(special first: Int) throws(JSONSyntaxError) -> Bool {
        // The position is kept in a local and stored back on every way out (and around the
        // calls that read it).
        let n = bytes.count
        guard let base = bytes.baseAddress else { throw error("unterminated string") }  // not reached: at a quote
        var p = first
        var escaped = false
        while true {
            guard p < n else {
                pos = p
                throw error("unterminated string")
            }
            let c = base.load(fromByteOffset: p, as: UInt8.self)
            if c == 0x22 {
                pos = p + 1
                return escaped
            } else if c == 0x5C {
                escaped = true
                pos = p
                try scanEscape()
                p = pos
            } else if c < 0x20 {
                pos = p
                throw error(c == 0 ? "NUL byte in string" : "unescaped control character U+00\(JSONParser.hex2(c)) in string")
            } else {
                // Non-ASCII. Text in Chinese is runs of multi-byte characters: stay here for the
                // run. A three-byte sequence led by E1-EC or EE-EF (most CJK) is valid exactly
                // when both bytes after the lead are continuation bytes: checked here, without
                // the call, two characters a step while they come in pairs (StringScan).
                repeat {
                    if pairSteps {
                        p = StringScan.threeBytePairs(base, from: p, end: n)
                        if p >= n || base.load(fromByteOffset: p, as: UInt8.self) < 0x80 { break }
                    }
                    if p + 2 < n {
                        let lead = bytes[p]
                        if lead &- 0xE1 < 12 || lead &- 0xEE < 2,
                            bytes[p + 1] & 0xC0 == 0x80, bytes[p + 2] & 0xC0 == 0x80
                        {
                            p += 3
                            continue
                        }
                    }
                    pos = p
                    try scanUTF8()
                    p = pos
                } while p < n && bytes[p] >= 0x80
            }
            p = StringScan.firstSpecial(base, from: p, end: n)
        }
    }

    static func hex2(_ b: UInt8) -> String {
        let digits: [Character] = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }

    mutating func scanEscape() throws(JSONSyntaxError) {
        pos += 1
        guard let e = peek() else { throw error("unterminated escape in string") }
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            pos += 1
        case UInt8(ascii: "u"):
            let at = pos - 1
            let unit = try hex4(at: pos + 1)
            pos += 5
            if unit >= 0xD800 && unit <= 0xDBFF {
                guard pos + 1 < bytes.count, bytes[pos] == 0x5C, bytes[pos + 1] == UInt8(ascii: "u"),
                    let low = try? hex4(at: pos + 2), low >= 0xDC00, low <= 0xDFFF
                else {
                    throw JSONSyntaxError(offset: at, message: "lone surrogate escape in string (high surrogate without low)")
                }
                pos += 6
            } else if unit >= 0xDC00 && unit <= 0xDFFF {
                throw JSONSyntaxError(offset: at, message: "lone surrogate escape in string (low surrogate without high)")
            }
        default:
            throw error("invalid escape in string")
        }
    }

    func hex4(at: Int) throws(JSONSyntaxError) -> UInt32 {
        var v: UInt32 = 0
        for i in at..<(at + 4) {
            guard i < bytes.count else { throw JSONSyntaxError(offset: min(i, bytes.count), message: "expected 4 hex digits after \\u") }
            let c = bytes[i]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw JSONSyntaxError(offset: i, message: "expected 4 hex digits after \\u")
            }
            v = v << 4 | d
        }
        return v
    }

    /// Validates one multi-byte UTF-8 sequence (RFC 3629: no overlongs, no surrogates).
    mutating func scanUTF8() throws(JSONSyntaxError) {
        let c = bytes[pos]
        var need = 0
        var lo: UInt8 = 0x80
        var hi: UInt8 = 0xBF
        switch c {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; lo = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED: need = 2; hi = 0x9F
        case 0xF0: need = 3; lo = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; hi = 0x8F
        default: throw error("invalid UTF-8 byte 0x\(JSONParser.hex2(c))")
        }
        guard pos + need < bytes.count else { throw error("truncated UTF-8 sequence") }
        let b1 = bytes[pos + 1]
        guard b1 >= lo && b1 <= hi else { throw error("invalid UTF-8 sequence") }
        if need >= 2 {
            guard bytes[pos + 2] & 0xC0 == 0x80 else { throw error("invalid UTF-8 sequence") }
        }
        if need == 3 {
            guard bytes[pos + 3] & 0xC0 == 0x80 else { throw error("invalid UTF-8 sequence") }
        }
        pos += need + 1
    }

    /// Builds the value at the current position.
    mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard let c = peek() else { throw error("expected a value") }
        switch c {
        case UInt8(ascii: "\""):
            let start = pos
            let escaped = try scanString()
            return .string(JSONParser.decodeString(bytes, start + 1, pos - 1, escaped: escaped))
        case UInt8(ascii: "{"):
            guard depth < JSONParser.maxDepth else { throw error("nesting deeper than \(JSONParser.maxDepth) levels") }
            pos += 1
            var members: [JSONMember] = []
            skipWhitespace()
            if peek() == UInt8(ascii: "}") {
                pos += 1
                return .object(JSONObject(members))
            }
            while true {
                guard peek() == UInt8(ascii: "\"") else { throw error("expected a string key in object") }
                let start = pos
                let escaped = try scanString()
                let key = JSONParser.decodeString(bytes, start + 1, pos - 1, escaped: escaped)
                skipWhitespace()
                guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after object key") }
                pos += 1
                skipWhitespace()
                let v = try parseValue(depth: depth + 1)
                members.append(JSONMember(key, v))
                skipWhitespace()
                let d = peek()
                if d == UInt8(ascii: ",") {
                    pos += 1
                    skipWhitespace()
                } else if d == UInt8(ascii: "}") {
                    pos += 1
                    return .object(JSONObject(members))
                } else {
                    throw error("expected ',' or '}' after object member")
                }
            }
        case UInt8(ascii: "["):
            guard depth < JSONParser.maxDepth else { throw error("nesting deeper than \(JSONParser.maxDepth) levels") }
            pos += 1
            var items: [JSONValue] = []
            skipWhitespace()
            if peek() == UInt8(ascii: "]") {
                pos += 1
                return .array(items)
            }
            while true {
                items.append(try parseValue(depth: depth + 1))
                skipWhitespace()
                let d = peek()
                if d == UInt8(ascii: ",") {
                    pos += 1
                    skipWhitespace()
                } else if d == UInt8(ascii: "]") {
                    pos += 1
                    return .array(items)
                } else {
                    throw error("expected ',' or ']' after array element")
                }
            }
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default:
            let start = pos
            try skipValue(depth: depth)  // numbers, and the error for anything else
            return .number(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self))
        }
    }

    /// Decodes the (already validated) string body between `start` and `end`.
    static func decodeString(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int, escaped: Bool) -> String {
        let body = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
        if !escaped { return String(decoding: body, as: UTF8.self) }
        var out = [UInt8]()
        out.reserveCapacity(body.count)
        var i = 0
        func hex(_ at: Int) -> UInt32 {
            var v: UInt32 = 0
            for k in at..<(at + 4) {
                let c = body[k]
                v = v << 4 | UInt32(c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10)
            }
            return v
        }
        while i < body.count {
            let c = body[i]
            if c != 0x5C {
                out.append(c)
                i += 1
                continue
            }
            let e = body[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex(i)
                i += 4
                if scalar >= 0xD800 && scalar <= 0xDBFF {
                    let low = hex(i + 2)
                    i += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                appendUTF8(&out, scalar)
            default: out.append(e)  // " \ /
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func appendUTF8(_ out: inout [UInt8], _ s: UInt32) {
        if s < 0x80 {
            out.append(UInt8(s))
        } else if s < 0x800 {
            out.append(UInt8(0xC0 | (s >> 6)))
            out.append(UInt8(0x80 | (s & 0x3F)))
        } else if s < 0x10000 {
            out.append(UInt8(0xE0 | (s >> 12)))
            out.append(UInt8(0x80 | ((s >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (s & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (s >> 18)))
            out.append(UInt8(0x80 | ((s >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((s >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (s & 0x3F)))
        }
    }
}

/// Line and column (1-based, column counted in characters) of a byte offset in a text.
public func lineAndColumn(of offset: Int, in bytes: UnsafeRawBufferPointer) -> (line: Int, column: Int) {
    var line = 1
    var col = 1
    var i = 0
    let end = min(offset, bytes.count)
    while i < end {
        let c = bytes[i]
        if c == 0x0A {
            line += 1
            col = 1
        } else if c & 0xC0 != 0x80 {
            col += 1  // count lead bytes only, so a CJK character is one column
        }
        i += 1
    }
    return (line, col)
}
