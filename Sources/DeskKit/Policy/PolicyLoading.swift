// Choosing and reading the policy a command runs under: `--policy FILE`, else DESK_POLICY
// (the parser fills the flag from it), else the built-in policy. A policy file may be partial:
// it is laid over the built-in policy key by key (docs/POLICY.md).

extension Policy {
    /// The policy for this run. A bad file is bad input (exit 3), every problem listed with
    /// its JSON path and the file named.
    public static func load(_ args: ParsedArguments, _ ctx: Context) throws(DeskError) -> Policy {
        guard let path = args.string("policy") else { return .builtin }
        return try load(path: path, ctx)
    }

    /// Reads and decodes one policy file.
    public static func load(path: String, _ ctx: Context) throws(DeskError) -> Policy {
        let bytes = try InputFile.readAll(path, stdin: ctx.stdin)
        switch decode(text: String(decoding: bytes, as: UTF8.self)) {
        case .success(let p): return p
        case .failure(let errors):
            let lines = errors.problems.map { "\($0.path): \($0.message)" }
            throw .data(DataError(file: path, message: "invalid policy\n" + lines.map { "  " + $0 }.joined(separator: "\n")))
        }
    }
}
