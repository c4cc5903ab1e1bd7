// What a published article must hold: seed 000 三(三)1 问题归档的标准化模板 — 问题标题 (简明扼要),
// 问题描述 (用户遇到的问题、复现步骤、影响范围), 解决方案 (完整、可执行), 相关日志/截图 (关键证据),
// 标签分类. `kb publish` refuses an article field by field, as `resolve` refuses a resolution;
// `kb check` reports published articles that no longer fill it.

enum ArticleTemplate {
    /// The template's fields: article key, flag, the seed's name.
    static let fields: [(key: String, flag: String, name: String)] = [
        ("title", "title", "问题标题"), ("symptom", "symptom", "问题描述: 现象与复现步骤"), ("impact", "impact", "影响范围"),
        ("solution", "solution", "解决方案"), ("evidence", "evidence", "相关日志/截图"), ("tags", "tag", "标签分类"),
    ]

    /// The longest title that is still 简明扼要, in characters.
    static let titleLimit = 80
    /// The shortest useful description of the problem, in characters.
    static let symptomMinimum = 10

    /// One line per unfilled field: `title (问题标题): why; give --title TEXT`. Empty when the
    /// article may be published.
    static func problems(_ a: Article, lint: PhraseLint) -> [String] {
        var out: [String] = []
        for f in fields {
            var why: [String] = []
            let values = a.strings(f.key).map(\.trimmed).filter { !$0.isEmpty }
            if values.isEmpty {
                why.append("missing")
            } else {
                switch f.key {
                case "title":
                    let n = values[0].count
                    if n > titleLimit { why.append("\(n) characters; keep it under \(titleLimit) (简明扼要)") }
                case "symptom":
                    let n = values.reduce(0) { $0 + $1.count }
                    if n < symptomMinimum { why.append("\(n) characters; say what the user sees and how to reproduce it") }
                case "solution":
                    for (i, step) in values.enumerated() {
                        // The same wording rules as a resolution's solution field.
                        for f in lint.review(field: "solution", step) { why.append("step \(i + 1): \(f.message)") }
                    }
                default: break
                }
            }
            if !why.isEmpty {
                out.append("\(f.key) (\(f.name)): " + why.joined(separator: "; ") + "; give --\(f.flag) TEXT")
            }
        }
        return out
    }
}
