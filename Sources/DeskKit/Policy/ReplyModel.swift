// ReplyModel: a naive Bayes reading of a whole reply, learnt from labelled replies (`desk reply
// --learn`), beside the phrase families. Why: the families catch the seed's phrases and their
// forms, but writers keep finding new ways to blame, deflect or say only "done" (measured: 15–30%
// of the bad replies in each new blind set passed the families). Such replies share a register —
// no number, time, name or step of the agent's own; "unfortunately", "we value", 高度重视 — which
// words and word pairs read without word lists. Words, not character n-grams (version 1): left
// out of learning a set at a time they refused more bad replies at fewer good ones (Python
// replica, 2,547 replies: at the shipped threshold 515 of 533 bad refused at 10 of 1,211 good,
// against 507 at 12; on four fresh writers' sets 67 of 73 against 59). The model only adds
// refusals: it speaks when the families found nothing, at or above the policy's threshold, and
// its reason gives the words that weighed most so the agent sees why (docs/POLICY.md).

/// The learnt reply model: one naive Bayes head with the classes "keep" and "refuse".
public struct ReplyModel: Sendable, Equatable {
    /// The head; its classes are "keep" and "refuse" in the order first met.
    public let head: TriageModel.Head
    /// Replies the model was learnt from.
    public let examples: Int

    /// One labelled reply.
    public struct Example: Sendable {
        public var text: String
        public var refuse: Bool
        public init(text: String, refuse: Bool) {
            self.text = text
            self.refuse = refuse
        }
    }

    /// The shortest n-gram a version 1 (character) model reads: single characters carry much of a
    /// short reply (a digit, 您, ?).
    static let smallest = 1

    /// Learns from labelled replies; nil unless both kinds are among them. Every word and word
    /// pair seen in two replies or more is kept (a few thousand replies make a small model).
    public static func train(_ examples: [Example]) -> ReplyModel? {
        let grams = examples.map { Array(Set(features(TextNormalizer.foldedScalars($0.text)))) }
        let kept = TriageModel.vocabulary(grams, minDocuments: 2, maxFeatures: 40000)
        let labelled = zip(examples, grams).map { e, g in (grams: g, label: Optional(e.refuse ? "refuse" : "keep")) }
        guard let head = TriageModel.learnHead(labelled, kept: kept, smallest: 1, unit: .words) else { return nil }
        return ReplyModel(head: head, examples: examples.count)
    }

    /// The words of a normalised reply and each pair of neighbouring words: the triage model's
    /// word features (TriageModel.wordFeatures), one reading for both models.
    static func features(_ folded: [Unicode.Scalar]) -> [String] { TriageModel.wordFeatures(folded) }

    /// A model from a head that has the classes "keep" and "refuse"; nil otherwise.
    init?(head: TriageModel.Head, examples: Int) {
        guard Set(head.classes) == ["keep", "refuse"] else { return nil }
        self.head = head
        self.examples = examples
    }

    /// How surely the model reads `text` as a reply to refuse, with what weighed most for it
    /// (as `ReplyModel.readable` shows it); nil when it reads it as one to keep or has nothing
    /// to go on.
    public func refusal(_ text: String) -> TriageModel.Prediction? {
        let folded = TextNormalizer.foldedScalars(text)
        guard ReplyModel.length(folded) >= ReplyModel.minimumLength else { return nil }
        switch head.unit {
        case .words:
            guard let p = head.predictWords(folded), p.label == "refuse" else { return nil }
            return p
        case .characters:
            guard var p = head.predict(scalars: folded), p.label == "refuse" else { return nil }
            p.evidence = ReplyModel.readable(p.evidence, in: folded)
            return p
        }
    }

    /// The shortest reply the model reads, in `length` units (about 30 letters or 15 Chinese
    /// characters). Why: a short reply gives it a handful of n-grams, and one of them decides
    /// ("还有问题吗？" read as "没问题" blame, "…again now." as "works now"); short replies are the
    /// families' to judge, and the model's worth is in long ones whose fault is their register
    /// (measured leave-one-set-out: of the 19 bad replies blind11 to blind14 got past the
    /// families, 18 are longer, and it still refuses 11 of them).
    static let minimumLength = 30

    /// Letters and digits count 1, Han characters 2 (LintText.units).
    static func length(_ folded: [Unicode.Scalar]) -> Int {
        folded.reduce(0) { $0 + LintText.units($1) }
    }

    /// The evidence as a reader takes it in: a Latin n-gram ("dor") is shown as the word of the
    /// text it came from ("vendor"); Chinese n-grams stay as they are (no spaces mark words);
    /// n-grams that are only punctuation at an edge lose it (",你" → "你"); repeats go.
    static func readable(_ grams: [String], in folded: [Unicode.Scalar]) -> [String] {
        var out: [String] = []
        for g in grams {
            var u = Array(g.unicodeScalars)
            while let f = u.first, !LintText.isContent(f) { u.removeFirst() }
            while let l = u.last, !LintText.isContent(l) { u.removeLast() }
            guard !u.isEmpty else { continue }
            var shown = String(String.UnicodeScalarView(u))
            if !u.contains(where: TextNormalizer.isHan), let at = ReplyModel.find(u, in: folded) {
                func latin(_ i: Int) -> Bool { LintText.isContent(folded[i]) && !TextNormalizer.isHan(folded[i]) }
                var a = at
                var b = at + u.count
                while a > 0 && latin(a - 1) { a -= 1 }
                while b < folded.count && latin(b) { b += 1 }
                shown = String(String.UnicodeScalarView(folded[a..<b]))
            }
            if !out.contains(shown) { out.append(shown) }
        }
        return out
    }

    /// The first offset of `needle` in `hay`.
    static func find(_ needle: [Unicode.Scalar], in hay: [Unicode.Scalar]) -> Int? {
        guard !needle.isEmpty, needle.count <= hay.count else { return nil }
        for i in 0...(hay.count - needle.count) where hay[i] == needle[0] {
            if hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return nil
    }

    // MARK: files

    /// The kind a reply model file declares.
    static let kind = "desk-reply-naive-bayes"

    /// The model as JSON (numbers to 4 decimals): version 2 reads words (its head says "unit":
    /// "words"); files of version 1 (character n-grams) are still read.
    public var json: JSONValue {
        let words = head.unit == .words
        return .object([
            "kind": .string(ReplyModel.kind), "version": .int(words ? 2 : 1),
            "features": .string(words ? "words and neighbouring word pairs of the normalised reply" : "character 1- to 3-grams of the normalised reply"),
            "examples": .int(examples), "reply": head.json,
        ])
    }

    /// Reads a model written by `json`.
    public static func decode(_ v: JSONValue) -> Result<ReplyModel, TriageModel.ModelError> {
        guard let o = v.objectValue, o["kind"]?.stringValue == kind else {
            return .failure(TriageModel.ModelError(message: "not a reply model (expected \"kind\": \"\(kind)\")"))
        }
        guard let raw = o["reply"] else { return .failure(TriageModel.ModelError(message: "reply: missing")) }
        switch TriageModel.Head.decode(raw, "reply") {
        case .success(let h):
            guard let m = ReplyModel(head: h, examples: o["examples"]?.intValue ?? 0) else {
                return .failure(TriageModel.ModelError(message: "reply.classes: expected \"keep\" and \"refuse\""))
            }
            return .success(m)
        case .failure(let e): return .failure(e)
        }
    }

    /// The model desk ships (`"model": "desk:builtin"` in `phrases`): learnt from the labelled
    /// replies in Tests/Fixtures/language (BuiltinReplyModel.swift, written by
    /// scripts/learn-builtin-model.sh). Decoded once per process, on first use.
    public static let builtin: ReplyModel = {
        // The text is generated and checked by a test, so failing here is a build defect.
        switch TriageModel.decodeCompact(builtinReplyText) {
        case .success(let m):
            guard let h = m.priority, let r = ReplyModel(head: h, examples: m.examples) else {
                preconditionFailure("built-in reply model has no keep/refuse head")
            }
            return r
        case .failure(let e): preconditionFailure("built-in reply model is invalid: " + e.message)
        }
    }()

    /// Reads the model `phrases.model` names (relative to the working directory): the built-in
    /// one, a file, or nil when the policy names none. A missing or malformed file is bad input.
    public static func load(_ policy: Policy, _ ctx: Context) throws(DeskError) -> ReplyModel? {
        guard let path = policy.replyModel else { return nil }
        if path == TriageModel.builtinName { return builtin }
        let value = try ModelFile.read(path, ctx)
        switch decode(value) {
        case .success(let m): return m
        case .failure(let e): throw .data(DataError(file: path, message: "not a reply model: " + e.message))
        }
    }
}
