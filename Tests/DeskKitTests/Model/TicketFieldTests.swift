// The byte-level lookup of known top-level fields: every field is found by its own name, with
// a distinct bit, and near misses are not fields.
import Testing

@testable import DeskKit

@Suite struct TicketFieldTests {
    @Test func everyFieldIsFoundByItsNameWithItsOwnBit() {
        var bits: UInt64 = 0
        for (i, f) in TicketField.allCases.enumerated() {
            let m = TicketField.match(f.rawValue)
            #expect(m?.field == f, "\(f.rawValue)")
            #expect(m?.bit == UInt64(1) << UInt64(i), "\(f.rawValue)")
            bits |= m?.bit ?? 0
        }
        #expect(bits.nonzeroBitCount == TicketField.allCases.count)
        #expect(Ticket.knownFields.count == TicketField.allCases.count)
    }

    @Test(arguments: ["", "i", "ID", "idd", "x_source", "opened-at", "first_response", "historyy", "sla ", "workaround_at"])
    func otherKeysAreNotFields(_ key: String) {
        #expect(TicketField.match(key) == nil)
    }

    @Test func anEscapedKeyNamesTheFieldItSpells() throws {
        // "\u0069d" is "id": given twice with the plain spelling, the ticket is ambiguous.
        let line = #"{"id":"A","\u0069d":"B","opened_at":"2026-01-01T00:00:00Z","channel":"web","status":"open"}"#
        #expect(throws: TicketError.self) { try Ticket(bytes: Array(line.utf8)) }
        #expect(throws: TicketError.self) { try TicketFacts(bytes: Array(line.utf8)) }
    }
}
