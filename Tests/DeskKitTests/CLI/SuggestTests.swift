// Unit tests of the "did you mean" distance and threshold.
import Testing

@testable import DeskKit

@Suite struct SuggestTests {
    @Test func transpositionCountsAsOne() {
        #expect(Suggest.distance(Array("stauts"), Array("status")) == 1)
        #expect(Suggest.closest("stauts", among: ["id", "status", "format"]) == "status")
    }

    @Test func distances() {
        #expect(Suggest.distance(Array(""), Array("abc")) == 3)
        #expect(Suggest.distance(Array("kitten"), Array("sitting")) == 3)
        #expect(Suggest.distance(Array("forma"), Array("format")) == 1)
    }

    @Test func thresholdIsAThirdOfTheWordWithAFloorOfOne() {
        #expect(Suggest.closest("ix", among: ["id"]) == "id")  // 1 <= max(1, 0)
        #expect(Suggest.closest("xy", among: ["id"]) == nil)
        #expect(Suggest.closest("formt", among: ["format"]) == "format")
        #expect(Suggest.closest("fmt", among: ["format"]) == nil)
        #expect(Suggest.closest("completely", among: ["format"]) == nil)
    }

    @Test func tiesGoToTheFirstCandidateAndExactMatchesAreSkipped() {
        #expect(Suggest.closest("cat", among: ["bat", "cap"]) == "bat")
        #expect(Suggest.closest("cat", among: ["cap", "bat"]) == "cap")
        #expect(Suggest.closest("cat", among: ["cat"]) == nil)
    }
}
