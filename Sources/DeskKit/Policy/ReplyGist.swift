// What a short reply amounts to when its wording is not in any phrase family: a brush-off
// (not knowing, not our job, go ask someone else, too busy, can't be done) or a bare "done"
// (seed 004 服务忌语 and BRT回复规范). Families list phrases; this reads meaning cues in any
// wording, with pronoun and particle variants (我/俺/咱/偶/我们, 啊/吧/啦 are dropped by
// LintText), and refuses the reply only when, once the cues, pronouns, courtesy and filler are
// taken out, almost nothing is left: "俺也不知道啊" and "Fixed it." go no further, while
// "不归我们组，已转给网络组王工，他今天下午联系您" says who, what and when.

extension PhraseLint {
    /// A kind of brush-off or bare statement, with the politer way to say it.
    enum Gist: Int, CaseIterable {
        case notKnow, notOurs, goElsewhere, busy, cannot, blame, done

        var message: String {
            switch self {
            case .notKnow:
                "says only that you do not know (seed 004 服务忌语: 我不知道); say instead: \"我帮您确认一下，稍后给您答复 / Let me find out and get back to you\""
            case .notOurs:
                "says only that it is not your job (seed 004 服务忌语); say who handles it and that you passed it on"
            case .goElsewhere:
                "sends the requester elsewhere without a name or hand-off (seed 004 服务忌语: 你去跟…讲吧); hand it over yourself and say to whom"
            case .busy:
                "says only that you are busy (seed 004 服务忌语: 我现在很忙); say when you will handle it"
            case .cannot:
                "says only that it cannot be done (seed 004 服务忌语: 这个实现不了); say why and what the requester can do instead"
            case .blame:
                "puts the problem on the requester's side without evidence (seed 004 服务忌语: 是你没说清楚，能怪我吗); say what you checked and what you need from them"
            case .done:
                "says only \"done\" in some words (seed 004 BRT回复规范); say what was found, what was done and the result"
            }
        }
    }

    /// Meaning cues by gist, as typed; compared in LintText key form (simplified, lower case,
    /// particles dropped, contractions written out).
    static let gistCues: [(Gist, [String])] = [
        (.notKnow, [
            "不知道", "不晓得", "不清楚", "哪知道", "哪晓得", "不懂", "没头绪", "不了解", "不太清楚", "搞不清", "弄不清", "不明白",
            "don't know", "dont know", "no idea", "no clue", "dunno", "not sure", "idk", "beats me", "haven't a clue",
        ]),
        (.notOurs, [
            "不归", "管不了", "管不着", "不关我", "不关我们", "不是我们的问题", "不是我的问题", "不是我们的事", "不是我的事", "不负责",
            "不属于我们", "与我们无关", "跟我们没关系", "和我们没关系", "不是我们管", "不管这个", "不管这",
            "not my problem", "not our problem", "not my job", "not our job", "not my department", "not our department",
            "not my area", "not our area", "not us", "not on us", "not our responsibility", "not my responsibility",
            "outside our scope", "not supported by us",
        ]),
        (.goElsewhere, [
            "找别人", "找其他人", "找别的", "问别人", "问别的", "问问别的", "问其他", "找其他部门", "另请高明", "自己想办法", "自己看着办",
            "找领导", "问领导", "你们领导", "你领导", "你们主管", "你们it", "你们自己的it",
            "your boss", "your manager", "your supervisor", "your it", "take it up with", "ask someone else", "ask somebody else", "ask another team", "try someone else", "go ask",
            "contact someone else", "find someone else", "figure it out yourself",
        ]),
        (.busy, [
            "没空", "很忙", "太忙", "忙着", "忙死", "没时间", "等会", "等一会", "晚点再说", "回头再说", "以后再说", "改天再说", "催啥",
            "催什么", "别催", "急啥", "急什么", "too busy", "very busy", "so busy", "busy right now", "busy now", "no time",
            "stop rushing", "don't rush me", "later", "not now", "some other time",
        ]),
        (.cannot, [
            "做不了", "弄不了", "搞不了", "干不了", "整不了", "办不了", "做不到", "办不到", "搞不定", "弄不好", "没办法", "没法弄", "没法搞",
            "没法做", "实现不了", "不能做", "不能弄", "无能为力", "can't do", "cannot do", "can not do", "can't be done",
            "cannot be done", "not possible", "impossible", "won't do", "no can do", "can't help", "cannot help", "nothing we can do",
        ]),
        (.blame, [
            "你电脑的问题", "你电脑问题", "你的电脑有问题", "你那边的问题", "你那边问题", "你们那边的问题", "你自己的问题", "你的问题",
            "你操作的问题", "你操作有问题", "你操作不对", "你用错了", "我这边正常", "我这边没问题", "我这里正常", "我这里没问题",
            "我这边可以", "我这里可以", "自己看说明", "自己看手册", "看说明书", "看手册",
            "your pc", "your computer", "your laptop", "your machine", "your side", "your end", "your network", "your browser",
            "on my end", "check your", "fine on our", "fine on my", "ok on our", "works for me", "works fine for me", "works on my machine", "fine on my side", "fine here", "user error",
            "read the manual", "rtfm", "read the docs",
        ]),
        (.done, [
            "好了", "搞定", "搞掂", "完事", "弄好", "办好", "处理好", "处理完", "处理了", "修好", "整好", "完成", "解决", "已处理", "已修复",
            "已好", "ok了", "done", "fixed", "resolved", "closed", "closing", "completed", "finished", "sorted", "all good",
            "all set", "should work now", "works now", "taken care of", "handled", "processed", "dealt with", "弄了",
        ]),
    ]

    static let gistMatcher = KeywordMatcher(gistCues.flatMap { g in g.1.map { LintText.key($0) } })
    static let gistOwner: [Gist] = gistCues.flatMap { g in g.1.map { _ in g.0 } }

    /// Pronouns and deictics that say nothing about the problem (dialect forms included).
    static let gistFiller: [String] = [
        "我们", "咱们", "俺们", "偶们", "我", "俺", "咱", "偶", "你", "您", "你们", "这边", "那边", "这个", "这事", "这", "事", "个", "也", "都",
        "就", "真", "实在", "确实", "暂时", "现在", "部门", "后台", "系统", "系统那边", "系统侧", "技术那边", "请刷新", "刷新一下", "刷新",
        "再试试", "再试一下", "重试", "in the background", "in the backend", "on the backend", "on our side", "on our end",
        "our side", "our end", "system side", "please refresh", "refresh", "try again", "must be", "probably", "it's", "it is", "tbh", "rn", "lol", "pls", "plz", "sorry", "sry", "man", "mate",
        "bro", "lah", "la", "hehe", "haha",
    ]
    static let gistFillerMatcher = KeywordMatcher(gistFiller.map { LintText.key($0) })

    /// Below this many information units left over, a reply with a cue is only that cue.
    static let gistLeftover = 6

    /// The gist of `t` when the reply is nothing but a brush-off or a bare "done", else nil.
    func gist(_ t: LintText, _ found: [Match]) -> Gist? {
        var skip = skipMask(t, found)
        var first: (Int, Gist)?
        let clauses = t.clauseRanges
        for o in PhraseLint.gistMatcher.occurrences(in: t.text) {
            let a = t.index(ofUTF8: o.range.lowerBound)
            let b = t.index(ofUTF8: o.range.upperBound)
            guard a < b else { continue }
            // Latin cues start and end at word edges ("done" is not in "undone").
            if b < t.scalars.count, LintText.isLatinLetter(t.scalars[b - 1]), LintText.isContent(t.scalars[b]) { continue }
            if a > 0, LintText.isLatinLetter(t.scalars[a]), LintText.isLatinLetter(t.scalars[a - 1]) { continue }
            // Quoted, conditional or reported words are not the agent's own.
            if t.quoted[a..<b].contains(true) { continue }
            if let c = clauses.first(where: { $0.contains(a) }), PhraseLint.hedge(t, c).covers(a, b) { continue }
            for k in a..<b { skip[k] = true }
            if a < (first?.0 ?? Int.max) { first = (a, PhraseLint.gistOwner[o.id]) }
        }
        guard let g = first else { return nil }
        for o in PhraseLint.gistFillerMatcher.occurrences(in: t.text) {
            let a = t.index(ofUTF8: o.range.lowerBound)
            let b = t.index(ofUTF8: o.range.upperBound)
            if b < t.scalars.count, LintText.isLatinLetter(t.scalars[b - 1]), LintText.isContent(t.scalars[b]) { continue }
            if a > 0, a < t.scalars.count, LintText.isLatinLetter(t.scalars[a]), LintText.isLatinLetter(t.scalars[a - 1]) { continue }
            for k in a..<b { skip[k] = true }
        }
        let info = PhraseLint.information(t, skip: skip)
        // Words that do not count as units (stop words) still leave nothing said.
        return info.units < PhraseLint.gistLeftover ? g.1 : nil
    }
}
