// What `queue` keeps while it reads: per open duty a 16-byte entry (due, state, priority,
// kind and the index of its ticket), and per ticket with an open duty one record of the few
// texts the listing prints (id, title, owner, assignee, tier, and the rules with --explain) in
// a byte arena. Memory so follows the open duties, not the tickets read. Each thread of the
// read fills its own part; entries are sorted in chunks as they fill (on that thread), and
// the listing merges the sorted chunks of every part in order (QueueMerge).

/// One open duty as `queue` keeps it.
struct QueueEntry: Sendable {
    var due: Int64
    /// The index of its ticket's record in its part.
    var ticket: UInt32
    var overdue: Bool
    /// `Priority.ordinal`, 3 without a priority.
    var priority: UInt8
    /// The index of its kind in `Duty.Kind.allCases`.
    var kind: UInt8
    /// Its rule among its record's rules (with --explain).
    var slot: UInt8
}

/// The texts of the tickets with open duties, in one part of the input.
struct QueueTickets: Sendable {
    /// `opened_at` of each record, for the order.
    var opened: [Int64] = []
    /// Where each record starts: arena block << 32 | offset.
    var starts: [UInt64] = []
    /// Blocks of record bytes; a record never spans two blocks.
    var arena: [[UInt8]] = []
    static let block = 1 << 18
    /// Owners, assignees and tiers, each kept once (a few agents hold many tickets); records
    /// refer to them by number.
    var names: [[UInt8]] = []
    var nameNumbers: [[UInt8]: Int] = [:]

    /// The number of a name for a record: 0 for none, else its place in `names` + 1.
    mutating func number(_ name: String?) -> Int {
        guard let name else { return 0 }
        let bytes = Array(name.utf8)
        if let n = nameNumbers[bytes] { return n }
        names.append(bytes)
        nameNumbers[bytes] = names.count
        return names.count
    }

    /// Calls `body` with the bytes of name number `n` (nil for 0).
    func withName<R>(_ n: Int, _ body: (UnsafeRawBufferPointer?) -> R) -> R {
        guard n > 0 else { return body(nil) }
        return names[n - 1].withUnsafeBytes { body($0) }
    }

    /// Appends a record; returns its index.
    mutating func add(opened at: Int64, record: [UInt8]) -> UInt32 {
        if arena.isEmpty || arena[arena.count - 1].count + record.count > arena[arena.count - 1].capacity {
            var b: [UInt8] = []
            b.reserveCapacity(max(QueueTickets.block, record.count))
            arena.append(b)
        }
        let k = arena.count - 1
        starts.append(UInt64(k) << 32 | UInt64(arena[k].count))
        arena[k].append(contentsOf: record)
        opened.append(at)
        return UInt32(opened.count - 1)
    }

    /// Calls `body` with the fields of record `i`.
    func read<R>(_ i: UInt32, _ body: (QueueRecord) -> R) -> R {
        let s = starts[Int(i)]
        return arena[Int(s >> 32)].withUnsafeBytes { body(QueueRecord(bytes: $0, at: Int(s & 0xFFFF_FFFF))) }
    }

    /// The id bytes of record `i`.
    func withId<R>(_ i: UInt32, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        read(i) { r in body(r.id) }
    }
}

/// Writing and reading one ticket's record: length-prefixed fields (id, title), the numbers of
/// its owner, assignee and tier among the part's names (0 when absent), then the count of rules
/// and each rule.
struct QueueRecord {
    let id: UnsafeRawBufferPointer
    let title: UnsafeRawBufferPointer
    /// Numbers in `QueueTickets.names` (0: absent).
    let owner: Int
    let assignee: Int
    let tier: Int
    /// The rules, as one buffer to walk with `rule(_:)`.
    private let rules: UnsafeRawBufferPointer
    private let ruleCount: Int

    init(bytes b: UnsafeRawBufferPointer, at start: Int) {
        var i = start
        func length() -> Int {
            var v = 0, shift = 0
            while true {
                let c = b[i]
                i += 1
                v |= Int(c & 0x7F) << shift
                if c < 0x80 { return v }
                shift += 7
            }
        }
        func field(_ n: Int) -> UnsafeRawBufferPointer {
            defer { i += n }
            return UnsafeRawBufferPointer(rebasing: b[i..<(i + n)])
        }
        id = field(length())
        title = field(length())
        owner = length()
        assignee = length()
        tier = length()
        ruleCount = length()
        rules = UnsafeRawBufferPointer(rebasing: b[i...])
    }

    /// The rule in `slot`.
    func rule(_ slot: Int) -> UnsafeRawBufferPointer? {
        guard slot < ruleCount else { return nil }
        var i = 0
        var k = 0
        while true {
            var v = 0, shift = 0
            while true {
                let c = rules[i]
                i += 1
                v |= Int(c & 0x7F) << shift
                if c < 0x80 { break }
                shift += 7
            }
            if k == slot { return UnsafeRawBufferPointer(rebasing: rules[i..<(i + v)]) }
            i += v
            k += 1
        }
    }

    static func putLength(_ n: Int, _ out: inout [UInt8]) {
        var v = n
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    static func put(_ bytes: UnsafeRawBufferPointer, _ out: inout [UInt8]) {
        putLength(bytes.count, &out)
        out.append(contentsOf: bytes)
    }

    static func put(_ s: String, _ out: inout [UInt8]) {
        var s = s
        s.withUTF8 { put(UnsafeRawBufferPointer($0), &out) }
    }

}

/// The entries and records of one part of the input (one thread's range, in file order).
struct QueuePart: Sendable {
    var tickets = QueueTickets()
    /// Full chunks, each sorted.
    var sorted: [[QueueEntry]] = []
    /// The chunk being filled.
    var current: [QueueEntry] = []
    /// Entries in this part.
    var count = 0
    static let chunk = 65_536

    /// Adds one ticket's open duties; `rules` (with --explain) the rule of each, in order.
    mutating func add(opened: Instant, record: [UInt8], entries: [QueueEntry]) {
        let t = tickets.add(opened: opened.seconds, record: record)
        for var e in entries {
            e.ticket = t
            if current.isEmpty { current.reserveCapacity(QueuePart.chunk) }
            current.append(e)
            if current.count == QueuePart.chunk { seal() }
        }
        count += entries.count
    }

    /// Sorts the chunk being filled and sets it aside. The sort is stable, so duties equal in
    /// every key stay in the order they were read.
    mutating func seal() {
        guard !current.isEmpty else { return }
        var c = current
        current = []
        let t = tickets
        c.sort { QueueOrder.less($0, $1, t) }
        sorted.append(c)
    }
}

/// The parts of a read, in input order.
struct QueueParts: Sendable {
    var parts: [QueuePart] = [QueuePart()]
}

/// The listing's order: overdue first, then by due time; ties by priority (high first, none
/// last), opened_at, id, and the duty's kind; duties equal in all of these keep input order.
enum QueueOrder {
    /// Whether `a` goes before `b`, two entries of one part.
    @inline(__always)
    static func less(_ a: QueueEntry, _ b: QueueEntry, _ t: QueueTickets) -> Bool {
        if a.overdue != b.overdue { return a.overdue }
        if a.due != b.due { return a.due < b.due }
        if a.priority != b.priority { return a.priority < b.priority }
        guard a.ticket != b.ticket else { return a.kind < b.kind }
        let oa = t.opened[Int(a.ticket)], ob = t.opened[Int(b.ticket)]
        if oa != ob { return oa < ob }
        let c = t.withId(a.ticket) { x in t.withId(b.ticket) { y in idOrder(x, y) } }
        if c != 0 { return c < 0 }
        return a.kind < b.kind
    }

    /// How two ids order: as `String`s compare for equality (canonical equivalence), then by
    /// their UTF-8 bytes.
    static func idOrder(_ x: UnsafeRawBufferPointer, _ y: UnsafeRawBufferPointer) -> Int {
        let n = min(x.count, y.count)
        var i = 0
        while i < n && x[i] == y[i] { i += 1 }
        if i == n && x.count == y.count { return 0 }
        // Non-ASCII ids may be equal as Strings though their bytes differ.
        if x.contains(where: { $0 >= 0x80 }) || y.contains(where: { $0 >= 0x80 }) {
            if String(decoding: x, as: UTF8.self) == String(decoding: y, as: UTF8.self) { return 0 }
        }
        if i == n { return x.count < y.count ? -1 : 1 }
        return x[i] < y[i] ? -1 : 1
    }
}

/// The entries of every part in the listing's order: a heap merge of the sorted chunks.
/// Chunks are numbered in input order and a tie goes to the lower number, so the merge keeps
/// the input order of equal duties, as one stable sort of everything would.
struct QueueMerge {
    let parts: [QueuePart]
    /// (part, chunk) of each source.
    private var sources: [(part: Int, chunk: Int)] = []
    private var position: [Int] = []
    /// Each source's next entry, with what the order asks of its ticket.
    private struct Node {
        var entry: QueueEntry
        var opened: Int64
        var source: Int
        var part: Int
    }
    private var heap: [Node] = []

    init(_ parts: [QueuePart]) {
        self.parts = parts
        for (p, part) in parts.enumerated() {
            for c in part.sorted.indices where !part.sorted[c].isEmpty { sources.append((p, c)) }
        }
        position = [Int](repeating: 0, count: sources.count)
        for s in sources.indices {
            heap.append(node(s))
            var i = heap.count - 1
            while i > 0 {
                let up = (i - 1) / 2
                guard before(heap[i], heap[up]) else { break }
                heap.swapAt(i, up)
                i = up
            }
        }
    }

    private func node(_ s: Int) -> Node {
        let (p, c) = sources[s]
        let e = parts[p].sorted[c][position[s]]
        return Node(entry: e, opened: parts[p].tickets.opened[Int(e.ticket)], source: s, part: p)
    }

    /// QueueOrder.less across parts, ties to the lower source.
    private func before(_ x: Node, _ y: Node) -> Bool {
        let a = x.entry, b = y.entry
        if a.overdue != b.overdue { return a.overdue }
        if a.due != b.due { return a.due < b.due }
        if a.priority != b.priority { return a.priority < b.priority }
        if x.opened != y.opened { return x.opened < y.opened }
        if x.part != y.part || a.ticket != b.ticket {
            let ta = parts[x.part].tickets, tb = parts[y.part].tickets
            let c = ta.withId(a.ticket) { i in tb.withId(b.ticket) { j in QueueOrder.idOrder(i, j) } }
            if c != 0 { return c < 0 }
        }
        if a.kind != b.kind { return a.kind < b.kind }
        return x.source < y.source
    }

    /// The next entry and its part, or nil when all are out.
    mutating func next() -> (entry: QueueEntry, part: Int)? {
        guard let top = heap.first else { return nil }
        let s = top.source
        position[s] += 1
        let (p, c) = sources[s]
        if position[s] < parts[p].sorted[c].count {
            heap[0] = node(s)
        } else {
            heap[0] = heap[heap.count - 1]
            heap.removeLast()
        }
        var i = 0
        let n = heap.count
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < n && before(heap[l], heap[m]) { m = l }
            if r < n && before(heap[r], heap[m]) { m = r }
            if m == i { break }
            heap.swapAt(i, m)
            i = m
        }
        return (top.entry, top.part)
    }
}
