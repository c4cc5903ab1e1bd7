// GramTable: a model head's n-grams keyed by their scalars in an open-addressed table, so the
// naive Bayes scorer (TriageModel.predict) finds an n-gram's weights from one to three scalar values
// instead of building a String and hashing it (about twenty times faster per ticket). A head of
// word features keys each feature by a 64-bit hash of its scalars in the same table (`wordKey`),
// which the scorer computes from the text without building the words.

/// The n-grams of one model head, their weights, and a table from scalar keys to entries.
struct GramTable: Sendable {
    /// Key per slot; 0 marks an empty slot (no n-gram has key 0: its scalars would all be NUL).
    let keys: [UInt64]
    /// Entry per slot.
    let slots: [Int32]
    /// Weights of entry e for class c at e * classes + c.
    let weights: [Double]
    /// The n-gram of each entry, for evidence in a reason.
    let grams: [String]
    /// Whether an entry's n-gram has no space or line break at either edge (shown as evidence
    /// only then: "\n今" reads as noise in a reason).
    let plain: [Bool]
    let mask: Int

    /// Entries in the n-grams' sorted order, so the table is the same on every run.
    init(_ logLikelihood: [String: [Double]], classes: Int, words: Bool = false) {
        self.init(logLikelihood.keys.sorted().compactMap { g in logLikelihood[g].map { (g, $0) } }, classes: classes, words: words)
    }

    /// Entries in the order given (a model file's order: no sort when it is read back); keyed
    /// by `wordKey` instead of by scalars when `words` (a feature may then be any length).
    init(_ entries: [(gram: String, weights: [Double])], classes: Int, words: Bool = false) {
        var grams: [String] = []
        var weights: [Double] = []
        grams.reserveCapacity(entries.count)
        weights.reserveCapacity(entries.count * classes)
        // The table is filled as the entries are read (sized for all of them), so a words
        // feature listed twice is found by its key and its String compared there, not by a Set
        // of every feature's String.
        var size = 16
        while size < entries.count * 2 { size *= 2 }
        var keys = [UInt64](repeating: 0, count: size)
        var slots = [Int32](repeating: -1, count: size)
        for (g, w) in entries {
            guard w.count == classes else { continue }
            let key: UInt64
            if words {
                guard !g.isEmpty else { continue }
                key = GramTable.wordKey(g.unicodeScalars)
            } else {
                let u = Array(g.unicodeScalars)
                guard (1...3).contains(u.count) else { continue }
                key = u.count == 1 ? GramTable.key(u[0].value) : GramTable.key(u[0].value, u[1].value, u.count == 3 ? u[2].value : nil)
            }
            var i = GramTable.hash(key) & (size - 1)
            while keys[i] != 0 && keys[i] != key { i = (i + 1) & (size - 1) }
            if words, keys[i] == key, slots[i] >= 0, grams[Int(slots[i])] == g { continue }
            grams.append(g)
            weights.append(contentsOf: w)
            guard key != 0 else { continue }
            keys[i] = key
            slots[i] = Int32(grams.count - 1)
        }
        self.keys = keys
        self.slots = slots
        self.weights = weights
        self.grams = grams
        self.plain = grams.map { g in
            guard let a = g.unicodeScalars.first, let b = g.unicodeScalars.last else { return false }
            return !a.properties.isWhitespace && !b.properties.isWhitespace
        }
        self.mask = size - 1
    }

    /// The entry of `key`, or nil when the head does not know the n-gram.
    @inline(__always) func entry(_ key: UInt64) -> Int? {
        var i = GramTable.hash(key) & mask
        while true {
            let k = keys[i]
            if k == key { return Int(slots[i]) }
            if k == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    /// Two or three scalars (21 bits each) in one word; a 2-gram's third place holds 0x1FFFFF,
    /// which no scalar has.
    @inline(__always) static func key(_ a: UInt32, _ b: UInt32, _ c: UInt32?) -> UInt64 {
        (UInt64(a) << 42) | (UInt64(b) << 21) | UInt64(c ?? 0x1F_FFFF)
    }

    /// A 1-gram's key: its second and third places hold 0x1FFFFF.
    @inline(__always) static func key(_ a: UInt32) -> UInt64 {
        (UInt64(a) << 42) | (UInt64(0x1F_FFFF) << 21) | UInt64(0x1F_FFFF)
    }

    /// A word feature's key: FNV-1a over its scalars' values, never 0 (the empty slot). Two of a
    /// head's features sharing a 64-bit key is possible in principle and would only merge their
    /// weights; with tens of thousands of features it does not happen in practice (a test checks
    /// the built-in heads).
    static func wordKey<S: Sequence>(_ scalars: S) -> UInt64 where S.Element == Unicode.Scalar {
        wordKey(state: wordHash(scalars, from: wordHashStart))
    }

    static let wordHashStart: UInt64 = 0xCBF2_9CE4_8422_2325

    /// The FNV-1a state after `scalars`, continuing from `state` (a word pair continues its
    /// first word's state over the space and the second word).
    @inline(__always) static func wordHash<S: Sequence>(_ scalars: S, from state: UInt64) -> UInt64 where S.Element == Unicode.Scalar {
        var h = state
        for u in scalars { h = (h ^ UInt64(u.value)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    @inline(__always) static func wordKey(state: UInt64) -> UInt64 { state == 0 ? 1 : state }

    @inline(__always) static func hash(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }
}
