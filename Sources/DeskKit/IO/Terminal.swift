// Terminal manners: colour and progress only for a person watching a terminal. A stream is
// coloured when it is a terminal, NO_COLOR is unset and TERM is not `dumb`; memory sinks (the
// in-process tests) and pipes never are, whatever the test runner's own terminal is.
#if canImport(Glibc)
import Glibc
#endif

extension OutputSink {
    /// True when the sink writes to a terminal.
    public var isTerminal: Bool {
        if case .fd(let fd) = target { return isatty(fd) == 1 }
        return false
    }
}

extension Context {
    /// Whether text written to `sink` may carry colour.
    public func colours(_ sink: OutputSink) -> Bool {
        environment["NO_COLOR"] == nil && environment["TERM"] != "dumb" && sink.isTerminal
    }
}

/// ANSI styling of the severity words in diagnostics.
public enum Colour {
    static let red = "\u{1B}[1;31m"
    static let yellow = "\u{1B}[1;33m"
    static let reset = "\u{1B}[0m"

    /// The word (`error`, `warning`, `refused`) in its colour, with the colon.
    public static func severity(_ word: String, on: Bool) -> String {
        guard on else { return word + ":" }
        return (word == "warning" ? yellow : red) + word + ":" + reset
    }
}
