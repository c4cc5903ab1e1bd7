// Finds every keyword of a fixed set in a text in one pass (Aho–Corasick over UTF-8 bytes),
// so classification and phrase linting cost the same whatever the number of rules.
// Matching ignores ASCII case. A keyword that starts with an ASCII letter or digit matches only
// at the start of a word (so "sso" does not fire inside "lasso") but may run on into a longer
// word ("crash" matches "crashes"); a hyphen between letters joins a word, so "core function"
// does not fire inside "non-core function". Chinese keywords match anywhere (no spaces).

/// A compiled set of keywords.
public struct KeywordMatcher: Sendable {
    /// The keywords as given, indexed by the ids `matches` returns.
    public let keywords: [String]
    // Automaton: goto transitions per state (sparse, sorted by byte), failure links, and the
    // keyword ids that end at each state (own and inherited through failure links).
    var transitions: [[(UInt8, Int32)]]
    var failure: [Int32]
    /// The root's transitions as a dense table: every failure chain ends at the root, and most
    /// bytes of a text are read there, so this skips the sparse search where it matters most.
    var root: [Int32]
    var outputs: [[Int32]]
    let needsBoundary: [Bool]
    let lengths: [Int]

    /// Compiles `keywords`. Empty keywords are ignored.
    public init(_ keywords: [String]) {
        self.keywords = keywords
        var transitions: [[(UInt8, Int32)]] = [[]]
        var outputs: [[Int32]] = [[]]
        var boundary: [Bool] = []
        var lengths: [Int] = []
        for (k, word) in keywords.enumerated() {
            let bytes = Array(word.utf8).map(KeywordMatcher.fold)
            lengths.append(bytes.count)
            boundary.append(bytes.first.map(KeywordMatcher.isWordByte) ?? false)
            guard !bytes.isEmpty else { continue }
            var state = 0
            for b in bytes {
                if let next = transitions[state].first(where: { $0.0 == b })?.1 {
                    state = Int(next)
                } else {
                    transitions.append([])
                    outputs.append([])
                    let new = Int32(transitions.count - 1)
                    transitions[state].append((b, new))
                    state = Int(new)
                }
            }
            outputs[state].append(Int32(k))
        }
        var failure = [Int32](repeating: 0, count: transitions.count)
        // Breadth-first: a state's failure is the longest proper suffix that is also a prefix.
        var queue: [Int] = transitions[0].map { Int($0.1) }
        var head = 0
        while head < queue.count {
            let s = queue[head]
            head += 1
            for (b, t) in transitions[s] {
                queue.append(Int(t))
                var f = Int(failure[s])
                while f != 0 && !transitions[f].contains(where: { $0.0 == b }) { f = Int(failure[f]) }
                let target = transitions[f].first(where: { $0.0 == b }).map { Int($0.1) } ?? 0
                failure[Int(t)] = Int32(target == Int(t) ? 0 : target)
                outputs[Int(t)].append(contentsOf: outputs[Int(failure[Int(t)])])
            }
        }
        for i in transitions.indices { transitions[i].sort { $0.0 < $1.0 } }
        self.transitions = transitions
        self.failure = failure
        var root = [Int32](repeating: 0, count: 256)
        for (b, t) in transitions[0] { root[Int(b)] = t }
        self.root = root
        self.outputs = outputs
        self.needsBoundary = boundary
        self.lengths = lengths
    }

    @inline(__always) static func fold(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }
    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F
    }

    @inline(__always) func step(_ state: Int, _ b: UInt8) -> Int {
        var s = state
        while s != 0 {
            for (c, t) in transitions[s] {
                if c == b { return Int(t) }
                if c > b { break }
            }
            s = Int(failure[s])
        }
        return Int(root[Int(b)])
    }

    /// The ids of the keywords found in `text` (each once), in keyword order.
    public func matches(in text: String) -> [Int] {
        var found = [Bool](repeating: false, count: keywords.count)
        var t = text
        t.withUTF8 { buf in
            var state = 0
            for i in 0..<buf.count {
                state = step(state, KeywordMatcher.fold(buf[i]))
                for k in outputs[state] {
                    let id = Int(k)
                    if found[id] { continue }
                    if needsBoundary[id] {
                        let start = i + 1 - lengths[id]
                        if start > 0 && KeywordMatcher.isWordByte(buf[start - 1]) { continue }
                        if start > 1 && buf[start - 1] == 0x2D && KeywordMatcher.isWordByte(buf[start - 2]) { continue }
                    }
                    found[id] = true
                }
            }
        }
        return found.indices.filter { found[$0] }
    }

    /// One occurrence of a keyword: its id and the UTF-8 byte range it covers in the text.
    public struct Occurrence: Sendable, Equatable {
        public var id: Int
        public var range: Range<Int>
    }

    /// Every occurrence of every keyword in `text` (overlapping ones included), ordered by where
    /// it ends, then by keyword id. Word-start rules are those of `matches`.
    public func occurrences(in text: String) -> [Occurrence] {
        var out: [Occurrence] = []
        var t = text
        t.withUTF8 { buf in
            var state = 0
            for i in 0..<buf.count {
                state = step(state, KeywordMatcher.fold(buf[i]))
                guard !outputs[state].isEmpty else { continue }
                // Appended in place and the few ending here sorted in place: a short keyword
                // ends at many bytes, and an array per such byte was most of the cost.
                let from = out.count
                for k in outputs[state] {
                    let id = Int(k)
                    let start = i + 1 - lengths[id]
                    if needsBoundary[id] {
                        if start > 0 && KeywordMatcher.isWordByte(buf[start - 1]) { continue }
                        if start > 1 && buf[start - 1] == 0x2D && KeywordMatcher.isWordByte(buf[start - 2]) { continue }
                    }
                    out.append(Occurrence(id: id, range: start..<(i + 1)))
                }
                if out.count - from > 1 { out[from..<out.count].sort { $0.id < $1.id } }
            }
        }
        return out
    }

    /// The keywords found in `text`, in keyword order.
    public func matchedKeywords(in text: String) -> [String] { matches(in: text).map { keywords[$0] } }
}
