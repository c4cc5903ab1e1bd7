// Reading a learnt model file (a triage model of `classify --learn`, a reply model of `reply
// --learn`) that a policy names: one JSON text, its syntax errors at file:line:column.

/// The JSON text of a model file.
enum ModelFile {
    /// The file at `path` (relative to the working directory; "-" is standard input) parsed as
    /// one JSON text. A missing file or bad JSON is bad input.
    static func read(_ path: String, _ ctx: Context) throws(DeskError) -> JSONValue {
        let bytes = try InputFile.readAll(path, stdin: ctx.stdin)
        do throws(JSONSyntaxError) {
            return try JSONParser.parse(bytes)
        } catch {
            let (line, column) = bytes.withUnsafeBytes { lineAndColumn(of: error.offset, in: $0) }
            throw .data(DataError(file: path, line: line, column: column, message: error.message))
        }
    }
}
