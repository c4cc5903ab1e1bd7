// The reply model (policy phrases.model): the built-in one is exactly what `desk reply --learn`
// learns from the labelled reply sets; its worth is measured on each blind set left out of its
// training in turn; it only adds refusals after the phrase families, with a reason that names it;
// its file round-trips and a malformed one is refused with a reason.
import Foundation
import Testing

@testable import DeskKit

@Suite struct ReplyModelTests {
    static let folder = LabelledSets.folder

    /// The labelled reply files, in byte order of their names (as the script reads them).
    static func files() throws -> [String] { try LabelledSets.files("replies") }

    static func examples(_ file: String) throws -> [ReplyModel.Example] {
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            return ReplyModel.Example(text: o["text"] as? String ?? "", refuse: o["expect"] as? String == "refuse")
        }
    }

    @Test func builtinIsWhatLearningFromTheLabelledSetsGives() throws {
        let all = try Self.files().flatMap { try Self.examples($0) }
        let learnt = try #require(ReplyModel.train(all))
        let shipped = ReplyModel.builtin
        #expect(shipped.examples == all.count, "run scripts/learn-builtin-model.sh")
        #expect(shipped.head.unit == .words)
        #expect(Set(shipped.head.classes) == ["keep", "refuse"])
        #expect(shipped.head.logLikelihood.count == learnt.head.logLikelihood.count, "run scripts/learn-builtin-model.sh")
        func rounded(_ x: Double) -> Int { Int((x * 10000).rounded()) }
        var stale = 0
        for (gram, w) in learnt.head.logLikelihood {
            guard let s = shipped.head.logLikelihood[gram] else { stale += 1; continue }
            for (i, c) in learnt.head.classes.enumerated() {
                if let j = shipped.head.classes.firstIndex(of: c), rounded(s[j]) != rounded(w[i]) { stale += 1 }
            }
        }
        #expect(stale == 0, "run scripts/learn-builtin-model.sh")
    }

    /// Each blind set (written from the seeds by someone who never saw desk) left out of the
    /// model's training in turn, the model read alone at the built-in threshold. The families
    /// were generalised from these sets' misses, so only the model is unseen here. Of the
    /// replies long enough for it (995 good, 495 bad, blind1 to blind40), measured with the word
    /// model at 0.6: 488 bad refused (98.6%) and 2 good, both of which the families shield in use
    /// (a time promised, "not my department" quoted); the floors sit just under.
    @Test func aModelLearntWithoutTheSetRefusesMostBadRepliesAndNoGoodOnes() throws {
        let files = try Self.files()
        let threshold = Policy.builtin.replyModelThreshold
        var bad = 0, caught = 0, good = 0, wronged: [String] = []
        for file in files where file.hasPrefix("replies-blind") {
            var others: [ReplyModel.Example] = []
            for f in files where f != file { others += try Self.examples(f) }
            let model = try #require(ReplyModel.train(others))
            // Replies too short for the model are the families' (ReplyModel.minimumLength).
            for e in try Self.examples(file) where ReplyModel.length(TextNormalizer.foldedScalars(e.text)) >= ReplyModel.minimumLength {
                let refused = (model.refusal(e.text)?.confidence ?? 0) >= threshold
                if e.refuse {
                    bad += 1
                    if refused { caught += 1 }
                } else {
                    good += 1
                    if refused { wronged.append(file + ": " + e.text) }
                }
            }
        }
        #expect(bad >= 132 && good >= 355, "\(bad) bad, \(good) good")
        #expect(Double(caught) / Double(bad) >= 0.97, "\(caught) of \(bad)")
        #expect(wronged.count <= 2, "\(caught) of \(bad); \(wronged.count) of \(good): \(wronged)")
    }

    /// blind15 and blind16, scored before use with the first version of the model: 0 of 20 bad
    /// accepted and 0 of 20 good refused in each (the families alone let 2 of blind16's through:
    /// "That's a vendor issue, please contact SMA directly.", "上次是小刘配的，他弄错了，等他下周回来再说吧。").
    /// blind17 and blind18, scored before use with the holding rule and the gated model: 1 of 20
    /// bad accepted in each ("说了多少遍了…你到底清了没有？", "跟你说了多少遍了…怎么还是不会？": then
    /// added to you_should_know), 0 of 20 good refused (the families alone: 2 and 4 of 20).
    /// blind19 and blind20, scored last: 2 and 3 of 20 bad accepted (a colleague blamed, a holding
    /// reply that only "looks into it", "not an IT issue", giving up after "we've looked at it",
    /// "别每次都来问"), 0 of 20 good refused; then colleague blame, named investigation and those cues.
    /// blind21 and blind22, scored on the session's final state: 0 of 20 and 0 of 20 / 0 and 0.
    /// blind23 to blind26, scored before use: 2, 0, 3 and 3 of 20 bad accepted (holding replies
    /// that put the update off "at some point" or 有消息再说, "这是硬件组的事,去找他们", "跟我们软件
    /// 无关", "这属于正常现象，不用管它"), 0 of 80 good refused; then the put-off words, sending
    /// to "them", disowning and the dismiss gist: 0 and 0, seen now.
    @Test(arguments: [
        "replies-blind15.ndjson", "replies-blind16.ndjson", "replies-blind17.ndjson", "replies-blind18.ndjson", "replies-blind19.ndjson",
        "replies-blind20.ndjson", "replies-blind21.ndjson", "replies-blind22.ndjson", "replies-blind23.ndjson", "replies-blind24.ndjson",
        "replies-blind25.ndjson", "replies-blind26.ndjson", "replies-blind27.ndjson", "replies-blind28.ndjson",
        "replies-blind29.ndjson", "replies-blind30.ndjson", "replies-blind31.ndjson", "replies-blind32.ndjson",
        "replies-blind33.ndjson", "replies-blind34.ndjson", "replies-blind35.ndjson", "replies-blind36.ndjson",
        "replies-blind37.ndjson", "replies-blind38.ndjson", "replies-blind39.ndjson", "replies-blind40.ndjson",
        "replies-blind42.ndjson", "replies-blind43.ndjson", "replies-blind45.ndjson", "replies-blind47.ndjson", "replies-blind48.ndjson",
        "replies-blind49.ndjson", "replies-blind50.ndjson", "replies-blind51.ndjson", "replies-blind53.ndjson",
        "replies-blind54.ndjson", "replies-blind56.ndjson", "replies-blind57.ndjson", "replies-blind58.ndjson",
        "replies-blind59.ndjson", "replies-blind60.ndjson", "replies-blind61.ndjson", "replies-blind63.ndjson",
        "replies-blind65.ndjson", "replies-blind66.ndjson",
    ])
    func familiesAndTheModelTogetherMeetTheFloorsOnTheNewestBlindSets(_ file: String) throws {
        #expect(try Self.wrongWithTheModel(file).isEmpty)
    }
    // blind27 and blind28, scored on the final state of the blind23-26 round: 4 and 1 of 20 bad
    // accepted, 0 of 40 good refused; then 是你那边的原因, "should be fine" and the restart cliché
    // left 1 and 1, hand-offs naming only a team ("Passed to the network team.", "找网络组去吧。"),
    // refused since team names a request was handed to count nothing (HoldingReply.skipTeams)
    // and "找…去" sends the requester off (sendOffSpans). blind29 and blind30, scored before use:
    // 3 and 2 of 30 bad accepted (blame with words between, the third-conditional reproach,
    // "don't raise tickets for this"), 0 of 60 good refused; then 0 and 0. blind31 and blind32,
    // kept aside and scored after that round: 4 and 5 of 30 bad accepted ("because you didn't
    // follow the instructions…", "via the usual process", "we're swamped, we'll get to it when
    // we can", a suggestion asked as a question, 你去跟你们主任反映, "Not our system. Ask the
    // vendor."), 0 of 60 good refused; then the cues of that round: 0 and 0. blind33 and
    // blind34, scored once on the session's final state: 1 and 3 of 30 bad accepted (重新弄一下
    // 就行了, 前台操作一下就好了，不用报单, "If that doesn't work I don't know what to tell you",
    // "I'm really busy today…, can this wait? Don't chase me on it."), 0 of 60 good refused; then
    // those cues (giving up in advance is no hedge, no ticket needed is a dismissal): 0 and 0.
    // blind35 and blind36, scored before use: 6 and 4 of 30 bad accepted ("…will update you in
    // due course. Kind regards, Service Desk" on one line, "所以?", 跟厂家说过了，他们会看的, "If the
    // driver had actually read the onboarding email…", "the standard troubleshooting steps",
    // 群里早通知过了，自己往上翻翻, "what you want us to do"), 1 of 60 good refused ("Sorry, I know
    // this is the third time you've had to chase it…"); then 0 and 0 (one, "per policy anything
    // tablet-related belongs to Field Ops. Closing this ticket.", is refused by the model only).
    // blind37 and blind38, written with 35/36, kept aside and scored after that round: 4 and 4 of
    // 30 bad accepted ("Resolved via backend adjustment.", "if your team had renewed the licence
    // on time…", "Couldn't reproduce. Ticket closed.", 这么点小事也要提工单？…不就行了, "…if the
    // onboarding guide had been followed", 啥意思？, 今天单子多，排队吧, 按正常流程操作即可), 1 of 60
    // good refused (暂时做不了 with a stop-gap after 先给您一个办法); then 0 and 0. blind39 and
    // blind40, scored once on the session's final state: 7 and 7 of 30 bad accepted (curt chat
    // and polite impatience: "as mentioned in my last three emails", "please stop emailing me",
    // "Someone will get to it", 跟你说过好几遍了 read as a report by 你说, 别人都能用，是不是你自己电脑的问题,
    // "did u actually restart it? pls do that before logging tickets", 手上一堆事 排队吧), 1 and 1
    // of 30 good refused ("I don't know yet why…" with who is on the way, 做不了 with 我先…); then
    // 0 and 0. Adding blind37/38 to the model made it refuse two good replies at 0.6-0.66, so
    // the threshold went to 0.7 (no bad reply of any set let through by that).

    // blind41 to blind44, scored before use on the session's starting state: 4, 7, 0 and 10 of
    // 30 bad accepted (ticket-system templates, "Sent from my iPhone" under a bare "Sorted.",
    // "We are aware of the issue. Updates will follow.", blame by 操作不规范所致, 请直接与厂商联系
    // with the ticket closed), 0, 0, 1 and 0 of 30 good refused ("I'm busy with an outage…, so
    // I've passed your request to Priya, who will call you before 2pm"). The reply model read
    // words instead of character n-grams (13 of 120 bad accepted with it, nothing else changed),
    // then device lines, boilerplate, ticket numbers, "updates will follow": 0 and 0 but for the
    // three below.

    // blind45 and blind46, written meanwhile and scored once on that round's final state: 0 and 3
    // of 30 bad accepted (Cantonese: 知道咗，咪再催啦 / 催都冇用，排緊隊; "Pls be patient, we got a lot
    // of tickets lah, you not the only one"), 0 of 60 good refused; then Cantonese function
    // characters read as Mandarin: 0 and 1.

    // blind47 (speech: voice-to-text, phone notes) and blind48 (forwarded chains, alerts, legal
    // disclaimers), scored before use on the session's starting state: 1 and 6 of 30 bad
    // accepted ("Done." / "?" / 已处理。 above quoted history, "Talk to your vendor", 能怪谁,
    // 已经跟相关部门反映了，等通知吧, "all caps won't make it go any faster"), 0 and 2 good refused
    // (good replies above a quoted "Not my problem" / 不归我们管); then, reading only the agent's
    // part above the quoted history (MailText), 0 and 0.

    // blind49 (young and informal: emoji, slang) and blind50 (business-system power users),
    // scored on the state after that round: 3 and 5 of 30 bad accepted ("not our team, try
    // finance", "stay tuned 🔥", "you typed the password wrong like 10 times lol", "Be specific
    // next time", 正在排查中，请耐心等待, 已转二线), 0 good refused; then 0 and 2 (below).

    // blind51 (ordinary writers) and blind52 (judgement calls), scored once on the state after
    // that round: 2 and 2 of 30 bad accepted, 0 good refused; then 1 and 1 (below).

    // blind53 (Hong Kong, Taiwan, Singapore and non-native English) and blind54 (terse
    // engineers and their worried managers), scored before use on the session's starting state:
    // 2 and 3 of 30 bad accepted ("Why you never attach screenshot? How we know what happen?",
    // "We have applied the standard fix, it should work now.", "Not a bug. Working as
    // designed.", "Escalated to tier 3.", 已转厂商，等厂商回复吧。), 0 good refused; then 0 and 0
    // (a tier's number names no detail, waiting on a party is a hand-off, "as designed" alone
    // is no answer). blind50's "Someone from the N4 team…" is refused since. blind55 (in a hurry,
    // on a phone) and blind56 (formal and bureaucratic), scored once on that state: 4 and 4 of 30
    // bad accepted (我们这边看都正常 你自己再看看, 找网络组 不是我们这边的, "Not a desk issue. Talk to
    // networks.", "Please see the user guide.", 已经答复过三次了…不要重复提单, 经研究，该事项已按程序办结), 0 of
    // 60 good refused; then 2 and 0 (below). blind57 (text written by or through AI assistants)
    // and blind58 (speech: voice-to-text and dictated replies), scored before use on the next
    // session's starting state: 1 and 2 of 30 bad accepted (您自行操作的…我们无法负责; "like I said
    // on the call twice now, you need to actually read the email"; "what exactly do you want me
    // to do here?"), 0 of 60 good refused; then 0 and 0, with gap phrases (PhraseLint.gapEnds),
    // which also took blind50's 请直接联系金蝶厂商 and blind51's 你去找网络组吧. blind59 (Chinese-English
    // code-switching) and blind60 (sarcasm; elderly and non-technical writers), scored before
    // use on that state: 2 and 3 of 30 bad accepted (我而家好忙，你 send email 啦; "Sigh, third time
    // today. Did you even try restarting?"; "Sure, because clicking the big green button was so
    // hard."; "Have you tried reading? …literally tells you what to do"; "Fixed via the admin
    // panel."), 0 of 60 good refused; then 0 and 0. blind61 (external customers) and blind62
    // (internet slang and emoji), scored before use on that state: 2 and 3 of 30 bad accepted
    // ("We can't support every old phone. Buy a newer one…", 具体情况请咨询药房,我们这边无法回答,
    // "skill issue tbh 💀", "we're on it, will update soon™", 重启一下试试 不行就算了), 0 good refused;
    // then 0 and 1 (below). blind63 (forms and templates) and blind64 (follow-ups, several
    // problems in one), scored before use: 3 and 5 of 30 bad accepted (reply templates sent with
    // [处理结果] / 【原因说明】 unfilled, "huh? what do you mean", "Please stop opening new tickets for
    // the same thing", 您第一次就该说清楚…现在才说), 0 good refused; then 0 and 3 (below). blind65 (very
    // short) and blind66 (raised on someone else's behalf), scored before use after that: 0 and 3
    // ("Your colleague clicked something she shouldn't have. There's not much we can do", "If
    // the customer had read the invoice properly…", 在系统里自行处理即可), 0 good refused; then 0 and 0.

    /// What blind41, blind44, blind46, blind52, blind55, blind62 and blind64 still get wrong: "im on a P1 rn, ur sticky keyboard can
    /// wait" ("can wait" also says when in good replies: "the restart can wait until 6pm"), two
    /// ticket-system notices whose "done" sits in a status line beside a closing period or the
    /// handling team ("当前状态:已完成 / 处理人:运维二组", "…closed automatically in 3 working days"),
    /// and "you not the only one" ("you're not the only one affected" also informs, in good replies);
    /// blind52's bare "Which browser?";
    /// blind55's "4th plotter ticket this month. Maybe stop forcing the sheets in?" (blame as a
    /// suggestion) and 升级下就行 ("just upgrade it": which upgrade is the missing detail);
    /// blind62's "we're on it, will update soon™" (NFKC makes ™ the letters "TM" glued to "soon",
    /// so neither "soon" nor "update soon" ends a word there); blind64's replies that answer one
    /// of several questions vaguely ("Following up on your three questions: the upload one is
    /// being looked at.", 关于您提到的三个问题:打印机那个我们后续统一安排) and "power issues are handled by
    /// facilities. I've let them know."
    @Test func newestSetsHoldTheirKnownMisses() throws {
        #expect(try Self.wrongWithTheModel("replies-blind41.ndjson").count <= 1)
        #expect(try Self.wrongWithTheModel("replies-blind44.ndjson").count <= 2)
        #expect(try Self.wrongWithTheModel("replies-blind46.ndjson").count <= 1)
        #expect(try Self.wrongWithTheModel("replies-blind52.ndjson").count <= 1)
        #expect(try Self.wrongWithTheModel("replies-blind55.ndjson").count <= 2)
        #expect(try Self.wrongWithTheModel("replies-blind62.ndjson").count <= 1)
        #expect(try Self.wrongWithTheModel("replies-blind64.ndjson").count <= 3)
    }

    /// The replies of `file` the families and the built-in model judge against their label.
    static func wrongWithTheModel(_ file: String) throws -> [String] {
        let lint = PhraseLint(policy: .builtin, replyModel: .builtin)
        var wrong: [String] = []
        for e in try Self.examples(file) where lint.review(reply: e.text).isEmpty == e.refuse {
            wrong.append((e.refuse ? "accepted: " : "refused: ") + e.text)
        }
        return wrong
    }

    @Test func theModelSpeaksOnlyAfterTheFamiliesAndNamesItself() throws {
        let withModel = PhraseLint(policy: .builtin, replyModel: .builtin)
        let familiesOnly = PhraseLint(policy: .builtin, replyModel: nil)
        // A family's refusal is given as the family's, not the model's.
        let taboo = withModel.review(reply: "我不知道")
        #expect(taboo.count == 1 && taboo[0].family?.id == "dont_know")
        // A brush-off in words no family lists: the model refuses it, and says so.
        let text = "系统这周一直很稳定，多半是客户那头自己的设置出了岔子，你们再观察观察。"
        #expect(familiesOnly.review(reply: text).isEmpty)
        let found = withModel.review(reply: text)
        #expect(found.count == 1)
        #expect(found.first?.family == nil)
        #expect(found.first?.message.contains("reply model, confidence") == true)
        // A specific reply passes both.
        #expect(withModel.review(reply: "您好，VPN 证书已在 14:20 续期，请断开后重新连接；若仍报 809 错误请回复截图，我下午三点前再跟进。").isEmpty)
        // Where the families read the wording closely (a denied or quoted phrase) or a concrete
        // step stands (a real question, a number, "I've reproduced it"), the model is not asked.
        for kept in [
            "并不是您没说清楚，是我们这边的日志不全，我们再查一下。", "It's not that you didn't explain; our logs were incomplete, so we are checking again.",
            "我在自己电脑上也复现了，不是您电脑的问题，正在查插件。", "Is there anything else you need today?",
            "I've reproduced it on my machine, so it's not your laptop. Digging into the add-in now.",
        ] {
            #expect(withModel.review(reply: kept).isEmpty, "\(kept)")
        }
        // The threshold is the policy's: at 1.0 nothing short of certainty refuses.
        var strict = Policy.builtin
        strict.replyModelThreshold = 1.0
        #expect(PhraseLint(policy: strict, replyModel: .builtin).review(reply: text).isEmpty)
    }

    @Test func shortRepliesAreLeftToTheFamiliesAndOneCharacterIsReadWithoutFault() {
        // Below ReplyModel.minimumLength the model says nothing, however it would read the text.
        #expect(ReplyModel.builtin.refusal("还有问题吗？") == nil)
        #expect(ReplyModel.builtin.refusal("") == nil)
        #expect(ReplyModel.length(TextNormalizer.foldedScalars("等待审批 ok!")) == 10)
        // The head reads a single word; no words give it nothing, and scalars are not its features.
        #expect(ReplyModel.builtin.head.predict(words: ["嗯"]) != nil)
        #expect(ReplyModel.builtin.head.predict(words: []) == nil)
        #expect(ReplyModel.builtin.head.predict(scalars: Array("我不知道".unicodeScalars)) == nil)
    }

    @Test func featuresAreWordsAndNeighbouringPairs() {
        func f(_ s: String) -> [String] { ReplyModel.features(TextNormalizer.foldedScalars(s)) }
        // Latin words keep an inner apostrophe; punctuation separates and is no feature; each Han
        // character is a word; pairs run across punctuation and between scripts.
        #expect(f("Don't—stop emailing!") == ["don't", "stop", "emailing", "don't stop", "stop emailing"])
        #expect(f("已转交vendor。") == ["已", "转", "交", "vendor", "已 转", "转 交", "交 vendor"])
        #expect(f("？？ ...") == [])
        #expect(f("'quoted' it's") == ["quoted", "it's", "quoted it's"])
        // Shown as evidence, a pair of Han characters loses its space.
        #expect(TriageModel.readableWords(["转 交", "stop emailing", "转交"]) == ["转交", "stop emailing"])
    }

    @Test func aModelFileRoundTripsAndBadOnesAreRefused() throws {
        let m = try #require(
            ReplyModel.train([
                .init(text: "我不知道，你问别人", refuse: true), .init(text: "not my problem", refuse: true),
                .init(text: "已为您重置密码，请用新密码登录", refuse: false), .init(text: "I reset your password at 10:05", refuse: false),
                .init(text: "你问别人吧", refuse: true), .init(text: "请用新密码登录 at 10:05", refuse: false),
            ]))
        let back = try ReplyModel.decode(JSONParser.parse(JSONWriter.bytes(m.json))).get()
        #expect(back.head.unit == .words)
        #expect(back.head.classes == m.head.classes)
        #expect(back.head.logLikelihood.count == m.head.logLikelihood.count)
        #expect(ReplyModel.train([.init(text: "only one kind", refuse: true)]) == nil)
        func failure(_ json: String) -> String? {
            guard let v = try? JSONParser.parse(json) else { return "not JSON" }
            if case .failure(let e) = ReplyModel.decode(v) { return e.message }
            return nil
        }
        #expect(failure(#"{"kind":"desk-naive-bayes"}"#)?.contains("not a reply model") == true)
        #expect(failure(#"{"kind":"desk-reply-naive-bayes"}"#) == "reply: missing")
        #expect(
            failure(#"{"kind":"desk-reply-naive-bayes","reply":{"classes":["high","low"],"log_prior":[0,0],"log_unseen":[0,0],"ngrams":{}}}"#)?
                .contains("\"keep\" and \"refuse\"") == true)
        #expect(
            failure(#"{"kind":"desk-reply-naive-bayes","reply":{"classes":["keep","refuse"],"log_prior":[0,0],"log_unseen":[0,0],"smallest_ngram":7,"ngrams":{}}}"#)
                == "reply.smallest_ngram: expected 1, 2 or 3")
        #expect(
            failure(#"{"kind":"desk-reply-naive-bayes","reply":{"classes":["keep","refuse"],"log_prior":[0,0],"log_unseen":[0,0],"unit":"bytes","ngrams":{}}}"#)
                == "reply.unit: expected \"characters\" or \"words\"")
    }

    /// A model file of version 1 (character n-grams, written by `reply --learn` before words) is
    /// still read and scored by its n-grams.
    @Test func aVersionOneCharacterModelIsStillRead() throws {
        let v1 = #"{"kind":"desk-reply-naive-bayes","version":1,"reply":{"classes":["refuse","keep"],"log_prior":[-0.6931,-0.6931],"#
            + #""log_unseen":[-9,-9],"smallest_ngram":1,"ngrams":{"不知道":[-1,-8],"重置":[-8,-1]}}}"#
        let m = try ReplyModel.decode(JSONParser.parse(v1)).get()
        #expect(m.head.unit == .characters)
        let p = try #require(m.refusal("这个我也不知道怎么回事，你们那边自己再看看，过两天再说吧。"))
        #expect(p.label == "refuse" && p.evidence == ["不知道"])
        #expect(m.refusal("已经帮您重置了打印机的驱动程序，请重新打印一次测试页看看效果。") == nil)
    }
}
