import Foundation

/// Runs the built `svctrade` binary, as a user would.
public struct CommandRunner: Sendable {
    /// What a run printed and returned.
    public struct Result: Sendable {
        /// Exit status.
        public var status: Int32
        /// Standard output.
        public var stdout: String
        /// Standard error.
        public var stderr: String
    }

    /// Path of the binary.
    public let executable: String

    /// Finds `svctrade` next to the running test bundle (the build folder), else under `.build/debug`.
    public init() {
        let fm = FileManager.default
        var candidates: [String] = []
        if let exe = Bundle.main.executableURL {
            var dir = exe.deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(dir.appendingPathComponent("svctrade").path)
                dir.deleteLastPathComponent()
            }
        }
        let arg0 = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        candidates.append(arg0.appendingPathComponent("svctrade").path)
        candidates.append(Repository.root + "/.build/debug/svctrade")
        executable = candidates.first { fm.isExecutableFile(atPath: $0) } ?? candidates.last ?? "svctrade"
    }

    /// Runs `svctrade arguments…` in `directory` with extra environment variables, `input` (if any)
    /// written to its standard input through a pipe.
    public func run(
        _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:], input: Data? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        env["SVCTRADE_DB"] = nil
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inPipe = input.map { _ in Pipe() }
        if let inPipe { process.standardInput = inPipe }
        try process.run()
        if let inPipe, let input {
            let writer = inPipe.fileHandleForWriting
            DispatchQueue.global().async {
                writer.write(input)
                try? writer.close()
            }
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs any other program to the end (a script, `curl`): its status and standard output; its
    /// standard error is dropped.
    public static func program(_ path: String, _ arguments: [String]) throws -> (status: Int32, stdout: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    /// Starts `svctrade arguments…` in the background, its output going to files in `directory`;
    /// the caller waits for it or kills it.
    public func start(
        _ arguments: [String], outputIn directory: String, name: String, environment: [String: String] = [:]
    ) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["SVCTRADE_DB"] = nil
        for (k, v) in environment { env[k] = v }
        process.environment = env
        FileManager.default.createFile(atPath: "\(directory)/\(name).out", contents: nil)
        FileManager.default.createFile(atPath: "\(directory)/\(name).err", contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: "\(directory)/\(name).out")
        process.standardError = FileHandle(forWritingAtPath: "\(directory)/\(name).err")
        try process.run()
        return process
    }
}
