// Sample command declarations for the CLI tests. The real registry is declared elsewhere; these
// exercise every ValueKind, short and long names, repeatable flags, defaults and environment.

import DeskKit

enum Samples {
    static let resolve = CommandSpec(
        name: "resolve",
        summary: "record cause, solution and result",
        discussion: """
            Records why the ticket broke, what fixed it and what the requester saw afterwards.
            Vague or forbidden wording is refused.

            .dotted lines and 'quoted lines must not become roff requests, nor a \\backslash.
            """,
        flags: [
            FlagSpec("id", kind: .string, valueName: "ID", repeatable: true, help: "the ticket to resolve"),
            FlagSpec("cause", kind: .string, help: "why it broke"),
            FlagSpec(
                "in-place", short: "i", kind: .file,
                help: "rewrite FILE atomically instead of writing standard output"),
            FlagSpec(
                "format", kind: .choice(["text", "json"]), help: "output format", defaultText: "json"),
            FlagSpec("now", kind: .instant, help: "the current time", environment: "DESK_NOW"),
            FlagSpec("observe", kind: .duration, help: "keep the ticket in observation this long"),
            FlagSpec("eta", kind: .instantOrDuration, help: "when the fix is expected"),
            FlagSpec("month", kind: .month, help: "the month to report"),
            FlagSpec("limit", short: "n", kind: .integer, help: "at most N tickets"),
            FlagSpec("quiet", short: "q", help: "print nothing"),
            FlagSpec("verbose", short: "v", help: "say more", environment: "DESK_VERBOSE"),
            FlagSpec("status", kind: .choice(["open", "resolved", "closed"]), help: "pick tickets by status"),
        ],
        examples: [
            ExampleSpec(
                "desk resolve --id T-1 --cause 'disk full' -i tickets.ndjson",
                "resolve T-1 in place"),
            ExampleSpec("desk resolve --id T-2 --observe 30m < in.ndjson", "resolve T-2 and observe it for 30 minutes"),
        ])

    static let policy = CommandSpec(
        name: "policy",
        summary: "print or validate the policy",
        synopsis: ["[OPTIONS]", "--check FILE"],
        flags: [FlagSpec("check", kind: .file, help: "validate FILE instead of printing")],
        takesFiles: false,
        examples: [
            ExampleSpec("desk policy > policy.json", "save the built-in policy"),
            ExampleSpec("desk policy --check policy.json", "validate an edited policy"),
        ])

    static let all = [resolve, policy]
}
