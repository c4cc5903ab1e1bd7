// The frame around a reply's body: a greeting line ("Hi Dee,", "王老师您好：") and a sign-off
// with the signature under it ("Thanks,\nService Desk", "谢谢！\n服务台 小李"). Seed 004 judges what
// the agent says to the problem; a frame says nothing to it, so "Hi Dee,\n\n??\n\nThanks,\nService
// Desk" is still a lone "?" (禁止使用“?”回复) and a name in the greeting is no detail. The wording
// checks read the body; their messages still quote what was typed.

/// Splits a reply into its greeting, body and sign-off.
enum ReplyFrame {
    /// Words a greeting line opens with or, in Chinese, ends with; lines are compared in
    /// LintText key form (folded, simplified, lower case), as every wording check reads text.
    static let greetingOpeners = ["hi", "hello", "hey", "dear", "good morning", "good afternoon", "good evening", "morning", "afternoon", "greetings", "您好", "你好", "尊敬的"].map(LintText.key)
    static let greetingEnders = ["您好", "你好", "大家好", "各位好", "老师好", "早上好", "上午好", "下午好", "晚上好", "早安"].map(LintText.key)
    /// Words a sign-off line opens with (key form).
    static let signOffOpeners = [
        "thanks", "thank you", "many thanks", "regards", "kind regards", "best regards", "best", "cheers", "br", "sincerely",
        "yours", "all the best", "谢谢", "感谢", "此致", "祝好", "顺祝", "祝工作顺利", "祝您", "多谢",
    ].map(LintText.key)
    /// A frame line is short: longer lines are body, whatever they open with.
    static let maxFrameLine = 30
    /// Bytes a reply of frame lines only can hold (a greeting and a sign-off with a name).
    static let maxFrameReply = 256

    /// The reply without a greeting line before its body and a sign-off (with the lines under
    /// it) after it; the whole text when no body would be left or the reply is one line.
    static func body(_ reply: String) -> String {
        let lines = reply.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmed }
        let filled = lines.indices.filter { !lines[$0].isEmpty }
        guard filled.count >= 2 else { return withoutTrailingSignOff(reply) }
        var first = filled[0]
        var last = filled[filled.count - 1]
        if isGreeting(lines[first]) { first = filled[1] }
        // The earliest sign-off after the body's first line ends it: what follows is a signature.
        if let s = filled.first(where: { $0 > first && isSignOff(lines[$0]) }) {
            guard let end = filled.last(where: { $0 < s }) else { return reply }
            last = end
        }
        // A signature without a sign-off: a last line that names a team or a person ("运维组",
        // "——IT服务台 小李", "Support Team").
        if last > first && isSignature(lines[last]), let end = filled.last(where: { $0 < last }) { last = end }
        guard first <= last else { return reply }
        return lines[first...last].joined(separator: "\n")
    }

    /// Marks that end a sentence before a one-line sign-off.
    static let sentenceEnds: Set<Unicode.Scalar> = [".", "。", "!", "！"]

    /// A one-line reply without a last sentence that is a sign-off ("… in due course. Kind
    /// regards, Service Desk"): written on one line, the frame is still no content.
    static func withoutTrailingSignOff(_ reply: String) -> String {
        let u = Array(reply.unicodeScalars)
        // The last sentence end before the final sentence, with text after it.
        var k = u.count - 1
        while k >= 0, sentenceEnds.contains(u[k]) || u[k] == " " { k -= 1 }
        while k >= 0, !sentenceEnds.contains(u[k]) { k -= 1 }
        guard k > 0, u.count - k <= 2 * maxFrameLine else { return reply }
        var tail = String.UnicodeScalarView()
        tail.append(contentsOf: u[(k + 1)...])
        guard isSignOff(String(tail).trimmed) else { return reply }
        var head = String.UnicodeScalarView()
        head.append(contentsOf: u[...k])
        return String(head)
    }

    /// Whether the reply is only a greeting or a sign-off ("Hi", "Thanks!"): no content.
    static func isFrameOnly(_ reply: String) -> Bool {
        let lines = reply.split(separator: "\n").map { String($0).trimmed }.filter { !$0.isEmpty }
        return !lines.isEmpty && lines.allSatisfy { isGreeting($0) || isSignOff($0) }
    }

    /// A greeting line: an opener and at most a name ("Hi Dee", "Dear team", "王老师您好"), no
    /// sentence inside it.
    static func isGreeting(_ line: String) -> Bool {
        let bare = stripEnd(LintText.key(line))
        guard bare.unicodeScalars.count <= maxFrameLine, !hasInnerPunctuation(bare, allowComma: false) else { return false }
        if bare.unicodeScalars.count <= 12 && greetingEnders.contains(where: { bare.hasSuffix($0) }) { return true }
        return greetingOpeners.contains { opens(bare, $0) }
    }

    /// A sign-off line: a closing word and at most a name after a comma ("Thanks, Anna",
    /// "Kind regards", "谢谢"), no sentence inside it.
    static func isSignOff(_ line: String) -> Bool {
        let bare = stripEnd(LintText.key(line))
        guard bare.unicodeScalars.count <= maxFrameLine, !hasInnerPunctuation(bare, allowComma: bare.unicodeScalars.allSatisfy { $0.value < 0x80 }) else {
            return false
        }
        return signOffOpeners.contains { opens(bare, $0) }
    }

    /// Words that make a short line a signature: a desk named anywhere in it ("IT服务台 小李"),
    /// or a team it ends with ("运维组", "Support Team").
    static let signatureDesks = ["服务台", "客服", "service desk", "helpdesk", "help desk", "it support"].map(LintText.key)
    /// What a phone or mail app puts under a message ("Sent from my iPhone", "发自我的华为手机").
    static let deviceSignatures = ["sent from", "get outlook for", "来自我的", "发自"].map(LintText.key)
    static let signatureTeams = ["组", "中心", "团队", "部门", "运维部", "信息部", "技术部", "team", "desk", "support"].map(LintText.key)

    /// A signature line: a dash before a name, a device's line ("Sent from my iPhone"), or a
    /// short line naming a desk or ending with a team, no sentence in it.
    static func isSignature(_ line: String) -> Bool {
        let l = stripEnd(LintText.key(line))
        guard l.unicodeScalars.count <= 20, !hasInnerPunctuation(l, allowComma: false) else { return false }
        if l.hasPrefix("——") || l.hasPrefix("--") || l.hasPrefix("—") || l.hasPrefix("- ") { return true }
        if deviceSignatures.contains(where: { opens(l, $0) }) { return true }
        return signatureDesks.contains { l.contains($0) } || signatureTeams.contains { l.hasSuffix($0) }
    }

    /// Whether `bare` starts with the word `o` (a Latin word ends there; a Chinese one need not).
    static func opens(_ bare: String, _ o: String) -> Bool {
        guard bare.hasPrefix(o) else { return false }
        if o.unicodeScalars.first.map({ $0.value > 0x7F }) == true { return true }
        guard let next = bare.unicodeScalars.dropFirst(o.unicodeScalars.count).first else { return true }
        return !next.properties.isAlphabetic
    }

    /// Whether `s` holds sentence punctuation (a comma too, unless allowed).
    static func hasInnerPunctuation(_ s: String, allowComma: Bool) -> Bool {
        s.unicodeScalars.contains { u in
            switch u {
            case ",", "，", "、": return !allowComma
            case ".", "。", ";", "；", "!", "！", "?", "？", ":", "：": return true
            default: return false
            }
        }
    }

    /// The line without trailing punctuation and spaces ("Hi Dee," → "hi dee").
    static func stripEnd(_ s: String) -> String {
        var u = Array(s.unicodeScalars)
        while let l = u.last, !(l.properties.isAlphabetic || l.properties.numericType != nil) { u.removeLast() }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: u)
        return String(out)
    }
}
