// desk's `bench` figures must equal bench/peers/report.jq's output (the reference definitions).
import Foundation
import Testing

@testable import DeskKit

@Suite struct BenchAgreementTests {
    static var jq: String? {
        for p in ["/usr/bin/jq", "/usr/local/bin/jq"] where FileManager.default.isExecutableFile(atPath: p) { return p }
        return nil
    }

    @Test(.enabled(if: BenchAgreementTests.jq != nil, "jq is not installed: the bench agreement check is skipped"))
    func benchFiguresEqualJq() throws {
        let root = BinaryRunner.packageRoot
        let tickets = root.appendingPathComponent("Examples/tickets.ndjson").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: BenchAgreementTests.jq!)
        p.arguments = ["-n", "-c", "-f", root.appendingPathComponent("bench/peers/report.jq").path, tickets]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let want = try JSONSerialization.jsonObject(with: data) as? NSDictionary

        // The full report carries the peers' figures for a period that holds every ticket.
        let full = try runDesk(["report", "--bench", "--from", "2026-01-01", "--to", "2027-01-01", "--now", "2026-11-30T09:30:00Z", tickets])
        #expect(full.status == 0)
        let doc = try JSONSerialization.jsonObject(with: Data(full.stdout.utf8)) as? NSDictionary
        #expect(doc?["bench"] as? NSDictionary == want)
    }
}
