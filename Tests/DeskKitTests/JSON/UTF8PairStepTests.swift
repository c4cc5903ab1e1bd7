// The validating scan checks runs of three-byte characters (Chinese text) two at a time
// (StringScan.threeBytePairs). These tests hold that path to the one-character path it skips:
// the word step to its bytewise twin at every offset, and the parser's verdict and message
// both ways on every JSONTestSuite file and on random strings of valid and broken UTF-8 — and
// both to the standard library's UTF-8 decoder on what they accept.
import Foundation
import Testing

@testable import DeskKit

@Suite struct UTF8PairStepTests {
    /// The parser's verdict on `bytes` with or without the pair steps: nil when accepted.
    static func verdict(_ bytes: [UInt8], pairSteps: Bool) -> JSONSyntaxError? {
        bytes.withUnsafeBytes { b in
            do throws(JSONSyntaxError) {
                try JSONParser.validate(b, pairSteps: pairSteps)
                return nil
            } catch {
                return error
            }
        }
    }

    /// A random string body: mostly CJK characters, with ASCII, other UTF-8 lengths and broken
    /// sequences (overlong, surrogate, out of range, truncated, stray continuation) mixed in.
    static func body(_ rng: inout SplitMix64) -> [UInt8] {
        let pieces: [[UInt8]] = [
            Array("中".utf8), Array("文".utf8), Array("问题".utf8), Array("ﬁ".utf8), Array("\u{E000}".utf8),
            Array("é".utf8), Array("😀".utf8), Array("a".utf8), Array("bc ".utf8),
            [0xE0, 0xA0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF],
            [0xE4, 0xB8], [0xE4], [0x80], [0xBF], [0xC0, 0x80], [0xC2], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
            [0xE4, 0x41, 0x80], [0xE4, 0xB8, 0x41], [0xFF], [0x22], [0x5C, 0x6E], [0x0A],
        ]
        var out: [UInt8] = []
        let n = Int(rng.int(0...24))
        for _ in 0..<n {
            // Mostly well-formed CJK, so long pair runs are common.
            let k = rng.int(0...9) < 7 ? Int(rng.int(0...3)) : Int(rng.int(0...Int64(pieces.count - 1)))
            out += pieces[k]
        }
        return out
    }

    @Test func theWordStepAgreesWithItsBytewiseTwin() {
        var rng = SplitMix64(state: 11)
        var long = 0
        for _ in 0..<20_000 {
            let b = Self.body(&rng)
            let padded = b + [UInt8](repeating: 0xE4, count: 16)  // past `end`: never read
            padded.withUnsafeBytes { raw in
                let base = raw.baseAddress!
                for from in 0...min(b.count, 8) {
                    let fast = StringScan.threeBytePairs(base, from: from, end: b.count)
                    let slow = StringScan.threeBytePairsBytewise(base, from: from, end: b.count)
                    #expect(fast == slow, "\(b) from \(from)")
                    if fast - from >= 12 { long += 1 }
                }
            }
        }
        #expect(long > 1000)  // runs of several pairs were exercised
    }

    @Test func randomStringsGetTheSameVerdictBothWays() {
        var rng = SplitMix64(state: 23)
        var accepted = 0, rejected = 0
        for _ in 0..<20_000 {
            let b = Self.body(&rng)
            let text = [0x22] + b + [0x22]
            let fast = Self.verdict(text, pairSteps: true), slow = Self.verdict(text, pairSteps: false)
            #expect(fast == slow, "\(b)")
            if fast == nil { accepted += 1 } else { rejected += 1 }
            // What is accepted without escapes or controls is exactly what the standard
            // library's decoder calls UTF-8.
            if !b.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) {
                var it = b.makeIterator()
                var decoder = UTF8()
                var valid = true
                loop: while true {
                    switch decoder.decode(&it) {
                    case .scalarValue: continue
                    case .emptyInput: break loop
                    case .error: valid = false; break loop
                    }
                }
                #expect((fast == nil) == valid, "\(b)")
            }
        }
        #expect(accepted > 2000 && rejected > 2000)
    }

    @Test func everyJSONTestSuiteFileGetsTheSameVerdictBothWays() throws {
        let dir = JSONTestSuiteConformance.dir
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }
        #expect(names.count > 300)
        for name in names {
            let data = try [UInt8](Data(contentsOf: dir.appendingPathComponent(name)))
            #expect(Self.verdict(data, pairSteps: true) == Self.verdict(data, pairSteps: false), "\(name)")
        }
    }

    /// A long line of Chinese, broken at every offset: each break is found where the
    /// one-character path finds it, with its message.
    @Test func aBreakAtEveryOffsetOfAChineseRunIsReportedAlike() {
        let run = Array(String(repeating: "服务规范问题", count: 6).utf8)
        for at in 0..<run.count {
            for bad: UInt8 in [0x41, 0x80, 0xC0, 0xED, 0xFF] {
                var b = run
                b[at] = bad
                let text = [0x22] + b + [0x22]
                let fast = Self.verdict(text, pairSteps: true)
                #expect(fast == Self.verdict(text, pairSteps: false), "\(bad) at \(at)")
            }
        }
    }
}
