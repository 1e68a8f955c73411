import Benchmark
import Foundation
import TradeCore
import TradeIngest
import TradeStore

/// Hot paths on a deterministic 120,000-row panel written to a temporary file (the shape of
/// bench/gen.py): the byte scanner, the fast and general readers, the store write, the panel read,
/// the YTD/YoY kernel (W3) and the one-month rollups (W2).
/// Run: cd Benchmarks && swift package --disable-sandbox benchmark --no-progress
let benchmarks: @Sendable () -> Void = {
    let path = NSTemporaryDirectory() + "svctrade-bench-panel.csv"
    var text = "period,region,sector,flow,value\n"
    var state: UInt64 = 42
    for month in 0..<24 {
        let period = "\(2020 + month / 12)-" + String(format: "%02d", month % 12 + 1)
        for region in 1...50 {
            for sector in ["SA", "SB", "SC", "SD", "SE", "SF", "SG", "SH", "SI", "SJ", "SK", "SL", "SC1", "SC2", "SD21", "SI2", "SJ1", "SJ2", "SK1", "SL1", "SA1", "SB1", "SE1", "SF1", "SG1", "SH1", "SH2", "SI1", "SI3", "SJ3", "SK2", "SL2", "SC3", "SC4", "SD1", "SD2", "SE2", "SF2", "SF3", "SF4", "SG2", "SH3", "SH4", "SI21", "SI22", "SJ11", "SJ12", "SJ21", "SJ22", "SA2"] {
                for flow in ["X", "M"] {
                    state = state &* 6364136223846793005 &+ 1442695040888963407
                    text += "\(period),R\(String(format: "%03d", region)),\(sector),\(flow),\(state % 1_000_000 / 100).\(state % 100 < 10 ? "0" : "")\(state % 100)\n"
                }
            }
        }
    }
    try? text.write(toFile: path, atomically: true, encoding: .utf8)
    let configuration = Benchmark.Configuration(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(5))

    Benchmark("CSVScan 120k rows", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            guard let scanner = try? CSVScanner(path: path) else { return }
            var fields = 0
            try? scanner.forEachRecord { _, f, _, _ in fields += f.count }
            scanner.close()
            blackHole(fields)
        }
    }
    Benchmark("Read panel 120k rows, fast path", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? ObservationReader().read(path: path))
        }
    }
    let batch = try? ObservationReader().read(path: path)
    Benchmark("Store write 120k values (in memory)", configuration: configuration) { benchmark in
        guard let batch else { return }
        for _ in benchmark.scaledIterations {
            let db = try? TradeDatabase.inMemory()
            blackHole(try? db?.importBatches([batch]))
        }
    }
    let stored = try? TradeDatabase.inMemory()
    if let batch { _ = try? stored?.importBatches([batch]) }
    Benchmark("Store read: panel slice for one month's bulletin", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? stored?.panelSlice(months: PanelBulletin.months(for: Period(year: 2021, month: 4) ?? Period(index: 0)!)))
        }
    }
    Benchmark("YTD/YoY kernel over the panel (W3)", configuration: configuration) { benchmark in
        guard let panel = batch?.panel else { return }
        for _ in benchmark.scaledIterations {
            for s in panel.series { blackHole(PanelDerivation.derive(s)) }
        }
    }
    Benchmark("Rollups of one month over regions and sectors (W2)", configuration: configuration) { benchmark in
        let april = Period(year: 2021, month: 4) ?? Period(index: 0)!
        let months = PanelBulletin.months(for: april)
        guard let slice = try? stored?.panelSlice(months: months) else { return }
        for _ in benchmark.scaledIterations {
            blackHole(PanelBulletin.rows(keys: slice.keys, values: slice.values, months: months, month: april))
        }
    }
    Benchmark("Read panel 120k rows, general path", configuration: configuration) { benchmark in
        var options = ObservationReader.Options()
        options.usesFastPath = false
        for _ in benchmark.scaledIterations {
            blackHole(try? ObservationReader(options: options).read(path: path))
        }
    }
}
