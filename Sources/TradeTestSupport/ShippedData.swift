import Foundation
import TradeBulletin
import TradeCore
import TradeIngest
import TradeStore
import TradeWorkflows

/// The data and resources the repository ships (`datasets/`, `templates/`), as tests use them.
public enum ShippedData {
    /// The published-figure files under `datasets/`, in the order a user imports them: MOFCOM
    /// 2017–2022, MOFCOM 2023–2025, SAFE's BoP-basis months (``TradeWorkflows/DemoWorkflow/shippedFiles``,
    /// the one list).
    public static let files = DemoWorkflow.shippedFiles

    /// The paths of ``files``.
    public static var paths: [String] { files.map(Repository.dataset) }

    /// The import batches of `files` (default: all of ``files``), read as `svctrade import` reads them.
    ///
    /// - Throws: the reader's ``ImportError`` naming the file, when one cannot be read.
    public static func batches(_ files: [String] = files) throws -> [ImportBatch] {
        try files.map { try ObservationReader().read(path: Repository.dataset($0)) }
    }

    /// A new in-memory store holding `files` (default: all of ``files``), each imported as
    /// `svctrade import` does, then, with `illustrativePanel`, the demo's generated regional panel
    /// (2019–2022, seed 20 200 814).
    ///
    /// - Throws: the reader's or the store's error, naming the file, when one cannot be imported.
    public static func store(_ files: [String] = files, illustrativePanel: Bool = false) throws -> TradeDatabase {
        let store = try TradeDatabase.inMemory()
        for file in files {
            _ = try store.importBatches([
                try ObservationReader().read(path: Repository.dataset(file), displayName: file)
            ])
        }
        if illustrativePanel {
            let panel = try IllustrativePanel.generate(book: store.figureBook(), years: 2019...2022, seed: 20_200_814)
            guard let panel else {
                throw FixtureError(message: "no illustrative panel could be generated from \(files)")
            }
            _ = try store.importBatches([IllustrativePanel.importBatch(panel)])
        }
        return store
    }

    /// The shipped `templates/` (press templates, `release.toml`) with the pilot practices of
    /// `datasets/pilot-practices.csv`, as `svctrade bulletin` loads them from the repository root.
    public static func resources() throws -> BulletinResources {
        try BulletinResources(
            templatesFolder: Repository.root + "/templates",
            practices: try PilotPracticesReader.read(path: Repository.dataset("pilot-practices.csv")))
    }
}

/// A fixture that could not be built, and why.
public struct FixtureError: Error, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    public var description: String { message }

    /// A fixture error saying `message`.
    public init(message: String) {
        self.message = message
    }
}
