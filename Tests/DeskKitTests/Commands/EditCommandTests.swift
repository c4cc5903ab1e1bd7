// `edit` then `classify` must give what `classify` gives for a ticket opened with the edited
// facts: edit goes through classify's own code (ClassifyRun), so there is one set of rules.
// Drawn fact sets cover rule keywords in both languages and the impact x urgency matrix, with
// the ticket edited before it was first classified and after.
import Foundation
import Testing

@testable import DeskKit

@Suite struct EditCommandTests {
    static let texts = [
        "整个财务部业务中断", "系统崩溃，无法下单", "VPN 无法登录", "printer shows wrong colours", "how to export a report",
        "勒索病毒 ransomware on a laptop", "display error on the dashboard", "a question about the new version",
        "数据丢失", "nothing in particular",
    ]
    static let levels = [nil, "high", "medium", "low"]

    /// The fields classify decides, as JSON text, for comparison.
    func decided(_ ndjson: String) throws -> [String] {
        let o = try #require(try objects(ndjson).first)
        var c = o["classification"]?.objectValue ?? JSONObject()
        c["by_hand"] = nil
        return ["priority", "category", "tags", "sla"].map { o[$0].map(JSONWriter.string) ?? "-" } + [JSONWriter.string(.object(c))]
    }

    @Test func editThenClassifyEqualsClassifyOfOpened() throws {
        var rng = SplitMix64(state: 7)
        func pick<T>(_ a: [T]) -> T { a[Int(rng.next() % UInt64(a.count))] }
        let t0 = "2026-11-02T01:00:00Z", t1 = "2026-11-02T01:01:00Z", t2 = "2026-11-02T01:02:00Z"
        for round in 0..<24 {
            let title = pick(Self.texts), description = pick(Self.texts)
            let impact = pick(Self.levels), urgency = pick(Self.levels)
            let classifyFirst = round % 2 == 1

            // A ticket opened with the facts; impact and urgency are the desk's judgement, not
            // the requester's, so they are added to the opened record as an agent's tool would.
            let request: JSONObject = ["channel": "web", "title": JSONValue.string(title), "description": JSONValue.string(description), "id": "DK-T"]
            let opened = try runDesk(["open", "--batch", "--now", t0], stdin: JSONWriter.string(.object(request)) + "\n")
            #expect(opened.status == 0, "\(opened.stderr)")
            var record = try #require(try objects(opened.stdout).first)
            if let impact { record["impact"] = JSONValue.string(impact) }
            if let urgency { record["urgency"] = JSONValue.string(urgency) }
            let want = try runDesk(["classify", "--now", t2], stdin: JSONWriter.string(.object(record)) + "\n")

            // A ticket opened with other facts, then edited to them.
            var ticket = try runDesk(["open", "--channel", "web", "--title", "placeholder", "--id", "DK-T", "--now", t0]).stdout
            if classifyFirst { ticket = try runDesk(["classify", "--now", t0], stdin: ticket).stdout }
            var edit = ["edit", "--id", "DK-T", "--title", title, "--description", description, "--now", t1]
            if let impact { edit += ["--impact", impact] }
            if let urgency { edit += ["--urgency", urgency] }
            let edited = try runDesk(edit, stdin: ticket)
            #expect(edited.status == 0, "\(edited.stderr)")
            let got = try runDesk(["classify", "--now", t2], stdin: edited.stdout)

            #expect(try decided(got.stdout) == decided(want.stdout), "round \(round): \(title) / \(description) / \(impact ?? "-") x \(urgency ?? "-")")
            // A classified ticket is reclassified by the edit itself, with the same result.
            if classifyFirst { #expect(try decided(edited.stdout) == decided(want.stdout), "round \(round), edit alone") }
        }
    }

    @Test func eachChangeIsOneEventWithOldNewAndWho() throws {
        let ticket = try runDesk(["open", "--channel", "web", "--title", "x", "--phone", "1", "--id", "DK-T", "--now", "2026-11-02T01:00:00Z"]).stdout
        let r = try runDesk(["edit", "--id", "DK-T", "--phone", "2", "--os", "Linux", "--by", "agent.wu", "--now", "2026-11-02T02:00:00Z"], stdin: ticket)
        let o = try #require(try objects(r.stdout).first)
        let edits = (o["history"]?.arrayValue ?? []).compactMap(\.objectValue).filter { $0["event"] == "edited" }
        #expect(edits.count == 2)
        #expect(edits.first?["field"] == "requester.phone" && edits.first?["old"] == "1" && edits.first?["new"] == "2")
        #expect(edits.allSatisfy { $0["by"] == "agent.wu" && $0["at"] == "2026-11-02T02:00:00Z" })
        #expect(edits.last?["field"] == "environment.os" && edits.last?["old"] == .null)
        // environment is no longer missing; the other facts still are.
        #expect(o["needs_info"] == ["occurred_at", "frequency", "steps_tried"])
    }
}
