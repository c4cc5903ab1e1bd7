// Tests of DurationSamples: exact agreement with Stats.percentile over sorted arrays for random
// multisets (sizes around the merge thresholds, repeats, wide and negative values), and memory
// that follows the distinct values, not the count.
import Testing

@testable import DeskKit

@Suite struct DurationSamplesTests {
    /// How values are drawn for a case.
    enum Spread: CaseIterable {
        case fewRepeated  // 0..<8: nearly everything repeats
        case seconds  // 0..<200_000: report-like business seconds
        case wideInt32  // the whole Int32 range, negatives included
        case negative  // -1_000..<0
        case anyInt64  // anywhere, Int64.min and .max included: the values outside Int32
        case mixed  // mostly small repeats, some wide values of either sign

        func draw(_ g: inout SplitMix64) -> Int64 {
            switch self {
            case .fewRepeated: return Int64.random(in: 0..<8, using: &g)
            case .seconds: return Int64.random(in: 0..<200_000, using: &g)
            case .wideInt32: return Int64.random(in: Int64(Int32.min)...Int64(Int32.max), using: &g)
            case .negative: return Int64.random(in: -1_000..<0, using: &g)
            case .anyInt64:
                switch Int.random(in: 0..<10, using: &g) {
                case 0: return .min
                case 1: return .max
                case 2: return Int64(Int32.max) + 1
                case 3: return Int64(Int32.min) - 1
                default: return Int64.random(in: .min ... .max, using: &g)
                }
            case .mixed:
                switch Int.random(in: 0..<20, using: &g) {
                case 0: return Int64.random(in: .min ... .max, using: &g)
                case 1: return Int64.random(in: -50..<0, using: &g)
                default: return Int64.random(in: 0..<100, using: &g) * 3600
                }
            }
        }
    }

    /// Every percentile 1...100 (and out-of-range p) agrees with Stats.percentile over the
    /// sorted values; so do the count and the values themselves.
    func expectAgrees(_ s: DurationSamples, _ values: [Int64], _ label: String) {
        let sorted = values.sorted()
        #expect(s.count == values.count, "\(label)")
        #expect(s.isEmpty == values.isEmpty, "\(label)")
        #expect(s.sortedValues == sorted, "\(label)")
        for p in [-5, 0] + Array(1...100) + [101, 250] {
            let want = Stats.percentile(sorted, p), got = s.percentile(p)
            #expect(got == want, "\(label) p\(p): \(String(describing: got)) != \(String(describing: want))")
            if got != want { return }
        }
    }

    @Test func percentilesMatchSortedArrays() {
        // Around the first merge (4096 pending), later merges at 4096 and, with many distinct
        // values, at half the distinct count (batchShare).
        let sizes = [0, 1, 2, 3, 7, 100, 1023, 4095, 4096, 4097, 8191, 8192, 8193, 12_287, 12_288, 12_289, 20_000, 70_000]
        var g = SplitMix64(state: 20261102)
        for spread in Spread.allCases {
            for n in sizes {
                var values: [Int64] = []
                var s = DurationSamples()
                for _ in 0..<n {
                    let v = spread.draw(&g)
                    values.append(v)
                    s.append(v)
                }
                expectAgrees(s, values, "\(spread) n=\(n)")
            }
        }
    }

    @Test func everyStateOnTheWayAgrees() {
        // Checked after each append, so every mix of merged and pending values is covered.
        var g = SplitMix64(state: 7)
        for spread in [Spread.fewRepeated, .mixed, .negative] {
            var values: [Int64] = []
            var s = DurationSamples()
            for i in 0..<2_100 {
                let v = spread.draw(&g)
                values.append(v)
                s.append(v)
                if i < 40 || (1_020...1_030).contains(i) || (2_045...2_052).contains(i) || i % 97 == 0 {
                    expectAgrees(s, values, "\(spread) after \(i + 1)")
                }
            }
        }
    }

    @Test func mergesWaitForAShareOfTheDistinctValues() {
        // All distinct: the run grows, and so does the batch it waits for.
        var s = DurationSamples()
        for v in 0..<Int64(40_000) { s.append(v * 7) }
        #expect(s.mergedDistinct <= 40_000)
        #expect(s.count == 40_000)
        #expect(s.count - s.mergedDistinct < max(DurationSamples.minimumPending, s.mergedDistinct / DurationSamples.batchShare))
        #expect(s.percentile(50) == Int64(19_999 * 7))
        #expect(s.percentile(100) == Int64(39_999 * 7))
    }

    @Test func equalityIsOfTheMultiset() {
        var g = SplitMix64(state: 99)
        let values = (0..<3_000).map { _ in Spread.mixed.draw(&g) }
        let a = DurationSamples(values)
        var b = DurationSamples(values.reversed())
        #expect(a == b)
        b.merge()
        #expect(a == b)
        b.append(values[0])
        #expect(a != b)
        #expect(DurationSamples() == DurationSamples())
        #expect(DurationSamples([1, 2, 2]) != DurationSamples([1, 1, 2]))
        #expect(DurationSamples([5]) != DurationSamples([6]))
    }

    @Test func appendingAnotherMultisetAddsItsValues() {
        var g = SplitMix64(state: 7)
        for spread in Spread.allCases {
            for (n, m) in [(0, 0), (0, 5), (3, 0), (1_500, 700), (5_000, 20_000)] {
                let a = (0..<n).map { _ in spread.draw(&g) }, b = (0..<m).map { _ in spread.draw(&g) }
                var s = DurationSamples(a)
                s.append(contentsOf: DurationSamples(b))
                expectAgrees(s, a + b, "\(spread) \(n)+\(m)")
            }
        }
    }

    @Test func radixSortSorts() {
        var g = SplitMix64(state: 42)
        for n in [0, 1, 2, 255, 256, 257, 1000, 5000] {
            for range in [Int32(0)...0, 0...7, 0...65_535, -1_000...1_000, Int32.min...Int32.max] {
                var a = (0..<n).map { _ in Int32.random(in: range, using: &g) }
                let want = a.sorted()
                radixSort(&a)
                #expect(a == want, "n=\(n) range=\(range)")
            }
        }
    }

    @Test func memoryFollowsDistinctValuesNotCount() {
        // A million values from 50,000 distinct ones: about 2 bytes per distinct value in the
        // run plus a pending batch, instead of 4 MB of Int32.
        var g = SplitMix64(state: 1)
        var s = DurationSamples()
        for _ in 0..<1_000_000 { s.append(Int64.random(in: 0..<50_000, using: &g)) }
        #expect(s.count == 1_000_000)
        #expect(s.storageBytes < 300_000, "\(s.storageBytes) bytes")
        #expect(s.percentile(50).map { (24_000..<26_000).contains($0) } == true)
    }

    @Test func smallMultisetsStaySmall() {
        // A report has many groups of a few tickets: none may preallocate a batch.
        var many: [DurationSamples] = []
        for i in 0..<1_000 {
            var s = DurationSamples()
            for j in 0..<3 { s.append(Int64(i * 10 + j)) }
            many.append(s)
        }
        let bytes = many.map(\.storageBytes)
        #expect(bytes.max().map { $0 <= 64 } == true, "\(bytes.max() ?? -1) bytes")
        #expect(bytes.reduce(0, +) <= 64_000)
        #expect(many[5].percentile(50) == 51)
    }
}

/// Merging multisets run by run, and their canonical form (what a partial report stores).
@Suite struct DurationSamplesMergeTests {
    @Test func appendingAnotherMultisetEqualsAppendingItsValues() {
        var rng = SplitMix64(state: 11)
        for round in 0..<40 {
            let n = Int(rng.next() % 5000), m = Int(rng.next() % 5000)
            let spread = [3, 100, 90_000, 1 << 40][round % 4]
            let xs = (0..<n).map { _ in rng.int(-Int64(spread)...Int64(spread)) }
            let ys = (0..<m).map { _ in rng.int(0...Int64(spread)) }
            var a = DurationSamples(xs)
            a.append(contentsOf: DurationSamples(ys))
            let want = DurationSamples(xs + ys)
            #expect(a == want, "round \(round)")
            #expect(a.sortedValues == (xs + ys).sorted())
            #expect(a.canonicalRun.bytes == want.canonicalRun.bytes)
        }
    }

    @Test func theCanonicalRunRoundTripsAndOnlyItIsAccepted() {
        var rng = SplitMix64(state: 12)
        for _ in 0..<30 {
            let xs = (0..<Int(rng.next() % 3000)).map { _ in rng.int(-5...200_000) } + [Int64.min, Int64.max]
            let s = DurationSamples(xs)
            let c = s.canonicalRun
            guard let back = DurationSamples(canonicalRun: c.bytes) else {
                Issue.record("canonical run refused")
                continue
            }
            #expect(back == s && back.count == c.count)
            // A varint that never ends, or a value past the largest Int64, is refused.
            #expect(DurationSamples(canonicalRun: c.bytes + [0x80]) == nil)
        }
        // Random bytes never crash; what they decode to, if anything, writes back the same.
        for _ in 0..<2000 {
            let bytes = (0..<Int(rng.next() % 24)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            if let s = DurationSamples(canonicalRun: bytes) { #expect(s.canonicalRun.bytes == bytes) }
        }
        // A non-minimal varint (a count written with a needless continuation byte) is refused.
        #expect(DurationSamples(canonicalRun: [0x01, 0x80, 0x00]) == nil)
        #expect(DurationSamples(canonicalRun: [0x01, 0x00]) != nil)
    }
}
