// Where the knowledge base is (issue 14 item 1): `--kb FILE`, else DESK_KB (the parser fills the
// flag from it), else the policy's `knowledge.kb`. Commands that read or write the kb fill the
// flag once, so every later `args.string("kb")` sees the same answer.

enum KbLocation {
    /// `args` with `kb` set from the policy when neither the flag nor DESK_KB gave one.
    static func filled(_ args: ParsedArguments, _ ctx: Context) throws(DeskError) -> ParsedArguments {
        guard !args.has("kb"), let kb = try Policy.load(args, ctx).knowledge.kb else { return args }
        var out = args
        out.values["kb"] = [kb]
        return out
    }
}
