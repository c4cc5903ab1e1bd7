// RawJSON.keyIs (a key compared in place, byte by byte against the name's constant bytes)
// against decoding the key and comparing Strings: plain keys of every length around the
// names', near misses, and keys written with escapes.
import Testing

@testable import DeskKit

@Suite struct RawJSONKeyTests {
    @Test func keyIsAgreesWithTheDecodedKey() throws {
        let names = ["at", "to", "ack_at", "trigger", "comment", "event", "confirmed_at", "workaround", "workaround_at"]
        var keys: [String] = ["", "a", "t", "atx", "xat", "At", "ack-at", "\\u0061t", "a\\u0074", "\\u0074o", "tr\\u0069gger", "\\\"at"]
        for n in names {
            keys.append(n)
            keys.append(String(n.dropLast()))
            keys.append(n + "s")
            keys.append("\\u00" + String(n.unicodeScalars.first!.value, radix: 16) + n.dropFirst())
            for i in n.indices {
                var m = Array(n.utf8)
                let k = n.utf8.distance(from: n.utf8.startIndex, to: i)
                m[k] ^= 0x01
                keys.append(String(decoding: m, as: UTF8.self))
            }
        }
        for key in keys {
            let text = "{\"\(key)\":1}"
            let bytes = Array(text.utf8)
            let decoded = try JSONParser.parse(bytes).objectValue?.members.first?.key
            try bytes.withUnsafeBytes { b in
                var spans: [MemberSpan] = []
                try JSONParser.scanMembers(b) { spans.append($0) }
                let m = try #require(spans.first)
                #expect(RawJSON.keyIs(b, m, "at") == (decoded == "at"), "\(key)")
                #expect(RawJSON.keyIs(b, m, "to") == (decoded == "to"), "\(key)")
                #expect(RawJSON.keyIs(b, m, "ack_at") == (decoded == "ack_at"), "\(key)")
                #expect(RawJSON.keyIs(b, m, "trigger") == (decoded == "trigger"), "\(key)")
                #expect(RawJSON.keyIs(b, m, "comment") == (decoded == "comment"), "\(key)")
                #expect(RawJSON.keyIs(b, m, "event") == (decoded == "event"), "\(key)")
                #expect(RawJSON.keyIs(b, m, "confirmed_at") == (decoded == "confirmed_at"), "\(key)")
                #expect(RawJSON.keyIs(b, m, "workaround") == (decoded == "workaround"), "\(key)")
                #expect(RawJSON.keyIs(b, m, "workaround_at") == (decoded == "workaround_at"), "\(key)")
            }
        }
    }
}
