// ReplyFrame: what a reply's greeting, sign-off and signature are, and that a body line that
// merely looks like one (ends with 好, mentions 全部, opens with "Thanks" in a sentence) stays.
import Testing

@testable import DeskKit

@Suite struct ReplyFrameTests {
    @Test func framesComeOffAndTheBodyStays() {
        #expect(ReplyFrame.body("Hi Dee,\n\n??\n\nThanks,\nService Desk") == "??")
        #expect(ReplyFrame.body("王老师您好：\n\n已重新导出成绩单。\n\n谢谢！\n服务台 小李") == "已重新导出成绩单。")
        #expect(ReplyFrame.body("张工您好：\n经排查，交换机端口松动，已插紧。\n运维组") == "经排查，交换机端口松动，已插紧。")
        #expect(ReplyFrame.body("Hello team,\nThe VPN is back.\nKind regards,\nAnna\nIT") == "The VPN is back.")
        // Frames are read in key form, as every wording check reads text: full-width letters
        // and the polite 您 are the same frame.
        #expect(ReplyFrame.body("Ｈｉ Dee,\n??\nＴｈａｎｋｓ,\nService Desk") == "??")
        #expect(ReplyFrame.body("周师傅您好,已处理。\n祝您工作顺利!") == "周师傅您好,已处理。")
        // One line: nothing to take off (clauses inside it are handled by the lint).
        #expect(ReplyFrame.body("Hi Joan, the printer works again.") == "Hi Joan, the printer works again.")
    }

    @Test func bodyLinesThatLookLikeFramesStay() {
        // Ends with 好 but is no greeting; holds 全部 but is no signature; opens with "Thanks"
        // but is a sentence.
        #expect(ReplyFrame.body("已经修好\n原因是交换机端口松动，已重新插紧") == "已经修好\n原因是交换机端口松动，已重新插紧")
        #expect(ReplyFrame.body("原因是证书过期，已更换\n已经全部恢复") == "原因是证书过期，已更换\n已经全部恢复")
        #expect(ReplyFrame.body("The disk was full.\nThanks to the cleanup it has 40 GB free now.") == "The disk was full.\nThanks to the cleanup it has 40 GB free now.")
    }

    @Test func frameOnlyReplies() {
        #expect(ReplyFrame.isFrameOnly("Hi"))
        #expect(ReplyFrame.isFrameOnly("Thanks!"))
        #expect(ReplyFrame.isFrameOnly("您好！"))
        #expect(!ReplyFrame.isFrameOnly("您好，原因是证书过期，已更换证书并重启服务，现在可以正常连接。"))
        #expect(!ReplyFrame.isFrameOnly("谢谢，已经帮你把打印机加到电脑上了"))
    }
}
