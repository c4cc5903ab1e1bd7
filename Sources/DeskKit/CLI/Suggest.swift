// "Did you mean" for typed names: the closest candidate by Damerau-Levenshtein distance
// (optimal string alignment: insert, delete, substitute, swap two neighbours).

/// Picks the intended word when a user mistypes a flag, command or choice.
public enum Suggest {
    /// The candidate closest to `word`, or nil when none is close enough.
    ///
    /// A candidate qualifies when its distance is at most `max(1, word.count / 3)`, so short
    /// words tolerate one slip and longer ones proportionally more. Ties go to the candidate
    /// listed first, which keeps the answer deterministic and follows declaration order.
    /// An exact match is never suggested (the caller would not be reporting an error).
    public static func closest(_ word: String, among candidates: [String]) -> String? {
        let limit = max(1, word.count / 3)
        let typed = Array(word)
        var best: (name: String, distance: Int)? = nil
        for candidate in candidates where candidate != word {
            let d = distance(typed, Array(candidate))
            guard d <= limit else { continue }
            if best == nil || d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.name
    }

    /// Optimal-string-alignment distance between two character sequences.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        // Three rolling rows: the swap rule looks two rows back.
        var before = [Int](repeating: 0, count: width)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: width)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d = min(d, before[j - 2] + 1)
                }
                current[j] = d
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
