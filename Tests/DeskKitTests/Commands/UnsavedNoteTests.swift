// Forgetting -i prints the tickets to the terminal and saves nothing; desk then says so once on
// stderr. Driven in-process with a real pseudo-terminal as stdout, since only a terminal counts.
import Foundation
import Testing

@testable import DeskKit

@Suite struct UnsavedNoteTests {
    /// Runs desk with stdout on a pseudo-terminal; returns stderr and the exit status.
    func runOnTerminal(_ args: [String]) throws -> (stderr: String, status: Int32) {
        // /dev/ptmx by hand: Glibc's module exports neither posix_openpt nor the ioctl names
        // (TIOCSPTLCK 0x40045431 unlocks, TIOCGPTN 0x80045430 numbers; the same on x86-64 and arm64).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        try #require(master >= 0)
        defer { close(master) }
        var unlock: CInt = 0
        var number: CInt = 0
        try #require(ioctl(master, UInt(0x4004_5431), &unlock) == 0)
        try #require(ioctl(master, UInt(0x8004_5430), &number) == 0)
        let name = "/dev/pts/\(number)"
        let slave = open(name, O_RDWR | O_NOCTTY)
        try #require(slave >= 0)
        defer { close(slave) }
        let err = OutputSink(memoryNamed: "<stderr>")
        let ctx = Context(environment: ["DESK_AGENT": "agent.test"], stdout: OutputSink(fd: slave, name: "<stdout>"), stderr: err)
        let status = Desk.run(args, ctx)
        return (err.text, status)
    }

    @Test func aTransformToTheTerminalSaysNothingWasSaved() throws {
        let dir = NSTemporaryDirectory() + "desk-note-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let ticket = try runDesk(["open", "--channel", "web", "--title", "x", "--id", "DK-T", "--now", "2026-11-02T01:00:00Z"]).stdout
        let t = dir + "/t.ndjson"  // absolute: tests run in parallel, so the working directory stays put
        try ticket.write(toFile: t, atomically: true, encoding: .utf8)

        let forgot = try runOnTerminal(["classify", "--now", "2026-11-02T01:05:00Z", t])
        #expect(forgot.status == 0)
        #expect(forgot.stderr.components(separatedBy: "nothing was saved").count == 2)
        #expect(forgot.stderr.contains("-i FILE"))
        #expect(try String(contentsOfFile: dir + "/t.ndjson", encoding: .utf8) == ticket)

        let opened = try runOnTerminal(["open", "--channel", "web", "--title", "y", "--now", "2026-11-02T01:00:00Z"])
        #expect(opened.stderr.contains("-a FILE"))

        // Saved with -i or -a, read-only commands, and output into a pipe: no note.
        #expect(try runOnTerminal(["classify", "--now", "2026-11-02T01:05:00Z", "-i", t]).stderr.isEmpty)
        #expect(try runOnTerminal(["open", "--channel", "web", "--title", "z", "-a", t]).stderr.isEmpty)
        #expect(try runOnTerminal(["show", t]).stderr.isEmpty)
        let piped = try runDesk(["classify", "--now", "2026-11-02T01:05:00Z"], stdin: ticket)
        #expect(piped.stderr.isEmpty)
    }
}
