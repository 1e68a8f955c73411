import TradeBulletin
import TradeCore
import TradeIngest

extension BulletinResources {
    /// The templates and release settings of the folder `templates`, with the pilot practices of
    /// `datasets/pilot-practices.csv` when `datasets` is given (commands that compose a bulletin):
    /// loaded once, by the caller that knows where they are.
    ///
    /// - Throws: ``TradeBulletin/BulletinError`` naming the file that cannot be read and what to give instead.
    public static func load(templates: String, datasets: String?) throws -> BulletinResources {
        var practices: [PilotPractice] = []
        if let datasets {
            do {
                practices = try PilotPracticesReader.read(path: datasets + "/pilot-practices.csv")
            } catch {
                throw BulletinError("\(error); run from the repository root or give --datasets DIR")
            }
        }
        return try BulletinResources(templatesFolder: templates, practices: practices)
    }
}
