// Everything desk says on stderr, as one type: data errors at file:line:column, refusals,
// I/O errors, usage errors, warnings and notes. One rendering (with the control characters of
// outside text escaped and the level word optionally coloured) and one printer, so no command
// formats its own message and none can forget the escaping. `check` findings are rendered by
// the same code (they go to stdout, but a person reads them too).

/// One message for a person.
public struct Diagnostic: Sendable, Equatable {
    /// What kind of message it is; the word printed after the location.
    public enum Level: String, Sendable {
        case error, warning, refused, note
        /// A line printed as it is (a summary, a notice with its own wording), still escaped.
        case plain
    }

    public var level: Level
    /// The file the message is about, or nil for desk itself (`desk: error: ...`).
    public var file: String?
    /// 1-based line and column; 0 when not tied to one.
    public var line: Int
    public var column: Int
    /// What sits between the location and the level: `ID: rule` for a check finding.
    public var subject: String?
    /// The message; may span lines (refusals list every reason).
    public var message: String
    /// Lines printed after the message as they are (a usage error's synopsis and hints).
    public var trailer: [String]

    public init(
        _ level: Level, file: String? = nil, line: Int = 0, column: Int = 0, subject: String? = nil, _ message: String,
        trailer: [String] = []
    ) {
        self.level = level
        self.file = file
        self.line = line
        self.column = column
        self.subject = subject
        self.message = message
        self.trailer = trailer
    }

    /// The message of an error, in the form its class is printed in.
    public init(_ error: DeskError) {
        switch error {
        case .data(let d): self.init(.error, file: d.file, line: d.line, column: d.column, d.message)
        case .refused(let m): self.init(.refused, m)
        case .io(let m): self.init(.error, m)
        case .usage(let u): self.init(.error, u.message)
        case .silent: self.init(.plain, "")
        }
    }

    /// `file:line:column: subject: level: message` (parts that are absent left out; `desk` in
    /// place of a file), every piece of outside text escaped, the level word coloured on
    /// request. A plain diagnostic is its message alone.
    public func rendered(colour: Bool) -> String {
        var s = ""
        if level != .plain {
            s = file.map { TerminalText.escaped($0, keepLayout: false) } ?? "desk"
            if line > 0 { s += ":\(line)" }
            if column > 0 { s += ":\(column)" }
            if let subject { s += ": " + TerminalText.escaped(subject, keepLayout: false) }
            s += ": " + Colour.severity(level.rawValue, on: colour && level != .note) + " "
        }
        s += TerminalText.escaped(message)
        for t in trailer { s += "\n" + TerminalText.escaped(t) }
        return s
    }
}

/// Prints diagnostics to stderr: escaped, coloured only for a person at a terminal.
public struct DiagnosticPrinter {
    let sink: OutputSink
    let colour: Bool

    /// A printer writing to `sink`, colouring the level words when `colour` is true.
    public init(sink: OutputSink, colour: Bool) {
        self.sink = sink
        self.colour = colour
    }

    /// Prints one diagnostic (and its trailer) as lines. Never fails: stderr must not end a run.
    public func print(_ d: Diagnostic) {
        sink.line(d.rendered(colour: colour))
    }

    /// Whether progress lines may be shown: only to a person at a terminal.
    public var showsProgress: Bool { sink.isTerminal }

    /// Overwrites the progress line with `text` (a carriage return, no line feed), when
    /// `showsProgress`. Never fails.
    public func progress(_ text: String) {
        guard showsProgress else { return }
        try? sink.write("\r" + TerminalText.escaped(text))
        try? sink.flush()
    }

    /// Blanks a progress line of at most `width` characters: spaces, no escape codes, so it
    /// works on any terminal.
    public func clearProgress(width: Int = 40) {
        guard showsProgress else { return }
        try? sink.write("\r" + String(repeating: " ", count: width) + "\r")
    }
}

extension Context {
    /// The printer for this run's stderr.
    public var diagnostics: DiagnosticPrinter { DiagnosticPrinter(sink: stderr, colour: colours(stderr)) }
}
