// The longest line desk reads. Without a bound, an input that never ends a line
// (`desk show /dev/zero`, `DESK_POLICY=/dev/zero`, a pipe that never sends a newline) grew
// memory until the process was killed. A line longer than the limit is bad input (exit 3,
// FILE:LINE named). The default, 64 MiB, is six times the longest real ticket line the tests
// use; DESK_MAX_LINE raises or lowers it (bytes, or with a K, M or G suffix: 256M).
#if canImport(Glibc)
import Glibc
#endif

/// The line-length bound for every input desk reads.
public enum LineLimit {
    /// 64 MiB.
    public static let defaultBytes = 64 << 20

    /// The bound for this process: DESK_MAX_LINE when it is a valid size, else the default.
    /// Read once from the process environment: every reader (including the threads of a
    /// parallel report) uses the same bound, and LineReader has no Context to ask.
    public static let process: Int = {
        guard let raw = getenv("DESK_MAX_LINE") else { return defaultBytes }
        return parse(String(cString: raw)) ?? defaultBytes
    }()

    /// `4096`, `512K`, `256M`, `2G` (binary multiples); nil when not a positive size.
    public static func parse(_ text: String) -> Int? {
        var digits = Substring(text)
        var unit = 1
        switch text.last {
        case "K", "k": unit = 1 << 10
        case "M", "m": unit = 1 << 20
        case "G", "g": unit = 1 << 30
        default: break
        }
        if unit > 1 { digits = digits.dropLast() }
        guard let n = Int(digits), n > 0 else { return nil }
        let (v, overflow) = n.multipliedReportingOverflow(by: unit)
        return overflow ? nil : v
    }

    /// The error for line `line` of `file` when it passes `limit` bytes.
    static func error(file: String, line: Int, limit: Int) -> DeskError {
        .data(DataError(file: file, line: line, message:
            "line longer than \(limit) bytes; desk reads lines up to DESK_MAX_LINE bytes (default 64M): raise it to read this input"))
    }
}
