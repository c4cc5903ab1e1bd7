// The parts of a text pasted from e-mail that are not its writer's own words: the quoted history
// under a reply ("> …", "On Tue, Ingrid wrote:", "-------- 原始邮件 --------", a "From: / Sent:"
// header block) and the legal disclaimer under a message (CONFIDENTIALITY NOTICE, 【保密声明】).
// Seed 004 judges what the agent says, so a reply is read without the history it answers (a
// rude line quoted from someone else is not the agent's, and "Done." above a quoted request is
// still a bare "done"); a ticket is classified without its disclaimer (its "security risk",
// 泄露 and 病毒 are boilerplate, not the problem). A ticket keeps its quoted history: the
// request of a forwarded chain is often in it.

/// Finds quoted history and disclaimers in mail-shaped text.
enum MailText {
    /// Lines that open a block of earlier mail (key form, whole line or its start).
    static let historyOpeners = [
        "-----original message", "----- original message", "original message", "begin forwarded message", "---------- forwarded message",
        "forwarded message", "原始邮件", "转发邮件", "转发的邮件", "回复的原邮件",
    ].map(LintText.key)
    /// Header names that, at a line's start and followed by a colon, begin a quoted mail's header
    /// block when another header follows within a few lines ("From: … / Sent: …").
    static let headerNames = ["from", "sent", "date", "to", "cc", "subject", "发件人", "发送时间", "时间", "收件人", "抄送", "主题"].map(LintText.key)
    /// Header names that begin quoted history by themselves (no reply line starts with them).
    static let historyHeaders = ["发件人"].map(LintText.key)

    /// The writer's own part of a reply: the lines before the first line that opens quoted
    /// history, without lines quoted with ">" among them. The whole text when there is no such
    /// line, or when nothing of the writer's would be left (a reply that is all quotation is
    /// judged as typed).
    static func ownPart(_ text: String) -> String {
        guard text.utf8.contains(0x0A) else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let keys = lines.map { LintText.key(String($0)).trimmed }
        var own: [Substring] = []
        var cut = false
        for (i, k) in keys.enumerated() {
            if opensHistory(keys, i) {
                cut = true
                break
            }
            if k.hasPrefix(">") {
                cut = true
                continue
            }
            own.append(lines[i])
        }
        guard cut, own.contains(where: { !$0.allSatisfy(\.isWhitespace) }) else { return text }
        return own.joined(separator: "\n")
    }

    /// Whether line `i` (key form) opens quoted history: a separator naming an earlier mail, an
    /// attribution line ("On Tue 09:12, Ingrid wrote:", "在 2024年5月8日 … 写道："), or a header
    /// block ("From: …" with "Sent:" or "To:" on one of the next four lines; "发件人：" alone).
    static func opensHistory(_ keys: [String], _ i: Int) -> Bool {
        let k = keys[i].drop { $0 == "-" || $0 == "_" || $0 == "=" || $0 == " " }
        if historyOpeners.contains(where: { k.hasPrefix($0) }) { return true }
        let bare = ReplyFrame.stripEnd(String(k))
        if keys[i].unicodeScalars.count <= 160, bare.hasSuffix("wrote") || bare.hasSuffix("写道") { return true }
        guard let name = headerName(keys[i]) else { return false }
        if historyHeaders.contains(name) { return true }
        return keys[(i + 1)..<min(keys.count, i + 5)].contains { headerName($0).map { $0 != name } ?? false }
    }

    /// The header name a line opens with ("from: x" → "from"), or nil.
    static func headerName(_ key: String) -> String? {
        guard let colon = key.firstIndex(where: { $0 == ":" }) else { return nil }
        let name = String(key[..<colon]).trimmed
        return headerNames.contains(name) ? name : nil
    }

    /// Phrases only legal disclaimers use (key form).
    static let disclaimerMarks = [
        "confidentiality notice", "disclaimer", "intended recipient", "intended solely", "sole use of", "privileged information",
        "received this e-mail in error", "received this email in error", "received this message in error", "in error, please",
        "any unauthorized review", "any unauthorised", "does not accept liability", "accepts no liability",
        "before printing", "cannot be guaranteed to be secure", "保密声明", "免责声明", "保密信息", "错收", "误收", "仅限于",
        "不构成任何要约", "不承担任何责任", "打印前请", "删除本邮件", "本邮件及其附件",
    ].map(LintText.key)
    static let disclaimerMatcher = KeywordMatcher(disclaimerMarks)

    /// The text without its disclaimer lines: a line holding two of `disclaimerMarks`, or one
    /// that opens with a disclaimer's heading ("DISCLAIMER:", "【保密声明】"). The rest is kept as
    /// it was typed; the whole text when every line is disclaimer.
    static func withoutDisclaimers(_ text: String) -> String {
        // Most tickets hold no disclaimer: one search for the commonest marks' letters first.
        guard mayHoldDisclaimer(text) else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.filter { !isDisclaimer(String($0)) }
        guard kept.count < lines.count, kept.contains(where: { !$0.allSatisfy(\.isWhitespace) }) else { return text }
        return kept.joined(separator: "\n")
    }

    /// Whether a line is disclaimer.
    static func isDisclaimer(_ line: String) -> Bool {
        let k = LintText.key(line)
        let bare = k.drop { !($0.isLetter || $0.isNumber) }
        if bare.hasPrefix("confidentiality notice") || bare.hasPrefix("disclaimer") || bare.hasPrefix("保密声明")
            || bare.hasPrefix("免责声明") { return true }
        return disclaimerMatcher.matches(in: k).count >= 2
    }

    /// A byte search that rules out most texts before any line is read: every mark above holds
    /// one of these words (ASCII case ignored; traditional forms listed, as the bytes are not
    /// folded). Why: a classify run reads a million descriptions, few with a disclaimer.
    static let markWords = [
        "confidential", "disclaimer", "recipient", "intended", "liability", "printing", "unauthori", "in error", "sole use", "privileged", "guaranteed", "保密", "声明", "聲明", "错收",
        "錯收", "误收", "誤收", "仅限于", "僅限於", "要约", "要約", "责任", "責任", "打印", "删除本邮件", "刪除本郵件", "及其附件",
    ].map(TextSearch.init)

    static func mayHoldDisclaimer(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in markWords.contains { $0.occurs(in: UnsafeRawBufferPointer(b)) } }
    }
}
