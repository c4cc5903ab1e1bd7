// The loop every ticket command shares: read each line, decode the ticket, let the command
// look at or change it, write it out (unchanged tickets byte for byte). Output goes to stdout
// as it streams, or with `-i FILE` to a temporary file that replaces FILE only when the whole
// run succeeded. On stdout a bad line ends the stream with exit 3, as jq does.

/// Where a ticket was read from.
public struct TicketLocation: Sendable, Equatable {
    public var file: String
    public var line: Int
}

/// Streams tickets through a command.
public enum TicketStream {
    /// Reads every ticket of `paths` (stdin when empty) and calls `visit` with each, in order.
    /// Invalid lines throw a data error with file:line:column.
    public static func read(
        paths: [String], stdin: Int32,
        _ visit: (Ticket, TicketLocation) throws(DeskError) -> Void
    ) throws(DeskError) {
        try InputFile.forEachLine(paths: paths, stdin: stdin) { (file, line, bytes) throws(DeskError) in
            let ticket = try decode(bytes, file: file, line: line)
            try visit(ticket, TicketLocation(file: file, line: line))
        }
    }

    /// Decodes one line, turning a TicketError into a positioned data error.
    public static func decode(_ bytes: UnsafeRawBufferPointer, file: String, line: Int) throws(DeskError) -> Ticket {
        do {
            return try Ticket(line: bytes)
        } catch {
            throw error.at(file: file, line: line)
        }
    }

    /// Runs a transforming command: each ticket goes through `visit` (which may change it) and
    /// is written out; then the tickets `trailer` returns are written at the end. With the
    /// in-place flag set, the inputs are that one file, rewritten atomically under its lock.
    public static func transform(
        _ args: ParsedArguments, _ ctx: Context,
        visit: (inout Ticket, TicketLocation) throws(DeskError) -> Void,
        trailer: () throws(DeskError) -> [Ticket] = { [] }
    ) throws(DeskError) {
        let target = try inPlaceTarget(args)
        try LineRewrite.run(
            target: target, inputs: args.positionals, ctx,
            decode: { (bytes, file, number) throws(DeskError) in try decode(bytes, file: file, line: number) },
            visit: { (ticket, file, number) throws(DeskError) in try visit(&ticket, TicketLocation(file: file, line: number)) },
            finish: { (out) throws(DeskError) in
                for t in try trailer() { try out.write(t.line + [0x0A]) }
            })
    }

    /// `transform` for a change that depends on the ticket alone (no state across tickets), on
    /// up to `threads` threads; the output is the same, line for line.
    public static func transformParallel(
        _ args: ParsedArguments, _ ctx: Context, threads: Int,
        change: @escaping @Sendable (inout Ticket) -> Void,
        trailer: () throws(DeskError) -> [Ticket] = { [] }
    ) throws(DeskError) {
        let target = try inPlaceTarget(args)
        try LineRewrite.runParallel(
            target: target, inputs: args.positionals, ctx, threads: threads,
            change: { (bytes, file, number) throws(DeskError) in
                var ticket = try decode(bytes, file: file, line: number)
                change(&ticket)
                return ticket
            },
            finish: { (out) throws(DeskError) in
                for t in try trailer() { try out.write(t.line + [0x0A]) }
            })
    }

    /// The file `--in-place` names, refused beside input files.
    static func inPlaceTarget(_ args: ParsedArguments) throws(DeskError) -> String? {
        let target = args.string("in-place")
        if target != nil && !args.positionals.isEmpty {
            throw .usage(UsageError(command: args.command, message: "input files cannot be given with --in-place; it reads and rewrites its FILE"))
        }
        return target
    }

    /// The inputs as named in messages: the in-place file, the files given, or `<stdin>`.
    public static func inputName(_ args: ParsedArguments) -> String {
        if let f = args.string("in-place") { return f }
        if args.positionals.isEmpty { return InputFile.stdinName }
        return args.positionals.map { $0 == "-" ? InputFile.stdinName : $0 }.joined(separator: ", ")
    }
}

/// Tracks which `--id` values were found, so a missing id is reported (exit 3), and whether an
/// id picked two tickets, which a changing command refuses rather than change both.
public struct IdSelection {
    public let wanted: Set<String>
    public private(set) var found: Set<String> = []
    /// Where each picked id was first seen (when the caller said).
    var firstSeen: [String: TicketLocation] = [:]
    /// The first id seen twice: where it was first, and where again.
    public private(set) var repeated: (id: String, first: TicketLocation?, again: TicketLocation?)?

    public init(_ ids: [String]) { wanted = Set(ids) }

    /// True when no ids were asked for (every ticket is picked).
    public var isAll: Bool { wanted.isEmpty }

    /// Whether the ticket is picked; records it as found, and notes an id found twice.
    public mutating func picks(_ id: String, at location: TicketLocation? = nil) -> Bool {
        if wanted.isEmpty { return true }
        if wanted.contains(id) {
            if found.contains(id) {
                if repeated == nil { repeated = (id, firstSeen[id], location) }
            } else {
                found.insert(id)
                if let location { firstSeen[id] = location }
            }
            return true
        }
        return false
    }

    /// Throws a data error naming the first id (in the order given) that matched no ticket,
    /// or, unless `allowRepeats`, an id that matched two tickets.
    public func checkAllFound(_ ordered: [String], input: String, allowRepeats: Bool = false) throws(DeskError) {
        if !allowRepeats, let r = repeated {
            var message = "id '\(r.id)' picks more than one ticket"
            if let first = r.first { message += " (also \(first.file):\(first.line))" }
            message += "; nothing was changed: give each ticket its own id"
            throw .data(DataError(file: r.again?.file ?? input, line: r.again?.line ?? 0, message: message))
        }
        let missing = ordered.filter { !found.contains($0) }
        guard let first = missing.first else { return }
        let list = missing.count == 1 ? "id '\(first)'" : "ids " + missing.map { "'\($0)'" }.joined(separator: ", ")
        throw .data(DataError(file: input, message: "no ticket with \(list)"))
    }
}
