// Reading a few members of a nested object straight from the line's bytes, without building a
// JSONValue tree: the report needs `resolution.at`, not the cause and solution texts around it.
// The line was validated whole when the ticket was decoded, so these scans cannot fail on it.
#if canImport(Glibc)
import Glibc
#endif

/// The members of one JSON object inside a line, as byte ranges of that line.
struct RawFields {
    let bytes: UnsafeRawBufferPointer
    /// Member ranges, relative to `bytes`.
    let members: [RawMember]

    /// Scans the object at `range` of `buf`; nil when the value there is not an object.
    init?(_ buf: UnsafeRawBufferPointer, _ range: Range<Int>) {
        guard range.count >= 2, buf[range.lowerBound] == UInt8(ascii: "{") else { return nil }
        let slice = UnsafeRawBufferPointer(rebasing: buf[range])
        guard let m = try? JSONParser.scanObject(slice) else { return nil }
        bytes = slice
        members = m
    }

    func range(_ key: String) -> Range<Int>? {
        for m in members where m.key == key { return m.valueRange }
        return nil
    }

    /// An RFC 3339 string member, parsed from its bytes (nil when absent, null or not a time).
    func instant(_ key: String) -> Instant? {
        guard let r = range(key) else { return nil }
        return RawFields.instant(bytes, r)
    }

    /// The time in a JSON string at `r` (no escapes expected in times).
    static func instant(_ bytes: UnsafeRawBufferPointer, _ r: Range<Int>) -> Instant? {
        guard r.count >= 22, bytes[r.lowerBound] == 0x22, bytes[r.upperBound - 1] == 0x22 else { return nil }
        return Instant.parse(UnsafeRawBufferPointer(rebasing: bytes[(r.lowerBound + 1)..<(r.upperBound - 1)]))
    }

    /// A number member as a Double.
    func double(_ key: String) -> Double? {
        guard let r = range(key) else { return nil }
        let c = bytes[r.lowerBound]
        guard c == UInt8(ascii: "-") || (c >= 0x30 && c <= 0x39) else { return nil }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[r]), as: UTF8.self)
        guard let d = Double(text), d.isFinite else { return nil }
        return d
    }

    /// Any member parsed as a JSONValue.
    func value(_ key: String) -> JSONValue? {
        guard let r = range(key) else { return nil }
        return try? JSONParser.parse(UnsafeRawBufferPointer(rebasing: bytes[r]))
    }

    /// Whether `needle` occurs in `range` of `buf`.
    static func contains(_ buf: UnsafeRawBufferPointer, _ range: Range<Int>, _ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        guard n > 0, range.count >= n, let base = buf.baseAddress else { return false }
        let first = Int32(needle.utf8Start[0])
        var p = base + range.lowerBound
        let last = base + range.upperBound - n
        // memchr finds candidates for the first byte; memcmp checks the rest.
        while p <= last {
            guard let hit = memchr(p, first, last - p + 1) else { return false }
            if memcmp(hit, needle.utf8Start, n) == 0 { return true }
            p = UnsafeRawPointer(hit) + 1
        }
        return false
    }
}
