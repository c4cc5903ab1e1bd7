// Runs installed tools (shells, man) for the tests that check generated scripts for real.
// A test needing a missing tool is disabled with a reason, so the run shows it was skipped.
import Foundation

enum Tool {
    /// The absolute path of an executable on PATH (or the usual system folders), or nil.
    static func path(_ name: String) -> String? {
        let fromEnv = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map(String.init) ?? []
        for folder in fromEnv + ["/usr/bin", "/bin", "/usr/local/bin"] {
            let candidate = folder + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func installed(_ name: String) -> Bool { path(name) != nil }

    /// Runs the tool with a pinned environment; returns exit status, stdout and stderr.
    /// Wrapped in `timeout` when available so a confused shell cannot hang the test run.
    static func run(_ name: String, _ arguments: [String], environment: [String: String] = [:])
        throws -> (status: Int32, out: String, err: String)
    {
        guard let tool = path(name) else { return (127, "", "\(name) not installed") }
        let process = Process()
        if let timeout = path("timeout") {
            process.executableURL = URL(fileURLWithPath: timeout)
            process.arguments = ["30", tool] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = arguments
        }
        var env = ["PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes before waiting, so a full pipe cannot deadlock the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("desk-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
