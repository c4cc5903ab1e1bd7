// Secrets and personal data: ticket files desk creates are private (0600, whatever the umask),
// an in-place rewrite keeps the file's mode and owner exactly, and `show --redact` masks the
// requester's e-mail, phone, account and contact in JSON and in text cards.
import Foundation
import Testing

@testable import DeskKit

@Suite struct PrivacyTests {
    static let ticket =
        #"{"id":"P1","opened_at":"2026-10-14T01:30:00Z","channel":"email","status":"resolved","requester":{"name":"王伟","email":"wang.wei@example.com","phone":"+86 138 0000 1234","account":"wangw","contact":"wx: wangwei88","department":"IT"},"title":"VPN"}"#
    static let plain = #"{"id":"P2","opened_at":"2026-10-14T01:30:00Z","channel":"web","status":"open","title":"no requester"}"#

    func mode(_ dir: URL, _ name: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(name).path)[.posixPermissions] as? Int) ?? -1
    }

    @Test(arguments: ["000", "022", "077"])
    func appendCreatesPrivateFile(umask: String) throws {
        let dir = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try BinaryRunner.shell("umask \(umask); desk open --channel web --title x -a new.ndjson >/dev/null", in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try mode(dir, "new.ndjson") == 0o600)
    }

    @Test func appendKeepsExistingMode() throws {
        let dir = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try BinaryRunner.shell(
            "printf '%s\\n' '\(Self.plain)' > t.ndjson; chmod 640 t.ndjson; desk open --channel web --title x -a t.ndjson >/dev/null",
            in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try mode(dir, "t.ndjson") == 0o640)
    }

    /// Regression: the temporary file was created with open(2)'s mode argument, which the umask
    /// narrows, so under `umask 077` a 0644 file became 0600 after `-i`.
    @Test(arguments: [("644", "077"), ("640", "022"), ("600", "000"), ("664", "002"), ("444", "077")])
    func inPlaceKeepsMode(fileMode: String, umask: String) throws {
        let dir = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try BinaryRunner.shell(
            "printf '%s\\n' '\(Self.ticket)' > t.ndjson; chmod \(fileMode) t.ndjson; umask \(umask); "
                + "desk open --reopen --id P1 --reason again -i t.ndjson && desk open --id N --channel web --title x -i t.ndjson",
            in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try mode(dir, "t.ndjson") == Int(fileMode, radix: 8))
    }

    @Test(.enabled(if: getuid() == 0, "changing a file's owner needs root"))
    func inPlaceKeepsOwner() throws {
        let dir = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try BinaryRunner.shell(
            "printf '%s\\n' '\(Self.ticket)' > t.ndjson; chown 65534:65534 t.ndjson; chmod 640 t.ndjson; "
                + "desk open --reopen --id P1 --reason again -i t.ndjson && stat -c '%u:%g %a' t.ndjson",
            in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "65534:65534 640\n")
    }

    @Test func redactMasksContactDataInJSON() throws {
        let r = try runDesk(["show", "--redact"], stdin: Self.ticket + "\n" + Self.plain + "\n")
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        let requester = try #require(try JSONParser.parse(lines[0]).objectValue?["requester"]?.objectValue)
        #expect(requester["email"] == .string("w***@example.com"))
        #expect(requester["phone"] == .string("***34"))
        #expect(requester["account"] == .string("***"))
        #expect(requester["contact"] == .string("***"))
        #expect(requester["name"] == .string("王伟"))
        #expect(requester["department"] == .string("IT"))
        for secret in ["wang.wei@", "138 0000", "wangw\"", "wangwei88"] {
            #expect(!r.stdout.contains(secret), "\(secret) leaked")
        }
        // A ticket without contact data passes byte for byte.
        #expect(lines[1] == Self.plain)
    }

    @Test func redactMasksContactDataInTextCards() throws {
        let r = try runDesk(["show", "--redact", "--format", "text"], stdin: Self.ticket + "\n")
        #expect(r.status == 0)
        #expect(r.stdout.contains("w***@example.com"))
        for secret in ["wang.wei@", "138 0000", "wangw,", "wangwei88"] {
            #expect(!r.stdout.contains(secret), "\(secret) leaked")
        }
    }

    @Test func redactLeavesTheInputFileAlone() throws {
        let dir = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("t.ndjson")
        try (Self.ticket + "\n").write(to: path, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: path)
        let run = try BinaryRunner.desk(["show", "--redact", "t.ndjson"], in: dir)
        #expect(run.status == 0)
        #expect(try Data(contentsOf: path) == before)
    }

    @Test func redactMasksEveryEmailShape() {
        #expect(Redaction.maskEmail("a@b.c") == "a***@b.c")
        #expect(Redaction.maskEmail("@b.c") == "***")
        #expect(Redaction.maskEmail("no-at-sign") == "***")
        #expect(Redaction.maskPhone("1") == "***1")
        #expect(Redaction.maskPhone("") == "***")
    }

    /// Found while writing these tests: contact data that is not a string (a gateway sending
    /// the phone as a number) is not masked. Left for the owner of `show` (Commands/ is not
    /// this branch's to change); this test flips to a failure once it is fixed, as a reminder.
    @Test func redactOfNonStringContactData() throws {
        let t = #"{"id":"P3","opened_at":"2026-10-14T01:30:00Z","channel":"phone","status":"open","requester":{"phone":8613800001234,"email":["x@y.z"]}}"#
        let r = try runDesk(["show", "--redact"], stdin: t + "\n")
        #expect(!r.stdout.contains("8613800001234"))
        #expect(!r.stdout.contains("x@y.z"))
        #expect(r.stdout.contains(#""requester":{"phone":"***34","email":"***"}"#))
    }
}
