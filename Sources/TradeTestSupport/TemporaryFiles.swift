import Foundation

/// Files and folders in a fresh temporary directory, for tests.
public struct TemporaryFolder: Sendable {
    /// The folder's path.
    public let path: String

    /// Creates a new empty folder.
    public init() throws {
        let p = NSTemporaryDirectory() + "svctrade-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: p, withIntermediateDirectories: true)
        path = p
    }

    /// Writes `bytes` to `name` in the folder and returns the path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Writes UTF-8 `text` to `name` in the folder and returns the path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    /// A path in the folder (not created).
    public func file(_ name: String) -> String { path + "/" + name }

    /// Removes the folder.
    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Where the repository's shipped files are, found from this source file's location.
public enum Repository {
    /// The repository root (the folder holding Package.swift).
    public static var root: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }

    /// `datasets/NAME`.
    public static func dataset(_ name: String) -> String { root + "/datasets/" + name }
}
