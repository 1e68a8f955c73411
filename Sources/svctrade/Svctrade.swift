import ArgumentParser
import Foundation
import TradeBulletin
import TradeCore
import TradeReport
import TradeStore
import TradeWorkflows

/// The `svctrade` command: services-trade statistics from published tables to bulletin figures.
@main
struct Svctrade: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "svctrade",
        abstract: "Services-trade statistics: store published figures; write bulletin tables, charts and press lines.",
        discussion: """
            Exit status: 0 success, 1 rejected input (nothing written), 2 usage error.
            The store is --db PATH, else $SVCTRADE_DB, else svctrade.sqlite in the current folder.
            Every command writes Chinese unless --lang en (bulletin: --lang both writes both).
            """,
        version: "svctrade \(CommandLineHelp.version)",
        subcommands: [
            ImportCommand.self, SeriesCommand.self, TableCommand.self, ChartCommand.self, FiguresCommand.self,
            BulletinCommand.self, GenerateCommand.self, DeriveCommand.self, ExportCommand.self, DbCommand.self,
            DemoCommand.self, ServeCommand.self, CheckCommand.self,
        ]
    )

    /// Runs the command line with svctrade's exit codes: usage errors exit 2 (not 64), with the command
    /// meant for a mistyped one; a library's ``UserFacingError`` is its one message and exit status 1.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var serving = command as? any AsyncParsableCommand {
                try await serving.run()
            } else {
                try command.run()
            }
            guard StandardOutput.flush() else { exit(1, saying: StandardOutput.failureMessage()) }
        } catch let exit as ExitCode {
            guard StandardOutput.flush() else { Foundation.exit(1) }
            Foundation.exit(exit.rawValue)  // the command has said why (svctrade check's findings)
        } catch {
            // The parser's description of every command and option, as `--experimental-dump-help` prints it.
            if let mistake = CommandLineHelp.mistake(in: Array(CommandLine.arguments.dropFirst()), help: _dumpHelp()) {
                exit(2, saying: mistake)
            }
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            // A store that is damaged or locked is one line, never SQLite's raw report.
            if let rejected: any UserFacingError = StoreError.translating(error) ?? error as? any UserFacingError {
                exit(1, saying: rejected.shown)
            }
            exit(code.rawValue == 1 ? 1 : 2, saying: fullMessage(for: error))
        }
    }

    /// Says `message` (if any) on standard error and exits with `status`.
    static func exit(_ status: Int32, saying message: String?) -> Never {
        if let message { writeStandardError(message + "\n") }
        Foundation.exit(status)
    }
}

extension CommandConfiguration {
    /// A command's help: name, abstract and an example; the rest is in the command reference
    /// (`Sources/svctrade/svctrade.docc/Commands.md`).
    static func command(
        _ name: String, _ abstract: String, example: String, subcommands: [any ParsableCommand.Type] = []
    ) -> CommandConfiguration {
        CommandConfiguration(
            commandName: name, abstract: abstract,
            discussion: "Example: \(example)\nMore: the command reference (svctrade.docc/Commands.md).",
            subcommands: subcommands)
    }
}

/// Where the store lives: an SQLite file, or a PostgreSQL server (``StoreRegistry/standard``).
struct StoreOptions: ParsableArguments {
    @Option(help: "Store: a SQLite file or postgres://USER@HOST:PORT/DB (default: $SVCTRADE_DB, else svctrade.sqlite).")
    var db: String?

    var path: String { db ?? Edge.variable("SVCTRADE_DB") ?? "svctrade.sqlite" }

    /// The store as shown in messages: a PostgreSQL address without its password.
    var display: String { StoreRegistry.standard.display(path) }

    /// The existing store, read-only: a missing file is an error, never a new empty store.
    func reader() async throws -> any FigureReader { try await StoreRegistry.standard.reader(Edge.request(path)) }

    /// The store to write to; `mayCreate` lets an SQLite file be created, `wait`: seconds an import
    /// waits, `progress`: show the write's progress on standard error.
    func writer(wait: Int? = nil, mayCreate: Bool = false, progress: Bool = false) async throws -> any FigureWriter {
        try await StoreRegistry.standard.writer(
            Edge.request(path, wait: wait, create: mayCreate, progress: progress))
    }
}

/// The language of a table, chart or press text: one default for every command (``TradeCore/Language/standard``).
struct LanguageOptions: ParsableArguments {
    @Option(help: "Language of what is written.") var lang: Language = .standard
}

/// The month a table or press text covers and the year it is compared with.
struct PeriodOptions: ParsableArguments {
    @Option(help: "Last month covered, YYYY-MM.", transform: Arguments.period) var through: Period
    @Option(help: "Also compare with this year (e.g. 2019: growth and average growth).") var vsYear: Int?
}

/// The vintage and templates of the commands that compose press text (figures, bulletin).
struct PressOptions: ParsableArguments {
    @Option(help: "Published by YYYY-MM-DD, or latest (default: release.toml's).", transform: Arguments.vintage)
    var asOf: String?
    @Option(help: "Folder of the templates (default: $SVCTRADE_TEMPLATES, else ./templates).") var templates: String?
}

extension SeriesListing.Format: ExpressibleByArgument {}

/// Typed command-line values, parsed once with the library's own parsers; a refusal is a usage error.
enum Arguments {
    /// `YYYY-MM` → ``Period`` (`--through`, `--from`).
    static func period(_ text: String) throws -> Period { try usage { try Period(parsing: text) } }

    /// A calendar date `YYYY-MM-DD` (`--as-of`); `2021-13-45` is refused.
    static func date(_ text: String) throws -> String { try usage { try CalendarDate.checked(text) } }

    /// A vintage: a date, or `latest` for every figure stored (``BulletinComposer/latest``).
    static func vintage(_ text: String) throws -> String { text == BulletinComposer.latest ? text : try date(text) }

    private static func usage<Value>(_ parse: () throws -> Value) throws -> Value {
        do { return try parse() } catch { throw ValidationError("\(error)") }
    }
}
