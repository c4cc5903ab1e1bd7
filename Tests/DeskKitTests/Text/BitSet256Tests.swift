// BitSet256: every number 0...255 goes in its own bit, in each of the four words.
import Testing

@testable import DeskKit

@Suite struct BitSet256Tests {
    @Test func holdsExactlyWhatWasInserted() {
        var s = BitSet256()
        let put = [0, 1, 63, 64, 127, 128, 191, 192, 255]
        for k in put { s.insert(k) }
        for k in 0...255 { #expect(s.contains(k) == put.contains(k), "\(k)") }
    }
}
