// Flags several commands share, declared once so their spelling and help cannot diverge.

/// Shared flag declarations.
public enum CommonFlags {
    public static let inPlace = FlagSpec(
        "in-place", short: "i", kind: .file,
        help: "rewrite FILE atomically under a lock instead of writing to stdout")
    public static let now = FlagSpec(
        "now", kind: .instant, help: "the current time, for reproducible runs", defaultText: "the system clock",
        environment: "DESK_NOW")
    public static let policy = FlagSpec(
        "policy", kind: .file, help: "policy file to use", defaultText: "the built-in policy",
        environment: "DESK_POLICY")
    public static let id = FlagSpec(
        "id", kind: .string, valueName: "ID", repeatable: true, help: "pick the ticket with this id")
    public static let by = FlagSpec(
        "by", kind: .string, valueName: "NAME", help: "who is acting, recorded in history",
        defaultText: "$DESK_AGENT, else $USER")
    public static let status = FlagSpec(
        "status", kind: .choice(Status.names), repeatable: true, help: "pick tickets with this status")
    public static let priority = FlagSpec(
        "priority", kind: .choice(Priority.names), repeatable: true,
        help: "pick tickets with this priority")
}
