// The learnt triage model: training, prediction with evidence, the JSON round trip, and how the
// classifier uses it (rules first, the model only above its threshold; or the model first).
import Testing

@testable import DeskKit

@Suite struct TriageModelTests {
    static let examples: [TriageModel.Example] =
        (0..<20).map { TriageModel.Example(text: "zorblax widget melted \($0)", priority: "high", category: "hardware") }
        + (0..<20).map { TriageModel.Example(text: "quibble form colour \($0)", priority: "low", category: "feature_request") }
        + (0..<20).map { TriageModel.Example(text: "plinth dashboard tint \($0)", priority: "medium", category: "bug") }

    /// The built-in policy with a test model named and the model not first: the rules-first
    /// behaviour the tests below hold.
    static var rulesFirst: Policy {
        var policy = Policy.builtin
        policy.classification.model = "model.json"
        policy.classification.modelFirst = nil
        policy.classification.modelFirstCategory = nil
        return policy
    }

    @Test func learnsAndExplains() throws {
        let m = TriageModel.train(Self.examples)
        #expect(m.examples == 60)
        let head = try #require(m.priority)
        let p = try #require(m.predict(head, "the zorblax widget"))
        #expect(p.label == "high")
        #expect(p.confidence > 0.9)
        #expect(p.evidence.contains { "zorblax widget".contains($0) })
    }

    /// A words head finds features by a hash of their scalars, made from the text without
    /// building the words: the keys are those of the features' Strings, and no two features of
    /// the built-in heads share a key.
    @Test func wordKeysAreTheFeaturesKeys() throws {
        for text in ["The VPN gateway 'vpn-02' can't be reached since 9:00", "财务部整个部门无法登录ERP系统", "混合 text 和中文 don't", ""] {
            let u = TextNormalizer.foldedScalars(text)
            #expect(TriageModel.wordKeys(u) == TriageModel.wordFeatures(u).map { GramTable.wordKey($0.unicodeScalars) }, "\(text)")
        }
        for head in [TriageModel.builtin.priority, TriageModel.builtin.category, Optional(ReplyModel.builtin.head)] {
            let h = try #require(head)
            #expect(h.unit == .words)
            #expect(Set(h.logLikelihood.keys.map { GramTable.wordKey($0.unicodeScalars) }).count == h.logLikelihood.count)
        }
    }

    @Test func jsonRoundTrip() throws {
        let m = TriageModel.train(Self.examples)
        let back = try TriageModel.decode(m.json).get()
        #expect(back.priority?.classes == m.priority?.classes)
        #expect(back.priority?.logLikelihood.count == m.priority?.logLikelihood.count)
        let text = "quibble colour"
        #expect(back.predict(try #require(back.priority), text)?.label == "low")
        #expect(throws: TriageModel.ModelError.self) { try TriageModel.decode(.object(["kind": "other"])).get() }
    }

    @Test func rulesWinAndTheModelAbstainsBelowItsThreshold() {
        let m = TriageModel.train(Self.examples)
        var policy = Self.rulesFirst
        policy.classification.modelThreshold = 0.8
        policy.classification.modelRaise = nil
        let c = Classifier(policy: policy, model: m)
        // No rule fires: the model answers, with its confidence and n-grams.
        let d = c.decide(title: "zorblax widget", description: nil, impact: nil, urgency: nil)
        #expect(d.priority == .high)
        #expect(d.reason.hasPrefix("priority high from the learnt model (confidence "), "\(d.reason)")
        #expect(d.reason.contains("words 'zorblax widget'"), "\(d.reason)")
        #expect(d.category == "hardware")
        // A character model (version 1 files) names its evidence as n-grams.
        let chars = Classifier(policy: policy, model: TriageModel.train(Self.examples, unit: .characters))
        let dc = chars.decide(title: "zorblax widget", description: nil, impact: nil, urgency: nil)
        #expect(dc.priority == .high && dc.reason.contains("n-grams '"), "\(dc.reason)")
        // A rule fires: the rule wins.
        let r = c.decide(title: "zorblax widget: how do I order one?", description: nil, impact: nil, urgency: nil)
        #expect(r.priority == .low)
        #expect(r.reason.hasPrefix("priority low from rule consultation"))
        // Nothing the model knows: it abstains and the default stands.
        let none = c.decide(title: "xx yy", description: nil, impact: nil, urgency: nil)
        #expect(none.source == .fallback)
        // Below the threshold it abstains: a text that mixes two classes' words.
        let mixed = "zorblax quibble"
        let conf = m.priority.flatMap { m.predict($0, mixed) }?.confidence ?? 1
        policy.classification.modelThreshold = min(1, conf + 0.01)
        #expect(Classifier(policy: policy, model: m).decide(title: mixed, description: nil, impact: nil, urgency: nil).source == .fallback)
        policy.classification.modelThreshold = max(0, conf - 0.01)
        #expect(Classifier(policy: policy, model: m).decide(title: mixed, description: nil, impact: nil, urgency: nil).source != .fallback)
    }

    /// With `model_raise`, the model's confident "high" lifts a lower priority the rules gave,
    /// and the reason names both; a high from the rules is never lowered, and without the key
    /// the rules stand.
    @Test func aConfidentHighRaisesTheRulesPriority() {
        let m = TriageModel.train(Self.examples)
        var policy = Self.rulesFirst
        policy.classification.modelRaise = 0.9
        let c = Classifier(policy: policy, model: m)
        let d = c.decide(title: "zorblax widget melted: how do I order one?", description: nil, impact: nil, urgency: nil)
        #expect(d.priority == .high)
        #expect(d.reason.hasPrefix("priority high from the learnt model (confidence "), "\(d.reason)")
        #expect(d.reason.contains("), over low from rule consultation"), "\(d.reason)")
        // The model saying low does not lower the rules' medium.
        let medium = c.decide(title: "quibble form colour is broken", description: nil, impact: nil, urgency: nil)
        #expect(medium.priority == .medium, "\(medium.reason)")
        policy.classification.modelRaise = nil
        let off = Classifier(policy: policy, model: m).decide(
            title: "zorblax widget melted: how do I order one?", description: nil, impact: nil, urgency: nil)
        #expect(off.priority == .low)
    }

    /// A rule that holds (the text says the work goes on: a workaround in place, no impact)
    /// keeps the model from lifting the rules' priority to high, or from answering high where
    /// no rule gives one; the holding rule's words themselves set nothing.
    @Test func aHoldingRuleKeepsTheModelFromLiftingToHigh() {
        let m = TriageModel.train(Self.examples)
        var policy = Self.rulesFirst
        policy.classification.modelRaise = 0.9
        #expect(policy.classification.rules.contains { $0.id == "work_goes_on" && $0.holds })
        let c = Classifier(policy: policy, model: m)
        let lifted = c.decide(title: "zorblax widget melted: how do I order one?", description: nil, impact: nil, urgency: nil)
        #expect(lifted.priority == .high, "\(lifted.reason)")
        let held = c.decide(title: "zorblax widget melted: how do I order one? using paper for now", description: nil, impact: nil, urgency: nil)
        #expect(held.priority == .low, "\(held.reason)")
        #expect(held.reason.contains("; the learnt model's high (confidence "), "\(held.reason)")
        #expect(held.reason.contains(") held back by rule work_goes_on ('using paper')"), "\(held.reason)")
        #expect(!lifted.reason.contains("held back"))
        // No rule sets a priority: the model's high is not taken, the default stands.
        let noRule = c.decide(title: "zorblax widget, not stopping us", description: nil, impact: nil, urgency: nil)
        #expect(noRule.priority == .medium && noRule.source == .fallback, "\(noRule.reason)")
        #expect(noRule.reason.contains("held back by rule no_impact ('not stopping us')"), "\(noRule.reason)")
        // The holding rule's words are read in place: "no workaround" holds nothing.
        let denied = c.decide(title: "zorblax widget melted: how do I order one? no workaround", description: nil, impact: nil, urgency: nil)
        #expect(denied.priority == .high, "\(denied.reason)")
    }

    /// A low that rests on a question's form alone (one consultation keyword of little weight)
    /// gives way to the model's sure medium; a low with stronger evidence, or the model's low or
    /// unsure medium, leaves it.
    @Test func aSureMediumOverrulesALowThatIsOnlyAQuestionsForm() {
        let m = TriageModel.train(Self.examples)
        var policy = Self.rulesFirst
        policy.classification.modelRaise = nil
        let c = Classifier(policy: policy, model: m)
        let d = c.decide(title: "plinth dashboard tint is off again?", description: nil, impact: nil, urgency: nil)
        #expect(d.priority == .medium, "\(d.reason)")
        #expect(d.reason.hasPrefix("priority medium from the learnt model (confidence "), "\(d.reason)")
        #expect(d.reason.contains("), over low from rule consultation ('?')"), "\(d.reason)")
        // The model reads low: the rules' low stands.
        #expect(c.decide(title: "quibble form colour?", description: nil, impact: nil, urgency: nil).priority == .low)
        // Strong evidence of a question (a long how-to keyword, two rules) is not overruled.
        let strong = c.decide(title: "plinth dashboard tint: what is the process and how do I change it?", description: nil, impact: nil, urgency: nil)
        #expect(strong.priority == .low, "\(strong.reason)")
    }

    /// The model's category replaces the rules' only where their evidence is one short keyword
    /// and the model is surer of its own by the margin; strong rule evidence stands. And with
    /// no rule at all, the model answers at the low category bar, not at `model_threshold`.
    @Test func aSureModelCategoryReplacesOneShortKeyword() {
        let m = TriageModel.train(Self.examples)
        var policy = Self.rulesFirst
        policy.classification.modelRaise = nil
        let c = Classifier(policy: policy, model: m)
        // "wifi" (weight 4) says network; the model's words say hardware.
        let weak = c.decide(title: "zorblax widget melted near the wifi", description: nil, impact: nil, urgency: nil)
        #expect(weak.category == "hardware", "\(weak.reason)")
        #expect(weak.reason.contains("category hardware from the learnt model (confidence "), "\(weak.reason)")
        #expect(weak.reason.contains("over network from rule network ('wifi')"), "\(weak.reason)")
        // Several network words: the rules' evidence is strong and stands.
        let strong = c.decide(title: "zorblax widget: wifi down, vpn and router offline", description: nil, impact: nil, urgency: nil)
        #expect(strong.category == "network", "\(strong.reason)")
        // A model that leans to another class, but gives the rule's category a fair share:
        // the answer replaces the rule only by the margin (here 0.66 against 0.34).
        // (Character n-grams: "routers" shares most of its grams with "router".)
        let torn = TriageModel.train(
            Self.examples + (0..<20).map { TriageModel.Example(text: "router cable link \($0)", priority: "medium", category: "network") },
            unit: .characters)
        let text = "melted routers"
        let p = torn.category.flatMap { torn.predict($0, text) }
        let networkShare = torn.category.flatMap { h in h.classes.firstIndex(of: "network").map { p?.posterior[$0] ?? 0 } } ?? 0
        let expected = p.map { $0.confidence - networkShare >= Classifier.weakCategoryMargin ? $0.label : "network" }
        #expect(p?.label == "hardware" && networkShare > 0.2, "\(String(describing: p))")
        #expect(Classifier(policy: policy, model: torn).decide(title: text, description: nil, impact: nil, urgency: nil).category == expected)
        // No rule at all: the model's category answers even below model_threshold.
        policy.classification.modelThreshold = 0.999
        let none = Classifier(policy: policy, model: m).decide(title: "quibble plinth", description: nil, impact: nil, urgency: nil)
        #expect(none.category != nil, "\(none.reason)")
    }

    /// With `model_first`, the model's priority at or above the bar stands over the rules',
    /// higher or lower, and the reason names the rules it overruled; where the two agree, the
    /// rules' keyword is the reason; below the bar the rules decide; a holding rule does not keep
    /// it back. `model_first_category` does the same for the category over strong rule evidence.
    @Test func theModelFirstStandsOverTheRulesEitherWay() throws {
        let m = TriageModel.train(Self.examples)
        var policy = Self.rulesFirst
        policy.classification.modelRaise = nil
        policy.classification.modelFirst = 0.5
        let c = Classifier(policy: policy, model: m)
        let up = c.decide(title: "zorblax widget melted: how do I order one?", description: nil, impact: nil, urgency: nil)
        #expect(up.priority == .high, "\(up.reason)")
        #expect(up.reason.hasPrefix("priority high from the learnt model (confidence "), "\(up.reason)")
        #expect(up.reason.contains("), over low from rule consultation"), "\(up.reason)")
        let down = c.decide(title: "quibble form colour is broken", description: nil, impact: nil, urgency: nil)
        #expect(down.priority == .low, "\(down.reason)")
        #expect(down.reason.contains("), over medium from rule malfunction"), "\(down.reason)")
        let agree = c.decide(title: "quibble form colour: how do I change it?", description: nil, impact: nil, urgency: nil)
        #expect(agree.priority == .low && agree.reason.hasPrefix("priority low from rule consultation"), "\(agree.reason)")
        let held = c.decide(title: "zorblax widget melted: how do I order one? using paper for now", description: nil, impact: nil, urgency: nil)
        #expect(held.priority == .high && !held.reason.contains("held back"), "\(held.reason)")
        // Below the bar the rules decide: the same text with the bar just above the model's
        // confidence is the consultation rule's low.
        let text = "zorblax quibble: how do I order one?"
        let conf = try #require(m.priority.flatMap { m.predict($0, text) }).confidence
        policy.classification.modelFirst = min(1, conf + 0.01)
        let below = Classifier(policy: policy, model: m).decide(title: text, description: nil, impact: nil, urgency: nil)
        #expect(below.priority == .low && below.reason.hasPrefix("priority low from rule consultation"), "\(below.reason)")
        // A high from the rules is taken down only at `model_first_over_high`.
        let crash = "plinth dashboard tint: system crash"
        let sure = try #require(m.priority.flatMap { m.predict($0, crash) })
        #expect(sure.label == "medium")
        #expect(c.decide(title: crash, description: nil, impact: nil, urgency: nil).priority == .medium)
        policy.classification.modelFirst = 0.5
        policy.classification.modelFirstOverHigh = min(1, sure.confidence + 0.01)
        let kept = Classifier(policy: policy, model: m).decide(title: crash, description: nil, impact: nil, urgency: nil)
        #expect(kept.priority == .high && kept.reason.hasPrefix("priority high from rule"), "\(kept.reason)")
        policy.classification.modelFirstOverHigh = nil
        // The category: several network words would stand against a weak model; a sure model
        // comes first.
        let strongText = "zorblax widget: wifi down, vpn and router offline"
        #expect(c.decide(title: strongText, description: nil, impact: nil, urgency: nil).category == "network")
        policy.classification.modelFirstCategory = 0.6
        let cat = Classifier(policy: policy, model: m).decide(title: strongText, description: nil, impact: nil, urgency: nil)
        #expect(cat.category == "hardware", "\(cat.reason)")
        #expect(cat.reason.contains("category hardware from the learnt model (confidence "), "\(cat.reason)")
        #expect(cat.reason.contains("over network from rule network ("), "\(cat.reason)")
    }

    /// The built-in policy puts the model first; a policy file sets `null` to put the rules
    /// first again, and a bar without a model is refused.
    @Test func modelFirstIsSetOrClearedByThePolicyFile() throws {
        #expect(Policy.builtin.classification.modelFirst == 0.5)
        #expect(Policy.builtin.classification.modelFirstOverHigh == 0.8)
        #expect(Policy.builtin.classification.modelFirstCategory == 0.6)
        let cleared = try Policy.decode(text: #"{"classification": {"model_first": null, "model_first_over_high": null, "model_first_category": null}}"#).get()
        #expect(cleared.classification.modelFirst == nil && cleared.classification.modelFirstOverHigh == nil)
        #expect(cleared.classification.modelFirstCategory == nil)
        guard case .failure(let e) = Policy.decode(text: #"{"classification": {"model": null, "model_raise": null, "model_first": 0.5}}"#) else {
            Issue.record("a bar without a model was accepted")
            return
        }
        #expect(e.problems.contains { $0.path == "$.classification.model_first" && $0.message == "needs a model (classification.model)" }, "\(e.problems)")
    }
}
