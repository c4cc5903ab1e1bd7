// Units of the knowledge base: terms, the glossary, the article record's bytes, the index file
// (round trip, damage, staleness), the review window and the publishing template.
import Foundation
import Testing

@testable import DeskKit

@Suite struct TokenizerTests {
    @Test func latinWordsAreFoldedStemmedAndStopWordsDropped() {
        let keys = Tokenizer.terms("The VPN keeps Disconnecting; connections dropped").map(\.key).filter { !$0.hasPrefix("@") }
        #expect(keys == ["vpn", "disconnect", "connect", "drop"])
    }

    @Test func cjkRunsBecomeOverlappingBigramsAndALoneCharacterStays() {
        let keys = Tokenizer.terms("打印机 慢").map(\.key).filter { !$0.hasPrefix("@") }
        #expect(keys == ["打印", "印机", "慢"])
    }

    @Test func traditionalAndFullWidthReadAsSimplifiedAndASCII() {
        let a = Tokenizer.terms("印表機離線 ＶＰＮ").map(\.key)
        let b = Tokenizer.terms("印表机离线 vpn").map(\.key)
        #expect(a == b)
    }

    @Test func stemmerMeetsTheUsualForms() {
        for (w, s) in [("printing", "print"), ("printed", "print"), ("prints", "print"), ("update", "updat"), ("updating", "updat"),
                       ("passwords", "password"), ("class", "class"), ("dropped", "drop"), ("policies", "policy")] {
            #expect(Stemmer.stem(w) == s, "\(w)")
        }
    }

    @Test func glossaryJoinsChineseAndEnglish() {
        func concepts(_ s: String) -> Set<String> { Set(Tokenizer.terms(s).map(\.key).filter { $0.hasPrefix("@") }) }
        #expect(!concepts("打印机").isEmpty)
        #expect(concepts("打印机") == concepts("printer"))
        #expect(concepts("印表機") == concepts("printers"))
        #expect(concepts("blue screen").isSuperset(of: concepts("蓝屏")))
        #expect(concepts("the weather is nice").isEmpty)
    }
}

@Suite struct ArticleTests {
    /// As tickets: a changed article keeps every member's key and value bytes; only the space
    /// between members goes.
    @Test func untouchedArticlesKeepTheirBytesAndChangedOnesKeepUnknownKeys() throws {
        let line = #"{"id": "KB-0001",  "status":"draft","x":{"keep" : 1},"title":"t"}"#
        var a = try Article(bytes: Array(line.utf8))
        #expect(String(decoding: a.line, as: UTF8.self) == line)
        a.set("title", .string("new"))
        #expect(String(decoding: a.line, as: UTF8.self) == #"{"id":"KB-0001","status":"draft","x":{"keep" : 1},"title":"new"}"#)
    }

    @Test func refusesAmbiguousOrInvalidArticles() {
        #expect(throws: TicketError.self) { try Article(bytes: Array(#"{"id":"KB-1","status":"draft","id":"KB-2"}"#.utf8)) }
        #expect(throws: TicketError.self) { try Article(bytes: Array(#"{"id":"KB-1","status":"gone"}"#.utf8)) }
        #expect(throws: TicketError.self) { try Article(bytes: Array(#"{"status":"draft"}"#.utf8)) }
    }

    @Test func templateRefusesFieldByField() throws {
        let lint = PhraseLint(policy: Policy.builtin, replyModel: nil)
        var a = Article(id: "KB-0001")
        #expect(ArticleTemplate.problems(a, lint: lint).count == 6)
        a.set("title", .string("VPN 断线"))
        a.set("symptom", .array(["连上几分钟就断开，重连后又断"]))
        a.set("impact", .string("远程办公用户"))
        a.set("solution", .array(["已处理"]))
        a.set("evidence", .array(["vpn.log"]))
        a.set("tags", .array(["vpn"]))
        let p = ArticleTemplate.problems(a, lint: lint)
        #expect(p.count == 1 && p[0].hasPrefix("solution"))
        a.set("solution", .array(["把 MTU 调到 1380 并重连"]))
        #expect(ArticleTemplate.problems(a, lint: lint).isEmpty)
    }
}

extension Article {
    init(bytes: [UInt8]) throws(TicketError) {
        let r: Result<Article, TicketError> = bytes.withUnsafeBytes { buf in
            do throws(TicketError) { return .success(try Article(line: buf)) } catch { return .failure(error) }
        }
        self = try r.get()
    }
}

@Suite struct SearchIndexFileTests {
    func scratch() throws -> URL {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("desk-kb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func kbFile(_ dir: URL) throws -> String {
        let path = dir.appendingPathComponent("kb.ndjson").path
        try (#"{"id":"KB-0001","status":"published","title":"打印机脱机","symptom":["打印机显示脱机"]}"# + "\n"
            + #"{"id":"KB-0002","status":"published","title":"VPN keeps dropping","symptom":["disconnects every few minutes"]}"# + "\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func roundTripAnswersTheSame() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let kb = try kbFile(dir)
        let built = try KnowledgeSearch.build(articlePaths: [kb], ticketPaths: [])
        let bytes = SearchIndexFile.encode(built.index)
        let back = try #require(SearchIndexFile.decode(bytes))
        #expect(SearchIndexFile.encode(back) == bytes)
        let again = KnowledgeSearch(files: built.files, index: back)
        let f = KnowledgeSearch.Filter(articles: true, tickets: false)
        #expect(again.search("印表機離線", filter: f, limit: 2) == built.search("印表機離線", filter: f, limit: 2))
    }

    @Test func damagedIndexIsRefusedNotTrusted() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bytes = SearchIndexFile.encode(try KnowledgeSearch.build(articlePaths: [try kbFile(dir)], ticketPaths: []).index)
        #expect(SearchIndexFile.decode(Array(bytes.dropLast())) == nil)
        #expect(SearchIndexFile.decode(Array("DESKKBX0".utf8) + bytes.dropFirst(8)) == nil)
        // Every truncation and every single-byte change in the tables is either refused or decodes
        // to shapes that stay in bounds (decode checks them), never a crash.
        for cut in stride(from: 8, to: bytes.count, by: 7) { _ = SearchIndexFile.decode(Array(bytes.prefix(cut))) }
        for i in stride(from: 8, to: bytes.count, by: 5) {
            var b = bytes
            b[i] ^= 0xFF
            _ = SearchIndexFile.decode(b)
        }
    }

    @Test func staleIndexIsNotedAndRebuilt() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let kb = try kbFile(dir)
        #expect(try runDesk(["kb", "index", "--kb", kb]).status == 0)
        var r = try runDesk(["kb", "search", "printer", "--kb", kb, "--format", "ndjson"])
        #expect(r.stderr.isEmpty)
        // Same size, other content (the rewrite also moves the time; staleness() alone is tested
        // for a change only the hash shows).
        let text = try String(contentsOfFile: kb, encoding: .utf8).replacingOccurrences(of: "KB-0002", with: "KB-0003")
        try text.write(toFile: kb, atomically: true, encoding: .utf8)
        r = try runDesk(["kb", "search", "vpn", "--kb", kb, "--format", "ndjson"])
        #expect(r.stderr.contains("the index is stale"))
        #expect(r.stdout.contains("KB-0003"))
        r = try runDesk(["kb", "search", "vpn", "--kb", kb, "--format", "ndjson"])
        #expect(r.stderr.isEmpty)
    }

    @Test func stalenessNamesTheChange() {
        let a = SourceStamp(path: "k", size: 10, mtimeSeconds: 1, mtimeNanoseconds: 0, hash: 5)
        var b = a
        #expect(SearchIndexFile.staleness([a], [b]) == nil)
        b.hash = 6
        #expect(SearchIndexFile.staleness([a], [b]) == "k changed content")
        b.size = 11
        #expect(SearchIndexFile.staleness([a], [b]) == "k changed size")
    }
}

@Suite struct ReviewWindowTests {
    @Test func twoWorkingDaysSkipWeekendsAndHolidays() throws {
        let policy = Policy.builtin
        let cal = policy.businessCalendar
        // Friday 2026-11-06 10:00 in Shanghai -> Tuesday 2026-11-10 at close of business.
        let friday = try #require(Instant(rfc3339: "2026-11-06T10:00:00+08:00"))
        let due = ReviewWindow.due(after: friday, workingDays: 2, calendar: cal)
        let c = cal.zone.civil(due)
        #expect((c.year, c.month, c.day) == (2026, 11, 10))
        // A change on a working day's morning does not count that day.
        let monday = try #require(Instant(rfc3339: "2026-11-09T08:00:00+08:00"))
        #expect(cal.zone.civil(ReviewWindow.due(after: monday, workingDays: 2, calendar: cal)).day == 11)
    }
}

@Suite struct KnowledgeInputTests {
    /// A kb file may open with a byte order mark and end lines with CR LF, as ticket files may
    /// (failed before: the search refused line 1).
    @Test func byteOrderMarkAndCRLFAreRead() throws {
        let path = NSTemporaryDirectory() + "desk-kb-bom-\(UUID().uuidString).ndjson"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data([0xEF, 0xBB, 0xBF] + Array(#"{"id":"KB-1","status":"published","title":"VPN drops"}"#.utf8) + [0x0D, 0x0A])
            .write(to: URL(fileURLWithPath: path))
        let r = try runDesk(["kb", "search", "vpn", "--kb", path, "--format", "ndjson"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(#""id":"KB-1""#))
    }

    /// `similar` with neither a kb nor ticket files is a usage error, not an empty answer.
    @Test func similarNeedsSomethingToSearch() throws {
        #expect(try runDesk(["similar", "--text", "vpn"]).status == 2)
    }
}
