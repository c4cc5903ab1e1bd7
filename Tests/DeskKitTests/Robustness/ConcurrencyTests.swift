// Many desk processes on one ticket file at once, run as the built binary: appenders (-a) and
// in-place rewriters (-i) started together must never lose an update, never leave a line that
// does not parse, and never leave a temporary file. A lock held by someone else makes desk give
// up after DESK_LOCK_TIMEOUT with exit 4, naming the file and leaving it as it was.
import Foundation
import Testing

@testable import DeskKit

@Suite(.serialized) struct ConcurrencyTests {
    /// The in-place rewrites each rewriter process runs in turn, as shell lines. `{FILE}` is the
    /// ticket file, `{W}` the rewriter's number, `{I}` the iteration. To put another command in
    /// the mix (classify, escalate --auto, ...), add its line here; every line must exit 0.
    static let rewrites: [String] = [
        "desk open --reopen --id SEED-{W}-{I} --reason 'concurrent reopen' --by agent.w{W} -i {FILE}",
        "desk open --id NEW-{W}-{I} --channel web --title x -i {FILE}",
        "desk classify -i {FILE}",
        // Its escalations are reported on stderr by design; only failures matter here.
        "{ desk escalate --auto -i {FILE} 2>/dev/null; }",
    ]
    static let appenders = 20
    static let rewriters = 5
    static let iterations = 8
    static let filler = 3000

    static func seedTicket(_ id: String, status: String) -> String {
        #"{"id":"\#(id)","opened_at":"2026-10-14T01:30:00Z","channel":"email","status":"\#(status)","title":"seed","x_keep":[1e400,{"k":1,"k":2}]}"#
    }

    @Test func appendersAndRewritersLoseNothing() throws {
        let dir = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = "tickets.ndjson"
        // One resolved seed per reopen the rewriters will run, plus an untouched ticket.
        // Closed, so neither classify nor escalate --auto has reason to touch it.
        var seeds = [Self.seedTicket("KEEP-1", status: "closed")]
        // Filler makes each rewrite take a while, so the runs overlap.
        for f in 0..<Self.filler { seeds.append(Self.seedTicket("FILL-\(f)", status: "open")) }
        for w in 0..<Self.rewriters {
            for i in 0..<Self.iterations { seeds.append(Self.seedTicket("SEED-\(w)-\(i)", status: "resolved")) }
        }
        let keepLine = seeds[0]
        try (seeds.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent(file), atomically: true, encoding: .utf8)

        // Every job waits for `go`, so all 25 processes start together.
        var script = "set -u\nwait_go() { while [ ! -e go ]; do sleep 0.005; done; }\n"
        for a in 0..<Self.appenders {
            script += "( wait_go; desk open --id APP-\(a) --channel chat --title 'append \(a)' -a \(file) >/dev/null 2>>err-a\(a).log; echo \"$? append \(a)\" >> codes ) &\n"
        }
        for w in 0..<Self.rewriters {
            var body = ""
            for i in 0..<Self.iterations {
                let line = Self.rewrites[(w + i) % Self.rewrites.count]
                    .replacingOccurrences(of: "{FILE}", with: file)
                    .replacingOccurrences(of: "{W}", with: "\(w)")
                    .replacingOccurrences(of: "{I}", with: "\(i)")
                body += "\(line) >/dev/null 2>>err-w\(w).log; echo \"$? rewrite \(w) \(i)\" >> codes; "
            }
            script += "( wait_go; \(body)) &\n"
        }
        script += "touch go\nwait\ncat err-*.log\n"
        // No wall-clock bound (a loaded CI machine took 77 s): a run that waited past the lock
        // timeout exits non-zero, and the exit codes are checked below.
        let run = try BinaryRunner.shell(script, in: dir, env: ["DESK_LOCK_TIMEOUT": "60", "DESK_NOW": "2026-10-20T02:00:00Z"])
        #expect(run.stdout.isEmpty, "diagnostics from the runs: \(run.stdout)")

        // Every process exited 0.
        let codes = try String(contentsOf: dir.appendingPathComponent("codes"), encoding: .utf8)
            .split(separator: "\n")
        #expect(codes.count == Self.appenders + Self.rewriters * Self.iterations)
        for c in codes { #expect(c.hasPrefix("0 "), "a run failed: \(c)") }

        // The file parses, as desk reads it.
        let show = try BinaryRunner.desk(["show", file], in: dir)
        #expect(show.status == 0, "desk show: \(show.stderr)")

        // Every ticket is there exactly once, and every change made it.
        let bytes = try Data(contentsOf: dir.appendingPathComponent(file))
        var count: [String: Int] = [:]
        var byId: [String: Ticket] = [:]
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            let t = try Ticket(bytes: [UInt8](line))
            count[t.id, default: 0] += 1
            byId[t.id] = t
            if t.id == "KEEP-1" { #expect(String(decoding: line, as: UTF8.self) == keepLine, "untouched ticket changed") }
        }
        var expected = ["KEEP-1"] + (0..<Self.appenders).map { "APP-\($0)" } + (0..<Self.filler).map { "FILL-\($0)" }
        for w in 0..<Self.rewriters {
            for i in 0..<Self.iterations {
                expected.append("SEED-\(w)-\(i)")
                let line = Self.rewrites[(w + i) % Self.rewrites.count]
                if line.contains("--id NEW-") { expected.append("NEW-\(w)-\(i)") }
                if line.contains("--reopen") {
                    let seed = byId["SEED-\(w)-\(i)"]
                    // escalate --auto may have moved a reopened ticket on to `escalated`.
                    #expect(seed?.status == .inProgress || seed?.status == .escalated, "reopen of SEED-\(w)-\(i) was lost")
                    #expect(seed?.array("reopened").count == 1, "SEED-\(w)-\(i) reopened \(seed?.array("reopened").count ?? 0) times")
                }
            }
        }
        for id in expected { #expect(count[id] == 1, "\(id) appears \(count[id] ?? 0) times") }
        #expect(count.count == expected.count, "unexpected tickets: \(Set(count.keys).subtracting(expected).sorted())")

        // No temporary file is left.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".desk-tmp.") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }

    /// Starts `flock FILE` holding the lock for a few seconds and waits until it holds it; the
    /// holder's output goes to /dev/null so the test does not wait for it to end.
    static let holdLock = """
        flock -o tickets.ndjson sh -c 'touch held; exec sleep 3' >/dev/null 2>&1 & holder=$!
        while [ ! -e held ]; do sleep 0.01; done
        before=$(sha256sum < tickets.ndjson)
        """
    static let afterLock = """
        s=$?
        [ "$(sha256sum < tickets.ndjson)" = "$before" ] && echo unchanged
        pkill -KILL -P $holder; kill -KILL $holder 2>/dev/null; wait $holder 2>/dev/null
        exit $s
        """

    @Test(arguments: [
        "desk open --reopen --id SEED-0-0 --reason again -i tickets.ndjson",
        "desk open --id NEW-1 --channel web --title x -a tickets.ndjson",
        "desk open --id NEW-1 --channel web --title x -i tickets.ndjson",
    ])
    func heldLockTimesOut(_ command: String) throws {
        let dir = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try (Self.seedTicket("SEED-0-0", status: "resolved") + "\n")
            .write(to: dir.appendingPathComponent("tickets.ndjson"), atomically: true, encoding: .utf8)
        let start = Date()
        let run = try BinaryRunner.shell(
            Self.holdLock + "\nDESK_LOCK_TIMEOUT=1 " + command + "\n" + Self.afterLock, in: dir)
        let elapsed = Date().timeIntervalSince(start)
        #expect(run.status == 4, "exit status: \(run.stderr)")
        #expect(run.stdout == "unchanged\n")
        #expect(
            run.stderr == "desk: error: tickets.ndjson: locked by another desk process; gave up after 1s (set DESK_LOCK_TIMEOUT to wait longer)\n")
        #expect(elapsed >= 1 && elapsed < 3, "waited \(elapsed)s")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".desk-tmp.") }
        #expect(leftovers.isEmpty)
    }

    @Test func lockReleasedInTimeIsWaitedFor() throws {
        let dir = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try (Self.seedTicket("SEED-0-0", status: "resolved") + "\n")
            .write(to: dir.appendingPathComponent("tickets.ndjson"), atomically: true, encoding: .utf8)
        let run = try BinaryRunner.shell(
            """
            flock -o tickets.ndjson sh -c 'touch held; exec sleep 1' >/dev/null 2>&1 &
            while [ ! -e held ]; do sleep 0.01; done
            DESK_LOCK_TIMEOUT=10 desk open --reopen --id SEED-0-0 --reason again -i tickets.ndjson
            """, in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let show = try BinaryRunner.desk(["show", "--status", "in_progress", "tickets.ndjson"], in: dir)
        #expect(show.stdout.contains("SEED-0-0"))
    }
}
