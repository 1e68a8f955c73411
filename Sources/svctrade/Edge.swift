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

    /// The request for `address`: a PostgreSQL call given up after `$SVCTRADE_PG_TIMEOUT` seconds
    /// (default 600), `$PGPASSWORD` for an address without one, the store's events on standard error.
    static func request(_ address: String, wait: Int? = nil, mayCreate: Bool = false) -> StoreRequest {
        StoreRequest(
            address: address, importLockWait: wait, mayCreate: mayCreate,
            callDeadline: variables["SVCTRADE_PG_TIMEOUT"].flatMap { Int($0) }.map { max(1, $0) },
            password: variables["PGPASSWORD"], events: show)
    }

    /// What the store says while it works: a wait on a terminal, timings with `$SVCTRADE_TIMING`.
    static let show: StoreEventHandler = { event in
        if case .waitingForWriter = event {
            if standardErrorIsTerminal { writeStandardError(event.message + "\n") }
        } else {
            time(event.message)
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

/// Files are written whole or not at all (``TradeWorkflows/OutputFile``).
typealias OutputFile = TradeWorkflows.OutputFile

/// C's `stdout` stream, the one `print` writes to, looked up by name: Swift 6 refuses to read the
/// C global directly (it is mutable shared state), and the process never replaces it.
private var cStandardOutput: UnsafeMutablePointer<FILE>? {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "stdout") else { return nil }
    return symbol.assumingMemoryBound(to: UnsafeMutablePointer<FILE>?.self).pointee
}

/// Standard output, checked: a write that fails (a full disk, a closed pipe) is an error, not success.
enum StandardOutput {
    /// The reason of the last failed flush (-1: an earlier failure whose reason is gone).
    nonisolated(unsafe) static var lastError: Int32 = 0

    /// Flushes standard output; `false` when any write to it failed (``lastError`` says why).
    static func flush() -> Bool {
        if fflush(nil) != 0 {
            lastError = errno
            return false
        }
        // A write that failed earlier (print's buffer filled a full disk) leaves only the stream's
        // error flag: glibc drops the bytes it could not write.
        if let stream = cStandardOutput, ferror(stream) != 0 {
            lastError = -1
            return false
        }
        return true
    }

    /// The one line to print when standard output failed; `nil` for a reader that went away (a closed
    /// pipe, `svctrade table | head`), which is not an error worth a word.
    static func failureMessage() -> String? {
        if lastError == EPIPE { return nil }
        if lastError < 0 {
            return
                "error: could not write all of standard output (the disk is full or the device closed); the output is incomplete"
        }
        return
            "error: could not write to standard output: \(String(cString: strerror(lastError))); the output is incomplete"
    }

    /// Writes bytes straight to standard output (after what `print` has buffered).
    static func write(_ data: Data) throws {
        guard flush() else { throw failure() }
        do { try FileHandle.standardOutput.write(contentsOf: data) } catch {
            lastError = errno
            throw failure()
        }
    }

    static func failure() -> WorkflowRefusal {
        WorkflowRefusal("could not write to standard output: \(String(cString: strerror(lastError)))")
    }
}

/// Writes `bytes` to the file `output` (saying so on standard error), else to standard output.
func emit(_ bytes: Data, to output: String?) throws {
    guard let output else { return try StandardOutput.write(bytes) }
    try OutputFile.write(bytes, to: output)
    writeStandardError("wrote \(output)\n")
}
