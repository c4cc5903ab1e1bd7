// A seeded fuzzer over command lines and environments (issue 17: "fuzz the command line too").
// 114 of 10,000 fuzzed command lines once crashed desk (overflow traps on --eta, --observe and
// policy durations). Each case draws a command, a mix of its flags (and some it does not
// have), hostile values (huge numbers, year 0000, control characters, empty strings) and
// hostile environment values, and runs desk in-process on copies of sample files in a scratch
// folder. Properties: desk returns (a trap would end the test run), the exit code is 0–4, and
// no raw ESC reaches stdout or stderr. Deterministic: the seed is fixed; a failure prints the
// case to replay.
import Foundation
import Testing

@testable import DeskKit

@Suite struct ArgumentFuzzTests {
    static let cases = 4000

    static let hostileValues = [
        "", "-", "0", "-1", "9223372036854775807", "9223372036854775808", "9223372036854775807s1s", "1000000w",
        "99999999999999999999d", "1e400", "nan", "-0x1p3", "30m", "1h30m", "2d", "4h",
        "0000-01-01T00:00:00+23:59", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59-00:01", "2026-11-30T09:30:00Z",
        "2026-13-01T00:00:00Z", "2026-11", "0000-00", "9999-12", "2026-11-01", "2026-11-30",
        "\u{1B}]0;pwned\u{07}\u{1B}[2J", "\u{202E}evil", "a\nb", "%", "::error::x", "=HYPERLINK(\"x\")",
        String(repeating: "x", count: 5000), "王伟", "web", "phone", "tier2", "high", "json", "text", "markdown", "csv", "html",
        "github", "bash", "A", "DK-X", "tok1", "{token}",
    ]

    static let hostileEnv: [(String, [String])] = [
        ("DESK_NOW", ["0000-01-01T00:00:00+23:59", "9999-12-31T23:59:59Z", "garbage", "2026-11-30T09:30:00Z", ""]),
        ("DESK_LOCK_TIMEOUT", ["0", "-1", "nan", "1e308"]),
        ("DESK_THREADS", ["0", "-5", "99999999999999999999", "3"]),
        ("DESK_AGENT", ["", "\u{1B}[2J", "agent.x"]),
        ("NO_COLOR", ["1"]),
    ]

    /// Sample files in the scratch folder, by role.
    struct Files {
        let dir: String
        var tickets: String { dir + "/t.ndjson" }
        var requests: String { dir + "/requests.ndjson" }
        var responses: String { dir + "/responses.ndjson" }
        var policy: String { dir + "/policy.json" }
        var badPolicy: String { dir + "/bad-policy.json" }
        var all: [String] { [tickets, requests, responses, policy, badPolicy, dir + "/missing.ndjson", dir] }
    }

    static func prepare() throws -> Files {
        let dir = try BinaryRunner.scratch().path
        let root = BinaryRunner.packageRoot.path
        let ticket = try String(contentsOfFile: root + "/Examples/tickets.ndjson", encoding: .utf8)
            .split(separator: "\n").prefix(30).joined(separator: "\n")
        let hostile = #"{"id":"E\u001b[2J","opened_at":"2026-11-01T00:00:00Z","channel":"web","status":"resolved","title":"\u001b]0;x\u0007","survey":{"token":"tok1","invited_at":"2026-11-02T00:00:00Z"}}"#
        try (ticket + "\n" + hostile + "\n").write(toFile: dir + "/t.ndjson", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: root + "/Examples/requests.ndjson", toPath: dir + "/requests.ndjson")
        try FileManager.default.copyItem(atPath: root + "/Examples/policy-cn-2026.json", toPath: dir + "/policy.json")
        try #"{"token":"tok1","efficiency":5,"attitude":5,"effectiveness":5,"comment":"\u001b[2J call 13800001234"}"#
            .appending("\n").write(toFile: dir + "/responses.ndjson", atomically: true, encoding: .utf8)
        try #"{"review_interval":"9223372036854775807s1s","reviewed_at":"0000-01-01"}"#.write(
            toFile: dir + "/bad-policy.json", atomically: true, encoding: .utf8)
        return Files(dir: dir)
    }

    /// One drawn case: argv and environment.
    static func draw(_ rng: inout SplitMix64, files: Files) -> ([String], [String: String]) {
        func pick<T>(_ a: [T]) -> T { a[Int(rng.next() % UInt64(a.count))] }
        let spec = pick(Registry.specs)
        var args = [spec.name]
        let otherFlags = Registry.specs.flatMap(\.flags)
        for _ in 0..<Int(rng.next() % 7) {
            // Mostly the command's own flags, sometimes another command's.
            let flag = rng.next() % 8 == 0 ? pick(otherFlags) : pick(spec.flags.isEmpty ? otherFlags : spec.flags)
            args.append("--" + flag.long)
            guard flag.takesValue else { continue }
            switch flag.kind {
            case .file:
                // Only files in the scratch folder: -i and -a may write them.
                args.append(pick(files.all))
            default:
                args.append(rng.next() % 3 == 0 ? pick(hostileValues) : pick(hostileValues.filter { !$0.isEmpty }))
            }
        }
        if rng.next() % 2 == 0 { args.append(pick([files.tickets, files.tickets, files.requests, files.dir + "/missing.ndjson"])) }
        if rng.next() % 10 == 0 { args.insert(pick(["--bogus", "-", "-qi", "--"]), at: 1 + Int(rng.next() % UInt64(args.count))) }
        var env: [String: String] = ["DESK_LOCK_TIMEOUT": "0"]
        for (name, values) in hostileEnv where rng.next() % 3 == 0 { env[name] = pick(values) }
        if rng.next() % 4 == 0 { env["DESK_POLICY"] = pick([files.policy, files.badPolicy, files.dir + "/missing.json"]) }
        return (args, env)
    }

    @Test func commandLinesNeverCrashOrEscape() throws {
        let files = try Self.prepare()
        defer { try? FileManager.default.removeItem(atPath: files.dir) }
        var rng = SplitMix64(state: 0x17_17_17)
        var statuses: [Int32: Int] = [:]
        for n in 0..<Self.cases {
            let (args, env) = Self.draw(&rng, files: files)
            let r = try runDesk(args, stdin: "", env: env)
            statuses[r.status, default: 0] += 1
            let replay = "case \(n): desk \(args.map { $0.debugDescription }.joined(separator: " ")) env \(env)"
            #expect((0...4).contains(r.status), "\(replay): exit \(r.status)")
            #expect(!r.stdout.contains("\u{1B}") && !r.stderr.contains("\u{1B}"), "\(replay): raw ESC\n\(r.stdout)\(r.stderr)")
            // The sample ticket file must stay a file of tickets, whatever was done to it.
            if n % 100 == 99 { #expect(try runDesk(["show", files.tickets]).status == 0, "\(replay): tickets file broken") }
        }
        // The generator reaches every outcome, or it tests little.
        for code: Int32 in [0, 2, 3] { #expect(statuses[code, default: 0] > 0, "no case exited \(code): \(statuses)") }
    }
}
