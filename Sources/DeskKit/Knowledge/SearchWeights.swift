// The ranking's constants, in one place so docs/KB.md can cite them: BM25's k1 and b, and how
// much a term counts in each field (seed 000 三(三)1: the title 简明扼要概括问题核心 says most).

enum SearchWeights {
    static let k1: Float = 1.2
    static let b: Float = 0.75
    static let title: Float = 3
    static let symptom: Float = 2
    static let cause: Float = 1.5
    static let solution: Float = 1
    /// A glossary concept counts this much more than a word: it is a meaning, not a spelling.
    static let concept: Float = 1.5
}
