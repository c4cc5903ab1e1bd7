// argv -> validated ParsedArguments for one command, before any file is opened. Every value is
// checked against its flag's ValueKind here, so commands only ever see well-formed values.

/// The hand-written command-line parser, driven by a `CommandSpec`.
///
/// Accepted forms: `--flag value`, `--flag=value`, `-x value`, `-xVALUE`, bundled switches
/// (`-qv`) which a flag taking a value may end (`-qi FILE`, `-qiFILE`, as getopt reads them),
/// `--` (everything after is positional) and a lone `-` (standard input).
/// Long names must be typed exactly; there is no prefix matching.
public enum ArgumentParser {
    /// The key under which a help request is reported in `ParsedArguments.values`.
    public static let helpKey = "help"

    /// Parses the arguments after the subcommand name.
    ///
    /// **Help.** When `-h` or `--help` appears before `--` (also inside a switch bundle such as
    /// `-qh`), the result is exactly `ParsedArguments(command:, values: ["help": [""]])` with no
    /// other values and no positionals, and no error is thrown even if other arguments are
    /// malformed: someone asking for help gets help. Check `ParsedArguments.helpRequested`.
    ///
    /// **Environment.** A flag that is absent and declares `environment` is filled from that
    /// variable when it is set and non-empty, validated like a typed value. For a switch, any
    /// value other than `0` or `false` turns it on.
    public static func parse(
        _ args: [String], spec: CommandSpec, environment: [String: String]
    ) throws(UsageError) -> ParsedArguments {
        let help = ParsedArguments(command: spec.name, values: [helpKey: [""]])
        for arg in args {
            if arg == "--" { break }
            if arg == "-h" || arg == "--help" { return help }
        }
        var state = State(spec: spec, args: args)
        if try state.run() { return help }
        try state.fillFromEnvironment(environment)
        return ParsedArguments(command: spec.name, values: state.values, positionals: state.positionals)
    }

    /// Checks `value` against `kind`. Returns nil when it is valid, else what was expected and,
    /// for choices, the closest allowed value.
    static func problem(with value: String, kind: ValueKind) -> (expected: String, suggestion: String?)? {
        switch kind {
        case .flag, .string:
            return nil
        case .file:
            return value.isEmpty ? ("a file name", nil) : nil
        case .integer:
            return Int(value) == nil ? ("an integer", nil) : nil
        case .duration:
            return DurationText.parse(value) == nil ? ("a duration such as 30m, 1h30m or 2d", nil) : nil
        case .instant:
            return Instant(rfc3339: value) == nil ? ("an RFC 3339 time", nil) : nil
        case .instantOrDuration:
            if DurationText.parse(value) != nil || Instant(rfc3339: value) != nil { return nil }
            return ("an RFC 3339 time or a duration such as 4h", nil)
        case .month:
            return isMonth(value) ? nil : ("a month as YYYY-MM", nil)
        case .choice(let allowed):
            if allowed.contains(value) { return nil }
            return ("one of " + allowed.joined(separator: "|"), Suggest.closest(value, among: allowed))
        }
    }

    /// `YYYY-MM` with a month from 01 to 12.
    static func isMonth(_ text: String) -> Bool {
        let u = Array(text.utf8)
        guard u.count == 7, u[4] == UInt8(ascii: "-") else { return false }
        let digits = u[0..<4] + u[5..<7]
        guard digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        let month = Int(u[5] - 48) * 10 + Int(u[6] - 48)
        return (1...12).contains(month)
    }

    /// Whether a word following a value-taking flag is really the next option, in which case
    /// the value is missing. Why: `--id --status open` is far more likely a forgotten value than
    /// an id spelled `--status`. Negative numbers, `-`, `--=x` and free text with spaces still
    /// count as values; `--flag=VALUE` passes anything.
    static func looksLikeOption(_ word: String) -> Bool {
        let chars = Array(word.prefix(2))
        guard chars.count == 2, chars[0] == "-" else { return false }
        guard chars[1] == "-" || chars[1].isLetter else { return false }
        return !word.contains(" ")
    }
}

extension ArgumentParser {
    /// The mutable walk over argv.
    fileprivate struct State {
        let spec: CommandSpec
        let args: [String]
        var index = 0
        var values: [String: [String]] = [:]
        var positionals: [String] = []

        init(spec: CommandSpec, args: [String]) {
            self.spec = spec
            self.args = args
        }

        func error(_ message: String, suggestion: String? = nil) -> UsageError {
            UsageError(command: spec.name, message: message, suggestion: suggestion)
        }

        /// Walks argv. Returns true when help was requested inside a bundle.
        mutating func run() throws(UsageError) -> Bool {
            var onlyPositionals = false
            while index < args.count {
                let arg = args[index]
                index += 1
                if onlyPositionals || arg == "-" || !arg.hasPrefix("-") {
                    try addPositional(arg)
                } else if arg == "--" {
                    onlyPositionals = true
                } else if arg.hasPrefix("--") {
                    try long(arg)
                } else if try short(arg) {
                    return true
                }
            }
            return false
        }

        mutating func addPositional(_ arg: String) throws(UsageError) {
            guard spec.takesFiles else { throw error("unexpected argument '\(arg)'") }
            positionals.append(arg)
        }

        mutating func long(_ arg: String) throws(UsageError) {
            let body = arg.dropFirst(2)
            let name: String
            var inline: String? = nil
            if let eq = body.firstIndex(of: "=") {
                name = String(body[..<eq])
                inline = String(body[body.index(after: eq)...])
            } else {
                name = String(body)
            }
            let typed = "--" + name
            guard let flag = spec.flag(named: name) else {
                if name == ArgumentParser.helpKey { throw error("flag '\(typed)' takes no value") }
                let names = spec.flags.map(\.long) + [ArgumentParser.helpKey]
                let near = Suggest.closest(name, among: names).map { "--" + $0 }
                throw error("unknown flag '\(typed)'", suggestion: near)
            }
            if !flag.takesValue {
                if inline != nil { throw error("flag '\(typed)' takes no value") }
                try record(flag, "", typed: typed)
            } else {
                let value: String
                if let inline { value = inline } else { value = try nextValue(typed, for: flag) }
                try record(flag, value, typed: typed)
            }
        }

        /// A short option or a bundle, read as getopt reads one: switches one after another,
        /// and a flag that takes a value takes the rest of the word (`-qiFILE`) or, ending the
        /// word, the next argument (`-qi FILE`). Returns true when it asked for help.
        mutating func short(_ arg: String) throws(UsageError) -> Bool {
            let chars = Array(arg.dropFirst())
            var i = 0
            while i < chars.count {
                let c = chars[i]
                if c == "h" { return true }
                let typed = "-" + String(c)
                guard let flag = shortFlag(c) else {
                    let place = chars.count == 1 ? "" : " in '\(arg)'"
                    throw error("unknown flag '\(typed)'\(place)")
                }
                if flag.takesValue {
                    let rest = String(chars[(i + 1)...])
                    try record(flag, rest.isEmpty ? try nextValue(typed, for: flag) : rest, typed: typed)
                    return false
                }
                try record(flag, "", typed: typed)
                i += 1
            }
            return false
        }

        func shortFlag(_ c: Character) -> FlagSpec? { spec.flags.first { $0.short == c } }

        mutating func nextValue(_ typed: String, for flag: FlagSpec) throws(UsageError) -> String {
            guard index < args.count else { throw error("flag '\(typed)' expects a value") }
            let word = args[index]
            let dashValue = flag.takesDashValue && word.hasPrefix("-") && !word.hasPrefix("--")
            guard dashValue || !ArgumentParser.looksLikeOption(word) else {
                throw error("flag '\(typed)' expects a value")
            }
            index += 1
            return args[index - 1]
        }

        mutating func record(_ flag: FlagSpec, _ value: String, typed: String) throws(UsageError) {
            if values[flag.long] != nil && !flag.repeatable {
                throw error("flag '\(typed)' given more than once")
            }
            if let p = ArgumentParser.problem(with: value, kind: flag.kind) {
                throw error("flag '\(typed)' expects \(p.expected), got '\(value)'", suggestion: p.suggestion)
            }
            values[flag.long, default: []].append(value)
        }

        mutating func fillFromEnvironment(_ environment: [String: String]) throws(UsageError) {
            for flag in spec.flags where values[flag.long] == nil {
                guard let variable = flag.environment, let value = environment[variable], !value.isEmpty else {
                    continue
                }
                if !flag.takesValue {
                    if value != "0" && value != "false" { values[flag.long] = [""] }
                    continue
                }
                if let p = ArgumentParser.problem(with: value, kind: flag.kind) {
                    throw error(
                        "environment variable \(variable) (for '--\(flag.long)') expects \(p.expected), got '\(value)'",
                        suggestion: p.suggestion)
                }
                values[flag.long] = [value]
            }
        }
    }
}
