// Wording checks under the built-in policy: phrase families, quoted and conditional words,
// contentless replies, resolution fields by information, old-style policy lists; and the
// labelled sets under Tests/Fixtures/language measured against their floors.
import Foundation
import Testing

@testable import DeskKit

@Suite struct PhraseLintTests {
    /// The phrase families alone: the reply model read after them has its own suite (ReplyModelTests).
    let lint = PhraseLint(policy: .builtin, replyModel: nil)

    func refused(_ reply: String) -> Bool { !lint.review(reply: reply).isEmpty }

    @Test func tabooFamiliesMatchVariantsAndQuoteWhatWasTyped() {
        let found = lint.review(reply: "這個不行！")
        #expect(found.map(\.family?.id) == ["wont_work"])
        #expect(found.first?.typed == "這個不行")
        #expect(lint.review(reply: "Sorry, I DON’T KNOW yet").first?.family?.id == "dont_know")
        #expect(refused("我 不知道啊"))
        #expect(refused("ｉ　ｄｏｎｔ　ｋｎｏｗ"))
        #expect(refused("你自己没讲清楚啊"))
        // Clause scope: "不知道" alone is a taboo, inside a polite question it is not.
        #expect(refused("不知道。"))
        #expect(!refused("不知道您方便什么时候接电话？"))
    }

    /// Seed 004: 如果短时间无法给出解决方案, …与对方约定可能的回复时间. A reply that only holds the
    /// request, with no time, name or step, is refused; one that names a time, whom, what is
    /// being checked, or a concrete step is not.
    @Test func holdingRepliesWithoutATimeAreRefused() {
        for text in [
            "已反馈给相关部门，请耐心等待。", "处理中", "已在处理，请稍等。", "We'll get back to you.", "Someone will be in touch.",
            "Escalated. Please wait for further updates.", "Thanks, we have received your request and will get back to you shortly.",
            "We have forwarded your request to the responsible department.", "Wait please.", "您好，已收到，正在排查",
            "Hi, we are looking into it and will get back to you.",
        ] {
            #expect(lint.review(reply: text).first?.message.contains("约定可能的回复时间") == true, "\(text)")
        }
        for text in [
            "已转给网络组王工，他会联系您。", "您好，已收到，正在排查网关", "Passed to Wei in networks; she'll call you today.", "We are working on it now.",
            "still checking the gateway",
            "已反馈给厂商，下午三点前给您回复。", "Looking into the gateway logs.", "Waiting for your manager's approval of the licence request.",
            "I'm dialling in to your PC now, please accept the remote session prompt.", "我们会尽快处理，明早九点前回复您。",
        ] {
            #expect(lint.review(reply: text).isEmpty, "\(text)")
        }
    }

    /// Cue words count only as words of the agent's own: "on it" is not in "mention it", nor a
    /// cue inside quotation marks or a condition.
    @Test func cueWordsStandAtWordEdgesInTheAgentsOwnWords() {
        func own(_ text: String) -> Int {
            let t = LintText(text)
            return PhraseLint.ownOccurrences(PhraseLint.holdingMatcher, t, t.clauseRanges).count
        }
        #expect(own("Please mention it to the desk at reception") == 0)
        #expect(own("We are on it.") == 1)
        #expect(own("The status says \"in progress\".") == 0)
        #expect(own("处理中") == 1)
    }

    @Test func impatienceAtARepeatAndABareTryAgainAreRefused() {
        for text in ["Why again?", "Again??", "怎么又是你？", "又来了？？", "Try again.", "你再试试。", "Your problem, not ours."] {
            #expect(refused(text), "\(text)")
        }
        // A retry with what to send if it fails, and a repeat met with a step, stay.
        #expect(!refused("请再试一次，如果还不行请把报错截图发我。"))
        #expect(!refused("Sorry this happened again - I'm checking the mail server logs and will call you by 3pm."))
    }

    @Test func quotedConditionalAndReportedWordsAreNotTheAgents() {
        #expect(!refused("如果这个不行，请告诉我，我们再换一种方式。"))
        #expect(!refused("If this doesn't work, let me know and I'll call you."))
        #expect(!refused("报错信息是“我不知道该怎么办”，请问是在哪一步出现的？"))
        #expect(!refused("The error says \"I don't know how to handle this file\"."))
        #expect(!refused("工单状态为“已解决”，请您确认是否可以关闭。"))
        #expect(!refused("这个不是因为您操作有误，而是服务器证书过期导致的。"))
        // An apostrophe inside a word opens no quotation.
        #expect(refused("That's not possible, don't ask again"))
    }

    @Test func contentlessAndDoneOnlyRepliesAreRefused() {
        for text in ["?", "？？", " ？ ", "嗯？", "what?", "。", "5", "!!!"] { #expect(refused(text), "\(text)") }
        for text in ["您好，已处理。", "ＯＫ", "O K", "搞定了", "Done, thanks!", "Your issue has been resolved.", "李工，已处理，请确认"] {
            #expect(refused(text), "\(text)")
        }
        #expect(!refused("已解决：共享打印机驱动版本不对，已重新安装 3.2 版驱动，测试打印正常。"))
        #expect(!refused("OK, I'm checking the switch logs now and will call you in 15 minutes."))
    }

    /// The gist check: brush-offs and bare "done" in wording no family lists, with dialect
    /// pronouns, are refused; with who/what/when beside them, or quoted or conditional, they pass.
    @Test func brushOffsAndBareDoneInAnyWordingAreRefused() {
        for text in [
            "俺也不知道啊", "这事我们管不了，你找别人吧", "Fixed it.", "咱也不晓得", "我们做不到", "忙着呢，回头再说", "sorted!",
            "we have no idea", "not our department", "搞定啦", "弄好了哈",
        ] {
            #expect(refused(text), "\(text)")
        }
        #expect(lint.review(reply: "俺也不知道啊").first?.message.contains("seed 004") == true)
        // Blame put on the requester's side, "ask your own boss", and "done" said with only a
        // vague place (in the background, 后台) are brush-offs too.
        for text in [
            "我这边是好的，应该是你电脑的问题", "Probably your browser.", "Fine on our end, check your network.",
            "你问你们领导吧", "Ask your manager about it.", "后台弄了，刷新一下", "Processed on our side.",
        ] {
            #expect(refused(text), "\(text)")
        }
        for text in [
            "我这边测试正常，麻烦您把浏览器版本和报错截图发我，我对比一下配置。",
            "It works on my test PC, so I suspect your laptop's cached certificate; I'll call you at 2pm to clear it together.",
            "后台的同步任务卡在第 3 步，我已重跑任务，订单 8812 已同步，请刷新页面查看。",
        ] {
            #expect(!refused(text), "\(text)")
        }
        for text in [
            "这个不归我们组管，我已转给网络组的王工，他今天下午三点前联系您。",
            "Fixed: the proxy certificate had expired; I renewed it and the portal loads again.",
            "如果重启后还是弄不好，请回复我，我上门处理。",
            "您说的“搞不定”是指哪一步？麻烦截个图。",
            "Sorry, too busy to answer earlier: I reset your VPN token, please re-enroll with the QR code I emailed.",
        ] {
            #expect(!refused(text), "\(text)")
        }
    }

    /// A brush-off that names no step of the agent's own is refused even with words around it;
    /// one that hands over, promises, asks back or gives a number is kept. Blame is read from
    /// its form ("you" … wrong, 你…问题) unless denied or explained; 您 reads as 你.
    @Test func brushOffsWithoutANextStepAndBlameByForm() {
        for text in [
            "Not sure tbh, maybe ask IT in your building", "I'm really busy at the moment, ping me tomorrow",
            "We have no idea what happened, it just works now.", "您自己去问省公司吧", "那是您电脑自己的问题，跟系统没关系",
            "You must have done something wrong, just try again.", "你自己操作有问题，重新弄一下就行", "Should be fine now.",
        ] {
            #expect(refused(text), "\(text)")
        }
        for text in [
            "不清楚您说的是哪台打印机，麻烦告诉我资产编号", "Not sure which laptop you mean - the one with the asset tag on the bottom?",
            "您的账号因多次输错密码被锁定，已解锁，请用原密码登录。", "不是您操作的问题，是服务器证书过期，我们已在 10:20 更新。",
            "You did nothing wrong: the certificate expired overnight and I renewed it at 9:40.",
            "Sorry for the slow reply, we were busy with the outage. Your mailbox quota is now 50 GB and new mail arrives again.",
            "Should you need the old file, I kept a copy in the archive folder.", "您好，已收到您的问题，正在排查 VPN 网关日志",
            "关于您的问题，财务系统今晚 8 点升级后即可使用新模板。",
        ] {
            #expect(!refused(text), "\(text)")
        }
    }

    /// Blame read from its form however the fault is worded: not having said it clearly (the
    /// seed's own example) with words between, and the third-conditional reproach, which is
    /// conditional in form only; the same words owning the desk's fault, denied, or a real
    /// condition stand.
    @Test func unclearAndReproachAreBlameEvenBesideAStep() {
        for text in [
            "你之前也没说清楚是哪台机器，现在才说我们怎么查？", "你一开始没讲清楚是哪个系统，我们白查了半天。",
            "If you had described the error properly in the first place this would have been quicker.",
            "Had you told us it was the shared drive, we would have fixed it in ten minutes. Which drive letter is it?",
            "If you'd mentioned the error code earlier this would've taken five minutes.",
        ] {
            #expect(refused(text), "\(text)")
        }
        for text in [
            "If you had any files open when the laptop shut down, Word will offer to recover them.",
            "If you'd like, I can walk you through it by phone at 2pm today.",
            "不是您没讲清楚，是我们登记时写错了楼层，师傅已经改去三楼。", "你刚才说的那台打印机，我已经换了硒鼓，请再打印一页试试。",
            "Make sure you do not follow links in emails like this one; I have blocked the sender.",
        ] {
            #expect(!refused(text), "\(text)")
        }
        #expect(!PhraseLint.ownsFault(LintText("我觉得是你弄错了")) && PhraseLint.ownsFault(LintText("抱歉，是我们没讲清楚步骤")))
        #expect(!PhraseLint.ownsFault(LintText("上次是我同事配置的时候弄错了")))
    }

    /// A hand-off that names only the team it went to holds the request like "passed on"; a
    /// person, a time, or a team the agent will contact still count. "找X去" sends the requester
    /// off unless the agent goes.
    @Test func handOffsToATeamAndSendingOff() {
        for text in ["Passed to the network team.", "已转网络组。", "Transferred to the database team.", "I've passed it on to the network guys.", "找网络组去吧。", "问供应商去。"] {
            #expect(refused(text), "\(text)")
        }
        for text in [
            "已转给网络组王工，他会联系您", "我来帮您联系网络组，有结果第一时间通知您。", "我去找网络组问一下交换机的配置，半小时内回复您。",
            "I've handed it over to Priya in networks, she will ring you by 4pm.",
        ] {
            #expect(!refused(text), "\(text)")
        }
    }

    /// Giving up in advance stays a brush-off inside a conditional (unless quoted), "no ticket
    /// needed" waves the request away, and "就行了" beside only vague work is "done".
    @Test func givingUpInAdvanceAndNoTicketNeeded() {
        for text in [
            "Have you tried turning it off and on again? If that doesn't work I don't know what to tell you.", "前台操作一下就好了,不用报单。",
            "重新弄一下就行了。", "I'm really busy today with the border outage, can this wait?",
        ] {
            #expect(refused(text), "\(text)")
        }
        for text in ["报错写着“I don't know what to tell you”，这是插件的提示，我已经卸载该插件。", "点击右上角的“同步”就行了。", "If that doesn't work, I will call you at 3pm and we can try a remote session."] {
            #expect(!refused(text), "\(text)")
        }
    }

    /// A sign-off sentence on the same line is frame, not content; the requester's people
    /// reproached in the third person; telling a vendor is a hand-off; a connective asked alone
    /// asks nothing; owning the requester's trouble is no impatience.
    @Test func oneLineSignOffThirdPersonReproachVendorHandOff() {
        for text in [
            "Thanks for flagging this. We are aware and will update you in due course. Kind regards, Service Desk",
            "If the cashier had actually read the guide she wouldn't be stuck.", "If staff had followed the checklist this would not have happened.",
            "已经跟供应商说过了，他们会看的。", "Passed to the vendor.", "所以？", "And?",
            "Please carry out the standard steps and revert if the problem persists.", "按流程处理完毕，如有疑问请重新提单。",
        ] {
            #expect(refused(text), "\(text)")
        }
        for text in [
            "Sorry, I know this is the third time you've had to chase it: the sync job was failing on an expired token, which I renewed at 10:05.",
            "If the update had finished, the label printer would have its new driver; I'll rerun it at 3pm and call you.",
            "已联系厂家，他们今天下午三点前派人上门更换主板。", "Regards, the team, if that helps: the VPN profile is now on version 4.2.",
        ] {
            #expect(!refused(text), "\(text)")
        }
        #expect(refused("This is the third time you've asked me this."))
    }

    /// Ticket-system boilerplate says nothing to this requester: a device line under a bare
    /// "done" ("Sent from my iPhone"), "thank you for contacting the Service Desk", the
    /// ticket's own number ("incident INC0048213") is no detail, "updates will follow" holds
    /// without a time; blame by "操作不规范所致" or an unclear description, "请直接与厂商联系"
    /// with the ticket closed, "不太清楚是怎么回事", unnamed things tried and a guess that it works;
    /// "I'm busy" beside a hand-off to a named colleague with a time is no brush-off. A real
    /// step beside the same boilerplate stays.
    @Test func boilerplateDeviceLinesAndTicketNumbers() {
        for text in [
            "Sorted.\n\nSent from my iPhone", "处理了\n\n发自我的华为手机",
            "Thank you for contacting the Service Desk. Your issue has now been resolved. Is there anything else I can assist you with today? Have a wonderful day!",
            "Your incident INC0048213 has been resolved.", "工单号：SD-2024-11873 已处理。", "We are aware of the issue. Updates will follow.",
            "您好，经排查，是您这边没有把问题描述清楚，请描述清楚后再提交。", "经核实，系贵部门人员操作不规范所致。",
            "您的问题已转交厂商处理，具体请直接与厂商联系。本工单关闭。", "这个我也不太清楚是怎么回事，您再等等看吧。",
            "Tried a few things on the server and I think it should be fine now lol", "I'm busy, I'll get to it when I can.",
        ] {
            #expect(refused(text), "\(text)")
        }
        for text in [
            "Thank you for contacting the IT Service Desk. I reset your password at 10:05; please sign in with the new one.",
            "Ticket 4512: the VPN gateway was restarted at 14:20 and the tunnel is up again.",
            "Restarted the print spooler on PRN-02; your job printed.\n\nSent from my iPhone",
            "如有不清楚的地方，请直接与我联系，我的分机是 8021。", "Updates will follow at 3pm, when the vendor's engineer has the new board fitted.",
            "I tried the 5.2 driver on your laptop and the label printer works now.",
            "Sorry for the wait: I'm busy with an outage right now, so I've passed your request to Li Wei, who will call you before 2pm.",
        ] {
            #expect(!refused(text), "\(text)")
        }
    }

    /// Holding replies that name no time in other words: an investigation "under way" (排查中),
    /// a hand-off to a support line (已转二线, "passed to second line") or to someone from a team,
    /// "stay tuned"; blame as a rhetorical question or a lesson for next time; sending the
    /// requester to another team or their vendor; corporate prose and a happy user as a
    /// resolution. Each with a look-alike that names whom, what or when and stays.
    @Test func holdingBlameAndDeflectionInOtherWords() {
        for text in [
            "正在排查中，请耐心等待。", "已转二线。", "Passed to second line.", "we're looking into it!! stay tuned 🔥🔥",
            "Someone from the network team will get back to you.", "你自己连续输错五次密码，锁了能怪谁？",
            "Which document? Be specific next time.", "pretty sure you typed the password wrong like 10 times lol",
            "not our team, try finance. good luck!!", "Pasting logs won't help. Talk to your vendor.",
            "ok I get it you're upset but all caps won't make it go any faster", "已经跟相关部门反映了，等通知吧。",
            "已经反馈给上级了，等通知吧。", "这不是您的错,也不是我们的错,系统有时候就是这样,过阵子就好了。",
            "Escalated to tier 3.", "Passed to L2.", "Someone from the N4 team will get back to you.", "已转厂商，等厂商回复吧。",
            "Not a bug. Working as designed.", "系统设计如此。", "Why you never attach screenshot? How we know what happen?",
            "We have applied the standard fix, it should work now.", "按老办法处理了，应该可以了。",
            "我们这边看都正常 你自己再看看", "找网络组 不是我们这边的", "Not a desk issue. Talk to networks.", "Please see the user guide.",
            "同样的问题已经答复过三次了，请认真阅读之前的回复，不要重复提单。", "经研究，该事项已按程序办结。",
        ] {
            #expect(refused(text), "\(text)")
        }
        for text in [
            "正在排查打印服务器的队列，今天下午3点前回复您。", "已转二线，王工今天下午3点前联系您。",
            "Someone from the network team will call you before 3pm.", "Which document do you mean: the May invoice or the June one? I need its number to find it.",
            "It was not your fault: the password policy changed overnight. I unlocked your account at 09:40.",
            "Finance owns the expense tool, so I've asked Maria there to call you by 11:00 today.",
            "Escalated to tier 3: Priya will call you by 4pm today with the fix for the VPN profile.",
            "This is expected behaviour: archived rows are not exported. Untick 'Hide archived' and export again to include them.",
            "I applied the fix from KB-1043 (clearing the Teams cache on your laptop); it should work now, and I'll check with you at 3pm.",
            "Line 42 of the config had a typo in the proxy host; I corrected it and restarted the sync service.",
            "Please see the user guide, section 4.2 'Exporting reports': tick 'Include archived' before you press Export.",
            "该事项已按程序办结：已为您重置 UKey 口令，柜员号 0312 今天 10:20 起可正常登录。",
        ] {
            #expect(!refused(text), "\(text)")
        }
        let lint = PhraseLint(policy: .builtin, replyModel: nil)
        #expect(!lint.review(field: "cause", "Root cause analysis is ongoing in alignment with key stakeholders.").isEmpty)
        #expect(!lint.review(field: "solution", "Leveraged cross-functional collaboration to restore service posture.").isEmpty)
        #expect(!lint.review(field: "solution", "经各方共同努力，多措并举，全力保障系统平稳运行").isEmpty)
        #expect(!lint.review(field: "result", "User happy").isEmpty)
        #expect(!lint.review(field: "solution", "Advised customer").isEmpty)
        #expect(!lint.review(field: "result", "No further complaint").isEmpty)
        #expect(!lint.review(field: "cause", "Issue identified").isEmpty)
        #expect(!lint.review(field: "solution", "Appropriate remedial action was taken in line with procedure").isEmpty)
        #expect(lint.review(field: "solution", "Advised the customer to re-pair the scanner from Settings > Bluetooth").isEmpty)
        #expect(!lint.review(field: "solution", "同上").isEmpty)
        #expect(!lint.review(field: "solution", "按照标准流程进行了处理,处理过程符合规范要求。").isEmpty)
        #expect(!lint.review(field: "cause", "The root cause appears to be related to a combination of environmental factors.").isEmpty)
        #expect(lint.review(field: "solution", "Failed over to the standby database per runbook RB-12").isEmpty)
        #expect(lint.review(field: "cause", "Monitoring agent filled /var on db-03 with debug logs").isEmpty)
    }

    /// Cantonese function characters are read as Mandarin (冇 → 没, 咗 → 了, 佢 → 他, 咪 → 别) and
    /// its sentence particles dropped, so the families' Mandarin phrases reach Cantonese replies.
    @Test func cantoneseFunctionCharactersReadAsMandarin() {
        #expect(LintText.key("知道咗喎，冇問題") == LintText.key("知道了，没问题"))
        #expect(LintText.key("叫佢再試") == LintText.key("叫他再试"))
        for text in ["咪再催喇，佢而家好忙。", "催都冇用，等住先。", "冇問題㗎，係你自己搞錯咗。"] {
            #expect(refused(text), "\(text)")
        }
        for text in ["唔使擔心，佢今日下午三點前會打畀你，帶埋新嘅電源線。", "打印機嘅卡紙已經清咗，10:20 印咗測試頁，冇問題喇。"] {
            #expect(!refused(text), "\(text)")
        }
    }

    /// The reproach said of "your team" or in the passive ("if the guide had been followed"),
    /// "done" via an unnamed adjustment, a non-finding and "closed", "isn't it enough to…"
    /// (不就行了), a bare "what do you mean?", and "queue up" said as a whole clause; an apology for
    /// the queue and a "can't" with a stop-gap stay.
    @Test func passiveReproachNonFindingAndQueueUp() {
        for text in [
            "If your staff had renewed the certificate when we asked, none of this would have happened.",
            "This would not have happened if the setup guide had been followed.", "Fixed via a backend adjustment.",
            "Couldn't reproduce. Closing the ticket.", "这种小事也要提工单？重启不就行了。", "什么意思？", "今天人多，排队。",
        ] {
            #expect(refused(text), "\(text)")
        }
        for text in [
            "不好意思最近工单多，回复晚了，我现在就帮您远程看一下。", "目前有三个紧急请求在排队，您的工单预计下午3点前处理，届时我会电话联系您。",
            "这个功能暂时做不了，先给您一个办法：在浏览器里把页面缩放到90%，表格就能完整显示，下周二我再跟您确认排期。",
            "If the backup had been running, we would have lost nothing; I've restarted the job at 14:10 and it completed.",
        ] {
            #expect(!refused(text), "\(text)")
        }
    }

    /// Impatience said politely or in chat: what was said before thrown back ("as mentioned in
    /// my last three emails", 跟你说过好几遍了 — 你 after 跟 is told, not telling), the requester
    /// told to stop writing or to wait behind others, a fault put on their side because others
    /// are fine; "I don't know yet" with who is on the way stays.
    @Test func politeImpatienceAndToldYouBefore() {
        for text in [
            "As mentioned in my previous emails, that printer is not supported.", "跟你说过好几遍了，重启一下就好。", "Please stop emailing me directly.",
            "There are 30 tickets ahead of yours. Someone will get to it.", "别人都能用，是不是你自己电脑的问题？", "我这边手上一堆事，等着。",
            "Did you actually restart it? Do that before logging tickets.",
        ] {
            #expect(refused(text), "\(text)")
        }
        for text in [
            "I don't know yet why the gateway stopped; Priya is on her way and will be there by 11:30.",
            "您说的报错我已经复现了，是证书过期，已在10:20更新。",
        ] {
            #expect(!refused(text), "\(text)")
        }
    }

    /// A resolution field that says the ticket moved on, not what was done or what works now.
    @Test func movedOnIsNoSolutionNorResult() {
        for (field, text) in [("solution", "Escalated"), ("solution", "Sent to the vendor"), ("result", "Closed"), ("result", "Went away on its own"), ("solution", "持续观察"), ("result", "自行恢复")] {
            #expect(!lint.review(field: field, text).isEmpty, "\(field): \(text)")
        }
        for (field, text) in [("solution", "Escalated to the vendor, who shipped firmware 9.3.2; installed it on the core switch"), ("result", "观察两天，未再超时")] {
            #expect(lint.review(field: field, text).isEmpty, "\(field): \(text)")
        }
    }

    @Test func resolutionFieldsThatRepeatAnotherAreNamed() {
        let r = PhraseLint.repeatedFields([
            (field: "cause", text: "Outlook not working"), (field: "solution", text: "outlook  NOT working"),
            (field: "result", text: "Outlook opens and syncs mail again"),
        ])
        #expect(r.map(\.field) == ["solution"])
        #expect(r.first?.message.hasPrefix("repeats the cause word for word") == true)
        #expect(PhraseLint.repeatedFields([(field: "cause", text: "a"), (field: "solution", text: "")]).isEmpty)
    }

    @Test func resolutionFieldsByInformation() {
        func why(_ field: String, _ text: String) -> [String] { lint.review(field: field, text).map(\.message) }
        #expect(why("result", "能登录").isEmpty)
        // blind17 (unseen): a function character inside a word ("借还": borrow and return) is
        // part of it, so three characters still say what works; alone it says nothing.
        #expect(why("result", "借还通").isEmpty)
        #expect(why("cause", "网线松").isEmpty)
        #expect(why("result", "还是").count == 1)
        #expect(why("result", "printing works").isEmpty)
        #expect(why("solution", "重启客户端并清除缓存").isEmpty)
        #expect(why("cause", "expired VPN certificate").isEmpty)
        #expect(why("solution", "已重启").count == 1)
        #expect(why("solution", "前台操作解决了").first?.contains("vague") == true)
        #expect(why("cause", "原因不明").first?.contains("gives up on the cause") == true)
        #expect(why("cause", "Cause unknown, restarted").first?.contains("gives up on the cause") == true)
        #expect(why("result", "asdf jkl").first?.contains("keyboard mash") == true)
        #expect(why("result", "").first?.hasPrefix("it is empty") == true)
        #expect(why("result", "ok").first?.contains("say what works now") == true)
        // Capitals are an acronym, not mash.
        #expect(why("cause", "DNS TTL on VPN").isEmpty)
    }

    /// A family phrase written with "…" finds its two ends in one clause with up to
    /// `maximumGap` characters between them, in that order; the ends apart, in two clauses or
    /// too far apart are no match, and a gap phrase is quoted, denied or made conditional like
    /// any other.
    @Test func gapPhrasesFindTheirEndsInOneClause() {
        #expect(PhraseLint.gapEnds("combination of … factors") != nil)
        #expect(PhraseLint.gapEnds("combination of factors") == nil)
        #expect(PhraseLint.gapEnds("… factors") == nil)
        func family(_ field: String, _ text: String) -> String? { lint.review(field: field, text).first?.family?.id }
        #expect(family("cause", "The issue stemmed from a combination of environmental and configuration-related factors.") == "unknown_cause")
        #expect(family("cause", "故障由多种环境与配置因素共同导致") == "unknown_cause")
        // Two clauses, the wrong order, or too far apart.
        #expect(lint.review(field: "cause", "A combination of two settings. Other factors were ruled out: the proxy PAC file lacked the new host").isEmpty)
        #expect(lint.review(field: "cause", "Factors: a combination of an expired certificate and a stale DNS record").isEmpty)
        #expect(refused("Please contact the payment provider directly."))
        #expect(refused("你去找网络组吧。"))
        #expect(refused("请直接联系金蝶厂商。"))
        #expect(refused("Look, like I said on the call twice now, you need to actually read the email we sent."))
        #expect(refused("So... what exactly do you want me to do here?"))
        // Sarcasm and condescension (blind60), code-switched busy (blind59).
        #expect(refused("Sure, because clicking the big green button was so hard. It's the big green button. Click it."))
        #expect(refused("Have you tried reading? The error message literally tells you what to do."))
        #expect(refused("Sigh, third time today. Did you even try restarting?"))
        #expect(refused("我而家好忙，你 send email 啦。"))
        #expect(refused("Fixed via the admin panel."))
        #expect(!lint.review(field: "solution", "已转给 vendor").isEmpty)
        // blind61/62: giving up, sending elsewhere, "skill issue", an update put off with "soon";
        // "not a skill issue" denies it.
        #expect(refused("重启一下试试 不行就算了"))
        #expect(refused("具体情况请咨询药房,我们这边无法回答。"))
        #expect(refused("We can't support every old phone. Buy a newer one if you want the latest app."))
        #expect(refused("skill issue tbh 💀 just restart it"))
        #expect(refused("we're on it, will update soon"))
        #expect(!refused("not a skill issue at all lol, the 2.3 update broke the login cache; clear it under Settings > Storage, we push a fix at 6pm"))
        #expect(refused("You did not read the manual."))
        // Not the agent's own words, or not the phrase: kept.
        #expect(!refused("If it's urgent you can contact me directly on 2231; I'll call you back by 3pm with the log results."))
        #expect(!refused("您说“你去找网络组”，抱歉之前同事这样回复您。我已把工单转给网络组的王工，他今天16:00前给您回电。"))
    }

    @Test func oldStyleListsStillCount() throws {
        let text = #"{"phrases": {"vague": ["搞掂"], "taboo": [{"phrase": "滚", "suggestion": "请您稍等"}]}}"#
        let p = try Policy.decode(text: text).get()
        let l = PhraseLint(policy: p, replyModel: nil)
        #expect(l.review(reply: "搞掂").count == 1)
        #expect(l.review(reply: "滚").first?.message.contains("请您稍等") == true)
        #expect(l.review(reply: "我不知道").count == 1)
    }

    // MARK: labelled sets

    struct Rates {
        var badAccepted = 0, bad = 0, goodRefused = 0, good = 0
        var misses: [String] = []
        var badAcceptedShare: Double { bad == 0 ? 0 : Double(badAccepted) / Double(bad) }
        var goodRefusedShare: Double { good == 0 ? 0 : Double(goodRefused) / Double(good) }

        /// The issue's two limits for a labelled set, with the misses shown when one fails.
        func expectFloors(badAccepted: Double, goodRefused: Double, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(badAcceptedShare <= badAccepted, "\(misses.joined(separator: "\n"))", sourceLocation: sourceLocation)
            #expect(goodRefusedShare <= goodRefused, "\(misses.joined(separator: "\n"))", sourceLocation: sourceLocation)
        }
    }

    static func lines(_ name: String) throws -> [[String: Any]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/language/" + name)
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }

    @Test func replySetMeetsItsFloors() throws {
        let r = try replyRates("replies.ndjson", badAccepted: 0.01, goodRefused: 0.0)
        #expect(r.bad >= 100 && r.good >= 80)
    }

    /// Written after the families and measured once: 3 of 15 bad replies got through
    /// (俺也不知道啊, 这事我们管不了，你找别人吧, "Fixed it."), none of 15 good ones was refused.
    /// Those misses then led to the gist check (ReplyGist.swift): 0 of 15 now, so this set is seen.
    @Test func unseenReplySetMeetsItsFloors() throws {
        let r = try replyRates("replies-holdout.ndjson", badAccepted: 0.07, goodRefused: 0.01)
        #expect(r.bad + r.good >= 30)
    }

    /// Written and committed before the gist check, measured once before (11 of 24 bad accepted,
    /// 1 of 18 good refused) and once after (0 of 24, 1 of 18: "I don't know the cause yet, but…"
    /// still hit the 我不知道 family). Its author also wrote the cue lists, so it is not blind.
    /// The family's `unless_followed_by` commitments then kept that reply: 0 of 18 refused.
    @Test func secondUnseenReplySetMeetsItsFloors() throws {
        let r = try replyRates("replies-holdout2.ndjson", badAccepted: 0.05, goodRefused: 0.01)
        #expect(r.bad + r.good >= 40)
    }

    /// The blind reply sets (each written by another engineer from the seeds only, never the
    /// rules or fixtures), when first measured (bad accepted / good refused):
    /// - blind1: 4 of 50 / 1 of 50; its misses (blame on the requester's side, "ask your boss",
    ///   "done" in a vague place) widened the gist cues.
    /// - blind2: 5 of 30 / 1 of 30, then 2 and 1 after the blind1 cues; its misses (blame on the
    ///   user's operation, a "don't know yet" followed by a commitment) widened the families.
    /// - blind3, blind4: 4 of 40 and 11 of 30 / 0; their misses (blaming a colleague,
    ///   condescension, "as I've told you twice", "should be working now", a conditional that is
    ///   itself the blame) widened the families.
    /// - blind5, written last: 12 of 30 before this round, 5 of 30 after it (unseen) / 0; its
    ///   misses (a vague 后台改了一下, "go and ask him", 我都讲了三遍了, "nothing we can do", "as
    ///   I've already explained twice") widened the families.
    /// - blind6, written at the very end: 0 of 15 / 0 of 15 when first measured.
    /// - blind7, blind8 (new sectors and voices): 3 of 20 and 4 of 20 / 0 and 0; their misses
    ///   ("done" beside only vague work, 教过…又来问, 手上事情太多…你先等着, a brush-off before an
    ///   English "if") became `vagueWork` and family variants.
    /// - blind9, blind10: 4 of 20 and 6 of 20 / 0 and 0 (blame at length, deflection to a
    ///   vendor, "?" inside a greeting and signature, done beside vague work); blind11, blind12
    ///   (written to test exactly that: frames, long brush-offs): 6 of 20 and 4 of 20 / 1 and 0.
    ///   Their misses became ReplyFrame, two-kind brush-offs at any length, no step in "I can't"
    ///   or a rhetorical "Again?", and a decline with a reason kept.
    /// - blind13, blind14 (courtesy-wrapped deflection and blame, 公文 replies, a restated
    ///   subject as the only "detail"): 6 of 20 and 3 of 20 / 0 and 0; then the restated
    ///   subject, "nothing/something we can" as no step, closing the ticket as giving up.
    /// All 0 and 0 since: seen now, the floors are regression floors.
    /// - blind15: 0 of 20 / 0 of 20 by the families alone when first measured (blind16's two
    ///   misses are the reply model's: ReplyModelTests).
    @Test(arguments: [
        ("replies-blind1.ndjson", 50), ("replies-blind2.ndjson", 30), ("replies-blind3.ndjson", 40),
        ("replies-blind4.ndjson", 30), ("replies-blind5.ndjson", 30), ("replies-blind6.ndjson", 15),
        ("replies-blind7.ndjson", 20), ("replies-blind8.ndjson", 20), ("replies-blind9.ndjson", 20), ("replies-blind10.ndjson", 20),
        ("replies-blind11.ndjson", 20), ("replies-blind12.ndjson", 20), ("replies-blind13.ndjson", 20), ("replies-blind14.ndjson", 20),
        ("replies-blind15.ndjson", 20),
    ])
    func blindReplySetMeetsItsFloors(_ file: String, _ each: Int) throws {
        let r = try replyRates(file, badAccepted: 0.02, goodRefused: 0.01)
        #expect(r.bad >= each && r.good >= each)
    }

    /// Written from the seeds before this round's changes (varied styles: traditional
    /// characters, emoji, dialect particles, polite 您, blame, brush-offs with words around
    /// them): 5 of 20 bad accepted, 0 of 20 good refused when first measured; then the
    /// uncommitted brush-off and blame-by-form checks: 0 and 0, seen now.
    /// Written this round to teach the reply model what it had not seen: holding replies that
    /// agree no time against ones that name an action now or a time (replies-interim), and short
    /// specific replies against short empty, deflecting or blaming ones (replies-short). Before
    /// the holding rule, the families let 22 of 29 and 12 of 44 bad ones through; then 0 and 0.
    /// replies-deferral: written after blind23 to blind26 let through holding replies that put
    /// the update off ("at some point", 有消息再说), sending the requester to "them" (这是硬件组的
    /// 事，去找他们), disowning (跟我们软件无关) and waving a problem away (正常现象，不用管它), in
    /// words of its own, against good replies that say the same kind of thing with a reason, a
    /// name or a time.
    /// replies-reproach: written after blind29 and blind30 let through blame with words between
    /// (你之前也没说清楚), the third-conditional reproach ("If you had described it properly…"),
    /// impatience at the ticket itself ("don't raise tickets for this") and hand-offs naming only
    /// a team, in words of its own, against apologies, real conditions and hand-offs to a person
    /// or with a time. replies-putoff: after blind31 and blind32, promises put off to no time
    /// ("we'll get to it when we can"), suggestions asked as questions, blame by cause ("because
    /// you didn't read…"), "the usual process", against replies that say the same with a time,
    /// a number or a reason.
    @Test(arguments: [
        ("replies-interim.ndjson", 29, 30), ("replies-short.ndjson", 29, 30), ("replies-deferral.ndjson", 14, 10),
        ("replies-reproach.ndjson", 16, 12), ("replies-putoff.ndjson", 10, 10),
    ])
    func holdingAndShortReplySetsMeetTheirFloors(_ file: String, _ bad: Int, _ good: Int) throws {
        let r = try replyRates(file, badAccepted: 0.0, goodRefused: 0.0)
        #expect(r.bad >= bad && r.good >= good)
    }

    @Test func thirdUnseenReplySetMeetsItsFloors() throws {
        let r = try replyRates("replies-holdout3.ndjson", badAccepted: 0.05, goodRefused: 0.0)
        #expect(r.bad >= 20 && r.good >= 20)
    }

    /// `replyRates(file)`, held to the two limits.
    func replyRates(
        _ file: String, badAccepted: Double, goodRefused: Double, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Rates {
        let r = try replyRates(file)
        r.expectFloors(badAccepted: badAccepted, goodRefused: goodRefused, sourceLocation: sourceLocation)
        return r
    }

    func replyRates(_ file: String) throws -> Rates {
        var r = Rates()
        let rows = try Self.lines(file)
        for row in rows {
            let text = row["text"] as? String ?? ""
            let refuse = row["expect"] as? String == "refuse"
            let got = refused(text)
            if refuse { r.bad += 1 } else { r.good += 1 }
            if refuse && !got { r.badAccepted += 1; r.misses.append("accepted: " + text) }
            if !refuse && got { r.goodRefused += 1; r.misses.append("refused: " + text + " -- " + lint.review(reply: text).map(\.message).joined(separator: "; ")) }
        }
        return r
    }

    @Test func resolutionSetMeetsItsFloors() throws {
        let (r, rows) = try resolutionRates("resolutions.ndjson")
        #expect(rows >= 60 && r.bad >= 25 && r.good >= 25)
        r.expectFloors(badAccepted: 0.05, goodRefused: 0.01)
    }

    /// Written blind: 2 of 20 bad accepted when first measured (a title pasted into all three
    /// fields), 0 of 20 good refused; then `repeatedFields`: 0 and 0, seen now.
    @Test func blindResolutionSetMeetsItsFloors() throws {
        let (r, rows) = try resolutionRates("resolutions-blind1.ndjson")
        #expect(rows >= 40 && r.bad >= 20 && r.good >= 20)
        r.expectFloors(badAccepted: 0.05, goodRefused: 0.01)
    }

    /// Written with replies-holdout3 before this round's changes: 0 of 10 bad accepted and 0 of
    /// 10 good refused when first measured.
    @Test func secondUnseenResolutionSetMeetsItsFloors() throws {
        let (r, rows) = try resolutionRates("resolutions-holdout.ndjson")
        #expect(rows >= 20 && r.bad >= 10 && r.good >= 10)
        r.expectFloors(badAccepted: 0.05, goodRefused: 0.0)
    }

    /// The third blind set's resolutions: 0 of 20 bad accepted, 0 of 20 good refused when
    /// first measured (short specific Chinese fields among them).
    @Test func thirdBlindResolutionSetMeetsItsFloors() throws {
        let (r, rows) = try resolutionRates("resolutions-blind3.ndjson")
        #expect(rows >= 40 && r.bad >= 20 && r.good >= 20)
        r.expectFloors(badAccepted: 0.05, goodRefused: 0.01)
    }

    /// The seventh and eighth blind sets' resolutions (10 zh / 10 en each; keyboard mash,
    /// "restarted", terse specific fields): 0 of 10 bad accepted and 0 of 10 good refused in
    /// each when first measured.
    /// blind9, blind10: 0 and 0 too; blind11, blind12: 1 of 10 each accepted ("Issue with system |
    /// Resolved the issue | Closed", "可能是网络原因吧 | 后台调整 | 现在可以用了"), then 0; blind15,
    /// blind16: 0 and 0 when first measured; blind17 1 good refused ("网线松 | 重插紧 | 借还通": 还
    /// read as a function word inside 借还), then 0; blind18, blind19, blind20 0 and 0.
    @Test(arguments: [
        "resolutions-blind7.ndjson", "resolutions-blind8.ndjson", "resolutions-blind9.ndjson", "resolutions-blind10.ndjson",
        "resolutions-blind11.ndjson", "resolutions-blind12.ndjson", "resolutions-blind13.ndjson", "resolutions-blind14.ndjson",
        "resolutions-blind15.ndjson", "resolutions-blind16.ndjson", "resolutions-blind17.ndjson", "resolutions-blind18.ndjson",
        "resolutions-blind19.ndjson", "resolutions-blind20.ndjson",
    ])
    func laterBlindResolutionSetsMeetTheirFloors(_ file: String) throws {
        let (r, rows) = try resolutionRates(file)
        #expect(rows >= 20 && r.bad >= 10 && r.good >= 10)
        r.expectFloors(badAccepted: 0.05, goodRefused: 0.01)
    }

    /// blind21 and blind22's resolutions, scored on their session's final state: blind21 1 of 10
    /// good refused ("交换机坏 | 换新机 | 网通了": 网通 and a 了 leave 4 units), blind22 1 of 10 bad
    /// accepted ("user error probably | told them to try again | no further complaints"). blind23
    /// to blind26, scored before use: 0 bad accepted, 1 of 40 good refused ("Dead PSU | Swapped
    /// PSU | Boots"). Then a result may be shorter (PhraseLint.minimumResultUnits), a guess is no
    /// cause, and "try again" / "no further complaints" are vague: 0 and 0 for all six, seen now.
    /// resolutions-short: short results and guessed causes written to check that rule. blind28,
    /// scored on that state: 0 and 0 (blind27's one good refused is below). blind29 and blind30,
    /// scored before use: 1 and 2 of 15 bad accepted ("Waited | Issue went away", "Escalated |
    /// Closed", "Sent to vendor | No further action"), 0 of 30 good refused; then the `moved_on`
    /// family: 0 and 0. resolutions-moved: that family's words against real steps that mention
    /// a vendor, an escalation or monitoring. blind41 to blind44, scored before use: 0, 0, 0 and 1
    /// of 15 bad accepted ("Environmental factors | Applied appropriate remediation measures |
    /// Service restored to normal operational parameters"), 0 good refused; then 0 and 0.
    /// blind47 and blind48, scored before use: 1 and 5 of 15 bad accepted (post-mortem prose:
    /// "Root cause analysis is ongoing in alignment with key stakeholders", "a confluence of
    /// factors", 经各方共同努力，多措并举; "Alert triggered | Acknowledged alert | Alert cleared";
    /// "seems happy"), 0 good refused; then 0 and 0 (ReplyGist.corporateWork).
    /// blind49 to blind52: 0, 1, 0 and 2 of 15 bad accepted (打印机方面的问题 | 按照标准流程进行了处理 |
    /// 已完成; "a combination of environmental factors"), 0, 0, 1 and 0 good refused; then 0 bad
    /// accepted. blind51's good "扫码枪数据线断了 | 换线 | 2号线恢复扫码" is still refused, as blind36's
    /// is (two characters of solution; counting a Han character as 3 units kept them and let three
    /// bad ones through, so it stays 2), which is why blind51 is not in this list. blind53 and
    /// blind54, scored before use: 1 and 0 of 15 bad accepted ("Customer never follow SOP |
    /// Advised customer | No further complaint"), 0 good refused; then 0 and 0 (advising the
    /// customer without saying what is no solution, "no further complaint" no result). blind55
    /// and blind56, scored once on that state: 0 and 1 of 15 bad accepted ("Issue identified |
    /// Appropriate remedial action was taken in line with procedure | Matter resolved to the
    /// satisfaction of all parties"), 0 good refused; then 0 and 0. blind57 and blind58, scored
    /// before use: 1 and 2 of 15 bad accepted ("a combination of environmental and
    /// configuration-related factors": a phrase with words inserted; "客户自己搞错了 | 跟他说了 |
    /// 没事了"; "did the usual … she said thanks"), 0 good refused; then 0 and 0 (gap phrases,
    /// PhraseLint.gapEnds). blind59 and blind60, scored before use: 1 and 0 of 15 bad accepted
    /// ("vendor 问题 | 已转给 vendor | 等 vendor": a hand-off in mixed words), 0 and 1 of 15 good
    /// refused (below); then 0 and 0 bad. blind61 and blind62, scored before use: 0 and 0.
    /// blind63 to blind66, scored before use: 1, 0, 0 and 0 of 15 bad accepted ("{{root_cause}} |
    /// {{resolution_steps}} | {{outcome}}": a template sent unfilled), 0 good refused; then 0.
    @Test(arguments: [
        "resolutions-blind21.ndjson", "resolutions-blind22.ndjson", "resolutions-blind23.ndjson", "resolutions-blind24.ndjson",
        "resolutions-blind25.ndjson", "resolutions-blind26.ndjson", "resolutions-short.ndjson", "resolutions-blind28.ndjson",
        "resolutions-blind29.ndjson", "resolutions-blind30.ndjson", "resolutions-moved.ndjson", "resolutions-blind31.ndjson",
        "resolutions-blind33.ndjson", "resolutions-blind34.ndjson", "resolutions-blind35.ndjson",
        "resolutions-blind37.ndjson", "resolutions-blind38.ndjson", "resolutions-blind39.ndjson", "resolutions-blind40.ndjson",
        "resolutions-blind41.ndjson", "resolutions-blind42.ndjson", "resolutions-blind43.ndjson", "resolutions-blind44.ndjson",
        "resolutions-blind45.ndjson", "resolutions-blind46.ndjson", "resolutions-blind47.ndjson", "resolutions-blind48.ndjson",
        "resolutions-blind49.ndjson", "resolutions-blind50.ndjson", "resolutions-blind52.ndjson",
        "resolutions-blind53.ndjson", "resolutions-blind54.ndjson", "resolutions-blind55.ndjson", "resolutions-blind56.ndjson",
        "resolutions-blind57.ndjson", "resolutions-blind58.ndjson", "resolutions-blind59.ndjson",
        "resolutions-blind61.ndjson", "resolutions-blind62.ndjson", "resolutions-blind63.ndjson", "resolutions-blind64.ndjson",
        "resolutions-blind65.ndjson", "resolutions-blind66.ndjson",
    ])
    func newestBlindResolutionSetsMeetTheirFloors(_ file: String) throws {
        let (r, rows) = try resolutionRates(file)
        #expect(rows >= 10 && r.bad >= 5 && r.good >= 4)
        r.expectFloors(badAccepted: 0.0, goodRefused: 0.0)
    }

    /// blind27, scored on the final state of the blind23-26 round: 0 of 10 bad accepted, 1 of 10
    /// good refused ("换硬盘 | 重装 | 能开机了": a solution of one two-character verb stays too
    /// little, as 已重启 does). Left as it is; the floor holds it.
    /// blind36, scored before use: 1 of 15 bad accepted ("Intermittent glitch | Power cycled
    /// stuff | Seems fine": a glitch with an adjective is still no cause, "seems fine" no result),
    /// 1 of 15 good refused ("扫码枪线缆断 | 换线 | 3号线恢复扫码": a two-character solution, as
    /// blind27's). Then 0 bad accepted; the good one stays refused.
    @Test func blind36ResolutionsMeetTheirFloor() throws {
        let (r, rows) = try resolutionRates("resolutions-blind36.ndjson")
        #expect(rows >= 30 && r.bad >= 15 && r.good >= 15)
        r.expectFloors(badAccepted: 0.0, goodRefused: 0.07)
    }

    /// blind60's "Monitor rotated by Ctrl+Alt+Down hotkey. | Rotated back, disabled graphics
    /// hotkeys. | User confirmed." is labelled good and refused: "User confirmed" says that the
    /// requester agreed, not what works now (seed 004 处理结果), so the rule stands and the floor
    /// holds the one.
    @Test func blind60ResolutionsMeetTheirFloor() throws {
        let (r, rows) = try resolutionRates("resolutions-blind60.ndjson")
        #expect(rows >= 30 && r.bad >= 15 && r.good >= 15)
        r.expectFloors(badAccepted: 0.0, goodRefused: 0.07)
    }

    @Test func blind27ResolutionsMeetTheirFloor() throws {
        let (r, rows) = try resolutionRates("resolutions-blind27.ndjson")
        #expect(rows >= 20 && r.bad >= 10 && r.good >= 10)
        r.expectFloors(badAccepted: 0.0, goodRefused: 0.1)
    }

    /// blind31 (above) and blind32, kept aside and scored after the blind29/30 round: 0 of 30
    /// bad accepted, 1 of 15 good refused in blind32 ("… | Reset language to English (UK) in user
    /// profile | Works": a bare "works" is the `ok` family's as a whole clause, and earlier
    /// writers labelled "正常" / "OK" results beside a real cause and step as refuse). Left.
    @Test func blind32ResolutionsMeetTheirFloor() throws {
        let (r, rows) = try resolutionRates("resolutions-blind32.ndjson")
        #expect(rows >= 30 && r.bad >= 15 && r.good >= 15)
        r.expectFloors(badAccepted: 0.0, goodRefused: 0.07)
    }

    /// A short result stands beside a cause and a solution that say the rest; a "normal" or a
    /// guess does not.
    @Test func aShortResultStandsAGuessDoesNot() {
        #expect(lint.review(field: "result", "Boots").isEmpty)
        #expect(lint.review(field: "result", "网通了").isEmpty)
        #expect(!lint.review(field: "cause", "Boots").isEmpty)
        #expect(!lint.review(field: "result", "正常").isEmpty)
        #expect(!lint.review(field: "cause", "user error probably").isEmpty)
        #expect(!lint.review(field: "cause", "可能是系统原因").isEmpty)
        #expect(!lint.review(field: "solution", "told them to try again").isEmpty)
        #expect(!lint.review(field: "result", "no further complaints").isEmpty)
    }

    /// Refused when any field is refused, as `resolve --dry-run` does: each field by
    /// information, and fields that repeat another.
    func resolutionRates(_ file: String) throws -> (Rates, Int) {
        var r = Rates()
        let rows = try Self.lines(file)
        for row in rows {
            let refuse = row["expect"] as? String == "refuse"
            var got = false
            var why: [String] = []
            for f in ["cause", "solution", "result"] {
                let found = lint.review(field: f, row[f] as? String ?? "")
                if !found.isEmpty { got = true; why += found.map(\.message) }
            }
            let repeated = PhraseLint.repeatedFields(["cause", "solution", "result"].map { (field: $0, text: row[$0] as? String ?? "") })
            if !repeated.isEmpty { got = true; why += repeated.map(\.message) }
            let shown = "\(row["cause"] ?? "") | \(row["solution"] ?? "") | \(row["result"] ?? "")"
            if refuse { r.bad += 1 } else { r.good += 1 }
            if refuse && !got { r.badAccepted += 1; r.misses.append("accepted: " + shown) }
            if !refuse && got { r.goodRefused += 1; r.misses.append("refused: " + shown + " -- " + why.joined(separator: "; ")) }
        }
        return (r, rows.count)
    }

    /// A hedged "done" is still only "done"; "should" opens a condition only before its subject;
    /// a conditional that is itself the blame is the agent's words; deflection and impatience
    /// in other words.
    @Test func hedgedDoneConditionalBlameAndImpatience() {
        for bad in [
            "Should be fixed now.", "应该好了。", "If you had read the FAQ you would know this.",
            "As I told you already, clear the cache.", "这个你直接找他吧，上次是他装的。", "我也没办法，软件本来就这样。",
        ] {
            #expect(refused(bad), "\(bad)")
        }
        for good in [
            "Should the page still be blank after a restart, send me a screenshot and I will check the proxy log.",
            "If the printer still jams after you remove the tray, call me on 4410 and I will come over.",
            "I don't know yet which update caused it, but I have raised it with the vendor and will update you by 15:00.",
        ] {
            #expect(!refused(good), "\(good)")
        }
    }

    /// "Done" beside only a vague account of the work is still only "done" (blind7/8 misses:
    /// 后台帮您调了一下…应该可以了, "changed something on the server side"); a named part, a
    /// number or a cause beside it keeps the reply. A taboo that opens its clause stays the
    /// agent's words before an English condition ("…if you are unhappy").
    @Test func vagueWorkBesideDoneAndTabooBeforeAnEnglishCondition() {
        for bad in [
            "后台帮您调了一下，应该可以了。", "后台调了一下参数，应该没问题了。", "I changed something on the server side, should be fine now.",
            "Tweaked some settings on our end, should work now.", "系统那边帮你改了一些设置，现在应该好了",
            "Take it up with my manager if you are unhappy.", "Go ask someone else if you need it today.",
        ] {
            #expect(refused(bad), "\(bad)")
        }
        for good in [
            "我们把邮箱配额从2G调到了5G，应该可以正常收信了。", "I restarted the print spooler on the server, should be fine now.",
            "服务器磁盘满了，清理后应该可以了", "The VPN profile had an expired certificate; I pushed a new one, so it should work now.",
            "Restart the router if the light stays red, and call me on 4410 if it does not come back.",
            "If this doesn't work, let me know and I'll call you.",
        ] {
            #expect(!refused(good), "\(good)")
        }
    }

    /// Greetings, sign-offs and signatures are the reply's frame (ReplyFrame): a lone "?" or a
    /// bare "done" inside one is still refused, a name in the greeting is no detail; a reply
    /// with a real body passes (blind9-12 misses).
    @Test func theFrameAroundABodySaysNothing() {
        for bad in [
            "Hi Dee,\n\n??\n\nThanks,\nService Desk", "Hi Joan, the printer has been done. Thanks.", "Hi", "Thanks!",
            "王店长您好，这个问题已处理。\n有问题再联系。\n——IT服务台 小李",
            "张工您好：\n经排查，问题已解决，系统已恢复正常使用。如后续还有其他问题，欢迎随时联系我们，感谢您的理解与支持！\n运维组",
            "Hi Emma,\n\nAll sorted on our side - the comments issue has been resolved and everything is working as expected now. Let us know if there's anything else!\n\nBest,\nSupport Team",
        ] {
            #expect(refused(bad), "\(bad)")
        }
        for good in [
            "Hi Anna,\n\nThe upload failed because the file was over the 20 MB limit. I raised the limit for your team to 50 MB, so please try again.\n\nThanks,\nService Desk",
            "王老师您好：\n\n关于您反映的成绩导出问题，原因是导出模板缺少“学号”列，我已经更新模板，您重新导出即可。\n\nIT服务台 小李",
            "Hi Sam, thanks for the screenshot. The error comes from an old add-in; I removed it and Outlook starts normally now. Regards, Kim",
        ] {
            #expect(!refused(good), "\(good)")
        }
    }

    /// Long brush-offs: two kinds together (not ours, go elsewhere, cannot, blame) with no step
    /// of the agent's own are refused at any length; "I can't" is no step, a rhetorical
    /// "Again?" no question back; a decline with its reason and a hand-off or workaround passes.
    @Test func longBrushOffsAndDeclinesWithAWayForward() {
        for bad in [
            "The network team broke this with last night's change, not us. You'll have to chase them yourself, I can't do anything from here.",
            "Again? We already fixed this last week. You must be doing something wrong on your end, please check properly before raising tickets.",
            "Your colleague deleted the folder himself, so there isn't much we can do. You'll have to ask him.",
            "你们自己把纸塞歪了才会卡，下次放整齐一点就不会这样了。", "系統問題請直接找原廠，我們這邊無法處理。",
            "You'll need to raise this with the vendor directly, it's not something we look after.",
        ] {
            #expect(refused(bad), "\(bad)")
        }
        for good in [
            "这个需求现在的版本暂时做不了，因为推送时间是由消息平台统一设置的；我已经把您的建议提交给产品组，他们评估后我两周内给您回复结果。",
            "Is everyone on your floor affected, or only your computer?",
            "Your laptop's VPN certificate had expired; I renewed it remotely and you should now be able to connect.",
            "Unfortunately that falls under the facilities team, so I've passed it to Mark Li there and he will call you today.",
            "That's outside what our desk can change, but here is the workaround: export to CSV first, then open it in Excel.",
            "這個功能目前做不到，我們建議先用匯出 Excel 的方式替代，步驟如下：點右上角匯出。",
        ] {
            #expect(!refused(good), "\(good)")
        }
    }

    /// Courtesy-wrapped brush-offs and a restated subject as the only detail (blind13/14):
    /// "something we can help with" and "nothing we can" name no step, closing the ticket is
    /// giving up, and "X的问题已解决" / "Done — X issue." only name the problem back; a clause
    /// that names a cause keeps its words.
    @Test func courtesyWrappedBrushOffsAndRestatedSubjects() {
        for bad in [
            "Hi Priya, thanks so much for reaching out! Unfortunately refunds aren't really something we can help with — you might want to try the finance systems team. Have a lovely day!",
            "您好,感谢您的耐心!经过排查,这个情况我们这边也没有办法,建议您自行联系厂家,祝您工作顺利!",
            "Not sure what's going on there to be honest, I'll close this for now and you can open a new one if it happens again.",
            "冰箱温度告警的问题已解决。", "Done — refund approval button issue.",
            "关于贵办反映的政务网连接问题,我中心高度重视,第一时间组织技术力量进行处置,目前已妥善处理。感谢对我们工作的支持。",
            "Dear customer, thank you for reaching out. We value your feedback and your issue has been resolved. Have a wonderful day!",
        ] {
            #expect(refused(bad), "\(bad)")
        }
        for good in [
            "The root cause was a DNS problem; I corrected the record and the site loads again.",
            "打印机卡纸的问题已解决：进纸轮磨损，已更换新的进纸轮，测试打印50张正常。",
            "Fixed the login issue: your account was locked after five failed attempts, I unlocked it.",
        ] {
            #expect(!refused(good), "\(good)")
        }
    }
}
