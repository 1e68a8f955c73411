import ArgumentParser
import Foundation
import TradeCore
import TradeWorkflows

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a store from the shipped datasets/ and show what it holds (run from the repository root).",
        discussion:
            "Without --db the store is a scratch SQLite file that is removed afterwards; --db may name a file or postgres://…"
    )

    @Option(help: "Keep the store at this path or address (it must not hold the shipped releases yet).")
    var db: String?

    @Option(help: "Folder for tables, charts and the bulletin.")
    var out: String = "notebooks-output"

    @Option(help: "Folder with the shipped data.")
    var datasets: String = "datasets"

    func run() async throws {
        let demo = DemoWorkflow(datasets: datasets, out: out) { print($0) }
        let batches = try demo.shippedBatches()
        let scratch = db == nil
        let path = db ?? NSTemporaryDirectory() + "svctrade-demo-\(ProcessInfo.processInfo.processIdentifier).sqlite"
        defer { if scratch { try? FileManager.default.removeItem(atPath: path) } }
        let writer = try await StoreRegistry.standard.writer(StoreOptions.request(address: path, mayCreate: true))
        print("svctrade demo: store \(scratch ? "(scratch) " : "")\(StoreRegistry.standard.display(path))")
        let resources = try ResourceFolders.load(templates: nil, datasets: datasets)
        try await demo.run(batches: batches, store: writer, resources: resources, chromium: ResourceFolders.chromium) {
            try FileOutput.write($0, into: out)
        }
    }
}
