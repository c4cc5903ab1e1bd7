// Taboo and vague wording under the built-in policy.
import Testing

@testable import DeskKit

@Suite struct PhraseLintTests {
    let lint = PhraseLint(policy: .builtin)

    @Test func findsTabooPhrasesAnywhereAndALoneQuestionMark() {
        #expect(lint.taboos(in: "这个问题我不知道怎么办").map(\.phrase) == ["我不知道"])
        #expect(lint.taboos(in: "Sorry, I DON’T KNOW yet").map(\.phrase) == ["I don't know"])
        #expect(lint.taboos(in: " ? ").map(\.phrase) == ["?"])
        #expect(lint.taboos(in: "Is it the VPN? Please check.").isEmpty)
        #expect(lint.taboos(in: "已为您重置密码，请重新登录").isEmpty)
    }

    @Test func refusesVagueOrTooShortResolutionText() {
        #expect(lint.vagueness(of: "已解决。") != nil)
        #expect(lint.vagueness(of: " OK! ") != nil)
        #expect(lint.vagueness(of: "Done.") != nil)
        #expect(lint.vagueness(of: "Fixed!") == "'Fixed!' is a vague phrase; say what was found, done and achieved")
        #expect(lint.vagueness(of: "") == "it is empty")
        #expect(lint.vagueness(of: "已重启") == "'已重启' is too short to mean anything")
        #expect(lint.vagueness(of: "重启客户端并清除缓存") == nil)
        #expect(lint.vagueness(of: "expired VPN certificate") == nil)
    }
}
