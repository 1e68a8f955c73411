import Foundation

@testable import TradeIngest

/// libFuzzer entry: the bytes become a CSV file, read by the fast path (when it takes the file) and by
/// the general reader. Neither may crash; where the fast path takes a file, both must read the same
/// figures and panel, or both reject it. The fast path is also run with the file cut into three parts
/// and merged (as a large file is): where it takes the file, the general reader must read the same
/// panel. A disagreement traps, which libFuzzer saves as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = FuzzFile.path
    guard let handle = fopen(path, "wb") else { return 0 }
    _ = fwrite(data, 1, size, handle)
    fclose(handle)
    var fast = ObservationReader()
    fast.options.usesFastPath = true
    var general = ObservationReader()
    general.options.usesFastPath = false
    let a = Result { () throws(ImportError) in try fast.read(path: path, displayName: "fuzz.csv") }
    let b = Result { () throws(ImportError) in try general.read(path: path, displayName: "fuzz.csv") }
    var parted = FastPanelReader(reader: ObservationReader(), file: "fuzz.csv", release: "fuzz")
    parted.partMinimum = 0
    parted.pieces = 3
    parted.sideBySide = false  // the same cut and merge; thread hand-offs cost 4× the executions
    if let p = parted.read(path: path, progress: nil) {
        guard case .success(let y) = b, p.panel.series.map(\.key) == y.panel.series.map(\.key),
            p.panel.series.map(\.values) == y.panel.series.map(\.values),
            p.panel.series.map(\.present) == y.panel.series.map(\.present),
            p.panel.series.map(\.firstMonth) == y.panel.series.map(\.firstMonth), p.rowCount == y.rowCount
        else {
            FileHandle.standardError.write(Data("the fast path in parts and the general reader disagree\n".utf8))
            abort()
        }
    }
    switch (a, b) {
    case (.success(let x), .success(let y)):
        if x.panel.series.map(\.key) != y.panel.series.map(\.key)
            || x.panel.series.map(\.values) != y.panel.series.map(\.values)
            || x.panel.series.map(\.present) != y.panel.series.map(\.present) || x.figures != y.figures
        {
            FileHandle.standardError.write(Data("fast path and general reader disagree\n".utf8))
            abort()
        }
    case (.failure, .failure):
        break
    default:
        FileHandle.standardError.write(Data("one reader accepted what the other rejected\n".utf8))
        abort()
    }
    return 0
}

enum FuzzFile {
    /// One scratch file per process, in memory where the system has /dev/shm.
    static let path: String = {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        return "\(folder)/svctrade-fuzz-\(getpid()).csv"
    }()
}
