// Ordinals index the report's tables: they must be each case's position in allCases.
import Testing

@testable import DeskKit

@Suite struct EnumOrdinalTests {
    @Test func ordinalsArePositions() {
        #expect(Channel.allCases.map(\.ordinal) == Array(0..<Channel.allCases.count))
        #expect(Priority.allCases.map(\.ordinal) == Array(0..<Priority.allCases.count))
        #expect(SLATarget.allCases.map(\.ordinal) == Array(0..<SLATarget.allCases.count))
    }
}
