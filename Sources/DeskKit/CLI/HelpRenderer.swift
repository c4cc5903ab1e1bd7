// `--help`, `desk help`, and usage-error text, rendered from the CommandSpec declarations.
// Plain text for an 80-column terminal; every string returned ends with a newline.

/// Renders help and usage text from command declarations.
public enum HelpRenderer {
    /// The width help text is wrapped to.
    public static let width = 80

    /// The top-level usage line.
    public static let topLevelUsage = "Usage: desk <command> [OPTIONS] [FILE...]"

    /// `Usage: desk show [OPTIONS] [FILE...]`, one line per synopsis entry, later lines aligned
    /// under the first.
    public static func usageLines(_ spec: CommandSpec) -> [String] {
        var synopsis = spec.synopsis
        if synopsis.isEmpty { synopsis = [spec.takesFiles ? "[OPTIONS] [FILE...]" : "[OPTIONS]"] }
        return synopsis.enumerated().map { i, line in
            (i == 0 ? "Usage: " : "       ") + "desk \(spec.name)" + (line.isEmpty ? "" : " " + line)
        }
    }

    /// The full help of one command: summary, usage, discussion, options and examples.
    public static func commandHelp(_ spec: CommandSpec) -> String {
        var out: [String] = ["desk \(spec.name): \(spec.summary)", ""]
        out += usageLines(spec)
        for paragraph in paragraphs(spec.discussion) {
            out.append("")
            out += wrap(paragraph, width: width, indent: "")
        }
        out += ["", "Options:"]
        let rows = spec.flags.map { (optionColumn($0), optionHelp($0)) } + [("-h, --help", "print this help")]
        out += table(rows.map { ("  " + $0.0, $0.1) })
        if !spec.examples.isEmpty {
            out += ["", "Examples:"]
            for (i, example) in spec.examples.enumerated() {
                if i > 0 { out.append("") }
                out.append("  " + example.command)
                out += wrap(example.explanation, width: width, indent: "      ")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `desk help` and `desk --help`: what desk is, its commands, and the global options.
    /// With `groups`, commands are listed under each group's title in the group's order, and
    /// any command no group names under "Other commands".
    public static func topLevelHelp(commands: [CommandSpec], version: String, groups: [CommandGroup] = []) -> String {
        var out = [
            "desk \(version): a service desk in the shell, over newline-delimited JSON tickets",
            "",
            topLevelUsage,
        ]
        let tooling = [
            ("  help [COMMAND]", "show help for desk or for one command"),
            ("  completions bash|zsh|fish", "print a shell completion script"),
        ]
        // One table over every section, so the summaries line up across groups.
        var sections: [(title: String, rows: [(String, String)])] = []
        if groups.isEmpty {
            sections.append(("Commands:", commands.map { ("  " + $0.name, $0.summary) } + tooling))
        } else {
            var listed: Set<String> = []
            for g in groups {
                let specs = g.names.compactMap { n in commands.first { $0.name == n } }
                listed.formUnion(specs.map(\.name))
                if !specs.isEmpty { sections.append((g.title + ":", specs.map { ("  " + $0.name, $0.summary) })) }
            }
            let rest = commands.filter { !listed.contains($0.name) }
            sections.append(("Other commands:", rest.map { ("  " + $0.name, $0.summary) } + tooling))
        }
        let widest = min(32, sections.flatMap(\.rows).map { displayWidth($0.0) }.max() ?? 0)
        for section in sections {
            out += ["", section.title]
            out += table(section.rows.map { row in
                (row.0 + String(repeating: " ", count: max(0, widest - displayWidth(row.0))), row.1)
            })
        }
        out += ["", "Options:"]
        out += table([("  -h, --help", "print this help"), ("      --version", "print the version")])
        out += ["", "See 'desk help <command>' for details."]
        return out.joined(separator: "\n") + "\n"
    }

    /// The text printed for a usage error, for example:
    ///
    ///     desk: error: unknown flag '--stauts'
    ///     Usage: desk show [OPTIONS] [FILE...]
    ///     Did you mean '--status'?
    ///     See 'desk show --help'.
    ///
    /// With no spec (an error before a command was chosen), the top-level usage and
    /// `See 'desk --help'.` are printed.
    public static func usageErrorText(_ error: UsageError, spec: CommandSpec?) -> String {
        var out = ["desk: error: " + error.message]
        if let spec {
            out += usageLines(spec)
        } else if error.command == nil {
            out.append(topLevelUsage)
        }
        if let suggestion = error.suggestion { out.append("Did you mean '\(suggestion)'?") }
        if let name = spec?.name ?? error.command {
            out.append("See 'desk \(name) --help'.")
        } else {
            out.append("See 'desk --help'.")
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: - Pieces shared with the man page and completions

    /// How a flag's value is named: `{a|b|c}` for choices, else the declared value name.
    static func valueName(_ flag: FlagSpec) -> String {
        if case .choice(let list) = flag.kind { return "{" + list.joined(separator: "|") + "}" }
        return flag.valueName
    }

    /// `-i, --in-place FILE` or `    --format {text|json}` (long-only flags are indented so the
    /// long names line up).
    static func optionColumn(_ flag: FlagSpec) -> String {
        var s = flag.short.map { "-\($0), " } ?? "    "
        s += "--" + flag.long
        if flag.takesValue { s += " " + valueName(flag) }
        return s
    }

    /// The help text with its annotations: `[repeatable] [default: X] [env: VAR]`.
    static func optionHelp(_ flag: FlagSpec) -> String {
        var s = flag.help
        if flag.repeatable { s += " [repeatable]" }
        if let d = flag.defaultText { s += " [default: \(d)]" }
        if let e = flag.environment { s += " [env: \(e)]" }
        return s
    }

    /// Two aligned columns; a left cell too wide for the column puts its help on the next line.
    static func table(_ rows: [(String, String)]) -> [String] {
        let cap = 32
        let column = min(cap, rows.map { displayWidth($0.0) }.max() ?? 0) + 2
        let pad = String(repeating: " ", count: column)
        var out: [String] = []
        for (left, help) in rows {
            let w = displayWidth(left)
            if help.isEmpty {
                out.append(left)
            } else if w + 2 <= column {
                var lines = wrap(help, width: width, indent: pad)
                if let first = lines.first {
                    lines[0] = left + String(repeating: " ", count: column - w) + first.dropFirst(column)
                }
                out += lines
            } else {
                out.append(left)
                out += wrap(help, width: width, indent: pad)
            }
        }
        return out
    }

    /// Blank-line separated paragraphs, each joined into one line.
    static func paragraphs(_ text: String) -> [String] {
        var result: [String] = []
        var current: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty {
                if !current.isEmpty { result.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { result.append(current.joined(separator: " ")) }
        return result
    }

    /// Greedy word wrap; every line starts with `indent`. A word longer than the line stays whole.
    static func wrap(_ text: String, width: Int, indent: String) -> [String] {
        var lines: [String] = []
        var line = indent
        var lineWidth = displayWidth(indent)
        let indentWidth = lineWidth
        for word in text.split(separator: " ") {
            let w = displayWidth(word)
            if lineWidth > indentWidth && lineWidth + 1 + w > width {
                lines.append(line)
                line = indent
                lineWidth = indentWidth
            }
            if lineWidth > indentWidth {
                line += " "
                lineWidth += 1
            }
            line += word
            lineWidth += w
        }
        lines.append(line)
        return lines
    }

    /// Terminal columns: East Asian wide characters (the policy's Chinese phrases) take two.
    static func displayWidth<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for ch in text {
            guard let v = ch.unicodeScalars.first?.value else { continue }
            switch v {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
                0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
                total += 2
            default:
                total += 1
            }
        }
        return total
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let start = firstIndex(where: { !isBlank($0) }), let end = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
