// Every failure a command can report, by class. Only the CLI layer turns these into exit codes
// (SPEC §6): refused 1, usage 2, data 3, I/O 4.

/// A failure that ends a command. Library code throws these; it never exits.
public enum DeskError: Error, Equatable, Sendable {
    /// Refused by policy: wording, incomplete hand-off, lint errors. Exit 1.
    case refused(String)
    /// Bad command line. Exit 2, with the command's usage line.
    case usage(UsageError)
    /// Bad input data, with its position. Exit 3.
    case data(DataError)
    /// I/O or lock failure. Exit 4.
    case io(String)
    /// The command already printed its diagnostics; exit with this code and print nothing more.
    case silent(Int32)

    /// The exit code for this error (SPEC §6).
    public var exitCode: Int32 {
        switch self {
        case .refused: return 1
        case .usage: return 2
        case .data: return 3
        case .io: return 4
        case .silent(let code): return code
        }
    }
}

/// A command-line mistake: which command, what was wrong, and a suggestion if one fits.
public struct UsageError: Error, Equatable, Sendable {
    /// The subcommand whose usage to print, or nil for the top level.
    public var command: String?
    public var message: String
    /// "did you mean" text, e.g. `--status`.
    public var suggestion: String?

    public init(command: String?, message: String, suggestion: String? = nil) {
        self.command = command
        self.message = message
        self.suggestion = suggestion
    }
}

/// Bad input data at a position: `file:line:column: message`.
public struct DataError: Error, Equatable, Sendable {
    /// The file as the user named it (`-` or `<stdin>` for standard input).
    public var file: String
    /// 1-based line; 0 when the error is not tied to a line (e.g. a missing id).
    public var line: Int
    /// 1-based column in characters; 0 when not tied to a column.
    public var column: Int
    public var message: String

    public init(file: String, line: Int = 0, column: Int = 0, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: error: message`, leaving out the parts that are zero: the one form
    /// every data error is printed in.
    public var rendered: String { Diagnostic(.data(self)).rendered(colour: false) }
}

extension DataError {
    /// Parses one input line as a JSON object; a syntax error is this file's line and column,
    /// another kind of value is "expected `what`". For the line-oriented readers of labelled
    /// tickets (classify --evaluate, --learn).
    static func jsonObject(_ bytes: UnsafeRawBufferPointer, file: String, line: Int, expected what: String) throws(DeskError) -> JSONObject {
        let value: JSONValue
        do throws(JSONSyntaxError) {
            value = try JSONParser.parse(bytes)
        } catch {
            let (_, column) = lineAndColumn(of: error.offset, in: bytes)
            throw .data(DataError(file: file, line: line, column: column, message: error.message))
        }
        guard let o = value.objectValue else { throw .data(DataError(file: file, line: line, message: "expected " + what)) }
        return o
    }
}
