// The duplicate-id set of `desk check`: every repeated id is found with the line it was first
// seen on, across shard growth, no two distinct ids of a large set are taken for one, its
// memory stays near 14 bytes per id, and across files the first place is named with its file.
import Foundation
import Testing

@testable import DeskKit

@Suite struct SeenIdsTests {
    @Test func findsEveryRepeatWithItsFirstLine() {
        let seen = SeenIds()
        let n = 200_000
        for i in 0..<n { #expect(seen.insert("T-2026-\(i)", line: UInt32(i + 1)) == nil) }
        #expect(seen.count == n)
        var wrong = 0
        for i in stride(from: 0, to: n, by: 7) where seen.insert("T-2026-\(i)", line: UInt32(n + i + 1)) != UInt32(i + 1) { wrong += 1 }
        #expect(wrong == 0)
        #expect(seen.count == n)
        // Short probe runs: ids spread over each shard (at most 9/10 full, linear probing;
        // ids all homed on one slot would take thousands per id).
        #expect(seen.probes < 100 * n)
        // Ids that differ only in length or a trailing zero byte are different ids.
        #expect(seen.insert("T-2026-1\u{0}", line: 1) == nil)
        #expect(seen.insert("", line: 2) == nil)
        #expect(seen.insert("", line: 3) == 2)
    }

    @Test func memoryPerIdIsBounded() {
        let seen = SeenIds()
        for i in 0..<300_000 { _ = seen.insert("DK-\(i)", line: UInt32(i + 1)) }
        // 12-byte slots at least 9/11 full (after a grow) plus under a page per shard.
        #expect(seen.reservedBytes <= 300_000 * 15 + 64 * 4096)
    }

    @Test func duplicatesAcrossFilesNameTheFirstFile() throws {
        let dir = NSTemporaryDirectory() + "desk-seen-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func ticket(_ id: String) -> String { #"{"id":"\#(id)","opened_at":"2026-11-02T02:00:00Z","channel":"email","status":"open","title":"VPN drops"}"# }
        try ([ticket("A"), "", ticket("B"), ticket("A")].joined(separator: "\n") + "\n").write(toFile: dir + "/a.ndjson", atomically: true, encoding: .utf8)
        try ([ticket("C"), ticket("B"), ticket("C")].joined(separator: "\n") + "\n").write(toFile: dir + "/b.ndjson", atomically: true, encoding: .utf8)
        let r = try runDesk(["check", "--now", "2026-11-02T03:00:00Z", "--rule", "duplicate-id", "--quiet", dir + "/a.ndjson", dir + "/b.ndjson"])
        #expect(r.status == 1)
        #expect(
            r.stdout.replacingOccurrences(of: dir + "/", with: "") == """
                a.ndjson:4:7: A: duplicate-id: error: id already used at line 1; ids must be unique
                b.ndjson:2:7: B: duplicate-id: error: id already used at a.ndjson:3; ids must be unique
                b.ndjson:3:7: C: duplicate-id: error: id already used at line 1; ids must be unique

                """)
    }
}
