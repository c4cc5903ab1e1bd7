// The byte readers of channel, status and priority must agree with the raw values on every
// word and on near misses; words written with escapes are read as text (RawJSON.word).
import Testing

@testable import DeskKit

@Suite struct EnumSpellingTests {
    /// Every raw value, each with a byte added, dropped or changed, and a few unrelated words.
    static func candidates(_ names: [String]) -> [String] {
        var out = ["", "x", "OPEN", "Phone", "walk-in", "tier1", "hig", "highh", "in_progres", "observinG"]
        for n in names {
            out.append(n)
            out.append(n + "s")
            out.append(String(n.dropLast()))
            out.append(String(n.dropFirst()))
            out.append(String(n.prefix(1)) + "z" + String(n.dropFirst(2)))
            out.append(String(n.dropLast()) + "Z")
        }
        return out
    }

    static func agree<E: RawRepresentable & Equatable>(_ names: [String], _ spelled: (UnsafeRawBufferPointer) -> E?) -> [String]
    where E.RawValue == String {
        candidates(names).filter { word in
            let bytes = Array(word.utf8)
            return bytes.withUnsafeBytes { spelled($0) } != E(rawValue: word)
        }
    }

    @Test func bytesReadAsTheRawValues() {
        #expect(Self.agree(Channel.names, Channel.init(spelling:)).isEmpty)
        #expect(Self.agree(Status.names, Status.init(spelling:)).isEmpty)
        #expect(Self.agree(Priority.names, Priority.init(spelling:)).isEmpty)
    }

    @Test func escapedWordsReadAsText() {
        let line = Array(#"["w\u0065b","in_progress","l\u006Fw","lo","medium"]"#.utf8)
        line.withUnsafeBytes { b in
            // Ranges of the five strings, quotes included.
            var ranges: [Range<Int>] = []
            RawJSON.forEachElement(b, 0..<b.count) { ranges.append($0) }
            #expect(ranges.count == 5)
            guard ranges.count == 5 else { return }
            #expect(RawJSON.word(b, ranges[0], Channel.init(spelling:)) == .web)
            #expect(RawJSON.word(b, ranges[1], Status.init(spelling:)) == .inProgress)
            #expect(RawJSON.word(b, ranges[2], Priority.init(spelling:)) == .low)
            #expect(RawJSON.word(b, ranges[3], Priority.init(spelling:)) == nil)
            #expect(RawJSON.word(b, ranges[4], Priority.init(spelling:)) == .medium)
        }
    }

    @Test func priorityTextKeepsUnknownWords() {
        var f = TicketFacts(id: "T-1", openedAt: Instant(seconds: 0), channel: .web, status: .open)
        f.priorityText = "urgent"
        #expect(f.priority == nil && f.priorityText == "urgent")
        f.priorityText = "low"
        #expect(f.priority == .low && f.priorityText == "low")
        f.priorityText = nil
        #expect(f.priority == nil && f.priorityText == nil)
    }
}
