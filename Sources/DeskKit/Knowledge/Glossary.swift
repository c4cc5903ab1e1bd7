// The glossary compiled for matching: each concept of GlossaryData gets a number, and a text
// that names it in either language gets the term `@N`. Chinese terms are found in the folded
// text in one pass (KeywordMatcher); English terms are looked up among the text's stems, a
// phrase as its stems in a row.

struct Glossary: Sendable {
    /// Each concept's label for output: its first English and first Chinese term.
    let labels: [String]
    let chinese: KeywordMatcher
    /// The concept of each Chinese keyword, by the matcher's keyword index.
    let chineseConcept: [Int]
    /// Stemmed English words or phrases (stems joined by one space) -> concepts.
    let english: [String: [Int]]
    /// The longest English phrase, in words.
    let longestPhrase: Int

    /// The glossary compiled once from GlossaryData.
    static let shared = Glossary(lines: GlossaryData.lines)

    init(lines: [String]) {
        var labels: [String] = []
        var zh: [String] = []
        var zhConcept: [Int] = []
        var en: [String: [Int]] = [:]
        var longest = 1
        for (c, line) in lines.enumerated() {
            let halves = line.split(separator: "=", maxSplits: 1).map(String.init)
            let english = (halves.first ?? "").split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
            let chinese = (halves.count > 1 ? halves[1] : "").split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
            labels.append([english.first, chinese.first(where: { $0.unicodeScalars.contains(where: Tokenizer.isCJK) })]
                .compactMap { $0 }.joined(separator: "/"))
            for term in english + chinese {
                let folded = TextNormalizer.fold(term)
                if folded.unicodeScalars.contains(where: Tokenizer.isCJK) {
                    zh.append(folded)
                    zhConcept.append(c)
                } else {
                    let stems = Glossary.words(folded).map(Stemmer.stem)
                    guard !stems.isEmpty else { continue }
                    longest = max(longest, stems.count)
                    let key = stems.joined(separator: " ")
                    if !(en[key]?.contains(c) ?? false) { en[key, default: []].append(c) }
                }
            }
        }
        self.labels = labels
        self.chinese = KeywordMatcher(zh)
        self.chineseConcept = zhConcept
        self.english = en
        self.longestPhrase = longest
    }

    /// The Latin words of a folded text.
    static func words(_ folded: String) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        for s in folded.unicodeScalars {
            if Tokenizer.isWordScalar(s) {
                current.append(s)
            } else if !current.isEmpty {
                out.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { out.append(String(current)) }
        return out
    }

    /// The concepts a text names, each once, in order of first mention. `stems` are the text's
    /// Latin word stems in order, with "" where a CJK run broke the sentence.
    func concepts(folded scalars: [Unicode.Scalar], stems: [String]) -> [Int] {
        var found: [Int] = []
        var seen = Set<Int>()
        func add(_ c: Int) { if seen.insert(c).inserted { found.append(c) } }
        if scalars.contains(where: Tokenizer.isCJK) {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars)
            for k in chinese.matches(in: String(v)) { add(chineseConcept[k]) }
        }
        for i in stems.indices where !stems[i].isEmpty {
            var key = ""
            for len in 1...longestPhrase {
                let j = i + len - 1
                guard j < stems.count, !stems[j].isEmpty else { break }
                key = len == 1 ? stems[j] : key + " " + stems[j]
                if let cs = english[key] { for c in cs { add(c) } }
            }
        }
        return found
    }
}
