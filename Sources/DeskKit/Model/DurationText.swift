// Durations as users type them (`30m`, `1h30m`, `2d`, `90s`, or bare seconds) and as desk
// prints them. Stored as whole seconds.

/// Parsing and printing of human durations.
public enum DurationText {
    /// The longest duration desk accepts: the span of the years it can write (0001–9999), so
    /// no time plus a duration can overflow, and a result past 9999 is refused, not wrapped.
    public static let maximum: Int64 = Instant.latest.seconds - Instant.earliest.seconds

    /// Parses `90`, `90s`, `30m`, `2h`, `1h30m`, `2d4h`, `1w`. Nil if malformed, negative or
    /// longer than `maximum`.
    public static func parse(_ text: String) -> Int64? {
        guard !text.isEmpty else { return nil }
        if let plain = Int64(text) { return plain >= 0 && plain <= maximum ? plain : nil }
        var total: Int64 = 0
        var number: Int64? = nil
        for ch in text {
            if let d = ch.wholeNumberValue, ch.isASCII {
                let (m, o1) = (number ?? 0).multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int64(d))
                guard !o1, !o2 else { return nil }
                number = s
                continue
            }
            let unit: Int64
            switch ch {
            case "s": unit = 1
            case "m": unit = 60
            case "h": unit = 3600
            case "d": unit = 86400
            case "w": unit = 604800
            default: return nil
            }
            guard let n = number else { return nil }
            let (p, o) = n.multipliedReportingOverflow(by: unit)
            let (sum, o3) = total.addingReportingOverflow(p)
            guard !o, !o3, sum <= maximum else { return nil }
            total = sum
            number = nil
        }
        guard number == nil else { return nil }  // a trailing number without unit: "1h30"
        return total
    }

    /// Prints seconds compactly: `45s`, `30m`, `1h30m`, `2d3h`.
    public static func format(_ seconds: Int64) -> String {
        if seconds == 0 { return "0s" }
        var s = seconds < 0 ? -seconds : seconds
        var parts = ""
        for (unit, name) in [(Int64(86400), "d"), (3600, "h"), (60, "m"), (1, "s")] where s >= unit {
            parts += "\(s / unit)\(name)"
            s %= unit
        }
        return (seconds < 0 ? "-" : "") + parts
    }
}
