// How `kb search` and `similar` print their hits: NDJSON, one object per hit, or text a person
// reads — rank, kind, id, score and title, then the matched terms, the snippet and, for a
// similar problem, the cause and solution that settled it.

enum HitRenderer {
    static func write(_ hits: [SearchHit], format: String, to out: OutputSink, resolution: Bool) throws(DeskError) {
        var text = ""
        if format == "ndjson" {
            for h in hits { text += JSONWriter.string(h.json) + "\n" }
        } else {
            for (i, h) in hits.enumerated() {
                text += "\(i + 1). \(h.kind) \(h.id)  score \(KnowledgeSearch.hundredths(h.score))  \(h.title)\n"
                text += "   terms: " + h.terms.joined(separator: ", ") + "\n"
                if !h.snippet.isEmpty { text += "   " + h.snippet + "\n" }
                if resolution {
                    if !h.cause.isEmpty { text += "   cause: " + h.cause + "\n" }
                    if !h.solution.isEmpty { text += "   solution: " + h.solution + "\n" }
                }
            }
        }
        // Text for people: titles and snippets come from files, escaped (TerminalText).
        try out.write(format == "ndjson" ? text : TerminalText.escaped(text))
    }
}
