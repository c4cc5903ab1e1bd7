// A holding reply that agrees no time (seed 004 电话/RTX服务规范: 如果短时间无法给出解决方案, …
// 与对方约定可能的回复时间, 并在约定的回复时间内给予回复): "已反馈给相关部门，请耐心等待", "We'll get back to
// you.", "In progress." Such a reply says the request is in hand and nothing the requester can
// hold the desk to: no time, no name, no step. It is refused when, once the holding words, the
// courtesy and the filler are taken out, almost nothing is left and it names no time, number,
// real question or action of the agent's own; "已转给网络组王工，他会联系您" names whom and "正在排查
// VPN 网关日志" what, so both stay, while "已收到，正在排查" and "we are looking into it" do not.

extension PhraseLint {
    /// Words that only say a request is in hand (key form is compared).
    static let holdingWords: [String] = [
        "处理中", "排查中", "调查中", "检查中", "核查中", "分析中", "定位中", "修复中", "正在处理", "在处理", "在跟", "跟进中", "正在跟进", "会跟进", "我们会跟进", "跟进", "已反馈", "反馈给", "已反映", "反映", "已转交", "转交", "已转", "已上报",
        "上报", "已记录", "记录", "已收到", "收到", "会尽快处理", "尽快处理", "尽快", "会处理", "会看", "有结果", "会通知", "通知您", "等通知",
        "请耐心等待", "耐心等待", "请等待", "等待", "请稍后", "稍后", "稍等", "排队中", "排队", "需要时间", "请耐心", "等上面回复", "上面",
        "相关部门", "相关同事", "相关人员", "后续", "感谢您的理解", "感谢您的耐心", "感谢理解", "感谢支持", "理解与支持", "知道了",
        "in progress", "being worked on", "being looked at", "being looked into", "working on it", "we are working on it", "we will look",
        "will look", "will check", "we are aware", "aware of the issue", "get back to you", "be in touch", "someone will", "will contact you",
        "escalated", "passed to", "passed on", "passed it on", "passed this on", "handed it over", "handed this over", "handed over",
        "sent it over", "sent it on", "转过去", "transferred", "reassigned", "assigned to", "routed to", "referred to", "forwarded", "the relevant team", "the responsible department", "the team is on it",
        "please wait", "wait please", "wait for", "等着", "further updates", "in due course", "when we can", "as soon as possible", "asap", "pending", "in the queue",
        "queued", "noted", "thank you for your patience", "thanks for your patience", "thank you for your understanding", "be patient",
        "these things take time", "stay tuned", "on it", "we will", "update you", "will follow", "updates will follow", "update will follow", "currently",
        // Zeal and a generic "who" name no step: 正在积极处理, "our engineers are working hard on it".
        "积极", "全力", "努力", "加紧", "working hard", "hard at work", "doing our best", "doing everything we can", "appreciate",
        "our engineers", "the engineers", "our team", "our technicians", "工程师", "技术人员",
        // What a holding reply holds: the request itself says nothing new.
        "工单", "问题", "请求", "需求", "反馈", "有人", "ticket", "request", "issue", "feedback", "someone", "handled", "still", "further", "received",
        "shortly", "soon", "will update", "update soon", "updates soon", "已经", "already", "告诉你", "let you know", "keep you posted", "keep you updated", "revert",
        // Telling a third party is a hand-off: "跟厂家说过了，他们会看的".
        "说过了", "说过", "讲过了", "说了", "told them", "told the", "informed the", "have informed", "notified the",
        // Waiting on someone else's answer ("等厂商回复吧", "wait for their reply").
        "回复吧", "等回复", "等答复", "等消息", "等他们", "等对方", "wait for their reply", "wait for them", "waiting on them",
        "waiting for them", "waiting on the vendor", "waiting for the vendor",
    ]
    static let holdingMatcher = KeywordMatcher(holdingWords.map { LintText.key($0) })

    /// Words that say the agent is investigating: a step only with what is investigated named
    /// ("Looking into the gateway logs", not "looking into it").
    static let investigating: [String] = [
        "排查", "在查", "查看", "检查", "核查", "测试", "复现", "远程", "在看", "看了", "看看", "研究", "investigating", "looking into",
        "checking", "troubleshooting", "testing", "reproducing", "digging into", "looking at", "working on", "aware",
    ]
    static let investigatingMatcher = KeywordMatcher(investigating.map { LintText.key($0) })

    /// Below this many information units left over, a holding reply names nothing: one named
    /// thing (网关, "gateway") is enough.
    static let holdingLeftover = 4

    /// Words that set a time: with one, the reply agrees when (今天下午, by 3pm, tomorrow).
    static let timeWords: [String] = [
        "今天", "今日", "明天", "明早", "后天", "上午", "下午", "中午", "晚上", "今晚", "下班前", "午饭后", "周一", "周二", "周三", "周四",
        "周五", "周六", "周日", "星期", "小时", "分钟", "半天", "马上", "立刻", "立即", "现在就", "点前", "点之前", "一会儿",
        "today", "tonight", "tomorrow", "this morning", "this afternoon", "this evening", "end of day", "eod", "minutes", "minute",
        "hour", "hours", "noon", "lunch", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "right now",
        "right away", "straight away", "shortly after", "next week", "in a moment", "one moment", "just a moment",
        // "Now" is a time: the agent is on it at this moment.
        "now", "现在",
    ]
    static let timeMatcher = KeywordMatcher(timeWords.map { LintText.key($0) })

    /// Words that put the next update off without a time ("at some point", "有消息再说"): they
    /// agree nothing, so they count neither as a time nor as content.
    static let vagueTimes: [String] = [
        "at some point", "some point", "sometime", "some time", "at some stage", "eventually", "later", "later on", "in a while",
        "when we can", "when we know more", "once we know more", "when there is news", "when we have news", "when we hear",
        "once we hear", "as soon as we know", "when we have more", "once we have more", "more information", "more info", "when possible",
        "有消息", "再说", "到时候", "回头", "晚点", "之后", "以后", "有进展", "有结果再", "等有", "再通知", "再告诉", "再联系", "再回复",
        "whenever that is", "whenever that will be", "get to it", "get round to it", "get around to it", "as and when", "as and when available",
        "when available", "once available",
    ]
    static let vagueTimeMatcher = KeywordMatcher(vagueTimes.map { LintText.key($0) })

    /// Whether `t` is a holding reply that agrees no time: a holding or investigating word in
    /// the agent's own words, no time word, no concrete step, and under `holdingLeftover`
    /// information units once holding, investigating, filler, vague work and put-off words are
    /// taken out.
    func holdsWithoutTime(_ t: LintText, _ found: [Match]) -> Bool {
        // Investigating with nothing named ("在看了", "looking into it") holds the request too.
        let clauses = t.clauseRanges
        guard !PhraseLint.ownOccurrences(PhraseLint.holdingMatcher, t, clauses).isEmpty
                || !PhraseLint.ownOccurrences(PhraseLint.investigatingMatcher, t, clauses).isEmpty,
              !PhraseLint.hasWord(PhraseLint.timeMatcher, t), !PhraseLint.namesAConcreteStep(t) else { return false }
        var skip = skipMask(t, found)
        PhraseLint.skipWords(PhraseLint.holdingMatcher, t, &skip)
        // What is being investigated must be named: "正在排查 VPN 网关" says what, "正在排查" no more
        // than "处理中".
        PhraseLint.skipWords(PhraseLint.investigatingMatcher, t, &skip)
        PhraseLint.skipWords(PhraseLint.gistFillerMatcher, t, &skip)
        PhraseLint.skipWords(PhraseLint.vagueWorkMatcher, t, &skip)
        PhraseLint.skipWords(PhraseLint.vagueTimeMatcher, t, &skip)
        PhraseLint.skipTicketNumbers(t, &skip)
        PhraseLint.skipTeams(t, &skip)
        return PhraseLint.information(t, skip: skip).units < PhraseLint.holdingLeftover
    }

    /// Team nouns: a hand-off to "the network team" / "网络组" says where the request went, not
    /// who has it or when the requester hears back ("Passed to the network team." holds as much
    /// as "Passed on."). Only a team the request was handed to is skipped: a person (王工,
    /// "Priya on the network team") or a time still counts, and so does a team the agent will
    /// contact ("我来帮您联系网络组").
    static let teamNouns: Set<String> = ["team", "teams", "group", "department", "dept", "desk", "squad", "unit", "side", "guys", "folks", "people",
        // An outside party handed to is no more than a team ("Passed to the vendor.").
        "vendor", "vendors", "supplier", "suppliers", "manufacturer", "provider", "contractor",
        // A support line or tier is a team ("passed to second line", "escalated to tier 3").
        "line", "tier", "level", "support"]
    static let teamNounsHan: [[Unicode.Scalar]] = ["小组", "部门", "团队", "组", "部", "科", "室", "中心", "那边", "厂家", "厂商", "供应商", "原厂", "服务商", "二线", "三线", "后线", "上级", "领导"].map { Array($0.unicodeScalars) }
    /// Verbs that hand a request over, before "to" (key form).
    static let handOffVerbs: Set<String> = [
        "passed", "forwarded", "escalated", "sent", "handed", "transferred", "referred", "assigned", "moved", "routed", "reassigned", "over",
        "on", "it", "this",
    ]
    /// Who is no one in particular, before "from (the) … team" (key form).
    static let unnamedSomeone: Set<String> = ["someone", "somebody", "anyone", "colleague", "engineer", "technician", "member"]
    /// Hand-off words before a Chinese team name.
    static let handOffHan: [[Unicode.Scalar]] = ["转给", "转交", "交给", "反馈给", "转到", "报给", "提交给", "派给", "转", "跟", "告诉",
        // Waiting on a party is a hand-off too: "等厂商回复吧".
        "等"].map { Array($0.unicodeScalars) }

    /// Marks in `skip` each team name a request was handed to: "(passed) to [the network]
    /// team", "转给[网络组]".
    static func skipTeams(_ t: LintText, _ skip: inout [Bool]) {
        // "to" then up to two words naming the team, after a hand-off verb; or "from" after
        // an unnamed someone ("someone from the network team will get back to you").
        let words = t.latinWords()
        for (n, w) in words.enumerated() where teamNouns.contains(w.text) {
            guard let to = (max(0, n - 3)..<n).last(where: { words[$0].text == "to" || words[$0].text == "from" }), to > 0,
                words[to].text == "to" ? handOffVerbs.contains(words[to - 1].text) : unnamedSomeone.contains(words[to - 1].text)
            else { continue }
            for k in words[to].range.upperBound..<w.range.upperBound { skip[k] = true }
        }
        let u = t.scalars
        var i = 0
        while i < u.count {
            guard TextNormalizer.isHan(u[i]), let n = teamNounsHan.first(where: { n in
                i + n.count <= u.count && n.indices.allSatisfy { u[i + $0] == n[$0] }
            }) else {
                i += 1
                continue
            }
            // The nearest hand-off word within six characters before the noun.
            for k in stride(from: i - 1, through: max(0, i - 6), by: -1) {
                guard let h = handOffHan.first(where: { h in k + h.count <= i && h.indices.allSatisfy { u[k + $0] == h[$0] } }) else { continue }
                for x in (k + h.count)..<(i + n.count) { skip[x] = true }
                break
            }
            i += n.count
        }
    }
}
