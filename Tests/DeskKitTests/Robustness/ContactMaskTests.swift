// Contact data in free text (issue 17 item 6). Regressions: a survey comment holding the
// requester's phone or e-mail was printed verbatim in the follow-up table of every report
// format, and names and address fragments reached the comment themes; `show --redact` left a
// repeated `email` key, a requester given as a string or a list, and contact data inside
// descriptions and replies unmasked.
import Foundation
import Testing

@testable import DeskKit

@Suite struct ContactMaskTests {
    @Test func masksAddressesAndPhoneNumbers() {
        let cases: [(String, String)] = [
            ("mail wang.wei@example-corp.com.", "mail ***."),
            ("call +86 138 0000 1234 now", "call *** now"),
            ("call 13800001234", "call ***"),
            ("tel (021) 5521-3380, ext 5", "tel ***, ext 5"),
            ("手机13800001234，谢谢", "手机***，谢谢"),
            ("US 555.123.4567", "US ***"),
        ]
        for (input, expected) in cases { #expect(ContactMask.text(input) == expected, "\(input)") }
    }

    @Test func leavesDatesTimesVersionsAddressesAndIdsAlone() {
        for text in ["since 2026-11-30, 2026.11.30 and 2026-10-14T01:30:00+08:00", "Outlook 16.0.17928", "GlobalConnect 6.1.2",
                     "ping 192.168.100.200", "ticket DK-261014-7G2K-M4QXZ", "token 11af74540cb485c038206289fe4",
                     "order 12345", "u20417", "a @ b", "user@localhost"] {
            #expect(ContactMask.text(text) == text, "\(text)")
        }
    }

    @Test func masksTheRequestersOwnValues() {
        var known = ContactMask.Known()
        known.add(requester: .object(["name": "Lukas Schmidt", "account": "u31877", "department": "Sales"]))
        #expect(ContactMask.text("Lukas Schmidt said lukas was fine; schmidt2 and Sales stay; U31877", known: known)
                == "*** said *** was fine; schmidt2 and Sales stay; ***")
        var chinese = ContactMask.Known()
        chinese.add(requester: .string("王伟"))
        #expect(ContactMask.text("王伟说还是不行", known: chinese) == "***说还是不行")
    }

    @Test func maskingIsLinear() {
        // 200k characters of near-misses: each scanner looks at each character a bounded
        // number of times, so this stays far from the seconds a quadratic scan takes.
        let text = String(repeating: "1-2.3 a@b ", count: 20_000)
        #expect(ContactMask.text(text).count == text.count)
    }

    static let requesterTicket = #"{"id":"R1","opened_at":"2026-10-14T01:30:00Z","channel":"email","status":"open","#

    @Test func redactMasksRepeatedKeysStringAndListRequesters() throws {
        let lines = [
            Self.requesterTicket + #""requester":{"name":"王伟","email":"a@x.com","email":"wang.wei@example.com"}}"#,
            #"{"id":"R2","opened_at":"2026-10-14T01:30:00Z","channel":"email","status":"open","requester":"Wang Wei <wang.wei@example.com>, 13800001234"}"#,
            #"{"id":"R3","opened_at":"2026-10-14T01:30:00Z","channel":"email","status":"open","requester":[{"email":"wang.wei@example.com"},"+86 138 0000 1234"]}"#,
        ]
        let r = try runDesk(["show", "--redact"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(r.status == 0)
        for secret in ["wang.wei@", "a@x.com", "13800001234", "138 0000"] { #expect(!r.stdout.contains(secret), "\(secret) leaked:\n\(r.stdout)") }
        #expect(r.stdout.contains(#""email":"w***@example.com""#))
        #expect(r.stdout.contains("王伟"))
    }

    @Test func redactMasksContactDataInsideTexts() throws {
        let t = Self.requesterTicket
            + #""requester":{"name":"Lukas Schmidt","phone":"+86 21 5521 3380"},"title":"VPN","description":"Lukas here, call me on +86 21 5521 3380 or lukas.s@home.example","#
            + #""history":[{"at":"2026-10-14T01:30:00Z","by":"agent.li","event":"customer_replied","text":"reach me at 13912345678"}],"x_note":"lukas.s@home.example"}"#
        let r = try runDesk(["show", "--redact"], stdin: t + "\n")
        #expect(r.status == 0)
        // The requester's name stays in requester.name (who asked is not contact data).
        let outside = r.stdout.replacingOccurrences(of: #""name":"Lukas Schmidt""#, with: "")
        for secret in ["Lukas", "5521", "lukas.s@", "13912345678"] { #expect(!outside.contains(secret), "\(secret) leaked:\n\(r.stdout)") }
        #expect(r.stdout.contains(#""description":"*** here, call me on *** or ***""#))
        #expect(r.stdout.contains(#""opened_at":"2026-10-14T01:30:00Z""#))
    }

    @Test(arguments: ["text", "markdown", "csv", "json", "html"])
    func reportsNeverPrintTheRequestersContactData(_ format: String) throws {
        let path = BinaryRunner.packageRoot.appendingPathComponent("Examples/tickets.ndjson").path
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let i = try #require(lines.firstIndex { $0.contains("\"opened_at\":\"2026-11") && $0.contains("\"comment\"") && $0.contains("\"phone\"") })
        var object = try #require(try JSONSerialization.jsonObject(with: Data(lines[i].utf8)) as? [String: Any])
        let requester = try #require(object["requester"] as? [String: Any])
        let name = try #require(requester["name"] as? String), email = try #require(requester["email"] as? String)
        let phone = try #require(requester["phone"] as? String)
        var survey = try #require(object["survey"] as? [String: Any])
        survey["comment"] = "\(name) here: call \(phone) or mail \(email), or my home number 021-6543-2109"
        (survey["efficiency"], survey["attitude"], survey["effectiveness"]) = (1, 1, 1)
        object["survey"] = survey
        lines[i] = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        let r = try EscapingTests.report(format, lines.joined(separator: "\n") + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        let shown = format == "markdown" ? #"call \*\*\*"# : "call ***"
        #expect(r.stdout.contains(shown), "the comment is not in the \(format) report")
        let nameParts = name.split(separator: " ").map(String.init)
        let fragments = [name, email, phone, "6543"] + nameParts + email.split(whereSeparator: { "@.".contains($0) }).map(String.init)
        for secret in fragments where secret.count >= 3 && secret != "com" {
            #expect(!r.stdout.lowercased().contains(secret.lowercased()), "'\(secret)' reached the \(format) report")
        }
    }
}
