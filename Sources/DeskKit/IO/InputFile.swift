// Opening the inputs a command reads: named files, or standard input for `-` or no names.
// A missing, unreadable or directory input is bad input (exit 3), named in the message.
#if canImport(Glibc)
import Glibc
#endif

/// Opens inputs for reading and reads small whole files (policies, responses).
public enum InputFile {
    /// The name used for standard input in messages.
    public static let stdinName = "<stdin>"

    /// Opens `path` for reading, refusing directories. `-` is standard input (fd 0, not closed).
    static func open(_ path: String, stdin: Int32) throws(DeskError) -> (fd: Int32, name: String, owned: Bool) {
        if path == "-" { return (stdin, stdinName, false) }
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            throw .data(DataError(file: path, message: "cannot open: \(lastSystemMessage())"))
        }
        var st = stat()
        if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw .data(DataError(file: path, message: "is a directory, expected a file of tickets"))
        }
        return (fd, path, true)
    }

    /// Streams every non-blank line of every input (standard input when `paths` is empty).
    public static func forEachLine(
        paths: [String], stdin: Int32,
        _ body: (String, Int, UnsafeRawBufferPointer) throws(DeskError) -> Void
    ) throws(DeskError) {
        for path in paths.isEmpty ? ["-"] : paths {
            let (fd, name, owned) = try open(path, stdin: stdin)
            defer { if owned { close(fd) } }
            var reader = LineReader(fd: fd, name: name)
            try reader.forEachLine { (line, bytes) throws(DeskError) in try body(name, line, bytes) }
        }
    }

    /// Reads a whole (small) file; `-` is standard input.
    public static func readAll(_ path: String, stdin: Int32) throws(DeskError) -> [UInt8] {
        let (fd, name, owned) = try open(path, stdin: stdin)
        defer { if owned { close(fd) } }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .data(DataError(file: name, message: "cannot read: \(lastSystemMessage())"))
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }
}
