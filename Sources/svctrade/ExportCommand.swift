import ArgumentParser
import TradeWorkflows

extension ExportWorkflow.Format: ExpressibleByArgument {}

/// `svctrade export`: the store's figures as SDMX or as one tidy table (``ExportWorkflow``).
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration.command(
        "export", "Write the store's observations as SDMX-CSV (svctrade import reads it), or as one tidy table.",
        example: "svctrade export --format sdmx-csv --sdmx-version 2 --region CN -o cn.csv")

    @OptionGroup var store: StoreOptions
    @Option(help: "SDMX-CSV, the SDMX-ML structure, or a tidy table.") var format: ExportWorkflow.Format = .sdmxCSV
    @Option(
        name: .customLong("sdmx-version"),
        help: "SDMX-CSV version: 1 (DATAFLOW first) or 2 (STRUCTURE, STRUCTURE_ID, ACTION).")
    var version = 1
    @Option(help: "Only this region's series (e.g. CN).") var region: String?
    @Flag(help: "Every copy of every figure (each source and release) in DF_SVC_TRADE_COPIES.") var allSources = false
    @Option(name: .shortAndLong, help: "Write to this file (default: standard output).") var output: String?

    func validate() throws {
        if let problem = ExportWorkflow.problem(version: version, region: region) { throw ValidationError(problem) }
    }

    func run() async throws {
        let said = try await ExportWorkflow.run(
            format, from: store.reader, region: region, version: version, allSources: allSources, output: output
        ) { print($0, terminator: "") }
        if let said { writeStandardError(said + "\n") }
    }
}
