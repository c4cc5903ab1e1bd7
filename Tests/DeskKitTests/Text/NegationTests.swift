// Negation look-back on normalised bytes, and numbers read as "#".
import Testing

@testable import DeskKit

@Suite struct NegationTests {
    func negated(_ text: String, _ word: String) -> Bool {
        let t = TextNormalizer.fold(text)
        let bytes = Array(t.utf8)
        let w = Array(word.utf8)
        guard bytes.count >= w.count, let start = (0...(bytes.count - w.count)).first(where: { bytes[$0..<($0 + w.count)].elementsEqual(w) }) else {
            Issue.record("\(word) not in \(t)")
            return false
        }
        return Negation.isNegated(bytes, before: start)
    }

    @Test func englishAndChineseNegators() {
        #expect(negated("The system did not crash", "crash"))
        #expect(negated("Nothing was lost", "lost"))
        #expect(negated("No data loss at all", "data loss"))
        #expect(!negated("The system crashed", "crash"))
        // A negator in an earlier clause does not reach.
        #expect(!negated("Not urgent, but the server is down", "down"))
        // Failure words are not negators.
        #expect(!negated("I cannot log in", "log in"))
        #expect(negated("系统没有崩溃", "崩溃"))
        #expect(negated("数据并未丢失", "丢失"))
        #expect(!negated("系统无法启动，崩溃了", "崩溃"))
        #expect(!negated("打印机不停卡纸", "卡纸"))
        #expect(!negated("我无法登录", "登录"))
        // The contraction is still "nothing" (blind58: "Nothing's wrong, just asking").
        #expect(negated("Nothing's wrong, just asking", "wrong"))
        #expect(negated("the photos all save and nothing's lost", "lost"))
    }

    func guessed(_ text: String, _ word: String) -> Bool {
        let bytes = Array(TextNormalizer.fold(text).utf8)
        let w = Array(word.utf8)
        guard bytes.count >= w.count, let start = (0...(bytes.count - w.count)).first(where: { bytes[$0..<($0 + w.count)].elementsEqual(w) }) else {
            Issue.record("\(word) not in \(text)")
            return false
        }
        return Negation.isGuessed(bytes, start..<(start + w.count))
    }

    /// A yes/no question that wonders whether a threat is real guesses; a question that takes it
    /// as given, or a statement, does not.
    @Test func yesNoQuestionsGuess() {
        #expect(guessed("这是不是被黑客攻击了？", "黑客"))
        #expect(guessed("会不会中毒了", "中毒") == false)  // no question mark, no 吗: said, not asked
        #expect(guessed("电脑会不会中毒了吗？", "中毒"))
        #expect(guessed("系统被黑了吗？", "被黑"))
        #expect(guessed("Is it a hack?", "hack"))
        #expect(guessed("so could we have been hacked??", "hacked"))
        #expect(!guessed("Why was our website hacked?", "hacked"))
        #expect(!guessed("We have been hacked. Is the backup safe?", "hacked"))
        #expect(!guessed("我们被黑了，怎么办？", "被黑"))
        #expect(!guessed("谁篡改了官网？", "篡改"))
    }

    /// The clause marks every clause reader shares: a comma ends a span only when asked.
    @Test func clauseMarks() {
        let b = Array("a,b:c。d、e?".utf8)
        #expect(Negation.endsClause(b, before: 2, commas: true) && !Negation.endsClause(b, before: 2, commas: false))  // ","
        #expect(Negation.endsClause(b, before: 4, commas: true) && !Negation.endsClause(b, before: 4, commas: false))  // ":"
        #expect(Negation.endsClause(b, before: 8, commas: false))  // 。 (bytes 5-7)
        #expect(Negation.endsClause(b, before: 12, commas: true) && !Negation.endsClause(b, before: 12, commas: false))  // 、 (bytes 9-11)
        #expect(Negation.endsClause(b, before: 14, commas: false))  // "?"
        #expect(!Negation.endsClause(b, before: 1, commas: true) && !Negation.endsClause(b, before: 0, commas: true))
    }

    @Test func numbersReadAsHash() {
        // Ten or more reads "##" ("# users" still finds it).
        #expect(Classifier.numbersAsHash("300 users, v2.3") == "## users, v#")
        #expect(Classifier.numbersAsHash("四十五个人都进不去") == "##个人都进不去")
        #expect(Classifier.numbersAsHash("一直在五楼") == "一直在五楼")
        // A number written onto a letter names a room or a model, not a crowd.
        #expect(Classifier.numbersAsHash("projector in B12, A320 and 12 rooms") == "projector in B#, A# and ## rooms")
        #expect(Classifier.numbersAsHash("几百人") == "##人")
        #expect(Classifier.numbersAsHash("几个人, 9 pcs, 09 pcs, 1.5 h") == "#个人, # pcs, # pcs, # h")
        #expect(Classifier.numbersAsHash("二十几家, 1,200 users") == "##家, ## users")
        #expect(Classifier.numbersAsHash("plain text") == "plain text")
        // Seven digits or more without a separator are a code (a container, an order, a phone
        // number), not a crowd; written with separators they still count.
        #expect(Classifier.numbersAsHash("TGHU 9930012 for customer") == "TGHU # for customer")
        #expect(Classifier.numbersAsHash("1,200,000 users and 120000 users") == "## users and ## users")
    }
}
