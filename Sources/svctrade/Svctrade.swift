import ArgumentParser
import Foundation
import TradeBulletin
import TradeCore
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

    /// Runs the command line with svctrade's exit codes: usage errors exit 2 (not 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var serving = command as? any AsyncParsableCommand {
                try await serving.run()
            } else {
                try command.run()
            }
            guard StandardOutput.flush() else {
                if let message = StandardOutput.failureMessage() {
                    FileHandle.standardError.write(Data((message + "\n").utf8))
                }
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
            if let rejected = error as? InputRejected {
                FileHandle.standardError.write(Data((rejected.message + "\n").utf8))
                Foundation.exit(1)
            }
            if let store = StoreError.translating(error) {
                // A read that met a damaged or locked store: one line, never SQLite's raw report.
                FileHandle.standardError.write(Data(("error: " + store.description + "\n").utf8))
                Foundation.exit(1)
            }
            if let rejected = error as? any UserFacingError {
                // One line per line of the message, each escaped; never "error: error: …".
                let lines = rejected.description.split(separator: "\n", omittingEmptySubsequences: false)
                let text = lines.map { ControlCharacters.escaped(String($0)) }.joined(separator: "\n")
                writeStandardError((text.hasPrefix("error: ") ? text : "error: " + text) + "\n")
                Foundation.exit(1)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue == 1 ? 1 : 2)
        }
    }
}

/// Input that was read and rejected: exit status 1, message on standard error.
struct InputRejected: Error {
    let message: String
}

/// Where the store lives: an SQLite file, or a PostgreSQL server (``StoreRegistry/standard``).
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help:
            "Store: a SQLite file, or postgres://USER@HOST:PORT/DB (build with --traits PostgreSQL) (default: $SVCTRADE_DB, else svctrade.sqlite)."
    )
    var db: String?

    var path: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["SVCTRADE_DB"], !env.isEmpty { return env }
        return "svctrade.sqlite"
    }

    /// The store as shown in messages: a PostgreSQL address without its password.
    var display: String { StoreRegistry.standard.display(path) }

    /// The existing store, read-only: a reader never changes a byte of it, needs no write permission
    /// and never waits behind a writer. A missing file is an error, never a new empty store.
    func reader() async throws -> any FigureReader {
        try await StoreRegistry.standard.reader(Self.request(address: path))
    }

    /// The store to write to; `mayCreate` lets an SQLite file be created, `wait` is how long an import
    /// waits for another one, seconds.
    func writer(wait: Int? = nil, mayCreate: Bool = false) async throws -> any FigureWriter {
        try await StoreRegistry.standard.writer(Self.request(address: path, wait: wait, mayCreate: mayCreate))
    }

    /// The request for `address`: a PostgreSQL call given up after `$SVCTRADE_PG_TIMEOUT` seconds
    /// (default 600), the store's events shown on standard error.
    static func request(address: String, wait: Int? = nil, mayCreate: Bool = false) -> StoreRequest {
        let deadline = ProcessInfo.processInfo.environment["SVCTRADE_PG_TIMEOUT"].flatMap { Int($0) }
        return StoreRequest(
            address: address, importLockWait: wait, mayCreate: mayCreate, callDeadline: deadline.map { max(1, $0) },
            events: Self.show)
    }

    /// What the store says while it works: a wait on a terminal, timings with `$SVCTRADE_TIMING`.
    static let show: StoreEventHandler = { event in
        switch event {
        case .waitingForWriter(let store):
            if standardErrorIsTerminal {
                writeStandardError("waiting: another svctrade import is writing to \(store); readers are not blocked\n")
            }
        case .transactionWritten(let duration):
            if ProcessInfo.processInfo.environment["SVCTRADE_TIMING"] != nil {
                writeStandardError("transaction incl. commit: \(duration)\n")
            }
        }
    }
}

/// Output format for listings.
enum ListingFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv, json
}

func writeStandardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

/// True when standard error is a terminal (progress is shown only then).
var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

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

/// Writes composed files under a folder (creating it and its subfolders).
enum FileOutput {
    static func write(_ files: [BulletinComposer.File], into folder: String) throws {
        let fm = FileManager.default
        for file in files {
            let path = folder + "/" + file.name
            do {
                try fm.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            } catch {
                throw InputRejected(
                    message:
                        "error: cannot create the folder of \(ControlCharacters.escaped(path)); check that \(ControlCharacters.escaped(folder)) is writable"
                )
            }
            try OutputFile.write(file.data, to: path)
        }
    }
}
