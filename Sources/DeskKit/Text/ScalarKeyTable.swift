// ScalarKeyTable: a table from texts to values, looked up by a run of scalars in place. The
// phrase lint asks one for every clause, word and text it reads; building a String for each
// and hashing it with the standard library's Hasher was most of `desk check`'s time. Keys and
// runs made only of plain scalars (LintText.isPlain: String equality is scalar equality for
// them) are compared scalar by scalar through an open-addressing index on FNV-1a; any other
// run, or any run when some key is not plain, takes the String dictionary, so a lookup always
// answers what `[String: Value]` answers.

/// A `[String: Value]` that can also be asked with a range of scalars.
struct ScalarKeyTable<Value: Sendable>: Sendable {
    /// The table as given.
    let byString: [String: Value]
    /// The keys as scalars, and their values, in one order.
    private let keys: [[Unicode.Scalar]]
    private let values: [Value]
    /// Open-addressing index into `keys` (-1: empty), a power of two long.
    private let slots: [Int32]
    /// False when a key holds a scalar that is not plain: every lookup then takes the String path.
    private let allPlain: Bool

    init(_ table: [String: Value]) {
        byString = table
        var keys: [[Unicode.Scalar]] = []
        var values: [Value] = []
        for (k, v) in table {
            keys.append(Array(k.unicodeScalars))
            values.append(v)
        }
        allPlain = keys.allSatisfy { $0.allSatisfy(LintText.isPlain) }
        var size = 8
        while size < keys.count * 2 { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        for (n, k) in keys.enumerated() {
            var at = ScalarKeyTable.hash(k, 0..<k.count) & (size - 1)
            while slots[at] >= 0 { at = (at + 1) & (size - 1) }
            slots[at] = Int32(n)
        }
        self.keys = keys
        self.values = values
        self.slots = slots
    }

    /// A set of texts as a table.
    init(_ set: Set<String>) where Value == Bool {
        self.init(Dictionary(uniqueKeysWithValues: set.map { ($0, true) }))
    }

    @inline(__always) static func hash(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in range {
            h = (h ^ UInt64(s[k].value)) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The value for the text of scalars `range` of `s`, or nil.
    func value(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Value? {
        guard allPlain && range.allSatisfy({ LintText.isPlain(s[$0]) }) else {
            return byString[TextNormalizer.string(s[range])]
        }
        let mask = slots.count - 1
        var at = ScalarKeyTable.hash(s, range) & mask
        while true {
            let n = Int(slots[at])
            if n < 0 { return nil }
            let k = keys[n]
            if k.count == range.count {
                var same = true
                for (i, u) in k.enumerated() where s[range.lowerBound + i] != u {
                    same = false
                    break
                }
                if same { return values[n] }
            }
            at = (at + 1) & mask
        }
    }

    /// Whether the text of scalars `range` of `s` is a key.
    func contains(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool { value(s, range) != nil }
}
