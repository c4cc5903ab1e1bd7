// The entry point: argv in, exit code out. Routes to a command, prints help, version, man page
// and completions, and is the only place that turns errors into messages and exit codes.
#if canImport(Glibc)
import Glibc
#endif

/// The desk command-line interface.
public enum Desk {
    /// The version printed by `desk --version`.
    public static let version = "0.1.0"

    /// Runs desk with the process's real standard streams, environment and clock.
    public static func main(_ arguments: [String]) -> Int32 {
        // First of all: a closed stdin, stdout or stderr must not become the ticket file.
        StandardDescriptors.reopenClosed()
        // A closed pipe must surface as EPIPE on write (and end quietly), not kill the process.
        signal(SIGPIPE, SIG_IGN)
        // Past a file size limit (ulimit -f) a write must fail with EFBIG, so an append can be
        // cut back and reported (exit 4), instead of the signal killing desk mid-write.
        signal(SIGXFSZ, SIG_IGN)
        return run(arguments, Context.process())
    }

    /// Runs desk with an injected context (in-process tests use memory sinks and a fixed clock).
    public static func run(_ arguments: [String], _ ctx: Context) -> Int32 {
        let code = dispatch(arguments, ctx)
        do {
            try ctx.stdout.flush()
        } catch {
            ctx.diagnostics.print(Diagnostic(error))
            return 4
        }
        try? ctx.stderr.flush()
        return code
    }

    static func dispatch(_ arguments: [String], _ ctx: Context) -> Int32 {
        guard let first = arguments.first else {
            ctx.stderr.line(HelpRenderer.topLevelHelp(commands: Registry.specs, version: version, groups: Registry.groups).trimmedNewline)
            return 2
        }
        let rest = Array(arguments.dropFirst())
        switch first {
        case "--version", "-V", "version":
            return emit("desk \(version)\n", ctx)
        case "--help", "-h":
            return emit(HelpRenderer.topLevelHelp(commands: Registry.specs, version: version, groups: Registry.groups), ctx)
        case "help":
            return help(rest, ctx)
        case "completions":
            guard rest.count == 1, let shell = Shell(rawValue: rest[0]) else {
                return report(.usage(UsageError(command: nil, message: "completions takes one shell: bash, zsh or fish")), spec: nil, ctx)
            }
            return emit(Completions.script(for: shell, commands: Registry.specs), ctx)
        default:
            break
        }
        guard let entry = Registry.entry(named: first) else {
            let names = Registry.specs.map(\.name) + ["help", "completions"]
            let kind = first.hasPrefix("-") ? "unknown option" : "unknown command"
            return report(
                .usage(UsageError(command: nil, message: "\(kind) '\(first)'", suggestion: Suggest.closest(first, among: names))),
                spec: nil, ctx)
        }
        do throws(DeskError) {
            let args: ParsedArguments
            do throws(UsageError) {
                args = try ArgumentParser.parse(rest, spec: entry.spec, environment: ctx.environment)
            } catch {
                throw .usage(error)
            }
            if args.helpRequested { return emit(HelpRenderer.commandHelp(entry.spec), ctx) }
            let code = try entry.run(args, ctx)
            noteUnsaved(entry.spec, args, ctx)
            return code
        } catch {
            return report(error, spec: entry.spec, ctx)
        }
    }

    /// A transforming command run without -i (or -a) whose output went to a terminal saved
    /// nothing; people who forgot -i are told once, on stderr, how to save.
    static func noteUnsaved(_ spec: CommandSpec, _ args: ParsedArguments, _ ctx: Context) {
        guard spec.flag(named: "in-place") != nil, !args.has("in-place"), !args.has("append"), !args.has("dry-run"),
              ctx.stdout.isTerminal else { return }
        try? ctx.stdout.flush()  // the note follows the tickets it speaks of
        let how = spec.flag(named: "append") != nil ? "-a FILE to add to a ticket file" : "-i FILE to change a ticket file in place"
        ctx.diagnostics.print(Diagnostic(.note, "nothing was saved; the tickets above went to the terminal only (use \(how))"))
    }

    /// `desk help`, `desk help CMD`, `desk help --man` (roff), `desk help --markdown` (docs/COMMANDS.md), `desk help --readme` (README section).
    static func help(_ rest: [String], _ ctx: Context) -> Int32 {
        if rest.isEmpty { return emit(HelpRenderer.topLevelHelp(commands: Registry.specs, version: version, groups: Registry.groups), ctx) }
        if rest == ["--man"] { return emit(ManPage.render(commands: Registry.specs, version: version), ctx) }
        if rest == ["--markdown"] { return emit(MarkdownReference.full(commands: Registry.specs), ctx) }
        if rest == ["--readme"] { return emit(MarkdownReference.brief(commands: Registry.specs), ctx) }
        guard rest.count == 1, let entry = Registry.entry(named: rest[0]) else {
            let name = rest.first ?? ""
            return report(
                .usage(UsageError(command: nil, message: "no help for '\(name)': not a command",
                    suggestion: Suggest.closest(name, among: Registry.specs.map(\.name)))),
                spec: nil, ctx)
        }
        return emit(HelpRenderer.commandHelp(entry.spec), ctx)
    }

    static func emit(_ text: String, _ ctx: Context) -> Int32 {
        do {
            try ctx.stdout.write(text)
        } catch {
            ctx.diagnostics.print(Diagnostic(error))
            return 4
        }
        return 0
    }

    /// Prints the error the way its class is printed and returns its exit code.
    static func report(_ error: DeskError, spec: CommandSpec?, _ ctx: Context) -> Int32 {
        // What was written to stdout before the failure still goes out (the stream ends there).
        try? ctx.stdout.flush()
        switch error {
        case .usage(let u):
            // The message, then the command's synopsis and where to read more.
            let s = spec ?? u.command.flatMap { Registry.entry(named: $0)?.spec }
            let lines = HelpRenderer.usageErrorText(u, spec: s).trimmedNewline.split(separator: "\n", omittingEmptySubsequences: false)
            ctx.diagnostics.print(Diagnostic(.error, u.message, trailer: lines.dropFirst().map(String.init)))
        case .silent:
            break
        default:
            ctx.diagnostics.print(Diagnostic(error))
        }
        return error.exitCode
    }
}

extension String {
    /// The string without one trailing newline.
    var trimmedNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
