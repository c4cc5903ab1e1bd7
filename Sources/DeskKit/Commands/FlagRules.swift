// The flag-combination rules of the commands that load a policy, checked before the policy
// (or any other file) is opened. Regression: `desk survey --policy /nonexistent` exited 3
// ("cannot open") and never said "say what to do: --invite or --record"; `report` and
// `escalate` likewise reported a usage mistake as bad input. These checks read only the parsed
// arguments, and they are the only copy: each command's entry point that takes ready-made
// settings (as tests call it) runs them too, and the commands check only flag values here on.

/// Usage rules checked before any I/O.
enum FlagRules {
    static func usage(_ command: String, _ m: String) -> DeskError { .usage(UsageError(command: command, message: m)) }

    /// `survey`: exactly one of --invite and --record; --strict with --record, --link with --invite.
    static func survey(_ args: ParsedArguments) throws(DeskError) {
        switch (args.has("invite"), args.has("record")) {
        case (true, false): if args.has("strict") { throw usage("survey", "--strict goes with --record") }
        case (false, true): if args.has("link") { throw usage("survey", "--link goes with --invite") }
        case (true, true): throw usage("survey", "--invite and --record cannot be used together")
        case (false, false): throw usage("survey", "say what to do: --invite or --record RESPONSES")
        }
    }

    /// `report`: a period unless merging; --month alone or --from with --to; --partial without
    /// --format and with --now.
    static func report(_ args: ParsedArguments) throws(DeskError) {
        let partial = args.has("partial"), merge = args.has("merge")
        if partial && args.has("format") { throw usage("report", "--format cannot be combined with --partial (a partial is one line of JSON)") }
        if partial && !args.has("now") && !merge {
            throw usage("report", "--partial needs --now (or DESK_NOW): every part must judge running tickets at the same instant")
        }
        if args.has("month") && (args.has("from") || args.has("to")) { throw usage("report", "--month cannot be combined with --from/--to") }
        if args.has("from") != args.has("to") && !args.has("month") { throw usage("report", "--from and --to go together") }
        if args.has("kb") && (partial || merge) { throw usage("report", "--kb goes with a report read from ticket files, not --partial or --merge") }
        if !merge && !args.has("month") && !args.has("from") {
            throw usage("report", "a period is required: --month YYYY-MM, or --from DATE --to DATE")
        }
    }

    /// `escalate`: one mode (by hand, --ack or --auto) and the flags it needs.
    static func escalate(_ args: ParsedArguments) throws(DeskError) {
        if args.has("ack") && args.has("auto") { throw usage("escalate", "--ack and --auto cannot be used together") }
        if !args.has("auto") { try TargetedRun.forbid(args, ["dry-run"], "without --auto") }
        if !args.has("ack") { try TargetedRun.forbid(args, ["eta"], "without --ack") }
        if args.has("auto") {
            try TargetedRun.forbid(args, EscalateCommand.manualFlags + ["id"], "with --auto")
        } else if args.has("ack") {
            try TargetedRun.forbid(args, EscalateCommand.manualFlags, "with --ack")
            _ = try TargetedRun.requireIds(args, "escalate --ack")
            if !args.has("eta") {
                throw usage("escalate", "--ack needs --eta TIME|DURATION: when the receiver expects to have handled it (seed 000 四(一)3 预计处理时间)")
            }
        } else {
            _ = try TargetedRun.requireIds(args, "escalate")
            guard args.string("to").flatMap(Tier.init(rawValue:)) != nil else {
                throw usage("escalate", "--to TIER is required (or --ack, or --auto)")
            }
            _ = try TargetedRun.requireText(args, "reason", "say why the ticket is escalated")
        }
    }
}
