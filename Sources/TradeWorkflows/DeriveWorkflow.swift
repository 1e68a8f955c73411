import Foundation
import TradeCore
import TradeReport
import TradeStore

/// `svctrade derive`: year to date and year-on-year growth of every export and import series of the
/// stored panel, to CSV text (handed out block by block, so memory stays flat) and to a new SQLite
/// file. Reads through any ``TradeCore/FigureReader``.
public enum DeriveWorkflow {
    /// The header line of the CSV.
    public static let csvHeader = "period,region,sector,flow,value,ytd,yoy_month_pct,yoy_ytd_pct\n"

    /// Series derived per block (each block cut over every core).
    static let block = 2048

    /// Derives every export and import series of `store`'s panel; `csv` receives the CSV bytes (header
    /// first) in order, and `sqlite` names a new file for the packed derived series.
    ///
    /// - Throws: ``WorkflowRefusal`` when the store has no panel or `sqlite` exists already.
    public static func run(
        store: any FigureReader, csv: (([UInt8]) throws -> Void)?, sqlite: String?
    ) async throws {
        if let sqlite, FileManager.default.fileExists(atPath: sqlite) {
            throw WorkflowRefusal("\(ControlCharacters.escaped(sqlite)) exists; derive writes a new SQLite file")
        }
        let panel = try await store.monthlyPanel(.everything)
        let series = panel.series.filter { $0.key.flow == .export || $0.key.flow == .import }
        guard !series.isEmpty else { throw WorkflowRefusal("the store has no monthly panel of exports and imports") }
        try csv?(Array(csvHeader.utf8))
        let keep = sqlite != nil  // the derived arrays are kept only for the SQLite file
        let wantCSV = csv != nil
        var derived: [PanelDerivation.Derived] = []
        if keep { derived.reserveCapacity(series.count) }
        for start in stride(from: 0, to: series.count, by: block) {
            let range = start..<min(series.count, start + block)
            let pieces = OrderedParallelMap.map(
                OrderedParallelMap.ranges(count: range.count, pieces: ProcessInfo.processInfo.activeProcessorCount)
                    .map { ($0.lowerBound + start)..<($0.upperBound + start) }
            ) { part -> [Piece] in
                var piece = Piece()
                if wantCSV { piece.csv.reserveCapacity(part.count * 256 * 60) }
                for i in part {
                    let d = PanelDerivation.derive(series[i])
                    if keep { piece.derived.append(d) }
                    if wantCSV { DerivedCSV.append(series[i], d, to: &piece.csv) }
                }
                return [piece]
            }
            for piece in pieces {
                if let csv, !piece.csv.isEmpty { try csv(piece.csv) }
                derived += piece.derived
            }
        }
        if let sqlite { try DerivedStore.write(series: series, derived: derived, path: sqlite) }
    }

    /// Derives into the files named: the CSV `csvFile` is written whole or not at all (``OutputFile``),
    /// `sqlite` is a new SQLite file.
    public static func run(store: any FigureReader, csvFile: String?, sqlite: String?) async throws {
        let file = try csvFile.map { try OutputFile(path: $0) }
        do {
            try await run(store: store, csv: file.map { f in { try f.write($0) } }, sqlite: sqlite)
            try file?.finish()
        } catch {
            file?.abandon()  // no partial CSV is left behind
            throw error
        }
    }

    /// What one core derived from its run of series.
    struct Piece: Sendable {
        var derived: [PanelDerivation.Derived] = []
        var csv: [UInt8] = []
    }
}
