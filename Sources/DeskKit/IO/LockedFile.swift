// Safe writes to ticket files shared by cron jobs and several agents, in folders other users
// may write to.
//
// Opening: the path is resolved once. A symbolic link is followed only when its owner is the
// caller or the owner of the file it names (the kernel's protected_symlinks rule for sticky
// folders, applied everywhere) and only to an existing file; then the resolved folder is opened
// as a descriptor and the file inside it with O_NOFOLLOW. Every later step (the lock check, the
// temporary file, the rename) works through that folder descriptor and that name, so a link
// swapped in the meantime cannot redirect the write: desk writes only the file it locked and
// read. Only regular files are accepted (a FIFO would block, a device would be replaced).
//
// Locking: an exclusive flock(2) on the ticket file itself. A rewrite replaces the file by
// rename, so a process that waited on the old inode re-checks, after it gets the lock, that
// the name in the folder still holds the inode it locked; if not it starts again. No lock files
// are left behind. Waits are bounded (DESK_LOCK_TIMEOUT seconds, default 10), then exit 4.
//
// Rewriting (`-i`): under the lock, read the file and write the new content to a nameless
// temporary file (O_TMPFILE) in the same folder (mode of the original), fsync it, give it a
// temporary name and rename that over the original, fsync the folder. A run killed before the
// rename (SIGINT, SIGTERM, SIGKILL) leaves nothing: the kernel drops a nameless file with its
// last descriptor. Where the file system has no O_TMPFILE, a named temporary file is used; a
// named temporary left by a killed run is removed (and said) by the next run that holds the
// lock, because only a lock holder creates one.
//
// Appending (`-a`): under the same lock, write the new lines with O_APPEND and fsync.
#if canImport(Glibc)
import Glibc
#endif

/// An exclusively locked ticket file.
public struct LockedFile: ~Copyable {
    /// The path as given (used in messages).
    public let path: String
    /// Descriptor of the folder that holds the file (after resolving a link at `path`).
    let folder: Int32
    /// The file's name inside `folder`.
    let name: String
    /// Descriptor opened read-write on the locked inode.
    public let fd: Int32
    /// Whether the file existed before it was locked.
    public let existed: Bool

    /// Locks `path`, creating it (mode 0600) when `create` is true and it does not exist.
    /// Waits up to `timeout` seconds for another desk to finish.
    public init(path: String, create: Bool, timeout: Double, notes: DiagnosticPrinter?) throws(DeskError) {
        try self.init(path: path, create: create, timeout: timeout, notes: notes, afterLock: {})
    }

    /// `afterLock` runs once the lock is held, before it is checked: tests swap links there.
    init(path: String, create: Bool, timeout: Double, notes: DiagnosticPrinter?, afterLock: () -> Void) throws(DeskError) {
        let deadline = LockedFile.monotonicSeconds() + timeout
        while true {
            let place = try LockedFile.resolve(path, create: create)
            let folder = Glibc.open(place.folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if folder < 0 {
                // A missing folder is a bad name, as a missing file is (exit 3).
                if errno == ENOENT || errno == ENOTDIR { throw .data(DataError(file: path, message: "cannot open: \(lastSystemMessage())")) }
                throw .io("\(path): cannot open the folder \(place.folder): \(lastSystemMessage())")
            }
            var existed = true
            // O_NONBLOCK: opening a FIFO must not wait for a writer before the kind check.
            var fd = openat(folder, place.name, O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            if fd < 0 && errno == ENOENT && create {
                existed = false
                fd = openat(folder, place.name, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
                // Someone else created it first: start again and open theirs.
                if fd < 0 && errno == EEXIST {
                    close(folder)
                    continue
                }
            }
            if fd < 0 {
                let code = errno
                let why = systemMessage(code)
                close(folder)
                // The name became a link after it was resolved: resolve it again.
                if code == ELOOP && LockedFile.monotonicSeconds() < deadline { continue }
                if code == ENOENT { throw .data(DataError(file: path, message: "cannot open: \(why)")) }
                // open(O_RDWR) refuses a directory before the fstat check below can see it.
                if code == EISDIR { throw .data(DataError(file: path, message: "is a directory, expected a file of tickets")) }
                throw .io("\(path): cannot open for writing: \(why)")
            }
            var st = stat()
            if fstat(fd, &st) != 0 {
                let why = lastSystemMessage()
                close(fd)
                close(folder)
                throw .io("\(path): cannot inspect: \(why)")
            }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                close(fd)
                close(folder)
                throw .data(DataError(file: path, message: "is a directory, expected a file of tickets"))
            }
            // A FIFO would block the read forever, and renaming over a device node would
            // replace it (as root, `-i /dev/null` would replace /dev/null): files only.
            if (st.st_mode & S_IFMT) != S_IFREG {
                close(fd)
                close(folder)
                throw .data(DataError(file: path, message: "is not a regular file, expected a file of tickets"))
            }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            // The link was checked against the file it named when it was resolved; the file
            // opened must be that file, or the link changed in between: resolve it again.
            if let owner = place.linkTargetOwner, owner != st.st_uid || !LockedFile.names(path, st) {
                close(fd)
                close(folder)
                if LockedFile.monotonicSeconds() >= deadline {
                    throw .io("\(path): the symbolic link keeps changing; gave up")
                }
                continue
            }
            // Bounded wait: poll a non-blocking lock so the timeout is exact without signals.
            var delay: UInt32 = 2_000
            var lockFailure: DeskError? = nil
            while flock(fd, LOCK_EX | LOCK_NB) != 0 {
                if errno != EWOULDBLOCK && errno != EINTR {
                    lockFailure = .io("\(path): cannot lock: \(lastSystemMessage())")
                    break
                }
                if LockedFile.monotonicSeconds() >= deadline {
                    lockFailure = .io("\(path): locked by another desk process; gave up after \(LockedFile.secondsText(timeout)) (set DESK_LOCK_TIMEOUT to wait longer)")
                    break
                }
                usleep(delay)
                delay = min(delay * 2, 50_000)
            }
            if let failure = lockFailure {
                close(fd)
                close(folder)
                throw failure
            }
            afterLock()
            // The file may have been renamed over while we waited: lock the current file. The
            // check looks at the name inside the folder, never through a link.
            var now = stat()
            if fstatat(folder, place.name, &now, AT_SYMLINK_NOFOLLOW) != 0 || now.st_ino != st.st_ino || now.st_dev != st.st_dev {
                close(fd)
                close(folder)
                continue
            }
            self.path = path
            self.folder = folder
            self.name = place.name
            self.fd = fd
            self.existed = existed
            LockedFile.removeStaleTemporaries(in: folder, of: place.name, shownAs: path, notes: notes)
            return
        }
    }

    deinit {
        close(fd)
        close(folder)
    }

    /// Where the file lives once a link at the path is resolved.
    struct Place {
        var folder: String
        var name: String
        /// For a followed link: the owner of the file it named when it was checked.
        var linkTargetOwner: uid_t?
    }

    /// Resolves `path` once: a link is followed only under the ownership rule and only to an
    /// existing file; the result is the real folder and the file name in it.
    static func resolve(_ path: String, create: Bool) throws(DeskError) -> Place {
        var link = stat()
        guard lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK else {
            let (folder, name) = split(path)
            return Place(folder: folder, name: name, linkTargetOwner: nil)
        }
        var target = stat()
        if stat(path, &target) != 0 {
            if errno == ENOENT {
                throw .data(DataError(file: path, message: "is a symbolic link to a missing file; desk creates files only at their own name"))
            }
            throw .io("\(path): cannot follow the symbolic link: \(lastSystemMessage())")
        }
        if link.st_uid != geteuid() && link.st_uid != target.st_uid {
            throw .data(DataError(file: path, message:
                "is a symbolic link owned by uid \(link.st_uid), who is neither you nor the owner of the file it names (uid \(target.st_uid)); desk does not follow it"))
        }
        guard let real = realpath(path, nil) else {
            throw .io("\(path): cannot resolve the symbolic link: \(lastSystemMessage())")
        }
        defer { free(real) }
        let (folder, name) = split(String(cString: real))
        return Place(folder: folder, name: name, linkTargetOwner: target.st_uid)
    }

    /// Whether `path` (following links) names the inode `st` describes.
    static func names(_ path: String, _ st: stat) -> Bool {
        var now = stat()
        return stat(path, &now) == 0 && now.st_ino == st.st_ino && now.st_dev == st.st_dev
    }

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

    /// Splits a path into its directory ("." when none) and file name.
    static func split(_ path: String) -> (dir: String, base: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let dir = String(path[..<slash])
        return (dir.isEmpty ? "/" : dir, String(path[path.index(after: slash)...]))
    }

    /// The prefix of temporary files for the file named `name`: `.NAME.desk-tmp.`. A long name
    /// is cut and followed by a hash of the whole name, so the temporary name stays within
    /// NAME_MAX (255 bytes) and never matches another file's temporaries.
    static func temporaryPrefix(of name: String) -> String {
        let base = split(name).base
        guard base.utf8.count > 120 else { return "." + base + ".desk-tmp." }
        var kept = ""
        for ch in base.unicodeScalars {
            if kept.utf8.count + String(ch).utf8.count > 100 { break }
            kept.unicodeScalars.append(ch)
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for b in base.utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        return "." + kept + "~" + String(hash, radix: 16) + ".desk-tmp."
    }

    /// Removes named temporaries of `name` left in `folder` by a killed run.
    static func removeStaleTemporaries(in folder: Int32, of name: String, shownAs path: String, notes: DiagnosticPrinter?) {
        let prefix = Array(temporaryPrefix(of: name).utf8)
        let copy = dup(folder)
        guard copy >= 0, let d = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            return
        }
        defer { closedir(d) }
        var stale: [[UInt8]] = []
        while let entry = readdir(d) {
            let raw = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
            if raw.starts(with: prefix) { stale.append(raw) }
        }
        let shownFolder = split(path).dir
        for raw in stale.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let removed = (raw + [0]).withUnsafeBufferPointer { p in
                p.withMemoryRebound(to: CChar.self) { unlinkat(folder, $0.baseAddress!, 0) == 0 }
            }
            if removed {
                let shown = shownFolder + "/" + String(decoding: raw, as: UTF8.self)
                notes?.print(Diagnostic(.note, "removed \(shown), left by an interrupted desk run"))
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

    /// O_TMPFILE (Linux): a file created in a folder without a name.
    static let nameless: Int32 = 0o20_000_000 | O_DIRECTORY
    /// AT_EMPTY_PATH (Linux): linkat names the descriptor itself.
    static let emptyPath: Int32 = 0x1000

    /// Rewrites the locked file: `produce` reads the old content from `input` (a descriptor at
    /// offset 0) and writes the new content to `output`. The file is replaced only if
    /// `produce` returns normally and every write and sync succeeded.
    public func rewrite(_ produce: (_ input: Int32, _ output: OutputSink) throws(DeskError) -> Void) throws(DeskError) {
        var random = SystemRandomNumberGenerator()
        let tmp = LockedFile.temporaryPrefix(of: name) + "\(getpid()).\(random.next() % 1_000_000)"
        var st = stat()
        let mode: mode_t = fstat(fd, &st) == 0 && existed ? (st.st_mode & 0o7777) : 0o600
        // Nameless first; a named temporary where the file system cannot do that.
        // (Naming it later needs /proc, or a privilege: without /proc, named from the start.)
        var out: Int32 = access("/proc/self/fd", F_OK) == 0 ? openat(folder, ".", LockedFile.nameless | O_WRONLY | O_CLOEXEC, mode) : -1
        let named = out < 0
        if named { out = openat(folder, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode) }
        if out < 0 { throw .io("\(path): cannot create a temporary file: \(lastSystemMessage())") }
        var linked = named
        var closed = false
        defer {
            if !closed { close(out) }
            if linked { unlinkat(folder, tmp, 0) }
        }
        if existed { _ = fchown(out, st.st_uid, st.st_gid) }
        // open(2) applied the umask, and a chown may clear set-id bits: set the mode exactly.
        if fchmod(out, mode) != 0 { throw .io("\(path): cannot set the temporary file's mode: \(lastSystemMessage())") }
        let sink = OutputSink(fd: out, name: path)
        lseek(fd, 0, SEEK_SET)
        try produce(fd, sink)
        try sink.flush()
        if fsync(out) != 0 { throw .io("\(path): fsync failed: \(lastSystemMessage())") }
        if !named {
            // Give the finished file its temporary name (linkat through /proc needs no privilege).
            if linkat(AT_FDCWD, "/proc/self/fd/\(out)", folder, tmp, AT_SYMLINK_FOLLOW) != 0
                && linkat(out, "", folder, tmp, LockedFile.emptyPath) != 0 {
                throw .io("\(path): cannot name the temporary file: \(lastSystemMessage())")
            }
            linked = true
        }
        closed = true
        if close(out) != 0 { throw .io("\(path): close failed: \(lastSystemMessage())") }
        if renameat(folder, tmp, folder, name) != 0 { throw .io("\(path): cannot replace: \(lastSystemMessage())") }
        linked = false
        _ = fsync(folder)
    }
}
