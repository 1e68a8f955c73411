import Synchronization
import Testing
import TradeCore
import TradeStore
import TradeTestSupport

/// The write phase of an import reports its progress through the store's events (the store prints nothing).
@Suite struct WriteProgressTests {
    final class Recorder: Sendable {
        let events = Mutex<[StoreEvent]>([])
    }

    @Test func anImportTellsItsWriteProgressOncePerPercent() throws {
        let recorder = Recorder()
        let db = try TradeDatabase(path: ":memory:") { event in recorder.events.withLock { $0.append(event) } }
        let summary = try db.importBatches(try ShippedData.batches())
        let progress = recorder.events.withLock { $0 }.compactMap { event -> (written: Int, total: Int)? in
            if case .rowsProgress(let written, let total, _) = event { (written, total) } else { nil }
        }
        let total = summary.figures + summary.monthlyValues
        #expect(total > 1000)
        #expect(progress.last?.written == total)
        #expect(progress.allSatisfy { $0.total == total })
        // Once per percent, from the first row (0 %) to the last (100 %), whatever the size.
        let percents = progress.map { $0.written * 100 / total }
        #expect(percents.first == 0 && percents.last == 100 && progress.count <= 101)
        #expect(zip(percents, percents.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func theProgressLineSaysPercentRowsAndRate() {
        #expect(
            StoreEvent.rowsProgress(written: 500, total: 2000, elapsed: .milliseconds(250)).message
                == "writing: 25% (500 of 2000 rows, 2000 rows/s)")
        #expect(
            StoreEvent.rowsProgress(written: 0, total: 0, elapsed: .zero).message
                == "writing: 100% (0 of 0 rows, 0 rows/s)")
    }
}
