// In-process command runs: memory streams, a fixed environment, stdin from a temporary file.
import Foundation

@testable import DeskKit

struct InProcessResult {
    var stdout: String
    var stderr: String
    var status: Int32
}

/// Runs `desk args...` inside the test process (argv parsing included).
func runDesk(_ args: [String], stdin: String = "", env: [String: String] = [:]) throws -> InProcessResult {
    let path = NSTemporaryDirectory() + "desk-stdin-" + UUID().uuidString
    try stdin.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let fd = open(path, O_RDONLY)
    defer { close(fd) }
    let out = OutputSink(memoryNamed: "<stdout>")
    let err = OutputSink(memoryNamed: "<stderr>")
    var environment = ["DESK_AGENT": "agent.test"]
    for (k, v) in env { environment[k] = v }
    let ctx = Context(environment: environment, stdout: out, stderr: err, stdin: fd, clock: { Instant(seconds: 0) })
    let status = Desk.run(args, ctx)
    return InProcessResult(stdout: out.text, stderr: err.text, status: status)
}

/// The JSON objects of NDJSON output.
func objects(_ ndjson: String) throws -> [JSONObject] {
    try ndjson.split(separator: "\n").map { line in
        guard let o = try JSONParser.parse(String(line)).objectValue else { throw TestFailure("not an object: \(line)") }
        return o
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
