// The one declaration of each command's flags. The parser, `--help`, the man page, the
// completion scripts and the README's command table are all generated from these values,
// so they cannot drift apart.

/// What a flag's value is; drives parsing, help text and shell completion.
public enum ValueKind: Sendable, Equatable {
    /// A switch that takes no value.
    case flag
    case string
    case integer
    /// `30m`, `1h30m`, `2d`, or seconds.
    case duration
    /// RFC 3339 date-time.
    case instant
    /// RFC 3339 date-time or a duration from now (`--eta 4h`).
    case instantOrDuration
    /// `YYYY-MM`.
    case month
    /// A path; completion offers files.
    case file
    /// One of a fixed list; completion offers them.
    case choice([String])
}

/// One flag of one command.
public struct FlagSpec: Sendable, Equatable {
    /// Long name without the dashes: `in-place`.
    public var long: String
    /// Short name without the dash: `i`.
    public var short: Character?
    public var kind: ValueKind
    /// Placeholder in usage and help: `FILE`, `ID`.
    public var valueName: String
    /// May be given more than once; all values are kept in order.
    public var repeatable: Bool
    /// One line of help, lower-case start, no trailing period.
    public var help: String
    /// The default shown in help, when there is one.
    public var defaultText: String?
    /// Environment variable read when the flag is absent (`DESK_NOW`).
    public var environment: String?
    /// The next word is its value even when it starts with one dash (`--tag -vip` removes a
    /// tag); a word starting with two dashes is still taken as the next flag.
    public var takesDashValue: Bool

    public init(
        _ long: String, short: Character? = nil, kind: ValueKind = .flag, valueName: String? = nil,
        repeatable: Bool = false, help: String, defaultText: String? = nil, environment: String? = nil,
        takesDashValue: Bool = false
    ) {
        self.long = long
        self.short = short
        self.kind = kind
        self.valueName = valueName ?? FlagSpec.defaultValueName(for: kind)
        self.repeatable = repeatable
        self.help = help
        self.defaultText = defaultText
        self.environment = environment
        self.takesDashValue = takesDashValue
    }

    /// True when the flag takes a value.
    public var takesValue: Bool { kind != .flag }

    static func defaultValueName(for kind: ValueKind) -> String {
        switch kind {
        case .flag: return ""
        case .string: return "TEXT"
        case .integer: return "N"
        case .duration: return "DURATION"
        case .instant: return "TIME"
        case .instantOrDuration: return "TIME|DURATION"
        case .month: return "YYYY-MM"
        case .file: return "FILE"
        case .choice: return "VALUE"
        }
    }
}

/// A worked example shown in help, in the man page and in the README.
public struct ExampleSpec: Sendable, Equatable {
    public var command: String
    public var explanation: String
    /// The exit status the example ends with (a refusal shown on purpose is not 0); the
    /// examples test runs every example and checks it.
    public var status: Int32
    public init(_ command: String, _ explanation: String, status: Int32 = 0) {
        self.command = command
        self.explanation = explanation
        self.status = status
    }
}

/// The declaration of one subcommand.
public struct CommandSpec: Sendable, Equatable {
    public var name: String
    /// One line: what the command does.
    public var summary: String
    /// Usage lines after `desk NAME`, e.g. `[OPTIONS] [FILE...]`.
    public var synopsis: [String]
    /// A paragraph or two for `--help` and the man page.
    public var discussion: String
    public var flags: [FlagSpec]
    /// Whether positional arguments (input files, `-` for stdin) are accepted.
    public var takesFiles: Bool
    public var examples: [ExampleSpec]

    public init(
        name: String, summary: String, synopsis: [String] = ["[OPTIONS] [FILE...]"], discussion: String = "",
        flags: [FlagSpec], takesFiles: Bool = true, examples: [ExampleSpec] = []
    ) {
        self.name = name
        self.summary = summary
        self.synopsis = synopsis
        self.discussion = discussion
        self.flags = flags
        self.takesFiles = takesFiles
        self.examples = examples
    }

    /// The flag with this long name.
    public func flag(named long: String) -> FlagSpec? { flags.first { $0.long == long } }
}
