// libFuzzer entry point over desk's JSON parser and ticket decoder. Built by fuzz/run.sh with
// `swiftc -sanitize=fuzzer,address` together with DeskKit's sources (not part of the package).
// Every input must either parse or throw a positioned error; a crash, a hang or a sanitizer
// report is a bug. Checked properties:
// - a parsed value survives a write/parse round trip unchanged;
// - an unchanged ticket writes back byte for byte;
// - a changed ticket (as a transforming command changes one) is still a valid ticket with the
//   same id, and every member it did not touch keeps its exact bytes;
// - an error's position lies inside the line (column >= 1);
// - the report's fact reader (which reads members straight from the bytes, skipping nested
//   values without validating them again) accepts and refuses exactly the lines the ticket
//   decoder does, with the same error, and reads the same values as the decoded tree.

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
        let facts: Result<TicketFacts, TicketError>
        do throws(TicketError) { facts = .success(try TicketFacts(line: line)) } catch { facts = .failure(error) }
        do throws(TicketError) {
            ticket = try Ticket(line: line)
        } catch {
            if error.column < 1 { fatalError("error without a position: \(error.message)") }
            guard case .failure(let e) = facts, e == error else { fatalError("fact reader and decoder disagree on a bad line") }
            continue
        }
        guard case .success(let f) = facts else { fatalError("fact reader refused a valid ticket") }
        checkFacts(f, ticket)
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

/// The facts read from bytes equal those read from the decoded tree.
func checkFacts(_ f: TicketFacts, _ t: Ticket) {
    func same<T: Equatable>(_ a: T?, _ b: T?, _ what: String) {
        if a != b { fatalError("fact reader: \(what) differs: \(String(describing: a)) vs \(String(describing: b))") }
    }
    same(f.id, t.id, "id")
    same(f.openedAt, t.openedAt, "opened_at")
    same(f.priorityText, t.string("priority"), "priority")
    same(f.owner, t.string("owner"), "owner")
    same(f.category, t.string("category"), "category")
    same(f.assignee, t.string("assignee"), "assignee")
    same(f.tier, t.string("tier"), "tier")
    same(f.answered, t.value("answered")?.boolValue, "answered")
    same(f.firstResponseAt, t.instant("first_response_at"), "first_response_at")
    if t.status.isFinished {
        same(f.resolvedAt, t.object("resolution")?["at"]?.stringValue.flatMap { Instant(rfc3339: $0) }, "resolution.at")
    }
    let escalations = t.array("escalations").filter { $0.objectValue != nil }
    same(f.escalations.count, escalations.count, "escalations")
    same(f.reopened, !t.array("reopened").isEmpty, "reopened")
    if let s = t.object("survey") {
        same(f.survey?.efficiency, s["efficiency"]?.doubleValue, "survey.efficiency")
        same(f.survey?.respondedAt, s["responded_at"]?.stringValue.flatMap { Instant(rfc3339: $0) }, "survey.responded_at")
        if f.survey?.scores != nil { same(f.survey?.comment, s["comment"]?.stringValue, "survey.comment") }
    } else {
        same(f.survey == nil, true, "survey")
    }
}
