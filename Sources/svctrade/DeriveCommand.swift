import ArgumentParser
import TradeWorkflows

struct DeriveCommand: AsyncParsableCommand {
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
            little-endian float64 with NaN for empty). The store may be SQLite or PostgreSQL.

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

    func run() async throws {
        let reader = try await store.reader()
        let file = try csv.map { try OutputFile(path: $0) }
        do {
            try await DeriveWorkflow.run(store: reader, csv: file.map { f in { try f.write($0) } }, sqlite: sqlite)
            try file?.finish()
        } catch {
            file?.abandon()  // no partial CSV is left behind
            throw error
        }
    }
}
