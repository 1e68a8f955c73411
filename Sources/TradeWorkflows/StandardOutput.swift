import Foundation

/// C's `stdout` stream, the one `print` writes to, looked up by name: Swift 6 refuses to read the
/// C global directly (it is mutable shared state), and the process never replaces it.
private var cStandardOutput: UnsafeMutablePointer<FILE>? {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "stdout") else { return nil }
    return symbol.assumingMemoryBound(to: UnsafeMutablePointer<FILE>?.self).pointee
}

/// The process's standard output, checked (for the executable: libraries write nothing to it themselves):
/// a write that fails (a full disk, a closed pipe) is an error, not success.
public enum StandardOutput {
    /// The reason of the last failed flush (-1: an earlier failure whose reason is gone).
    nonisolated(unsafe) private static var lastError: Int32 = 0

    /// Flushes standard output; `false` when any write to it failed (``lastError`` says why).
    public static func flush() -> Bool {
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
    public static func failureMessage() -> String? {
        if lastError == EPIPE { return nil }
        if lastError < 0 {
            return
                "error: could not write all of standard output (the disk is full or the device closed); the output is incomplete"
        }
        return
            "error: could not write to standard output: \(String(cString: strerror(lastError))); the output is incomplete"
    }

    /// Writes bytes straight to standard output (after what `print` has buffered).
    public static func write(_ data: some DataProtocol) throws {
        guard flush() else { throw failure() }
        do { try FileHandle.standardOutput.write(contentsOf: data) } catch {
            lastError = errno
            throw failure()
        }
    }

    private static func failure() -> WorkflowRefusal {
        WorkflowRefusal("could not write to standard output: \(String(cString: strerror(lastError)))")
    }
}
