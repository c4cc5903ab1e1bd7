// Unit tests of the argument parser: every accepted form, every error with its exact message.
import Testing

@testable import DeskKit

private func parse(_ args: [String], spec: CommandSpec = Samples.resolve, env: [String: String] = [:]) throws
    -> ParsedArguments
{
    try ArgumentParser.parse(args, spec: spec, environment: env)
}

/// The error parsing throws, or nil when it succeeds.
private func failure(_ args: [String], spec: CommandSpec = Samples.resolve, env: [String: String] = [:])
    -> UsageError?
{
    do {
        _ = try ArgumentParser.parse(args, spec: spec, environment: env)
        return nil
    } catch {
        return error
    }
}

@Suite struct ArgumentParserTests {
    // MARK: accepted forms

    @Test func longFlagWithSeparateAndInlineValue() throws {
        let p = try parse(["--cause", "disk full", "--format=text"])
        #expect(p.command == "resolve")
        #expect(p.values == ["cause": ["disk full"], "format": ["text"]])
        #expect(p.positionals == [])
    }

    @Test func inlineValueKeepsEverythingAfterTheFirstEquals() throws {
        #expect(try parse(["--cause=a=b"]).string("cause") == "a=b")
        #expect(try parse(["--cause=--not-a-flag"]).string("cause") == "--not-a-flag")
        #expect(try parse(["--cause="]).string("cause") == "")
    }

    @Test func shortFlagWithSeparateAndAttachedValue() throws {
        #expect(try parse(["-i", "t.ndjson"]).string("in-place") == "t.ndjson")
        #expect(try parse(["-it.ndjson"]).string("in-place") == "t.ndjson")
        #expect(try parse(["-n5"]).int("limit") == 5)
    }

    @Test func bundledSwitches() throws {
        let p = try parse(["-qv"])
        #expect(p.has("quiet") && p.has("verbose"))
        #expect(p.values["quiet"] == [""])
    }

    @Test func repeatableFlagKeepsOrder() throws {
        #expect(try parse(["--id", "T-2", "--id=T-1"]).strings("id") == ["T-2", "T-1"])
    }

    @Test func positionalsDashAndDoubleDash() throws {
        let p = try parse(["a.ndjson", "-", "--quiet", "--", "--id", "-q", "-"])
        #expect(p.positionals == ["a.ndjson", "-", "--id", "-q", "-"])
        #expect(p.has("quiet"))
        #expect(!p.has("id"))
    }

    @Test func valuesMayStartWithADashWhenTheyDoNotLookLikeOptions() throws {
        #expect(try parse(["--cause", "-"]).string("cause") == "-")
        #expect(try parse(["--cause", "-v is broken"]).string("cause") == "-v is broken")
        #expect(try parse(["--limit", "-3"]).int("limit") == -3)
    }

    @Test func everyValueKindAcceptsItsForms() throws {
        let p = try parse([
            "--now", "2026-10-01T09:00:00+08:00", "--observe", "1h30m", "--eta", "4h", "--month", "2026-12",
            "--limit", "10", "--format", "json", "-i", "f",
        ])
        #expect(p.instant("now") == Instant(rfc3339: "2026-10-01T01:00:00Z"))
        #expect(p.duration("observe") == 5400)
        #expect(p.string("eta") == "4h")
        #expect(try parse(["--eta", "2026-10-01T09:00:00Z"]).string("eta") == "2026-10-01T09:00:00Z")
        #expect(p.string("month") == "2026-12")
        #expect(p.int("limit") == 10)
    }

    // MARK: help

    @Test func helpIsReportedUnderTheHelpKey() throws {
        for args in [["-h"], ["--help"], ["--id", "T-1", "--help"], ["-qh"]] {
            let p = try parse(args)
            #expect(p.helpRequested, "\(args)")
            #expect(p.values == ["help": [""]])
            #expect(p.positionals == [])
        }
        #expect(try !parse(["--id", "T-1"]).helpRequested)
    }

    @Test func helpWinsOverErrorsButNotAfterDoubleDash() throws {
        #expect(try parse(["--stauts", "x", "--help"]).helpRequested)
        #expect(try parse(["--format", "xml", "-h"]).helpRequested)
        #expect(try parse(["--", "-h"]).positionals == ["-h"])
        #expect(failure(["--help=yes"])?.message == "flag '--help' takes no value")
    }

    // MARK: errors

    @Test func unknownLongFlagSuggestsTheClosestName() {
        let e = failure(["--stauts", "open"])
        #expect(e == UsageError(command: "resolve", message: "unknown flag '--stauts'", suggestion: "--status"))
        #expect(failure(["--stauts=open"])?.message == "unknown flag '--stauts'")
        #expect(failure(["--zzzzzz"]) == UsageError(command: "resolve", message: "unknown flag '--zzzzzz'"))
        #expect(failure(["--hepl"])?.suggestion == "--help")
    }

    @Test func noPrefixMatching() {
        #expect(failure(["--stat", "open"])?.message == "unknown flag '--stat'")
        #expect(failure(["--form", "json"])?.message == "unknown flag '--form'")
    }

    @Test func unknownShortFlag() {
        #expect(failure(["-x"])?.message == "unknown flag '-x'")
        #expect(failure(["-qx"])?.message == "unknown flag '-x' in '-qx'")
    }

    @Test func aValueFlagEndsABundleAsGetoptReadsIt() throws {
        // zsh completes `-qi` (its _arguments -s): the parser must take it.
        let p = try parse(["-qi", "f"])
        #expect(p.has("quiet") && p.string("in-place") == "f")
        let q = try parse(["-qvif"])
        #expect(q.has("quiet") && q.has("verbose") && q.string("in-place") == "f")
        #expect(try parse(["-qn5"]).int("limit") == 5)
        #expect(failure(["-qi"])?.message.contains("-i") == true)  // the value is missing
    }

    @Test func switchWithAValue() {
        #expect(failure(["--quiet=yes"])?.message == "flag '--quiet' takes no value")
    }

    @Test func missingValue() {
        #expect(failure(["--cause"])?.message == "flag '--cause' expects a value")
        #expect(failure(["-i"])?.message == "flag '-i' expects a value")
        #expect(failure(["--id", "--cause", "x"])?.message == "flag '--id' expects a value")
        #expect(failure(["--id", "-q"])?.message == "flag '--id' expects a value")
        #expect(failure(["--id", "--"])?.message == "flag '--id' expects a value")
    }

    @Test func aFlagTakingDashValuesTakesOneDashWordsOnly() throws {
        let spec = CommandSpec(
            name: "edit", summary: "s", discussion: "d",
            flags: [
                FlagSpec("tag", kind: .string, repeatable: true, help: "t", takesDashValue: true),
                FlagSpec("quiet", short: "q", help: "q"),
            ])
        #expect(try parse(["--tag", "-vip", "--tag", "+x", "-q"], spec: spec).strings("tag") == ["-vip", "+x"])
        // A single dash is the value too; two dashes still start the next flag.
        #expect(try parse(["--tag", "-q"], spec: spec).strings("tag") == ["-q"])
        #expect(failure(["--tag", "--quiet"], spec: spec)?.message == "flag '--tag' expects a value")
    }

    @Test func givenMoreThanOnce() {
        #expect(failure(["--cause", "a", "--cause", "b"])?.message == "flag '--cause' given more than once")
        #expect(failure(["-i", "a", "--in-place", "b"])?.message == "flag '--in-place' given more than once")
        #expect(failure(["-q", "-q"])?.message == "flag '-q' given more than once")
    }

    @Test func badValuesNameTheFlagAsTypedAndTheExpectation() {
        #expect(failure(["--now", "yesterday"])?.message == "flag '--now' expects an RFC 3339 time, got 'yesterday'")
        #expect(failure(["-n", "ten"])?.message == "flag '-n' expects an integer, got 'ten'")
        #expect(
            failure(["--observe", "soon"])?.message
                == "flag '--observe' expects a duration such as 30m, 1h30m or 2d, got 'soon'")
        #expect(
            failure(["--eta", "later"])?.message
                == "flag '--eta' expects an RFC 3339 time or a duration such as 4h, got 'later'")
        #expect(failure(["-i", ""])?.message == "flag '-i' expects a file name, got ''")
        #expect(failure(["--in-place="])?.message == "flag '--in-place' expects a file name, got ''")
    }

    @Test func months() {
        for good in ["2026-01", "2026-12", "0001-09"] { #expect(failure(["--month", good]) == nil, "\(good)") }
        for bad in ["2026-13", "2026-00", "2026-1", "26-10", "2026/10", "2026-10-01", "２０２６-10"] {
            #expect(failure(["--month", bad])?.message == "flag '--month' expects a month as YYYY-MM, got '\(bad)'")
        }
    }

    @Test func choicesListTheAllowedValuesAndSuggestTheClosest() {
        #expect(
            failure(["--format", "jsn"])
                == UsageError(
                    command: "resolve", message: "flag '--format' expects one of text|json, got 'jsn'",
                    suggestion: "json"))
        #expect(failure(["--format", "xml"])?.suggestion == nil)
        #expect(failure(["--format", "JSON"])?.message == "flag '--format' expects one of text|json, got 'JSON'")
    }

    @Test func positionalsRefusedWhenTheCommandTakesNoFiles() {
        #expect(failure(["x.json"], spec: Samples.policy)?.message == "unexpected argument 'x.json'")
        #expect(failure(["--", "-"], spec: Samples.policy)?.message == "unexpected argument '-'")
        #expect(failure(["--check", "p.json"], spec: Samples.policy) == nil)
    }

    // MARK: environment

    @Test func environmentFillsAnAbsentFlag() throws {
        let env = ["DESK_NOW": "2026-10-01T00:00:00Z"]
        #expect(try parse([], env: env).string("now") == "2026-10-01T00:00:00Z")
        #expect(try parse(["--now", "2026-11-01T00:00:00Z"], env: env).string("now") == "2026-11-01T00:00:00Z")
        #expect(try !parse([], env: ["DESK_NOW": ""]).has("now"))
    }

    @Test func environmentValuesAreValidatedAndTheVariableNamed() {
        #expect(
            failure([], env: ["DESK_NOW": "yesterday"])?.message
                == "environment variable DESK_NOW (for '--now') expects an RFC 3339 time, got 'yesterday'")
        // A typed flag wins, so a bad variable is not even looked at.
        #expect(failure(["--now", "2026-10-01T00:00:00Z"], env: ["DESK_NOW": "yesterday"]) == nil)
    }

    @Test func environmentTurnsOnASwitchUnlessZeroOrFalse() throws {
        #expect(try parse([], env: ["DESK_VERBOSE": "1"]).has("verbose"))
        #expect(try !parse([], env: ["DESK_VERBOSE": "0"]).has("verbose"))
        #expect(try !parse([], env: ["DESK_VERBOSE": "false"]).has("verbose"))
    }
}
