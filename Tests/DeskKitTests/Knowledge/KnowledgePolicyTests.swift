// The policy's `knowledge` object (the kb file and the review window) and the report's knowledge
// section in csv and html.
import Testing

@testable import DeskKit

@Suite struct KnowledgePolicyTests {
    @Test func builtinHasNoKbAndTheSeedsWindow() {
        #expect(Policy.builtin.knowledge.kb == nil)
        #expect(Policy.builtin.knowledge.reviewWorkingDays == 2)
    }

    @Test func aPartialKnowledgeObjectKeepsTheOtherMember() throws {
        let p = try Policy.decode(parse(#"{"knowledge": {"kb": "faq.ndjson"}}"#)).get()
        #expect(p.knowledge.kb == "faq.ndjson")
        #expect(p.knowledge.reviewWorkingDays == 2)
        let q = try Policy.decode(parse(#"{"knowledge": {"review_working_days": 5}}"#)).get()
        #expect(q.knowledge == Policy.Knowledge(kb: nil, reviewWorkingDays: 5))
        // Printed back in the canonical JSON, so it is part of the hash.
        #expect(q.json.objectValue?["knowledge"]?.objectValue?["review_working_days"] == .int(5))
        #expect(q.hash != Policy.builtin.hash)
    }

    @Test func badValuesAreRefusedWithTheirPaths() {
        guard case .failure(let e) = Policy.decode(parse(#"{"knowledge": {"kb": "", "review_working_days": 61}}"#)) else {
            Issue.record("expected a failure")
            return
        }
        #expect(e.problems.map(\.path) == ["$.knowledge.kb", "$.knowledge.review_working_days"])
    }

    @Test func theKbFlagWinsOverThePolicy() throws {
        let ctx = Context(environment: [:], stdout: OutputSink(memoryNamed: "o"), stderr: OutputSink(memoryNamed: "e"))
        let given = ParsedArguments(command: "kb", values: ["kb": ["mine.ndjson"]])
        #expect(try KbLocation.filled(given, ctx).string("kb") == "mine.ndjson")
        // No flag, the built-in policy: still none.
        #expect(try KbLocation.filled(ParsedArguments(command: "kb"), ctx).string("kb") == nil)
    }

    @Test func csvRowsQuoteTitlesAndHtmlEscapesThem() {
        var s = KnowledgeSection()
        s.resolved = 2
        s.withArticle = 1
        s.uses = ["KB-0001": 1]
        s.titles = ["KB-0001": "=SUM(A1), <b>\"x\""]
        s.overdue = ["KB-0002"]
        let csv = s.csv
        #expect(csv.contains("knowledge,,resolved_with_article_share,0.50,,\r\n"))
        #expect(csv.contains("knowledge_most_used,KB-0001,title,\"'=SUM(A1), <b>\"\"x\"\"\",,\r\n"))
        #expect(csv.hasSuffix("knowledge_review_overdue,1,id,KB-0002,,\r\n"))
        let page = "<html>\n<body>\n<footer><h2>Definitions</h2></footer>\n</body>\n</html>\n"
        let html = s.splicedHTML(into: page)
        #expect(html.contains("=SUM(A1), &lt;b&gt;&quot;x&quot; (1)</td>"))
        // The section goes before the footer, which stays last.
        #expect(html.hasPrefix("<html>\n<body>\n<section><h2>Knowledge base</h2>"))
        #expect(html.hasSuffix("<footer><h2>Definitions</h2></footer>\n</body>\n</html>\n"))
    }
}
