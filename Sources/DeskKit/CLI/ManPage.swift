// The desk(1) man page in roff (man macros), generated from the CommandSpec declarations.
// No date in .TH so the output is byte-for-byte reproducible.

/// Renders the desk(1) manual page.
public enum ManPage {
    /// What each exit code means (SPEC §6).
    static let exitCodes: [(String, String)] = [
        ("0", "success"),
        ("1", "refused by policy: check found errors, reply or resolve refused the wording, or "
            + "escalate refused an incomplete hand-off"),
        ("2", "usage error: a bad command line"),
        ("3", "bad input data; the message names file, line and column"),
        ("4", "I/O or lock failure"),
    ]

    /// The environment variables desk reads.
    static let environment: [(String, String)] = [
        ("DESK_NOW", "the current time as an RFC 3339 date-time, for every command that reads the "
            + "clock (like --now), so runs in CI and cron are reproducible"),
        ("DESK_POLICY", "the policy file to use when --policy is not given; without either, the "
            + "built-in policy applies"),
        ("DESK_AGENT", "who is acting, recorded as the author of history entries, replies and "
            + "resolutions"),
        ("DESK_LOCK_TIMEOUT", "how long to wait for the lock on a file rewritten with --in-place "
            + "or appended with --append, in seconds (default 10)"),
        ("DESK_THREADS", "how many threads report, check, classify, queue and show may use on a large input (1 to 64; "
            + "default the online cores, at most 8); their output is the same for any number"),
        ("NO_COLOR", "when set and not empty, text output is never coloured"),
    ]

    /// The whole page, ready for `man -l -`.
    public static func render(commands: [CommandSpec], version: String) -> String {
        var out: [String] = []
        out.append(".TH DESK 1 \"\" \"desk \(quoted(version))\" \"User Commands\"")
        // Ragged right and no hyphenation: long flag tags (choice lists) cannot be justified
        // and would warn, and rule names must not be split mid-word.
        out.append(".ad l")
        out.append(".nh")
        out.append(".SH NAME")
        out.append("desk \\- a service desk in the shell")
        out.append(".SH SYNOPSIS")
        out.append(".B desk")
        out.append(".I command")
        out.append("[\\fIOPTIONS\\fR] [\\fIFILE\\fR ...]")
        out.append(".br")
        out.append(".B desk help")
        out.append("[\\fIcommand\\fR]")
        out.append(".br")
        out.append(".B desk completions")
        out.append("\\fBbash\\fR|\\fBzsh\\fR|\\fBfish\\fR")
        out.append(".br")
        out.append(".B desk \\-\\-version")
        out.append(".SH DESCRIPTION")
        out.append(text(
            "desk takes a support ticket from first contact to the monthly feedback report. Every "
                + "command reads and writes newline-delimited JSON, one ticket per line, so commands "
                + "pipe into each other, into jq, and into files under version control."))
        out.append(".PP")
        out.append(text(
            "Positional arguments are input files; standard input is read when there are none, or "
                + "for a lone -. Data goes to standard output and diagnostics to standard error."))
        out.append(".SH COMMANDS")
        for spec in commands {
            out.append(".SS \"desk \(quoted(spec.name))\"")
            out.append(text(spec.summary))
            out.append(".PP")
            for line in HelpRenderer.usageLines(spec) {
                out.append(text(String(line.dropFirst(7))))  // without "Usage: "
                out.append(".br")
            }
            for paragraph in HelpRenderer.paragraphs(spec.discussion) {
                out.append(".PP")
                out.append(text(paragraph))
            }
            for flag in spec.flags {
                out.append(".TP")
                out.append(flagTag(flag))
                out.append(text(HelpRenderer.optionHelp(flag)))
            }
            out.append(".TP")
            out.append("\\fB\\-h\\fR, \\fB\\-\\-help\\fR")
            out.append("print this help")
        }
        out.append(".SH EXAMPLES")
        for spec in commands {
            for example in spec.examples {
                out.append(".PP")
                out.append(text(example.explanation) + ":")
                out.append(".PP")
                out.append(".RS 4")
                out.append(".nf")
                out.append("\\fB" + escape(example.command) + "\\fR")
                out.append(".fi")
                out.append(".RE")
            }
        }
        out.append(".SH EXIT STATUS")
        for (code, meaning) in exitCodes {
            out.append(".TP")
            out.append(".B \(code)")
            out.append(text(meaning))
        }
        out.append(".SH ENVIRONMENT")
        for (name, meaning) in environment {
            out.append(".TP")
            out.append(".B \(name)")
            out.append(text(meaning))
        }
        out.append(".SH FILES")
        out.append(text(
            "None: desk reads no configuration file. The policy comes from --policy or DESK_POLICY, "
                + "else the built-in one, which desk policy prints."))
        out.append(".SH SEE ALSO")
        out.append(".BR jq (1)")
        return out.joined(separator: "\n") + "\n"
    }

    /// `\fB\-i\fR, \fB\-\-in\-place\fR \fIFILE\fR`.
    static func flagTag(_ flag: FlagSpec) -> String {
        var s = ""
        if let short = flag.short { s += "\\fB\\-" + escape(String(short)) + "\\fR, " }
        s += "\\fB\\-\\-" + escape(flag.long) + "\\fR"
        // `\:` after each `|` lets troff break a long choice list instead of warning that it
        // cannot adjust the line.
        if flag.takesValue {
            s += " \\fI" + escape(HelpRenderer.valueName(flag)).replacingOccurrences("|", "|\\:") + "\\fR"
        }
        return s
    }

    /// Escapes text for roff: backslashes, hyphens (as `\-`, so flags and commands copy and
    /// paste as ASCII), and a leading `.` or `'` that would otherwise start a request.
    static func escape(_ raw: String) -> String {
        var s = ""
        for ch in raw {
            switch ch {
            case "\\": s += "\\e"
            case "-": s += "\\-"
            case "\n": s += " "
            default: s.append(ch)
            }
        }
        if let first = s.first, first == "." || first == "'" { s = "\\&" + s }
        return s
    }

    /// A text line: escaped, and never empty (a blank line in roff is a paragraph break).
    static func text(_ raw: String) -> String {
        let s = escape(raw)
        return s.isEmpty ? "\\&" : s
    }

    /// A macro argument inside double quotes: a quote inside is written `\(dq`.
    static func quoted(_ raw: String) -> String {
        escape(raw).split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\\(dq")
    }
}
