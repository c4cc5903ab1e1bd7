// TriageModel: a small, explainable model learnt from the desk's own history (`desk classify
// --learn`): multinomial naive Bayes over character 2- and 3-grams of the normalised title and
// description (so it reads Chinese without word splitting and English without a stemmer), one
// head for priority and one for category. The policy may name a model file; the rules still win
// where they fire, and the model answers only when its posterior is at or above the policy's
// threshold. Its reason gives the confidence and the n-grams that weighed most.

import Glibc

/// A naive Bayes triage model.
public struct TriageModel: Sendable, Equatable {
    /// One prediction target (priority or category).
    public struct Head: Sendable, Equatable {
        public var classes: [String]
        /// log P(class).
        public var logPrior: [Double]
        /// log P(n-gram | class) per n-gram, Laplace-smoothed.
        public var logLikelihood: [String: [Double]]
        /// log P(unseen n-gram | class): the smoothing mass.
        public var logUnseen: [Double]
    }

    /// A prediction with its evidence.
    public struct Prediction: Sendable, Equatable {
        public var label: String
        /// Posterior probability of `label`, 0...1.
        public var confidence: Double
        /// The n-grams of the text that favoured `label` most.
        public var evidence: [String]
    }

    public var priority: Head?
    public var category: Head?
    /// Tickets the model was trained on.
    public var examples: Int

    /// The n-grams of a text: every 2- and 3-scalar window of its normalised form that holds a
    /// letter, digit or Han character.
    public static func ngrams(_ text: String) -> [String] {
        let u = Array(TextNormalizer.fold(text).unicodeScalars)
        var out: [String] = []
        out.reserveCapacity(u.count * 2)
        for n in 2...3 where u.count >= n {
            for i in 0...(u.count - n) {
                let w = u[i..<(i + n)]
                guard w.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else { continue }
                var v = String.UnicodeScalarView()
                v.append(contentsOf: w)
                out.append(String(v))
            }
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
    public static func train(_ examples: [Example], minDocuments: Int = 2, maxFeatures: Int = 40000) -> TriageModel {
        let grams = examples.map { Array(Set(ngrams($0.text))) }
        var df: [String: Int] = [:]
        for g in grams { for x in g { df[x, default: 0] += 1 } }
        var vocab = df.filter { $0.value >= minDocuments }.map { ($0.key, $0.value) }
        vocab.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        let kept = Set(vocab.prefix(maxFeatures).map(\.0))
        func head(_ label: (Example) -> String?) -> Head? {
            var classes: [String] = []
            var docs: [Int] = []
            var counts: [String: [Int]] = [:]
            var totals: [Int] = []
            for (e, g) in zip(examples, grams) {
                guard let l = label(e), !l.isEmpty else { continue }
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
            return Head(classes: classes, logPrior: prior, logLikelihood: ll, logUnseen: denominators.map { log(1 / $0) })
        }
        return TriageModel(priority: head { $0.priority }, category: head { $0.category }, examples: examples.count)
    }

    /// The most likely class of `head` for `text`, with its posterior and the n-grams that
    /// favoured it most against the runner-up.
    public func predict(_ head: Head, _ text: String) -> Prediction? {
        let g = Set(TriageModel.ngrams(text)).filter { head.logLikelihood[$0] != nil }
        var score = head.logPrior
        for x in g {
            guard let l = head.logLikelihood[x] else { continue }
            for c in score.indices { score[c] += l[c] }
        }
        guard let best = score.indices.max(by: { score[$0] < score[$1] }) else { return nil }
        let m = score[best]
        let z = score.reduce(0) { $0 + exp($1 - m) }
        let second = score.indices.filter { $0 != best }.max(by: { score[$0] < score[$1] }) ?? best
        // Shown evidence: n-grams without an edge space (they read as word parts), the ones that
        // favour the answer over the runner-up most first, longer first on a tie.
        let evidence = g.compactMap { x -> (String, Double)? in
            guard let l = head.logLikelihood[x], !x.hasPrefix(" "), !x.hasSuffix(" ") else { return nil }
            return (x, l[best] - l[second])
        }.filter { $0.1 > 0 }.sorted {
            if $0.1 != $1.1 { return $0.1 > $1.1 }
            if $0.0.count != $1.0.count { return $0.0.count > $1.0.count }
            return $0.0 < $1.0
        }.prefix(5).map(\.0)
        // No n-gram speaks for the answer: the prior alone decided, so the model has nothing to say.
        guard !evidence.isEmpty else { return nil }
        return Prediction(label: head.classes[best], confidence: 1 / z, evidence: Array(evidence))
    }

    // MARK: JSON

    /// The model as JSON (numbers to 4 decimals).
    public var json: JSONValue {
        func h(_ head: Head?) -> JSONValue {
            guard let head else { return .null }
            let keys = head.logLikelihood.keys.sorted()
            return .object([
                "classes": .array(head.classes.map { .string($0) }),
                "log_prior": .array(head.logPrior.map(TriageModel.number)),
                "log_unseen": .array(head.logUnseen.map(TriageModel.number)),
                "ngrams": .object(JSONObject(keys.map { k in JSONMember(k, .array((head.logLikelihood[k] ?? []).map(TriageModel.number))) })),
            ])
        }
        return .object([
            "kind": .string("desk-naive-bayes"), "version": .int(1), "features": .string("character 2- and 3-grams of the normalised title and description"),
            "examples": .int(examples), "priority": h(priority), "category": h(category),
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
            guard let h = raw.objectValue, let classes = h["classes"]?.arrayValue?.compactMap(\.stringValue),
                let prior = h["log_prior"]?.arrayValue?.compactMap(\.doubleValue),
                let unseen = h["log_unseen"]?.arrayValue?.compactMap(\.doubleValue), let grams = h["ngrams"]?.objectValue,
                classes.count >= 2, prior.count == classes.count, unseen.count == classes.count
            else { return .failure(ModelError(message: "\(key): expected classes, log_prior, log_unseen and ngrams of one length")) }
            var ll: [String: [Double]] = [:]
            for m in grams.members {
                guard let a = m.value.arrayValue?.compactMap(\.doubleValue), a.count == classes.count else {
                    return .failure(ModelError(message: "\(key).ngrams: '\(m.key)' needs \(classes.count) numbers"))
                }
                ll[m.key] = a
            }
            return .success(Head(classes: classes, logPrior: prior, logLikelihood: ll, logUnseen: unseen))
        }
        switch (head("priority"), head("category")) {
        case (.success(let p), .success(let c)):
            return .success(TriageModel(priority: p, category: c, examples: o["examples"]?.intValue ?? 0))
        case (.failure(let e), _), (_, .failure(let e)):
            return .failure(e)
        }
    }

    /// Why a model file cannot be read.
    public struct ModelError: Error, Sendable, Equatable {
        public var message: String
    }
}
