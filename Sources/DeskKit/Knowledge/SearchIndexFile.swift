// The index kept beside the kb file (`KB.idx`, written by `desk kb index`) so that a search over
// 10k articles and 100k resolved tickets does not tokenize them all again. It records every
// source file's path, size, modification time and content hash; before it is used each source
// is read and compared. A stale index is never used silently: it is rebuilt, rewritten and the
// rebuild is noted on stderr. An index built from other files is not used (noted too).
// Layout: "DESKKBX1", then each array as a count and its little-endian elements.
#if canImport(Glibc)
import Glibc
#endif

enum SearchIndexFile {
    static let magic = Array("DESKKBX1".utf8)

    /// The index file of a kb file.
    static func path(forKB kb: String) -> String { kb + ".idx" }

    /// The search over `articlePaths` and `ticketPaths`: from the index file of `kb` when it is
    /// fresh, else built (and, when the index file exists but is stale, rewritten).
    /// `ticketPaths` nil means the ticket files the index file was built with (none without one).
    static func open(kb: String?, articlePaths: [String], ticketPaths: [String]?, _ ctx: Context) throws(DeskError) -> KnowledgeSearch {
        let ixPath = kb.map(path(forKB:))
        let stored = ixPath.flatMap(read)
        var ticketPaths = ticketPaths ?? []
        if let stored, ticketPaths.isEmpty, stored.sources.count > articlePaths.count,
            Array(stored.sources.prefix(articlePaths.count).map(\.path)) == articlePaths.map(SourceFile.canonical) {
            ticketPaths = stored.sources.dropFirst(articlePaths.count).map(\.path)
        }
        var articles: [SourceFile] = []
        for p in articlePaths { articles.append(try SourceFile(path: p)) }
        var tickets: [SourceFile] = []
        for p in ticketPaths { tickets.append(try SourceFile(path: p)) }
        let files = articles + tickets
        func rebuild(_ why: String) throws(DeskError) -> KnowledgeSearch {
            let index = try SearchIndex.build(articleFiles: articles, ticketFiles: tickets)
            if let ixPath {
                ctx.diagnostics.print(Diagnostic(.note, file: ixPath, "\(why); rebuilding it"))
                try write(index, to: ixPath)
            }
            return KnowledgeSearch(files: files, index: index)
        }
        guard let ixPath else { return KnowledgeSearch(files: files, index: try SearchIndex.build(articleFiles: articles, ticketFiles: tickets)) }
        if let stored {
            if stored.sources.map(\.path) == files.map(\.stamp.path) {
                if let why = staleness(stored.sources, files.map(\.stamp), names: files.map(\.name)) { return try rebuild("the index is stale (\(why))") }
                return KnowledgeSearch(files: files, index: stored)
            }
            ctx.diagnostics.print(Diagnostic(.note, file: ixPath, "the index covers other files (\(stored.sources.map(\.path).joined(separator: ", "))); searching without it"))
        } else if fileExists(ixPath) {
            return try rebuild("not a desk index (or from another version)")
        }
        return KnowledgeSearch(files: files, index: try SearchIndex.build(articleFiles: articles, ticketFiles: tickets))
    }

    /// Why the recorded stamps do not match the files now, or nil when they do.
    static func staleness(_ recorded: [SourceStamp], _ now: [SourceStamp], names: [String]? = nil) -> String? {
        for (i, (r, n)) in zip(recorded, now).enumerated() {
            let name = names.map { $0[i] } ?? n.path
            if r.size != n.size { return "\(name) changed size" }
            if r.mtimeSeconds != n.mtimeSeconds || r.mtimeNanoseconds != n.mtimeNanoseconds { return "\(name) was modified" }
            if r.hash != n.hash { return "\(name) changed content" }
        }
        return nil
    }

    static func fileExists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    // MARK: Encoding

    static func encode(_ ix: SearchIndex) -> [UInt8] {
        var out = magic
        func int(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func array<T>(_ a: [T]) {
            int(UInt64(a.count))
            a.withUnsafeBytes { out.append(contentsOf: $0) }
        }
        int(UInt64(ix.sources.count))
        for s in ix.sources {
            array(Array(s.path.utf8))
            int(s.size)
            int(UInt64(bitPattern: s.mtimeSeconds))
            int(UInt64(bitPattern: s.mtimeNanoseconds))
            int(s.hash)
        }
        array(ix.docKind)
        array(ix.docStatus)
        array(ix.docSource)
        array(ix.docStart)
        array(ix.docEnd)
        array(ix.docLength)
        array(ix.idBlob)
        array(ix.idStart)
        array(ix.termHash)
        array(ix.postStart)
        array(ix.postDoc)
        array(ix.postFreq)
        array(ix.averageLength)
        return out
    }

    /// Reads an index file; nil when it is missing or not one desk wrote (then it is rebuilt).
    static func read(_ path: String) -> SearchIndex? {
        guard fileExists(path), let file = try? SourceFile(path: path, hashed: false) else { return nil }
        return decode(file.bytes.buffer)
    }

    static func decode(_ bytes: [UInt8]) -> SearchIndex? { bytes.withUnsafeBytes { decode($0) } }

    static func decode(_ bytes: UnsafeRawBufferPointer) -> SearchIndex? {
        guard bytes.count >= magic.count, bytes[0..<magic.count].elementsEqual(magic) else { return nil }
        var pos = magic.count
        func int() -> UInt64? {
            guard pos + 8 <= bytes.count else { return nil }
            let v = bytes.loadUnaligned(fromByteOffset: pos, as: UInt64.self)
            pos += 8
            return UInt64(littleEndian: v)
        }
        func array<T>(_: T.Type) -> [T]? {
            guard let n64 = int(), n64 < UInt64(bytes.count) else { return nil }
            let n = Int(n64)
            let size = n * MemoryLayout<T>.stride
            guard pos + size <= bytes.count else { return nil }
            let start = pos
            pos += size
            return [T](unsafeUninitializedCapacity: n) { buf, count in
                if size > 0, let dst = buf.baseAddress, let src = bytes.baseAddress {
                    memcpy(dst, src + start, size)
                }
                count = n
            }
        }
        var ix = SearchIndex()
        guard let sourceCount = int(), sourceCount < 65536 else { return nil }
        for _ in 0..<sourceCount {
            guard let p = array(UInt8.self), let size = int(), let ms = int(), let mn = int(), let h = int() else { return nil }
            ix.sources.append(SourceStamp(
                path: String(decoding: p, as: UTF8.self), size: size, mtimeSeconds: Int64(bitPattern: ms),
                mtimeNanoseconds: Int64(bitPattern: mn), hash: h))
        }
        guard let kind = array(UInt8.self), let status = array(UInt8.self), let source = array(UInt16.self),
            let start = array(UInt64.self), let end = array(UInt64.self), let length = array(Float.self),
            let ids = array(UInt8.self), let idStart = array(UInt32.self), let terms = array(UInt64.self),
            let postStart = array(UInt32.self), let postDoc = array(UInt32.self), let postFreq = array(Float.self),
            let avg = array(Float.self), pos == bytes.count
        else { return nil }
        let n = kind.count
        // A damaged file must not make the search read out of bounds: check the shapes.
        guard status.count == n, source.count == n, start.count == n, end.count == n, length.count == n,
            idStart.count == n + 1, idStart.last.map({ Int($0) == ids.count }) ?? false,
            postStart.count == terms.count + 1, postStart.last.map({ Int($0) == postDoc.count }) ?? false,
            postFreq.count == postDoc.count, avg.count == 2,
            postDoc.allSatisfy({ Int($0) < n }), source.allSatisfy({ Int($0) < ix.sources.count }),
            zip(idStart, idStart.dropFirst()).allSatisfy({ $0 <= $1 }),
            zip(postStart, postStart.dropFirst()).allSatisfy({ $0 <= $1 })
        else { return nil }
        for d in 0..<n where start[d] > end[d] || end[d] > ix.sources[Int(source[d])].size { return nil }
        ix.docKind = kind
        ix.docStatus = status
        ix.docSource = source
        ix.docStart = start
        ix.docEnd = end
        ix.docLength = length
        ix.idBlob = ids
        ix.idStart = idStart
        ix.termHash = terms
        ix.postStart = postStart
        ix.postDoc = postDoc
        ix.postFreq = postFreq
        ix.averageLength = avg
        return ix
    }

    /// Writes the index atomically (temporary file, then rename).
    static func write(_ ix: SearchIndex, to path: String) throws(DeskError) {
        let bytes = encode(ix)
        let tmp = path + ".tmp.\(getpid())"
        let fd = Glibc.open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 { throw .io("\(tmp): cannot create: \(lastSystemMessage())") }
        do throws(DeskError) {
            try LockedFile.writeAll(fd: fd, bytes, name: tmp)
            if fsync(fd) != 0 { throw .io("\(tmp): fsync failed: \(lastSystemMessage())") }
        } catch {
            close(fd)
            unlink(tmp)
            throw error
        }
        close(fd)
        if rename(tmp, path) != 0 {
            let why = lastSystemMessage()
            unlink(tmp)
            throw .io("\(path): cannot replace: \(why)")
        }
    }
}
