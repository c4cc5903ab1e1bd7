// TriageModel: a small, explainable model learnt from the desk's own history (`desk classify
// --learn`): multinomial naive Bayes over the words and neighbouring word pairs of the normalised
// title and description (a Han character is a word, so Chinese needs no dictionary and a pair of
// characters is most of its words; files of version 1, over character 2- and 3-grams, are still
// read), one head for priority and one for category. The policy may name a model file; the rules
// still win where they fire, and the model answers only when its posterior is at or above the
// policy's threshold. Its reason gives the confidence and the features that weighed most.

import Glibc

/// A naive Bayes triage model.
public struct TriageModel: Sendable, Equatable {
    /// One prediction target (priority or category).
    public struct Head: Sendable, Equatable {
        public let classes: [String]
        /// log P(class).
        public let logPrior: [Double]
        /// log P(n-gram | class) per n-gram, Laplace-smoothed.
        public let logLikelihood: [String: [Double]]
        /// log P(unseen n-gram | class): the smoothing mass.
        public let logUnseen: [Double]
        /// The shortest n-gram the head reads: 2 for triage (title and description), 1 for a
        /// character reply model (version 1), whose short texts say much in single characters.
        public let smallest: Int
        /// What the head's features are: character n-grams (version 1 files, triage or reply) or
        /// words and word pairs (version 2: `wordFeatures`, what learning writes now).
        public let unit: Unit
        /// `logLikelihood` keyed by the n-gram's scalars, for scoring without a String per n-gram.
        let table: GramTable

        /// The kinds of feature a head reads.
        public enum Unit: String, Sendable, Equatable {
            case characters, words
        }

        public init(
            classes: [String], logPrior: [Double], logLikelihood: [String: [Double]], logUnseen: [Double], smallest: Int = 2,
            unit: Unit = .characters
        ) {
            self.classes = classes
            self.logPrior = logPrior
            self.logLikelihood = logLikelihood
            self.logUnseen = logUnseen
            self.smallest = smallest
            self.unit = unit
            self.table = GramTable(logLikelihood, classes: classes.count, words: unit == .words)
        }

        /// A head read back in its n-grams' order (the compact built-in text): the table is
        /// built in that order, without sorting the n-grams again.
        init(
            classes: [String], logPrior: [Double], ordered: [(gram: String, weights: [Double])], logUnseen: [Double], smallest: Int = 2,
            unit: Unit = .characters
        ) {
            self.classes = classes
            self.logPrior = logPrior
            self.logLikelihood = Dictionary(ordered, uniquingKeysWith: { a, _ in a })
            self.logUnseen = logUnseen
            self.smallest = smallest
            self.unit = unit
            self.table = GramTable(ordered, classes: classes.count, words: unit == .words)
        }

        public static func == (a: Head, b: Head) -> Bool {
            a.classes == b.classes && a.logPrior == b.logPrior && a.logLikelihood == b.logLikelihood && a.logUnseen == b.logUnseen
                && a.smallest == b.smallest && a.unit == b.unit
        }
    }

    /// A prediction with its evidence.
    public struct Prediction: Sendable, Equatable {
        public var label: String
        /// Posterior probability of `label`, 0...1.
        public var confidence: Double
        /// The n-grams of the text that favoured `label` most (empty when the caller said, by
        /// `explainIf`, that it would not use this answer).
        public var evidence: [String]
        /// The posterior of every class, in the head's class order.
        public var posterior: [Double] = []
    }

    public var priority: Head?
    public var category: Head?
    /// Tickets the model was trained on.
    public var examples: Int

    /// The n-grams of a text: every window of `smallest` (2 unless told) to 3 scalars of its
    /// normalised form that holds a letter, digit or Han character.
    public static func ngrams(_ text: String, smallest: Int = 2) -> [String] {
        let u = Array(TextNormalizer.fold(text).unicodeScalars)
        var out: [String] = []
        out.reserveCapacity(u.count * 3)
        for n in max(1, smallest)...3 where u.count >= n {
            for i in 0...(u.count - n) {
                let w = u[i..<(i + n)]
                guard w.contains(where: LintText.isContent) else { continue }
                var v = String.UnicodeScalarView()
                v.append(contentsOf: w)
                out.append(String(v))
            }
        }
        return out
    }

    /// The words of a normalised text and each pair of neighbouring words ("stop emailing",
    /// "转 交"): a word is a run of letters and digits (an apostrophe inside it kept: "don't"), or
    /// one Han character, since Chinese marks no word ends and a pair of characters is most of
    /// its words. Punctuation only separates.
    static func wordFeatures(_ folded: [Unicode.Scalar]) -> [String] {
        let words = wordRanges(folded).map { r in
            var v = String.UnicodeScalarView()
            v.append(contentsOf: folded[r])
            return String(v)
        }
        var out = words
        out.reserveCapacity(words.count * 2)
        for k in words.indices.dropFirst() { out.append(words[k - 1] + " " + words[k]) }
        return out
    }

    /// Where the words of `wordFeatures` are in `folded`, in order.
    static func wordRanges(_ folded: [Unicode.Scalar]) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var i = 0
        while i < folded.count {
            let u = folded[i]
            if TextNormalizer.isHan(u) {
                words.append(i..<(i + 1))
                i += 1
                continue
            }
            guard LintText.isContent(u) else {
                i += 1
                continue
            }
            var j = i + 1
            while j < folded.count {
                let x = folded[j]
                if LintText.isContent(x) && !TextNormalizer.isHan(x) {
                    j += 1
                } else if x == "'" && j + 1 < folded.count && LintText.isContent(folded[j + 1]) && !TextNormalizer.isHan(folded[j + 1]) {
                    j += 2
                } else {
                    break
                }
            }
            words.append(i..<j)
            i = j
        }
        return words
    }

    /// `wordFeatures` as the keys a words head's table finds them by (GramTable.wordKey of each
    /// feature's scalars), made without a String: a pair's key continues its first word's hash
    /// over the space and the second word. Why: classify scores every ticket, and a String per
    /// word and pair made the words model a third slower than the character one.
    static func wordKeys(_ folded: [Unicode.Scalar]) -> [UInt64] {
        let ranges = wordRanges(folded)
        var states: [UInt64] = []
        states.reserveCapacity(ranges.count)
        var out: [UInt64] = []
        out.reserveCapacity(ranges.count * 2)
        for r in ranges {
            let h = GramTable.wordHash(folded[r], from: GramTable.wordHashStart)
            states.append(h)
            out.append(GramTable.wordKey(state: h))
        }
        for k in ranges.indices.dropFirst() {
            let h = GramTable.wordHash(folded[ranges[k]], from: GramTable.wordHash(CollectionOfOne(" "), from: states[k - 1]))
            out.append(GramTable.wordKey(state: h))
        }
        return out
    }

    /// Word evidence as a reader takes it in: a pair of Han characters without the space between
    /// them ("转 交" → "转交"); repeats go.
    static func readableWords(_ features: [String]) -> [String] {
        var out: [String] = []
        for f in features {
            let u = Array(f.unicodeScalars)
            var shown = f
            if u.count == 3, u[1] == " ", TextNormalizer.isHan(u[0]), TextNormalizer.isHan(u[2]) {
                shown = String(Character(u[0])) + String(Character(u[2]))
            }
            if !out.contains(shown) { out.append(shown) }
        }
        return out
    }

    /// One labelled ticket for training.
    public struct Example: Sendable {
        public var text: String
        public var priority: String?
        public var category: String?
        public init(text: String, priority: String?, category: String?) {
            self.text = text
            self.priority = priority
            self.category = category
        }
    }

    /// Trains both heads. N-grams seen in fewer than `minDocuments` tickets are dropped, and at
    /// most `maxFeatures` (the most frequent) are kept, so the model stays small.
    public static func train(
        _ examples: [Example], unit: Head.Unit = .words, minDocuments: Int = 2, maxFeatures: Int = 40000
    ) -> TriageModel {
        let grams = examples.map { e in Array(Set(features(TextNormalizer.foldedScalars(e.text), unit: unit))) }
        let kept = vocabulary(grams, minDocuments: minDocuments, maxFeatures: maxFeatures)
        let smallest = unit == .words ? 1 : 2
        return TriageModel(
            priority: learnHead(zip(examples, grams).map { ($1, $0.priority) }, kept: kept, smallest: smallest, unit: unit),
            category: learnHead(zip(examples, grams).map { ($1, $0.category) }, kept: kept, smallest: smallest, unit: unit),
            examples: examples.count)
    }

    /// What a head of `unit` reads of a folded text: its words and word pairs, or its character
    /// 2- and 3-grams.
    static func features(_ folded: [Unicode.Scalar], unit: Head.Unit) -> [String] {
        switch unit {
        case .words: return wordFeatures(folded)
        case .characters:
            var v = String.UnicodeScalarView()
            v.append(contentsOf: folded)
            return ngrams(String(v))
        }
    }

    /// The n-grams kept for learning: seen in at least `minDocuments` texts, the `maxFeatures`
    /// most frequent (ties in the n-grams' order, so learning is the same on every run).
    static func vocabulary(_ grams: [[String]], minDocuments: Int, maxFeatures: Int) -> Set<String> {
        var df: [String: Int] = [:]
        for g in grams { for x in g { df[x, default: 0] += 1 } }
        var vocab = df.filter { $0.value >= minDocuments }.map { ($0.key, $0.value) }
        vocab.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return Set(vocab.prefix(maxFeatures).map(\.0))
    }

    /// One head learnt from texts' distinct n-grams and their labels (texts without a label are
    /// left out): Laplace-smoothed multinomial naive Bayes; nil with fewer than two classes.
    static func learnHead(
        _ labelled: [(grams: [String], label: String?)], kept: Set<String>, smallest: Int = 2, unit: Head.Unit = .characters
    ) -> Head? {
        var classes: [String] = []
        var docs: [Int] = []
        var counts: [String: [Int]] = [:]
        var totals: [Int] = []
        for (g, label) in labelled {
            guard let l = label, !l.isEmpty else { continue }
            var c = classes.firstIndex(of: l) ?? -1
            if c < 0 {
                classes.append(l)
                docs.append(0)
                totals.append(0)
                for k in counts.keys { counts[k]?.append(0) }
                c = classes.count - 1
            }
            docs[c] += 1
            for x in g where kept.contains(x) {
                if counts[x] == nil { counts[x] = [Int](repeating: 0, count: classes.count) }
                counts[x]?[c] += 1
                totals[c] += 1
            }
        }
        guard classes.count >= 2 else { return nil }
        let v = Double(max(1, counts.count))
        let n = Double(docs.reduce(0, +))
        let prior = docs.map { log(Double($0) / n) }
        let denominators = totals.map { Double($0) + v }
        var ll: [String: [Double]] = [:]
        for (x, c) in counts { ll[x] = c.indices.map { log((Double(c[$0]) + 1) / denominators[$0]) } }
        return Head(
            classes: classes, logPrior: prior, logLikelihood: ll, logUnseen: denominators.map { log(1 / $0) }, smallest: smallest, unit: unit)
    }

    /// The most likely class of `head` for `text`, with its posterior and the n-grams that
    /// favoured it most against the runner-up. Each distinct n-gram of `ngrams(text)` the model
    /// knows counts once; they are found by their scalars in `head.table`, so scoring makes no
    /// String per n-gram (classify asks this of every ticket under the built-in policy).
    public func predict(_ head: Head, _ text: String) -> Prediction? {
        predict(head, scalars: TextNormalizer.foldedScalars(text))
    }

    /// `predict` for a text already folded (TextNormalizer.fold), as scalars: the classifier
    /// folds a ticket's title and description once for its rules and both heads.
    /// `explainIf` says, from the answer and its posterior, whether the evidence is wanted: the
    /// classifier asks it only of an answer it will use (finding the five n-grams compares
    /// strings; most tickets' answers are not taken).
    /// A words head reads the text's words (`wordFeatures`, passed in when the caller made them
    /// already, as the classifier does once per ticket for both heads), its evidence shown as
    /// words; a characters head reads the scalars' n-grams.
    func predict(
        _ head: Head, scalars u: [Unicode.Scalar], words: [UInt64]? = nil, explainIf: (String, Double) -> Bool = { _, _ in true }
    ) -> Prediction? {
        guard head.unit == .words else { return head.predict(scalars: u, explainIf: explainIf) }
        return head.predictWords(u, keys: words, explainIf: explainIf)
    }

    // MARK: JSON

    /// The model as JSON (numbers to 4 decimals).
    public var json: JSONValue {
        let words = priority?.unit == .words || category?.unit == .words
        return .object([
            "kind": .string("desk-naive-bayes"), "version": .int(words ? 2 : 1),
            "features": .string(
                words ? "words and neighbouring word pairs of the normalised title and description" : "character 2- and 3-grams of the normalised title and description"),
            "examples": .int(examples), "priority": priority?.json ?? .null, "category": category?.json ?? .null,
        ])
    }

    static func number(_ d: Double) -> JSONValue {
        let scaled = (d * 10000).rounded() / 10000
        if scaled == scaled.rounded() && abs(scaled) < 1e15 { return .number(String(Int64(scaled))) }
        return .number(String(scaled))
    }

    /// Reads a model written by `json`; nil with a reason when it is not one.
    public static func decode(_ v: JSONValue) -> Result<TriageModel, ModelError> {
        guard let o = v.objectValue, o["kind"]?.stringValue == "desk-naive-bayes" else {
            return .failure(ModelError(message: "not a desk model (expected \"kind\": \"desk-naive-bayes\")"))
        }
        func head(_ key: String) -> Result<Head?, ModelError> {
            guard let raw = o[key], !raw.isNull else { return .success(nil) }
            return Head.decode(raw, key).map { $0 }
        }
        switch (head("priority"), head("category")) {
        case (.success(let p), .success(let c)):
            return .success(TriageModel(priority: p, category: c, examples: o["examples"]?.intValue ?? 0))
        case (.failure(let e), _), (_, .failure(let e)):
            return .failure(e)
        }
    }

    /// The model desk ships (`"model": "desk:builtin"`): the priority and category heads learnt
    /// from the hand-labelled sets (BuiltinTriageModel.swift, written by
    /// scripts/learn-builtin-model.sh). Decoded once per process, on first use.
    public static let builtin: TriageModel = {
        // The texts are generated and checked by a test, so failing here is a build defect.
        switch (decodeCompact(builtinText), decodeCompact(builtinCategoryText)) {
        case (.success(let p), .success(let c)): return TriageModel(priority: p.priority, category: c.priority, examples: p.examples)
        case (.failure(let e), _), (_, .failure(let e)): preconditionFailure("built-in model is invalid: " + e.message)
        }
    }()

    /// The policy's name for the built-in model.
    public static let builtinName = "desk:builtin"

    /// Reads the compact form of one head (returned as the priority head): "examples N", "classes A B C", "log_prior"
    /// and "log_unseen" lines (and "smallest_ngram 1" for a head that reads 1-grams, "unit words" for one that reads words), then one line per n-gram (scalars in hex joined by ",", then
    /// one weight per class), weights as integers of 1/10000.
    static func decodeCompact(_ text: String) -> Result<TriageModel, ModelError> {
        var classes: [String] = []
        var prior: [Double] = []
        var unseen: [Double] = []
        var examples = 0
        var smallest = 2
        var unit = Head.Unit.characters
        var ll: [(gram: String, weights: [Double])] = []
        ll.reserveCapacity(text.utf8.count / 32)
        // Read from the bytes, field by field: the built-in text has some ten thousand lines and
        // is read by every classify, so no String or array per field.
        var text = text
        let failure: ModelError? = text.withUTF8 { u -> ModelError? in
            var i = 0
            var lineNumber = 0
            var feature: [UInt8] = []
            /// The next space-separated field of the current line, as a byte range.
            func field() -> Range<Int>? {
                guard i < u.count, u[i] != 0x0A else { return nil }
                let start = i
                while i < u.count && u[i] != 0x20 && u[i] != 0x0A { i += 1 }
                let r = start..<i
                if i < u.count && u[i] == 0x20 { i += 1 }
                return r
            }
            func integer(_ r: Range<Int>) -> Int? {
                var j = r.lowerBound
                let negative = j < r.upperBound && u[j] == 0x2D
                if negative { j += 1 }
                guard j < r.upperBound else { return nil }
                var v = 0
                while j < r.upperBound {
                    let d = Int(u[j]) - 0x30
                    guard d >= 0 && d <= 9 else { return nil }
                    v = v * 10 + d
                    j += 1
                }
                return negative ? -v : v
            }
            func numbers() -> [Double]? {
                var out: [Double] = []
                while let r = field() {
                    guard let v = integer(r) else { return nil }
                    out.append(Double(v) / 10000)
                }
                return out
            }
            func word(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: u[r]), as: UTF8.self) }
            while i < u.count {
                lineNumber += 1
                guard let head = field() else { i += 1; continue }
                switch word(head) {
                case "examples": examples = field().flatMap(integer) ?? 0
                case "classes":
                    while let r = field() { classes.append(word(r)) }
                case "log_prior": prior = numbers() ?? []
                case "log_unseen": unseen = numbers() ?? []
                case "smallest_ngram": smallest = field().flatMap(integer) ?? 2
                case "unit":
                    guard let r = field(), let u = Head.Unit(rawValue: word(r)) else {
                        return ModelError(message: "line \(lineNumber): unit is \"characters\" or \"words\"")
                    }
                    unit = u
                default:
                    // The feature's UTF-8, made once into one reused buffer: a String grown a
                    // scalar at a time cost a tenth of every classify's start-up.
                    feature.removeAll(keepingCapacity: true)
                    var j = head.lowerBound
                    while j < head.upperBound {
                        var x: UInt32 = 0
                        let start = j
                        while j < head.upperBound && u[j] != 0x2C {
                            let c = u[j] | 0x20
                            let d: UInt8? = c >= 0x30 && c <= 0x39 ? c - 0x30 : (c >= 0x61 && c <= 0x66 ? c - 0x61 + 10 : nil)
                            guard let d, x < 0x11_0000 else { return ModelError(message: "line \(lineNumber): '\(word(head))' is not an n-gram") }
                            x = x << 4 | UInt32(d)
                            j += 1
                        }
                        guard j > start, let s = Unicode.Scalar(x) else {
                            return ModelError(message: "line \(lineNumber): '\(word(head))' is not an n-gram")
                        }
                        UTF8.encode(s) { feature.append($0) }
                        j += 1
                    }
                    guard let w = numbers(), w.count == classes.count else {
                        return ModelError(message: "line \(lineNumber): needs \(classes.count) weights")
                    }
                    ll.append((String(decoding: feature, as: UTF8.self), w))
                }
                // Past the line's end.
                while i < u.count && u[i] != 0x0A { i += 1 }
                i += 1
            }
            return nil
        }
        if let failure { return .failure(failure) }
        guard classes.count >= 2, prior.count == classes.count, unseen.count == classes.count else {
            return .failure(ModelError(message: "expected classes, log_prior and log_unseen of one length"))
        }
        return .success(TriageModel(
            priority: Head(classes: classes, logPrior: prior, ordered: ll, logUnseen: unseen, smallest: smallest, unit: unit), category: nil,
            examples: examples))
    }

    /// Why a model file cannot be read.
    public struct ModelError: Error, Sendable, Equatable {
        public var message: String
    }
}

extension TriageModel.Head {
    /// The head as JSON (numbers to 4 decimals); `smallest_ngram` only when it is not 2 and
    /// `unit` only when it is words, so triage model files read as before.
    var json: JSONValue {
        let keys = logLikelihood.keys.sorted()
        var members: [JSONMember] = [
            JSONMember("classes", .array(classes.map { .string($0) })),
            JSONMember("log_prior", .array(logPrior.map(TriageModel.number))),
            JSONMember("log_unseen", .array(logUnseen.map(TriageModel.number))),
        ]
        if smallest != 2 { members.append(JSONMember("smallest_ngram", .int(smallest))) }
        if unit != .characters { members.append(JSONMember("unit", .string(unit.rawValue))) }
        members.append(JSONMember("ngrams", .object(JSONObject(keys.map { k in JSONMember(k, .array((logLikelihood[k] ?? []).map(TriageModel.number))) }))))
        return .object(JSONObject(members))
    }

    /// Reads a head written by `json`; the failure names `key`, the member it was read from.
    static func decode(_ raw: JSONValue, _ key: String) -> Result<TriageModel.Head, TriageModel.ModelError> {
        guard let h = raw.objectValue, let classes = h["classes"]?.arrayValue?.compactMap(\.stringValue),
            let prior = h["log_prior"]?.arrayValue?.compactMap(\.doubleValue),
            let unseen = h["log_unseen"]?.arrayValue?.compactMap(\.doubleValue), let grams = h["ngrams"]?.objectValue,
            classes.count >= 2, prior.count == classes.count, unseen.count == classes.count
        else { return .failure(TriageModel.ModelError(message: "\(key): expected classes, log_prior, log_unseen and ngrams of one length")) }
        var smallest = 2
        if let raw = h["smallest_ngram"] {
            guard let n = raw.intValue, (1...3).contains(n) else {
                return .failure(TriageModel.ModelError(message: "\(key).smallest_ngram: expected 1, 2 or 3"))
            }
            smallest = n
        }
        var unit = TriageModel.Head.Unit.characters
        if let raw = h["unit"] {
            guard let u = raw.stringValue.flatMap(TriageModel.Head.Unit.init(rawValue:)) else {
                return .failure(TriageModel.ModelError(message: "\(key).unit: expected \"characters\" or \"words\""))
            }
            unit = u
        }
        var ll: [String: [Double]] = [:]
        for m in grams.members {
            guard let a = m.value.arrayValue?.compactMap(\.doubleValue), a.count == classes.count else {
                return .failure(TriageModel.ModelError(message: "\(key).ngrams: '\(m.key)' needs \(classes.count) numbers"))
            }
            ll[m.key] = a
        }
        return .success(TriageModel.Head(classes: classes, logPrior: prior, logLikelihood: ll, logUnseen: unseen, smallest: smallest, unit: unit))
    }
}

extension TriageModel.Head {
    /// The most likely class for a folded text's scalars, as `TriageModel.predict` describes.
    func predict(scalars u: [Unicode.Scalar], explainIf: (String, Double) -> Bool = { _, _ in true }) -> TriageModel.Prediction? {
        let k = classes.count
        guard k >= 1, unit == .characters, u.count >= max(1, smallest) else { return nil }
        let t = table
        var score = logPrior
        var found = [Int32](repeating: 0, count: 3 * u.count)
        var nFound = 0
        // One straight loop over raw buffers: no bounds or uniqueness check per n-gram.
        let seenWords = (t.grams.count + 63) / 64
        let seen = UnsafeMutablePointer<UInt64>.allocate(capacity: max(1, seenWords))
        seen.initialize(repeating: 0, count: max(1, seenWords))
        defer { seen.deallocate() }
        u.withUnsafeBufferPointer { u in
            t.keys.withUnsafeBufferPointer { keys in
                t.slots.withUnsafeBufferPointer { slots in
                    t.weights.withUnsafeBufferPointer { weights in
                        score.withUnsafeMutableBufferPointer { score in
                            found.withUnsafeMutableBufferPointer { found in
                                let mask = t.mask
                                let n = u.count
                                let content = UnsafeMutablePointer<Bool>.allocate(capacity: n)
                                defer { content.deallocate() }
                                for j in 0..<n { content[j] = LintText.isContent(u[j]) }
                                /// Counts the n-gram of `key` once, when the head knows it.
                                @inline(__always) func take(_ key: UInt64) {
                                    var h = GramTable.hash(key) & mask
                                    var e = -1
                                    while true {
                                        let x = keys[h]
                                        if x == key { e = Int(slots[h]); break }
                                        if x == 0 { break }
                                        h = (h + 1) & mask
                                    }
                                    guard e >= 0 else { return }
                                    let bit = UInt64(1) << UInt64(e & 63)
                                    if seen[e >> 6] & bit != 0 { return }
                                    seen[e >> 6] |= bit
                                    found[nFound] = Int32(e)
                                    nFound += 1
                                    for c in 0..<k { score[c] += weights[e * k + c] }
                                }
                                if smallest <= 1 {
                                    for j in 0..<n where content[j] { take(GramTable.key(u[j].value)) }
                                }
                                guard n >= 2 else { return }
                                var c0 = content[0]
                                var c1 = content[1]
                                var i = 0
                                // 2-grams first, then 3-grams: each distinct n-gram counts once.
                                for size in 2...3 {
                                    if size == 3 {
                                        guard n >= 3 else { break }
                                        c0 = content[0]
                                        c1 = content[1]
                                    }
                                    i = 0
                                    while i + size <= n {
                                        let c2 = size == 3 ? content[i + 2] : false
                                        defer {
                                            c0 = c1
                                            c1 = size == 3 ? c2 : (i + 2 < n ? content[i + 2] : false)
                                            i += 1
                                        }
                                        guard c0 || c1 || c2 else { continue }
                                        take(GramTable.key(u[i].value, u[i + 1].value, size == 3 ? u[i + 2].value : nil))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return conclude(score, found[0..<nFound], explainIf: explainIf)
    }

    /// The features of a text that the head reads as words (`wordFeatures`), each counted
    /// once: the most likely class, as `predict(scalars:)` gives it for n-grams.
    func predict(words: [String], explainIf: (String, Double) -> Bool = { _, _ in true }) -> TriageModel.Prediction? {
        predict(wordKeys: words.map { GramTable.wordKey($0.unicodeScalars) }, explainIf: explainIf)
    }

    /// `predict(wordKeys:)` for a folded text (its keys made here unless given), the evidence
    /// shown as words (`readableWords`): what the classifier and the reply model ask of a words
    /// head.
    func predictWords(
        _ folded: [Unicode.Scalar], keys: [UInt64]? = nil, explainIf: (String, Double) -> Bool = { _, _ in true }
    ) -> TriageModel.Prediction? {
        guard var p = predict(wordKeys: keys ?? TriageModel.wordKeys(folded), explainIf: explainIf) else { return nil }
        p.evidence = TriageModel.readableWords(p.evidence)
        return p
    }

    /// `predict(words:)` from the features' keys (`TriageModel.wordKeys`).
    func predict(wordKeys keys: [UInt64], explainIf: (String, Double) -> Bool = { _, _ in true }) -> TriageModel.Prediction? {
        let k = classes.count
        guard k >= 1, unit == .words, !keys.isEmpty else { return nil }
        var score = logPrior
        var found: [Int32] = []
        var seen = Set<Int32>()
        for key in keys {
            guard let e = table.entry(key).map(Int32.init), seen.insert(e).inserted else { continue }
            found.append(e)
            for c in 0..<k { score[c] += table.weights[Int(e) * k + c] }
        }
        return conclude(score, found[...], explainIf: explainIf)
    }

    /// The prediction from the summed log-likelihoods of the features found (`score`, the prior
    /// included) and which entries they were: tempered, with its evidence.
    private func conclude(_ summed: [Double], _ found: ArraySlice<Int32>, explainIf: (String, Double) -> Bool) -> TriageModel.Prediction? {
        let k = classes.count
        let t = table
        var score = summed
        let nFound = found.count
        // Tempered: naive Bayes counts overlapping n-grams of one word as independent evidence,
        // so its certainty grows with the length of the text, not with what the text says (a
        // long e-mail full of ordinary words read as "1.00 high"). The n-grams' sum is divided
        // by the square root of how many there are.
        let scale = 1 / Double(max(1, nFound)).squareRoot()
        for c in score.indices { score[c] = logPrior[c] + (score[c] - logPrior[c]) * scale }
        guard let best = score.indices.max(by: { score[$0] < score[$1] }) else { return nil }
        let m = score[best]
        let z = score.reduce(0) { $0 + exp($1 - m) }
        let second = score.indices.filter { $0 != best }.max(by: { score[$0] < score[$1] }) ?? best
        // No n-gram speaks for the answer: the prior alone decided, so the model has nothing to say.
        let speaks = found.contains { e in
            t.plain[Int(e)] && t.weights[Int(e) * k + best] - t.weights[Int(e) * k + second] > 0
        }
        guard speaks else { return nil }
        let posterior = score.map { exp($0 - m) / z }
        guard explainIf(classes[best], 1 / z) else {
            return TriageModel.Prediction(label: classes[best], confidence: 1 / z, evidence: [], posterior: posterior)
        }
        // Shown evidence: n-grams without an edge space or line break (they read as word parts),
        // the ones that favour the answer over the runner-up most first, longer first on a tie;
        // the best five kept in order as they come, not a sort of all.
        var top: [(gram: String, lift: Double)] = []
        func before(_ a: (gram: String, lift: Double), _ b: (gram: String, lift: Double)) -> Bool {
            if a.lift != b.lift { return a.lift > b.lift }
            if a.gram.count != b.gram.count { return a.gram.count > b.gram.count }
            return a.gram < b.gram
        }
        for e32 in found {
            let e = Int(e32)
            let lift = t.weights[e * k + best] - t.weights[e * k + second]
            guard lift > 0, t.plain[e] else { continue }
            if top.count == 5, let last = top.last, last.lift > lift { continue }
            let x = (gram: t.grams[e], lift: lift)
            if top.count == 5, let last = top.last, !before(x, last) { continue }
            let at = top.firstIndex { before(x, $0) } ?? top.count
            top.insert(x, at: at)
            if top.count > 5 { top.removeLast() }
        }
        return TriageModel.Prediction(label: classes[best], confidence: 1 / z, evidence: top.map(\.gram), posterior: posterior)
    }
}
