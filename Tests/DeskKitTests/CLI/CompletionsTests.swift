// Tests of the generated completion scripts: every command, flag and choice is in each script,
// and, where the shell is installed, the script is loaded into the real shell and asked.
import Foundation
import Testing

@testable import DeskKit

/// Writes `text` to a fresh temporary file and returns its folder and path.
private func temporaryFile(_ text: String, name: String) throws -> (folder: URL, path: String) {
    let folder = try Tool.temporaryFolder()
    let file = folder.appendingPathComponent(name)
    try text.write(to: file, atomically: true, encoding: .utf8)
    return (folder, file.path)
}

/// The words of shell output, one per line, blanks dropped. Why `isNewline`: a pseudo-terminal
/// ends lines with "\r\n", which Swift treats as one Character, equal to neither "\r" nor "\n".
private func lines(_ text: String) -> [String] {
    text.split(whereSeparator: \.isNewline).map(String.init)
}

private let resolveLongFlags = Samples.resolve.flags.map { "--" + $0.long } + ["--help"]

@Suite struct CompletionsTests {
    @Test(arguments: Shell.allCases)
    func scriptNamesEveryCommandFlagAndChoice(shell: Shell) {
        let script = Completions.script(for: shell, commands: Samples.all)
        #expect(script == Completions.script(for: shell, commands: Samples.all))
        for name in ["resolve", "policy", "help", "completions"] { #expect(script.contains(name)) }
        for spec in Samples.all {
            for flag in spec.flags {
                #expect(script.contains(flag.long), "\(shell): --\(flag.long)")
                if let short = flag.short {
                    let needle = shell == .fish ? "-s '\(short)'" : "-\(short)"
                    #expect(script.contains(needle), "\(shell): -\(short)")
                }
                if case .choice(let list) = flag.kind {
                    #expect(script.contains(list.joined(separator: " ")), "\(shell): choices of --\(flag.long)")
                }
            }
        }
        for name in Shell.allCases { #expect(script.contains(name.rawValue)) }
    }

    @Test func bashShape() {
        let script = Completions.script(for: .bash, commands: Samples.all)
        #expect(script.contains("complete -F _desk desk\n"))
        #expect(script.contains("declare -F _filedir"))
        #expect(script.contains("compgen -f"))
        #expect(script.contains("-i|--in-place)\n                    _desk_files\n"))
    }

    @Test func zshShape() {
        let script = Completions.script(for: .zsh, commands: Samples.all)
        #expect(script.hasPrefix("#compdef desk\n"))
        #expect(script.contains("'(-i --in-place)'{-i+,--in-place=}'[rewrite FILE atomically"))
        #expect(script.contains("'--format=[output format]:VALUE:(text json)'"))
        #expect(script.contains("'*--id=[the ticket to resolve]:ID:'"))
        #expect(script.contains("'--quiet[print nothing]'") == false)  // has a short name
        #expect(script.contains("'(-q --quiet)'{-q,--quiet}'[print nothing]'"))
        #expect(script.contains("'*:file:_files'"))
    }

    @Test func fishShape() {
        let script = Completions.script(for: .fish, commands: Samples.all)
        #expect(script.contains("complete -c desk -n __fish_use_subcommand -a 'resolve' -d 'record cause, solution and result'\n"))
        #expect(
            script.contains(
                "complete -c desk -n '__fish_seen_subcommand_from resolve' -l 'format' -x -a 'text json' -d 'output format'\n"))
        #expect(script.contains("-s 'i' -l 'in-place' -r -F"))
    }

    @Test func quoting() {
        #expect(Completions.shQuote("it's") == #"'it'\''s'"#)
        #expect(Completions.fishQuote(#"it's \ ok"#) == #"'it\'s \\ ok'"#)
        #expect(Completions.zshDescription("a [b]: c") == #"a \[b\]\: c"#)
    }

    // MARK: - the real shells

    /// Sources the bash script (optionally after bash-completion) and completes `words`.
    private func bashComplete(_ words: [String], withBashCompletion: Bool = false, commands: [CommandSpec] = Samples.all) throws -> [String] {
        let (folder, path) = try temporaryFile(Completions.script(for: .bash, commands: commands), name: "desk.bash")
        defer { try? FileManager.default.removeItem(at: folder) }
        let quoted = words.map { Completions.shQuote($0) }.joined(separator: " ")
        let preamble = withBashCompletion ? "source /usr/share/bash-completion/bash_completion; " : ""
        let program = preamble + "source \(Completions.shQuote(path)); cd \(Completions.shQuote(folder.path)); "
            + "COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); COMPREPLY=(); _desk; "
            + "printf '%s\\n' \"${COMPREPLY[@]}\""
        let result = try Tool.run("bash", ["--norc", "--noprofile", "-c", program])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err == "")
        return lines(result.out)
    }

    @Test(.enabled(if: Tool.installed("bash"), "bash is not installed"))
    func bashCompletesCommandsFlagsChoicesAndFiles() throws {
        #expect(try bashComplete(["desk", ""]) == ["resolve", "policy", "help", "completions", "-h", "--help", "--version"])
        #expect(try bashComplete(["desk", "resolve", "--"]) == resolveLongFlags)
        #expect(try bashComplete(["desk", "resolve", "--format", ""]) == ["text", "json"])
        #expect(try bashComplete(["desk", "resolve", "--format", "=", "j"]) == ["json"])
        #expect(try bashComplete(["desk", "help", ""]) == ["resolve", "policy"])
        #expect(try bashComplete(["desk", "completions", ""]) == ["bash", "zsh", "fish"])
        #expect(try bashComplete(["desk", "resolve", "-i", "desk."]) == ["desk.bash"])
        #expect(try bashComplete(["desk", "resolve", "desk."]) == ["desk.bash"])
        #expect(try bashComplete(["desk", "resolve", "--id", ""]) == [])
        #expect(try bashComplete(["desk", "policy", ""]) == [])
    }

    @Test(.enabled(
        if: FileManager.default.fileExists(atPath: "/usr/share/bash-completion/bash_completion"),
        "bash-completion is not installed"))
    func bashCompletesFilesWithBashCompletionLoaded() throws {
        #expect(try bashComplete(["desk", "resolve", "-i", "desk."], withBashCompletion: true) == ["desk.bash"])
        #expect(try bashComplete(["desk", "resolve", "--"], withBashCompletion: true) == resolveLongFlags)
    }

    /// Asks fish for the completions of a command line (`complete -C`), names only.
    private func fishComplete(_ line: String, commands: [CommandSpec] = Samples.all) throws -> [String] {
        let (folder, path) = try temporaryFile(Completions.script(for: .fish, commands: commands), name: "desk.fish")
        defer { try? FileManager.default.removeItem(at: folder) }
        let program = "source \(Completions.fishQuote(path)); cd \(Completions.fishQuote(folder.path)); "
            + "complete -C \(Completions.fishQuote(line))"
        let result = try Tool.run("fish", ["--no-config", "-c", program])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err == "")
        return lines(result.out).map { String($0.prefix { $0 != "\t" }) }
    }

    @Test(.enabled(if: Tool.installed("fish"), "fish is not installed"))
    func fishCompletesCommandsFlagsChoicesAndFiles() throws {
        #expect(Set(try fishComplete("desk ")) == ["resolve", "policy", "help", "completions"])
        #expect(Set(try fishComplete("desk resolve --")) == Set(resolveLongFlags))
        #expect(Set(try fishComplete("desk resolve --format ")) == ["text", "json"])
        #expect(Set(try fishComplete("desk help ")) == ["resolve", "policy"])
        #expect(Set(try fishComplete("desk completions ")) == ["bash", "zsh", "fish"])
        #expect(try fishComplete("desk resolve -i desk.") == ["desk.fish"])
        #expect(try fishComplete("desk resolve desk.") == ["desk.fish"])
    }

    @Test(.enabled(if: Tool.installed("zsh"), "zsh is not installed"))
    func zshScriptParses() throws {
        let (folder, path) = try temporaryFile(Completions.script(for: .zsh, commands: Samples.all), name: "_desk")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Tool.run("zsh", ["-f", "-n", path])
        #expect(result.status == 0)
        #expect(result.err == "")
    }

    /// Drives an interactive `zsh -f` in a pseudo-terminal (zsh/zpty): loads the script through
    /// compinit, types the line and TAB, and prints every match the completion system adds by
    /// wrapping `compadd`. Markers are split in the source so the echoed input never matches.
    private static let zshCapture = #"""
        zmodload zsh/zpty || exit 2
        zpty z zsh -f -i
        zpty -w z "PROMPT=''"
        zpty -w z "fpath=(${(q)1} \$fpath); autoload -U compinit; compinit -u -D; cd ${(q)1}"
        zpty -w z 'compadd () {
          if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi
          typeset -a __hits; builtin compadd -A __hits "$@"; local r=$?
          (( $#__hits )) && print -rl -- "<H""IT>"${^__hits}
          return r
        }'
        zpty -w z 'zstyle ":completion:*" list-prompt ""; zstyle ":completion:*" menu no'
        zpty -w z 'finish () { print "<DO""NE>"; exit }; zle -N finish; bindkey "^X" finish'
        zpty -n -w z "$2"$'\t'
        zpty -n -w z $'\C-x'
        while zpty -r z line; do
          [[ $line == *'<DONE>'* ]] && break
          [[ $line == *'<HIT>'* ]] && print -r -- "${line##*<HIT>}"
        done
        """#

    private func zshComplete(_ line: String, commands: [CommandSpec] = Samples.all) throws -> [String] {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Completions.script(for: .zsh, commands: commands)
            .write(to: folder.appendingPathComponent("_desk"), atomically: true, encoding: .utf8)
        let capture = folder.appendingPathComponent("capture.zsh")
        try Self.zshCapture.write(to: capture, atomically: true, encoding: .utf8)
        let result = try Tool.run("zsh", ["-f", capture.path, folder.path, line])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err == "", "\(result.err)")
        return lines(result.out)
    }

    @Test(.enabled(if: Tool.installed("zsh"), "zsh is not installed"))
    func zshCompletesCommandsFlagsChoicesAndFiles() throws {
        #expect(Set(try zshComplete("desk ")) == ["resolve", "policy", "help", "completions"])
        #expect(Set(try zshComplete("desk resolve --")) == Set(resolveLongFlags))
        #expect(try zshComplete("desk resolve --format ") == ["text", "json"])
        #expect(try zshComplete("desk resolve --format=") == ["text", "json"])
        #expect(Set(try zshComplete("desk help ")) == ["resolve", "policy"])
        #expect(try zshComplete("desk completions ") == ["bash", "zsh", "fish"])
        #expect(try zshComplete("desk resolve -i capture.") == ["capture.zsh"])
        #expect(try zshComplete("desk policy --c") == ["--check"])
    }

    /// The real command set in the real shells: every subcommand after `desk `, and every flag
    /// of the real `resolve` after `desk resolve --` (issue 6's acceptance).
    static let realCommands = Registry.specs.map(\.name) + ["help", "completions"]
    static let realResolveFlags = Set((Registry.entry(named: "resolve")?.spec.flags ?? []).map { "--" + $0.long } + ["--help"])

    @Test(.enabled(if: Tool.installed("bash"), "bash is not installed"))
    func bashOffersTheRealCommandsAndResolveFlags() throws {
        let words = try bashComplete(["desk", ""], commands: Registry.specs)
        #expect(Set(words).isSuperset(of: Self.realCommands))
        #expect(Set(try bashComplete(["desk", "resolve", "--"], commands: Registry.specs)) == Self.realResolveFlags)
    }

    @Test(.enabled(if: Tool.installed("fish"), "fish is not installed"))
    func fishOffersTheRealCommandsAndResolveFlags() throws {
        #expect(Set(try fishComplete("desk ", commands: Registry.specs)) == Set(Self.realCommands))
        #expect(Set(try fishComplete("desk resolve --", commands: Registry.specs)) == Self.realResolveFlags)
    }

    @Test(.enabled(if: Tool.installed("zsh"), "zsh is not installed"))
    func zshOffersTheRealCommandsAndResolveFlags() throws {
        #expect(Set(try zshComplete("desk ", commands: Registry.specs)) == Set(Self.realCommands))
        #expect(Set(try zshComplete("desk resolve --", commands: Registry.specs)) == Self.realResolveFlags)
    }
}
