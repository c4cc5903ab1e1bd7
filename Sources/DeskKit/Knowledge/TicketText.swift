// What the knowledge search reads of a ticket: a resolved ticket is a document (title; what the
// requester described and tried; the resolution's cause and solution), and any ticket is a
// query (title, description, steps tried, tags).

enum TicketText {
    /// Resolved or closed with a resolution: an answered problem worth finding again.
    static func isResolved(_ t: Ticket) -> Bool {
        (t.status == .resolved || t.status == .closed) && t.object("resolution") != nil
    }

    /// The ticket's searchable fields with their weights.
    static func fields(_ t: Ticket) -> [(text: String, weight: Float)] {
        let r = t.object("resolution")
        return [
            (t.string("title") ?? "", SearchWeights.title),
            ([t.string("description"), t.string("steps_tried")].compactMap { $0 }.joined(separator: "\n")
                + tagsText(t), SearchWeights.symptom),
            (r?["cause"]?.stringValue ?? "", SearchWeights.cause),
            (r?["solution"]?.stringValue ?? "", SearchWeights.solution),
        ]
    }

    /// The text a new ticket asks with.
    static func query(_ t: Ticket) -> String {
        [t.string("title"), t.string("description"), t.string("steps_tried")].compactMap { $0 }.joined(separator: "\n")
            + tagsText(t)
    }

    static func tagsText(_ t: Ticket) -> String {
        let tags = t.array("tags").compactMap(\.stringValue)
        return tags.isEmpty ? "" : "\n" + tags.joined(separator: " ")
    }
}
