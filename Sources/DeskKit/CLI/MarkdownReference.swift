// The command reference in Markdown, generated from the declarations: a short form for the
// README (summary, usage, examples) and a full one for docs/COMMANDS.md (every flag). A test
// fails when the committed copies are stale.

/// Renders command declarations as Markdown.
public enum MarkdownReference {
    /// Summary, usage and examples of each command (the README's "Commands" section).
    public static func brief(commands: [CommandSpec]) -> String {
        var out = ""
        for c in commands {
            out += "### `desk \(c.name)`\n\n\(capitalized(c.summary)).\n\n```sh\n"
            for u in HelpRenderer.usageLines(c) { out += u.replacingPrefix("Usage: ", "").replacingPrefix("       ", "") + "\n" }
            out += "```\n\n"
            for e in c.examples { out += "- `\(e.command)`: \(e.explanation)\n" }
            out += "\n"
        }
        return out + "Every flag of every command: [docs/COMMANDS.md](docs/COMMANDS.md), `desk help COMMAND`, `man -l docs/desk.1`.\n"
    }

    /// Every command with every flag (docs/COMMANDS.md).
    public static func full(commands: [CommandSpec]) -> String {
        var out = "# desk commands\n\nGenerated from the command declarations by `desk help --markdown`; do not edit by hand.\n\n"
        for c in commands {
            out += "## `desk \(c.name)`\n\n\(capitalized(c.summary)).\n\n```\n"
            for u in HelpRenderer.usageLines(c) { out += u + "\n" }
            out += "```\n\n"
            if !c.discussion.isEmpty { out += c.discussion + "\n\n" }
            out += "| flag | value | meaning |\n|---|---|---|\n"
            for f in c.flags {
                var names = "`--\(f.long)`"
                if let s = f.short { names = "`-\(s)`, " + names }
                var value = ""
                if case .choice(let list) = f.kind { value = list.joined(separator: " \\| ") } else if f.takesValue { value = f.valueName }
                var meaning = f.help
                if let d = f.defaultText { meaning += " (default: \(d))" }
                if let e = f.environment { meaning += " (env: `\(e)`)" }
                if f.repeatable { meaning += " (repeatable)" }
                out += "| \(names) | \(value.replacingAll("|", with: "/")) | \(meaning.replacingAll("|", with: "/")) |\n"
            }
            out += "\nExamples:\n\n"
            for e in c.examples { out += "```sh\n\(e.command)\n```\n\(capitalized(e.explanation)).\n\n" }
        }
        return out
    }

    static func capitalized(_ s: String) -> String {
        guard let f = s.first else { return s }
        return f.uppercased() + s.dropFirst()
    }
}

extension String {
    func replacingPrefix(_ prefix: String, _ with: String) -> String {
        hasPrefix(prefix) ? with + dropFirst(prefix.count) : self
    }
}
