import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A pipe, a terminal or process substitution (`svctrade import <(zcat obs.csv.gz)`, `/dev/stdin`)
/// can be read once only, but a file is read more than once (its header is looked at before the
/// rows): such an input is first copied whole to a temporary file, which is read instead and removed.
enum StreamSpool {
    /// True when `path` names something other than a regular file (a FIFO, a character device, …);
    /// false also when it cannot be looked at (the reader then reports why).
    static func isStream(_ path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0 else { return false }
        return (st.st_mode & S_IFMT) != S_IFREG && (st.st_mode & S_IFMT) != S_IFDIR
    }

    /// Copies the stream at `path` to a new temporary file and returns its path, or the reason it
    /// could not (as `strerror` says it).
    static func copy(_ path: String) -> Result<String, SpoolFailure> {
        let input = open(path, O_RDONLY)
        guard input >= 0 else { return .failure(SpoolFailure(reason: String(cString: strerror(errno)))) }
        defer { _ = close(input) }
        // The system's temporary folder (Foundation honours $TMPDIR); the library reads no variable itself.
        let folder = FileManager.default.temporaryDirectory.path
        var template = Array("\(folder)/svctrade-stream-XXXXXX.csv".utf8CString)
        let output = template.withUnsafeMutableBufferPointer { b -> Int32 in
            guard let base = b.baseAddress else { return -1 }
            return mkstemps(base, 4)
        }
        guard output >= 0 else {
            return .failure(SpoolFailure(reason: "no temporary file in \(folder): \(String(cString: strerror(errno)))"))
        }
        defer { _ = close(output) }
        let spooled = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else {
                unlink(spooled)
                return .failure(SpoolFailure(reason: String(cString: strerror(errno))))
            }
            if n == 0 { break }
            var written = 0
            while written < n {
                let w = buffer.withUnsafeBytes { raw -> Int in
                    guard let base = raw.baseAddress else { return -1 }
                    return write(output, base + written, n - written)
                }
                if w < 0 && errno == EINTR { continue }
                guard w > 0 else {
                    unlink(spooled)
                    return .failure(SpoolFailure(reason: "writing \(spooled): \(String(cString: strerror(errno)))"))
                }
                written += w
            }
        }
        return .success(spooled)
    }

    struct SpoolFailure: Error {
        let reason: String
    }
}
