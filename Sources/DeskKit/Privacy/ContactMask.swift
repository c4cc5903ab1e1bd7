// The one masking of contact data in free text. Survey comments, descriptions, replies and
// notes are written by people, who paste e-mail addresses and phone numbers and name the
// requester; wherever desk prints such text for others (the report's follow-up table and
// comment themes, `show --redact`) it passes through `ContactMask.text` first. What is masked:
// e-mail addresses, phone numbers (7 to 15 digits, with +, spaces, hyphens, dots or
// parentheses between them; dates, times, IPv4 addresses and numbers inside words are left
// alone), and the ticket's own requester values (name and its parts, e-mail, phone, contact,
// account). Each becomes `***`, so no fragment of it reaches a word count.

/// Masking of contact data in free text.
public enum ContactMask {
    /// What replaces a masked span.
    public static let mask = "***"

    /// The requester values of a ticket worth looking for in its texts.
    public struct Known: Sendable, Equatable {
        /// Values matched as they are written (ASCII letters in any case).
        public private(set) var values: [[Unicode.Scalar]] = []

        public init() {}

        /// Adds a value (a name, an address, an account). A value of Latin letters needs three
        /// or more of them and is matched as a whole word; a Chinese name needs two characters.
        /// A name's parts (`Lukas Schmidt`: `Lukas`, `Schmidt`) are added too.
        public mutating func add(_ value: String) {
            let trimmed = value.trimmed
            guard !trimmed.isEmpty else { return }
            var candidates = [trimmed]
            let parts = trimmed.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "·" }).map(String.init)
            if parts.count > 1 { candidates += parts }
            for c in candidates {
                let scalars = Array(c.unicodeScalars)
                let ascii = scalars.allSatisfy { $0.isASCII }
                guard scalars.count >= (ascii ? 3 : 2), !values.contains(scalars) else { continue }
                values.append(scalars)
            }
            // Longest first: `Lukas Schmidt` is masked whole before `Lukas` could be.
            values.sort { $0.count > $1.count }
        }

        /// Adds every string in a requester value: an object's members, a list's items, a string.
        public mutating func add(requester: JSONValue) {
            switch requester {
            case .string(let s): add(s)
            case .number(let n): add(n)
            case .array(let items): for i in items { add(requester: i) }
            case .object(let o):
                for m in o.members where m.key != "department" { add(requester: m.value) }
            default: break
            }
        }
    }

    /// `text` with e-mail addresses, phone numbers and the `known` requester values masked.
    public static func text(_ text: String, known: Known = Known()) -> String {
        var s = Array(text.unicodeScalars)
        var changed = false
        // Addresses and numbers first, so a name inside an address does not split it.
        if maskEmails(&s) { changed = true }
        if maskPhones(&s) { changed = true }
        for v in known.values where replaceAll(v, in: &s) { changed = true }
        guard changed else { return text }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: s)
        return String(out)
    }

    /// Masks every string inside a JSON value (objects and arrays walked); keys are kept.
    public static func strings(in value: JSONValue, known: Known) -> JSONValue {
        switch value {
        case .string(let s): return .string(text(s, known: known))
        case .array(let items): return .array(items.map { strings(in: $0, known: known) })
        case .object(let o): return .object(JSONObject(o.members.map { JSONMember($0.key, strings(in: $0.value, known: known)) }))
        default: return value
        }
    }

    // MARK: Scanning

    static let maskScalars = Array(mask.unicodeScalars)

    @inline(__always) static func isWordScalar(_ u: Unicode.Scalar) -> Bool {
        u.properties.isAlphabetic || ("0"..."9").contains(u)
    }

    @inline(__always) static func asciiLower(_ u: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(u) ? Unicode.Scalar(UInt8(truncatingIfNeeded: u.value + 32)) : u
    }

    /// Replaces each occurrence of `value` (ASCII letters in any case; Latin values only as
    /// whole words). One pass: linear in the text times the value's length.
    static func replaceAll(_ value: [Unicode.Scalar], in s: inout [Unicode.Scalar]) -> Bool {
        guard value.count <= s.count else { return false }
        let wordy = value.allSatisfy { $0.isASCII }
        let lowered = value.map(asciiLower)
        var out: [Unicode.Scalar] = []
        var i = 0
        var changed = false
        while i < s.count {
            if i + lowered.count <= s.count, asciiLower(s[i]) == lowered[0] {
                var match = true
                for k in 1..<lowered.count where asciiLower(s[i + k]) != lowered[k] {
                    match = false
                    break
                }
                if match && wordy {
                    if i > 0 && isWordScalar(s[i - 1]) { match = false }
                    let end = i + lowered.count
                    if end < s.count && isWordScalar(s[end]) { match = false }
                }
                if match {
                    if !changed {
                        out.reserveCapacity(s.count)
                        out.append(contentsOf: s[..<i])
                    }
                    changed = true
                    out.append(contentsOf: maskScalars)
                    i += lowered.count
                    continue
                }
            }
            if changed { out.append(s[i]) }
            i += 1
        }
        if changed { s = out }
        return changed
    }

    @inline(__always) static func isLocalPart(_ u: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(u) || ("A"..."Z").contains(u) || ("0"..."9").contains(u) || "._%+-".unicodeScalars.contains(u)
    }

    @inline(__always) static func isDomainPart(_ u: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(u) || ("A"..."Z").contains(u) || ("0"..."9").contains(u) || u == "-" || u == "."
    }

    /// Masks `local@domain.tld` spans.
    static func maskEmails(_ s: inout [Unicode.Scalar]) -> Bool {
        var spans: [Range<Int>] = []
        var i = 0
        while i < s.count {
            guard s[i] == "@" else {
                i += 1
                continue
            }
            var start = i
            while start > 0 && isLocalPart(s[start - 1]) { start -= 1 }
            var end = i + 1
            while end < s.count && isDomainPart(s[end]) { end += 1 }
            // A domain does not end in a dot or hyphen (`write to a@b.com.`).
            while end > i + 1 && (s[end - 1] == "." || s[end - 1] == "-") { end -= 1 }
            let domain = s[(i + 1)..<end]
            if start < i, let dot = domain.lastIndex(of: "."), dot > i + 1, dot < end - 1 {
                if let last = spans.last, last.upperBound > start { start = last.upperBound }
                spans.append(start..<end)
                i = end
            } else {
                i += 1
            }
        }
        return replace(spans, in: &s)
    }

    /// Masks phone numbers: an optional `+` or `(`, then digits with single separators (space,
    /// hyphen, dot, parentheses) between them, 7 to 15 digits in all, not touching a letter or
    /// digit on either side. Dates (2026-11-30), times, versions with a one-digit part
    /// (16.0.17928) and IPv4 addresses are not phone numbers.
    static func maskPhones(_ s: inout [Unicode.Scalar]) -> Bool {
        var spans: [Range<Int>] = []
        var i = 0
        func isDigit(_ u: Unicode.Scalar) -> Bool { ("0"..."9").contains(u) }
        // Chinese text has no spaces: only ASCII letters and digits make a number part of a word.
        func isASCIIWord(_ u: Unicode.Scalar) -> Bool { isDigit(u) || ("a"..."z").contains(u) || ("A"..."Z").contains(u) }
        while i < s.count {
            let u = s[i]
            let opens = (u == "+" || u == "(") && i + 1 < s.count && isDigit(s[i + 1])
            guard isDigit(u) || opens, i == 0 || !isASCIIWord(s[i - 1]) && s[i - 1] != "." && s[i - 1] != "-" else {
                i += 1
                continue
            }
            var j = opens ? i + 1 : i
            var groups: [Int] = [0]
            var separators: Set<Unicode.Scalar> = []
            var lastDigitEnd = j
            while j < s.count {
                if isDigit(s[j]) {
                    groups[groups.count - 1] += 1
                    j += 1
                    lastDigitEnd = j
                } else if " -.()".unicodeScalars.contains(s[j]) {
                    // One separator (or `) (` pairs) between digit groups.
                    var k = j
                    var seen: Set<Unicode.Scalar> = []
                    while k < s.count && " -.()".unicodeScalars.contains(s[k]) && seen.count < 2 && k - j < 2 {
                        seen.insert(s[k])
                        k += 1
                    }
                    guard k < s.count && isDigit(s[k]) else { break }
                    separators.formUnion(seen)
                    groups.append(0)
                    j = k
                } else {
                    break
                }
            }
            let digits = groups.reduce(0, +)
            let touchesWord = lastDigitEnd < s.count && (isASCIIWord(s[lastDigitEnd]) || s[lastDigitEnd] == "@")
            let isDate = groups.count == 3 && groups[0] == 4 && groups[1] <= 2 && groups[2] <= 2
                && (separators == ["-"] || separators == ["."] || separators == ["/"])
            let isIPv4 = groups.count == 4 && separators == ["."] && groups.allSatisfy { $0 <= 3 }
            let isVersion = separators == ["."] && groups.contains(1)
            if (7...15).contains(digits) && !touchesWord && !isDate && !isIPv4 && !isVersion {
                spans.append(i..<lastDigitEnd)
                i = lastDigitEnd
            } else {
                i = max(lastDigitEnd, i + 1)
            }
        }
        return replace(spans, in: &s)
    }

    /// Replaces sorted, disjoint spans with the mask.
    static func replace(_ spans: [Range<Int>], in s: inout [Unicode.Scalar]) -> Bool {
        guard !spans.isEmpty else { return false }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var at = 0
        for r in spans {
            out.append(contentsOf: s[at..<r.lowerBound])
            out.append(contentsOf: maskScalars)
            at = r.upperBound
        }
        out.append(contentsOf: s[at...])
        s = out
        return true
    }
}
