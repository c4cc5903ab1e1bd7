// The report's byte reader builds `assignee` and `tier` as text only when a `--by` groups by
// them (TicketFacts.Wants); first contact resolution reads the tier either way, and must get
// the same answer from the bytes as from the text.
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
