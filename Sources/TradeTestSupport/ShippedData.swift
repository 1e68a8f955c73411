import Foundation
import TradeBulletin
import TradeCore
import TradeIngest

/// The data and resources the repository ships (`datasets/`, `templates/`), as tests use them.
public enum ShippedData {
    /// The published-figure files under `datasets/`, in the order a user imports them: MOFCOM
    /// 2017–2022, MOFCOM 2023–2025, SAFE's BoP-basis months.
    public static let files = [
        "mofcom-published-2017-2022.csv", "mofcom-published-2023-2025.csv", "safe-bop-services-2017-2025.csv",
    ]

    /// The paths of ``files``.
    public static var paths: [String] { files.map(Repository.dataset) }

    /// The import batches of `files` (default: all of ``files``), read as `svctrade import` reads them.
    ///
    /// - Throws: the reader's ``ImportError`` naming the file, when one cannot be read.
    public static func batches(_ files: [String] = files) throws -> [ImportBatch] {
        try files.map { try ObservationReader().read(path: Repository.dataset($0)) }
    }

    /// The shipped `templates/` (press templates, `release.toml`) with the pilot practices of
    /// `datasets/pilot-practices.csv`, as `svctrade bulletin` loads them from the repository root.
    public static func resources() throws -> BulletinResources {
        try BulletinResources(
            templatesFolder: Repository.root + "/templates",
            practices: try PilotPracticesReader.read(path: Repository.dataset("pilot-practices.csv")))
    }
}
