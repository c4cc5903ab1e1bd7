// Safe writes to ticket files shared by cron jobs and several agents.
//
// Locking: an exclusive flock(2) on the ticket file itself. A rewrite replaces the file by
// rename, so a process that waited on the old inode re-checks, after it gets the lock, that
// the path still names the inode it locked; if not it opens the path again. No lock files are
// left behind. Waits are bounded (DESK_LOCK_TIMEOUT seconds, default 10), then exit 4.
//
// Rewriting (`-i`): under the lock, read the file, write the new content to a temporary file
// in the same directory (mode of the original, 0600 for new files), fsync it, rename it over
// the original, fsync the directory. Any error before the rename leaves the file untouched.
// A temporary file left by a killed run is removed (and said) by the next run that holds the
// lock, because only a lock holder creates one.
//
// Appending (`-a`): under the same lock, write the new lines with O_APPEND and fsync.
#if canImport(Glibc)
import Glibc
#endif

/// An exclusively locked ticket file.
public struct LockedFile: ~Copyable {
    /// The path as given.
    public let path: String
    /// The file that is rewritten: `path`, or the file a symbolic link at `path` names (the
    /// link stays a link).
    public let target: String
    /// Descriptor opened read-write on the locked inode.
    public let fd: Int32
    /// Whether the file existed before it was locked.
    public let existed: Bool

    /// Locks `path`, creating it (mode 0600) when `create` is true and it does not exist.
    /// Waits up to `timeout` seconds for another desk to finish.
    public init(path: String, create: Bool, timeout: Double, notes: OutputSink?) throws(DeskError) {
        let deadline = LockedFile.monotonicSeconds() + timeout
        while true {
            var existed = true
            var fd = Glibc.open(path, O_RDWR | O_CLOEXEC)
            if fd < 0 && errno == ENOENT && create {
                existed = false
                fd = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            }
            if fd < 0 {
                let why = lastSystemMessage()
                if errno == ENOENT { throw .data(DataError(file: path, message: "cannot open: \(why)")) }
                // open(O_RDWR) refuses a directory before the fstat check below can see it.
                if errno == EISDIR { throw .data(DataError(file: path, message: "is a directory, expected a file of tickets")) }
                throw .io("\(path): cannot open for writing: \(why)")
            }
            var st = stat()
            if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
                close(fd)
                throw .data(DataError(file: path, message: "is a directory, expected a file of tickets"))
            }
            // A FIFO would block the read forever, and renaming over a device node would
            // replace it (as root, `-i /dev/null` would replace /dev/null): files only.
            if (st.st_mode & S_IFMT) != S_IFREG {
                close(fd)
                throw .data(DataError(file: path, message: "is not a regular file, expected a file of tickets"))
            }
            // Bounded wait: poll a non-blocking lock so the timeout is exact without signals.
            var delay: UInt32 = 2_000
            while flock(fd, LOCK_EX | LOCK_NB) != 0 {
                if errno != EWOULDBLOCK && errno != EINTR {
                    let why = lastSystemMessage()
                    close(fd)
                    throw .io("\(path): cannot lock: \(why)")
                }
                if LockedFile.monotonicSeconds() >= deadline {
                    close(fd)
                    throw .io("\(path): locked by another desk process; gave up after \(LockedFile.secondsText(timeout)) (set DESK_LOCK_TIMEOUT to wait longer)")
                }
                usleep(delay)
                delay = min(delay * 2, 50_000)
            }
            // The path may have been renamed over while we waited: lock the current file.
            var now = stat()
            if stat(path, &now) != 0 || now.st_ino != st.st_ino || now.st_dev != st.st_dev {
                close(fd)
                continue
            }
            self.path = path
            self.target = LockedFile.resolvingSymlink(path)
            self.fd = fd
            self.existed = existed
            LockedFile.removeStaleTemporaries(of: target, notes: notes)
            return
        }
    }

    deinit { close(fd) }

    /// The lock timeout from DESK_LOCK_TIMEOUT (seconds), default 10.
    public static func timeout(from environment: [String: String]) -> Double {
        if let t = environment["DESK_LOCK_TIMEOUT"], let v = Double(t), v >= 0 { return v }
        return 10
    }

    static func secondsText(_ t: Double) -> String {
        t == t.rounded() ? "\(Int(t))s" : "\(t)s"
    }

    static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// The file a symbolic link names (fully resolved), or `path` itself when it is no link.
    /// Renaming over a link would replace the link and leave the file it names unchanged.
    static func resolvingSymlink(_ path: String) -> String {
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK, let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// Splits a path into its directory ("." when none) and file name.
    static func split(_ path: String) -> (dir: String, base: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let dir = String(path[..<slash])
        return (dir.isEmpty ? "/" : dir, String(path[path.index(after: slash)...]))
    }

    /// The prefix of temporary files for `path`: `.NAME.desk-tmp.`
    static func temporaryPrefix(of path: String) -> String { "." + split(path).base + ".desk-tmp." }

    static func removeStaleTemporaries(of path: String, notes: OutputSink?) {
        let (dir, _) = split(path)
        let prefix = temporaryPrefix(of: path)
        guard let d = opendir(dir) else { return }
        defer { closedir(d) }
        var stale: [String] = []
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(prefix) { stale.append(name) }
        }
        for name in stale.sorted() {
            let full = dir + "/" + name
            if unlink(full) == 0 {
                notes?.line("desk: note: removed \(full), left by an interrupted desk run")
            }
        }
    }

    /// Appends `bytes` at the end of the locked file and syncs it.
    public func append(_ bytes: [UInt8]) throws(DeskError) {
        // A file whose last line lacks its newline would glue our first line onto it.
        var data = bytes
        let size = lseek(fd, 0, SEEK_END)
        if size < 0 { throw .io("\(path): cannot seek: \(lastSystemMessage())") }
        if size > 0 {
            var last: UInt8 = 0
            if pread(fd, &last, 1, size - 1) == 1 && last != 0x0A { data.insert(0x0A, at: 0) }
        }
        do throws(DeskError) {
            try LockedFile.writeAll(fd: fd, data, name: path)
            if fsync(fd) != 0 { throw .io("\(path): fsync failed: \(lastSystemMessage())") }
        } catch {
            // A full disk (or a file size limit) can stop the write part-way: cut the file back
            // to its old length so no torn line is left behind, then report the failure.
            _ = ftruncate(fd, size)
            _ = fsync(fd)
            throw error
        }
    }

    static func writeAll(fd: Int32, _ data: [UInt8], name: String) throws(DeskError) {
        let failure: Int32? = data.withUnsafeBytes { raw -> Int32? in
            var off = 0
            while off < raw.count {
                let n = write(fd, raw.baseAddress! + off, raw.count - off)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                off += n
            }
            return nil
        }
        if let code = failure { throw .io("\(name): write failed: \(systemMessage(code))") }
    }

    /// Rewrites the locked file: `produce` reads the old content from `input` (a descriptor at
    /// offset 0) and writes the new content to `output`. The file is replaced only if
    /// `produce` returns normally and every write and sync succeeded.
    public func rewrite(_ produce: (_ input: Int32, _ output: OutputSink) throws(DeskError) -> Void) throws(DeskError) {
        let (dir, _) = split(path: target)
        var suffix = SystemRandomNumberGenerator()
        let tmp = dir + "/" + LockedFile.temporaryPrefix(of: target) + "\(getpid()).\(suffix.next() % 1_000_000)"
        var st = stat()
        let mode: mode_t = fstat(fd, &st) == 0 && existed ? (st.st_mode & 0o7777) : 0o600
        let out = Glibc.open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        if out < 0 { throw .io("\(tmp): cannot create temporary file: \(lastSystemMessage())") }
        var committed = false
        defer {
            if !committed {
                close(out)
                unlink(tmp)
            }
        }
        if existed { _ = fchown(out, st.st_uid, st.st_gid) }
        // open(2) applied the umask, and a chown may clear set-id bits: set the mode exactly.
        if fchmod(out, mode) != 0 { throw .io("\(tmp): cannot set mode: \(lastSystemMessage())") }
        let sink = OutputSink(fd: out, name: path)
        lseek(fd, 0, SEEK_SET)
        try produce(fd, sink)
        try sink.flush()
        if fsync(out) != 0 { throw .io("\(path): fsync failed: \(lastSystemMessage())") }
        if close(out) != 0 {
            committed = true  // the descriptor is gone either way
            unlink(tmp)
            throw .io("\(path): close failed: \(lastSystemMessage())")
        }
        committed = true
        if rename(tmp, target) != 0 {
            let why = lastSystemMessage()
            unlink(tmp)
            throw .io("\(path): cannot replace: \(why)")
        }
        let dfd = Glibc.open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            _ = fsync(dfd)
            close(dfd)
        }
    }

    func split(path: String) -> (String, String) { LockedFile.split(path) }
}
