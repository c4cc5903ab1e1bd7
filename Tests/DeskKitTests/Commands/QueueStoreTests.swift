// What `queue` keeps while it reads follows the open duties, not the tickets read: counted in
// entries, records and arena bytes (never timings), over inputs that differ only in how many
// tickets owe nothing; with --limit N, at most N entries however many tickets owe something,
// listed as the first N of the whole listing.
import Testing

@testable import DeskKit

@Suite struct QueueStoreTests {
    static let now = Instant(rfc3339: "2026-12-01T00:00:00Z") ?? Instant(seconds: 0)

    /// A ticket closed long ago, surveyed and satisfied: it owes nothing.
    static func settled(_ n: Int) -> String {
        #"{"id":"S-\#(n)","opened_at":"2026-01-05T01:00:00Z","channel":"email","status":"closed","title":"settled \#(n) with a long title that a queue must not keep","priority":"low","first_response_at":"2026-01-05T01:10:00Z","resolution":{"at":"2026-01-06T01:00:00Z","confirmed_at":"2026-01-06T02:00:00Z"},"survey":{"token":"t","invited_at":"2026-01-06T03:00:00Z","responded_at":"2026-01-06T04:00:00Z","efficiency":5,"attitude":5,"effectiveness":5},"history":[{"at":"2026-01-05T01:00:00Z","event":"opened"},{"at":"2026-01-05T01:10:00Z","event":"replied","text":"on it"},{"at":"2026-01-06T01:00:00Z","event":"resolved"}]}"#
    }

    /// An open ticket: its SLA targets and updates are owed.
    static func open(_ n: Int) -> String {
        #"{"id":"O-\#(n)","opened_at":"2026-11-30T01:00:00Z","channel":"web","status":"open","title":"open \#(n)","priority":"high","history":[{"at":"2026-11-30T01:00:00Z","event":"opened"}]}"#
    }

    /// An open ticket opened `n` minutes (mod 500) before the others, its id, priority and
    /// opening shared with every 500th: later lines often come first, and the duties of tickets
    /// 500 apart tie in every key of the order (their titles tell them apart).
    static func openAt(_ n: Int) -> String {
        let opened = Instant(seconds: (now.seconds - 86400) - Int64(n % 500) * 60).rfc3339
        return #"{"id":"O-\#(n % 500)","opened_at":"\#(opened)","channel":"web","status":"open","title":"open \#(n)","priority":"\#(["high", "medium", "low"][n % 500 % 3])","history":[{"at":"\#(opened)","event":"opened"},{"at":"\#(opened)","event":"replied","promise":"\#(opened)"},{"at":"\#(opened)","event":"replied","promise":"\#(opened)"}]}"#
    }

    /// Reads lines as one part, as `queue` does (`keep`: --limit).
    static func part(_ lines: [String], keep: Int? = nil, explain: Bool = false, ndjson: Bool = true) throws -> QueuePart {
        let pick = QueuePick(
            owners: [], assignees: [], people: [], tiers: [], priorities: [], onlyOverdue: false, horizon: nil,
            explain: explain, ndjson: ndjson, lifecycle: Lifecycle(policy: .builtin), now: now)
        var part = QueuePart(keep: keep)
        for line in lines {
            try Array(line.utf8).withUnsafeBytes { b in try pick.read(b, into: &part) }
        }
        part.seal()
        return part
    }

    /// (entries, records, arena bytes) kept by a part.
    static func kept(_ lines: [String]) throws -> (entries: Int, records: Int, bytes: Int) {
        let part = try part(lines)
        return (part.count, part.tickets.opened.count, part.tickets.arena.reduce(0) { $0 + $1.count })
    }

    /// The first `n` rows of the listing of `parts`, as the fields a row prints.
    static func rows(_ parts: [QueuePart], _ n: Int) -> [String] {
        var merge = QueueMerge(parts)
        var out: [String] = []
        while out.count < n, let (e, p) = merge.next() {
            out.append(parts[p].tickets.read(e.ticket) { r in
                "\(String(decoding: r.id, as: UTF8.self)) \(e.kind) \(e.due) \(e.overdue) \(String(decoding: r.title, as: UTF8.self)) \(r.rule(Int(e.slot)).map { String(decoding: parts[p].tickets.decode(rule: $0), as: UTF8.self) } ?? "-")"
            })
        }
        return out
    }

    @Test func memoryFollowsTheOpenDutiesNotTheTicketsRead() throws {
        let few = try Self.kept((0..<20).map(Self.open) + (0..<100).map(Self.settled))
        let many = try Self.kept((0..<20).map(Self.open) + (0..<5000).map(Self.settled))
        #expect(few.records == 20)
        #expect(few.entries >= 20)
        // Fifty times the tickets that owe nothing: not one more entry, record or byte.
        #expect(many.entries == few.entries)
        #expect(many.records == few.records)
        #expect(many.bytes == few.bytes)
        // Twice the open tickets: twice what is kept.
        let double = try Self.kept((0..<40).map(Self.open) + (0..<100).map(Self.settled))
        #expect(double.entries == 2 * few.entries)
        #expect(double.records == 40)
        // A record holds the printed texts only: a few dozen bytes a ticket, not its line.
        #expect(few.bytes < 20 * 40)
        #expect(MemoryLayout<QueueEntry>.stride == 16)
    }

    @Test func limitKeepsTheFirstDutiesOnly() throws {
        let lines = (0..<3000).map(Self.openAt)
        for explain in [false, true] {
            let all = try Self.part(lines, explain: explain)
            #expect(all.count > 10_000)
            for keep in [0, 1, 10, 250] {
                let limited = try Self.part(lines, keep: keep, explain: explain)
                // Never more entries than the limit, and records only about twice as many.
                #expect(limited.count <= keep)
                #expect(limited.sorted.reduce(0) { $0 + $1.count } <= keep)
                #expect(limited.tickets.opened.count <= 2 * keep + 64)
                // The same rows as the whole listing cut after `keep`, ties in input order.
                #expect(Self.rows([limited], keep) == Self.rows([all], keep))
                #expect(Self.rows([limited], keep).count == min(keep, all.count))
            }
        }
        // Ten times the tickets owing something: no more kept under the limit.
        let small = try Self.part(lines, keep: 10)
        let large = try Self.part((0..<30_000).map(Self.openAt), keep: 10)
        #expect(large.count == small.count)
        #expect(large.tickets.opened.count <= 2 * 10 + 64)
        #expect(large.tickets.bytes <= 2 * QueueTickets.block + 4096)
    }

    /// Entries as the listing orders them: each with its part and what tells it apart.
    static func order(_ merge: inout QueueMerge) -> [String] {
        var out: [String] = []
        while let (e, p) = merge.next() { out.append("\(p) \(e.ticket) \(e.slot) \(e.kind) \(e.due) \(e.overdue)") }
        return out
    }

    /// Merged segment by segment, the parts give the listing the one merge gives, whatever
    /// the number of segments, ties across parts and chunks included.
    @Test func segmentsMergedInOrderGiveTheWholeListing() throws {
        let lines = (0..<3000).map(Self.openAt)
        let parts = try [Self.part(Array(lines[0..<1000])), Self.part(Array(lines[1000..<1001])), Self.part(Array(lines[1001...])), Self.part([])]
        var whole = QueueMerge(parts)
        let all = Self.order(&whole)
        #expect(all.count > 10_000)
        for count in [1, 2, 3, 7, 64, 5000] {
            let segments = QueueMerge.segments(parts, count: count)
            #expect(segments.count <= max(1, count))
            var joined: [String] = []
            for ranges in segments {
                var merge = QueueMerge(parts, ranges: ranges)
                joined += Self.order(&merge)
            }
            #expect(joined == all, "\(count) segments")
            if count > 1 && count < 100 { #expect(segments.count > count / 2) }
        }
    }

    /// A text row's date, written from the local day last written, is what `zone.civil`
    /// gives, across days, years, a fixed offset and daylight-saving changes.
    /// Rows due when the row before was copy that row's times (QueueRows.DueText): a listing
    /// formatted whole reads exactly as its rows formatted one by one, with colour and without.
    @Test func rowsSharingADueReadAsRowsFormattedAlone() throws {
        let lines = (0..<3000).map(Self.openAt)
        let parts = try [Self.part(Array(lines[0..<1700]), explain: true, ndjson: false), Self.part(Array(lines[1700...]), explain: true, ndjson: false)]
        var merge = QueueMerge(parts)
        var rows: [QueueRow] = []
        while let (e, p) = merge.next() { rows.append(QueueRow(entry: e, part: p)) }
        #expect(rows.count > 3000)
        #expect(zip(rows, rows.dropFirst()).filter { $0.entry.due == $1.entry.due }.count > 1000)
        var widths = QueueRows.Widths()
        for p in parts { widths.widen(p.widths) }
        for colour in [false, true] {
            let f = QueueRows(tickets: parts.map(\.tickets), now: Self.now, zone: try ZoneRules(identifier: "Asia/Shanghai"),
                              widths: widths, colour: colour, ndjson: false)
            var alone: [UInt8] = []
            for i in rows.indices { alone += f.format(rows[i...i]) }
            let same = f.format(rows[...]) == alone  // compared whole: a mismatch would print megabytes
            #expect(same, "colour \(colour)")
        }
    }

    @Test func rowDatesAreTheZonesCivilTimes() throws {
        var rng = SplitMix64(state: 12)
        for zone in [try ZoneRules(identifier: "Asia/Shanghai"), try ZoneRules(identifier: "America/New_York"),
                     try ZoneRules(identifier: "Europe/Berlin"), ZoneRules(fixedOffset: -3 * 3600 - 1800, identifier: "-03:30")] {
            var due = QueueRows.DueText()
            var t: Int64 = 1_700_000_000
            for _ in 0..<5000 {
                // Mostly close together (rows in due order share days), sometimes far off or back.
                let step = [rng.int(0...5000), rng.int(0...200_000), rng.int(-400_000_000...400_000_000)][Int(rng.int(0...9) / 4)]
                t = min(max(t + step, 0), 4_000_000_000)
                var out = QueueRowBuffer(capacity: 64)
                out.reserve(16)
                due.writeLocal(t, zone, &out)
                let c = zone.civil(Instant(seconds: t))
                var expected: [UInt8] = []
                QueueRows.digits(c.year, 4, &expected); expected.append(0x2D); QueueRows.digits(c.month, 2, &expected); expected.append(0x2D)
                QueueRows.digits(c.day, 2, &expected); expected.append(0x20)
                QueueRows.digits(c.hour, 2, &expected); expected.append(0x3A); QueueRows.digits(c.minute, 2, &expected)
                #expect(out.bytes == expected, "\(zone.identifier) \(t)")
            }
        }
    }

    @Test func kindOrdinalsArePositionsInAllCases() {
        for (i, k) in Duty.Kind.allCases.enumerated() {
            #expect(k.ordinal == i)
            #expect(Array(QueueRows.label(kind: UInt8(i))) == Array(k.rawValue.utf8))
        }
        for p in 0..<QueueRows.priorities.count { #expect(Array(QueueRows.label(priority: UInt8(p))) == QueueRows.priorities[p]) }
    }

    @Test func rulesAreKeptAsPiecesAndTimesAndReadBackTheSame() {
        var t = QueueTickets()
        let rules = [
            "escalation.time_limits.tier1.medium 2h of SLA time at tier1 since 2026-11-26T01:00:00Z",
            "escalation.time_limits.tier1.medium 2h of SLA time at tier1 since 2026-11-27T01:00:00Z, held off to the acknowledged ETA 2026-11-28T09:30:00Z",
            "2026-11-26T01:00:00Z2026-11-26T01:00:01Z", "", "no time here", "2026-13-01T00:00:00Z is no time", "2026-11-30T09:30:00.5Z",
            "0001-01-01T00:00:00Z then 9999-12-31T23:59:59Z", "1969-12-31T23:59:59Z", "é 2026-11-26T01:00:00Z é",
        ]
        var codes: [[UInt8]] = []
        for r in rules {
            var code: [UInt8] = []
            t.encode(rule: r, &code)
            codes.append(code)
        }
        for (r, code) in zip(rules, codes) {
            #expect(String(decoding: code.withUnsafeBytes { t.decode(rule: $0) }, as: UTF8.self) == r)
        }
        // The two escalation rules share their pieces: the second costs its times and the ETA words.
        #expect(codes[0].count < 12)
        #expect(t.pieces.count < 14)
    }
}

/// The listing's word-at-a-time plain-text test against its bytewise twin.
@Suite struct QueuePlainTextTests {
    /// Random texts of printable ASCII sprinkled with every kind of byte the test decides on
    /// (controls, DEL, C1 leads, the bidi leads and their second bytes, CJK), at every length
    /// and offset around the eight-byte steps.
    @Test func wordStepsAgreeWithTheBytewiseTest() {
        var rng = SplitMix64(state: 42)
        let specials: [UInt8] = [0x00, 0x09, 0x0A, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0x81, 0x9C, 0x9F, 0xA0, 0xBF,
                                 0xC2, 0xD8, 0xE2, 0xE4, 0xB8, 0xFF]
        for _ in 0..<20_000 {
            let n = Int(rng.next() % 40)
            var bytes: [UInt8] = []
            for _ in 0..<n {
                let r = rng.next() % 16
                bytes.append(r == 0 ? specials[Int(rng.next() % UInt64(specials.count))] : UInt8(0x20 + rng.next() % 0x5F))
            }
            bytes.withUnsafeBytes { b in
                for start in 0...min(b.count, 9) {
                    let s = UnsafeRawBufferPointer(rebasing: b[start...])
                    #expect(QueueRows.isPlain(s) == QueueRows.isPlainBytewise(s), "\(Array(s))")
                }
            }
        }
        for text in ["plain title", "标题：无法登录", "a\u{202E}b", "tab\there", "\u{85}", "\u{7F}", "", "x\u{0627}\u{061C}"] {
            var t = text
            t.withUTF8 { u in #expect(QueueRows.isPlain(UnsafeRawBufferPointer(u)) == QueueRows.isPlainBytewise(UnsafeRawBufferPointer(u))) }
        }
    }
}

/// The part's keyed sort against the definition it stands for: a stable sort by the order.
@Suite struct QueueSortTests {
    /// Records with few distinct opening times and ids (some ids equal, some equal only as
    /// Strings), entries with few distinct dues and priorities, several per ticket: most
    /// entries tie in the packed key and are told apart by the order or their position (runs
    /// short and long), and dues too far apart to pack take the comparison sort.
    @Test func keyedSortIsTheStableSortByTheOrder() {
        var rng = SplitMix64(state: 7)
        for round in 0..<200 {
            var t = QueueTickets()
            let ids = ["T-1", "T-2", "T-10", "é", "e\u{301}", "T-1"]
            let records = 1 + Int(rng.next() % 40)
            for _ in 0..<records {
                var record: [UInt8] = []
                QueueRecord.put(ids[Int(rng.next() % UInt64(ids.count))], &record)
                for _ in 0..<7 { QueueRecord.putLength(0, &record) }
                _ = record.withUnsafeBytes { t.add(opened: 1_000 * Int64(rng.next() % 3), record: $0) }
            }
            // Every few rounds a due too far out to pack, for the plain path.
            let dues: [Int64] = round % 10 == 9 ? [-5, 0, 7, Int64.max, Int64.min] : [-86_400, 0, 60, 86_400, 1 << 39]
            // Every third round one due only: long runs equal in every packed key.
            let dueChoices = round % 3 == 0 ? 1 : dues.count
            var entries: [QueueEntry] = []
            for _ in 0..<Int(rng.next() % 300) {
                entries.append(QueueEntry(
                    due: dues[Int(rng.next() % UInt64(dueChoices))], ticket: UInt32(rng.next() % UInt64(records)),
                    overdue: rng.next() % 2 == 0, priority: UInt8(rng.next() % 4), kind: UInt8(rng.next() % 14),
                    slot: UInt8(rng.next() % 3)))
            }
            let expected = entries.enumerated().sorted { a, b in
                QueueOrder.less(a.element, b.element, t) || (!QueueOrder.less(b.element, a.element, t) && a.offset < b.offset)
            }.map(\.element)
            var sorted = entries
            QueueOrder.sortStably(&sorted, t)
            #expect(sorted.map { [$0.due, Int64($0.ticket), $0.overdue ? 1 : 0, Int64($0.priority), Int64($0.kind), Int64($0.slot)] }
                    == expected.map { [$0.due, Int64($0.ticket), $0.overdue ? 1 : 0, Int64($0.priority), Int64($0.kind), Int64($0.slot)] })
        }
    }
}
