// The result of parsing argv against a CommandSpec: validated values keyed by the flag's long
// name, plus the positional input files. Values were checked against their kind at parse time,
// so the typed getters here never fail on a value that parsing accepted.

/// Validated command-line values for one command.
public struct ParsedArguments: Sendable, Equatable {
    /// The subcommand name.
    public var command: String
    /// Values by long flag name, in the order given. A switch given once holds `[""]`.
    public var values: [String: [String]]
    /// Positional arguments (input files; `-` is standard input).
    public var positionals: [String]

    public init(command: String, values: [String: [String]] = [:], positionals: [String] = []) {
        self.command = command
        self.values = values
        self.positionals = positionals
    }

    /// True when the flag was given (or filled from its environment variable).
    public func has(_ long: String) -> Bool { values[long] != nil }

    /// The last value given for the flag.
    public func string(_ long: String) -> String? { values[long]?.last }

    /// Every value given for a repeatable flag, in order.
    public func strings(_ long: String) -> [String] { values[long] ?? [] }

    /// The flag's value as an integer.
    public func int(_ long: String) -> Int? { string(long).flatMap { Int($0) } }

    /// The flag's value as a duration in seconds.
    public func duration(_ long: String) -> Int64? { string(long).flatMap { DurationText.parse($0) } }

    /// The flag's value as an instant.
    public func instant(_ long: String) -> Instant? { string(long).flatMap { Instant(rfc3339: $0) } }
}

extension ParsedArguments {
    /// True when `-h` or `--help` was given; the caller prints the command's help and exits 0.
    /// See `ArgumentParser.parse` for the precedence rules.
    public var helpRequested: Bool { values[ArgumentParser.helpKey] != nil }
}
