import Foundation
import TradeBulletin
import TradeCore
import TradeWorkflows

/// What svctrade takes from its environment, read here at the edge only: the libraries get values.
enum Edge {
    static let variables = ProcessInfo.processInfo.environment

    /// `$name` when set and not empty.
    static func variable(_ name: String) -> String? { variables[name].flatMap { $0.isEmpty ? nil : $0 } }

    /// Writes a timing line to standard error when `$SVCTRADE_TIMING` is set.
    static func time(_ line: @autoclosure () -> String) {
        if variables["SVCTRADE_TIMING"] != nil { writeStandardError(line() + "\n") }
    }

    /// `$name` as a whole number, when it is one.
    static func number(_ name: String) -> Int? { variable(name).flatMap { Int($0) } }

    /// The request for the store at `path` (`create`: an SQLite file may be created): a PostgreSQL
    /// call given up after `$SVCTRADE_PG_TIMEOUT` seconds (default 600), `$PGPASSWORD` for an address
    /// without one, the store's events on standard error (`progress`: a write's progress too).
    static func request(_ path: String, wait: Int? = nil, create: Bool = false, progress: Bool = false) -> StoreRequest
    {
        StoreRequest(
            address: path, importLockWait: wait, mayCreate: create,
            callDeadline: number("SVCTRADE_PG_TIMEOUT").map { max(1, $0) }, password: variables["PGPASSWORD"],
            events: { show($0, progress: progress) })
    }

    /// What the store says while it works: a wait on a terminal or when asked, a write's progress when
    /// asked (its last line stays), timings with `$SVCTRADE_TIMING`.
    static func show(_ event: StoreEvent, progress: Bool) {
        switch event {
        case .waitingForWriter: if standardErrorIsTerminal || progress { writeStandardError(event.message + "\n") }
        case .rowsProgress(let written, let total, _):
            let clear = standardErrorIsTerminal ? "\u{1B}[K" : ""  // the rest of a longer line before
            if progress { writeStandardError("\r" + event.message + clear + (written < total ? "" : "\n")) }
        default: time(event.message)
        }
    }

    /// Templates and release settings of `--templates`, else `$SVCTRADE_TEMPLATES`, else `templates`,
    /// with the pilot practices of `datasets` when given (commands that compose a bulletin).
    static func load(templates: String?, datasets: String?) throws -> BulletinResources {
        try .load(templates: templates ?? variable("SVCTRADE_TEMPLATES") ?? "templates", datasets: datasets)
    }

    /// The Chromium on the caller's `$PATH`, for the PDF.
    static var chromium: String? { BulletinPrinter.chromium(path: variables["PATH"]) }
}

func writeStandardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

/// True when standard error is a terminal (progress is shown only then).
var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

/// Writes `bytes` to the file `output` (saying so on standard error), else to standard output.
func emit(_ bytes: Data, to output: String?) throws {
    guard let output else { return try StandardOutput.write(bytes) }
    try OutputFile.write(bytes, to: output)
    writeStandardError("wrote \(output)\n")
}
