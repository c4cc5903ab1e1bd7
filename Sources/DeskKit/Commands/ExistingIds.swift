// `open -a` must not add a second ticket with an id the file already holds (every later `--id`
// would then pick both). The file is read under the same lock the append holds, so no other
// desk can add the id in between; a line is only parsed when the id's bytes occur in it.
#if canImport(Glibc)
import Glibc
#endif

extension LockedFile {
    /// Throws a data error (exit 3) naming the line of the first ticket in the file whose id is
    /// one of `ids`. Lines that are not JSON objects are no ticket and are passed over.
    func refuseExisting(ids: Set<String>) throws(DeskError) {
        guard !ids.isEmpty, existed else { return }
        if lseek(fd, 0, SEEK_SET) < 0 { throw .io("\(path): cannot seek: \(lastSystemMessage())") }
        let needles: [[UInt8]] = ids.map { id in
            var quoted: [UInt8] = []
            JSONWriter.writeString(id, to: &quoted)
            return quoted
        }
        var reader = LineReader(fd: fd, name: path)
        let name = path
        try reader.forEachLine { (number, bytes) throws(DeskError) in
            guard let base = bytes.baseAddress else { return }
            // Fast reject: none of the ids as a JSON string, nor an escape that could spell one.
            let mayHold = memchr(base, 0x5C, bytes.count) != nil
                || needles.contains { n in LockedFile.occurs(n, in: bytes) }
            guard mayHold else { return }
            var found: String? = nil
            try? JSONParser.scanMembers(bytes) { span in
                guard found == nil, TicketField.match(bytes, span)?.field == .id,
                      let id = RawJSON.string(bytes, span.valueRange), ids.contains(id) else { return }
                found = id
            }
            if let id = found {
                throw .data(DataError(file: name, line: number,
                    message: "a ticket with id '\(id)' already exists here; nothing was appended (edit it with desk edit --id \(id))"))
            }
        }
    }

    /// Whether `needle` occurs in `hay` (memchr for the first byte, memcmp for the rest).
    static func occurs(_ needle: [UInt8], in hay: UnsafeRawBufferPointer) -> Bool {
        guard let base = hay.baseAddress, !needle.isEmpty, hay.count >= needle.count else { return false }
        var i = 0
        let last = hay.count - needle.count
        while i <= last {
            guard let hit = memchr(base + i, Int32(needle[0]), last - i + 1) else { return false }
            let at = UnsafeRawPointer(hit) - base
            if memcmp(hit, needle, needle.count) == 0 { return true }
            i = at + 1
        }
        return false
    }
}
