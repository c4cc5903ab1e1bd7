// A data file the knowledge search reads whole: its bytes and its stamp (size, modification time
// and a hash of the content), which an index file records to tell when it has gone stale.
#if canImport(Glibc)
import Glibc
#endif

/// What an index remembers of one source file.
struct SourceStamp: Sendable, Equatable {
    /// The file's canonical path (symbolic links and `..` resolved), so an index built from
    /// `data/kb.ndjson` is found again from `../x/data/kb.ndjson`.
    var path: String
    var size: UInt64
    var mtimeSeconds: Int64
    var mtimeNanoseconds: Int64
    var hash: UInt64
}

/// A file read whole.
struct SourceFile: Sendable {
    var stamp: SourceStamp
    var bytes: FileBytes
    /// The path as given, for messages.
    var name: String

    /// Reads `path` (a regular file) whole.
    init(path: String, hashed: Bool = true) throws(DeskError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw .data(DataError(file: path, message: "cannot open: \(lastSystemMessage())")) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .io("\(path): cannot stat: \(lastSystemMessage())") }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw .data(DataError(file: path, message: "is not a regular file"))
        }
        guard let bytes = FileBytes(fd: fd, size: Int(st.st_size)) else {
            throw .data(DataError(file: path, message: "cannot read: \(lastSystemMessage())"))
        }
        self.bytes = bytes
        self.name = path
        self.stamp = SourceStamp(
            path: SourceFile.canonical(path), size: UInt64(bytes.count), mtimeSeconds: Int64(st.st_mtim.tv_sec),
            mtimeNanoseconds: Int64(st.st_mtim.tv_nsec), hash: hashed ? SourceFile.hash(bytes) : 0)
    }

    /// The path with links and `..` resolved (the path itself when that fails).
    static func canonical(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// Bytes already in memory, under a name for messages.
    init(memory bytes: [UInt8], name: String) {
        self.name = name
        self.bytes = FileBytes(copying: bytes)
        self.stamp = SourceStamp(path: name, size: UInt64(bytes.count), mtimeSeconds: 0, mtimeNanoseconds: 0, hash: SourceFile.hash(self.bytes))
    }

    /// A 64-bit hash of the content, eight bytes at a time (a source of 100 MB hashes in tens of
    /// milliseconds, so freshness is checked on every search, not guessed from the time alone).
    static func hash(_ bytes: FileBytes) -> UInt64 {
        bytes.withUnsafeBytes { raw -> UInt64 in
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
            let words = raw.count / 8
            for i in 0..<words {
                let w = raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
                h = (h ^ (w &* 0xBF58_476D_1CE4_E5B9)).rotateLeft(27) &* 0x94D0_49BB_1331_11EB
            }
            var tail: UInt64 = 0
            for i in (words * 8)..<raw.count { tail = tail << 8 | UInt64(raw[i]) }
            h = (h ^ tail) &* 0xBF58_476D_1CE4_E5B9
            return h ^ (h >> 31)
        }
    }

    /// Calls `body` with each non-blank line: its number (1-based) and its byte range.
    func forEachLine(_ body: (Int, Range<Int>) throws(DeskError) -> Void) throws(DeskError) {
        let n = bytes.count
        // A byte order mark may open the file, as LineReader allows for ticket files.
        var start = n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        var number = 0
        while start < n {
            let end: Int = bytes.withUnsafeBytes { raw in
                guard let base = raw.baseAddress, let p = memchr(base + start, 0x0A, n - start) else { return n }
                return base.distance(to: UnsafeRawPointer(p))
            }
            number += 1
            var e = end
            if e > start && bytes[e - 1] == 0x0D { e -= 1 }
            var blank = true
            for i in start..<e where bytes[i] != 0x20 && bytes[i] != 0x09 {
                blank = false
                break
            }
            if !blank { try body(number, start..<e) }
            start = end + 1
        }
    }
}

extension UInt64 {
    @inline(__always) func rotateLeft(_ n: UInt64) -> UInt64 { (self << n) | (self >> (64 - n)) }
}
