// libFuzzer entry point over desk's JSON parser and ticket decoder. Built by fuzz/run.sh with
// `swiftc -sanitize=fuzzer,address` together with DeskKit's sources (not part of the package).
// Every input must either parse or throw a positioned error; a crash, a hang or a sanitizer
// report is a bug. Checked properties:
// - a parsed value survives a write/parse round trip unchanged;
// - an unchanged ticket writes back byte for byte;
// - a changed ticket (as a transforming command changes one) is still a valid ticket with the
//   same id, and every member it did not touch keeps its exact bytes;
// - an error's position lies inside the line (column >= 1).

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
        start = i + 1
        let ticket: Ticket
        do throws(TicketError) {
            ticket = try Ticket(line: line)
        } catch {
            if error.column < 1 { fatalError("error without a position: \(error.message)") }
            continue
        }
        guard ticket.line == Array(line) else { fatalError("unchanged ticket not written byte for byte") }
        _ = ticket.value("requester")
        _ = ticket.json
        // Change it as `open --reopen` does and check the result is a ticket again.
        var changed = ticket
        changed.append(.object(JSONObject([JSONMember("reason", .string("fuzz"))])), to: "reopened")
        changed.setStatus(.inProgress)
        changed.record("reopened", at: Instant(seconds: 0), by: "fuzz")
        let out = changed.line
        guard let back = try? Ticket(bytes: out) else { fatalError("changed ticket no longer parses") }
        guard back.id == ticket.id, back.status == .inProgress else { fatalError("changed ticket lost its id or status") }
        for key in ticket.keys where !["reopened", "status", "history"].contains(key) {
            guard back.value(key) == ticket.value(key) else { fatalError("untouched member '\(key)' changed") }
        }
    }
    return 0
}
