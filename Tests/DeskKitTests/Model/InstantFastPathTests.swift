// Instant.parse reads the form desk writes (`YYYY-MM-DDTHH:MM:SSZ`) on a fast path: it must
// accept and refuse exactly what the general path does, which the same text with `+00:00`
// for `Z` takes (random digits and stray bytes in every position, impossible dates included).
import Testing

@testable import DeskKit

@Suite struct InstantFastPathTests {
    @Test func fastPathAgreesWithTheGeneralPath() {
        var g = SplitMix64(state: 20)
        let template = Array("2026-02-28T23:59:60Z".utf8)
        let stray: [UInt8] = Array("0123456789/:-T Zz.a".utf8) + [0x00, 0xFF]
        var accepted = 0
        for k in 0..<20_000 {
            var t = template
            // Mostly digits changed (dates, days past the month, hours past 23), sometimes anything.
            for _ in 0..<Int(g.int(0...3)) {
                let i = Int(g.int(0...19))
                t[i] = k % 4 == 0 ? stray[Int(g.int(0...Int64(stray.count - 1)))] : UInt8(0x30 + g.int(0...9))
            }
            let general = Array(t[0..<19]) + Array("+00:00".utf8)
            let fast = t.withUnsafeBytes { Instant.parse($0) }
            let slow = t[19] == 0x5A ? general.withUnsafeBytes { Instant.parse($0) } : fast
            #expect(fast == slow, "\(String(decoding: t, as: UTF8.self))")
            if fast != nil { accepted += 1 }
        }
        #expect(accepted > 1000 && accepted < 19_000)
    }

    @Test func daysOfTheYearsADAreTheGeneralDays() {
        // The unsigned day count parse uses from year 1 on, against the general one.
        var wrong: [String] = []
        for y in 1...9999 where y < 800 || y > 9200 || y % 3 == 0 {
            for m in 1...12 {
                for d in Set([1, 2, 15, 28, CivilTime.daysInMonth(y, m)]) where CivilTime.daysFromCivilAD(y, m, d) != CivilTime.daysFromCivil(y, m, d) {
                    wrong.append("\(y)-\(m)-\(d)")
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    @Test func writtenTimesParseBack() {
        var g = SplitMix64(state: 21)
        var wrong: [Int64] = []
        for _ in 0..<50_000 {
            let t = Instant(seconds: g.int(Instant.earliest.seconds...Instant.latest.seconds))
            if Instant(rfc3339: t.rfc3339) != t { wrong.append(t.seconds) }
        }
        for t in [Instant.earliest, Instant.latest, Instant(seconds: 0), Instant(seconds: -1), Instant(seconds: 951_782_400)]
        where Instant(rfc3339: t.rfc3339) != t {
            wrong.append(t.seconds)
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }
}
