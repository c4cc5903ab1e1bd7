// libFuzzer entry point over desk's command line and environment (issue 17: 114 of 10,000
// fuzzed command lines once trapped). Built by `fuzz/run.sh SECONDS arguments` with DeskKit's
// sources. The input is split on NUL bytes: the first piece picks the command (by its first
// byte), pieces starting with `=` are environment assignments (`=DESK_NOW=...`), the rest are
// arguments. desk runs in-process with memory streams and a fixed clock, in a scratch folder
// holding a small ticket file, a policy and a responses file. Properties: no trap, hang or
// sanitizer report; the exit code is 0–4; no raw ESC on stdout or stderr.
//
// Safety: the harness may run as root, and `-i`/`-a` write files. Every argument is stripped
// of `/` so it can only name a file in the scratch folder.
#if canImport(Glibc)
import Glibc
#endif

/// The scratch folder, made once per process (libFuzzer calls the entry point many times).
let fuzzFolder: String = {
    var template = Array("/tmp/desk-fuzz-args.XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    guard made != nil else { fatalError("mkdtemp failed") }
    let dir = String(decoding: template.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    guard chdir(dir) == 0 else { fatalError("chdir failed") }
    return dir
}()

func writeFile(_ name: String, _ text: String) {
    let fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { return }
    _ = text.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
    close(fd)
}

/// Puts the sample files back (a previous input may have rewritten or removed them).
func resetFiles() {
    writeFile("t.ndjson", """
        {"id":"A","opened_at":"2026-11-01T00:00:00Z","channel":"web","status":"resolved","title":"\\u001b]0;x\\u0007","survey":{"token":"tok1","invited_at":"2026-11-02T00:00:00Z"},"requester":{"name":"Li Na","email":"li.na@example.com"}}
        {"id":"B","opened_at":"2026-11-03T00:00:00Z","channel":"phone","answered":false,"status":"open","title":"VPN 断线","priority":"high","tier":"tier1"}

        """)
    writeFile("r.ndjson", #"{"token":"tok1","efficiency":1,"attitude":1,"effectiveness":1,"comment":"call 13800001234"}"# + "\n")
    writeFile("p.json", #"{"id":"fuzz","review_interval":"180d"}"#)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArguments(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = fuzzFolder
    resetFiles()
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let pieces = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    let names = Registry.specs.map(\.name) + ["help", "completions", "--version"]
    var args = [names[Int(pieces.first?.utf8.first ?? 0) % names.count]]
    var environment = ["DESK_AGENT": "agent.fuzz", "DESK_LOCK_TIMEOUT": "0", "DESK_MAX_LINE": "1M"]
    for p in pieces.dropFirst() {
        let safe = String(p.filter { $0 != "/" })
        if safe.hasPrefix("="), let eq = safe.dropFirst().firstIndex(of: "=") {
            environment[String(safe[safe.index(after: safe.startIndex)..<eq])] = String(safe[safe.index(after: eq)...])
        } else {
            args.append(safe)
        }
    }
    let null = open("/dev/null", O_RDONLY)
    defer { close(null) }
    let out = OutputSink(memoryNamed: "<stdout>")
    let err = OutputSink(memoryNamed: "<stderr>")
    let ctx = Context(environment: environment, stdout: out, stderr: err, stdin: null, clock: { Instant(seconds: 1_794_000_000) })
    let status = Desk.run(args, ctx)
    if !(0...4).contains(status) { fatalError("exit \(status) for \(args)") }
    if out.text.contains("\u{1B}") || err.text.contains("\u{1B}") { fatalError("raw ESC in the output of \(args)") }
    return 0
}
