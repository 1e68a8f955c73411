import Foundation
import TradeBulletin
import TradeCore
import TradeIngest

/// Where the bulletin's resources are read: the templates folder and, for commands that compose a
/// bulletin, the folder of `pilot-practices.csv`. Read here, at the edge, once per command; the
/// library gets the loaded ``BulletinResources``.
enum ResourceFolders {
    /// `given` (`--templates`), else `$SVCTRADE_TEMPLATES`, else `templates`.
    static func templates(_ given: String?) -> String {
        if let given { return given }
        if let env = ProcessInfo.processInfo.environment["SVCTRADE_TEMPLATES"], !env.isEmpty { return env }
        return "templates"
    }

    /// The templates and release settings of `templates` (``templates(_:)``), with the pilot
    /// practices of `datasets` when given (commands that compose a bulletin).
    static func load(templates: String?, datasets: String?) throws -> BulletinResources {
        var practices: [PilotPractice] = []
        if let datasets {
            do {
                practices = try PilotPracticesReader.read(path: datasets + "/pilot-practices.csv")
            } catch {
                throw BulletinError("\(error); run from the repository root or give --datasets DIR")
            }
        }
        return try BulletinResources(templatesFolder: Self.templates(templates), practices: practices)
    }

    /// The Chromium on the caller's `$PATH`, for the PDF.
    static var chromium: String? { BulletinPrinter.chromium(path: ProcessInfo.processInfo.environment["PATH"]) }
}
