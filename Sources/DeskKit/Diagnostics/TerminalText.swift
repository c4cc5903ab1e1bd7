// The one escaping of text desk prints for people. A ticket's title, an id, a file name or a
// survey token comes from outside; printed raw, `ESC ] 0 ; … BEL` retitles the terminal and
// `ESC [ 2 J` clears it, and bidi controls reorder what a reviewer sees. Every human-readable
// output (text cards, text/markdown/csv reports, check's text and GitHub output, notices and
// every diagnostic) passes its outside text through `TerminalText.escaped`.

/// Escaping of control characters for human-readable output.
public enum TerminalText {
    /// Whether `u` is a control character desk never prints raw: C0 (tab and newline are
    /// decided by the caller), DEL, C1, and the bidi controls U+061C, U+200E, U+200F,
    /// U+202A–U+202E, U+2066–U+2069.
    @inline(__always)
    public static func isControl(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        if v < 0x61C { return false }
        return v == 0x61C || v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// `s` with every control character written as `\x1B` (below U+0100) or `\u202E`. Tabs and
    /// newlines are kept when `keepLayout` is true (multi-line text such as a description in
    /// a card), and escaped as `\t` and `\n` otherwise (one-line fields, names in messages).
    public static func escaped(_ s: String, keepLayout: Bool = true) -> String {
        // Fastest path: no byte that can start a control character (check writes a line per
        // finding, and walking scalars was a tenth of its time). The scalar walk below is the
        // exact twin (EscapingTests hold them equal).
        guard mayHoldControl(s) else { return s }
        return escapedScalars(s, keepLayout: keepLayout)
    }

    /// False only when `s` holds no control character, read from its UTF-8 (valid, as every
    /// String's is): a C0 byte or DEL, C2 80–9F (C1), D8 9C (U+061C), E2 80 8E/8F or E2 80
    /// AA–AE (U+200E/F, U+202A–E), E2 81 A6–A9 (U+2066–9). Curly quotes and dashes (E2 80 9x)
    /// and other non-ASCII text pass.
    static func mayHoldControl(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b in
            let n = b.count
            var i = 0
            while i < n {
                let c = b[i]
                if c < 0x20 || c == 0x7F { return true }
                if c >= 0xC2 {
                    let d = i + 1 < n ? b[i + 1] : 0, e = i + 2 < n ? b[i + 2] : 0
                    switch c {
                    case 0xC2: if d <= 0x9F { return true }
                    case 0xD8: if d == 0x9C { return true }
                    case 0xE2:
                        if d == 0x80 && (e == 0x8E || e == 0x8F || (e >= 0xAA && e <= 0xAE)) { return true }
                        if d == 0x81 && e >= 0xA6 && e <= 0xA9 { return true }
                    default: break
                    }
                }
                i += 1
            }
            return false
        }
    }

    /// `escaped`, walking the scalars.
    static func escapedScalars(_ s: String, keepLayout: Bool = true) -> String {
        // Fast path: most text has no control character at all.
        guard s.unicodeScalars.contains(where: { isControl($0) && !(keepLayout && ($0 == "\n" || $0 == "\t")) }) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            guard isControl(u) else {
                out.append(u)
                continue
            }
            switch u {
            case "\n" where keepLayout, "\t" where keepLayout: out.append(u)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            default:
                let hex = String(u.value, radix: 16, uppercase: true)
                let text = u.value < 0x100
                    ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                    : "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                out.append(contentsOf: text.unicodeScalars)
            }
        }
        return String(out)
    }
}
