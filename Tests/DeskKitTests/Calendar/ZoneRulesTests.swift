// Tests of ZoneRules: TZif transitions, the POSIX footer beyond the last transition, gaps and
// overlaps, and rejected identifiers.
import Testing

@testable import DeskKit

@Suite struct ZoneRulesTests {
    func at(_ s: String) -> Instant { Instant(rfc3339: s) ?? Instant(seconds: -1) }

    @Test func shanghaiIsPlusEight() throws {
        let z = try ZoneRules(identifier: "Asia/Shanghai")
        #expect(z.offset(at: at("2026-02-13T09:30:00Z")) == 8 * 3600)
        #expect(z.offset(at: at("2090-07-01T00:00:00Z")) == 8 * 3600)
        #expect(z.civil(at("2026-02-13T09:30:00Z")) == CivilTime(year: 2026, month: 2, day: 13, hour: 17, minute: 30))
    }

    @Test func berlinTransitions2026() throws {
        let z = try ZoneRules(identifier: "Europe/Berlin")
        #expect(z.offset(at: at("2026-03-29T00:59:59Z")) == 3600)
        #expect(z.offset(at: at("2026-03-29T01:00:00Z")) == 7200)
        #expect(z.offset(at: at("2026-10-25T00:59:59Z")) == 7200)
        #expect(z.offset(at: at("2026-10-25T01:00:00Z")) == 3600)
    }

    @Test func footerRuleBeyondLastTransition() throws {
        // Fat files stop in 2037; 2050 and 2100 come from the footer.
        let z = try ZoneRules(identifier: "Europe/Berlin")
        #expect(z.offset(at: at("2050-03-27T00:59:59Z")) == 3600)
        #expect(z.offset(at: at("2050-03-27T01:00:00Z")) == 7200)
        #expect(z.offset(at: at("2100-10-31T00:59:59Z")) == 7200)
        #expect(z.offset(at: at("2100-10-31T01:00:00Z")) == 3600)
        let ny = try ZoneRules(identifier: "America/New_York")
        #expect(ny.offset(at: at("2060-03-14T06:59:59Z")) == -5 * 3600)
        #expect(ny.offset(at: at("2060-03-14T07:00:00Z")) == -4 * 3600)
        #expect(ny.offset(at: at("2060-11-07T05:59:59Z")) == -4 * 3600)
        #expect(ny.offset(at: at("2060-11-07T06:00:00Z")) == -5 * 3600)
    }

    @Test func footerAgreesWithTransitionsOverTheirRange() throws {
        let z = try ZoneRules(identifier: "America/New_York")
        let rule = try #require(z.footer)
        var t = at("2008-01-01T00:00:00Z").seconds
        let end = at("2037-01-01T00:00:00Z").seconds
        while t < end {
            #expect(rule.offset(at: t) == z.offset(at: Instant(seconds: t)))
            t += 3 * 3600 + 17
        }
    }

    @Test func posixRules() {
        #expect(PosixRule("CST-8")?.offset(at: 0) == 8 * 3600)
        #expect(PosixRule("<+0330>-3:30")?.offset(at: 0) == 12600)
        #expect(PosixRule("<-03>3<-02>,M3.5.0/-2,M10.5.0/-1") != nil)
        #expect(PosixRule("EST5EDT")?.dst == -4 * 3600)
        #expect(PosixRule("") == nil)
        #expect(PosixRule("CET-1CEST,M13.5.0,M10.5.0/3") == nil)
    }

    @Test func gapsMoveForwardOverlapsTakeTheEarlier() throws {
        let z = try ZoneRules(identifier: "Europe/Berlin")
        // 02:30 does not exist on 2026-03-29: the jump at 01:00Z (03:00 CEST).
        #expect(z.instant(CivilTime(year: 2026, month: 3, day: 29, hour: 2, minute: 30)) == at("2026-03-29T01:00:00Z"))
        #expect(z.instant(CivilTime(year: 2026, month: 3, day: 29, hour: 3)) == at("2026-03-29T01:00:00Z"))
        // 02:30 happens twice on 2026-10-25: first in CEST.
        #expect(z.instant(CivilTime(year: 2026, month: 10, day: 25, hour: 2, minute: 30)) == at("2026-10-25T00:30:00Z"))
        let ny = try ZoneRules(identifier: "America/New_York")
        #expect(ny.instant(CivilTime(year: 2026, month: 3, day: 8, hour: 2, minute: 15)) == at("2026-03-08T07:00:00Z"))
        #expect(ny.instant(CivilTime(year: 2026, month: 11, day: 1, hour: 1, minute: 30)) == at("2026-11-01T05:30:00Z"))
    }

    @Test func civilRoundTripsOutsideTransitions() throws {
        let z = try ZoneRules(identifier: "America/New_York")
        var t = at("2026-01-01T00:00:00Z").seconds
        while t < at("2027-01-01T00:00:00Z").seconds {
            let i = Instant(seconds: t)
            let back = z.instant(z.civil(i))
            // Only the repeated hour may map back to its earlier occurrence.
            #expect(back == i || back.seconds == t - 3600)
            t += 7 * 3600 + 11
        }
    }

    @Test func rejectsBadIdentifiers() {
        #expect(throws: ZoneError.invalidIdentifier("../etc/passwd")) { try ZoneRules(identifier: "../etc/passwd") }
        #expect(throws: ZoneError.invalidIdentifier("/etc/localtime")) { try ZoneRules(identifier: "/etc/localtime") }
        #expect(throws: ZoneError.unknownZone("Mars/Base")) { try ZoneRules(identifier: "Mars/Base") }
        #expect(throws: ZoneError.unknownZone("Europe")) { try ZoneRules(identifier: "Europe") }
        #expect(ZoneError.unknownZone("Mars/Base").description == "unknown time zone 'Mars/Base'")
    }

    @Test func tzdirArgumentAndMalformedFiles() {
        #expect(throws: ZoneError.unknownZone("Asia/Shanghai")) { try ZoneRules(identifier: "Asia/Shanghai", tzdir: "/nonexistent") }
        #expect(TZifReader.parse(Array("TZif2".utf8)) == nil)
        #expect(TZifReader.parse([UInt8](repeating: 0xFF, count: 200)) == nil)
    }
}
