// Small exact statistics for the report: nearest-rank percentiles over a sorted array, shares,
// and fixed-decimal numbers written without Foundation so output is byte-identical everywhere.

/// Exact order statistics.
public enum Stats {
    /// The nearest-rank percentile `p` (0 < p <= 100) of ascending `sorted`: the value at 1-based
    /// rank ceil(p/100 * n). The median is p = 50 (the lower middle value for even n). Nil when empty.
    public static func percentile(_ sorted: [Int64], _ p: Int) -> Int64? {
        guard !sorted.isEmpty else { return nil }
        return sorted[rank(p, of: sorted.count) - 1]
    }

    /// The 1-based nearest rank of percentile `p` among `n` > 0 values: ceil(p/100 * n),
    /// kept within 1...n.
    public static func rank(_ p: Int, of n: Int) -> Int { min(max(1, (p * n + 99) / 100), n) }

    /// A score in millionths, for sums that are exact in any order (clamped far beyond any
    /// survey scale, so absurd data cannot overflow a sum).
    public static func millionths(_ x: Double) -> Int64 {
        Int64((min(max(x, -1e9), 1e9) * 1_000_000).rounded())
    }

    /// The value of a sum in millionths.
    public static func fromMillionths(_ m: Int64) -> Double { Double(m) / 1_000_000 }

    /// part / whole, nil when whole is 0.
    public static func share(_ part: Int, _ whole: Int) -> Double? {
        whole > 0 ? Double(part) / Double(whole) : nil
    }
}

/// Fixed-decimal number text, rounded half away from zero (as jq's `round`), trailing zeros
/// dropped: 0.8333, 12.5, 4.
public enum FixedDecimal {
    /// The value rounded to `places` decimals, as JSON number text.
    public static func text(_ x: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (x * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled.isFinite, abs(scaled) < 9e15 else { return "0" }
        let n = Int64(scaled)
        let neg = n < 0
        let mag = neg ? -n : n
        var whole = String(mag)
        var frac = ""
        if places > 0 {
            let padded = String(repeating: "0", count: max(0, places + 1 - whole.count)) + whole
            whole = String(padded.dropLast(places))
            frac = String(padded.suffix(places))
            while frac.hasSuffix("0") { frac.removeLast() }
        }
        return (neg && (mag != 0) ? "-" : "") + whole + (frac.isEmpty ? "" : "." + frac)
    }

    /// The value rounded to `places` decimals as a JSON number; null for nil.
    public static func json(_ x: Double?, places: Int) -> JSONValue {
        guard let x = x else { return .null }
        return .number(text(x, places: places))
    }

    /// The value rounded the way jq does `x * 10^p | round / 10^p` (for the bench section).
    public static func jqRounded(_ x: Double, places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (x * scale).rounded(.toNearestOrAwayFromZero) / scale
    }
}
