// ZoneRules: IANA time zones without Foundation. Reads a TZif file (RFC 8536, versions 1-3)
// from $TZDIR or /usr/share/zoneinfo with Glibc open/read, keeps its transitions, and applies
// the POSIX TZ footer (`CET-1CEST,M3.5.0,M10.5.0/3`) to instants beyond the last transition.

#if canImport(Glibc)
import Glibc
#endif

/// Why a time zone could not be loaded.
public enum ZoneError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The identifier is empty, absolute, or climbs out of the zone directory.
    case invalidIdentifier(String)
    /// No readable zone file has that name.
    case unknownZone(String)
    /// The file exists but is not valid TZif.
    case malformedFile(String)

    public var description: String {
        switch self {
        case .invalidIdentifier(let id): return "invalid time zone identifier '\(id)'"
        case .unknownZone(let id): return "unknown time zone '\(id)'"
        case .malformedFile(let id): return "time zone file for '\(id)' is not valid TZif"
        }
    }
}

/// The offset rules of one time zone: which UTC offset applies at any instant, and the
/// conversions between instants and local civil times.
public struct ZoneRules: Sendable, Equatable {
    /// The IANA identifier, e.g. `Asia/Shanghai`.
    public let identifier: String
    /// Transition instants (seconds since the epoch), ascending.
    let transitions: [Int64]
    /// For each transition, the UTC offset (seconds east) that starts at it.
    let offsetsAfter: [Int32]
    /// The offset before the first transition.
    let initialOffset: Int32
    /// The footer rule for instants after the last transition; nil means "keep the last offset".
    let footer: PosixRule?

    /// UTC itself.
    public static let utc = ZoneRules(fixedOffset: 0, identifier: "UTC")

    /// A zone with one constant offset (seconds east of UTC).
    public init(fixedOffset: Int, identifier: String) {
        self.identifier = identifier
        transitions = []
        offsetsAfter = []
        initialOffset = Int32(clamping: fixedOffset)
        footer = nil
    }

    /// Loads `identifier` from `tzdir`, else `$TZDIR`, else `/usr/share/zoneinfo`.
    /// `UTC`, `Etc/UTC` and `Z` resolve without a file.
    public init(identifier: String, tzdir: String? = nil) throws(ZoneError) {
        if identifier == "UTC" || identifier == "Etc/UTC" || identifier == "Z" {
            self = ZoneRules(fixedOffset: 0, identifier: identifier)
            return
        }
        // Why: the identifier comes from policy files; never let it name a file elsewhere.
        guard !identifier.isEmpty, !identifier.hasPrefix("/"), !identifier.contains(".."),
            identifier.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else { throw .invalidIdentifier(identifier) }
        let dir = tzdir ?? ZoneRules.environmentTZDir() ?? "/usr/share/zoneinfo"
        guard let bytes = ZoneRules.readFile(dir + "/" + identifier) else { throw .unknownZone(identifier) }
        guard let parsed = TZifReader.parse(bytes) else { throw .malformedFile(identifier) }
        self.identifier = identifier
        transitions = parsed.transitions
        offsetsAfter = parsed.offsetsAfter
        initialOffset = parsed.initialOffset
        footer = parsed.footer
    }

    /// The UTC offset in seconds east of UTC in force at `instant`.
    public func offset(at instant: Instant) -> Int {
        let t = instant.seconds
        guard let last = transitions.last else {
            return footer.map { $0.offset(at: t) } ?? Int(initialOffset)
        }
        if t >= last, let rule = footer { return rule.offset(at: t) }
        // Binary search: the last transition at or before t.
        var lo = 0
        var hi = transitions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if transitions[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        return Int(lo == 0 ? initialOffset : offsetsAfter[lo - 1])
    }

    /// The local civil time at `instant`.
    /// The offset in force throughout `[from, to]` when it does not change anywhere in that
    /// span, else nil. Lets the calendar convert whole stretches of local time with one
    /// subtraction instead of a search per conversion.
    public func fixedOffset(from: Int64, to: Int64) -> Int? {
        let o = offset(at: Instant(seconds: from))
        if let last = transitions.last, from < last {
            // Any transition in (from, to]? Binary search for the first one after `from`.
            var lo = 0
            var hi = transitions.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if transitions[mid] <= from { lo = mid + 1 } else { hi = mid }
            }
            if lo < transitions.count && transitions[lo] <= to { return nil }
        }
        // Past the table the footer rule decides: only a rule without DST is fixed.
        if to >= (transitions.last ?? Int64.min), let rule = footer, rule.dst != nil { return nil }
        return o
    }

    public func civil(_ instant: Instant) -> CivilTime {
        CivilTime(utcSeconds: instant.seconds + Int64(offset(at: instant)))
    }

    /// The instant at which local clocks show `local`. A local time that occurs twice (clocks
    /// set back) gives the earlier instant; one that never occurs (clocks set forward) gives
    /// the instant of the jump, the first existing local time after it. So `instant` returns
    /// the first instant whose local time is at or after `local`, which is what interval
    /// arithmetic on business hours needs.
    public func instant(_ local: CivilTime) -> Instant {
        let l = local.utcSeconds
        if transitions.isEmpty && footer == nil { return Instant(seconds: l - Int64(initialOffset)) }
        // Offsets stay within +-26 h, so the instant is within that of `l`; sample the offsets
        // in force over that window to get every candidate.
        var candidates: [Int] = []
        var probe = l - 30 * 3600
        while probe <= l + 30 * 3600 {
            let o = offset(at: Instant(seconds: probe))
            if !candidates.contains(o) { candidates.append(o) }
            probe += 6 * 3600
        }
        var best: Int64? = nil
        for o in candidates {
            let t = l - Int64(o)
            if offset(at: Instant(seconds: t)) == o, best.map({ t < $0 }) ?? true { best = t }
        }
        if let b = best { return Instant(seconds: b) }
        // A gap: the jump lies between l - after and l - before; find it by bisection.
        let before = offset(at: Instant(seconds: l - 30 * 3600))
        var lo = l - Int64(candidates.max() ?? before)
        var hi = l - Int64(before)
        if lo > hi { swap(&lo, &hi) }
        let startOffset = offset(at: Instant(seconds: lo))
        while lo + 1 < hi {
            let mid = lo + (hi - lo) / 2
            if offset(at: Instant(seconds: mid)) == startOffset { lo = mid } else { hi = mid }
        }
        return Instant(seconds: hi)
    }

    static func environmentTZDir() -> String? {
        guard let p = getenv("TZDIR") else { return nil }
        let s = String(cString: p)
        return s.isEmpty ? nil : s
    }

    /// The whole file, or nil when it cannot be opened or read (directories included).
    static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 8192)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, 8192) }
            if n < 0 { return nil }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
            if out.count > 4 << 20 { return nil }  // no zone file is this large
        }
        return out
    }
}

/// The parsed content of a TZif file.
struct TZifReader {
    var transitions: [Int64] = []
    var offsetsAfter: [Int32] = []
    var initialOffset: Int32 = 0
    var footer: PosixRule? = nil

    static func parse(_ b: [UInt8]) -> TZifReader? {
        guard b.count >= 44, b[0] == 0x54, b[1] == 0x5A, b[2] == 0x69, b[3] == 0x66 else { return nil }
        let version = b[4]
        func be(_ at: Int, _ n: Int) -> Int64? {
            guard at >= 0, at + n <= b.count else { return nil }
            var v: UInt64 = 0
            for i in 0..<n { v = v << 8 | UInt64(b[at + i]) }
            // Sign-extend 4-byte values.
            if n == 4 { return Int64(Int32(bitPattern: UInt32(truncatingIfNeeded: v))) }
            return Int64(bitPattern: v)
        }
        struct Header { var isut, isstd, leap, time, type, char: Int }
        func header(_ at: Int) -> Header? {
            var c: [Int] = []
            for k in 0..<6 {
                guard let v = be(at + 20 + 4 * k, 4), v >= 0, v < 1 << 20 else { return nil }
                c.append(Int(v))
            }
            return Header(isut: c[0], isstd: c[1], leap: c[2], time: c[3], type: c[4], char: c[5])
        }
        guard let h1 = header(0) else { return nil }
        var at = 44
        var h = h1
        var timeSize = 4
        if version >= 0x32 {  // '2' or later: skip the v1 block, read the 64-bit one
            at += h1.time * 4 + h1.time + h1.type * 6 + h1.char + h1.leap * 8 + h1.isstd + h1.isut
            guard let h2 = header(at) else { return nil }
            h = h2
            at += 44
            timeSize = 8
        }
        guard h.type >= 1 else { return nil }
        let timesAt = at
        let indicesAt = timesAt + h.time * timeSize
        let typesAt = indicesAt + h.time
        let end = typesAt + h.type * 6 + h.char + h.leap * (timeSize + 4) + h.isstd + h.isut
        guard end <= b.count else { return nil }
        var typeOffsets: [Int32] = []
        for k in 0..<h.type {
            guard let o = be(typesAt + 6 * k, 4), abs(o) < 26 * 3600 else { return nil }
            typeOffsets.append(Int32(o))
        }
        var r = TZifReader()
        // RFC 8536: local time type 0 applies before the first transition.
        r.initialOffset = typeOffsets[0]
        for k in 0..<h.time {
            guard let t = be(timesAt + k * timeSize, timeSize) else { return nil }
            let idx = Int(b[indicesAt + k])
            guard idx < typeOffsets.count else { return nil }
            if let last = r.transitions.last, t <= last { return nil }
            r.transitions.append(t)
            r.offsetsAfter.append(typeOffsets[idx])
        }
        if timeSize == 8, end < b.count, b[end] == 0x0A {
            var i = end + 1
            while i < b.count, b[i] != 0x0A { i += 1 }
            if i < b.count, i > end + 1 {
                r.footer = PosixRule(String(decoding: b[(end + 1)..<i], as: UTF8.self))
            }
        }
        return r
    }
}

/// A POSIX TZ rule (`EST5EDT,M3.2.0,M11.1.0`, `<+0330>-3:30`, `CST-8`), as found in TZif
/// footers. Offsets here are stored east of UTC (POSIX writes them west).
struct PosixRule: Sendable, Equatable {
    enum DateRule: Sendable, Equatable {
        case julian1(Int)  // Jn: 1...365, February 29 never counted
        case julian0(Int)  // n: 0...365, leap days counted
        case monthWeek(month: Int, week: Int, weekday: Int)  // Mm.w.d, d 0 = Sunday
    }
    var std: Int
    var dst: Int?
    var start = DateRule.monthWeek(month: 3, week: 2, weekday: 0)
    var startTime = 7200
    var end = DateRule.monthWeek(month: 11, week: 1, weekday: 0)
    var endTime = 7200

    init?(_ text: String) {
        var p = Array(text.utf8)[...]
        func name() -> Bool {
            if p.first == UInt8(ascii: "<") {
                guard let close = p.firstIndex(of: UInt8(ascii: ">")) else { return false }
                p = p[(close + 1)...]
                return true
            }
            var n = 0
            while let c = p.first, (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) { p.removeFirst(); n += 1 }
            return n >= 3
        }
        func number() -> Int? {
            var v = 0
            var n = 0
            while let c = p.first, c >= 0x30, c <= 0x39, n < 4 { v = v * 10 + Int(c - 0x30); p.removeFirst(); n += 1 }
            return n > 0 ? v : nil
        }
        // [+-]hh[:mm[:ss]] in seconds.
        func time() -> Int? {
            var sign = 1
            if p.first == UInt8(ascii: "-") { sign = -1; p.removeFirst() } else if p.first == UInt8(ascii: "+") { p.removeFirst() }
            guard let h = number(), h <= 167 else { return nil }
            var s = h * 3600
            if p.first == UInt8(ascii: ":") {
                p.removeFirst()
                guard let m = number(), m < 60 else { return nil }
                s += m * 60
                if p.first == UInt8(ascii: ":") {
                    p.removeFirst()
                    guard let sec = number(), sec < 60 else { return nil }
                    s += sec
                }
            }
            return sign * s
        }
        func dateRule() -> (DateRule, Int)? {
            let rule: DateRule
            if p.first == UInt8(ascii: "M") {
                p.removeFirst()
                guard let m = number(), (1...12).contains(m), p.popFirst() == UInt8(ascii: "."),
                    let w = number(), (1...5).contains(w), p.popFirst() == UInt8(ascii: "."),
                    let d = number(), d <= 6
                else { return nil }
                rule = .monthWeek(month: m, week: w, weekday: d)
            } else if p.first == UInt8(ascii: "J") {
                p.removeFirst()
                guard let n = number(), (1...365).contains(n) else { return nil }
                rule = .julian1(n)
            } else {
                guard let n = number(), n <= 365 else { return nil }
                rule = .julian0(n)
            }
            var t = 7200
            if p.first == UInt8(ascii: "/") {
                p.removeFirst()
                guard let v = time() else { return nil }
                t = v
            }
            return (rule, t)
        }
        guard name(), let stdWest = time() else { return nil }
        std = -stdWest
        if p.isEmpty { dst = nil; return }
        guard name() else { return nil }
        if let c = p.first, c != UInt8(ascii: ",") {
            guard let dstWest = time() else { return nil }
            dst = -dstWest
        } else {
            dst = std + 3600
        }
        if p.first == UInt8(ascii: ",") {
            p.removeFirst()
            guard let (s, st) = dateRule(), p.popFirst() == UInt8(ascii: ","), let (e, et) = dateRule() else {
                return nil
            }
            (start, startTime, end, endTime) = (s, st, e, et)
        }
        guard p.isEmpty else { return nil }
    }

    /// Days since the epoch of a date rule in `year`.
    static func day(_ rule: DateRule, year: Int) -> Int {
        let jan1 = CivilTime.daysFromCivil(year, 1, 1)
        switch rule {
        case .julian0(let n): return jan1 + n
        case .julian1(let n):
            return jan1 + n - 1 + (CivilTime.isLeap(year) && n >= 60 ? 1 : 0)
        case .monthWeek(let m, let w, let d):
            let first = CivilTime.daysFromCivil(year, m, 1)
            // CivilTime.weekday is 0 = Monday; POSIX d is 0 = Sunday.
            let firstWeekday = (CivilTime.weekday(days: first) + 1) % 7
            var day = first + (d - firstWeekday + 7) % 7 + (w - 1) * 7
            let last = first + CivilTime.daysInMonth(year, m) - 1
            while day > last { day -= 7 }  // week 5 means "the last"
            return day
        }
    }

    func offset(at t: Int64) -> Int {
        guard let dst else { return std }
        let year = CivilTime(utcSeconds: t + Int64(std)).year
        // Start is given in standard local time, end in daylight local time.
        let s = Int64(PosixRule.day(start, year: year)) * 86400 + Int64(startTime) - Int64(std)
        let e = Int64(PosixRule.day(end, year: year)) * 86400 + Int64(endTime) - Int64(dst)
        let inDST = s < e ? (t >= s && t < e) : (t < e || t >= s)
        return inDST ? dst : std
    }
}
