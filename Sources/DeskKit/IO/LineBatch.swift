// A batch of input lines for the commands that work on lines in parallel (check, classify):
// the reader appends lines until about `target` bytes, then the batch is cut at line
// boundaries into runs of about equal bytes, one per thread, and the results are used in
// line order, so the output is the same as one pass's.

/// Lines read and not yet worked on (linted by `check`, classified by `classify`): their bytes
/// one after another, where each came from. About `target` bytes are gathered before the
/// batch is cut into runs for threads, so memory stays flat whatever the input's size.
struct LineBatch: Sendable {
    struct Line: Sendable {
        var file: Int32
        var line: Int
        var range: Range<Int>
    }

    /// Bytes gathered before a batch is worked on: small, since the batch counts against check's
    /// memory budget per id (docs/CHECK.md), large enough that starting threads costs little.
    static let target = 512 << 10
    var bytes: [UInt8] = []
    var lines: [Line] = []
    var files: [String] = []

    mutating func append(file: String, line: Int, _ line_: UnsafeRawBufferPointer) {
        if files.last != file { files.append(file) }
        let start = bytes.count
        // Room for a batch and its last line at once, not the doubling of appends.
        if bytes.capacity < start + line_.count { bytes.reserveCapacity(max(LineBatch.target + 64 << 10, start + line_.count)) }
        bytes.append(contentsOf: line_)
        lines.append(Line(file: Int32(files.count - 1), line: line, range: start..<bytes.count))
    }

    /// Empties the batch, keeping its storage.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
        files.removeAll(keepingCapacity: true)
    }

    /// Cut points into `lines` for up to `parts` runs of about equal bytes: `parts + 1`
    /// ascending indexes from 0 to `lines.count` (small batches get a single run: not worth a thread).
    func cuts(parts wanted: Int) -> [Int] {
        let parts = bytes.count < LineBatch.target / 4 ? 1 : max(1, min(wanted, lines.count))
        var cuts = [0]
        var k = 0
        for p in 1..<max(1, parts) {
            let want = bytes.count * p / parts
            while k < lines.count && lines[k].range.lowerBound < want { k += 1 }
            cuts.append(max(k, cuts[cuts.count - 1]))
        }
        cuts.append(lines.count)
        return cuts
    }
}
