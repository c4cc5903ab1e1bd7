// A "don't know" on the way to a next step is kept; the bare one is refused (seed 004 服务忌语:
// 我不知道), through the 我不知道 family's `unless_followed_by` commitments in the built-in policy.
import Testing

@testable import DeskKit

@Suite struct PhraseFollowUpsTests {
    let lint = PhraseLint(policy: .builtin, replyModel: nil)

    @Test func aHedgeFollowedByACommitmentIsKept() {
        for good in [
            "I don't know the cause yet, but I've opened a case with the vendor and will update you by 3pm.",
            "I don't know yet, but I'll call you back within the hour with an answer.",
            "我暂时还不清楚原因，但已经联系了厂商，今天下午三点前给您回复。",
            "我还不知道原因，不过我会先把打印任务转到二楼的打印机，下午给您结论。",
        ] {
            #expect(lint.review(reply: good).isEmpty, "\(good): \(lint.review(reply: good).map(\.message))")
        }
    }

    @Test func theBareHedgeIsRefused() {
        for bad in [
            "I don't know the cause yet.", "Sorry, I don't know yet", "I do NOT know what happened.", "我不知道原因。",
            "我不知道，你问别人吧", "I'll be honest: I don't know.",
        ] {
            #expect(!lint.review(reply: bad).isEmpty, "\(bad)")
        }
    }

    @Test func theCommitmentsRoundTripThroughThePolicyText() throws {
        let family = try #require(Policy.builtin.families.first { $0.id == "dont_know" })
        #expect(family.unlessFollowedBy.contains("i will") && family.unlessFollowedBy.contains("我会"))
        #expect(try Policy.decode(Policy.builtin.json).get().families == Policy.builtin.families)
    }
}
