import Foundation
import TradeBulletin
import TradeCore

/// A file written whole or not at all: bytes go to a temporary file beside it, which is renamed over
/// the target only when every byte is on disk. A full disk or a missing folder is one line naming the
/// file and the reason, and no partial or empty file is left behind.
public struct OutputFile: Sendable {
    /// The file being written.
    public let path: String
    private let temporary: String
    private let descriptor: Int32

    /// Starts writing `path` (created or replaced when ``finish()`` succeeds).
    ///
    /// - Throws: ``WorkflowRefusal`` naming the file and the reason.
    public init(path: String) throws {
        self.path = path
        temporary = path + ".partial-\(getpid())"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw Self.failure(path, errno) }
    }

    /// Appends bytes (written in place, not copied); on failure the temporary file is removed.
    public func write(_ bytes: some ContiguousBytes) throws {
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
        if let code = failed { try abandon(failing: code) }
    }

    /// Flushes the bytes to disk and puts the file in place.
    public func finish() throws {
        if fsync(descriptor) != 0 && errno != EINVAL && errno != EROFS { try abandon(failing: errno) }
        if close(descriptor) != 0 || rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw Self.failure(path, code)
        }
    }

    /// Gives up: the temporary file is removed, the target untouched.
    public func abandon() {
        close(descriptor)
        unlink(temporary)
    }

    private func abandon(failing code: Int32) throws -> Never {
        abandon()
        throw Self.failure(path, code)
    }

    /// Writes `data` to `path` whole or not at all.
    public static func write(_ data: Data, to path: String) throws {
        let file = try OutputFile(path: path)
        try file.write(data)
        try file.finish()
    }

    /// Writes composed files under `folder` (creating it and its subfolders), each whole or not at all.
    public static func write(_ files: [BulletinComposer.File], into folder: String) throws {
        for file in files {
            let path = folder + "/" + file.name
            do {
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            } catch {
                throw WorkflowRefusal(
                    "cannot create the folder of \(ControlCharacters.escaped(path)); check that \(ControlCharacters.escaped(folder)) is writable"
                )
            }
            try write(file.data, to: path)
        }
    }

    static func failure(_ path: String, _ code: Int32) -> WorkflowRefusal {
        WorkflowRefusal(
            "cannot write \(ControlCharacters.escaped(path)): \(String(cString: strerror(code))); nothing was written there"
        )
    }
}
