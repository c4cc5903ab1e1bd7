// The report's formats: json (one pretty document, keys in a fixed order), text (aligned
// tables), markdown, csv (one long table: section, key, metric, value, previous, change) and
// html (ReportHTML.swift). None of them ever carries requester contact data: the document
// holds none.

/// Output formats of `desk report`.
public enum ReportFormat: String, CaseIterable, Sendable {
    case json, text, markdown, csv, html
}

/// Renders a ReportDocument.
public enum ReportRenderer {
    /// The document in a format, ending with a newline.
    public static func render(_ d: ReportDocument, as format: ReportFormat) -> String {
        switch format {
        case .json: return JSONWriter.pretty(json(d))
        case .text: return text(d)
        case .markdown: return markdown(d)
        case .csv: return csv(d)
        case .html: return html(d)
        }
    }

    static func periodJSON(_ p: ReportPeriod, _ dates: String) -> JSONValue {
        .object(["label": .string(p.label), "dates": .string(dates), "from": .string(p.from.rfc3339), "to": .string(p.to.rfc3339)])
    }

    /// The JSON document.
    public static func json(_ d: ReportDocument) -> JSONValue {
        var o = JSONObject()
        o["report"] = "desk report"
        o["policy_hash"] = .string(d.policyHash)
        o["generated_at"] = .string(d.now.rfc3339)
        o["time_zone"] = .string(d.zone)
        o["period"] = periodJSON(d.period, d.periodDates)
        o["previous_period"] = periodJSON(d.previous, d.previousDates)
        o["backlog_at"] = .string(d.backlogAt.rfc3339)
        o["summary"] = .object(JSONObject(d.headlines.map { h in
            var f: JSONObject = ["value": h.kind.json(h.value), "previous": h.kind.json(h.previous), "change": h.kind.json(h.change)]
            // A figure the policy sets a target for carries it, and whether it was met.
            if let t = h.target {
                f["target"] = h.kind.json(t)
                f["met"] = h.met.map { .bool($0) } ?? .null
            }
            if h.value == nil, let e = h.emptyText { f["note"] = .string(e) }
            return JSONMember(h.key, .object(f))
        }))
        for t in d.tables {
            o[t.key] = .array(t.rows.map { row in
                .object(JSONObject(zip(t.columns, row).map { JSONMember($0.0.key, $0.1.json) }))
            })
        }
        if let b = d.bench { o["bench"] = b.json }
        return .object(o)
    }

    static func title(_ d: ReportDocument) -> String {
        "Service desk report " + d.period.label
    }

    static func subtitle(_ d: ReportDocument) -> String {
        d.periodDates + " (" + d.zone + "); compared with " + d.previousDates + "; generated " + d.now.rfc3339
            + "; policy " + d.policyHash
    }

    /// The status word of a headline: met, missed, or "-" without a target or a value.
    static func status(_ h: Headline) -> String {
        h.met.map { $0 ? "met" : "missed" } ?? "-"
    }

    static func headlineTable(_ d: ReportDocument) -> ReportTable {
        ReportTable(
            key: "summary", title: "Summary",
            columns: [("figure", "Figure"), ("value", "This period"), ("target", "Target"), ("status", "Status"),
                      ("previous", "Previous"), ("change", "Change")],
            rows: d.headlines.map { h in
                [Cell.string(h.label), Cell(h.kind.json(h.value), h.valueText),
                 Cell(h.target.map { h.kind.json($0) } ?? .null, h.target.map { h.kind.text($0) } ?? "-"),
                 Cell(h.met.map { .bool($0) } ?? .null, status(h)),
                 Cell(h.kind.json(h.previous), h.kind.text(h.previous)), Cell(h.kind.json(h.change), h.kind.changeText(h.change))]
            })
    }

    // MARK: text

    /// Columns a character takes on a terminal: 2 for East Asian wide characters.
    static func width(_ s: String) -> Int {
        var w = 0
        for u in s.unicodeScalars {
            let v = u.value
            if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v)
            {
                w += 2
            } else if v >= 0x20 {
                w += 1
            }
        }
        return w
    }

    /// A cell on one line, its other control characters escaped (TerminalText).
    static func oneLine(_ s: String) -> String {
        TerminalText.escaped(String(s.map { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" ? " " : $0 }))
    }

    static func textTable(_ t: ReportTable) -> String {
        var out = t.title + "\n"
        if t.rows.isEmpty { return out + "  (none)\n" }
        let header = t.columns.map(\.label)
        let cells = t.rows.map { $0.map { oneLine($0.text) } }
        // A figure without data (null: "-" or a note such as "no workaround recorded") keeps
        // its column numeric.
        let numeric = t.rows.map {
            $0.map { c -> Bool in
                switch c.json {
                case .number, .null: return true
                default: return c.text == "-"
                }
            }
        }
        var widths = header.map(width)
        for r in cells { for (i, c) in r.enumerated() { widths[i] = max(widths[i], width(c)) } }
        // Figures right-aligned, text left (a column is text when any of its cells is).
        let textColumn = (0..<header.count).map { i in i == 0 || numeric.contains { !$0[i] } }
        func line(_ r: [String]) -> String {
            var s = " "
            for (i, c) in r.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - width(c))
                s += " " + (textColumn[i] ? c + pad : pad + c)
            }
            var trimmed = s
            while trimmed.hasSuffix(" ") { trimmed.removeLast() }
            return trimmed + "\n"
        }
        out += line(header)
        out += line(widths.map { String(repeating: "-", count: $0) })
        for r in cells { out += line(r) }
        return out
    }

    static func footer(_ d: ReportDocument, bullet: String) -> [String] {
        d.definitions.map { bullet + $0 } + [bullet + "Policy " + d.policyHash + "; no requester contact data is shown."]
    }

    static func text(_ d: ReportDocument) -> String {
        var out = title(d) + "\n" + subtitle(d) + "\n\n" + textTable(headlineTable(d))
        for t in d.tables { out += "\n" + textTable(t) }
        out += "\nDefinitions\n" + footer(d, bullet: "  - ").joined(separator: "\n") + "\n"
        return out
    }

    // MARK: markdown

    static func mdCell(_ s: String) -> String {
        var out = ""
        for ch in oneLine(s) {
            // `[` and `]` too: a cell must not become a link or an image (`![x](https://...)`).
            if ch == "|" || ch == "\\" || ch == "*" || ch == "_" || ch == "`" || ch == "<" || ch == ">" || ch == "[" || ch == "]" {
                out.append("\\")
            }
            out.append(ch)
        }
        return out
    }

    static func mdTable(_ t: ReportTable) -> String {
        var out = "## " + mdCell(t.title) + "\n\n"
        if t.rows.isEmpty { return out + "(none)\n" }
        out += "| " + t.columns.map { mdCell($0.label) }.joined(separator: " | ") + " |\n"
        out += "|" + t.columns.enumerated().map { i, _ in i == 0 ? " --- " : " ---: " }.joined(separator: "|") + "|\n"
        for r in t.rows { out += "| " + r.map { mdCell($0.text) }.joined(separator: " | ") + " |\n" }
        return out
    }

    static func markdown(_ d: ReportDocument) -> String {
        var out = "# " + mdCell(title(d)) + "\n\n" + mdCell(subtitle(d)) + "\n\n" + mdTable(headlineTable(d))
        for t in d.tables { out += "\n" + mdTable(t) }
        out += "\n## Definitions\n\n" + footer(d, bullet: "- ").map { $0 }.joined(separator: "\n") + "\n"
        return out
    }

    // MARK: csv

    static func csvField(_ raw: String) -> String {
        let s = TerminalText.escaped(raw)
        var needs = false
        for u in s.unicodeScalars where u == "," || u == "\"" || u == "\n" || u == "\r" { needs = true }
        // A cell a spreadsheet would read as a formula: quote it and prefix a quote mark.
        if formulaLike(s) { return "\"'" + s.replacingOccurrences("\"", "\"\"") + "\"" }
        return needs ? "\"" + s.replacingOccurrences("\"", "\"\"") + "\"" : s
    }

    /// Whether a spreadsheet could take the cell for a formula: it starts with =, +, -, @, a tab
    /// or a carriage return (OWASP's list; spreadsheets skip leading blanks, so they are looked
    /// through), unless it is a plain decimal number such as `-3` or `-1.5e2`. `-inf`, `-nan`
    /// and `-0x1p3` are numbers to Swift but not plain decimals, so they are protected.
    static func formulaLike(_ s: String) -> Bool {
        let scalars = Array(s.unicodeScalars)
        if let f = scalars.first, f == "\t" || f == "\r" { return true }
        guard let lead = scalars.first(where: { $0 != " " && $0 != "\n" }) else { return false }
        guard lead == "=" || lead == "+" || lead == "-" || lead == "@" || lead == "\t" || lead == "\r" else { return false }
        return !(scalars.first == "-" && plainDecimal(scalars.dropFirst()))
    }

    /// `123`, `1.5`, `2e-3`: digits, an optional fraction, an optional exponent.
    static func plainDecimal(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        var i = s.startIndex
        func digits() -> Bool {
            let start = i
            while i < s.endIndex, ("0"..."9").contains(s[i]) { i += 1 }
            return i > start
        }
        guard digits() else { return false }
        if i < s.endIndex, s[i] == "." {
            i += 1
            guard digits() else { return false }
        }
        if i < s.endIndex, s[i] == "e" || s[i] == "E" {
            i += 1
            if i < s.endIndex, s[i] == "+" || s[i] == "-" { i += 1 }
            guard digits() else { return false }
        }
        return i == s.endIndex
    }

    static func csvValue(_ v: JSONValue) -> String {
        switch v {
        case .null: return ""
        case .string(let s): return csvField(s)
        default: return csvField(JSONWriter.string(v))
        }
    }

    static func csv(_ d: ReportDocument) -> String {
        var out = "section,key,metric,value,previous,change\r\n"
        func row(_ cells: [String]) { out += cells.joined(separator: ",") + "\r\n" }
        row(["meta", "", "period", csvField(d.period.label), csvField(d.previous.label), ""])
        row(["meta", "", "from", d.period.from.rfc3339, d.previous.from.rfc3339, ""])
        row(["meta", "", "to", d.period.to.rfc3339, d.previous.to.rfc3339, ""])
        row(["meta", "", "policy_hash", csvField(d.policyHash), "", ""])
        row(["meta", "", "generated_at", d.now.rfc3339, "", ""])
        for h in d.headlines {
            row(["summary", "", h.key, csvValue(h.kind.json(h.value)), csvValue(h.kind.json(h.previous)), csvValue(h.kind.json(h.change))])
            if let t = h.target {
                row(["target", "", h.key, csvValue(h.kind.json(t)), "", ""])
                row(["met", "", h.key, h.met.map { $0 ? "true" : "false" } ?? "", "", ""])
            }
        }
        for t in d.tables {
            for (n, r) in t.rows.enumerated() {
                // Rows are keyed by their first cell; lists without a natural key use the rank.
                let key = t.key == "follow_up" || t.key == "comment_themes" ? String(n + 1) : csvValue(r[0].json)
                for (i, c) in r.enumerated() where i > 0 || t.key == "follow_up" || t.key == "comment_themes" {
                    row([t.key, key, t.columns[i].key, csvValue(c.json), "", ""])
                }
            }
        }
        if case .object(let b) = d.bench?.json {
            for m in b.members {
                if case .object(let inner) = m.value {
                    for x in inner.members { row(["bench", csvField(x.key), m.key, csvValue(x.value), "", ""]) }
                } else {
                    row(["bench", "", m.key, csvValue(m.value), "", ""])
                }
            }
        }
        return out
    }
}
