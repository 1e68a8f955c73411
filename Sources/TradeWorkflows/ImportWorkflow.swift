import Foundation
import TradeCore
import TradeIngest

/// `svctrade import`: every file read and checked completely, then all of them written in one
/// transaction, or nothing.
public enum ImportWorkflow {
    /// `svctrade import`: reads every file with `reader` (`progress` hears how far, as a line to show
    /// over the last one), then, unless `dryRun`, writes them into the store `open` opens (`time` hears
    /// how long each phase took). Returns what to say of the files and of the store, shown as `shown`.
    ///
    /// - Throws: ``NothingImported`` with the first problem; nothing is written then.
    public static func run(
        _ files: [String], reader: ObservationReader, dryRun: Bool, shown: String,
        progress: @escaping (String) -> Void, time: (String) -> Void, open: () async throws -> any FigureWriter
    ) async throws -> [String] {
        let started = ContinuousClock.now
        let batches = try read(files, reader: reader) { file, done, all in
            progress(all > 0 ? "\r\(file): \(done * 100 / all)% read" : "\r\u{1B}[K")
        }
        guard !dryRun else { return report(batches, dryRun: true) }
        time("read: \(ContinuousClock.now - started)")
        let summary = try await write(batches, to: open)
        time("written: \(ContinuousClock.now - started)")
        let (elapsed, rows) = (ContinuousClock.now - started, batches.map(\.rowCount).reduce(0, +))
        return report(batches, dryRun: false) + [stored(summary, in: shown, rows: rows, elapsed: elapsed)]
    }

    /// Reads every file; `progress` hears (file, bytes done, bytes in all) while a file is read, and
    /// (file, 0, 0) when it is done or failed.
    ///
    /// - Throws: ``NothingImported`` with the first file's problem (file:line:column, field, expected).
    public static func read(
        _ files: [String], reader: ObservationReader, progress: @escaping (String, Int, Int) -> Void = { _, _, _ in }
    ) throws -> [ImportBatch] {
        try files.map { file in
            defer { progress(file, 0, 0) }
            do {
                return try reader.read(path: file, displayName: file) { progress(file, $0, $1) }
            } catch {
                throw NothingImported(reason: "\(error)")
            }
        }
    }

    /// Opens the store with `open` and writes the batches in one transaction.
    ///
    /// - Throws: ``NothingImported`` when the store cannot be opened or refuses the batches.
    public static func write(
        _ batches: [ImportBatch], to open: () async throws -> any FigureWriter
    ) async throws -> ImportSummary {
        do {
            return try await open().importBatches(batches)
        } catch let e as any UserFacingError {
            throw NothingImported(reason: e.description)
        }
    }
}

extension ImportWorkflow {
    /// The first option value `svctrade import` cannot use, as a message, or `nil`.
    public static func problem(unit: String, release: String?, releaseDate: String?, fileCount: Int) -> String? {
        if MonetaryUnit(parsing: unit) == nil { return "unknown unit \"\(unit)\"; expected \(MonetaryUnit.accepted)" }
        if let releaseDate, !ReleaseDate.isValid(releaseDate) {
            return "--release-date \"\(releaseDate)\" is not a date; expected YYYY-MM-DD"
        }
        if release != nil && fileCount > 1 {
            return "--release names one vintage; import several files with --release one at a time"
        }
        return nil
    }

    /// The reader of `svctrade import`: values without a unit column in `unit` (default CNY 10k),
    /// and the `release` published on `releaseDate` for files without a release column.
    public static func reader(unit: String, release: String?, releaseDate: String?) -> ObservationReader {
        ObservationReader(
            options: ObservationReader.Options(
                defaultUnit: MonetaryUnit(parsing: unit) ?? MonetaryUnit(.cny, .tenThousand), release: release,
                releaseDate: releaseDate))
    }

    /// What `svctrade import` says of each file read: rows, layout, figures, monthly values and
    /// series, then the file's notes; `dryRun`: read without error and nothing written.
    public static func report(_ batches: [ImportBatch], dryRun: Bool) -> [String] {
        batches.flatMap { b in
            let counts =
                "\(b.figures.filter(\.isPreferred).count) figures, \(b.panel.observationCount) monthly values in \(b.panel.series.count) series"
            let line =
                dryRun
                ? "\(b.file): \(b.rowCount) rows (\(b.layout) layout) read without error: \(counts); nothing written (--dry-run)"
                : "\(b.file): \(b.rowCount) rows (\(b.layout) layout): \(counts)"
            return [line] + b.notes.map { "  note: \($0)" }
        }
    }

    /// The closing line of an import into the store shown as `shown`, `elapsed` after it started.
    public static func stored(_ summary: ImportSummary, in shown: String, rows: Int, elapsed: Duration) -> String {
        let seconds = Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds)
        return
            "stored in \(shown): releases \(summary.releases.joined(separator: ", ")); \(summary.newSeries) new series; \(summary.figures) figure rows, \(summary.monthlyValues) monthly values; \(rows) rows in \(String(format: "%.2f", seconds)) s"
    }
}

/// An import that was refused: what was wrong, and that the store is as it was.
public struct NothingImported: UserFacingError {
    /// What was wrong.
    public var reason: String

    /// The message: the reason, then "nothing was imported".
    public var description: String {
        (reason.hasPrefix("error: ") ? String(reason.dropFirst(7)) : reason) + "\nnothing was imported"
    }
}
