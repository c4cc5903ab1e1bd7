// The report as one self-contained html page for a support manager: the headline tiles first
// (value, the policy's target, met or missed in colour and in words, so it also reads printed
// in grey, and the change against the previous period), then the monthly trend as small line
// charts when asked, the summary table, volume charts and the tables. Inline CSS and SVG only:
// no script, no external resource, so the file can be mailed or archived as it is.

extension ReportRenderer {
    /// Escapes text for html element content and attribute values.
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
        // Wide tables scroll sideways on a phone rather than squeezing the figures.
        out += "<div class=\"scroll\"><table><thead><tr>" + t.columns.map { "<th>" + esc($0.label) + "</th>" }.joined()
        out += "</tr></thead><tbody>\n"
        for r in t.rows {
            out += "<tr>" + r.enumerated().map { i, c in
                var cls: [String] = []
                switch c.json {
                case .number: if i > 0 { cls.append("n") }
                case .bool(let ok): cls.append(ok ? "met" : "missed")
                default: break
                }
                return (cls.isEmpty ? "<td>" : "<td class=\"" + cls.joined(separator: " ") + "\">") + esc(c.text) + "</td>"
            }.joined() + "</tr>\n"
        }
        return out + "</tbody></table></div></section>\n"
    }

    /// One headline tile.
    static func tile(_ h: Headline, previousLabel: String) -> String {
        let state = h.met.map { $0 ? "met" : "missed" } ?? "none"
        var s = "<div class=\"tile " + state + "\"><div class=\"label\">" + esc(h.label) + "</div>"
        s += (h.value == nil ? "<div class=\"value empty\">" : "<div class=\"value\">") + esc(h.valueText) + "</div>"
        if let met = h.met {
            s += "<div class=\"status\">" + (met ? "&#10003; met" : "&#10007; missed") + "</div>"
        }
        if let t = h.targetText { s += "<div class=\"target\">target: " + esc(t) + "</div>" }
        let change: String
        if let c = h.change {
            change = (c == 0 ? "no change" : h.kind.changeText(c)) + " vs " + previousLabel
        } else {
            change = "no figure for " + previousLabel
        }
        s += "<div class=\"change\">" + esc(change) + "</div></div>\n"
        return s
    }

    /// A horizontal bar chart as inline SVG.
    static func barChart(_ title: String, _ bars: [(String, Int)]) -> String {
        let maxValue = max(1, bars.map(\.1).max() ?? 1)
        let rowH = 26, labelW = 110, chartW = 420, h = bars.count * rowH + 10
        let w = labelW + chartW + 60
        var s = "<figure><figcaption>" + esc(title) + "</figcaption>\n"
        s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" role=\"img\" aria-label=\"" + esc(title) + "\">\n"
        for (i, b) in bars.enumerated() {
            let y = i * rowH + 5
            let bw = b.1 * chartW / maxValue
            s += "<text x=\"\(labelW - 8)\" y=\"\(y + 17)\" text-anchor=\"end\">" + esc(b.0) + "</text>"
            s += "<rect x=\"\(labelW)\" y=\"\(y + 3)\" width=\"\(max(bw, b.1 > 0 ? 2 : 0))\" height=\"\(rowH - 8)\" class=\"bar\"/>"
            s += "<text x=\"\(labelW + bw + 6)\" y=\"\(y + 17)\">\(b.1)</text>\n"
        }
        return s + "</svg></figure>\n"
    }

    /// A column chart over time as inline SVG.
    static func columnChart(_ title: String, _ points: [(String, Int)]) -> String {
        let maxValue = max(1, points.map(\.1).max() ?? 1)
        let n = max(1, points.count)
        let plotW = 1000, plotH = 180, left = 40, bottom = 50
        let step = max(4, plotW / n)
        let w = left + step * n + 10, h = plotH + bottom + 10
        var s = "<figure><figcaption>" + esc(title) + "</figcaption>\n"
        s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" role=\"img\" aria-label=\"" + esc(title) + "\">\n"
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

    /// A small line chart of one KPI per month, its first and last values written at the ends;
    /// a month without data breaks the line.
    static func lineChart(_ series: TrendSeries) -> String {
        let w = 300, h = 130, left = 24, right = 24, top = 22, plotH = 70
        let n = series.points.count
        let values = series.points.compactMap(\.1)
        let lo = min(0, values.min() ?? 0), hi = max(values.max() ?? 1, lo + (series.kind == .share ? 0.01 : 1))
        let step = n > 1 ? Double(w - left - right) / Double(n - 1) : 0
        func x(_ i: Int) -> Int { left + Int((Double(i) * step).rounded()) + (n == 1 ? (w - left - right) / 2 : 0) }
        func y(_ v: Double) -> Int { top + plotH - Int(((v - lo) / (hi - lo) * Double(plotH)).rounded()) }
        var s = "<figure class=\"spark\"><figcaption>" + esc(series.title) + "</figcaption>\n"
        s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" role=\"img\" aria-label=\""
            + esc(series.title + " per month") + "\">\n"
        s += "<line x1=\"\(left)\" y1=\"\(top + plotH)\" x2=\"\(w - right)\" y2=\"\(top + plotH)\" class=\"axis\"/>\n"
        var segment: [String] = []
        func flushLine() {
            if segment.count > 1 { s += "<polyline points=\"" + segment.joined(separator: " ") + "\" class=\"line\"/>\n" }
            segment = []
        }
        for (i, p) in series.points.enumerated() {
            guard let v = p.1 else {
                flushLine()
                continue
            }
            segment.append("\(x(i)),\(y(v))")
        }
        flushLine()
        for (i, p) in series.points.enumerated() {
            if let v = p.1 {
                s += "<circle cx=\"\(x(i))\" cy=\"\(y(v))\" r=\"3\" class=\"dot\"><title>" + esc(p.0 + ": " + series.kind.text(v)) + "</title></circle>"
            }
            // Month labels: every one when few, else the first, the last and every third.
            if n <= 6 || i == 0 || i == n - 1 || i % 3 == 0 {
                s += "<text x=\"\(x(i))\" y=\"\(h - 8)\" text-anchor=\"middle\" class=\"small\">" + esc(monthName(p.0, withYear: i == 0)) + "</text>"
            }
            s += "\n"
        }
        let last = series.points.lastIndex(where: { $0.1 != nil })
        if let first = series.points.firstIndex(where: { $0.1 != nil }), let last, last - first >= 2, let v = series.points[first].1 {
            s += "<text x=\"\(x(first))\" y=\"\(y(v) - 7)\" text-anchor=\"start\" class=\"small\">" + esc(series.kind.text(v)) + "</text>"
        }
        if let last, let v = series.points[last].1 {
            s += "<text x=\"\(x(last) + 4)\" y=\"\(y(v) - 7)\" text-anchor=\"end\" class=\"small strong\">" + esc(series.kind.text(v)) + "</text>"
        }
        return s + "\n</svg></figure>\n"
    }

    /// `2026-05` as `May`, or `May 2026` with the year.
    static func monthName(_ label: String, withYear: Bool) -> String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let parts = label.split(separator: "-")
        guard parts.count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return label }
        return names[m - 1] + (withYear || m == 1 ? " " + parts[0] : "")
    }

    static let css = """
        body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","WenQuanYi Zen Hei","Microsoft YaHei",sans-serif;margin:1.5rem auto;max-width:1100px;color:#1b1f24;padding:0 1rem;line-height:1.35}
        h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin:1.6rem 0 .5rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
        p.sub{color:#57606a;margin-top:0}table{border-collapse:collapse;font-size:.9rem;margin:.3rem 0}
        th,td{border:1px solid #d0d7de;padding:.25rem .55rem;text-align:left;vertical-align:top}th{background:#f6f8fa}
        td.n{text-align:right;font-variant-numeric:tabular-nums}tbody tr:nth-child(even){background:#fafbfc}
        td.met{color:#1a7f37;font-weight:600}td.missed{color:#cf222e;font-weight:600}.scroll{overflow-x:auto}
        .tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:.75rem;margin:1rem 0}
        .tile{border:1px solid #d0d7de;border-left:6px solid #8c959f;border-radius:6px;padding:.6rem .75rem;break-inside:avoid}
        .tile.met{border-left-color:#1a7f37}.tile.missed{border-left-color:#cf222e}
        .tile .label{font-size:.85rem;color:#57606a}.tile .value{font-size:1.7rem;font-weight:650;color:#1b1f24;font-variant-numeric:tabular-nums}
        .tile .value.empty{font-size:1rem;font-weight:600;color:#57606a;padding:.45rem 0}
        .tile .status{font-weight:700;font-size:.95rem}.tile.met .status{color:#1a7f37}.tile.missed .status{color:#cf222e}
        .tile .target,.tile .change{font-size:.8rem;color:#57606a}
        figure{margin:1rem 0}figcaption{font-weight:600;margin-bottom:.3rem}svg{max-width:100%;height:auto}
        svg text{font-size:12px;fill:#1b1f24}svg .small{font-size:10px}svg .strong{font-weight:700}
        .bar{fill:#2f81f7}.axis{stroke:#8c959f}.line{fill:none;stroke:#2f81f7;stroke-width:2}.dot{fill:#2f81f7}
        .charts{display:flex;flex-wrap:wrap;gap:1.5rem}.spark{margin:.5rem 0}
        footer{margin-top:2rem;font-size:.8rem;color:#57606a}footer li{margin:.2rem 0}.none{color:#57606a}
        @media (max-width:600px){body{margin:.75rem auto;padding:0 .6rem}h1{font-size:1.3rem}.tiles{grid-template-columns:1fr 1fr;gap:.5rem}
        .tile .value{font-size:1.35rem}}
        @media print{body{max-width:none;margin:0}.scroll{overflow:visible}section,figure{break-inside:avoid}h2{break-after:avoid}}
        """

    static func html(_ d: ReportDocument) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"desk report; policy " + esc(d.policyHash) + "\">\n"
        out += "<title>" + esc(title(d)) + "</title>\n<style>\n" + css + "\n</style>\n</head>\n<body>\n"
        out += "<h1>" + esc(title(d)) + "</h1>\n<p class=\"sub\">" + esc(subtitle(d)) + "</p>\n"
        out += "<section class=\"tiles\">\n"
        for h in d.headlines where h.tile { out += tile(h, previousLabel: d.previous.label) }
        out += "</section>\n"
        if !d.trendSeries.isEmpty {
            out += "<section><h2>Trend, the last \(d.trendSeries[0].points.count) months</h2><div class=\"charts\">\n"
            for s in d.trendSeries { out += lineChart(s) }
            out += "</div></section>\n"
        }
        out += htmlTable(headlineTable(d))
        out += "<section><h2>Volume</h2><div class=\"charts\">\n"
        for c in d.charts.prefix(2) { out += barChart(c.title, c.bars) }
        out += "</div>\n"
        if let trend = d.charts.last, d.charts.count > 2 { out += columnChart(trend.title, trend.bars) }
        out += "</section>\n"
        for t in d.tables where t.key != "trend" { out += htmlTable(t) }
        out += "<footer><h2>Definitions</h2><ul>\n"
        for f in footer(d, bullet: "") { out += "<li>" + esc(f) + "</li>\n" }
        out += "</ul></footer>\n</body>\n</html>\n"
        return out
    }
}
