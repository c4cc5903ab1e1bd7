// DurationSamples: an exact multiset of durations (Int64 seconds) kept in compact form, so the
// report's exact nearest-rank percentiles cost memory in proportion to the DISTINCT durations of
// a figure, not to its tickets. Why: a whole-year report over a million tickets kept about nine
// durations per ticket as Int32 arrays (77 MB peak RSS); business-second durations repeat a lot
// (0 out of hours, whole working days), and even distinct ones sort into small gaps.
//
// Layout:
// - `run`: the values merged so far, ascending and distinct, each with its count, as bytes. An
//   entry is a token, gap × 2 + repeated, where gap = value - previous value - 1 (for the first
//   entry: the value itself), taken on the sign-flipped bit pattern so that every Int64 is exact
//   and negative values sort first; then, only when repeated, a varint of count - 2. The token's
//   first byte carries the flag and 6 gap bits, further bytes 7 bits each (LEB128), so even the
//   65-bit token fits in 10 bytes. A value seen once, less than 64 above the previous one, costs
//   1 byte (a plain varint(delta) + varint(count - 1) pair would cost 2).
// - `pending`: values appended since the last merge, unsorted, as Int32 (real durations fit:
//   ±68 years); `wide`: the rare values outside Int32, kept exactly (nothing is clamped).
// - Merge: once pending + wide hold max(4096, distinct / 2) values, they are radix-sorted and
//   merged with the run into a new run of exact size. A merge reads `distinct` entries and
//   writes at most distinct + k for k ≥ distinct / 2 new values: at most 5 entry reads or writes
//   per value, amortised O(1). Memory: the run (1 to 2 bytes per distinct value in practice)
//   plus pending (at most about 2 bytes per distinct value), plus the new run during a merge.
// - A small multiset (a group of 3 tickets) is a few Int32 in `pending` and nothing else: no
//   preallocation, as a report has many groups.
// - Percentiles walk the run and a sorted copy of the unmerged values together, counting, so
//   the values are never expanded; `sortedValues` expands them for callers that need all.

/// An exact multiset of durations in seconds, compact when values repeat or lie close together,
/// with exact nearest-rank percentiles (the semantics of `Stats.percentile`).
public struct DurationSamples: Sendable {
    /// Merged values: ascending distinct entries with counts (see the file header for the format).
    private var run: [UInt8] = []
    /// Distinct values in `run`.
    private var distinct = 0 {
        didSet { mergeAt = max(DurationSamples.minimumPending, distinct / DurationSamples.batchShare) }
    }
    /// Values in `run`, counted with their repeats.
    private var runTotal = 0
    /// Values appended since the last merge that fit in Int32, unsorted.
    private var pending: [Int32] = []
    /// Values appended since the last merge outside Int32, unsorted.
    private var wide: [Int64] = []
    /// Unmerged values that start a merge: max(minimumPending, distinct / batchShare), kept as
    /// `distinct` changes (a division per value appended was measurable).
    private var mergeAt = DurationSamples.minimumPending

    /// The fewest unmerged values before a merge; a larger run waits for half its distinct
    /// count (`batchShare`), which keeps merging O(1) amortised per value while pending stays
    /// about two bytes per distinct value. Why 4096 (16 KB of Int32 at most per multiset): a
    /// report's group figures hold a few thousand distinct durations, and at 1024 each was rewritten
    /// about twice per value merged (merging was a tenth of the report's instructions); a
    /// report has about 120 multisets, so the batch costs under 2 MB per reading thread.
    static let minimumPending = 4096

    /// A run of `distinct` values waits for distinct / batchShare unmerged ones. Why 2, not 4:
    /// at a quarter, rewriting the run was most of the report's merging on a million tickets
    /// (each value read or written about 9 times instead of 5), for under a byte per distinct
    /// value saved.
    static let batchShare = 2

    /// An empty multiset.
    public init() {}

    /// A multiset of the given values.
    public init<S: Sequence>(_ values: S) where S.Element == Int64 {
        for v in values { append(v) }
    }

    /// Adds one duration. (Inlined where figures are counted: the call was a third of its cost,
    /// for the half-dozen durations of every ticket.)
    @inline(__always)
    public mutating func append(_ d: Int64) {
        if let small = Int32(exactly: d) {
            pending.append(small)
        } else {
            wide.append(d)
        }
        if pending.count + wide.count >= mergeAt { merge() }
    }

    /// How many values were added (repeats counted).
    public var count: Int { runTotal + pending.count + wide.count }

    /// Whether no value was added.
    public var isEmpty: Bool { count == 0 }

    /// The nearest-rank percentile `p` of all values: the value at 1-based rank
    /// max(1, ceil(p/100 × n)) in ascending order (clamped to n), exactly as `Stats.percentile`
    /// over the sorted values. Nil when empty.
    public func percentile(_ p: Int) -> Int64? {
        let n = count
        guard n > 0 else { return nil }
        let rank = Stats.rank(p, of: n)
        return withEntries { entries in
            var seen = 0
            while entries.advance() {
                seen += entries.count
                if seen >= rank { return fromSortKey(entries.key) }
            }
            return nil  // not reached: the entries hold n values
        }
    }

    /// Adds every value of another multiset (a report read in parallel parts, or partials,
    /// merge them): both runs are walked together entry by entry, counts added, never expanded,
    /// so the cost follows the distinct values, not the tickets.
    public mutating func append(contentsOf other: DurationSamples) {
        guard !other.isEmpty else { return }
        guard !isEmpty else {
            self = other
            return
        }
        merge()
        var o = other
        o.merge()
        // A merged entry is never longer than its two sources together plus a count byte
        // (its gap only shrinks); an entry from one side only, never longer than its source.
        let bound = run.count + o.run.count + min(distinct, o.distinct) + 1
        let out = UnsafeMutablePointer<UInt8>.allocate(capacity: bound)
        defer { out.deallocate() }
        var writer = RunWriter(out: out, capacity: bound)
        run.withUnsafeBufferPointer { a in
            o.run.withUnsafeBufferPointer { b in
                var x = RunReader(bytes: a), y = RunReader(bytes: b)
                var hasX = x.advance(), hasY = y.advance()
                while hasX || hasY {
                    if hasX && (!hasY || x.key < y.key) {
                        writer.put(x.key, x.count)
                        hasX = x.advance()
                    } else if hasY && (!hasX || y.key < x.key) {
                        writer.put(y.key, y.count)
                        hasY = y.advance()
                    } else {
                        writer.put(x.key, x.count + y.count)
                        hasX = x.advance()
                        hasY = y.advance()
                    }
                }
            }
        }
        run = Array(UnsafeBufferPointer(start: out, count: writer.length))
        distinct = writer.entries
        runTotal += o.runTotal
    }

    /// The multiset in canonical form: every value merged into the run, whose bytes then
    /// depend only on the values (a partial report stores them).
    var canonicalRun: (bytes: [UInt8], count: Int) {
        var c = self
        c.merge()
        return (c.run, c.runTotal)
    }

    /// The multiset a canonical run holds, or nil when the bytes are not one: every varint
    /// must end and fit, keys must not pass the largest Int64, and writing the entries again
    /// must give the same bytes (so one multiset has one form).
    init?(canonicalRun bytes: [UInt8]) {
        var entries: [(UInt64, Int)] = []
        var at = 0
        func varint() -> UInt64? {
            var x: UInt64 = 0, shift: UInt64 = 0
            while at < bytes.count {
                let b = UInt64(bytes[at])
                at += 1
                guard shift < 64, ((b & 0x7F) << shift) >> shift == b & 0x7F else { return nil }
                x |= (b & 0x7F) << shift
                if b & 0x80 == 0 { return x }
                shift += 7
            }
            return nil
        }
        var key: UInt64 = 0
        var total = 0
        while at < bytes.count {
            let first = bytes[at]
            at += 1
            var gap = UInt64((first >> 1) & 0x3F)
            if first & 0x80 != 0 {
                guard let rest = varint(), rest <= UInt64.max >> 6 else { return nil }
                gap |= rest << 6
            }
            if entries.isEmpty {
                key = gap
            } else {
                let (k1, o1) = key.addingReportingOverflow(gap)
                let (k2, o2) = k1.addingReportingOverflow(1)
                guard !o1, !o2 else { return nil }
                key = k2
            }
            var count = 1
            if first & 1 != 0 {
                guard let c = varint(), c <= UInt64(Int.max / 2) else { return nil }
                count = Int(c) + 2
            }
            let (t, o) = total.addingReportingOverflow(count)
            guard !o else { return nil }
            total = t
            entries.append((key, count))
        }
        let bound = max(1, 20 * entries.count)
        let out = UnsafeMutablePointer<UInt8>.allocate(capacity: bound)
        defer { out.deallocate() }
        var writer = RunWriter(out: out, capacity: bound)
        for (k, c) in entries { writer.put(k, c) }
        guard writer.length == bytes.count, bytes.withUnsafeBufferPointer({ b in (0..<b.count).allSatisfy { b[$0] == out[$0] } })
        else { return nil }
        self.init()
        run = bytes
        distinct = entries.count
        runTotal = total
    }

    /// Every value, ascending, repeats included.
    public var sortedValues: [Int64] {
        var out: [Int64] = []
        out.reserveCapacity(count)
        withEntries { entries in
            while entries.advance() {
                let v = fromSortKey(entries.key)
                for _ in 0..<entries.count { out.append(v) }
            }
        }
        return out
    }

    /// Bytes allocated for the values (run, pending and wide capacities), without the fixed
    /// array headers: for tests that memory follows the distinct values.
    var storageBytes: Int {
        run.capacity + pending.capacity * MemoryLayout<Int32>.stride + wide.capacity * MemoryLayout<Int64>.stride
    }

    /// Distinct values merged into the run so far (for tests).
    var mergedDistinct: Int { distinct }

    /// Sorts the unmerged values into the run (done by `append` when enough are waiting;
    /// callable by tests to reach a given state). Kept out of line: `append` is inlined.
    @inline(never)
    mutating func merge() {
        guard !pending.isEmpty || !wide.isEmpty else { return }
        radixSort(&pending)
        wide.sort()
        // Merged entries never take more than the old run plus 10 bytes per new value (a new
        // entry's token is at most 10 bytes and its count bytes fewer than its values; an old
        // entry's gap only shrinks and its count gains at most a byte per value). Writing to a
        // buffer of that bound and copying the result to an array of its exact size avoids
        // growing an array byte by byte and the slack growth leaves: the run is most of what a
        // figure keeps.
        let bound = run.count + 10 * (pending.count + wide.count)
        let out = UnsafeMutablePointer<UInt8>.allocate(capacity: bound)
        defer { out.deallocate() }
        var writer = RunWriter(out: out, capacity: bound)
        var total = 0
        run.withUnsafeBufferPointer { r in
            pending.withUnsafeBufferPointer { p in
                wide.withUnsafeBufferPointer { w in
                    var entries = EntryMerger(run: r, pending: p, wide: w)
                    while entries.advance() {
                        writer.put(entries.key, entries.count)
                        total += entries.count
                    }
                }
            }
        }
        run = Array(UnsafeBufferPointer(start: out, count: writer.length))
        distinct = writer.entries
        runTotal = total
        // Keep pending's buffer: the next batch is at least as large. Wide values are rare.
        pending.removeAll(keepingCapacity: true)
        wide.removeAll()
    }

    /// Runs `body` over the distinct values ascending with their counts: the run merged with
    /// sorted copies of the unmerged values (at most max(4096, distinct / 2) of them), so the
    /// counts are never expanded.
    private func withEntries<R>(_ body: (inout EntryMerger) -> R) -> R {
        var p = pending
        radixSort(&p)
        let w = wide.sorted()
        return run.withUnsafeBufferPointer { r in
            p.withUnsafeBufferPointer { pp in
                w.withUnsafeBufferPointer { ww in
                    var entries = EntryMerger(run: r, pending: pp, wide: ww)
                    return body(&entries)
                }
            }
        }
    }
}

extension DurationSamples: Equatable {
    /// Equal multisets are equal however much of each is merged.
    public static func == (a: DurationSamples, b: DurationSamples) -> Bool {
        guard a.count == b.count else { return false }
        return a.withEntries { x in
            b.withEntries { y in
                while true {
                    let more = x.advance()
                    guard more == y.advance() else { return false }
                    guard more else { return true }
                    if x.key != y.key || x.count != y.count { return false }
                }
            }
        }
    }
}

/// The order-preserving map between Int64 values and the unsigned keys the run stores.
private func sortKey(_ v: Int64) -> UInt64 { UInt64(bitPattern: v) ^ (1 << 63) }
private func fromSortKey(_ k: UInt64) -> Int64 { Int64(bitPattern: k ^ (1 << 63)) }

/// Writes run entries, ascending and distinct, to memory the caller sized (see `merge`).
private struct RunWriter {
    let out: UnsafeMutablePointer<UInt8>
    let capacity: Int
    var length = 0
    var entries = 0
    var previous: UInt64 = 0

    mutating func put(_ k: UInt64, _ repeats: Int) {
        let gap = entries == 0 ? k : k &- previous &- 1
        previous = k
        entries += 1
        var rest = gap >> 6
        var first = UInt8(truncatingIfNeeded: gap & 0x3F) << 1 | (repeats > 1 ? 1 : 0)
        if rest != 0 { first |= 0x80 }
        byte(first)
        while rest != 0 {
            let low = UInt8(truncatingIfNeeded: rest & 0x7F)
            rest >>= 7
            byte(rest != 0 ? low | 0x80 : low)
        }
        if repeats > 1 {
            var c = UInt64(repeats - 2)
            while c >= 0x80 {
                byte(UInt8(truncatingIfNeeded: c & 0x7F) | 0x80)
                c >>= 7
            }
            byte(UInt8(truncatingIfNeeded: c))
        }
    }

    private mutating func byte(_ b: UInt8) {
        // The bound in `merge` makes this hold; a mistake there must stop, not write past it.
        precondition(length < capacity, "run bound exceeded")
        out[length] = b
        length += 1
    }
}

/// Reads run entries in order.
private struct RunReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0
    var started = false
    /// The current entry: its key and count.
    var key: UInt64 = 0
    var count = 0

    /// Moves to the next entry; false at the end.
    mutating func advance() -> Bool {
        guard at < bytes.count else { return false }
        let first = bytes[at]
        at += 1
        var gap = UInt64((first >> 1) & 0x3F)
        if first & 0x80 != 0 { gap |= varint() << 6 }
        key = started ? key &+ gap &+ 1 : gap
        started = true
        count = first & 1 != 0 ? Int(truncatingIfNeeded: varint()) &+ 2 : 1
        return true
    }

    private mutating func varint() -> UInt64 {
        var x: UInt64 = 0
        var shift: UInt64 = 0
        while at < bytes.count {
            let b = bytes[at]
            at += 1
            x |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { break }
            shift += 7
        }
        return x
    }
}

/// Distinct keys ascending with their counts: the run's entries merged with the sorted
/// pending and wide values.
private struct EntryMerger {
    var run: RunReader
    var hasRun: Bool
    let pending: UnsafeBufferPointer<Int32>
    var p = 0
    let wide: UnsafeBufferPointer<Int64>
    var w = 0
    /// The current entry: its key and count.
    var key: UInt64 = 0
    var count = 0

    init(run: UnsafeBufferPointer<UInt8>, pending: UnsafeBufferPointer<Int32>, wide: UnsafeBufferPointer<Int64>) {
        self.run = RunReader(bytes: run)
        hasRun = self.run.advance()
        self.pending = pending
        self.wide = wide
    }

    /// Moves to the next distinct key; false at the end.
    mutating func advance() -> Bool {
        var k: UInt64 = 0, found = false
        if p < pending.count {
            k = sortKey(Int64(pending[p]))
            found = true
        }
        if w < wide.count {
            let x = sortKey(wide[w])
            if !found || x < k { k = x }
            found = true
        }
        var c = 0
        if hasRun && (!found || run.key <= k) {
            k = run.key
            c = run.count
            hasRun = run.advance()
            found = true
        }
        guard found else { return false }
        while p < pending.count && sortKey(Int64(pending[p])) == k {
            c += 1
            p += 1
        }
        while w < wide.count && sortKey(wide[w]) == k {
            c += 1
            w += 1
        }
        key = k
        count = c
        return true
    }
}

/// Sorts Int32 values ascending: least significant byte first, one counting pass per byte,
/// skipping bytes all values share (durations under 65,536 s need two passes). Why: the
/// standard library's stable sort took as long as the merges themselves.
func radixSort(_ a: inout [Int32]) {
    let n = a.count
    guard n >= 256 else {
        a.sort()
        return
    }
    // The sign bit flipped, so the bytes order negative values first.
    func digit(_ x: Int32, _ shift: UInt32) -> Int { Int((UInt32(bitPattern: x) ^ 0x8000_0000) >> shift & 0xFF) }
    var counts = [Int](repeating: 0, count: 4 * 256)
    a.withUnsafeBufferPointer { src in
        counts.withUnsafeMutableBufferPointer { c in
            for x in src {
                c[digit(x, 0)] += 1
                c[256 + digit(x, 8)] += 1
                c[512 + digit(x, 16)] += 1
                c[768 + digit(x, 24)] += 1
            }
        }
    }
    let any = a[0]
    var other = [Int32](repeating: 0, count: n)
    var sortedInOther = false
    for pass in 0..<4 {
        let shift = UInt32(pass * 8), base = pass * 256
        // Every value has this byte: the pass would not move anything.
        if counts[base + digit(any, shift)] == n { continue }
        var offsets = [Int](repeating: 0, count: 256)
        var sum = 0
        for b in 0..<256 {
            offsets[b] = sum
            sum += counts[base + b]
        }
        func scatter(_ from: [Int32], _ to: inout [Int32]) {
            from.withUnsafeBufferPointer { src in
                to.withUnsafeMutableBufferPointer { dst in
                    offsets.withUnsafeMutableBufferPointer { o in
                        for x in src {
                            let d = digit(x, shift)
                            dst[o[d]] = x
                            o[d] += 1
                        }
                    }
                }
            }
        }
        if sortedInOther { scatter(other, &a) } else { scatter(a, &other) }
        sortedInOther.toggle()
    }
    if sortedInOther { swap(&a, &other) }
}
