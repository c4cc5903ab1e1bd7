// RawJSON.contains finds a needle by any of its bytes (the anchor): the answer is the plain
// substring test's for every anchor, at the edges of the range too.
import Testing

@testable import DeskKit

@Suite struct RawJSONContainsTests {
    @Test func everyAnchorGivesTheSubstringAnswer() {
        let texts = [
            #"[{"event":"reopened"}]"#, #"xreopened""#, #"reopened"x"#, #"reopene""#, #"eopened""#, "", "reopened\"",
            #"[{"event":"opened"},{"event":"replied"}]"#, "pppppp", "reopened\"reopened\"",
        ]
        let needle = "reopened\""
        for t in texts {
            let bytes = Array(t.utf8)
            for lo in 0...bytes.count {
                for hi in lo...bytes.count {
                    let want = String(decoding: bytes[lo..<hi], as: UTF8.self).contains(needle)
                    for anchor in 0..<needle.utf8.count {
                        let got = bytes.withUnsafeBytes { RawJSON.contains($0, lo..<hi, "reopened\"", anchor: anchor) }
                        #expect(got == want, "\(t) \(lo)..<\(hi) anchor \(anchor)")
                    }
                }
            }
        }
    }
}
