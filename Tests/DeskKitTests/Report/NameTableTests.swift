// NameTable numbers owners and categories per reading thread; PeriodStats uses the numbers only
// as hints, so counts must not depend on which table numbered a ticket's names.
import Testing

@testable import DeskKit

@Suite struct NameTableTests {
    /// The number and text of the first element of a JSON array holding one string.
    static func name(_ json: String, in table: inout NameTable) -> (number: Int, text: String)? {
        let bytes = Array(json.utf8)
        return bytes.withUnsafeBytes { b in table.name(b, 0..<b.count) }
    }

    @Test func numbersEachDistinctNameOnce() {
        var t = NameTable()
        var numbers: [Int] = []
        // Enough names to grow the table several times.
        for i in 0..<500 { numbers.append(Self.name("\"agent.\(i)\"", in: &t)?.number ?? -1) }
        #expect(numbers == Array(0..<500))
        for i in stride(from: 499, through: 0, by: -7) {
            let again = Self.name("\"agent.\(i)\"", in: &t)
            #expect(again?.number == i && again?.text == "agent.\(i)")
        }
        #expect(t.names.count == 500)
    }

    @Test func aFullTableNumbersNoMore() {
        var t = NameTable()
        for i in 0..<NameTable.capacity { _ = Self.name("\"n\(i)\"", in: &t) }
        let late = Self.name(#""one more""#, in: &t)
        #expect(late?.number == -1 && late?.text == "one more")
        #expect(Self.name(#""n7""#, in: &t)?.number == 7)
        #expect(t.names.count == NameTable.capacity)
    }

    @Test func escapedSpellingIsTheSameName() {
        var t = NameTable()
        let plain = Self.name(#""network""#, in: &t)
        let escaped = Self.name(#""netw\u006frk""#, in: &t)
        #expect(plain?.number == 0 && escaped?.number == 0 && escaped?.text == "network")
        #expect(Self.name(#""网络""#, in: &t)?.number == 1)
        #expect(Self.name(#""\u7f51\u7edc""#, in: &t)?.number == 1)
        #expect(Self.name("3", in: &t) == nil)
        #expect(Self.name("null", in: &t) == nil)
        #expect(Self.name(#""""#, in: &t)?.number == 2)
    }

    /// Tickets numbered by two tables (as two threads would) counted into one PeriodStats: the
    /// same agents and categories as counting them by name.
    @Test func hintsFromAnotherTableAreChecked() throws {
        let period = ReportPeriod(from: Instant(seconds: 0), to: Instant(seconds: 10 * 86400), label: "test")
        let settings = ReportSettings(policy: Policy.builtin)
        var stats = PeriodStats(period: period)
        var a = NameTable(), b = NameTable()
        _ = Self.name(#""zzz""#, in: &b)  // so the two tables number differently
        let rows: [(String, String?, String?)] = [
            ("T-1", "agent.1", "network"), ("T-2", "agent.2", "printer"), ("T-3", "agent.1", "printer"),
            ("T-4", nil, nil), ("T-5", "agent.2", "network"), ("T-6", "agent.3", nil),
        ]
        for (i, row) in rows.enumerated() {
            var fields = [#""id":"\#(row.0)""#, #""opened_at":"1970-01-02T00:00:00Z""#, #""channel":"web""#, #""status":"open""#]
            if let o = row.1 { fields.append(#""owner":"\#(o)""#) }
            if let c = row.2 { fields.append(#""category":"\#(c)""#) }
            let line = Array(("{" + fields.joined(separator: ",") + "}").utf8)
            let f = try line.withUnsafeBytes { buf throws(TicketError) in
                i % 2 == 0
                    ? try TicketFacts(line: buf, names: &a, readAll: { _ in true })
                    : try TicketFacts(line: buf, names: &b, readAll: { _ in true })
            }
            stats.add(f, settings: settings, now: Instant(seconds: 20 * 86400))
        }
        #expect(stats.byCategory == ["network": 2, "printer": 2, "(none)": 2])
        #expect(stats.agents.mapValues(\.tickets) == ["agent.1": 2, "agent.2": 2, "agent.3": 1, "(none)": 1])
        var merged = PeriodStats(period: period)
        merged.merge(stats)
        merged.merge(stats)
        #expect(merged.byCategory == ["network": 4, "printer": 4, "(none)": 4])
    }
}
