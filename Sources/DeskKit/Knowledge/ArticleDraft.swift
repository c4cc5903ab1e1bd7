// An article drafted from a resolved ticket (seed 002 2.6.2: 相关的诊断过程、解决方案、配置信息等
// 应妥善归档，更新至知识库): the title; the description and the steps already tried as the
// symptom; the resolution's cause, solution and result; attachments as evidence; tags and the
// category as tags; the app version; the ticket as source. What a ticket cannot say (the
// impact in words) is left out, so `kb publish` asks for it.

enum ArticleDraft {
    /// The draft of `t` with id `id`, made at `now` by `by`.
    static func from(_ t: Ticket, id: String, now: Instant, by: String?) -> Article {
        var a = Article(id: id)
        let r = t.object("resolution")
        if let title = t.string("title") { a.set("title", .string(title)) }
        var symptom: [JSONValue] = []
        if let d = t.string("description"), !d.trimmed.isEmpty { symptom.append(.string(d)) }
        if let s = t.string("steps_tried"), !s.trimmed.isEmpty { symptom.append(.string("已尝试 (steps tried): " + s)) }
        if !symptom.isEmpty { a.set("symptom", .array(symptom)) }
        if let c = r?["cause"]?.stringValue { a.set("cause", .string(c)) }
        if let s = r?["solution"]?.stringValue { a.set("solution", .array([.string(s)])) }
        if let res = r?["result"]?.stringValue { a.set("result", .string(res)) }
        let evidence: [JSONValue] = t.array("attachments").compactMap { item in
            if let s = item.stringValue { return .string(s) }
            let o = item.objectValue
            return (o?["path"]?.stringValue ?? o?["name"]?.stringValue ?? o?["url"]?.stringValue).map { .string($0) }
        }
        if !evidence.isEmpty { a.set("evidence", .array(evidence)) }
        var tags = t.array("tags").compactMap(\.stringValue)
        if let c = t.string("category"), !tags.contains(c) { tags.insert(c, at: 0) }
        if !tags.isEmpty { a.set("tags", .array(tags.map { .string($0) })) }
        if let v = t.object("environment")?["app_version"]?.stringValue { a.set("versions", .array([.string(v)])) }
        a.set("sources", .array([.string(t.id)]))
        a.set("created_at", .string(now.rfc3339))
        a.set("updated_at", .string(now.rfc3339))
        a.record("drafted", at: now, by: by, [JSONMember("from", .string(t.id))])
        return a
    }
}
