// The validating scan that also reports the members one level down
// (JSONParser.scanMembers(_:descend:nested:_:)) must refuse exactly what the plain scan refuses,
// with the same message and offset, and report exactly the members RawJSON's walk finds; and
// the report's reader must read the same facts from them as before (odd shapes included).
import Testing

@testable import DeskKit

@Suite struct NestedScanTests {
    /// Lines: valid tickets of many shapes, and each cut short or with a byte changed.
    static func lines() -> [[UInt8]] {
        let good = [
            #"{"id":"a","resolution":{"at":"2026-01-01T00:00:00Z","at":"x","confirmed_at":null},"escalations":[{},{"at":1,"to":"tier2"},3,[{"at":2}],{"trigger":"complexity"}]}"#,
            #"{"survey":[{"efficiency":5}],"resolution":[{"at":"2026-01-01T00:00:00Z"}],"escalations":{"at":"2026-01-01T00:00:00Z"}}"#,
            #"{ "survey" : { "efficiency" : 5 , "attitude":4,"effectiveness":3, "comment": "ok \"fine\"", "r\u0065sponded_at": "2026-01-02T00:00:00Z" } , "x": [ ] , "escalations" : [ ] }"#,
            #"{"escalations":[{"at":"2026-01-01T00:00:00Z","handoff":{"a":[1,{"b":{}}]},"ack_at":"2026-01-01T01:00:00Z"}],"survey":{},"resolution":"none"}"#,
        ]
        var out = good.map { Array($0.utf8) }
        var g = SplitMix64(state: 9)
        for line in good.map({ Array($0.utf8) }) {
            for cut in stride(from: 1, to: line.count, by: 3) { out.append(Array(line[0..<cut])) }
            for _ in 0..<200 {
                var l = line
                let bytes: [UInt8] = [0x22, 0x7B, 0x7D, 0x5B, 0x5D, 0x3A, 0x2C, 0x5C, 0x20, 0x00, 0xC3, 0x41, 0x31]
                l[Int(g.int(0...Int64(l.count - 1)))] = bytes[Int(g.int(0...Int64(bytes.count - 1)))]
                out.append(l)
            }
        }
        return out
    }

    @Test func sameVerdictsAndMembersAsWalkingAgain() {
        for line in Self.lines() {
            line.withUnsafeBytes { b in
                var plain: [MemberSpan] = [], deep: [MemberSpan] = []
                var reported: [String: [String]] = [:]
                var current = ""
                let e1 = Result { () throws(JSONSyntaxError) in try JSONParser.scanMembers(b) { plain.append($0) } }
                let e2 = Result { () throws(JSONSyntaxError) in
                    try JSONParser.scanMembers(b, descend: { k in
                        current = String(decoding: UnsafeRawBufferPointer(rebasing: b[k.keyRange]), as: UTF8.self)
                        return true
                    }, nested: { element, span in
                        reported[current, default: []].append("\(element):" + (span.map { "\($0.keyRange)=\($0.valueRange)" } ?? "start"))
                    }) { deep.append($0) }
                }
                switch (e1, e2) {
                case (.failure(let x), .failure(let y)): #expect(x == y)
                case (.success, .success):
                    #expect(plain == deep)
                    // What walking each value again finds.
                    for m in plain {
                        var walked: [String] = []
                        func object(_ r: Range<Int>, _ element: Int) {
                            walked.append("\(element):start")
                            RawJSON.forEachMember(b, r) { walked.append("\(element):\($0.keyRange)=\($0.valueRange)") }
                        }
                        if b[m.valueRange.lowerBound] == UInt8(ascii: "{") { object(m.valueRange, -1) }
                        if b[m.valueRange.lowerBound] == UInt8(ascii: "[") {
                            var i = 0
                            RawJSON.forEachElement(b, m.valueRange) { e in
                                if b[e.lowerBound] == UInt8(ascii: "{") { object(e, i) }
                                i += 1
                            }
                        }
                        let key = String(decoding: UnsafeRawBufferPointer(rebasing: b[m.keyRange]), as: UTF8.self)
                        #expect((reported[key] ?? []) == walked, "\(key) in \(String(decoding: line, as: UTF8.self))")
                    }
                default: Issue.record("verdicts differ on \(String(decoding: line, as: UTF8.self))")
                }
            }
        }
    }

    @Test func reportReaderReadsOddShapesAsBefore() throws {
        let base = #""id":"T1","opened_at":"2026-01-01T00:00:00Z","channel":"email","status":"resolved""#
        var f = try facts("{" + base + #","resolution":{"at":"2026-01-02T00:00:00Z","at":"2026-01-03T00:00:00Z","confirmed_at":"2026-01-04T00:00:00Z"},"escalations":[{},3,{"to":"tier3","trigger":"complexity","at":"2026-01-01T01:00:00Z","ack_at":"2026-01-01T02:00:00Z"}],"survey":{"efficiency":5,"attitude":4,"effectiveness":3,"comment":"fine"}}"#)
        #expect(f.resolvedAt == Instant(rfc3339: "2026-01-02T00:00:00Z"))
        #expect(f.finishedAt == Instant(rfc3339: "2026-01-04T00:00:00Z"))
        #expect(f.escalations.count == 2)
        #expect(f.escalations[0].at == nil && f.escalations[0].ack == nil)
        #expect(f.escalations[1].ack == Instant(rfc3339: "2026-01-01T02:00:00Z"))
        #expect(f.escalationTriggers == ["manual", "complexity"])
        #expect(f.escalatedTo == "tier3")
        #expect(f.survey?.comment == "fine" && f.survey?.mean == 4)
        // Not the shapes read: an array resolution or survey, an object of escalations.
        f = try facts("{" + base + #","resolution":[{"at":"2026-01-02T00:00:00Z"}],"escalations":{"at":"2026-01-01T01:00:00Z"},"survey":[{"efficiency":5}]}"#)
        #expect(f.resolvedAt == nil && f.escalations.isEmpty && f.survey == nil)
        f = try facts("{" + base + #","survey":{}}"#)
        #expect(f.survey == SurveyFacts())
    }
}
