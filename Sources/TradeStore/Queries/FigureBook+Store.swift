import Foundation
import GRDB
import Synchronization
import TradeCore

extension TradeDatabase: FigureWriter {
    /// Everything known as of a date (`YYYY-MM-DD`; `nil` for the latest), ready for bulletin arithmetic.
    public func figureBook(asOf: String? = nil) throws -> FigureBook {
        try figureBook(FigureSelection(asOf: asOf))
    }

    /// The selected figures and panel months, all read from one state of the store. When several
    /// releases published a figure for the same series and span, the latest release (by publication
    /// date, then import order) is used.
    ///
    /// A large panel is read in parts side by side (ranges of block row ids, one reader connection
    /// each, on every core); each part notes the newest release it saw, and the parts are used only
    /// when they all saw the same one (every write adds a release; a write that lands between the
    /// parts' reads makes them read again, and a third miss reads everything in one transaction).
    public func figureBook(_ selection: FigureSelection) throws -> FigureBook {
        let parts = try panelParts()
        if parts.count > 1 {
            for _ in 0..<2 {
                if let book = try figureBookInParts(selection, parts: parts) { return book }
            }
        }
        return try figureBookInOneRead(selection)
    }

    /// The book read in one transaction on one connection (small panels, and the fallback).
    func figureBookInOneRead(_ selection: FigureSelection) throws -> FigureBook {
        try queue.read { db in
            FigureBook(
                vintages: try Self.figures(db, selection, preferredOnly: true).map { ($0.observation, $0.releaseDate) },
                panel: Self.assemble(try Self.panelBlocks(db, selection, rowids: nil)))
        }
    }

    /// Ranges of block row ids for reading a large panel side by side; one range for a small panel.
    func panelParts() throws -> [ClosedRange<Int64>] {
        let (lo, hi) = try queue.read { db -> (Int64, Int64) in
            let row = try Row.fetchOne(db, sql: "SELECT min(rowid), max(rowid) FROM monthly_block")
            return (row?[0] ?? 0, row?[1] ?? -1)
        }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard hi - lo >= 4096, cores > 1 else { return [lo...max(lo, hi)] }
        let size = (hi - lo + Int64(cores)) / Int64(cores)
        return stride(from: lo, through: hi, by: Int(size)).map { $0...min(hi, $0 + size - 1) }
    }

    /// `read` run over the parts side by side, each part in a read transaction of its own on its own
    /// connection, results in part order; `nil` when the parts did not all see the same newest
    /// release (a write landed between their reads: every write adds a release).
    func readInParts<T: Sendable>(
        _ parts: [ClosedRange<Int64>], _ read: @Sendable (Database, Int, ClosedRange<Int64>) throws -> T
    ) throws -> [T]? {
        let results = Mutex([Result<(T, Int64), any Error>?](repeating: nil, count: parts.count))
        DispatchQueue.concurrentPerform(iterations: parts.count) { k in
            let result = Result<(T, Int64), any Error> {
                try queue.read { db in
                    (
                        try read(db, k, parts[k]),
                        try Int64.fetchOne(db, sql: "SELECT ifnull(max(id), 0) FROM release") ?? 0
                    )
                }
            }
            results.withLock { $0[k] = result }
        }
        let reads = try results.withLock { $0 }.map {
            try ($0 ?? .failure(StoreError(.cannotOpen, "a part was not read"))).get()
        }
        guard let newest = reads.first?.1, reads.allSatisfy({ $0.1 == newest }) else { return nil }
        return reads.map(\.0)
    }

    /// The book from the parts read side by side (the first part reads the figures too), or `nil`
    /// when a write landed between their reads.
    private func figureBookInParts(_ selection: FigureSelection, parts: [ClosedRange<Int64>]) throws -> FigureBook? {
        guard
            let reads = try readInParts(
                parts,
                { db, k, rowids in
                    (
                        try Self.panelBlocks(db, selection, rowids: rowids),
                        k == 0 ? try Self.figures(db, selection, preferredOnly: true) : []
                    )
                })
        else { return nil }
        return FigureBook(
            vintages: (reads.first?.1 ?? []).map { ($0.observation, $0.releaseDate) },
            panel: Self.assemble(reads.flatMap(\.0)))
    }
}
