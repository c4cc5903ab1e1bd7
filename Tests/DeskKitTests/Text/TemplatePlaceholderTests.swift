// Unfilled template placeholders: found by their form (a variable, a marker word, a field's name
// where its label asks for content), while headings, codes and paths in brackets stay content.
import Testing

@testable import DeskKit

@Suite struct TemplatePlaceholderTests {
    @Test func placeholdersAreFound() {
        let cases: [(String, String)] = [
            ("您好，您的工单已处理。\n处理结果：[处理结果]\n如有疑问请联系服务台。", "[处理结果]"),
            ("原因说明：【原因说明】\n处理方案：【处理方案】", "【原因说明】"),
            ("{{root_cause}}", "{{root_cause}}"),
            ("Next update: {{ next_update }}", "{{ next_update }}"),
            ("Hi {name}, we fixed it.", "{name}"),
            ("Result: [RESOLUTION]", "[RESOLUTION]"),
            ("We will call you back at [insert time].", "[insert time]"),
            ("下次更新：<填写时间>", "<填写时间>"),
            ("ETA: [next_update]", "[next_update]"),
            ("Cause: [Cause]", "[Cause]"),
            ("Next update:  [time] .", "[time]"),
            ("处理人：［处理人］", "［处理人］"),
        ]
        for (text, expected) in cases {
            #expect(TemplatePlaceholder.first(in: text) == expected, "\(text)")
        }
    }

    @Test func bracketsThatHoldContentAreNot() {
        for text in [
            "【处理结果】已恢复打印，请重新提交。",
            "【原因说明】\n打印机驱动版本过旧",
            "错误信息：[Errno 13] Permission denied",
            "日志路径：[C:\\logs\\app]",
            "[URGENT] The server is back up since 10:05.",
            "The field shows {\"error\": 1} in the log.",
            "Please open Settings > Printers > Add.",
            "Cause: [disk full on srv-02]",
            "Status: [resolved at 14:05]",
            "a < b and c > d",
            "",
        ] {
            #expect(TemplatePlaceholder.first(in: text) == nil, "\(text)")
        }
    }

    /// The reply check and the resolution check both refuse a placeholder and name it.
    @Test func repliesAndResolutionsWithAPlaceholderAreRefused() {
        let lint = PhraseLint(policy: .builtin, replyModel: nil)
        let reply = lint.review(reply: "您好，经排查：\n原因说明：【原因说明】\n处理方案：更换了打印机硒鼓，已测试打印正常。")
        #expect(reply.contains { $0.message.contains("template placeholder (【原因说明】)") }, "\(reply)")
        let field = lint.review(field: "cause", "{{root_cause}}")
        #expect(field.contains { $0.message.contains("template placeholder ({{root_cause}})") }, "\(field)")
        #expect(lint.review(field: "cause", "【原因】交换机端口故障，已更换端口").isEmpty)
    }
}
