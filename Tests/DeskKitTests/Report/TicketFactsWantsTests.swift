// The report's byte reader builds `assignee` and `tier` as text only when a `--by` groups by
// them (TicketFacts.Wants); first contact resolution reads the tier either way, and must get
// the same answer from the bytes as from the text. The members one level down are noted by
// key length first; escaped keys and keys of the same length must not change what is read.
import Foundation
import Testing

@testable import DeskKit

@Suite struct TicketFactsWantsTests {
    @Test(arguments: [
        #","tier":"tier1""#, #","tier":"tier2""#, #","tier":"\u0074ier1""#, #","tier":"tier1 ""#, #","tier":"""#,
        #","tier":5"#, #","tier":null"#, #","tier":["tier1"]"#, "",
    ])
    func theFirstTierIsReadTheSameWithoutItsText(_ tier: String) throws {
        let line = Array((#"{"id":"A","opened_at":"2026-01-01T00:00:00Z","channel":"web","status":"resolved","assignee":"b.c""# + tier + "}").utf8)
        var n1 = NameTable(), n2 = NameTable()
        let all = try line.withUnsafeBytes { b in try TicketFacts(line: b, names: &n1, wants: .all, readAll: { _ in true }) }
        let lean = try line.withUnsafeBytes { b in try TicketFacts(line: b, names: &n2, wants: [], readAll: { _ in true }) }
        #expect(all.atFirstTier == ((all.tier ?? "tier1") == "tier1"), "\(tier)")
        #expect(lean.atFirstTier == all.atFirstTier, "\(tier)")
        #expect(lean.tier == nil && lean.assignee == nil)
        #expect(all.assignee == "b.c")
    }
}

/// The members one level down (resolution, survey, escalations) are found by their names
/// whatever the spelling of their keys, and keys of the same length are not taken for them.
@Suite struct TicketFactsNestedMembersTests {
    static let plain = #"{"id":"A","opened_at":"2026-01-01T00:00:00Z","channel":"web","status":"resolved","resolution":{"at":"2026-01-02T00:00:00Z","confirmed_at":"2026-01-03T00:00:00Z"},"survey":{"invited_at":"2026-01-04T00:00:00Z","responded_at":"2026-01-05T00:00:00Z","efficiency":1,"attitude":2,"effectiveness":3,"comment":"slow"},"escalations":[{"at":"2026-01-01T01:00:00Z","to":"tier2","ack_at":"2026-01-01T02:00:00Z","trigger":"complexity"}]}"#

    static func summary(_ line: String) throws -> String {
        let f = try TicketFacts(bytes: Array(line.utf8))
        let s = f.survey
        return [
            "\(String(describing: f.resolvedAt)) \(String(describing: f.finishedAt))",
            "\(String(describing: s?.invitedAt)) \(String(describing: s?.respondedAt)) \(String(describing: s?.mean)) \(s?.comment ?? "-")",
            "\(f.escalations.map { "\(String(describing: $0.at))/\(String(describing: $0.ack))" }) \(f.escalationTriggers) \(f.escalatedTo ?? "-")",
        ].joined(separator: "\n")
    }

    @Test func escapedKeysNameTheSameMembers() throws {
        var escaped = Self.plain
        for (a, b) in [
            (#"{"at":"2026-01-02"#, #"{"\u0061t":"2026-01-02"#), (#""confirmed_at""#, #""confirmed\u005fat""#),
            (#""invited_at""#, #""\u0069nvited_at""#), (#""comment""#, #""comm\u0065nt""#), (#""to""#, #""\u0074o""#),
            (#""ack_at""#, #""ack\u005fat""#), (#""trigger""#, #""tri\u0067ger""#), (#""effectiveness""#, #""effectivenes\u0073""#),
        ] {
            escaped = escaped.replacingOccurrences(of: a, with: b)
        }
        #expect(escaped != Self.plain)
        #expect(try Self.summary(escaped) == (try Self.summary(Self.plain)))
    }

    @Test func triggersAndTiersAreReadAsWritten() throws {
        // Known words are given as literals, any other (or escaped) text decoded; the tier is
        // the last escalation's that names one, and a missing trigger reads as `manual`.
        let line = #"{"id":"A","opened_at":"2026-01-01T00:00:00Z","channel":"web","status":"escalated","escalations":[{"at":"2026-01-01T01:00:00Z","to":"tier2","trigger":"tim\u0065_limit"},{"at":"2026-01-01T02:00:00Z","to":"vend\u006Fr","trigger":"audit"},{"at":"2026-01-01T03:00:00Z","to":7},{"at":"2026-01-01T04:00:00Z","trigger":"complexity"}]}"#
        let f = try TicketFacts(bytes: Array(line.utf8))
        #expect(f.escalationTriggers == ["time_limit", "audit", "manual", "complexity"])
        #expect(f.escalatedTo == "vendor")
    }

    @Test func keysOfTheSameLengthAreNotTheMembers() throws {
        var decoyed = Self.plain
        for (a, b) in [
            (#""resolution":{"#, #""resolution":{"xt":"2026-02-01T00:00:00Z","confirmed_xx":"2026-02-01T00:00:00Z","#),
            (#""survey":{"#, #""survey":{"invited_xx":"2026-02-01T00:00:00Z","responded_xx":"2026-02-01T00:00:00Z","efficiencz":5,"attitudx":5,"effectivenesz":5,"commenx":"x","#),
            (#""escalations":[{"#, #""escalations":[{"xt":"2026-02-01T00:00:00Z","tx":"tier3","ack_xx":"2026-02-01T00:00:00Z","triggex":"manual","#),
        ] {
            decoyed = decoyed.replacingOccurrences(of: a, with: b)
        }
        #expect(decoyed != Self.plain)
        #expect(try Self.summary(decoyed) == (try Self.summary(Self.plain)))
    }
}

/// Without `.id`, the byte reader checks the id without building its text, gives it only for
/// an answered survey, and refuses bad lines with the same words as every reader.
@Suite struct TicketFactsLazyIDTests {
    static func read(_ line: String, wants: TicketFacts.Wants) -> Result<TicketFacts, TicketError> {
        var names = NameTable()
        return Array(line.utf8).withUnsafeBytes { b in
            do throws(TicketError) {
                return .success(try TicketFacts(line: b, names: &names, wants: wants, readAll: { _ in true }))
            } catch {
                return .failure(error)
            }
        }
    }

    @Test func theIdIsGivenForAnAnsweredSurveyOnly() throws {
        let head = #"{"id":"T\u002D1","opened_at":"2026-01-01T00:00:00Z","channel":"web","status":"resolved""#
        let answered = head + #","survey":{"efficiency":5,"attitude":4,"effectiveness":5,"comment":"ok"}}"#
        #expect(try Self.read(head + "}", wants: []).get().id == "")
        #expect(try Self.read(head + "}", wants: .all).get().id == "T-1")
        #expect(try Self.read(answered, wants: []).get().id == "T-1")
    }

    @Test(arguments: [
        #"{"id":"","opened_at":"2026-01-01T00:00:00Z","channel":"web","status":"open"}"#,
        #"{"id":5,"opened_at":"2026-01-01T00:00:00Z","channel":"web","status":"open"}"#,
        #"{"id":null,"opened_at":"2026-01-01T00:00:00Z","channel":"web","status":"open"}"#,
        #"{"opened_at":"2026-01-01T00:00:00Z","channel":"web","status":"open"}"#,
        #"{"id":"A\u0042","channel":"web","status":"open"}"#,
        #"{"id":"AB","opened_at":"yesterday","channel":"web","status":"open"}"#,
        #"{"id":"AB","opened_at":"2026-01-01T00:00:00Z","status":"open"}"#,
        #"{"id":"AB","opened_at":"2026-01-01T00:00:00Z","channel":"fax","status":"open"}"#,
        #"{"id":"\u0000","opened_at":"2026-01-01T00:00:00Z","channel":"web","status":"gone"}"#,
    ])
    func badLinesAreRefusedWithTheSameWords(_ line: String) {
        let lean = Self.read(line, wants: [])
        let full = Self.read(line, wants: .all)
        guard case .failure(let a) = lean, case .failure(let b) = full else {
            Issue.record("accepted: \(line)")
            return
        }
        #expect(a == b)
    }
}
