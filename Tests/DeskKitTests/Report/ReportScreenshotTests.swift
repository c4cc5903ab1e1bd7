// The html report as a browser lays it out: headless Chromium renders the Examples' November
// report at desktop (1280 px) and phone (390 px) widths, and prints it to PDF (read back with
// poppler's pdfinfo, pdftotext and pdftoppm). Skipped, with the reason, when Chromium or
// poppler is missing (.ci/run installs both). DESK_SCREENSHOTS=DIR keeps the pictures.
import Foundation
import Testing

@testable import DeskKit

@Suite(.serialized) struct ReportScreenshotTests {
    static func tool(_ names: [String]) -> String? {
        for dir in ["/usr/bin", "/usr/local/bin", "/snap/bin"] {
            for n in names where FileManager.default.isExecutableFile(atPath: dir + "/" + n) { return dir + "/" + n }
        }
        return nil
    }
    static let chromium = tool(["chromium", "chromium-browser", "google-chrome", "chrome"])
    static let poppler = tool(["pdftoppm"]) != nil && tool(["pdftotext"]) != nil && tool(["pdfinfo"]) != nil

    /// The report the screenshots show (the README's picture comes from the same command).
    static func reportHTML() throws -> String {
        let root = BinaryRunner.packageRoot
        let r = try runDesk([
            "report", "--month", "2026-11", "--now", "2026-11-30T09:30:00Z", "--trend", "3", "--by", "channel",
            "--format", "html", "--policy", root.appendingPathComponent("Examples/policy-cn-2026.json").path,
            root.appendingPathComponent("Examples/tickets.ndjson").path,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    /// A work directory: DESK_SCREENSHOTS when set (the pictures stay), else a temporary one.
    static func workDir() throws -> URL {
        if let d = ProcessInfo.processInfo.environment["DESK_SCREENSHOTS"] {
            let u = URL(fileURLWithPath: d)
            try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
            return u
        }
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("desk-shots-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }

    @discardableResult
    static func run(_ exe: String, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(exe) \(args.joined(separator: " ")) exited \(p.terminationStatus)")
        return String(decoding: data, as: UTF8.self)
    }

    static func chrome(_ args: [String]) throws -> String {
        try run(chromium!, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                            "--user-data-dir=" + NSTemporaryDirectory() + "desk-chrome-" + UUID().uuidString] + args)
    }

    /// Width and height from a PNG's IHDR chunk.
    static func pngSize(_ url: URL) throws -> (Int, Int) {
        let d = [UInt8](try Data(contentsOf: url))
        guard d.count > 24, d[1] == 0x50, d[2] == 0x4E, d[3] == 0x47 else { throw TestFailure("not a PNG: \(url.path)") }
        func be(_ i: Int) -> Int { Int(d[i]) << 24 | Int(d[i + 1]) << 16 | Int(d[i + 2]) << 8 | Int(d[i + 3]) }
        return (be(16), be(20))
    }

    /// The page inside a frame of the given width. Why: a headless Chromium window is never
    /// narrower than 500 px, but a frame is a viewport of its own (its media queries apply).
    static func framed(_ html: String, width: Int, height: Int) -> String {
        var attr = ""
        for ch in html {
            switch ch {
            case "&": attr += "&amp;"
            case "\"": attr += "&quot;"
            default: attr.append(ch)
            }
        }
        return "<!DOCTYPE html><html><body style=\"margin:0\"><iframe style=\"border:0;display:block\" width=\"\(width)\" height=\"\(height)\" srcdoc=\""
            + attr + "\"></iframe></body></html>\n"
    }

    /// Lays the page out at a width and returns what a probe measured: the page's scroll width,
    /// the tops of the first tile and of the summary table, and the tiles' status words. The
    /// probe script is added to the test's copy only; the report itself has none.
    static func layout(width: Int, dir: URL) throws -> [String: String] {
        var html = try reportHTML()
        #expect(!html.contains("<script"))
        let probe = """
            <script>
            const r = s => document.querySelector(s).getBoundingClientRect();
            const words = [...document.querySelectorAll('.tile .status')].map(e => e.textContent).join('|');
            parent.document.body.setAttribute('data-probe', JSON.stringify({scrollWidth: String(document.documentElement.scrollWidth),
              tileTop: String(r('.tile').top), summaryTop: String(r('table').top), tileWidth: String(r('.tile').width), words}));
            </script>
            """
        html = html.replacingOccurrences(of: "</body>", with: probe + "</body>")
        let file = dir.appendingPathComponent("probe-\(width).html")
        try framed(html, width: width, height: 900).write(to: file, atomically: true, encoding: .utf8)
        let dom = try chrome(["--window-size=\(max(500, width)),900", "--virtual-time-budget=3000", "--dump-dom", file.absoluteString])
        guard let a = dom.range(of: "data-probe=\""), let b = dom[a.upperBound...].firstIndex(of: "\"") else {
            throw TestFailure("no probe in the dumped page")
        }
        let json = String(dom[a.upperBound..<b]).replacingOccurrences(of: "&quot;", with: "\"")
        return try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String] ?? [:]
    }

    @Test(.enabled(if: ReportScreenshotTests.chromium != nil, "chromium is not installed: the html screenshot test is skipped"),
          arguments: [1280, 390])
    func readsAtDesktopAndPhoneWidths(width: Int) throws {
        let dir = try ReportScreenshotTests.workDir()
        let m = try ReportScreenshotTests.layout(width: width, dir: dir)
        // Nothing wider than the window: wide tables scroll inside their own box.
        #expect(Int(m["scrollWidth"] ?? "") ?? .max <= width, "\(m)")
        // The tiles come before the summary table, and say met or missed in words.
        #expect((Double(m["tileTop"] ?? "") ?? .infinity) < (Double(m["summaryTop"] ?? "") ?? 0), "\(m)")
        #expect(m["words"]?.contains("missed") == true, "\(m)")
        // At phone width two tiles sit side by side.
        if width < 600 { #expect((Double(m["tileWidth"] ?? "") ?? .infinity) < Double(width) / 2, "\(m)") }

        let shot = dir.appendingPathComponent("report-\(width).png")
        let page = dir.appendingPathComponent("framed-\(width).html")
        let height = width < 600 ? 1600 : 1000
        try ReportScreenshotTests.framed(try ReportScreenshotTests.reportHTML(), width: width, height: height)
            .write(to: page, atomically: true, encoding: .utf8)
        _ = try ReportScreenshotTests.chrome(["--window-size=\(max(500, width)),\(height)", "--screenshot=" + shot.path, page.absoluteString])
        let (w, h) = try ReportScreenshotTests.pngSize(shot)
        #expect(w == max(500, width) && h == height)
        // A blank page compresses to a few hundred bytes; the report's picture is far larger.
        let bytes = (try FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int) ?? 0
        #expect(bytes > 20_000, "screenshot of \(bytes) bytes looks blank")
    }

    @Test(.enabled(if: ReportScreenshotTests.chromium != nil && ReportScreenshotTests.poppler,
                   "chromium or poppler-utils is not installed: the printed-report check is skipped"))
    func printsToPDF() throws {
        let dir = try ReportScreenshotTests.workDir()
        let page = dir.appendingPathComponent("report.html")
        try ReportScreenshotTests.reportHTML().write(to: page, atomically: true, encoding: .utf8)
        let pdf = dir.appendingPathComponent("report.pdf")
        _ = try ReportScreenshotTests.chrome(["--no-pdf-header-footer", "--print-to-pdf=" + pdf.path, page.absoluteString])
        let info = try ReportScreenshotTests.run(ReportScreenshotTests.tool(["pdfinfo"])!, [pdf.path])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        #expect((2...12).contains(pages), "\(pages) pages")
        // Page one carries the tiles with their words (a grey print still tells met from missed).
        let first = try ReportScreenshotTests.run(ReportScreenshotTests.tool(["pdftotext"])!, ["-f", "1", "-l", "1", "-layout", pdf.path, "-"])
        for text in ["Service desk report 2026-11", "2026-11-01 to 2026-11-30", "First response SLA", "missed", "target: 100% of tickets"] {
            #expect(first.contains(text), "page 1 lacks '\(text)'")
        }
        // The definitions end the last page.
        let all = try ReportScreenshotTests.run(ReportScreenshotTests.tool(["pdftotext"])!, [pdf.path, "-"])
        #expect(all.contains("Definitions"))
        try ReportScreenshotTests.run(
            ReportScreenshotTests.tool(["pdftoppm"])!, ["-r", "40", "-gray", "-f", "1", "-l", "1", "-png", pdf.path, dir.appendingPathComponent("print").path])
        let rendered = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("print") && $0.hasSuffix(".png") }
        #expect(rendered.count == 1)
    }
}
