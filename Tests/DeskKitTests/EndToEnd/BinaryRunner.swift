// Runs the built `desk` binary in a scratch directory with a pinned environment, for the
// end-to-end tests. The binary sits beside the test bundle in the build folder.
import Foundation

/// What one run of the binary produced.
struct RunResult: Equatable {
    var stdout: String
    var stderr: String
    var status: Int32
}

enum BinaryRunner {
    /// The package root (two levels above this file's folder).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `desk` executable built with the tests.
    static var binary: URL {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        // The test bundle may live inside `*.xctest/`; walk up until `desk` is beside us.
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("desk")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/desk")
    }

    /// The pinned environment: no real clock dependence unless a case sets DESK_NOW itself.
    static func environment(extra: [String: String] = [:]) -> [String: String] {
        var env: [String: String] = [
            "PATH": binary.deletingLastPathComponent().path + ":/usr/local/bin:/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "TZ": "UTC",
            "HOME": NSTemporaryDirectory(),
            "DESK_AGENT": "agent.test",
            "DESK_LOCK_TIMEOUT": "2",
        ]
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// Runs `bash -c script` in `directory`, feeding `stdin`.
    static func shell(_ script: String, in directory: URL, stdin: Data = Data(), env: [String: String] = [:]) throws -> RunResult {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", script]
        p.currentDirectoryURL = directory
        p.environment = environment(extra: env)
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        p.standardInput = inPipe
        p.standardOutput = outPipe
        p.standardError = errPipe
        try p.run()
        // Read both pipes while the process runs so a large output cannot deadlock it.
        let group = DispatchGroup()
        nonisolated(unsafe) var out = Data(), err = Data()
        group.enter()
        DispatchQueue.global().async { out = outPipe.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { err = errPipe.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        writeIgnoringBrokenPipe(stdin, to: inPipe.fileHandleForWriting)
        try? inPipe.fileHandleForWriting.close()
        p.waitUntilExit()
        group.wait()
        return RunResult(
            stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
            status: p.terminationStatus)
    }

    /// Writes a case's standard input. The child may exit before reading it all (a refusal, `head`):
    /// the write's SIGPIPE would then kill the whole test process, so it is blocked on this thread
    /// for the write (the write fails with EPIPE instead), and a pending one is taken back before
    /// the thread's mask is restored. The child was started before, so it keeps the default.
    static func writeIgnoringBrokenPipe(_ data: Data, to handle: FileHandle) {
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
        try? handle.write(contentsOf: data)
        var pending = sigset_t()
        sigpending(&pending)
        if sigismember(&pending, SIGPIPE) == 1 {
            var none = timespec(tv_sec: 0, tv_nsec: 0)
            _ = sigtimedwait(&pipeSignal, nil, &none)
        }
        pthread_sigmask(SIG_SETMASK, &previous, nil)
    }

    /// Runs desk with arguments (no shell) in `directory`.
    static func desk(_ args: [String], in directory: URL, stdin: Data = Data(), env: [String: String] = [:]) throws -> RunResult {
        let quoted = args.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        return try shell("desk " + quoted, in: directory, stdin: stdin, env: env)
    }

    /// A fresh scratch directory.
    static func scratch() throws -> URL {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("desk-test-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
