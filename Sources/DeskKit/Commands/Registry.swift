// The list of commands desk offers. Help, the man page and the completion scripts list
// exactly these, so a command appears only once it is built.

/// One subcommand: its declaration and the function that runs it.
public struct CommandEntry: Sendable {
    public let spec: CommandSpec
    public let run: @Sendable (ParsedArguments, Context) throws(DeskError) -> Int32

    public init(_ spec: CommandSpec, _ run: @escaping @Sendable (ParsedArguments, Context) throws(DeskError) -> Int32) {
        self.spec = spec
        self.run = run
    }
}

/// Every command, in the order help lists them (a ticket's life, then tooling).
public enum Registry {
    public static let commands: [CommandEntry] = [
        CommandEntry(OpenCommand.spec, OpenCommand.run),
        CommandEntry(ClassifyCommand.spec, ClassifyCommand.run),
        CommandEntry(ShowCommand.spec, ShowCommand.run),
        CommandEntry(QueueCommand.spec, QueueCommand.run),
        CommandEntry(EditCommand.spec, EditCommand.run),
        CommandEntry(ReplyCommand.spec, ReplyCommand.run),
        CommandEntry(LogCommand.spec, LogCommand.run),
        CommandEntry(EscalateCommand.spec, EscalateCommand.run),
        CommandEntry(ResolveCommand.spec, ResolveCommand.run),
        CommandEntry(SurveyCommand.spec, SurveyCommand.run),
        CommandEntry(ReportCommand.spec, ReportCommand.run),
        CommandEntry(CheckCommand.spec, CheckCommand.run),
        CommandEntry(PolicyCommand.spec, PolicyCommand.run),
        CommandEntry(KbCommand.spec, KbCommand.run),
        CommandEntry(SimilarCommand.spec, SimilarCommand.run),
    ]

    /// How `desk help` groups the commands: by the ticket's life, then reporting and CI. Names
    /// not registered (yet) are skipped; a command no group names is listed under "Other".
    public static let groups: [CommandGroup] = [
        CommandGroup("Intake", ["open", "classify"]),
        CommandGroup("Working a ticket", ["show", "queue", "edit", "reply", "log", "similar", "kb"]),
        CommandGroup("Escalation", ["escalate"]),
        CommandGroup("Closing", ["resolve", "survey"]),
        CommandGroup("Reporting", ["report"]),
        CommandGroup("CI and setup", ["check", "policy"]),
    ]

    /// The declarations of every command.
    public static var specs: [CommandSpec] { commands.map(\.spec) }

    /// The command with this name.
    public static func entry(named name: String) -> CommandEntry? { commands.first { $0.spec.name == name } }
}

/// A titled group of commands in `desk help`.
public struct CommandGroup: Sendable, Equatable {
    public let title: String
    public let names: [String]

    public init(_ title: String, _ names: [String]) {
        self.title = title
        self.names = names
    }
}
