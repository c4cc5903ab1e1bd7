// Instants and RFC 3339 text. desk counts time in whole seconds since the Unix epoch (UTC);
// input may carry any offset, output is always UTC with `Z`. Hand-written so DeskKit needs no
// Foundation and parsing a timestamp costs no allocation.

/// A point in time, in whole seconds since 1970-01-01T00:00:00Z.
public struct Instant: Comparable, Hashable, Sendable, CustomStringConvertible {
    public var seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    public static func < (a: Instant, b: Instant) -> Bool { a.seconds < b.seconds }

    /// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the times RFC 3339's four-digit year
    /// can write (year 0000 is refused as well: desk's own check would reject it).
    public static let earliest = Instant(seconds: -62_135_596_800)
    public static let latest = Instant(seconds: 253_402_300_799)

    /// Whether the instant lies in 0001–9999 and so can be written.
    public var isWritable: Bool { self >= Instant.earliest && self <= Instant.latest }

    /// This instant moved by `seconds`; saturates instead of trapping at Int64's bounds (the
    /// result is then not writable, which callers check with `isWritable` or `moved(by:)`).
    public func adding(_ seconds: Int64) -> Instant {
        let (sum, overflow) = self.seconds.addingReportingOverflow(seconds)
        return Instant(seconds: overflow ? (seconds > 0 ? Int64.max : Int64.min) : sum)
    }

    /// This instant moved by `seconds`, or nil when the result falls outside 0001–9999.
    public func moved(by seconds: Int64) -> Instant? {
        let t = adding(seconds)
        return t.isWritable ? t : nil
    }

    /// RFC 3339 in UTC: `2026-02-13T09:30:00Z`.
    public var description: String { rfc3339 }

    /// RFC 3339 in UTC: `2026-02-13T09:30:00Z`. Inputs outside 0001–9999 are refused where
    /// they are read; a time computed past the bounds (a due time after 9999-12-31) is written
    /// as the bound, never as a wrapped or negative year.
    public var rfc3339: String {
        let c = CivilTime(utcSeconds: min(max(seconds, Instant.earliest.seconds), Instant.latest.seconds))
        return c.formatted(offsetSeconds: 0)
    }

    /// Parses RFC 3339 (`2026-02-13T17:30:00+08:00`, `...Z`, fractional seconds allowed and
    /// truncated). Returns nil when the text is not a valid RFC 3339 date-time.
    public init?(rfc3339 text: String) {
        var t = text
        let parsed: Instant? = t.withUTF8 { Instant.parse(UnsafeRawBufferPointer($0)) }
        guard let p = parsed else { return nil }
        self = p
    }

    /// Parses RFC 3339 from UTF-8 bytes.
    public static func parse(_ b: UnsafeRawBufferPointer) -> Instant? {
        // The form desk writes (`2026-02-13T09:30:00Z`) on its own small path (its answer, nil
        // for an impossible date, is final); any other form, or a stray byte, the general one.
        if b.count == 20, let p = b.baseAddress, let answer = zulu(p) { return answer }
        return general(b)
    }

    /// Desk's own form at `p` (20 bytes) read as three words; nil when the bytes are not of
    /// that shape (digits where digits go, `-`, `T`, `:` and `Z` where they go), else the time
    /// (itself nil for an impossible date). Each byte XOR '0' is its digit's value; a digit
    /// position holds a digit exactly when that value and the value plus 6 have no bit in the
    /// high nibble (no byte carries into the next unless it is refused: a separator is checked
    /// exactly, and any other non-digit has a high-nibble bit of its own). Pairs of digits are
    /// then combined a word at a time (tens times 10 plus the byte above).
    @inline(__always)
    static func zulu(_ p: UnsafeRawPointer) -> Instant?? {
        let w0 = UInt64(littleEndian: p.loadUnaligned(as: UInt64.self))  // YYYY-MM-
        let w1 = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self))  // DDTHH:MM
        let w2 = UInt64(UInt32(littleEndian: p.loadUnaligned(fromByteOffset: 16, as: UInt32.self)))  // :SSZ
        let digits0: UInt64 = 0x00FF_FF00_FFFF_FFFF, digits1: UInt64 = 0xFFFF_00FF_FF00_FFFF, digits2: UInt64 = 0x00FF_FF00
        let x0 = (w0 ^ 0x3030_3030_3030_3030) & digits0, x1 = (w1 ^ 0x3030_3030_3030_3030) & digits1
        let x2 = (w2 ^ 0x3030_3030) & digits2
        let high: UInt64 = 0xF0F0_F0F0_F0F0_F0F0, six: UInt64 = 0x0606_0606_0606_0606
        guard w0 & ~digits0 == 0x2D00_002D_0000_0000, w1 & ~digits1 == 0x0000_3A00_0054_0000, w2 & ~digits2 == 0x5A00_003A,
            ((x0 | (x0 &+ six)) | (x1 | (x1 &+ six)) | (x2 | (x2 &+ six))) & high == 0
        else { return nil }
        // Byte k of each is digit k times 10 plus digit k + 1 (at most 99: no carry).
        let p0 = x0 &* 10 &+ (x0 >> 8), p1 = x1 &* 10 &+ (x1 >> 8), p2 = x2 &* 10 &+ (x2 >> 8)
        @inline(__always) func byte(_ x: UInt64, _ k: UInt64) -> Int { Int(truncatingIfNeeded: (x >> (8 &* k)) & 0xFF) }
        return .some(assemble(
            year: byte(p0, 0) &* 100 &+ byte(p0, 2), month: byte(p0, 5), day: byte(p1, 0), hour: byte(p1, 3),
            minute: byte(p1, 6), second: byte(p2, 1), offset: 0))
    }

    /// `parse` for any RFC 3339 form.
    @inline(never)
    static func general(_ b: UnsafeRawBufferPointer) -> Instant? {
        // YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)
        guard b.count >= 20 else { return nil }
        func digits(_ at: Int, _ n: Int) -> Int? {
            var v = 0
            for i in at..<(at + n) {
                let c = b[i]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            return v
        }
        guard let year = digits(0, 4), b[4] == 0x2D, let month = digits(5, 2), b[7] == 0x2D,
            let day = digits(8, 2)
        else { return nil }
        let sep = b[10]
        guard sep == 0x54 || sep == 0x74 || sep == 0x20 else { return nil }  // T, t or space
        guard let hour = digits(11, 2), b[13] == 0x3A, let minute = digits(14, 2), b[16] == 0x3A,
            let second = digits(17, 2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= CivilTime.daysInMonth(year, month),
            hour <= 23, minute <= 59, second <= 60
        else { return nil }
        var i = 19
        if i < b.count && b[i] == 0x2E {  // fraction: at least one digit, truncated
            i += 1
            let start = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            guard i > start else { return nil }
        }
        guard i < b.count else { return nil }
        var offset = 0
        if b[i] == 0x5A || b[i] == 0x7A {  // Z or z
            i += 1
        } else if b[i] == 0x2B || b[i] == 0x2D {
            guard i + 6 == b.count, let oh = digits(i + 1, 2), b[i + 3] == 0x3A, let om = digits(i + 4, 2),
                oh <= 23, om <= 59
            else { return nil }
            offset = (oh * 3600 + om * 60) * (b[i] == 0x2D ? -1 : 1)
            i += 6
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        return assemble(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
    }

    /// The instant of checked fields (the range checks of `parse` repeated: the fast path
    /// reaches here without them).
    static func assemble(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offset: Int) -> Instant? {
        guard (1...12).contains(month), day >= 1, day <= 28 || day <= CivilTime.daysInMonth(year, month),
            hour <= 23, minute <= 59, second <= 60
        else { return nil }
        let days = year >= 1 ? CivilTime.daysFromCivilAD(year, month, day) : CivilTime.daysFromCivil(year, month, day)
        let local = Int64(days) * 86400 + Int64(hour * 3600 + minute * 60 + second)
        // Year 0000, or an offset that moves the time out of 0001–9999: not a time desk writes.
        let t = Instant(seconds: local - Int64(offset))
        return t.isWritable ? t : nil
    }
}

/// A broken-down calendar time (proleptic Gregorian), used for formatting and for the
/// business calendar's local-time arithmetic.
public struct CivilTime: Equatable, Sendable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// The civil time of `utcSeconds` seconds after the epoch, read on a UTC clock.
    public init(utcSeconds: Int64) {
        let days = utcSeconds >= 0 ? utcSeconds / 86400 : (utcSeconds - 86399) / 86400
        let rem = Int(utcSeconds - days * 86400)
        let (y, m, d) = CivilTime.civilFromDays(Int(days))
        self.init(year: y, month: m, day: d, hour: rem / 3600, minute: (rem % 3600) / 60, second: rem % 60)
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
    public static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// `daysFromCivil` for the years 1 and after (every time RFC 3339 can write but 0000), in
    /// unsigned arithmetic: no year before the era's start, so no floor of a negative number to
    /// correct. Why: every command parses a handful of times per ticket, and the signed
    /// divisions were most of a parse. Tested equal to `daysFromCivil`.
    @inline(__always)
    static func daysFromCivilAD(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = UInt(truncatingIfNeeded: m <= 2 ? y0 - 1 : y0)
        let era = y / 400
        let yoe = y - era * 400
        let mp = UInt(truncatingIfNeeded: m > 2 ? m - 3 : m + 9)
        let doy = (153 * mp + 2) / 5 + UInt(truncatingIfNeeded: d) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return Int(truncatingIfNeeded: era * 146_097 + doe) - 719_468
    }

    /// The civil date of a count of days since 1970-01-01.
    public static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    /// 0 = Monday ... 6 = Sunday, for a count of days since 1970-01-01 (a Thursday).
    public static func weekday(days: Int) -> Int { ((days % 7) + 7 + 3) % 7 }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Seconds since the epoch if this civil time were read on a UTC clock.
    public var utcSeconds: Int64 {
        Int64(CivilTime.daysFromCivil(year, month, day)) * 86400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// RFC 3339 text with the given offset from UTC (`Z` when zero).
    public func formatted(offsetSeconds: Int) -> String {
        var out = [UInt8]()
        out.reserveCapacity(25)
        // The low `width` digits of v, straight into `out` (no per-field array: classify formats
        // three due times per ticket).
        func put(_ v: Int, _ width: Int) {
            var div = 1
            for _ in 1..<width { div *= 10 }
            while div > 0 {
                out.append(UInt8(0x30 + (v / div) % 10))
                div /= 10
            }
        }
        put(year, 4); out.append(0x2D); put(month, 2); out.append(0x2D); put(day, 2)
        out.append(0x54)
        put(hour, 2); out.append(0x3A); put(minute, 2); out.append(0x3A); put(second, 2)
        if offsetSeconds == 0 {
            out.append(0x5A)
        } else {
            let a = abs(offsetSeconds)
            out.append(offsetSeconds < 0 ? 0x2D : 0x2B)
            put(a / 3600, 2); out.append(0x3A); put((a % 3600) / 60, 2)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
