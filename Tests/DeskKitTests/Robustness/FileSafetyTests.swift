// desk writes only the file it locked and read (issue 17, items 1–3 and the temporary-file
// parts of 12). Regressions: a symbolic link swapped between the lock and the rename made
// `-i` replace the file the new link named (an attacker's swap handed a root-owned file to
// them); `open -a` followed links planted by other users and created files at dangling links'
// targets; with a closed stderr the locked file became descriptor 2 and a note was written
// into it; temporary names overflowed NAME_MAX; a killed rewrite left a full-size temporary
// file behind.
import Foundation
import Testing

@testable import DeskKit

@Suite struct FileSafetyTests {
    /// A scratch folder with the given files, removed at the end of the test.
    final class Scratch {
        let dir: String
        init() throws {
            dir = try BinaryRunner.scratch().path
        }
        deinit { try? FileManager.default.removeItem(atPath: dir) }
        func path(_ name: String) -> String { dir + "/" + name }
        func write(_ name: String, _ text: String) throws {
            try text.write(toFile: path(name), atomically: false, encoding: .utf8)
        }
        func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }
        func entries() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir).sorted() }
    }

    @Test func linkSwappedAfterTheLockDoesNotRedirectTheRewrite() throws {
        let s = try Scratch()
        try s.write("mine", "MINE\n")
        try s.write("victim", "VICTIM\n")
        let link = s.path("tickets.ndjson")
        #expect(symlink(s.path("mine"), link) == 0)
        // The attacker re-points the link right after desk has locked the file it named.
        let file = try LockedFile(path: link, create: false, timeout: 1, notes: nil, afterLock: {
            unlink(link)
            symlink(s.path("victim"), link)
        })
        try file.rewrite { (_, out) throws(DeskError) in try out.write("NEW\n") }
        #expect(try s.read("victim") == "VICTIM\n")
        #expect(try s.read("mine") == "NEW\n")
    }

    @Test func renamedOverWhileWaitingLocksTheNewFile() throws {
        let s = try Scratch()
        try s.write("t.ndjson", "OLD\n")
        try s.write("other", "OTHER\n")
        var swapped = false
        let file = try LockedFile(path: s.path("t.ndjson"), create: false, timeout: 1, notes: nil, afterLock: {
            // Once only: another writer replaced the file while this one waited.
            if !swapped { rename(s.path("other"), s.path("t.ndjson")) }
            swapped = true
        })
        var seen: [UInt8] = []
        try file.rewrite { (input, out) throws(DeskError) in
            var reader = LineReader(fd: input, name: "t")
            try reader.forEachLine { (_, bytes) throws(DeskError) in seen.append(contentsOf: bytes) }
            try out.write("NEW\n")
        }
        #expect(String(decoding: seen, as: UTF8.self) == "OTHER")
        #expect(try s.read("t.ndjson") == "NEW\n")
    }

    @Test func noTemporaryNameExistsWhileTheNewContentIsWritten() throws {
        // A file created without a name (O_TMPFILE) cannot be left behind by SIGINT, SIGTERM
        // or SIGKILL: the kernel drops it with the last descriptor.
        let s = try Scratch()
        try s.write("t.ndjson", "OLD\n")
        let file = try LockedFile(path: s.path("t.ndjson"), create: false, timeout: 1, notes: nil)
        var during: [String] = []
        try file.rewrite { (_, out) throws(DeskError) in
            try out.write([UInt8](repeating: 0x41, count: 200_000) + [0x0A])
            try out.flush()
            during = (try? s.entries()) ?? ["?"]
        }
        #expect(during == ["t.ndjson"])
        #expect(try s.entries() == ["t.ndjson"])
    }

    @Test func longFileNamesCanBeRewritten() throws {
        let s = try Scratch()
        let name = String(repeating: "n", count: 240) + ".ndjson"  // 247 bytes: NAME_MAX is 255
        try s.write(name, "OLD\n")
        let file = try LockedFile(path: s.path(name), create: false, timeout: 1, notes: nil)
        try file.rewrite { (_, out) throws(DeskError) in try out.write("NEW\n") }
        #expect(try s.read(name) == "NEW\n")
        #expect(LockedFile.temporaryPrefix(of: name).utf8.count + 20 <= 255)
    }

    @Test(.enabled(if: getuid() == 0, "changing a link's owner needs root"))
    func linkOwnedBySomeoneElseIsRefused() throws {
        let s = try Scratch()
        try s.write("root-owned", "ROOT\n")
        #expect(symlink(s.path("root-owned"), s.path("planted.ndjson")) == 0)
        #expect(lchown(s.path("planted.ndjson"), 4242, 4242) == 0)
        for flag in ["-a", "-i"] {
            let r = try BinaryRunner.desk(
                ["open", "--id", "N1", "--channel", "web", "--title", "x", "--now", "2026-10-20T02:00:00Z", flag, "planted.ndjson"],
                in: URL(fileURLWithPath: s.dir))
            #expect(r.status == 3)
            #expect(r.stdout == "")
            #expect(r.stderr.contains("planted.ndjson: error: is a symbolic link owned by uid 4242"), "\(r.stderr)")
        }
        #expect(try s.read("root-owned") == "ROOT\n")
        // The link's owner also owns the file it names: followed (a user's own link).
        #expect(chown(s.path("root-owned"), 4242, 4242) == 0)
        let ok = try BinaryRunner.desk(
            ["open", "--id", "N1", "--channel", "web", "--title", "x", "--now", "2026-10-20T02:00:00Z", "-a", "planted.ndjson"],
            in: URL(fileURLWithPath: s.dir))
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(try s.read("root-owned").hasPrefix("ROOT\n{\"id\":\"N1\""))
    }

    @Test func danglingLinkIsNotFollowedToCreateAFile() throws {
        let s = try Scratch()
        #expect(symlink(s.path("elsewhere.sh"), s.path("t.ndjson")) == 0)
        let r = try BinaryRunner.desk(
            ["open", "--id", "N1", "--channel", "web", "--title", "x", "--now", "2026-10-20T02:00:00Z", "-a", "t.ndjson"],
            in: URL(fileURLWithPath: s.dir))
        #expect(r.status == 3)
        #expect(r.stderr == "t.ndjson: error: is a symbolic link to a missing file; desk creates files only at their own name\n")
        #expect(try s.entries() == ["t.ndjson"])
    }

    @Test(arguments: ["-a", "-i"])
    func aMissingFolderIsBadInput(_ flag: String) throws {
        let s = try Scratch()
        let r = try BinaryRunner.desk(["open", "--channel", "web", "--title", "x", flag, "no/such/t.ndjson"], in: URL(fileURLWithPath: s.dir))
        #expect(r.status == 3)
        #expect(r.stderr == "no/such/t.ndjson: error: cannot open: No such file or directory\n")
    }

    @Test func closedStderrDoesNotWriteIntoTheTicketFile() throws {
        let s = try Scratch()
        let first = #"{"id":"A","opened_at":"2026-10-01T00:00:00Z","channel":"web","status":"resolved","title":"first"}"#
        try s.write("t.ndjson", first + "\n")
        // A stale temporary file makes desk write a note to stderr once it holds the lock.
        try s.write(".t.ndjson.desk-tmp.1.2", "stale")
        let r = try BinaryRunner.shell(
            "desk open --reopen --id A --reason again --now 2026-10-20T02:00:00Z -i t.ndjson 2>&-",
            in: URL(fileURLWithPath: s.dir))
        #expect(r.status == 0)
        let lines = try s.read("t.ndjson").split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix(#"{"id":"A","opened_at":"2026-10-01T00:00:00Z""#) == true)
        #expect(try s.entries() == ["t.ndjson"])
    }

    @Test func closedStdoutDoesNotAppendTwice() throws {
        let s = try Scratch()
        let r = try BinaryRunner.shell(
            #"printf '{"channel":"web","title":"x","id":"B1"}\n' | desk open --batch --now 2026-10-20T02:00:00Z -a t.ndjson >&-"#,
            in: URL(fileURLWithPath: s.dir))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try s.read("t.ndjson").split(separator: "\n").count == 1)
    }
}
