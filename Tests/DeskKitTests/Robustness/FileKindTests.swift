// desk rewrites and appends only to regular files. Regression: `-i` on a device node renamed
// its temporary file over the node, so as root `desk ... -i /dev/null` would have replaced
// /dev/null with a ticket file. (FIFOs and symbolic links are golden cases in cases/hostile/.)
import Foundation
import Testing

@Suite struct FileKindTests {
    @Test(.enabled(if: getuid() == 0, "creating a device node needs root"), arguments: ["-i", "-a"])
    func deviceNodeIsRefusedAndKept(_ flag: String) throws {
        let dir = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A second /dev/null (char 1:3) inside the scratch folder.
        let run = try BinaryRunner.shell(
            "mknod null c 1 3 && desk open --id N1 --channel web --title x \(flag) null; s=$?; stat -c %F null; ls -a; exit $s",
            in: dir)
        #expect(run.status == 3)
        #expect(run.stderr == "null: error: is not a regular file, expected a file of tickets\n")
        #expect(run.stdout == "character special file\n.\n..\nnull\n")
    }
}
