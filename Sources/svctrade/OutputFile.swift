import Foundation
import TradeCore

/// A file written whole or not at all: bytes go to a temporary file beside it, which is renamed over
/// the target only when every byte is on disk. A full disk or a missing folder is one line naming the
/// file and the reason, and no partial or empty file is left behind.
struct OutputFile {
    let path: String
    private let temporary: String
    private let descriptor: Int32

    /// Starts writing `path` (created or replaced when ``finish()`` succeeds).
    init(path: String) throws {
        self.path = path
        temporary = path + ".partial-\(getpid())"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw Self.failure(path, errno) }
    }

    /// Appends bytes (written in place, not copied); on failure the temporary file is removed.
    func write(_ bytes: some ContiguousBytes) throws {
        let failed: Int32? = bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(descriptor, raw.baseAddress?.advanced(by: offset), raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
        if let code = failed {
            abandon()
            throw Self.failure(path, code)
        }
    }

    /// Flushes the bytes to disk and puts the file in place.
    func finish() throws {
        if fsync(descriptor) != 0 && errno != EINVAL && errno != EROFS {
            let code = errno
            abandon()
            throw Self.failure(path, code)
        }
        if close(descriptor) != 0 {
            let code = errno
            unlink(temporary)
            throw Self.failure(path, code)
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw Self.failure(path, code)
        }
    }

    /// Gives up: the temporary file is removed, the target untouched.
    func abandon() {
        close(descriptor)
        unlink(temporary)
    }

    /// Writes `data` to `path` whole or not at all.
    static func write(_ data: Data, to path: String) throws {
        let file = try OutputFile(path: path)
        try file.write(data)
        try file.finish()
    }

    static func failure(_ path: String, _ code: Int32) -> InputRejected {
        InputRejected(
            message:
                "error: cannot write \(ControlCharacters.escaped(path)): \(String(cString: strerror(code))); nothing was written there"
        )
    }
}

/// C's `stdout` stream, the one `print` writes to, looked up by name: Swift 6 refuses to read the
/// C global directly (it is mutable shared state), and the process never replaces it.
private var cStandardOutput: UnsafeMutablePointer<FILE>? {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "stdout") else { return nil }
    return symbol.assumingMemoryBound(to: UnsafeMutablePointer<FILE>?.self).pointee
}

/// Standard output, checked: a write that fails (a full disk, a closed pipe) is an error, not success.
enum StandardOutput {
    /// Flushes standard output; `false` when any write to it failed (``lastError`` says why).
    static func flush() -> Bool {
        if fflush(nil) != 0 {
            lastError = errno
            return false
        }
        // A write that failed earlier (print's buffer filled a full disk) leaves only the stream's
        // error flag: glibc drops the bytes it could not write.
        if let stream = cStandardOutput, ferror(stream) != 0 {
            lastError = -1  // the reason of the earlier failure is gone
            return false
        }
        return true
    }

    /// The reason of the last failed flush.
    nonisolated(unsafe) static var lastError: Int32 = 0

    /// The one line to print when standard output failed; `nil` for a reader that went away (a closed
    /// pipe, `svctrade table | head`), which is not an error worth a word.
    static func failureMessage() -> String? {
        if lastError == EPIPE { return nil }
        if lastError < 0 {
            return
                "error: could not write all of standard output (the disk is full or the device closed); the output is incomplete"
        }
        if lastError < 0 {
            return "error: could not write all of standard output (a full disk?); the output is incomplete"
        }
        return
            "error: could not write to standard output: \(String(cString: strerror(lastError))); the output is incomplete"
    }

    /// Writes bytes straight to standard output (after what `print` has buffered).
    static func write(_ data: Data) throws {
        guard flush() else { throw failure(lastError) }
        do {
            try FileHandle.standardOutput.write(contentsOf: data)
        } catch {
            lastError = errno
            throw failure(lastError)
        }
    }

    static func failure(_ code: Int32) -> InputRejected {
        InputRejected(message: "error: could not write to standard output: \(String(cString: strerror(code)))")
    }
}
