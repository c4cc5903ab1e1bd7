// What a command may touch of the outside world, injected so tests run in-process with a fixed
// clock, a fixed environment and captured streams.
#if canImport(Glibc)
import Glibc
#endif

/// The streams, environment and clock a command runs with.
public struct Context {
    public var environment: [String: String]
    public var stdout: OutputSink
    public var stderr: OutputSink
    /// Descriptor read for `-` and for commands given no input files.
    public var stdin: Int32
    /// The real clock; commands prefer `--now` / `DESK_NOW` (parsed with their flags).
    public var clock: @Sendable () -> Instant

    public init(
        environment: [String: String], stdout: OutputSink, stderr: OutputSink, stdin: Int32 = 0,
        clock: @escaping @Sendable () -> Instant = Context.systemClock
    ) {
        self.environment = environment
        self.stdout = stdout
        self.stderr = stderr
        self.stdin = stdin
        self.clock = clock
    }

    /// The process's real environment, streams and clock.
    public static func process() -> Context {
        var env: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") {
                env[String(s[..<eq])] = String(s[s.index(after: eq)...])
            }
            p += 1
        }
        return Context(
            environment: env, stdout: OutputSink(fd: 1, name: "<stdout>"), stderr: OutputSink(fd: 2, name: "<stderr>"))
    }

    /// The system's real time.
    public static let systemClock: @Sendable () -> Instant = {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Instant(seconds: Int64(ts.tv_sec))
    }

    /// `--now` if given (or DESK_NOW, which the parser fills in), else the clock.
    public func now(_ args: ParsedArguments) -> Instant { args.instant("now") ?? clock() }

    /// Who is acting: `--by` if given, else DESK_AGENT, else the login name.
    public func actor(_ args: ParsedArguments, flag: String = "by") -> String? {
        if let by = args.string(flag), !by.isEmpty { return by }
        if let a = environment["DESK_AGENT"], !a.isEmpty { return a }
        return environment["USER"].flatMap { $0.isEmpty ? nil : $0 }
    }
}
