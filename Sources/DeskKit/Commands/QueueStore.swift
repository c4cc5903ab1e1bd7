// What `queue` keeps while it reads: per open duty a 16-byte entry (due, state, priority,
// kind and the index of its ticket), and per ticket with an open duty one record of the few
// texts the listing prints (id, title, owner, assignee, tier, and the rules with --explain) in
// a byte arena, already in the form the listing prints them. Memory so follows the open duties,
// not the tickets read; with --limit N a part keeps only its N first duties in the listing's
// order (a bounded heap) and the records they need. Each thread of the read fills its own part;
// entries are sorted in chunks as they fill (on that thread), and the listing merges the
// sorted chunks of every part in order (QueueMerge).

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
    /// Its place among its record's duties, in the order they were read: it orders duties equal
    /// in every key, and names its rule (with --explain).
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
    mutating func add(opened at: Int64, record: UnsafeRawBufferPointer) -> UInt32 {
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

    /// The literal pieces of the --explain rules between their times, each kept once (rules
    /// repeat the same policy keys and words): a rule is kept as piece numbers and times.
    var pieces: [[UInt8]] = []
    var pieceNumbers: [[UInt8]: Int] = [:]

    /// A rule in its kept form: for each piece, its number << 1 (| 1 when an RFC 3339 time
    /// follows it, as Instant.rfc3339 writes it), then the time's seconds (zigzag). Why: a
    /// million rules kept as text were 90 MB at 1M tickets; most of each is a shared piece.
    mutating func encode(rule: String, _ out: inout [UInt8]) {
        let bytes = Array(rule.utf8)
        var start = 0, i = 0
        func piece(_ end: Int) -> Int {
            let p = Array(bytes[start..<end])
            if let n = pieceNumbers[p] { return n }
            pieces.append(p)
            pieceNumbers[p] = pieces.count - 1
            return pieces.count - 1
        }
        while i + 20 <= bytes.count {
            if let t = QueueTickets.time(bytes, at: i) {
                QueueRecord.putLength(piece(i) << 1 | 1, &out)
                QueueRecord.putLength(Int(t << 1 ^ t >> 63), &out)
                i += 20
                start = i
            } else {
                i += 1
            }
        }
        QueueRecord.putLength(piece(bytes.count) << 1, &out)
    }

    /// The instant written at `i` of `b` as `Instant.rfc3339` writes it (`2026-11-30T09:30:00Z`),
    /// when writing it again gives the same 20 bytes.
    static func time(_ b: [UInt8], at i: Int) -> Int64? {
        func digit(_ k: Int) -> Bool { b[i + k] >= 0x30 && b[i + k] <= 0x39 }
        guard b[i + 4] == 0x2D, b[i + 7] == 0x2D, b[i + 10] == 0x54, b[i + 13] == 0x3A, b[i + 16] == 0x3A, b[i + 19] == 0x5A,
              [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18].allSatisfy(digit) else { return nil }
        guard let t = b[i..<(i + 20)].withUnsafeBytes({ Instant.parse($0) }), Array(t.rfc3339.utf8) == Array(b[i..<(i + 20)]) else { return nil }
        return t.seconds
    }

    /// The text of a rule kept by `encode(rule:_:)`.
    func decode(rule code: UnsafeRawBufferPointer) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        func length() -> Int {
            var v = 0, shift = 0
            while true {
                let c = code[i]
                i += 1
                v |= Int(c & 0x7F) << shift
                if c < 0x80 { return v }
                shift += 7
            }
        }
        while i < code.count {
            let p = length()
            out.append(contentsOf: pieces[p >> 1])
            if p & 1 == 1 {
                let z = length()
                let t = Int64(z >> 1) ^ -Int64(z & 1)
                out.append(contentsOf: Instant(seconds: t).rfc3339.utf8)
            }
        }
        return out
    }

    /// Drops the last record (a ticket none of whose duties was kept).
    mutating func removeLast() {
        guard let s = starts.popLast() else { return }
        opened.removeLast()
        arena[Int(s >> 32)].removeSubrange(Int(s & 0xFFFF_FFFF)...)
    }

    /// `read(_:_:)` of the records at `t`, reached through the pointer: the listing reads a
    /// record per row, and calling `read` on a part's records copied their every array
    /// (retained and released a dozen times a row).
    @inline(__always)
    static func read<R>(_ t: UnsafePointer<QueueTickets>, _ i: UInt32, _ body: (QueueRecord) -> R) -> R {
        let s = t.pointee.starts[Int(i)]
        return t.pointee.arena[Int(s >> 32)].withUnsafeBytes { body(QueueRecord(bytes: $0, at: Int(s & 0xFFFF_FFFF))) }
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

    /// Appends record `i` of `other` (its bytes and opening time); returns its new index.
    mutating func copy(_ i: UInt32, of other: QueueTickets) -> UInt32 {
        let s = other.starts[Int(i)]
        let k = Int(s >> 32), from = Int(s & 0xFFFF_FFFF)
        // A record ends where the next one starts in its block, else at the block's end.
        var to = other.arena[k].count
        if Int(i) + 1 < other.starts.count, other.starts[Int(i) + 1] >> 32 == s >> 32 { to = Int(other.starts[Int(i) + 1] & 0xFFFF_FFFF) }
        return other.arena[k].withUnsafeBytes { add(opened: other.opened[Int(i)], record: UnsafeRawBufferPointer(rebasing: $0[from..<to])) }
    }

    /// Bytes held: the arena's blocks and the two per-record arrays.
    var bytes: Int { arena.reduce(0) { $0 + $1.capacity } + opened.capacity * 8 + starts.capacity * 8 }
}

/// Writing and reading one ticket's record: length-prefixed fields — the id as read (for the
/// order), the id as the text listing prints it (empty: the same bytes) and its width, the title
/// as the listing prints it (escaped for a terminal, or a JSON string with its quotes) — the
/// numbers of its owner, assignee and tier among the part's names (0 when absent), then the
/// count of rules and each rule. Why printed forms: a ticket is printed on a few rows, and
/// escaping once at the read (on every thread) costs less than at each row.
struct QueueRecord {
    let id: UnsafeRawBufferPointer
    /// The id as the text listing prints it.
    let shownId: UnsafeRawBufferPointer
    /// Its width in Characters (text listing only).
    let idWidth: Int
    /// The title (or else description) as printed.
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
        let shown = field(length())
        shownId = shown.isEmpty ? id : shown
        idWidth = length()
        title = field(length())
        owner = length()
        assignee = length()
        tier = length()
        ruleCount = length()
        rules = UnsafeRawBufferPointer(rebasing: b[i...])
    }

    /// The rule in `slot`, in its kept form (`QueueTickets.decode(rule:)` gives its text).
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

    /// Text as a terminal shows it (TerminalText's escaping; a title first put on one line),
    /// length-prefixed; an empty field when that is the text itself. `width`: its Characters.
    static func putShown(_ text: UnsafeRawBufferPointer, oneLine: Bool, width: inout Int, _ out: inout [UInt8]) {
        if QueueRows.isPlain(text) {
            putLength(0, &out)
            width = text.contains(where: { $0 >= 0x80 }) ? String(decoding: text, as: UTF8.self).count : text.count
            return
        }
        var shown: [UInt8] = []
        width = QueueRows.terminal(text, oneLine: oneLine, width: true, &shown)
        shown.withUnsafeBytes { put($0, &out) }
    }

    /// The title at `r` of the line (nil: none, printed empty) as the listing prints it:
    /// escaped for a terminal, or with `ndjson` as a JSON string.
    static func putTitle(_ b: UnsafeRawBufferPointer, _ r: Range<Int>?, ndjson: Bool, _ out: inout [UInt8]) {
        var decoded: [UInt8] = []
        var text = UnsafeRawBufferPointer(start: nil, count: 0)
        if let r, let (inner, escaped) = RawJSON.body(b, r) {
            if escaped {
                decoded = Array((RawJSON.string(b, r) ?? "").utf8)
            } else {
                text = inner
            }
        }
        decoded.withUnsafeBytes { d in
            let t = decoded.isEmpty ? text : d
            var shown: [UInt8] = []
            if ndjson {
                JSONWriter.writeString(bytes: t, to: &shown)
            } else if QueueRows.isPlain(t) {
                put(t, &out)
                return
            } else {
                QueueRows.terminal(t, oneLine: true, &shown)
            }
            shown.withUnsafeBytes { put($0, &out) }
        }
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
    /// --limit: keep only the first `keep` duties in the listing's order (nil: all).
    let keep: Int?
    /// With `keep`: the kept entries, a max-heap in the listing's order (its root the last).
    var heap: [QueueEntry] = []
    /// The text listing's column widths over every entry added (without `keep`).
    var widths = QueueRows.Widths()
    /// Scratch of the read, kept from line to line: the lifecycle's members and a record.
    var members = LifecycleMembers()
    var entries: [QueueEntry] = []
    var record: [UInt8] = []

    init(keep: Int? = nil) { self.keep = keep }

    /// Adds one ticket's open duties (their `ticket` set here); `idWidth` (text listing) widens
    /// the columns.
    mutating func add(opened: Instant, record: [UInt8], entries: ArraySlice<QueueEntry>, idWidth: Int?, now: Instant) {
        let t = record.withUnsafeBytes { tickets.add(opened: opened.seconds, record: $0) }
        if let keep {
            keepFirst(keep, of: entries, ticket: t)
            return
        }
        for var e in entries {
            e.ticket = t
            if current.isEmpty { current.reserveCapacity(QueuePart.chunk) }
            current.append(e)
            if current.count == QueuePart.chunk { seal() }
            if let idWidth { widths.widen(e, idWidth: idWidth, now: now) }
        }
        count += entries.count
    }

    /// Sorts the chunk being filled and sets it aside. The sort is stable, so duties equal in
    /// every key stay in the order they were read. With `keep`: the kept entries, sorted.
    mutating func seal() {
        if keep != nil {
            guard !heap.isEmpty else { return }
            var c = heap
            heap = []
            let t = tickets
            c.sort { QueueOrder.before($0, $1, t) }
            sorted = [c]
            return
        }
        guard !current.isEmpty else { return }
        var c = current
        current = []
        QueueOrder.sortStably(&c, tickets)
        sorted.append(c)
    }

    /// With --limit: each entry joins the heap while it holds fewer than `keep`, or in place
    /// of the heap's last entry when it comes before it; the ticket's record is dropped again
    /// when none of its entries was kept, and the records are compacted to those of kept
    /// entries when they outnumber them. So a part holds at most `keep` entries and about
    /// twice as many records, however many tickets owe something.
    mutating func keepFirst(_ keep: Int, of entries: ArraySlice<QueueEntry>, ticket t: UInt32) {
        var kept = 0
        for var e in entries {
            e.ticket = t
            if heap.count < keep {
                heap.append(e)
                siftUp(heap.count - 1)
            } else if let top = heap.first, QueueOrder.before(e, top, tickets) {
                heap[0] = e
                siftDown(0)
            } else {
                continue
            }
            kept += 1
        }
        count = heap.count
        if kept == 0 {
            tickets.removeLast()
        } else if tickets.opened.count > 2 * keep + 64 {
            compact()
        }
    }

    /// Keeps only the records the heap's entries refer to, in their order.
    mutating func compact() {
        var used = [Bool](repeating: false, count: tickets.opened.count)
        for e in heap { used[Int(e.ticket)] = true }
        var fresh = QueueTickets()
        fresh.names = tickets.names
        fresh.nameNumbers = tickets.nameNumbers
        fresh.pieces = tickets.pieces
        fresh.pieceNumbers = tickets.pieceNumbers
        var map = [UInt32](repeating: 0, count: used.count)
        for i in used.indices where used[i] { map[i] = fresh.copy(UInt32(i), of: tickets) }
        for k in heap.indices { heap[k].ticket = map[Int(heap[k].ticket)] }
        tickets = fresh
    }

    private mutating func siftUp(_ i: Int) {
        var i = i
        while i > 0 {
            let up = (i - 1) / 2
            guard QueueOrder.before(heap[up], heap[i], tickets) else { break }
            heap.swapAt(i, up)
            i = up
        }
    }

    private mutating func siftDown(_ i: Int) {
        var i = i
        let n = heap.count
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < n && QueueOrder.before(heap[m], heap[l], tickets) { m = l }
            if r < n && QueueOrder.before(heap[m], heap[r], tickets) { m = r }
            if m == i { return }
            heap.swapAt(i, m)
            i = m
        }
    }
}

/// The parts of a read, in input order.
struct QueueParts: Sendable {
    var parts: [QueuePart]
    init(keep: Int? = nil) { parts = [QueuePart(keep: keep)] }
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

    /// The listing's order made total: duties equal in every key of `less` go in the order
    /// they were read (their records are numbered in input order, their slots within one).
    @inline(__always)
    static func before(_ a: QueueEntry, _ b: QueueEntry, _ t: QueueTickets) -> Bool {
        if less(a, b, t) { return true }
        if less(b, a, t) { return false }
        return a.ticket != b.ticket ? a.ticket < b.ticket : a.slot < b.slot
    }

    /// Sorts one part's entries as a stable sort by `less` orders them: by `less`, entries equal
    /// in it in their order in `entries`. The leading keys of the order (overdue first, due,
    /// priority, the ticket's opening time) are packed into one 64-bit word, each as its offset
    /// from the chunk's least value in as many bits as the chunk's range needs, and the entries
    /// are radix-sorted on it (stable, a byte per pass, passes where every entry shares the
    /// byte skipped); entries with equal words (duties of one ticket, tickets opened in the
    /// same second) are then put in the order's place by an insertion sort (stable). Why: the
    /// comparison sort was a twentieth of queue's instructions. When the ranges do not fit in a
    /// word, the entries are sorted by `less` directly.
    static func sortStably(_ entries: inout [QueueEntry], _ t: QueueTickets) {
        let n = entries.count
        guard n > 1 else { return }
        var minDue = Int64.max, maxDue = Int64.min, minOpened = Int64.max, maxOpened = Int64.min
        var prioritiesFit = true
        t.opened.withUnsafeBufferPointer { opened in
            for e in entries {
                minDue = min(minDue, e.due)
                maxDue = max(maxDue, e.due)
                let o = opened[Int(e.ticket)]
                minOpened = min(minOpened, o)
                maxOpened = max(maxOpened, o)
                if e.priority > 3 { prioritiesFit = false }
            }
        }
        // The ranges as unsigned differences (exact even where the signed one would overflow).
        @inline(__always) func width(_ span: UInt64) -> Int { 64 - span.leadingZeroBitCount }
        let dueBits = width(UInt64(bitPattern: maxDue &- minDue)), openedBits = width(UInt64(bitPattern: maxOpened &- minOpened))
        let bits = 1 + dueBits + 2 + openedBits
        guard prioritiesFit, bits <= 64 else {
            var indexed = Array(entries.enumerated())
            indexed.sort { a, b in
                if less(a.element, b.element, t) { return true }
                if less(b.element, a.element, t) { return false }
                return a.offset < b.offset
            }
            entries = indexed.map(\.element)
            return
        }
        // Keys and entries in two buffers each, passed back and forth (raw buffers: an array's
        // uniqueness and bounds checks per element were most of a pass).
        var keys = UnsafeMutablePointer<UInt64>.allocate(capacity: n), keysOut = UnsafeMutablePointer<UInt64>.allocate(capacity: n)
        var items = UnsafeMutablePointer<QueueEntry>.allocate(capacity: n), itemsOut = UnsafeMutablePointer<QueueEntry>.allocate(capacity: n)
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: 256)
        defer {
            keys.deallocate(); keysOut.deallocate(); items.deallocate(); itemsOut.deallocate(); counts.deallocate()
        }
        t.opened.withUnsafeBufferPointer { opened in
            for (i, e) in entries.enumerated() {
                items[i] = e
                keys[i] = (e.overdue ? 0 : 1) << UInt64(dueBits + 2 + openedBits)
                    | UInt64(bitPattern: e.due &- minDue) << UInt64(2 + openedBits)
                    | UInt64(e.priority) << UInt64(openedBits)
                    | UInt64(bitPattern: opened[Int(e.ticket)] &- minOpened)
            }
        }
        var shift: UInt64 = 0
        while shift < UInt64(bits) {
            counts.initialize(repeating: 0, count: 256)
            for i in 0..<n { counts[Int((keys[i] &>> shift) & 0xFF)] &+= 1 }
            // A byte every entry shares leaves the order as it is.
            if counts[Int((keys[0] &>> shift) & 0xFF)] != n {
                var sum = 0
                for d in 0..<256 {
                    let c = counts[d]
                    counts[d] = sum
                    sum &+= c
                }
                for i in 0..<n {
                    let d = Int((keys[i] &>> shift) & 0xFF)
                    let at = counts[d]
                    keysOut[at] = keys[i]
                    itemsOut[at] = items[i]
                    counts[d] = at &+ 1
                }
                swap(&keys, &keysOut)
                swap(&items, &itemsOut)
            }
            shift += 8
        }
        entries.withUnsafeMutableBufferPointer { e in for i in 0..<n { e[i] = items[i] } }
        // Runs of equal words: in input order now; put in the order's, ties kept.
        var runStart = 0
        for i in 1...n where i == n || keys[i] != keys[runStart] {
            if i - runStart > 16 {
                // A long run (many tickets opened in one second, all due together) by a
                // comparison sort, so the work stays n log n.
                let run = entries[runStart..<i].enumerated().sorted { a, b in
                    if less(a.element, b.element, t) { return true }
                    if less(b.element, a.element, t) { return false }
                    return a.offset < b.offset
                }
                for (k, e) in run.enumerated() { entries[runStart + k] = e.element }
            } else if i - runStart > 1 {
                for j in (runStart + 1)..<i {
                    let e = entries[j]
                    var k = j
                    while k > runStart, less(e, entries[k - 1], t) {
                        entries[k] = entries[k - 1]
                        k -= 1
                    }
                    entries[k] = e
                }
            }
            runStart = i
        }
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
/// the input order of equal duties, as one stable sort of everything would. A merge may cover
/// only a range of each chunk (a segment, `segments(_:count:)`): the segments, merged one by
/// one, give the whole listing in order, so they can be merged and formatted on several threads.
struct QueueMerge {
    let parts: [QueuePart]
    /// (part, chunk) of each source.
    private var sources: [(part: Int, chunk: Int)] = []
    /// Each source's sorted chunk, and each part's opening times, taken out of the parts once.
    /// Why: reaching them through `parts` for every node retained and released a part's
    /// every array, a tenth of the listing's time.
    private let chunks: [[QueueEntry]]
    private let opened: [[Int64]]
    private var position: [Int] = []
    private var end: [Int] = []
    /// Each source's next entry, with what the order asks of its ticket.
    private struct Node {
        var entry: QueueEntry
        var opened: Int64
        var source: Int
        var part: Int
    }
    private var heap: [Node] = []

    /// The (part, chunk) of every source, in the order sources are numbered.
    static func sources(_ parts: [QueuePart]) -> [(part: Int, chunk: Int)] {
        var out: [(part: Int, chunk: Int)] = []
        for (p, part) in parts.enumerated() {
            for c in part.sorted.indices where !part.sorted[c].isEmpty { out.append((p, c)) }
        }
        return out
    }

    /// A merge of every entry, or with `ranges` (one per source, `sources(_:)`) of those ranges.
    init(_ parts: [QueuePart], ranges: [Range<Int>]? = nil) {
        self.parts = parts
        sources = QueueMerge.sources(parts)
        chunks = sources.map { parts[$0.part].sorted[$0.chunk] }
        opened = parts.map(\.tickets.opened)
        position = ranges?.map(\.lowerBound) ?? [Int](repeating: 0, count: sources.count)
        end = ranges?.map(\.upperBound) ?? sources.map { parts[$0.part].sorted[$0.chunk].count }
        for s in sources.indices where position[s] < end[s] {
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
        let e = chunks[s][position[s]]
        let p = sources[s].part
        return Node(entry: e, opened: opened[p][Int(e.ticket)], source: s, part: p)
    }

    private static func node(_ parts: [QueuePart], _ sources: [(part: Int, chunk: Int)], _ s: Int, _ i: Int) -> Node {
        let (p, c) = sources[s]
        let e = parts[p].sorted[c][i]
        return Node(entry: e, opened: parts[p].tickets.opened[Int(e.ticket)], source: s, part: p)
    }

    /// QueueOrder.less across parts, ties to the lower source. The keys every node carries
    /// decide almost every comparison; the parts (their ids) are reached only when those tie.
    /// Why: passing the parts to every comparison retained and released them each time.
    @inline(__always)
    private func before(_ x: Node, _ y: Node) -> Bool {
        let a = x.entry, b = y.entry
        if a.overdue != b.overdue { return a.overdue }
        if a.due != b.due { return a.due < b.due }
        if a.priority != b.priority { return a.priority < b.priority }
        if x.opened != y.opened { return x.opened < y.opened }
        return QueueMerge.tied(x, y, parts)
    }

    /// `before(x, y, parts)` of two nodes equal in the keys `before(_:_:)` reads first.
    @inline(never)
    private static func tied(_ x: Node, _ y: Node, _ parts: [QueuePart]) -> Bool { before(x, y, parts) }

    private static func before(_ x: Node, _ y: Node, _ parts: [QueuePart]) -> Bool {
        let c = order(x, y, parts)
        return c != 0 ? c < 0 : x.source < y.source
    }

    /// How two entries order by the listing's keys (-1, 0 or 1), their sources aside.
    private static func order(_ x: Node, _ y: Node, _ parts: [QueuePart]) -> Int {
        let a = x.entry, b = y.entry
        if a.overdue != b.overdue { return a.overdue ? -1 : 1 }
        if a.due != b.due { return a.due < b.due ? -1 : 1 }
        if a.priority != b.priority { return a.priority < b.priority ? -1 : 1 }
        if x.opened != y.opened { return x.opened < y.opened ? -1 : 1 }
        if x.part != y.part || a.ticket != b.ticket {
            let ta = parts[x.part].tickets, tb = parts[y.part].tickets
            let c = ta.withId(a.ticket) { i in tb.withId(b.ticket) { j in QueueOrder.idOrder(i, j) } }
            if c != 0 { return c }
        }
        if a.kind != b.kind { return a.kind < b.kind ? -1 : 1 }
        return 0
    }

    /// The next entry and its part, or nil when all are out.
    mutating func next() -> (entry: QueueEntry, part: Int)? {
        guard let top = heap.first else { return nil }
        let s = top.source
        position[s] += 1
        if position[s] < end[s] {
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

    /// The whole listing cut into about `count` segments of about equal size, in order: for
    /// each, the range of each source (`sources(_:)`) it covers. The cuts are entries sampled
    /// evenly from every chunk, put in the listing's order; each source is cut before the
    /// first of its entries that comes at or after a cut in that order (source, then place
    /// in the chunk, breaking ties), so every entry falls in exactly one segment, and the
    /// segments in order hold the listing in order.
    static func segments(_ parts: [QueuePart], count: Int) -> [[Range<Int>]] {
        let sources = sources(parts)
        let sizes = sources.map { parts[$0.part].sorted[$0.chunk].count }
        let total = sizes.reduce(0, +)
        guard count > 1, total > 0 else { return [sizes.map { 0..<$0 }] }
        // About 16 samples per segment.
        let step = max(1, total / (count * 16))
        var samples: [(source: Int, index: Int)] = []
        for s in sources.indices {
            for i in stride(from: step / 2, to: sizes[s], by: step) { samples.append((s, i)) }
        }
        func precedes(_ a: (source: Int, index: Int), _ b: (source: Int, index: Int)) -> Bool {
            if a.source == b.source { return a.index < b.index }
            return before(node(parts, sources, a.source, a.index), node(parts, sources, b.source, b.index), parts)
        }
        samples.sort(by: precedes)
        var cuts: [(source: Int, index: Int)] = []
        for k in 1..<count {
            let at = samples.count * k / count
            if at < samples.count, cuts.last.map({ precedes($0, samples[at]) }) ?? true { cuts.append(samples[at]) }
        }
        // Each cut's place in each source: how many of its entries come before the cut.
        var bounds: [[Int]] = [[Int](repeating: 0, count: sources.count)]
        for cut in cuts {
            var row: [Int] = []
            for s in sources.indices {
                var lo = 0, hi = sizes[s]
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if precedes((s, mid), cut) { lo = mid + 1 } else { hi = mid }
                }
                row.append(lo)
            }
            bounds.append(row)
        }
        bounds.append(sizes)
        return (0..<(bounds.count - 1)).map { k in sources.indices.map { s in bounds[k][s]..<bounds[k + 1][s] } }
    }
}

extension Duty.Kind {
    /// Position in `allCases` (a test holds the two equal): an entry keeps its kind as this.
    var ordinal: Int {
        switch self {
        case .firstResponse: 0
        case .workaround: 1
        case .resolution: 2
        case .escalation: 3
        case .acknowledgement: 4
        case .escalationETA: 5
        case .promise: 6
        case .eta: 7
        case .callback: 8
        case .endOfDay: 9
        case .progress: 10
        case .observation: 11
        case .survey: 12
        case .surveyFollowUp: 13
        }
    }
}
