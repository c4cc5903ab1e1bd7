// The command line as the kernel hands it over: bytes. Swift's CommandLine.arguments repairs
// bytes that are not UTF-8 (each becomes U+FFFD), so `open -a` given a Latin-1 file name
// appended to a different file, named with the replacement characters. desk works with UTF-8
// text throughout, so an argument that is not UTF-8 is a usage error (exit 2), before any file
// is touched.
#if canImport(Glibc)
import Glibc
#endif

extension Desk {
    /// Runs desk with the process's raw argv (main.swift passes CommandLine's), refusing an
    /// argument that is not valid UTF-8.
    public static func main(argc: Int32, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
        var arguments: [String] = []
        for i in 1..<max(1, Int(argc)) {
            guard let p = argv[i] else { continue }
            let bytes = UnsafeRawBufferPointer(start: p, count: strlen(p))
            guard let text = RawArguments.utf8(bytes) else {
                StandardDescriptors.reopenClosed()
                let ctx = Context.process()
                ctx.diagnostics.print(Diagnostic(.error,
                    "argument \(i) is not valid UTF-8: '\(RawArguments.shown(bytes))'; desk takes file names and values as UTF-8 text"))
                try? ctx.stderr.flush()
                return 2
            }
            arguments.append(text)
        }
        return main(arguments)
    }
}

enum RawArguments {
    /// The text of `bytes` when they are valid UTF-8, else nil.
    static func utf8(_ bytes: UnsafeRawBufferPointer) -> String? {
        let s = String(decoding: bytes, as: UTF8.self)
        return s.utf8.elementsEqual(bytes) ? s : nil
    }

    /// The bytes with every byte that is not part of valid UTF-8 shown as `\xNN`.
    static func shown(_ bytes: UnsafeRawBufferPointer) -> String {
        var out = ""
        var i = 0
        let b = Array(bytes)
        while i < b.count {
            // The longest valid sequence starting here (1 to 4 bytes), else one bad byte.
            var taken = 0
            for n in 1...min(4, b.count - i) {
                let piece = b[i..<(i + n)]
                let s = String(decoding: piece, as: UTF8.self)
                if s.utf8.elementsEqual(piece) && !s.isEmpty {
                    out += s
                    taken = n
                    break
                }
            }
            if taken == 0 {
                let hex = String(b[i], radix: 16, uppercase: true)
                out += "\\x" + (hex.count == 1 ? "0" : "") + hex
                taken = 1
            }
            i += taken
        }
        return out
    }
}
