// The one place the knowledge base folds text before it is split into terms: full-width forms to
// ASCII, upper to lower case, traditional to simplified characters. Every change is one scalar
// for one scalar, so a position in the folded text is the same position in the original (the
// snippet relies on it). When the project's shared normaliser (Sources/DeskKit/Text) lands,
// this function is the only thing to replace.

enum TextFold {
    /// Traditional scalar -> simplified scalar.
    static let traditionalMap: [UInt32: Unicode.Scalar] = {
        var map: [UInt32: Unicode.Scalar] = [:]
        let from = TraditionalTable.traditional.joined().unicodeScalars
        let to = TraditionalTable.simplified.joined().unicodeScalars
        for (t, s) in zip(from, to) { map[t.value] = s }
        return map
    }()

    /// The folded scalars of `text`, exactly one for each scalar of `text`.
    static func fold(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars { out.append(fold(s)) }
        return out
    }

    /// One scalar folded.
    @inline(__always) static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if v < 0x80 {
            return v >= 0x41 && v <= 0x5A ? Unicode.Scalar(UInt8(v + 0x20)) : s
        }
        // Full-width ASCII (ＡＢＣ１２３！) and the ideographic space.
        if v >= 0xFF01 && v <= 0xFF5E, let h = Unicode.Scalar(v - 0xFEE0) { return fold(h) }
        if v == 0x3000 { return " " }
        if v >= 0x3400 { return traditionalMap[v] ?? s }
        if s.properties.changesWhenLowercased {
            let lower = s.properties.lowercaseMapping.unicodeScalars
            if lower.count == 1, let l = lower.first { return l }
        }
        return s
    }

    /// The folded text as a String.
    static func folded(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: fold(text))
        return String(out)
    }
}
