// libFuzzer entry point over desk's JSON parser and ticket decoder. Built by fuzz/run.sh with
// `swiftc -sanitize=fuzzer,address` together with DeskKit's sources (not part of the package).
// Every input must either parse or throw a positioned error; a crash, a hang or a sanitizer
// report is a bug. Parsed values must also survive a write/parse round trip unchanged.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    if let value = try? JSONParser.parse(bytes) {
        let written = JSONWriter.bytes(value)
        guard let again = try? JSONParser.parse(written), again == value else {
            fatalError("round trip changed the value")
        }
    }
    // The ticket decoder sees each line, as desk's line reader would split it.
    var start = 0
    for i in 0...size where i == size || bytes[i] == 0x0A {
        let line = UnsafeRawBufferPointer(rebasing: bytes[start..<i])
        if let t = try? Ticket(line: line) {
            _ = t.line
            _ = t.value("requester")
        }
        start = i + 1
    }
    return 0
}
