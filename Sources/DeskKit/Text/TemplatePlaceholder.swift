// Template placeholders left unfilled in a text an agent sends: "处理结果：[处理结果]",
// "原因说明：【原因说明】", "Next update: {{next_update}}", "[insert date]". A reply or a resolution
// filled in from a template and sent with a placeholder still in it says nothing where the
// placeholder stands (seed 004 BRT回复规范: 原因说明、处理方案、处理结果 each said). A bracket is read
// as a placeholder only by its form, so a heading ("【处理结果】已恢复打印"), an error code
// ("[Errno 13]") or a path stays content.

/// Finding an unfilled template placeholder in a text.
enum TemplatePlaceholder {
    /// Brackets that may hold a placeholder: opening → closing.
    static let brackets: [Unicode.Scalar: Unicode.Scalar] = [
        "[": "]", "【": "】", "［": "］", "〔": "〕", "{": "}", "<": ">", "＜": "＞", "｛": "｝",
    ]
    /// The longest placeholder read, in scalars between the brackets.
    static let maximumLength = 40
    /// Words inside brackets that only a placeholder holds, in any position ("[insert date]",
    /// "<填写原因>", "[TBD]"), compared in lower case.
    static let markers: [String] = [
        "insert", "enter the", "enter your", "placeholder", "tbd", "todo", "to be filled", "fill in", "xxx", "yyyy", "dd/mm",
        "填写", "待填", "请填", "此处", "待补充", "请输入", "待定", "某某",
    ]
    /// The last word of a field a template names ("next update", "root cause", 处理结果): in
    /// brackets right after a label and its colon, at the end of the line, such a name is the
    /// field left empty.
    static let fieldWords: Set<String> = [
        "time", "date", "name", "result", "results", "cause", "solution", "steps", "step", "details", "detail", "link", "eta", "outcome",
        "reason", "number", "resolution", "update", "action", "actions", "fix", "description", "summary", "owner", "contact", "status",
        "id", "workaround", "here",
    ]
    static let fieldEndsHan: [String] = [
        "结果", "说明", "方案", "原因", "时间", "日期", "姓名", "名称", "编号", "描述", "步骤", "内容", "链接", "地址", "电话", "单号", "名字", "措施",
        "进展", "处理人", "负责人", "联系人",
    ]

    /// The first unfilled placeholder in `text`, as typed (brackets included), or nil.
    static func first(in text: String) -> String? {
        let u = Array(text.unicodeScalars)
        var i = 0
        while i < u.count {
            guard let close = brackets[u[i]] else {
                i += 1
                continue
            }
            // "{{…}}": a template variable, whatever it names.
            let double = u[i] == "{" && i + 1 < u.count && u[i + 1] == "{"
            let start = i + (double ? 2 : 1)
            var j = start
            while j < u.count, j - start <= maximumLength, u[j] != close, u[j] != "\n", brackets[u[j]] == nil { j += 1 }
            guard j < u.count, u[j] == close, j > start else {
                i += 1
                continue
            }
            let end = double ? (j + 1 < u.count && u[j + 1] == "}" ? j + 2 : nil) : j + 1
            let content = String(String.UnicodeScalarView(u[start..<j])).trimmed
            if let end, !content.isEmpty, isPlaceholder(content, double: double, brace: u[i] == "{", u, from: i, to: end) {
                return String(String.UnicodeScalarView(u[i..<end]))
            }
            i = j + 1
        }
        return nil
    }

    /// Whether bracketed `content` (from `open` up to `end` in `u`) is a placeholder.
    static func isPlaceholder(_ content: String, double: Bool, brace: Bool, _ u: [Unicode.Scalar], from open: Int, to end: Int) -> Bool {
        if double { return true }
        let lower = content.lowercased()
        if markers.contains(where: { lower.contains($0) }) { return true }
        if isIdentifier(content, snakeOnly: !brace) { return true }
        // A field's name alone where its label asks for content: "Result: [RESOLUTION]".
        guard let label = labelBefore(u, open), restOfLineIsEmpty(u, from: end) else { return false }
        return namesAField(content) || lower.filter { !$0.isWhitespace } == label.lowercased().filter { !$0.isWhitespace }
    }

    /// "next_update", "root_cause" (and in braces any identifier: "{name}").
    static func isIdentifier(_ s: String, snakeOnly: Bool) -> Bool {
        let ok = s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "." }
        guard ok, s.unicodeScalars.contains(where: { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }) else { return false }
        return snakeOnly ? s.contains("_") : true
    }

    /// The label before a bracket at `open`: the text on its line before a colon that ends right
    /// before the bracket (spaces allowed between), or nil when the bracket does not follow one.
    static func labelBefore(_ u: [Unicode.Scalar], _ open: Int) -> String? {
        var k = open - 1
        while k >= 0, u[k] == " " || u[k] == "\t" || u[k] == "\u{3000}" { k -= 1 }
        guard k >= 0, u[k] == ":" || u[k] == "：" else { return nil }
        var s = k - 1
        while s >= 0, u[s] != "\n" { s -= 1 }
        let label = String(String.UnicodeScalarView(u[(s + 1)..<k])).trimmed
        return label.isEmpty ? nil : label
    }

    /// Whether nothing but white space and punctuation follows `from` on its line.
    static func restOfLineIsEmpty(_ u: [Unicode.Scalar], from: Int) -> Bool {
        var k = from
        while k < u.count, u[k] != "\n" {
            if u[k].properties.isAlphabetic || u[k].properties.numericType != nil { return false }
            k += 1
        }
        return true
    }

    /// A field's name: "RESOLUTION", "Next update", "root cause", 处理结果, 下次更新时间.
    static func namesAField(_ s: String) -> Bool {
        guard !s.unicodeScalars.contains(where: { $0.properties.numericType != nil }) else { return false }
        if s.unicodeScalars.allSatisfy({ $0.properties.isIdeographic }) {
            return s.unicodeScalars.count <= 10 && fieldEndsHan.contains { s.hasSuffix($0) }
        }
        let words = s.lowercased().split { !$0.isLetter }
        guard let last = words.last, words.count <= 4 else { return false }
        // All capitals is a template's field by its form ("[CUSTOMER NAME]").
        let capitals = s.unicodeScalars.filter { $0.properties.isAlphabetic }
        return fieldWords.contains(String(last)) || (capitals.count >= 3 && capitals.allSatisfy { ("A"..."Z").contains($0) })
    }
}
