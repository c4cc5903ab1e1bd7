// The built-in rules on the hand-labelled ticket sets under Tests/Fixtures/language (labels
// from seed 000 二(一)3), each with a floor just under what the rules reach, so a policy change
// that hurts triage fails here. tickets.ndjson (308, half Chinese, half English) was written
// before the rules; the two holdout files were written later to measure the rules on text
// they had not seen, and their misses were then used to generalise the rules (docs/POLICY.md
// gives the figures measured before that).
import Foundation
import Testing

@testable import DeskKit

@Suite struct TriageSetTests {
    static func evaluate(_ name: String) throws -> TriageEvaluation {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/language/" + name)
        let text = try String(contentsOf: url, encoding: .utf8)
        let classifier = Classifier(policy: .builtin)
        var e = TriageEvaluation(categories: Policy.builtin.classification.categories)
        for line in text.split(separator: "\n") {
            let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            let label = o["label"] as? [String: Any]
            e.add(
                id: o["id"] as? String ?? "?", title: o["title"] as? String, description: o["description"] as? String,
                labelPriority: label?["priority"] as? String, labelCategory: label?["category"] as? String, classifier: classifier)
        }
        return e
    }

    @Test(arguments: [
        ("tickets.ndjson", 0.96, 0.98, 300),
        ("tickets-holdout.ndjson", 0.96, 0.95, 60),
        ("tickets-holdout2.ndjson", 0.96, 0.95, 60),
        ("tickets-holdout3.ndjson", 0.96, 0.95, 60),
        // Measured once unseen (0.933, high recall 0.80); its two misses then generalised the
        // outage verbs (停止服务, went down) and exposure wording (都能看到, sees, readable by).
        ("tickets-holdout4.ndjson", 0.96, 0.95, 30),
        // Written and committed before the holdout4-driven changes, colloquial zh/en with typos
        // and traditional characters: 0.833 / 15 of 20 high before and after them. Its misses
        // (scope, exposure, failed disks said in other words) then led to the `within` rules
        // (quantifier x group noun, counts, storage, credentials): 0.976 / 20 of 20, so it is seen.
        ("tickets-holdout5.ndjson", 0.94, 0.95, 40),
        // 66 tickets (33 zh, 33 en) with low/medium look-alikes, written and committed before
        // the `within` rules: first measured 0.864 / 25 of 32 high (the unseen figure), then
        // 0.985 / 32 of 32 after them; tuned on since.
        ("tickets-holdout6.ndjson", 0.97, 0.95, 66),
        // 97 probes (zh, traditional and en) of each new rule and its look-alikes (one user's
        // device, a question about all staff, "typed my password wrong", 键盘坏了, 各位好, 每个月),
        // written while the `within` rules were tuned: seen, a regression floor only.
        ("tickets-lookalikes.ndjson", 0.94, 0.95, 97),
        // Written blind (by an engineer who saw only the seeds, never the rules or fixtures):
        // first measured 0.850 / 29 of 35 high, 0.880 / 31 of 35 after the holdout6 work; its
        // misses then led to `over_now` (an incident the text says is over), English screen and
        // boot failures, lure and malware-sign wording: 0.940 / 35 of 35; 0.970 after the
        // question-form rule. Seen now.
        ("tickets-blind1.ndjson", 0.96, 0.97, 100),
        // The second blind set (another writer, same rule): 0.825 / 27 of 32 high first, 0.850
        // / 28 of 32 after the blind1 changes (its unseen figure, below the 0.90 / 0.95 goal).
        // The classes of its misses (a question with a failure word in it, greetings to a
        // group, pairs in the other word order, A-not-A questions read as negation, malware and
        // takeover signs in other words) were then generalised: 0.963 / 32 of 32. Seen now.
        ("tickets-blind2.ndjson", 0.95, 0.97, 80),
        // 60 tickets (30 zh, 30 en) in varied styles (rambling, terse, mixed language, typos,
        // quoted errors, negations, questions with incidental failure words, group greetings),
        // written and committed before this round's changes: 0.717 / 17 of 24 high when first
        // measured (the unseen figure); 0.983 / 24 of 24 after them. Seen now.
        ("tickets-holdout7.ndjson", 0.96, 0.95, 60),
        // Third blind set (120, 60 zh / 60 en): 0.792 / 32 of 42 high when first measured;
        // its misses then became classes (indirect security, outages of a shared service,
        // storage alarms, backlogs, feature wishes, sizes that are no counts...). Seen now.
        ("tickets-blind3.ndjson", 0.95, 0.97, 120),
        // Fourth blind set (100, 50 zh / 50 en): 0.790 / 26 of 35 high when first measured
        // (0.800 after the blind3 classes: they barely carried over); its misses then became
        // classes too (routine requests, lost devices, strangers, shared logins). Seen now.
        ("tickets-blind4.ndjson", 0.92, 0.97, 100),
        // Fifth blind set (100, 50 zh / 50 en), written last and never tuned on by the rules:
        // the rules alone read it 0.760 before this round, 0.800 / 24 of 35 high after it; with
        // the built-in model learnt without it, 0.890 / 33 of 35 (BuiltinTriageModelTests). The
        // rules' floor holds their unseen figure, well below the goal: the model closes the gap.
        ("tickets-blind5.ndjson", 0.79, 0.68, 100),
        // Sixth blind set (60, 30 zh / 30 en), written at the very end and measured before it
        // was added: the rules alone 0.817 / 15 of 21 high; with the built-in model learnt
        // without it 0.900 / 19 of 21. Now in the model's training.
        ("tickets-blind6.ndjson", 0.81, 0.71, 60),
        // Seventh and eighth blind sets (100 each, 50 zh / 50 en; new sectors and voices:
        // understatement, 中英夹杂, call notes, memos), measured on main before they were added:
        // the rules alone 0.850 / 28 of 35 high and 0.830 / 27 of 35; with the built-in model
        // learnt without them 0.900 / 34 of 35 and 0.890 / 33 of 35. Their misses then took
        // tone words ("不急", "no rush", "small thing") out of the consultation rule and "别人的"
        // alone out of security_risk (a comparison with a colleague's PC is no exposure).
        ("tickets-blind7.ndjson", 0.85, 0.80, 100),
        ("tickets-blind8.ndjson", 0.84, 0.77, 100),
        // Blind sets 9 to 12 (100 each; plain-words users, memos, traditional characters,
        // greetings and signatures, impact as numbers), measured before they were added: the
        // rules alone 0.780 / 0.750 / 0.850 / 0.720, high recall 0.61 / 0.57 / 0.69 / 0.40;
        // with the built-in model 0.890 / 0.870 / 0.940 / 0.910, high recall 0.94 / 0.94 / 0.94
        // / 0.94 (docs/POLICY.md). The rules' floors hold their figures, far under the goal: the
        // model closes the gap on unseen text.
        ("tickets-blind9.ndjson", 0.78, 0.61, 100),
        ("tickets-blind10.ndjson", 0.77, 0.57, 100),
        ("tickets-blind11.ndjson", 0.84, 0.68, 100),
        ("tickets-blind12.ndjson", 0.71, 0.40, 100),
        // Blind sets 13 and 14 (P.S. problems, pasted dialogs, 乡镇 speech, 公文, how-to
        // questions quoting errors), the last measured this session: the rules alone 0.770 /
        // 0.770, high recall 0.63 / 0.71; with the model 0.860 / 0.860, high recall 0.89 / 0.97.
        // Their misses then fixed "whole" as a scope (only before a place or a group) and read
        // "please advise", "is there", "can the system" as questions.
        // (blind13 lost one high to the rules when a bare 办公室 stopped being a scope, for four
        // tickets gained over all the sets.)
        ("tickets-blind13.ndjson", 0.77, 0.65, 100),
        ("tickets-blind14.ndjson", 0.81, 0.68, 100),
        // Blind sets 15 and 16 (property, vets, buses, bakeries, architects, a port, a newsroom,
        // a fab...), scored before use: the rules alone 0.760 / 0.780, high recall 0.60 / 0.66;
        // with the model 0.870 / 0.840, high recall 0.97 / 0.86. Their misses then took wishes
        // ("could we get", 有个小建议) out of the scope rules, read "others are fine" (都OK, 都很快,
        // 只有这几) as one user, dropped "也一样" as a scope (it is "the same after trying"), read
        // queues and deadlines (排到, 最后一天, "in queue") as interruption and "nothing is wrong
        // now" (目前没有出问题, 现在能正常用) as no failure: the rules 0.810 / 0.860.
        ("tickets-blind15.ndjson", 0.80, 0.62, 100),
        ("tickets-blind16.ndjson", 0.85, 0.74, 100),
        // Blind sets 17 and 18 (supermarkets, NGOs, clinics, admissions, cold chain, a power
        // utility, a courier hub, opticians, a bank back office...), scored before use: the
        // rules alone 0.830 / 0.750, high recall 0.77 / 0.71; with the model 0.880 / 0.840, high
        // recall 0.97 / 0.94. Their misses then dropped a bare 办公室 as a scope (one office's
        // printer is not many users): the rules 0.840 / 0.760.
        ("tickets-blind17.ndjson", 0.83, 0.77, 100),
        ("tickets-blind18.ndjson", 0.75, 0.71, 100),
        // Blind sets 19 and 20 (wind turbines, dental labs, nursing homes, a chemical lab, duty
        // free, payroll; TV shopping, an ambulance dispatch, seafood export, a tea chain...),
        // scored before use: the rules alone 0.850 / 0.830, high recall 0.74 / 0.69; with the
        // model 0.960 / 0.940, high recall 1.00 / 1.00.
        ("tickets-blind19.ndjson", 0.85, 0.74, 100),
        ("tickets-blind20.ndjson", 0.83, 0.68, 100),
        // Blind sets 21 and 22 (a fish auction, a mining camp, a research cluster...; a lottery
        // network, a freight yard, a ferry office...), scored on the session's final state: the
        // rules alone 0.780 / 0.770, high recall 0.66 / 0.66; with the model 0.870 / 0.850, high
        // recall 0.97 / 0.97 (mediums read as high: high precision 0.79 / 0.76). Added unchanged.
        ("tickets-blind21.ndjson", 0.78, 0.65, 100),
        ("tickets-blind22.ndjson", 0.77, 0.65, 100),
        // Blind sets 23 to 26 (vets, a ferry, a library...; a hospital pharmacy, a ski resort...;
        // a hotel chain, a water utility...; a shipyard, a blood bank...), scored before use: the
        // rules alone 0.800 / 0.800 / 0.780 / 0.810; with the model 0.850 / 0.890 / 0.940 /
        // 0.890, high recall 0.97 / 0.94 / 1.00 / 0.94. Their misses then read "no impact"
        // (不影响, "not stopping us") as keeping a ticket out of the scope and business rules,
        // "it gets there eventually" (最后都能, 用起来正常) out of the system-wide rule, and "is
        // the X supposed to…?" as a problem report: the rules 0.850 / 0.850 / 0.780 / 0.820.
        ("tickets-blind23.ndjson", 0.84, 0.74, 100),
        ("tickets-blind24.ndjson", 0.84, 0.71, 100),
        ("tickets-blind25.ndjson", 0.77, 0.55, 100),
        ("tickets-blind26.ndjson", 0.81, 0.77, 100),
        // Blind sets 27 and 28 (an outpatient desk, a courier depot, a chemical plant, a driving
        // school...; airline check-in, a port terminal, a nursing home, a 政务大厅...), written
        // while the blind23-26 round was made and scored on its final state: the rules alone
        // 0.810 / 0.850, high recall 0.67 / 0.77; with the model 0.930 / 0.900, high recall
        // 1.00 / 0.97 (both meet the 0.90 / 0.95 goal unseen). Added unchanged.
        ("tickets-blind27.ndjson", 0.81, 0.66, 100),
        ("tickets-blind28.ndjson", 0.85, 0.77, 100),
        // Blind sets 29 and 30 (a dental chain, a port terminal, a wind farm...; a vet hospital,
        // ground handling, a broadcaster...), scored before use: the rules alone 0.820 / 0.840,
        // with the model 0.870 / 0.910, high recall 0.97 / 0.97. Then wishes hold the model back
        // and leave `action_request`, "on paper" alone is no fallback to paper ("looks wrong on
        // paper"), a number written onto a letter (B12) is no crowd, and a card skimmer is a
        // security risk.
        ("tickets-blind29.ndjson", 0.82, 0.82, 100),
        ("tickets-blind30.ndjson", 0.86, 0.79, 100),
        // Blind sets 31 and 32 (a children's hospital, a courier depot, a ski resort, a permit
        // office...; a nursing home group, a railway depot, a game studio, a brokerage...),
        // written with 29 and 30 and kept aside, scored on the state after the 29/30 round: the
        // rules alone 0.840 / 0.810 (0.820 / 0.800 on the session's starting state), with the
        // model 0.920 / 0.930, high recall 1.00 / 0.97. Added unchanged.
        ("tickets-blind31.ndjson", 0.83, 0.77, 100),
        ("tickets-blind32.ndjson", 0.80, 0.71, 100),
        // Blind sets 33 and 34 (a maternity clinic, a cement plant, a land registry, mountain
        // rescue...; a dialysis centre, a dye works, taxi dispatch, a semiconductor test lab...),
        // written during the 29/30 round and scored once on the session's final state: the rules
        // alone 0.750 / 0.850, high recall 0.57 / 0.74; with the model 0.930 / 0.940, high recall
        // 1.00 / 0.94 (0.930 / 0.930 on the session's starting state). Added unchanged.
        ("tickets-blind33.ndjson", 0.74, 0.57, 100),
        ("tickets-blind34.ndjson", 0.84, 0.74, 100),
        // Blind sets 35 and 36 (veterinary clinics, a port terminal, a brewery, a water utility...;
        // parcel lockers, a fertility clinic, an esports arena, a cement plant...), scored on the
        // session's starting state: with the model 0.870 / 0.890, high recall 1.00 / 1.00. Then many
        // users with a display error or with the work still going through ("bookings do go
        // through", 能用就是慢) are medium, "broken down by" / "water usage" / "down to 9 staff"
        // are no fault, "another country" alone is no login from abroad, and wishes for "a future
        // version": the rules alone 0.810 / 0.880 on them now.
        ("tickets-blind35.ndjson", 0.80, 0.65, 100),
        ("tickets-blind36.ndjson", 0.87, 0.74, 100),
        // Blind sets 37 and 38 (a fish farm, railway signalling, a toll operator, a fab...; a
        // funeral home, offshore vessels, a blood bank, scooter sharing...), written with 35/36,
        // kept aside and scored after that round: with the model 0.930 / 0.880, high recall 1.00 /
        // 0.86. Blind sets 39 and 40 (an opera house, a hospice, a winery, customs brokerage...; a
        // dam operator, a daycare chain, a regional airline, a dermatology clinic...), scored once
        // on the session's final state: 0.950 / 0.900, high recall 0.91 / 0.94. All four added
        // unchanged; the rules alone on them now.
        ("tickets-blind37.ndjson", 0.83, 0.71, 100),
        ("tickets-blind38.ndjson", 0.79, 0.63, 100),
        ("tickets-blind39.ndjson", 0.81, 0.66, 100),
        ("tickets-blind40.ndjson", 0.77, 0.60, 100),
        ("tickets-blind41.ndjson", 0.88, 0.74, 100),
        ("tickets-blind42.ndjson", 0.78, 0.68, 100),
        ("tickets-blind43.ndjson", 0.85, 0.77, 100),
        ("tickets-blind44.ndjson", 0.81, 0.68, 100),
        ("tickets-blind45.ndjson", 0.77, 0.57, 100),
        ("tickets-blind46.ndjson", 0.78, 0.68, 100),
        ("tickets-blind47.ndjson", 0.82, 0.86, 100),
        ("tickets-blind48.ndjson", 0.77, 0.80, 100),
        ("tickets-blind49.ndjson", 0.87, 0.82, 100),
        ("tickets-blind50.ndjson", 0.84, 0.77, 100),
        ("tickets-blind51.ndjson", 0.86, 0.77, 100),
        ("tickets-blind52.ndjson", 0.84, 0.71, 100),
        ("tickets-blind53.ndjson", 0.80, 0.74, 100),
        ("tickets-blind54.ndjson", 0.77, 0.57, 100),
        ("tickets-blind55.ndjson", 0.85, 0.82, 100),
        ("tickets-blind56.ndjson", 0.66, 0.65, 100),
        ("tickets-blind57.ndjson", 0.82, 0.73, 100),
        ("tickets-blind58.ndjson", 0.84, 0.85, 100),
        ("tickets-blind59.ndjson", 0.89, 0.74, 100),
        ("tickets-blind60.ndjson", 0.81, 0.68, 100),
        ("tickets-blind61.ndjson", 0.77, 0.62, 100),
        ("tickets-blind62.ndjson", 0.84, 0.82, 100),
        ("tickets-blind63.ndjson", 0.82, 0.76, 100),
        ("tickets-blind64.ndjson", 0.76, 0.62, 100),
        ("tickets-blind65.ndjson", 0.75, 0.71, 100),
        ("tickets-blind66.ndjson", 0.74, 0.65, 100),
    ])
    func priorityMeetsItsFloor(_ file: String, _ accuracy: Double, _ highRecall: Double, _ size: Int) throws {
        let e = try Self.evaluate(file)
        #expect(e.priority.total >= size)
        #expect(e.priority.accuracy >= accuracy, "\(e.render())")
        #expect(e.priority.recall(0) >= highRecall, "\(e.render())")
    }

    @Test func categoryMeetsItsFloor() throws {
        let e = try Self.evaluate("tickets.ndjson")
        #expect(e.category.accuracy >= 0.70, "\(e.render())")
    }

    @Test func setIsHalfChineseHalfEnglish() throws {
        let e = try Self.evaluate("tickets.ndjson")
        let text = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Fixtures/language/tickets.ndjson"), encoding: .utf8)
        let zh = text.split(separator: "\n").filter { $0.contains("\"EV-ZH-") }.count
        #expect(e.priority.total >= 300 && zh * 2 >= e.priority.total - 10 && zh * 2 <= e.priority.total + 10)
    }

    @Test func confusionArithmetic() {
        var m = ConfusionMatrix(classes: ["a", "b"])
        m.add(label: "a", predicted: "a")
        m.add(label: "a", predicted: "b")
        m.add(label: "b", predicted: "b")
        #expect(m.accuracy == 2.0 / 3.0)
        #expect(m.precision(1) == 0.5 && m.recall(0) == 0.5 && m.recall(1) == 1)
        #expect(abs(m.macroF1 - (2.0 / 3.0 + 2.0 / 3.0) / 2) < 1e-9)
    }
}
