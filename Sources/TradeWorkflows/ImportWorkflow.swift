import TradeCore
import TradeIngest

/// `svctrade import`: every file read and checked completely, then all of them written in one
/// transaction, or nothing.
public enum ImportWorkflow {
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

/// An import that was refused: what was wrong, and that the store is as it was.
public struct NothingImported: UserFacingError {
    /// What was wrong.
    public var reason: String

    /// The message: the reason, then "nothing was imported".
    public var description: String {
        (reason.hasPrefix("error: ") ? String(reason.dropFirst(7)) : reason) + "\nnothing was imported"
    }
}
