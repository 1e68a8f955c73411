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
        abstract:
            "Trade-in-services statistics: store published figures, compute bulletin tables, write charts and press lines.",
        discussion: """
            Exit status: 0 success, 1 rejected input (nothing written), 2 usage error.
            The store is --db PATH, else $SVCTRADE_DB, else svctrade.sqlite in the current folder.
            """,
        subcommands: [
            ImportCommand.self, SeriesCommand.self, TableCommand.self, ChartCommand.self, FiguresCommand.self,
            BulletinCommand.self, GenerateCommand.self, DeriveCommand.self, ExportCommand.self, DbCommand.self,
            DemoCommand.self, ServeCommand.self, CheckCommand.self,
        ]
    )

    /// Runs the command line with svctrade's exit codes: usage errors exit 2 (not 64); a library's
    /// ``UserFacingError`` is its one message and exit status 1.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var serving = command as? any AsyncParsableCommand {
                try await serving.run()
            } else {
                try command.run()
            }
            guard StandardOutput.flush() else {
                if let message = StandardOutput.failureMessage() { writeStandardError(message + "\n") }
                Foundation.exit(1)
            }
        } catch let exit as ExitCode {
            guard StandardOutput.flush() else { Foundation.exit(1) }
            Foundation.exit(exit.rawValue)  // the command has said why (svctrade check's findings)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            // A store that is damaged or locked is one line, never SQLite's raw report.
            if let rejected: any UserFacingError = StoreError.translating(error) ?? error as? any UserFacingError {
                writeStandardError(rejected.shown + "\n")
                Foundation.exit(1)
            }
            writeStandardError(fullMessage(for: error) + "\n")
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue == 1 ? 1 : 2)
        }
    }
}

extension CommandConfiguration {
    /// A command's help: name, abstract, what to know first and an example; the rest is in the
    /// command reference (`Sources/svctrade/svctrade.docc/Commands.md`).
    static func command(
        _ name: String, _ abstract: String, _ discussion: String = "", example: String,
        subcommands: [any ParsableCommand.Type] = []
    ) -> CommandConfiguration {
        CommandConfiguration(
            commandName: name, abstract: abstract,
            discussion: discussion + (discussion.isEmpty ? "" : "\n\n") + "Example: " + example
                + "\nMore: the command reference (Sources/svctrade/svctrade.docc/Commands.md).",
            subcommands: subcommands)
    }
}

/// Where the store lives: an SQLite file, or a PostgreSQL server (``StoreRegistry/standard``).
struct StoreOptions: ParsableArguments {
    @Option(
        help:
            "Store: a SQLite file, or postgres://USER@HOST:PORT/DB (build with --traits PostgreSQL) (default: $SVCTRADE_DB, else svctrade.sqlite)."
    )
    var db: String?

    var path: String { db ?? Edge.variable("SVCTRADE_DB") ?? "svctrade.sqlite" }

    /// The store as shown in messages: a PostgreSQL address without its password.
    var display: String { StoreRegistry.standard.display(path) }

    /// The existing store, read-only: a missing file is an error, never a new empty store.
    func reader() async throws -> any FigureReader { try await StoreRegistry.standard.reader(Edge.request(path)) }

    /// The store to write to; `mayCreate` lets an SQLite file be created, `wait`: seconds an import waits.
    func writer(wait: Int? = nil, mayCreate: Bool = false) async throws -> any FigureWriter {
        try await StoreRegistry.standard.writer(Edge.request(path, wait: wait, mayCreate: mayCreate))
    }
}

/// The month a table or press text covers and the year it is compared with.
struct PeriodOptions: ParsableArguments {
    @Option(help: "Last month covered, YYYY-MM.", transform: Arguments.period) var through: Period
    @Option(help: "Also compare with this year (e.g. 2019: growth and average growth).") var vsYear: Int?
}

/// The vintage and templates of the commands that compose press text (figures, bulletin).
struct PressOptions: ParsableArguments {
    @Option(
        help: "Published by this date, YYYY-MM-DD, or latest (default: release.toml's).", transform: Arguments.vintage)
    var asOf: String?
    @Option(help: "Folder of the templates (default: $SVCTRADE_TEMPLATES, else ./templates).") var templates: String?
}

extension SeriesListing.Format: ExpressibleByArgument {}

/// Typed command-line values, parsed once with the library's own parsers.
enum Arguments {
    /// `YYYY-MM` → ``Period`` (`--through`, `--from`).
    static func period(_ text: String) throws -> Period {
        do { return try Period(parsing: text) } catch { throw ValidationError("\(error)") }
    }

    /// A calendar date `YYYY-MM-DD` (`--as-of`); `2021-13-45` is refused.
    static func date(_ text: String) throws -> String {
        guard CalendarDate.isValid(text) else {
            throw ValidationError("\"\(text)\" is not a date; expected YYYY-MM-DD, e.g. 2021-06-30")
        }
        return text
    }

    /// A vintage: a date, or `latest` for every figure stored (``BulletinComposer/latest``).
    static func vintage(_ text: String) throws -> String {
        text == BulletinComposer.latest ? text : try date(text)
    }
}
