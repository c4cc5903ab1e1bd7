// Partial reports: any split of the tickets, counted apart, written as partials and merged in any
// order and grouping, must give the single pass's bytes in every format; the identity changes
// nothing; and a partial is input: truncated, edited or mismatched partials are refused.
import Foundation
import Testing

@testable import DeskKit

@Suite struct PartialMergeTests {
    static let settings = ReportSettings(policy: Policy.builtin)
    static let now = Instant(rfc3339: "2026-11-30T09:30:00Z")!

    /// The sample tickets, plus answers that tie on mean, answer time and id (one ticket
    /// answered under several owners), so that the follow-up list's tie-break is exercised.
    static let lines: [String] = {
        let text = (try? String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("Examples/tickets.ndjson"), encoding: .utf8)) ?? ""
        var lines = text.split(separator: "\n").map(String.init)
        if let low = lines.first(where: { $0.contains("\"efficiency\":1") }) {
            for owner in ["agent.zz", "agent.aa", "agent.mm"] {
                lines.append(low.replacingOccurrences(of: "\"owner\":\"agent.li\"", with: "\"owner\":\"\(owner)\""))
            }
        }
        return lines
    }()

    /// Two report shapes: November with every breakdown, and the whole of 2026 without.
    static let shapes: [(ReportPeriod, ReportPeriod, [ReportDimension])] = {
        let s = settings
        let nov = PeriodParser.month("2026-11", settings: s)!, oct = PeriodParser.previousMonth("2026-11", settings: s)!
        let year = ReportPeriod(from: s.localMidnight(year: 2026, month: 1, day: 1), to: s.localMidnight(year: 2027, month: 1, day: 1), label: "2026")
        let before = ReportPeriod(from: s.localMidnight(year: 2025, month: 1, day: 1), to: year.from, label: "2025")
        return [(nov, oct, ReportDimension.allCases), (year, before, [])]
    }()

    func accumulate(_ lines: ArraySlice<String>, shape: Int) throws -> ReportEngine.Accumulator {
        let (p, q, dims) = PartialMergeTests.shapes[shape]
        var acc = ReportEngine.Accumulator(period: p, previous: q, dimensions: dims, settings: PartialMergeTests.settings, now: PartialMergeTests.now)
        for l in lines {
            let bytes = Array(l.utf8)
            try bytes.withUnsafeBytes { b in acc.add(try TicketFacts(line: b)) }
        }
        return acc
    }

    func decode(_ line: [UInt8]) throws -> PartialReport {
        try line.withUnsafeBytes { b in try ReportEngine.Accumulator.decodePartial(b, settings: PartialMergeTests.settings) }
    }

    func renders(_ acc: ReportEngine.Accumulator) -> [String] {
        ReportFormat.allCases.map { ReportRenderer.render(ReportDocument(acc.result), as: $0) }
    }

    /// Merges partial lines in a random grouping: pairs picked at random are merged (decoded,
    /// merged, written again) until one is left.
    func mergeRandomly(_ parts: [[UInt8]], _ rng: inout SplitMix64) throws -> [UInt8] {
        var pool = parts
        while pool.count > 1 {
            let i = Int(rng.next() % UInt64(pool.count))
            let a = pool.remove(at: i)
            let j = Int(rng.next() % UInt64(pool.count))
            let b = pool.remove(at: j)
            var x = try decode(a).accumulator
            x.merge(try decode(b).accumulator)
            pool.append(x.partialLine)
        }
        return pool[0]
    }

    @Test func aPartialDecodesToTheSameReportInEveryFormat() throws {
        for shape in PartialMergeTests.shapes.indices {
            let acc = try accumulate(PartialMergeTests.lines[...], shape: shape)
            let line = acc.partialLine
            #expect(!line.contains(0x0A))
            let back = try decode(line)
            #expect(back.header == acc.partialHeader)
            #expect(back.header.tickets == PartialMergeTests.lines.count)
            #expect(back.accumulator.partialLine == line)
            // Hadoop Streaming hands a value-less key on with a tab after it: JSON whitespace.
            #expect(try decode(line + [0x09, 0x20]).accumulator.partialLine == line)
            #expect(renders(back.accumulator) == renders(acc))
        }
    }

    @Test func randomSplitsMergedInRandomOrdersGiveTheSinglePass() throws {
        var rng = SplitMix64(state: 16)
        let lines = PartialMergeTests.lines
        for shape in PartialMergeTests.shapes.indices {
            let single = try accumulate(lines[...], shape: shape)
            let want = renders(single)
            for round in 0..<12 {
                let parts = Int(rng.next() % 16) + 1
                // Cut points anywhere, repeats allowed: some parts are empty.
                let cuts = ([0, lines.count] + (0..<(parts - 1)).map { _ in Int(rng.next() % UInt64(lines.count + 1)) }).sorted()
                var partials: [[UInt8]] = []
                for k in 0..<(cuts.count - 1) { partials.append(try accumulate(lines[cuts[k]..<cuts[k + 1]], shape: shape).partialLine) }
                let merged = try mergeRandomly(partials, &rng)
                #expect(merged == single.partialLine, "shape \(shape) round \(round): \(parts) parts")
                #expect(renders(try decode(merged).accumulator) == want, "shape \(shape) round \(round)")
            }
        }
    }

    @Test func everyLineBoundaryOfASmallFileInBothOrders() throws {
        let lines = PartialMergeTests.lines
        let want = try accumulate(lines[...], shape: 0).partialLine
        for k in 0...lines.count {
            let a = try accumulate(lines[..<k], shape: 0), b = try accumulate(lines[k...], shape: 0)
            var ab = a, ba = b
            ab.merge(b)
            ba.merge(a)
            #expect(ab.partialLine == want, "cut at \(k)")
            #expect(ba.partialLine == want, "cut at \(k), reversed")
        }
    }

    @Test func theIdentityChangesNothing() throws {
        let (p, q, dims) = PartialMergeTests.shapes[0]
        let identity = ReportEngine.Accumulator(period: p, previous: q, dimensions: dims, settings: PartialMergeTests.settings, now: PartialMergeTests.now)
        let merged = try accumulate(PartialMergeTests.lines[...], shape: 0)
        var x = try decode(merged.partialLine).accumulator
        x.merge(try decode(identity.partialLine).accumulator)
        #expect(x.partialLine == merged.partialLine)
        var y = try decode(identity.partialLine).accumulator
        y.merge(x)
        #expect(y.partialLine == merged.partialLine)
        #expect(try decode(identity.partialLine).header.tickets == 0)
    }

    @Test func followUpTiesDoNotDependOnOrder() throws {
        // The tied answers (same ticket, mean and time, different owners) in every rotation.
        let lines = PartialMergeTests.lines
        let want = try accumulate(lines[...], shape: 1).partialLine
        for r in [1, 7, 40, lines.count - 2] {
            let rotated = Array(lines[r...] + lines[..<r])
            #expect(try accumulate(rotated[...], shape: 1).partialLine == want, "rotated by \(r)")
            #expect(try accumulate(Array(rotated.reversed())[...], shape: 1).partialLine == want, "reversed, rotated by \(r)")
        }
    }

    @Test func answersWhoseMeansOverflowStillSortOneWay() throws {
        // Scores near the largest double make every mean +inf: equal means, so only the
        // remaining scores can order the answers (before the fix the kept order was the input's).
        guard let low = PartialMergeTests.lines.first(where: { $0.contains("\"efficiency\":1,\"attitude\":3,\"effectiveness\":2") }) else {
            Issue.record("no sample answer")
            return
        }
        let huge = ["1", "2", "3"].map {
            low.replacingOccurrences(of: "\"efficiency\":1,\"attitude\":3,\"effectiveness\":2",
                                     with: "\"efficiency\":1e308,\"attitude\":1e308,\"effectiveness\":\($0)")
        }
        let forward = try accumulate(huge[...], shape: 1), backward = try accumulate(Array(huge.reversed())[...], shape: 1)
        #expect(forward.result.current.followUp.map(\.effectiveness) == [1, 2, 3])
        #expect(String(decoding: forward.partialLine, as: UTF8.self) == String(decoding: backward.partialLine, as: UTF8.self))
    }

    @Test func truncatedPartialsAreRefused() throws {
        let line = try accumulate(PartialMergeTests.lines[...], shape: 0).partialLine
        var rng = SplitMix64(state: 3)
        var lengths = Array(0..<min(64, line.count)) + [line.count - 1]
        for _ in 0..<200 { lengths.append(Int(rng.next() % UInt64(line.count))) }
        for n in lengths {
            #expect(throws: TicketError.self, "truncated to \(n) bytes") { try decode(Array(line[..<n])) }
        }
    }

    @Test func everyOneByteEditIsRefused() throws {
        let line = try accumulate(PartialMergeTests.lines[...], shape: 0).partialLine
        var rng = SplitMix64(state: 5)
        for _ in 0..<400 {
            var edited = line
            let at = Int(rng.next() % UInt64(line.count))
            var b = UInt8(truncatingIfNeeded: rng.next())
            if b == edited[at] { b ^= 1 }
            // A tab or space appended as the last byte's replacement stays JSON; keep edits real.
            edited[at] = b
            #expect(throws: TicketError.self, "byte \(at) set to \(b)") { try decode(edited) }
        }
        // Edited and given a fresh check: a count that no longer adds up, an extra member,
        // spaces, are refused by the structure checks and the canonical form.
        func recheck(_ body: String) -> [UInt8] {
            let b = Array(body.utf8)
            return b + Array(",\"check\":\"\(PartialCheck.hex(b))\"}".utf8)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let cut = text.range(of: ",\"check\":", options: .backwards) else { Issue.record("no check"); return }
        let body = String(text[..<cut.lowerBound])
        for edit in [
            body.replacingOccurrences(of: "\"opened\":", with: "\"opened\":1"),
            body.replacingOccurrences(of: "\"tickets\":", with: "\"tickets\": "),
            body.replacingOccurrences(of: "\"bench\":{", with: "\"bench\":{\"x\":1,"),
            body.replacingOccurrences(of: "\"backlog\":", with: "\"backlog\":9"),
        ] {
            #expect(edit != body)
            #expect(throws: TicketError.self) { try decode(recheck(edit)) }
        }
    }

    @Test func headersThatDifferAreNamed() throws {
        let a = try accumulate(PartialMergeTests.lines[..<50], shape: 0)
        var h = a.partialHeader
        #expect(h.mismatch(h) == nil)
        h.tickets += 1
        #expect(h.mismatch(a.partialHeader) == nil)  // ticket counts add up, they need not agree
        h.policyHash = "other"
        #expect(h.mismatch(a.partialHeader)?.field == "policy hash")
        h = a.partialHeader
        h.now = h.now.adding(1)
        #expect(h.mismatch(a.partialHeader)?.field == "--now")
        h = a.partialHeader
        h.dimensions = [.owner]
        #expect(h.mismatch(a.partialHeader)?.field == "--by")
        let b = try accumulate(PartialMergeTests.lines[..<50], shape: 1)
        #expect(b.partialHeader.mismatch(a.partialHeader)?.field == "period")
    }

    @Test func totalsThatWouldOverflowAreRefusedNotTrapped() throws {
        // A valid partial (desk wrote it) whose count is near the largest Int: one merges, two
        // would overflow the sum, and must be refused with exit 3, not crash.
        var acc = try accumulate(PartialMergeTests.lines[..<10], shape: 1)
        acc.result.current.unacknowledged = Int.max - 1
        let line = acc.partialLine
        #expect(try decode(line).magnitude == Int64.max - 1)
        let dir = try BinaryRunner.scratch()
        try Data(line + [0x0A]).write(to: dir.appendingPathComponent("huge.partial"))
        let one = try BinaryRunner.desk(["report", "--merge", "--partial", "huge.partial"], in: dir)
        #expect(one.status == 0)
        let two = try BinaryRunner.desk(["report", "--merge", "huge.partial", "huge.partial"], in: dir)
        #expect(two.status == 3)
        #expect(two.stderr.contains("huge.partial:1: error: partial's totals are too large"))
    }

    @Test func aPartialOfAnotherVersionIsRefused() throws {
        let line = String(decoding: try accumulate(PartialMergeTests.lines[..<5], shape: 1).partialLine, as: UTF8.self)
        // Version 1 (before the report's trend, trigger, per-channel and follow-up state) and a
        // future version are both refused.
        let current = "{\"desk_partial\":\(PartialFormat.version),"
        #expect(line.hasPrefix(current))
        for other in [PartialFormat.version - 1, PartialFormat.version + 1] {
            let changed = line.replacingOccurrences(of: current, with: "{\"desk_partial\":\(other),")
            do {
                _ = try decode(Array(changed.utf8))
                Issue.record("version \(other) accepted")
            } catch {
                #expect((error as? TicketError)?.message.contains("version \(other) is not supported") == true)
            }
        }
    }
}
