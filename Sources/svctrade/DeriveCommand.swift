import ArgumentParser
import Dispatch
import Foundation
import TradeCore
import TradeReport
import TradeStore

struct DeriveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "derive",
        abstract:
            "Year to date and year-on-year growth for every series and month of the stored panel, to CSV or to a new SQLite file.",
        discussion: """
            Calendar-matched: month t is compared with month t − 12 of the same series; a year to date needs every
            month from January; growth is empty when the base is missing or not positive. Rates are unrounded
            (a checking and exchange output). CSV columns: period,region,sector,flow,value,ytd,yoy_month_pct,yoy_ytd_pct
            (flow X or M, levels in the panel's unit). The SQLite file holds a table `derived` with one row per
            series: key, first month, and packed columns (presence bitmap, YTD as zigzag varints, the two rates as
            little-endian float64 with NaN for empty).

            Example: svctrade derive --db panel.sqlite --csv panel-ytd.csv
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "Write the rows as CSV to this file.")
    var csv: String?

    @Option(help: "Write the derived series to this new SQLite file.")
    var sqlite: String?

    func validate() throws {
        guard csv != nil || sqlite != nil else { throw ValidationError("give --csv FILE, --sqlite FILE, or both") }
    }

    func run() throws {
        let database = try store.readOnlySQLite()
        let panel = try database.monthlyPanel()
        let series = panel.series.filter { $0.key.flow == .export || $0.key.flow == .import }
        guard !series.isEmpty else {
            throw InputRejected(message: "error: the store has no monthly panel of exports and imports")
        }
        // Blocks of series, each split over both cores; CSV text is written block by block so memory
        // stays flat.
        var derived = [PanelDerivation.Derived?](repeating: nil, count: series.count)
        var handle: OutputFile?
        if let csv {
            let h = try OutputFile(path: csv)
            try h.write(Data("period,region,sector,flow,value,ytd,yoy_month_pct,yoy_ytd_pct\n".utf8))
            handle = h
        }
        let wantCSV = csv != nil
        let keep = sqlite != nil  // the derived arrays are kept only for the SQLite file
        let block = 2048
        var start = 0
        while start < series.count {
            let end = min(series.count, start + block)
            let first = start
            let half = (end - first + 1) / 2
            var chunks = [[UInt8]](repeating: [], count: 2)
            derived.withUnsafeMutableBufferPointer { d in
                chunks.withUnsafeMutableBufferPointer { c in
                    let dp = DisjointSlots(d), cp = DisjointSlots(c)
                    DispatchQueue.concurrentPerform(iterations: 2) { part in
                        let lo = first + part * half, hi = min(end, lo + half)
                        guard lo < hi else { return }
                        var out: [UInt8] = []
                        if wantCSV { out.reserveCapacity((hi - lo) * 256 * 60) }
                        for i in lo..<hi {
                            let dv = PanelDerivation.derive(series[i])
                            if keep { dp.base[i] = dv }
                            if wantCSV { DerivedCSV.append(series[i], dv, to: &out) }
                        }
                        cp.base[part] = out
                    }
                }
            }
            if let handle { for c in chunks { try handle.write(c) } }
            start = end
        }
        try handle?.finish()
        if let sqlite {
            if FileManager.default.fileExists(atPath: sqlite) {
                throw InputRejected(message: "error: \(sqlite) exists; derive writes a new SQLite file")
            }
            try DerivedStore.write(series: series, derived: derived.compactMap { $0 }, path: sqlite)
        }
    }
}

/// Fast CSV formatting of derived rows: digits are written straight into the output buffer (no
/// allocation per number), rates with nine decimals.

/// Buffer slots written by concurrent tasks, each task writing only its own indices (the two halves
/// of `derive` touch disjoint ranges), so sharing the buffer is safe.
struct DisjointSlots<Element>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Element>

    init(_ base: UnsafeMutableBufferPointer<Element>) {
        self.base = base
    }
}
