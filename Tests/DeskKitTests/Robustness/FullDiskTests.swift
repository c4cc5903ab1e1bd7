// A full disk, for real: a small tmpfs is mounted in a scratch folder and filled. An in-place
// rewrite that runs out of space exits 4 naming the file and leaves it byte-identical with no
// temporary file; an append that runs out of space is cut back, so no torn line is left.
// Mounting needs privileges; without them the suite is skipped (and says so). The same
// failures are also covered without a mount by the `ulimit -f` golden cases in cases/hostile/.
import Foundation
import Testing

enum TmpfsProbe {
    /// Whether this process may mount a tmpfs (tried once, on a throwaway folder).
    static let canMount: Bool = {
        guard let dir = try? BinaryRunner.scratch() else { return false }
        defer { try? FileManager.default.removeItem(at: dir) }
        let probe = try? BinaryRunner.shell("mkdir mnt && mount -t tmpfs -o size=64k tmpfs mnt && umount mnt", in: dir, env: [:])
        return probe?.status == 0
    }()
}

@Suite(.serialized, .enabled(if: TmpfsProbe.canMount, "mounting a tmpfs is not permitted here"))
struct FullDiskTests {
    /// Runs `body` (bash) in a scratch folder with a 64 KiB tmpfs at `mnt/` holding
    /// `mnt/t.ndjson` (about 40 KB of tickets); unmounts afterwards.
    func onSmallDisk(_ body: String) throws -> RunResult {
        let dir = try BinaryRunner.scratch()
        defer {
            _ = try? BinaryRunner.shell("umount mnt", in: dir)
            try? FileManager.default.removeItem(at: dir)
        }
        let script = """
            mkdir mnt && mount -t tmpfs -o size=64k tmpfs mnt || exit 99
            python3 -c 'import sys
            for i in range(100):
                sys.stdout.write("{\\"id\\":\\"T%03d\\",\\"opened_at\\":\\"2026-10-14T01:30:00Z\\",\\"channel\\":\\"web\\",\\"status\\":\\"resolved\\",\\"description\\":\\"%s\\"}\\n" % (i, "y" * 300))' > mnt/t.ndjson
            chmod 640 mnt/t.ndjson
            before=$(sha256sum < mnt/t.ndjson)
            \(body)
            s=$?
            [ "$(sha256sum < mnt/t.ndjson)" = "$before" ] && echo unchanged
            ls -a mnt | grep desk-tmp
            stat -c %a mnt/t.ndjson
            exit $s
            """
        return try BinaryRunner.shell(script, in: dir)
    }

    @Test func inPlaceRewriteOutOfSpace() throws {
        let r = try onSmallDisk("desk open --reopen --id T001 --reason again -i mnt/t.ndjson")
        #expect(r.status == 4, "\(r.stderr)")
        #expect(r.stderr == "desk: error: mnt/t.ndjson: write failed: No space left on device\n")
        #expect(r.stdout == "unchanged\n640\n")
    }

    /// Regression: the append wrote what fit and left a torn last line behind.
    @Test func appendOutOfSpaceIsCutBack() throws {
        let r = try onSmallDisk(
            "head -c 20000 /dev/zero > mnt/filler; desk open --channel web --title \"$(head -c 40000 /dev/zero | tr '\\0' q)\" -a mnt/t.ndjson > /dev/null")
        #expect(r.status == 4, "\(r.stderr)")
        #expect(r.stderr == "desk: error: mnt/t.ndjson: write failed: No space left on device\n")
        #expect(r.stdout == "unchanged\n640\n")
    }

    @Test func outputFileOutOfSpace() throws {
        let r = try onSmallDisk("head -c 20000 /dev/zero > mnt/filler; desk show mnt/t.ndjson > mnt/copy.ndjson")
        #expect(r.status == 4)
        #expect(r.stderr == "desk: error: <stdout>: write failed: No space left on device\n")
        #expect(r.stdout == "unchanged\n640\n")
    }
}
