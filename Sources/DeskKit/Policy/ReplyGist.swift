// What a short reply amounts to when its wording is not in any phrase family: a brush-off
// (not knowing, not our job, go ask someone else, too busy, can't be done) or a bare "done"
// (seed 004 服务忌语 and BRT回复规范). Families list phrases; this reads meaning cues in any
// wording, with pronoun and particle variants (我/俺/咱/偶/我们, 啊/吧/啦 are dropped by
// LintText), and refuses the reply only when, once the cues, pronouns, courtesy and filler are
// taken out, almost nothing is left: "俺也不知道啊" and "Fixed it." go no further, while
// "不归我们组，已转给网络组王工，他今天下午联系您" says who, what and when. A brush-off with
// no step of the agent's own (a commitment such as 我会/稍后/转给/I'll/let me, a question back, a
// number such as a time or an extension) is refused even with more words around it: the seed's
// politer forms ("我帮您确认一下，稍后给您答复") always name that step. Blame is also read from
// its form: "you"/你 with a fault word (wrong, 有问题, 错, or 问题 after 是) after it in the same
// clause, neither denied nor explained (因…, because…).

extension PhraseLint {
    /// A kind of brush-off or bare statement, with the politer way to say it.
    enum Gist: Int, CaseIterable {
        case notKnow, notOurs, goElsewhere, busy, cannot, dismiss, blame, blameColleague, done

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
            case .dismiss:
                "waves the problem away as normal or not worth attention without saying why (seed 004 BRT回复规范: 原因说明); say what it is, why it is harmless and what the requester can do"
            case .blame:
                "puts the problem on the requester's side without evidence (seed 004 服务忌语: 是你没说清楚，能怪我吗); say what you checked and what you need from them"
            case .blameColleague:
                "puts the fault on a colleague (seed 004 禁止: 出现错误把责任推到其他同事身上); say what went wrong and what you are doing about it"
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
            "outside our scope", "not supported by us", "nothing to do with us", "nothing to do with the system", "not a system issue",
            "not something we", "not something i", "don't look after", "do not look after", "we don't support", "we do not support",
            "not supported", "not us", "不是我们负责", "不归我们负责", "我们不负责", "falls under", "remit", "isn't something", "is not something",
            "not able to take on", "unable to take on", "not ours", "not mine", "not an it issue", "not an it problem", "isn't an it",
            "is not an it", "not something we caused", "不是it的问题", "不是it问题",
            "not our system", "not our software", "not our application", "not one of ours", "not our product", "不是我们的系统", "不是我们系统",
            "跟系统没关系", "和系统没关系", "与系统无关", "跟系统无关", "不是系统的问题", "不是系统问题", "跟我们无关", "与我们无关",
            // Another team's business, said as such ("这是硬件组的事", "that's the network team's job").
            "组的事", "部的事", "部门的事", "科的事", "他们的事", "他们那边的事", "归他们", "他们管", "他们负责", "那边管",
            "team's job", "team's problem", "team's area", "team's responsibility", "their job", "their problem", "their department",
            "their area", "their responsibility", "for them to", "up to them",
        ]),
        (.goElsewhere, [
            "找别人", "找其他人", "找别的", "问别人", "问别的", "问问别的", "问其他", "找其他部门", "另请高明", "自己想办法", "自己看着办",
            "找领导", "问领导", "你们领导", "你领导", "你们主管", "你们it", "你们自己的it",
            "your boss", "your manager", "your supervisor", "your it", "take it up with", "ask someone else", "ask somebody else", "ask another team", "try someone else", "go ask",
            "contact someone else", "find someone else", "figure it out yourself", "maybe ask", "try asking", "ask it", "ask your",
            "check with your", "问你们", "问问你们", "找你们", "自己去问", "自己去找", "自己问",
            "raise this with", "raise it with", "take this to", "take it to", "contact the vendor", "contact your provider",
            "ring your", "call your provider", "直接找", "找原厂", "找厂家", "找供应商", "联系原厂", "联系厂家", "找运营商",
            "raising it with", "raising this with", "suggest raising", "suggest contacting", "chase them", "chase it up yourself",
            "couldn't be of more help", "could not be of more help", "might want to try", "may want to try", "might want to contact",
            "might want to check", "aren't something we", "are not something we", "aren't really something", "isn't really something",
            "check with your facilities", "自行联系", "您自行", "你自己联系", "自己联系厂家", "please contact the", "please contact your",
            "让他找你", "让她找你", "你直接找", "你去跟", "你去和", "去跟你们", "你们主任", "你们经理", "你们老板", "ask the vendor",
            "ask your vendor", "call the vendor", "talk to the vendor", "ask the supplier", "contact the supplier", "ask the manufacturer",
            // Sent on to "them" with nothing handed over ("去找他们", "ask them").
            "去找他们", "找他们", "问他们", "联系他们", "找她们", "go to them", "ask them", "talk to them", "contact them",
            "reach out to them", "speak to them", "找他们去", "问他们去",
            // Left to the requester to do ("Just fix it from the admin screen, it's easy").
            "fix it yourself", "do it yourself", "just fix it", "sort it yourself", "sort it out yourself", "自己弄一下", "你自己弄",
            "自己处理一下", "你自己处理", "自己改一下", "you can do it yourself", "it's easy", "it is easy", "很简单的", "这很简单",
        ]),
        (.busy, [
            "没空", "很忙", "太忙", "忙着", "忙死", "没时间", "等会", "等一会", "晚点再说", "回头再说", "以后再说", "改天再说", "催啥",
            "催什么", "别催", "急啥", "急什么", "too busy", "very busy", "so busy", "busy right now", "busy now", "no time", "busy", "在忙", "忙不过来",
            "stop rushing", "don't rush me", "later", "not now", "some other time", "swamped", "snowed under", "slammed", "flat out",
            // Impatience at a repeat ("Again??", "怎么又是你？"): the seed's 急什么 in other words.
            "又来了", "又是你", "怎么又是", "why again", "not again", "again?", "you again",
            // The next step put off to "we'll see" ("不行再说").
            "不行再说", "到时候再说", "到时再说", "不行再看",
        ]),
        (.cannot, [
            "做不了", "弄不了", "搞不了", "干不了", "整不了", "办不了", "做不到", "办不到", "搞不定", "弄不好", "没办法", "没法弄", "没法搞",
            "没法做", "实现不了", "不能做", "不能弄", "无能为力", "没有办法", "can't do", "cannot do", "can not do", "can't be done",
            "cannot be done", "not possible", "impossible", "won't do", "no can do", "can't help", "cannot help", "nothing we can do",
            "无法处理", "处理不了", "帮不了", "无法帮", "没法处理", "isn't much we can do", "is not much we can do", "not much we can do",
        ]),
        (.dismiss, [
            // No ticket needed ("不用报单"): the request itself waved away.
            "不用报单", "不用提单", "别报单", "别提单", "不用开单", "没必要报单", "没必要提单",
            "不用管", "别管", "不用理", "不用理会", "别理", "不必理会", "不用在意", "不用在乎", "忽略就行", "忽略就好", "忽略即可", "无视就行",
            "正常现象", "属于正常", "是正常的", "很正常", "挺正常", "本来就这样", "一直都这样", "就是这样的", "没什么大不了",
            "ignore it", "just ignore", "can ignore", "don't worry about it", "do not worry about it", "nothing to worry about",
            "that's normal", "that is normal", "it's normal", "it is normal", "perfectly normal", "completely normal", "totally normal",
            "just how it is", "how it works", "the way it is", "it does that", "happens sometimes", "these things happen", "no big deal",
        ]),
        (.blame, [
            "你电脑的问题", "你电脑问题", "你的电脑有问题", "你那边的问题", "你那边问题", "你们那边的问题", "你自己的问题", "是你的问题", "就是你的问题",
            "你操作的问题", "你操作有问题", "你操作不对", "你用错了", "我这边正常", "我这边没问题", "我这里正常", "我这里没问题",
            "我这边可以", "我这里可以", "自己看说明", "自己看手册", "看说明书", "看手册",
            "your pc", "your computer", "your laptop", "your machine", "your side", "your end", "your network", "your browser",
            "on my end", "check your", "fine on our", "fine on my", "ok on our", "works for me", "works fine for me", "works on my machine", "fine on my side", "fine here", "user error",
            "read the manual", "rtfm", "read the docs", "自己的问题", "your problem", "your issue",
            "works on my side", "works on our side", "works on our end", "working on my side", "working on my end", "works here",
            "fine on our end", "我这能用", "我这边能用", "我这可以", "我这里能用",
        ]),
        (.done, [
            "好了", "搞定", "搞掂", "完事", "弄好", "办好", "处理好", "处理完", "处理了", "修好", "整好", "完成", "解决", "已处理", "已修复",
            "已好", "ok了", "done", "fixed", "resolved", "closed", "closing", "completed", "finished", "sorted", "all good",
            "all set", "should work now", "works now", "taken care of", "handled", "processed", "dealt with", "弄了", "addressed", "落实",
            // "Try again" alone claims it works without saying what changed.
            "try again", "try it again", "再试试", "再试一下", "再试一次", "重试",
            // Closing the ticket says nothing of the problem either.
            "关单", "关闭工单", "先关了",
            // A guess that it works, and the restart cliché ("Have you tried turning it off and on
            // again? Should be fine."): nothing found, nothing done.
            "should be fine", "should be ok", "should be okay", "should be good", "should be sorted", "应该没问题", "应该好了", "应该可以了",
            "off and on again", "turning it off and on", "turn it off and on", "关了再开", "重启一下就好", "应该就好", "应该就行",
            "应该就可以", "应该没事", "应该就没事", "就行了", "就好了", "就可以了",
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

    /// Words that describe work without saying what it was: where, generic verbs and objects
    /// ("后台帮您调了一下参数", "tweaked some settings on the server side"). Beside a claim that it
    /// is done they add nothing the requester can check (seed 004 BRT回复规范: 原因说明 and what
    /// was done); a named part ("打印机驱动", "DNS"), a number or a cause still counts.
    static let vagueWork: [String] = [
        "后台", "前台", "系统", "服务器", "服务端", "那边", "这边", "帮您", "帮你", "给您", "给你", "为您", "为你", "调整", "调了", "调", "改了",
        "修改", "改", "弄", "搞", "处理", "操作", "设置", "配置", "参数", "一下", "一些", "东西", "重新", "应该", "现在", "再试", "试试",
        "看看", "稍微", "了",
        "changed", "change", "tweaked", "tweak", "adjusted", "adjust", "modified", "something", "some", "stuff", "things", "bits",
        "a bit", "setting", "settings", "config", "configuration", "parameters", "parameter", "server side", "server-side",
        "backend", "back end", "back-end", "front end", "on the server", "the system", "our side", "our end", "now",
        "admin panel", "admin console", "the console", "management console", "管理后台", "控制台",
        "should", "try again", "give it a try", "have a go", "a few", "made", "did", "couple", "a couple of", "several", "various",
        "minor", "few", "一点", "几个", "一些地方", "非常重视", "高度重视", "第一时间", "组织", "相关同事", "相关人员", "相关部门", "进行了",
        "目前", "全部", "经排查", "排查", "as expected", "expected", "everything", "on our side", "the issue", "技术力量", "进行处置", "处置",
        "妥善", "我中心", "贵办", "give it another go", "another go", "give it a go", "高度关注", "关注",
        // Steps not named ("carry out the standard troubleshooting steps"): which steps is the detail.
        "carry out", "perform", "the steps", "steps", "步骤", "流程", "按流程", "按照流程", "adjustment", "adjustments", "via",
        // A non-finding beside "closed" says nothing found ("Couldn't reproduce. Ticket closed.").
        "could not reproduce", "cannot reproduce", "can not reproduce", "unable to reproduce", "无法复现", "复现不了", "没复现",
        // Where it was agreed, not what was done ("Resolved per call."); "just follow it" (走就行).
        "per call", "per our call", "as per call", "as discussed", "per phone", "走就行", "就行", "会处理的", "会处理",
        // Trying unnamed things and a guess that it works ("tried a couple of things on the
        // backend and I think it should be ok now? lol").
        "tried", "i think", "i guess", "i reckon", "probably", "hopefully", "lol", "haha", "hmm", "我觉得", "估计", "应该是", "大概",
        // A fix named only as the usual one ("applied the standard fix", 按老办法处理): which fix
        // is the detail.
        "applied", "apply", "standard fix", "usual fix", "the fix", "a fix", "fix", "standard", "usual", "the usual", "normal procedure",
        "standard procedure", "老办法", "老方法", "常规", "常规方法", "常规处理", "标准方法", "标准操作", "惯例",
    ]
    static let vagueWorkMatcher = KeywordMatcher((vagueWork + corporateWork).map { LintText.key($0) })

    /// Words of effort, attitude and process that name no thing, step or result: the prose of a
    /// press release or a post-mortem written for nobody ("leveraged cross-functional
    /// collaboration to restore service posture", "经各方共同努力，多措并举，全力保障系统平稳运行").
    /// Seed 004 refuses 笼统模糊的描述; what is left once these are taken out is what was said.
    /// Replies skip them with the vague work above; resolution fields skip them alone (a
    /// resolution names its component, so "server" and "settings" there are detail).
    static let corporateWork: [String] = [
        "leveraged", "leverage", "cross-functional", "cross functional", "collaboration", "collaborative", "key stakeholders", "stakeholders",
        "in alignment with", "alignment", "synergy", "synergies", "holistic", "service posture", "posture", "continuous improvement",
        "drive", "diligently", "worked diligently", "mitigate", "mitigated", "mitigation", "customer impact", "impact", "robust",
        "best practices", "best practice", "proactive", "proactively", "going forward", "ensure", "ensured", "streamline", "streamlined",
        "restore service", "restored service", "service restored", "degradation of service", "service degradation", "throughout the incident",
        "teams", "all teams", "relevant teams", "contributed to", "in line with", "as appropriate", "appropriate action", "necessary action",
        "actioned", "remediation", "remediated", "standard remediation", "per runbook", "per the runbook", "monitoring", "monitored",
        "no further impact", "observed", "at this time", "situation", "normalised", "normalized", "stabilised", "stabilized",
        "business as usual", "alert triggered", "alert fired", "alarm triggered", "acknowledged alert", "acknowledged the alert",
        "alert cleared", "alarm cleared", "alert resolved", "thorough", "comprehensive", "comprehensive investigation", "several teams",
        "involving", "remediation steps", "kept all stakeholders informed", "informed", "throughout the process", "will continue to be monitored",
        "continue to monitor",
        "经各方共同努力", "各方", "共同努力", "多措并举", "高度重视", "迅速响应", "统筹协调", "统筹", "协调", "各方资源", "资源", "全力保障", "全力",
        "保障", "平稳运行", "稳定运行", "取得良好成效", "良好成效", "成效", "用户满意度", "满意度", "进一步提升", "进一步", "提升", "积极",
        "认真", "切实", "落实", "部署", "圆满", "顺利", "符合规范要求", "符合规范", "规范要求", "按照标准流程", "标准流程", "处理过程", "告警触发", "告警已确认", "告警恢复", "告警消除", "告警已清除",
        // Formal and empty: 经研究，该事项已按程序办结; "appropriate remedial action was taken in line
        // with procedure", "resolved to the satisfaction of all parties".
        "经研究", "按程序", "该事项", "有关事项", "remedial action", "remedial", "appropriate", "procedure", "in line with procedure",
        "to the satisfaction of all parties", "satisfaction of all parties", "all parties", "the matter", "matter resolved",
    ]
    static let corporateWorkMatcher = KeywordMatcher(corporateWork.map { LintText.key($0) })

    /// Below this many information units left over, a reply with a cue is only that cue: one
    /// plain word beside "done" ("the printer has been done", "打印机已修好") names what, not
    /// what was found or done.
    static let gistLeftover = 7
    /// A brush-off that names no step of the agent's own is refused below this many units.
    static let uncommittedLeftover = 60

    /// Words that name a next step the agent takes or asks for (key form): a hand-off, a
    /// promise, a check, a request for details (a question asked without "?" included).
    static let commitments: [String] = [
        "我会", "我们会", "我这就", "我马上", "我们马上", "我来", "我去", "我帮你", "帮你", "为你", "给你回复", "给你答复", "回复你", "联系你",
        "通知你", "告诉你", "稍后", "尽快给", "已转", "转给", "转交", "已提交", "已联系", "已反馈", "反馈给", "已上报", "上报", "我已", "我们已",
        "已为你", "已帮你", "麻烦你", "请你提供", "请提供", "请发", "发我", "发给我", "截图", "截个图", "我上门", "我过去", "跟进", "安排",
        "告诉我", "麻烦", "请确认", "确认一下", "核实", "哪台", "哪个", "哪一", "哪位", "是否", "正在", "在查", "在排查", "帮你排查", "我排查",
        "i will", "we will", "i am going to", "we are going to", "let me", "let us", "i can", "we can", "i am checking",
        "we are checking", "i am looking", "we are looking", "i have asked", "i have escalated", "i have opened", "i have logged",
        "i have raised", "i have passed", "i have forwarded", "i have sent", "i have reset", "i have restarted", "i have checked",
        "i have pulled", "we have escalated", "we have opened", "we have passed", "please send", "could you send", "can you send",
        "please share", "could you share", "please provide", "could you tell", "can you tell", "please tell", "escalated",
        "forwarded", "passed it to", "handed over", "transferred", "get back to you", "call you", "email you", "update you",
        "which", "could you", "can you", "would you", "investigating", "looking into", "working on",
        // What the ticket waits on, named: a dependency is a status, not a brush-off.
        "approval", "审批", "批准",
    ]
    static let commitmentMatcher = KeywordMatcher(commitments.map { LintText.key($0) })

    /// Words for a way forward the agent offers where a request cannot be met as asked (a
    /// workaround, an alternative, steps): a decline with one is no brush-off.
    static let alternatives: [String] = [
        "替代", "代替", "步骤", "可以先", "临时", "变通", "改用", "workaround", "alternatively", "in the meantime",
        "meanwhile", "steps", "as a stopgap",
    ]
    static let alternativeMatcher = KeywordMatcher(alternatives.map { LintText.key($0) })

    /// Whether `t` says the agent is doing something: "I am"/"we are" before an -ing form ("I'm
    /// dialling in to your PC now"). A step beside a brush-off cue, but nothing checkable: "we are
    /// looking into it" holds the request as much as it works on it.
    static func reportsOngoingAction(_ t: LintText) -> Bool {
        let words = t.text.split(whereSeparator: { !($0.isLetter || $0 == "'") }).map(String.init)
        for i in words.indices where (words[i] == "i" || words[i] == "we") && i + 2 < words.count {
            if words[i + 1] == "am" || words[i + 1] == "are", words[i + 2].count > 4, words[i + 2].hasSuffix("ing") { return true }
        }
        return false
    }

    /// Whether `t` says the agent did something: "I"/"we" before a past form ("I renewed it",
    /// "we replaced the toner", "I've now reinstalled": contractions are written out in key
    /// form), with at most "have" and one adverb between.
    static func reportsOwnAction(_ t: LintText) -> Bool {
        let words = t.text.split(whereSeparator: { !($0.isLetter || $0 == "'") }).map(String.init)
        for i in words.indices where words[i] == "i" || words[i] == "we" {
            var j = i + 1
            if j < words.count && (words[j] == "have" || words[j] == "had") { j += 1 }
            if j < words.count && ["now", "just", "already", "also", "then", "quickly"].contains(words[j]) { j += 1 }
            guard j < words.count else { continue }
            let w = words[j]
            if (w.count > 3 && w.hasSuffix("ed") && !notActions.contains(w)) || pastForms.contains(w) { return true }
        }
        return false
    }
    /// -ed words that report no action on the problem: taking it in is not working on it
    /// ("we have received your request", "I've noted it").
    static let notActions: Set<String> = [
        "need", "received", "noted", "logged", "recorded", "registered", "acknowledged", "forwarded", "escalated", "passed",
        "transferred", "reported", "looked",
    ]
    /// Past forms without -ed that report an action.
    static let pastForms: Set<String> = ["sent", "set", "reset", "put", "ran", "made", "found", "rebuilt", "took", "gave", "got", "swapped", "brought", "wrote", "rang", "spoke"]

    /// Whether `t` names a next step: a commitment, a question back or a number (a time, an
    /// extension, a ticket).
    static func commits(_ t: LintText) -> Bool {
        if namesAConcreteStep(t) || reportsOngoingAction(t) { return true }
        // A promise put off to no time ("we'll get to it when we can", "回头再联系你") is none.
        let putOff = putOffClauses(t)
        for m in [commitmentMatcher, alternativeMatcher] where hasWord(m, t, outside: putOff) { return true }
        return false
    }

    /// Whether `t` promises a step at a time ("I'll be with you in a moment", "我今天下午过去"): a
    /// commitment and a time word, the commitment outside any put-off clause.
    static func promisesATime(_ t: LintText) -> Bool {
        hasWord(timeMatcher, t) && hasWord(commitmentMatcher, t, outside: putOffClauses(t))
    }

    /// The clauses of `t` holding a put-off word ("when we can", "later", 回头) and no time word.
    static func putOffClauses(_ t: LintText) -> [Range<Int>] {
        let clauses = t.clauseRanges
        var out: [Range<Int>] = []
        for o in vagueTimeMatcher.occurrences(in: t.text) {
            let a = t.index(ofUTF8: o.range.lowerBound)
            if let c = clauses.first(where: { $0.contains(a) }), !out.contains(c) { out.append(c) }
        }
        guard !out.isEmpty else { return [] }
        for o in timeMatcher.occurrences(in: t.text) {
            let a = t.index(ofUTF8: o.range.lowerBound)
            out.removeAll { $0.contains(a) }
        }
        return out
    }

    /// Whether `t` holds a step no brush-off has: a number (a time, an extension, a ticket), a
    /// real question back, or a report of the agent's own action. Narrower than `commits`
    /// ("looking into it", "已反馈" promise nothing checkable).
    static func namesAConcreteStep(_ t: LintText) -> Bool {
        hasDetailNumber(t) || asksARealQuestion(t) || reportsOwnAction(t)
    }

    /// Whether `t` has a number that is a detail (a time, an extension, an error code): digits
    /// only, since a Chinese numeral such as 一 in "一下" is no detail; and not the ticket's own
    /// number after a word that names it ("Your incident INC0048213 has been updated", "工单号：
    /// SD-2024-11873"), which a ticket-system notice carries whatever it says.
    static func hasDetailNumber(_ t: LintText) -> Bool {
        var detail = false
        numberTokens(t.scalars) { _, _, ticket in
            if !ticket { detail = true }
        }
        return detail
    }

    /// Marks in `skip` each ticket number and the word naming it ("incident inc0048213"): a
    /// notice's reference is no information about the problem.
    static func skipTicketNumbers(_ t: LintText, _ skip: inout [Bool]) {
        numberTokens(t.scalars) { a, b, ticket in
            guard ticket else { return }
            for k in a..<b { skip[k] = true }
        }
    }

    /// Calls `body` with each token holding a digit (letters, digits, "-" and "_" around it:
    /// "inc0048213", "sd-2024-11873"), as a key range, and whether it is a ticket number; a
    /// ticket number's range starts at the word that names it.
    static func numberTokens(_ u: [Unicode.Scalar], _ body: (Int, Int, Bool) -> Void) {
        func idChar(_ x: Unicode.Scalar) -> Bool { LintText.isLatinLetter(x) || (x.value >= 0x30 && x.value <= 0x39) || x == "-" || x == "_" }
        var i = 0
        while i < u.count {
            guard u[i].value >= 0x30 && u[i].value <= 0x39 else {
                i += 1
                continue
            }
            var a = i
            while a > 0 && idChar(u[a - 1]) { a -= 1 }
            var b = i
            while b < u.count && idChar(u[b]) { b += 1 }
            if let w = ticketWordStart(u, before: a) { body(w, b, true) } else { body(a, b, isTeamNumber(u, a, b)) }
            i = b
        }
    }

    /// Words that name the ticket whose number follows them (key form).
    static let ticketIdWords: [[Unicode.Scalar]] = [
        "工单号", "工单编号", "单号", "工单", "ticket", "incident", "case", "request", "reference", "ref", "ticket no", "ticket number", "case number",
    ].map { Array(LintText.key($0).unicodeScalars) }

    /// Where the ticket word starts that ends just before key index `a`, with at most spaces, a
    /// colon, "#" or "." between ("incident inc…", "工单号：sd-…", "ticket #123"); nil if none.
    static func ticketWordStart(_ u: [Unicode.Scalar], before a: Int) -> Int? {
        var k = a
        while k > 0 && [" ", ":", "：", "#", "."].contains(u[k - 1]) { k -= 1 }
        for w in ticketIdWords {
            guard k >= w.count, u[(k - w.count)..<k].elementsEqual(w) else { continue }
            // A Latin word starts there, not inside a longer one ("showcase").
            let start = k - w.count
            if start == 0 || !LintText.isLatinLetter(w[0]) || !LintText.isLatinLetter(u[start - 1]) { return start }
        }
        return nil
    }

    /// Whether the number token `a..<b` only names a support tier or team ("tier 3", "L2",
    /// "2nd line", "the N4 team"): a hand-off to it names no step, time or detail the
    /// requester can hold the desk to, any more than "the network team" does.
    static func isTeamNumber(_ u: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        let token = String(String.UnicodeScalarView(u[a..<b]))
        // "l2", "t3": a tier written short.
        if token.count == 2, let f = token.first, f == "l" || f == "t", let d = token.last, d.isNumber { return true }
        func word(from i: Int, step: Int) -> String {
            var k = i
            while k >= 0 && k < u.count && u[k] == " " { k += step }
            var w: [Unicode.Scalar] = []
            while k >= 0 && k < u.count && LintText.isLatinLetter(u[k]) {
                w.append(u[k])
                k += step
            }
            return String(String.UnicodeScalarView(step < 0 ? w.reversed() : w))
        }
        let before = word(from: a - 1, step: -1)
        let after = word(from: b, step: 1)
        return teamNumberBefore.contains(before) || teamNumberAfter.contains(after)
    }
    /// Words before a number that make it a tier's or a team's name (key form): not "line" or
    /// "level", which number lines of a file and readings ("line 42", "level 90").
    static let teamNumberBefore: Set<String> = ["tier", "team", "squad"]
    /// Words after a number that make it a team's name: not "people" ("5 people can't log in").
    static let teamNumberAfter: Set<String> = ["line", "support", "team", "teams", "group", "squad", "desk", "tier"]

    /// Whether a "?" ends a clause that asks something (at least 8 units of letters, a Han
    /// character counting 2): "Which printer is it?" does, a rhetorical "Again?" does not.
    static func asksARealQuestion(_ t: LintText) -> Bool {
        let u = t.scalars
        for q in u.indices where u[q] == "?" {
            var units = 0
            var k = q - 1
            while k >= 0 && !".,;!?。，；！？\n".unicodeScalars.contains(u[k]) {
                units += LintText.units(u[k])
                k -= 1
            }
            // A suggestion in a question's form asks nothing back ("Maybe just try again later?").
            if units >= 8 && !suggestionMarkers.contains(where: { t.slice((k + 1)..<q).contains($0) }) { return true }
        }
        return false
    }
    /// Words that make a question a suggestion (key form).
    static let suggestionMarkers = ["maybe", "perhaps", "try again", "just try", "要不", "再试"]

    /// Whether one of `matcher`'s words stands in `t` as a word (Latin words at word edges),
    /// outside the key ranges `outside`.
    static func hasWord(_ matcher: KeywordMatcher, _ t: LintText, outside: [Range<Int>] = []) -> Bool {
        for o in matcher.occurrences(in: t.text) {
            let b = t.index(ofUTF8: o.range.upperBound)
            let a = t.index(ofUTF8: o.range.lowerBound)
            if outside.contains(where: { $0.contains(a) }) { continue }
            if b < t.scalars.count, LintText.isLatinLetter(t.scalars[b - 1]), LintText.isContent(t.scalars[b]) { continue }
            if a > 0, LintText.isLatinLetter(t.scalars[a]), LintText.isLatinLetter(t.scalars[a - 1]) { continue }
            // "I can not", "we will not": a step denied is none ("can't" reads "can not" in key form);
            // "nothing we can", "something we can help with" names no step either.
            if followedByNot(t, b) || precededByIndefinite(t, a) { continue }
            return true
        }
        return false
    }

    /// Whether the word before key index `a` is "something", "nothing" or "anything".
    static func precededByIndefinite(_ t: LintText, _ a: Int) -> Bool {
        var k = a
        while k > 0 && t.scalars[k - 1] == " " { k -= 1 }
        var start = k
        while start > 0 && LintText.isLatinLetter(t.scalars[start - 1]) { start -= 1 }
        guard start < k else { return false }
        var word = String.UnicodeScalarView()
        word.append(contentsOf: t.scalars[start..<k])
        return ["something", "nothing", "anything"].contains(String(word))
    }

    /// Whether the word after key index `b` is "not" or "never".
    static func followedByNot(_ t: LintText, _ b: Int) -> Bool {
        var k = b
        while k < t.scalars.count && t.scalars[k] == " " { k += 1 }
        for w in ["not", "never"] {
            let ws = Array(w.unicodeScalars)
            guard k + ws.count <= t.scalars.count, Array(t.scalars[k..<(k + ws.count)]) == ws else { continue }
            if k + ws.count == t.scalars.count || !LintText.isLatinLetter(t.scalars[k + ws.count]) { return true }
        }
        return false
    }

    /// Second-person words and fault words for blame read from its form (key form).
    static let secondPerson: [[Unicode.Scalar]] = ["你", "you", "your"].map { Array($0.unicodeScalars) }
    /// Colleagues a fault is pushed onto ("上次是我同事配置的时候弄错了", "the previous engineer set
    /// this up wrong"): the same form, another subject.
    static let colleagues: [[Unicode.Scalar]] = ["同事", "他", "她", "colleague", "engineer", "previous", "he", "she"].map { Array($0.unicodeScalars) }
    static let faultWords: [[Unicode.Scalar]] = [
        "有问题", "出问题", "错", "不对", "wrong", "fault", "mistake", "incorrect",
        // "…才会…": the cause put on the requester ("你们自己把纸塞歪了才会卡"); admonishment.
        "才会", "才导致", "才造成", "才出现", "弄坏", "搞坏", "弄丢", "搞丢", "误删", "小心点", "注意点", "careless", "more careful",
        "操作不当", "使用不当", "自己删", "自己弄",
        // A poor thing of theirs as the cause ("你们网络太差了", "your wifi is rubbish").
        "太差", "差劲", "太烂", "太旧", "太老", "rubbish", "terrible", "too old", "too slow", "useless",
        "himself", "herself", "themselves",
    ].map {
        Array($0.unicodeScalars)
    } + strongFaults
    /// Not having said it clearly or soon enough, the seed's own example of blame (seed 004
    /// 服务忌语: 是你没说清楚，能怪我吗), or not having read or followed what was sent, in any words
    /// between ("你之前也没说清楚是哪台机器", "because you didn't follow the guide we sent"). No
    /// step beside it makes it polite, so a reply with one is refused whatever else it says.
    static let strongFaults: [[Unicode.Scalar]] = [
        "did not follow", "never followed", "did not read", "never read", "ignored", "没看通知", "没看说明", "不看通知", "不看说明",
        "没说清楚", "没讲清楚", "没说明白", "没讲明白", "没描述清楚", "没写清楚", "没有说清楚", "没有讲清楚", "说不清楚", "讲不清楚",
        "不说清楚", "现在才说", "现在才告诉", "这时候才说", "不早说", "早点说", "早点告诉",
    ].map { Array($0.unicodeScalars) }
    /// "问题" or "原因" alone is a fault only as what something *is* ("是你电脑的问题", "是你那边的
    /// 原因"): "已收到您的问题" is the requester's question, not blame.
    static let issueWords: [[Unicode.Scalar]] = ["问题", "原因"].map { Array($0.unicodeScalars) }
    /// Words before the fault that deny it ("不是你的问题", "you did nothing wrong", "not your
    /// fault") or give its cause, which is the evidence a blame lacks ("您的账号因多次输错密码被锁定").
    static let faultDenials: [[Unicode.Scalar]] = negations + causeWords
    static let negations: [[Unicode.Scalar]] = ["不是", "并非", "没有", "没", "nothing", "not", "never", "no"].map { Array($0.unicodeScalars) }
    static let causeWords: [[Unicode.Scalar]] = ["因", "由于", "because", "due to", "since", "after"].map { Array($0.unicodeScalars) }

    /// Key ranges from a second-person word to a fault word after it (at most 12 scalars in
    /// Chinese, 40 in English: about six words), in one clause, with no denial before the fault
    /// in that clause.
    static func blameSpans(_ t: LintText, _ clauses: [Range<Int>]) -> [(range: Range<Int>, colleague: Bool)] {
        blameForms(t, clauses).filter { !$0.denied }.map { ($0.range, $0.colleague) }
    }

    /// Whether `t` denies a blame ("不是您电脑的问题", "you did nothing wrong"): the wording of a
    /// blame, which only the clause's denial tells from one.
    static func deniesBlame(_ t: LintText) -> Bool {
        blameForms(t, t.clauseRanges).contains { $0.denied }
    }

    /// Whether word `w` stands at key index `i` inside clause `c` (Latin words alone: "you" is
    /// not in "youth", "no" not in "now").
    static func wordAt(_ u: [Unicode.Scalar], _ i: Int, _ w: [Unicode.Scalar], _ c: Range<Int>) -> Bool {
        guard i >= c.lowerBound, i + w.count <= c.upperBound else { return false }
        for (k, x) in w.enumerated() where u[i + k] != x { return false }
        if LintText.isLatinLetter(w[0]) {
            if i > c.lowerBound, LintText.isLatinLetter(u[i - 1]) { return false }
            if i + w.count < u.count, LintText.isLatinLetter(u[i + w.count]) { return false }
        }
        return true
    }

    /// First-person words and the words that disown a problem after them ("跟我们软件无关",
    /// "与我方系统没有关系"): the desk saying the problem is none of its business, with whatever
    /// stands between.
    static let firstPerson: [[Unicode.Scalar]] = ["我们", "我方", "本部门", "咱们"].map { Array($0.unicodeScalars) }
    static let disowning: [[Unicode.Scalar]] = ["无关", "没关系", "没有关系", "不相干", "不沾边", "没什么关系"].map { Array($0.unicodeScalars) }

    /// Key ranges from a first-person word to a disowning word after it (at most 12 scalars),
    /// in one clause, not denied before it ("不是跟我们无关").
    static func disownSpans(_ t: LintText, _ clauses: [Range<Int>]) -> [Range<Int>] {
        let u = t.scalars
        var out: [Range<Int>] = []
        for c in clauses {
            for i in c {
                guard let p = firstPerson.first(where: { wordAt(u, i, $0, c) }) else { continue }
                for j in (i + p.count)..<max(i + p.count, min(c.upperBound, i + p.count + 12)) {
                    guard let f = disowning.first(where: { wordAt(u, j, $0, c) }) else { continue }
                    if !(c.lowerBound..<i).contains(where: { k in faultDenials.contains { wordAt(u, k, $0, c) } }) { out.append(i..<(j + f.count)) }
                    break
                }
            }
        }
        return out
    }

    /// Key ranges of a reproach in the third conditional ("If you had described the error
    /// properly in the first place this would have been quicker", "had you told us …, we would
    /// not have …"): "if you had" ("if you'd" keys as "if you would") or "had you", a past
    /// participle (one adverb may stand before it), and in the same sentence what "would have"
    /// been or "in the first place". It is blame whatever the fault is called, and conditional
    /// only in form, so no hedge covers it; "If you had any unsaved work, it is in …" and "If
    /// you'd like, I can …" name no participle and no "would have".
    static func reproachSpans(_ t: LintText) -> [Range<Int>] {
        var out: [Range<Int>] = []
        let all = t.latinWords()
        var start = 0
        while start < all.count {
            var end = start
            while end < all.count && all[end].sentence == all[start].sentence { end += 1 }
            let words = all[start..<end].map { (text: $0.text, range: $0.range) }
            start = end
            let text = words.map(\.text)
            guard reproachMains.contains(where: { (" " + text.joined(separator: " ") + " ").contains($0) }) else { continue }
            for i in text.indices {
                var p: Int
                if text[i] == "if", i + 2 < text.count, text[i + 1] == "you", text[i + 2] == "had" || text[i + 2] == "would" { p = i + 3 }
                else if text[i] == "had", i + 1 < text.count, text[i + 1] == "you" { p = i + 2 }
                else if text[i] == "if", let h = thirdPersonHad(text, i) { p = h + 1 }
                else { continue }
                // The passive, whoever the subject: "if the guide had been followed" (what was
                // sent not read or followed).
                if p + 1 < text.count, text[p] == "been", ["followed", "read"].contains(text[p + 1]) {
                    out.append(words[i].range.lowerBound..<words[p + 1].range.upperBound)
                    continue
                }
                let person = text[i + 1] == "you" || text[i + 1] == "your" || reproachPersons.contains(text[i + 1])
                if p < text.count, reproachAdverbs.contains(text[p]), person || scornAdverbs.contains(text[p]) { p += 1 }
                else if !person { continue }
                guard p < text.count else { continue }
                let w = text[p]
                if (w.count > 3 && w.hasSuffix("ed")) || participles.contains(w) { out.append(words[i].range.lowerBound..<words[p].range.upperBound) }
            }
        }
        return out
    }
    /// The index of "had" in "if he had", "if staff had", "if the driver had" (the requester's
    /// people in the third person: the same reproach said about them); nil for "if you".
    static func thirdPersonHad(_ text: [String], _ i: Int) -> Int? {
        guard i + 2 < text.count, text[i + 1] != "you" else { return nil }
        if reproachPersons.contains(text[i + 1]), text[i + 2] == "had" { return i + 2 }
        // "the driver", "your team": a noun after a determiner. "your …" is the requester's
        // side, a reproach as "you" is; after "the" a thing is no person, so only a scornful
        // adverb after "had" makes it one ("if the driver had actually read").
        if ["the", "your", "that", "this"].contains(text[i + 1]) {
            // One or two words of noun ("the driver", "the onboarding guide").
            if let h = [i + 3, i + 4].first(where: { $0 < text.count && text[$0] == "had" }) { return h }
        }
        return nil
    }
    /// Adverbs that make "if the driver had …" a reproach of a person (a thing does not
    /// "actually" or "bother to" do anything).
    static let scornAdverbs: Set<String> = ["actually", "bothered", "even", "simply"]
    /// People a reproach is said of in the third person (key form).
    static let reproachPersons: Set<String> = ["he", "she", "they", "someone", "somebody", "anyone", "staff", "users", "people", "everyone", "colleagues"]

    /// Brush-offs that stay brush-offs in a conditional ("If that doesn't work I don't know what
    /// to tell you"): giving up in advance is not a hedge. Key form.
    static let givingUp = ["do not know what to tell you", "do not know what else to tell you", "not sure what else to tell you",
        "nothing more i can tell you", "nothing more we can do", "nothing else we can do", "不知道还能怎么办", "我也没办法了", "那我也没办法"]
    static let givingUpMatcher = KeywordMatcher(givingUp.map { LintText.key($0) })

    /// What the main clause of a reproach says (space-padded words).
    static let reproachMains = [
        " would have ", " would not have ", " could have ", " might have ", " would've ", " could've ", " in the first place ",
        " wasted ", " wasting ", " would not be ", " would be ", "'d have ", " the first time ",
    ]
    static let reproachAdverbs: Set<String> = ["only", "just", "actually", "already", "properly", "clearly", "simply", "even", "bothered"]
    /// Past participles without -ed.
    static let participles: Set<String> = ["told", "said", "read", "given", "sent", "done", "written", "shown", "known", "made", "kept", "left", "taken"]

    /// Key ranges of "找网络组去" / "问厂家去": a clause that ends sending the requester off (找 or
    /// 问, up to eight characters, then 去 last), said of no first person ("我找网络组去" is the
    /// agent's own errand). The seed's 你去跟省公司讲吧 with the verb first.
    static func sendOffSpans(_ t: LintText, _ clauses: [Range<Int>]) -> [Range<Int>] {
        let u = t.scalars
        var out: [Range<Int>] = []
        for c in clauses {
            let b = PhraseLint.bare(u, c)
            guard b.count >= 3, u[b.upperBound - 1] == "去" else { continue }
            let from = max(b.lowerBound, b.upperBound - 10)
            guard let v = (from..<(b.upperBound - 2)).first(where: { u[$0] == "找" || u[$0] == "问" }) else { continue }
            // 我 covers 我们 and 我方; the other first persons are whole words.
            if (b.lowerBound..<v).contains(where: { k in u[k] == "我" || firstPerson.contains { wordAt(u, k, $0, c) } }) { continue }
            out.append(v..<b.upperBound)
        }
        return out
    }

    /// Whether `t` owns a fault in the first person ("抱歉我之前没说清楚", "we got the address
    /// wrong", "my mistake"): the opposite of blame, though its n-grams are blame's, so the
    /// reply model is not asked. A "you" or a colleague between ("我觉得是你弄错了", "我同事弄错了")
    /// makes it blame again.
    static func ownsFault(_ t: LintText) -> Bool {
        let u = t.scalars
        let owners: [[Unicode.Scalar]] = ["我", "i", "we", "my", "our"].map { Array($0.unicodeScalars) }
        for c in t.clauseRanges {
            for i in c {
                guard let p = owners.first(where: { wordAt(u, i, $0, c) }) else { continue }
                let limit = min(c.upperBound, i + p.count + (LintText.isLatinLetter(p[0]) ? 40 : 12))
                for j in (i + p.count)..<max(i + p.count, limit) {
                    if secondPerson.contains(where: { wordAt(u, j, $0, c) }) || colleagues.contains(where: { wordAt(u, j, $0, c) }) { break }
                    guard faultWords.contains(where: { wordAt(u, j, $0, c) }) else { continue }
                    if !(c.lowerBound..<j).contains(where: { k in faultDenials.contains { wordAt(u, k, $0, c) } }) { return true }
                    break
                }
            }
        }
        return false
    }

    /// `blameSpans` with the denied ones too, each marked.
    static func blameForms(_ t: LintText, _ clauses: [Range<Int>]) -> [(range: Range<Int>, denied: Bool, colleague: Bool)] {
        let u = t.scalars
        func at(_ i: Int, _ w: [Unicode.Scalar], _ c: Range<Int>) -> Bool { wordAt(u, i, w, c) }
        var out: [(range: Range<Int>, denied: Bool, colleague: Bool)] = []
        for c in clauses {
            for i in c {
                let you = secondPerson.first(where: { at(i, $0, c) })
                guard let p = you ?? colleagues.first(where: { at(i, $0, c) }) else { continue }
                let limit = min(c.upperBound, i + p.count + (LintText.isLatinLetter(p[0]) ? 40 : 12))
                let isAfterIs = (c.lowerBound..<i).contains { u[$0] == "是" }
                for j in (i + p.count)..<max(i + p.count, limit) {
                    guard let f = faultWords.first(where: { at(j, $0, c) }) ?? (isAfterIs ? issueWords.first(where: { at(j, $0, c) }) : nil) else { continue }
                    // A negation anywhere before the fault denies it; a cause only between the
                    // person and the fault ("您的账号因多次输错…"): "because you didn't follow…"
                    // gives the person as the cause.
                    let denied = (c.lowerBound..<j).contains { k in negations.contains { at(k, $0, c) } }
                        || ((i + p.count)..<j).contains { k in causeWords.contains { at(k, $0, c) } }
                    out.append((i..<(j + f.count), denied, you == nil))
                    break
                }
            }
        }
        return out
    }

    /// The words of `matcher` that stand in `t` as the agent's own: Latin words at word edges
    /// ("done" is not in "undone", "hi" not in "this"), not quoted, not in a conditional, denied
    /// or reported clause (`clauses` are `t.clauseRanges`). Key ranges with the word's id.
    static func ownOccurrences(_ matcher: KeywordMatcher, _ t: LintText, _ clauses: [Range<Int>]) -> [(id: Int, range: Range<Int>)] {
        var out: [(id: Int, range: Range<Int>)] = []
        for o in matcher.occurrences(in: t.text) {
            let a = t.index(ofUTF8: o.range.lowerBound)
            let b = t.index(ofUTF8: o.range.upperBound)
            guard a < b else { continue }
            if b < t.scalars.count, LintText.isLatinLetter(t.scalars[b - 1]), LintText.isContent(t.scalars[b]) { continue }
            if a > 0, LintText.isLatinLetter(t.scalars[a]), LintText.isLatinLetter(t.scalars[a - 1]) { continue }
            if t.quoted[a..<b].contains(true) { continue }
            if let c = clauses.first(where: { $0.contains(a) }), PhraseLint.hedge(t, c).covers(a, b) { continue }
            out.append((o.id, a..<b))
        }
        return out
    }

    /// The gist of `t` when the reply is nothing but a brush-off or a bare "done", else nil.
    func gist(_ t: LintText, _ found: [Match]) -> Gist? {
        var skip = skipMask(t, found)
        var first: (Int, Gist)?
        // Whether a cue other than "done" was found (a brush-off).
        var brushOff = false
        // The kinds of brush-off found, and where "done" cues stand.
        var kinds = Set<Gist>()
        var doneRanges: [Range<Int>] = []
        let clauses = t.clauseRanges
        // Brush-offs read from their form (blame, disowning), in the agent's own words.
        let forms = PhraseLint.blameSpans(t, clauses).map { ($0.range, $0.colleague ? Gist.blameColleague : .blame) }
            + PhraseLint.disownSpans(t, clauses).map { ($0, Gist.notOurs) } + PhraseLint.sendOffSpans(t, clauses).map { ($0, Gist.goElsewhere) }
        // Giving up in advance is a brush-off in a conditional too.
        if PhraseLint.givingUpMatcher.occurrences(in: t.text).contains(where: { o in
            !t.quoted[t.index(ofUTF8: o.range.lowerBound)..<t.index(ofUTF8: o.range.upperBound)].contains(true)
        }) { return .notKnow }
        // A reproach is conditional in form only: no hedge covers it.
        let reproaches = PhraseLint.reproachSpans(t)
        for (r, g) in forms + reproaches.map({ ($0, Gist.blame) }) where !t.quoted[r].contains(true) {
            if !reproaches.contains(r), let c = clauses.first(where: { $0.contains(r.lowerBound) }),
                PhraseLint.hedge(t, c).covers(r.lowerBound, r.upperBound) { continue }
            // "你…没说清楚" and a reproach are blame with or without a step beside them.
            if g == .blame, reproaches.contains(r) || PhraseLint.strongFaults.contains(where: { w in
                r.count >= w.count && Array(t.scalars[(r.upperBound - w.count)..<r.upperBound]) == w
            }) { return .blame }
            for k in r { skip[k] = true }
            brushOff = true
            kinds.insert(g)
            if r.lowerBound < (first?.0 ?? Int.max) { first = (r.lowerBound, g) }
        }
        for (id, r) in PhraseLint.ownOccurrences(PhraseLint.gistMatcher, t, clauses) {
            for k in r { skip[k] = true }
            if PhraseLint.gistOwner[id] == .done { doneRanges.append(r) }
            if PhraseLint.gistOwner[id] != .done {
                brushOff = true
                kinds.insert(PhraseLint.gistOwner[id])
            }
            if r.lowerBound < (first?.0 ?? Int.max) { first = (r.lowerBound, PhraseLint.gistOwner[id]) }
        }
        guard let g = first else { return nil }
        PhraseLint.skipWords(PhraseLint.gistFillerMatcher, t, &skip)
        if g.1 == .done {
            PhraseLint.skipWords(PhraseLint.vagueWorkMatcher, t, &skip)
            PhraseLint.skipRestatedSubject(t, doneRanges, &skip)
        }
        let info = PhraseLint.information(t, skip: skip)
        // Words that do not count as units (stop words) still leave nothing said.
        if info.units < PhraseLint.gistLeftover { return g.1 }
        // A brush-off with some words around it but no step of the agent's own; two kinds of
        // brush-off together (not ours and go elsewhere, blame and cannot) at any length.
        if brushOff && (info.units < PhraseLint.uncommittedLeftover || kinds.count >= 2) && !PhraseLint.commits(t) { return g.1 }
        return nil
    }
}
