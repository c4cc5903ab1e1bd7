// MailText: the quoted history under a reply and the legal disclaimer under a message are not
// their writer's words; the wording checks and triage read without them, and text that merely
// mentions mail ("the e-mail from HR", "From: field is empty") stays.
import Testing

@testable import DeskKit

@Suite struct MailTextTests {
    @Test func quotedHistoryComesOffAReply() {
        #expect(MailText.ownPart("Done.\n\n> On Mon 08:40, Priya Nair wrote:\n> The scanner on desk 4 is dead again") == "Done.\n")
        #expect(MailText.ownPart("Done.\n\nOn Mon, 3 Jun 2024 at 08:40, Priya Nair <priya@example.com> wrote:\n> The scanner is dead") == "Done.\n")
        #expect(MailText.ownPart("已处理。\n\n------------------ 原始邮件 ------------------\n发件人: 王磊\n主题: 打印机卡纸") == "已处理。\n")
        #expect(MailText.ownPart("OK\n-----Original Message-----\nFrom: Tom\nSent: Monday\nThe VPN drops") == "OK")
        #expect(MailText.ownPart("好的\n\n发件人：李娜\n时间：2024年6月3日\n你们到底管不管") == "好的\n")
        #expect(MailText.ownPart("?\n\nFrom: Jamal Reed\nSent: Tuesday 09:12\nTo: IT Service Desk\nSubject: Handheld login") == "?\n")
        #expect(MailText.ownPart("收到\n\n在 2024年6月3日 09:12，张伟 写道：\n> 系统又崩了") == "收到\n")
        // Inline answers between quoted lines: the agent's lines stay, the quoted ones go.
        #expect(MailText.ownPart("> Which port?\nPort 12 on the second switch.\n> When?\nTonight at 20:00.") == "Port 12 on the second switch.\nTonight at 20:00.")
    }

    @Test func textThatOnlyMentionsMailStays() {
        let kept = [
            "The From: field of the invoice e-mail is empty since the update.\nI reset the template at 10:20.",
            "I forwarded your message to Anna in payroll; she will call you by 15:00.",
            "请把原始文件发给我们，我们今天下午核对。",
            "One line with no history",
            // All quotation: nothing of the writer's would be left, so it is judged as typed.
            "> not my problem",
        ]
        for t in kept { #expect(MailText.ownPart(t) == t, "\(t)") }
    }

    @Test func disclaimersComeOffATicket() {
        let en = "Which version of the rota app is current? Mine says 3.8.\n\n--\nCONFIDENTIALITY NOTICE: This message is for the sole use of the intended recipient and may contain privileged information. If you received this e-mail in error, please delete it. E-mail cannot be guaranteed to be secure or free of viruses."
        #expect(MailText.withoutDisclaimers(en) == "Which version of the rota app is current? Mine says 3.8.\n\n--")
        let zh = "请问报销系统现在是哪个版本？\n————————\n【免责声明】本邮件及其附件含有保密信息，仅限于指定收件人使用。如您错收本邮件，请立即删除。本公司不承担因邮件传输导致的信息泄露、病毒或被篡改的任何责任。"
        #expect(MailText.withoutDisclaimers(zh) == "请问报销系统现在是哪个版本？\n————————")
        // Two marks on one line, without a heading.
        #expect(MailText.withoutDisclaimers("VPN question\nThis email is intended solely for the addressee; if you are not the intended recipient delete it.") == "VPN question")
    }

    @Test func aTicketAboutConfidentialDataKeepsItsWords() {
        let kept = [
            "Confidential salary data was e-mailed to the wrong recipient at 09:10: 300 staff records exposed.",
            "保密文件被误发给了外部邮箱，请马上处理",
            "The printing queue on floor 3 is stuck",
        ]
        for t in kept { #expect(MailText.withoutDisclaimers(t) == t, "\(t)") }
    }

    @Test func theWordingChecksReadTheAgentsOwnPart() {
        let lint = PhraseLint(policy: .builtin, replyModel: nil)
        // A bare "done" above a quoted request is still a bare "done".
        #expect(!lint.review(reply: "Done.\n\n> On Mon 08:40, Priya wrote:\n> The scanner on desk 4 shows error E-21 and no scans reach SAP since 8:00.").isEmpty)
        #expect(!lint.review(reply: "已处理。\n\n-------- 原始邮件 --------\n发件人: 刘洋\n主题: 报销系统导出PDF报错\n导出PDF就报错，在线提交正常").isEmpty)
        // Someone else's rude words in the quoted history are not the agent's.
        #expect(lint.review(reply: "Hi Sam, I reinstalled the label printer driver at 10:05 and printed a test label.\n\n> From: Warehouse lead\n> Not my problem, ask IT.").isEmpty)
        #expect(lint.review(reply: "您好，2 号门读卡器的电源适配器已于今天 14:20 更换，刷卡已恢复。\n\n-------- 原始邮件 --------\n发件人: 值班\n这个不归我们管。").isEmpty)
    }

    @Test func triageReadsWithoutTheDisclaimer() {
        let c = Classifier(policy: .builtin)
        let d = c.decide(
            title: "Rota app version", description: "Which version of the driver rota app is current? Mine says 3.8.\n\n--\nCONFIDENTIALITY NOTICE: This e-mail is for the sole use of the intended recipient. Transmission cannot be guaranteed to be secure: information could be lost, intercepted or corrupted. This message is not a security risk disclosure.",
            impact: nil, urgency: nil)
        #expect(d.priority == .low, "rules \(d.ruleIds)")
    }
}
