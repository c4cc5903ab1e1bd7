// Rules every list of command declarations must follow, checked by a test over the real
// registry (ripgrep's table invariants): a broken declaration fails CI, not a user's shell.

/// Consistency checks over command declarations.
public enum SpecInvariants {
    /// Names the parser reserves for help in every command.
    static let reservedLong: Set<String> = ["help"]
    static let reservedShort: Set<Character> = ["h"]
    /// Subcommands desk provides itself.
    static let reservedCommands: Set<String> = ["help", "completions"]

    /// Every problem found, one line each, e.g. `resolve: duplicate long flag '--id'`.
    /// Empty when the declarations are sound.
    public static func problems(in commands: [CommandSpec]) -> [String] {
        var problems: [String] = []
        var seenCommands: Set<String> = []
        for spec in commands {
            let name = spec.name
            if name.isEmpty || name.hasPrefix("-") || name.contains(" ") {
                problems.append("'\(name)': not a valid command name")
            }
            if reservedCommands.contains(name) { problems.append("\(name): command name is reserved") }
            if !seenCommands.insert(name).inserted { problems.append("\(name): command declared more than once") }
            if spec.summary.isEmpty { problems.append("\(name): no summary") }
            if spec.examples.count < 2 {
                problems.append("\(name): \(spec.examples.count) example(s), at least 2 needed")
            }
            for example in spec.examples where example.command.isEmpty || example.explanation.isEmpty {
                problems.append("\(name): an example lacks its command or explanation")
            }
            var longs: Set<String> = []
            var shorts: Set<Character> = []
            for flag in spec.flags {
                let label = "\(name): flag '--\(flag.long)'"
                if flag.long.isEmpty || flag.long.hasPrefix("-") || flag.long.contains("=")
                    || flag.long.contains(" ")
                {
                    problems.append("\(label): not a valid long name")
                }
                if reservedLong.contains(flag.long) { problems.append("\(label): name is reserved for help") }
                if !longs.insert(flag.long).inserted { problems.append("\(name): duplicate long flag '--\(flag.long)'") }
                if let short = flag.short {
                    if reservedShort.contains(short) { problems.append("\(label): short name '-h' is reserved for help") }
                    if !(short.isASCII && (short.isLetter || short.isNumber)) {
                        problems.append("\(label): short name '-\(short)' is not an ASCII letter or digit")
                    }
                    if !shorts.insert(short).inserted { problems.append("\(name): duplicate short flag '-\(short)'") }
                }
                if flag.help.isEmpty { problems.append("\(label): no help") }
                if flag.help.hasSuffix(".") { problems.append("\(label): help ends with a period") }
                if flag.takesValue && flag.valueName.isEmpty { problems.append("\(label): no value name") }
                if case .choice(let list) = flag.kind {
                    if list.isEmpty { problems.append("\(label): empty choice list") }
                    if Set(list).count != list.count { problems.append("\(label): duplicate choice") }
                    if list.contains(where: { $0.isEmpty || $0.contains(" ") }) {
                        problems.append("\(label): a choice is empty or contains a space")
                    }
                }
            }
        }
        return problems
    }
}
