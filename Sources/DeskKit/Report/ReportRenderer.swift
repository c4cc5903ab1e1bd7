// The report's formats: json (one pretty document, keys in a fixed order), text (aligned
// tables), markdown, csv (one long table: section, key, metric, value, previous, change) and
// html (one self-contained file with inline CSS and SVG charts, no scripts, no external
// resources). None of them ever carries requester contact data: the document holds none.

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

    static func periodJSON(_ p: ReportPeriod) -> JSONValue {
        .object(["label": .string(p.label), "from": .string(p.from.rfc3339), "to": .string(p.to.rfc3339)])
    }

    /// The JSON document.
    public static func json(_ d: ReportDocument) -> JSONValue {
        var o = JSONObject()
        o["report"] = "desk report"
        o["policy_hash"] = .string(d.policyHash)
        o["generated_at"] = .string(d.now.rfc3339)
        o["time_zone"] = .string(d.zone)
        o["period"] = periodJSON(d.period)
        o["previous_period"] = periodJSON(d.previous)
        o["backlog_at"] = .string(d.backlogAt.rfc3339)
        o["summary"] = .object(JSONObject(d.headlines.map { h in
            JSONMember(h.key, .object(["value": h.kind.json(h.value), "previous": h.kind.json(h.previous), "change": h.kind.json(h.change)]))
        }))
        for t in d.tables {
            o[t.key] = .array(t.rows.map { row in
                .object(JSONObject(zip(t.columns, row).map { JSONMember($0.0.key, $0.1.json) }))
            })
        }
        o["bench"] = d.bench.json
        return .object(o)
    }

    static func title(_ d: ReportDocument) -> String {
        "Service desk report " + d.period.label
    }

    static func subtitle(_ d: ReportDocument) -> String {
        "Period " + d.period.from.rfc3339 + " to " + d.period.to.rfc3339 + " (exclusive, " + d.zone + "); previous "
            + d.previous.label + "; generated " + d.now.rfc3339 + "; policy " + d.policyHash
    }

    static func headlineTable(_ d: ReportDocument) -> ReportTable {
        ReportTable(
            key: "summary", title: "Summary",
            columns: [("figure", "Figure"), ("value", "This period"), ("previous", "Previous"), ("change", "Change")],
            rows: d.headlines.map { h in
                [Cell.string(h.label), Cell(h.kind.json(h.value), h.kind.text(h.value)),
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
        let numeric = t.rows.map { $0.map { c -> Bool in if case .number = c.json { return true }; return c.text == "-" } }
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
        ReportDocument.definitions.map { bullet + $0 } + [bullet + "Policy " + d.policyHash + "; no requester contact data is shown."]
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
        if case .object(let b) = d.bench.json {
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

    // MARK: html

    static func esc(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    static func htmlTable(_ t: ReportTable) -> String {
        var out = "<section><h2>" + esc(t.title) + "</h2>\n"
        if t.rows.isEmpty { return out + "<p class=\"none\">(none)</p></section>\n" }
        out += "<table><thead><tr>" + t.columns.map { "<th>" + esc($0.label) + "</th>" }.joined() + "</tr></thead><tbody>\n"
        for r in t.rows {
            out += "<tr>" + r.enumerated().map { i, c in
                let isText: Bool
                if case .number = c.json { isText = false } else { isText = true }
                return (i == 0 || isText ? "<td>" : "<td class=\"n\">") + esc(c.text) + "</td>"
            }.joined() + "</tr>\n"
        }
        return out + "</tbody></table></section>\n"
    }

    /// A horizontal bar chart as inline SVG.
    static func barChart(_ title: String, _ bars: [(String, Int)]) -> String {
        let maxValue = max(1, bars.map(\.1).max() ?? 1)
        let rowH = 26, labelW = 110, chartW = 420, h = bars.count * rowH + 10
        var s = "<figure><figcaption>" + esc(title) + "</figcaption>\n"
        s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelW + chartW + 60)\" height=\"\(h)\" role=\"img\" aria-label=\"" + esc(title) + "\">\n"
        for (i, b) in bars.enumerated() {
            let y = i * rowH + 5
            let w = b.1 * chartW / maxValue
            s += "<text x=\"\(labelW - 8)\" y=\"\(y + 17)\" text-anchor=\"end\">" + esc(b.0) + "</text>"
            s += "<rect x=\"\(labelW)\" y=\"\(y + 3)\" width=\"\(max(w, b.1 > 0 ? 2 : 0))\" height=\"\(rowH - 8)\" class=\"bar\"/>"
            s += "<text x=\"\(labelW + w + 6)\" y=\"\(y + 17)\">\(b.1)</text>\n"
        }
        return s + "</svg></figure>\n"
    }

    /// A column chart over time as inline SVG.
    static func trendChart(_ title: String, _ points: [(String, Int)]) -> String {
        let maxValue = max(1, points.map(\.1).max() ?? 1)
        let n = max(1, points.count)
        let plotW = 1000, plotH = 180, left = 40, bottom = 50
        let step = max(4, plotW / n)
        let w = left + step * n + 10, h = plotH + bottom + 10
        var s = "<figure><figcaption>" + esc(title) + "</figcaption>\n"
        s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" role=\"img\" aria-label=\"" + esc(title) + "\">\n"
        s += "<line x1=\"\(left)\" y1=\"\(plotH + 5)\" x2=\"\(w - 5)\" y2=\"\(plotH + 5)\" class=\"axis\"/>"
        s += "<text x=\"\(left - 6)\" y=\"15\" text-anchor=\"end\">\(maxValue)</text><text x=\"\(left - 6)\" y=\"\(plotH + 5)\" text-anchor=\"end\">0</text>\n"
        let labelEvery = max(1, (n + 14) / 15)
        for (i, p) in points.enumerated() {
            let bh = p.1 * (plotH - 10) / maxValue
            let x = left + i * step + 1
            s += "<rect x=\"\(x)\" y=\"\(plotH + 5 - bh)\" width=\"\(max(2, step - 3))\" height=\"\(bh)\" class=\"bar\"><title>" + esc(p.0) + ": \(p.1)</title></rect>"
            if i % labelEvery == 0 {
                let lx = x + step / 2
                s += "<text x=\"\(lx)\" y=\"\(plotH + 20)\" text-anchor=\"end\" transform=\"rotate(-45 \(lx) \(plotH + 20))\" class=\"small\">" + esc(String(p.0.dropFirst(5))) + "</text>"
            }
            s += "\n"
        }
        return s + "</svg></figure>\n"
    }

    static let css = """
        body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2rem auto;max-width:1100px;color:#1b1f24;padding:0 1rem}
        h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin:1.6rem 0 .5rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
        p.sub{color:#57606a;margin-top:0}table{border-collapse:collapse;font-size:.9rem;margin:.3rem 0}
        th,td{border:1px solid #d0d7de;padding:.25rem .55rem;text-align:left;vertical-align:top}th{background:#f6f8fa}
        td.n{text-align:right;font-variant-numeric:tabular-nums}tbody tr:nth-child(even){background:#fafbfc}
        figure{margin:1rem 0}figcaption{font-weight:600;margin-bottom:.3rem}svg text{font-size:12px;fill:#1b1f24}
        svg .small{font-size:10px}.bar{fill:#2f81f7}.axis{stroke:#8c959f}.charts{display:flex;flex-wrap:wrap;gap:2rem}
        footer{margin-top:2rem;font-size:.8rem;color:#57606a}footer li{margin:.2rem 0}.none{color:#57606a}
        """

    static func html(_ d: ReportDocument) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"desk report; policy " + esc(d.policyHash) + "\">\n"
        out += "<title>" + esc(title(d)) + "</title>\n<style>\n" + css + "\n</style>\n</head>\n<body>\n"
        out += "<h1>" + esc(title(d)) + "</h1>\n<p class=\"sub\">" + esc(subtitle(d)) + "</p>\n"
        out += "<div class=\"charts\">\n"
        for c in d.charts.prefix(2) { out += barChart(c.title, c.bars) }
        out += "</div>\n"
        if let trend = d.charts.last, d.charts.count > 2 { out += trendChart(trend.title, trend.bars) }
        out += htmlTable(headlineTable(d))
        for t in d.tables where t.key != "trend" { out += htmlTable(t) }
        out += "<footer><h2>Definitions</h2><ul>\n"
        for f in footer(d, bullet: "") { out += "<li>" + esc(f) + "</li>\n" }
        out += "</ul></footer>\n</body>\n</html>\n"
        return out
    }
}
