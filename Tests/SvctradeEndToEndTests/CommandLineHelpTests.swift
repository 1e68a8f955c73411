import Foundation
import Testing
import TradeTestSupport
import TradeWorkflows

/// The nearest-name suggestions behind "Did you mean …?" (``CommandLineHelp``).
@Suite struct CommandLineHelpTests {
    let tree = CommandLineHelp.Command(
        "svctrade", options: ["version"],
        [
            .init("table", options: ["db", "through", "lang"]), .init("tables", options: []),
            .init("db", [.init("init", options: ["db", "no-roles"])]), .init("help"),
        ])

    @Test func theDistanceCountsASwapAsOneEdit() {
        #expect(CommandLineHelp.distance("tabel", "table") == 1)
        #expect(CommandLineHelp.distance("thruogh", "through") == 1)
        #expect(CommandLineHelp.distance("kitten", "sitting") == 3)
        #expect(CommandLineHelp.distance("", "abc") == 3)
        #expect(CommandLineHelp.distance("chart", "chart") == 0)
    }

    @Test func theNearestNameIsOnlyALikelyTypo() {
        let commands = ["import", "series", "table", "chart", "figures", "bulletin", "db", "demo", "check"]
        #expect(CommandLineHelp.nearest(to: "tabel", in: commands) == "table")
        #expect(CommandLineHelp.nearest(to: "bulletn", in: commands) == "bulletin")
        #expect(CommandLineHelp.nearest(to: "Chart", in: commands) == "chart")
        #expect(CommandLineHelp.nearest(to: "chekc", in: commands) == "check")
        #expect(CommandLineHelp.nearest(to: "inti", in: ["init"]) == "init")
        #expect(CommandLineHelp.nearest(to: "frobnicate", in: commands) == nil)
        #expect(CommandLineHelp.nearest(to: "dx", in: commands) == nil)  // two letters: exact names only
    }

    @Test func aMistypedCommandNamesTheNearestOne() {
        #expect(
            CommandLineHelp.mistake(in: ["tabel", "--through", "2021-04"], of: tree)
                == "Error: Unknown command 'tabel'. Did you mean 'table'?\n  See 'svctrade --help' for more information."
        )
        #expect(
            CommandLineHelp.mistake(in: ["db", "inti"], of: tree)
                == "Error: Unknown command 'inti'. Did you mean 'init'?\n  See 'svctrade db --help' for more information."
        )
        #expect(
            CommandLineHelp.mistake(in: ["frobnicate"], of: tree)
                == "Error: Unknown command 'frobnicate'; the commands are table, tables, db, help.\n"
                + "  See 'svctrade --help' for more information.")
    }

    @Test func aMistypedOptionNamesTheNearestOne() {
        #expect(
            CommandLineHelp.mistake(in: ["table", "--thruogh", "2021-04"], of: tree)
                == "Error: Unknown option '--thruogh'. Did you mean '--through'?\n"
                + "  See 'svctrade table --help' for more information.")
        #expect(
            CommandLineHelp.mistake(in: ["table", "--through=2021-04", "--lnag=en"], of: tree)
                == "Error: Unknown option '--lnag'. Did you mean '--lang'?\n"
                + "  See 'svctrade table --help' for more information.")
        #expect(
            CommandLineHelp.mistake(in: ["db", "init", "--frobnicate"], of: tree)
                == "Error: Unknown option '--frobnicate'.\n  See 'svctrade db init --help' for more information.")
    }

    @Test func aKnownCommandLineIsNoMistake() {
        #expect(CommandLineHelp.mistake(in: ["table", "--through", "2021-04", "--lang", "en"], of: tree) == nil)
        #expect(CommandLineHelp.mistake(in: ["table", "--help"], of: tree) == nil)
        #expect(CommandLineHelp.mistake(in: ["table", "--", "--not-an-option"], of: tree) == nil)
        #expect(CommandLineHelp.mistake(in: ["--version"], of: tree) == nil)
        #expect(CommandLineHelp.mistake(in: [], of: tree) == nil)
    }

    @Test func theTreeIsReadFromTheParsersHelpDump() throws {
        let dump = """
            {"serializationVersion": 0, "command": {"commandName": "svctrade", "subcommands": [
              {"commandName": "table", "arguments": [
                {"kind": "option", "names": [{"kind": "long", "name": "through"}]},
                {"kind": "option", "names": [{"kind": "short", "name": "o"}, {"kind": "long", "name": "output"}]},
                {"kind": "positional"}]},
              {"commandName": "db", "subcommands": [{"commandName": "init", "arguments": []}]}]}}
            """
        let parsed = try CommandLineHelp.Command(helpDump: Data(dump.utf8))
        #expect(
            parsed
                == CommandLineHelp.Command(
                    "svctrade", [.init("table", options: ["through", "output"]), .init("db", [.init("init")])]))
        #expect(CommandLineHelp.mistake(in: ["tabel"], help: "not JSON") == nil)
    }
}

/// What the built `svctrade` says about itself and about a mistyped command line.
@Suite struct CommandLineEndToEndTests {
    let cli = CommandRunner()

    @Test func versionPrintsTheLibrarysVersion() throws {
        let r = try cli.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout == "svctrade \(CommandLineHelp.version)\n")
        #expect(r.stderr == "")
        #expect(try cli.run(["--help"]).stdout.contains("--version"))
    }

    /// The parser's own options pass the mistake check: shell completion and the help dump.
    @Test func shellCompletionIsWritten() throws {
        let bash = try cli.run(["--generate-completion-script", "bash"])
        #expect(bash.status == 0, "\(bash.stderr)")
        #expect(bash.stdout.contains("complete -o filenames -F _svctrade svctrade"), "\(bash.stdout.prefix(200))")
        let zsh = try cli.run(["--generate-completion-script", "zsh"])
        #expect(zsh.status == 0 && zsh.stdout.hasPrefix("#compdef svctrade"), "\(zsh.stdout.prefix(80))")
    }

    /// No command has two options of one name (export's SDMX-CSV version was `--version`, listed in its
    /// help beside the program's `--version`).
    @Test func everyOptionNameIsListedOncePerCommand() throws {
        let dump = try cli.run(["--experimental-dump-help"])
        #expect(dump.status == 0)
        let root = try CommandLineHelp.Command(helpDump: Data(dump.stdout.utf8))
        var seen: [String] = []
        func walk(_ command: CommandLineHelp.Command, _ path: String) {
            seen.append(path)
            var counts: [String: Int] = [:]
            for name in command.options { counts[name, default: 0] += 1 }
            #expect(counts.filter { $0.value > 1 }.isEmpty, "\(path): \(counts.filter { $0.value > 1 })")
            for sub in command.subcommands { walk(sub, path + " " + sub.name) }
        }
        walk(root, root.name)
        #expect(seen.contains("svctrade export") && seen.contains("svctrade db init"))
        let export = try cli.run(["export", "--help"]).stdout
        #expect(export.contains("--sdmx-version <sdmx-version>"))
        #expect(export.components(separatedBy: "--version").count == 2)  // the program's, once
    }

    @Test func dbInitRefusesAnSQLiteStore() throws {
        let r = try cli.run(["db", "init", "--db", "x.sqlite"])
        #expect(r.status == 1)
        #expect(
            r.stderr == "error: db init sets up a PostgreSQL store; a SQLite store needs no setup (svctrade import)\n")
    }

    /// Runs `arguments`, a usage error: exit status 2, nothing on standard output, `message` on standard error.
    func expectUsageError(_ arguments: [String], _ message: String) throws {
        let r = try cli.run(arguments)
        #expect(r.status == 2, "\(arguments)")
        #expect(r.stdout == "")
        #expect(r.stderr == message + "\n")
    }

    @Test func aMistypedCommandIsAnsweredWithTheNearestOne() throws {
        try expectUsageError(
            ["tabel", "--through", "2021-04"],
            "Error: Unknown command 'tabel'. Did you mean 'table'?\n  See 'svctrade --help' for more information.")
        try expectUsageError(
            ["db", "inti"],
            "Error: Unknown command 'inti'. Did you mean 'init'?\n  See 'svctrade db --help' for more information.")
    }

    @Test func aMistypedOptionIsAnsweredWithTheNearestOne() throws {
        try expectUsageError(
            ["table", "--thruogh", "2021-04"],
            "Error: Unknown option '--thruogh'. Did you mean '--through'?\n"
                + "  See 'svctrade table --help' for more information.")
        // An option of a shared group (--db) is known to every command that has the group.
        let db = try cli.run(["chart", "combo", "--through", "2021-04", "-o", "c.svg", "--bd", "x.sqlite"])
        #expect(db.stderr.hasPrefix("Error: Unknown option '--bd'.\n"))  // two letters: no guess
        let lang = try cli.run(["figures", "--through", "2021-04", "--lnag", "en"])
        #expect(lang.stderr.hasPrefix("Error: Unknown option '--lnag'. Did you mean '--lang'?\n"))
    }

    /// `--progress` shows the read and the write on standard error when it is not a terminal; the
    /// write's last line stays, with the rows written and their rate.
    @Test func theWritePhaseShowsItsProgressWithRowsPerSecond() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let published = Repository.dataset("mofcom-published-2017-2022.csv")
        let r = try cli.run(["import", published, "--db", folder.file("p.sqlite"), "--progress"])
        #expect(r.status == 0, "\(r.stderr)")
        // stored in …: releases …; N new series; F figure rows, M monthly values; R rows in S s
        let stored = r.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let counts = try #require(stored.firstMatch(of: /; (\d+) figure rows, (\d+) monthly values;/))
        let total = try #require(Int(counts.1)) + (try #require(Int(counts.2)))
        let last = String(r.stderr.split(separator: "\r").last ?? "")
        #expect(last.hasPrefix("writing: 100% (\(total) of \(total) rows, ") && last.hasSuffix(" rows/s)\n"), "\(last)")
        let quiet = try cli.run(["import", published, "--db", folder.file("q.sqlite")])
        #expect(quiet.status == 0 && quiet.stderr == "")
    }

    /// Help wraps to the terminal (COLUMNS) and never repeats a default.
    @Test func helpWrapsToTheTerminalAndStatesEachDefaultOnce() throws {
        let commands = [
            "import", "series", "table", "chart", "figures", "bulletin", "generate", "derive", "export", "demo",
            "serve",
            "check",
        ]
        for command in commands {
            let wide = try cli.run(["help", command], environment: ["COLUMNS": "250"])
            #expect(wide.status == 0)
            let narrow = try cli.run(["help", command], environment: ["COLUMNS": "60"])
            let long = narrow.stdout.split(separator: "\n").filter { $0.count > 60 && !$0.hasPrefix("USAGE:") }
            #expect(long.isEmpty, "\(command): \(long)")
            // The abstract is one line when the terminal is wide enough: no hard line break in it.
            let overview = wide.stdout.split(separator: "\n").first ?? ""
            #expect(overview.hasPrefix("OVERVIEW: ") && overview.hasSuffix("."), "\(command): \(overview)")
            #expect(
                wide.stdout.range(of: #"\(default[^:)][^)]*\)[^\n]*\(default:"#, options: .regularExpression) == nil,
                "\(command) repeats a default")
        }
    }
}

/// One `--lang` default for every command: Chinese (``TradeCore/Language/standard``).
@Suite struct LanguageDefaultEndToEndTests {
    let cli = CommandRunner()

    @Test func everyCommandWritesChineseUnlessAsked() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = folder.file("s.sqlite")
        #expect(try cli.run(["import", Repository.dataset("mofcom-published-2017-2022.csv"), "--db", db]).status == 0)
        let base = ["--db", db, "--through", "2021-04"]
        let table = try cli.run(["table", "--format", "csv", "--flows", "total", "--sectors", "S"] + base)
        let tableZh = try cli.run(
            ["table", "--format", "csv", "--flows", "total", "--sectors", "S", "--lang", "zh"] + base)
        let tableEn = try cli.run(
            ["table", "--format", "csv", "--flows", "total", "--sectors", "S", "--lang", "en"] + base)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout == tableZh.stdout)
        #expect(table.stdout.contains(",服务贸易,") && tableEn.stdout.contains(",Services,"))
        let figures = try cli.run(["figures"] + base, in: Repository.root)
        #expect(figures.status == 0, "\(figures.stderr)")
        #expect(figures.stdout == (try cli.run(["figures", "--lang", "zh"] + base, in: Repository.root)).stdout)
        #expect(figures.stdout != (try cli.run(["figures", "--lang", "en"] + base, in: Repository.root)).stdout)
        let chart = folder.file("c.svg")
        #expect(try cli.run(["chart", "combo", "--from", "2020-01", "-o", chart] + base).status == 0)
        #expect(try String(contentsOfFile: chart, encoding: .utf8).contains("xml:lang=\"zh-CN\""))
        let out = folder.file("b")
        let bulletin = try cli.run(["bulletin", "--out", out, "--draft"] + base, in: Repository.root)
        #expect(bulletin.status == 0, "\(bulletin.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(written.contains("figures-zh.json") && !written.contains("figures-en.json"), "\(written)")
    }
}
