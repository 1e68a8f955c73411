import Foundation
import TradeCore
import TradeReport

/// A request that cannot be composed (a missing template or dataset), with what to do.
public struct BulletinError: UserFacingError, Equatable {
    /// What went wrong and how to fix it.
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// Press texts from the editable templates: the composition of figures and template for one period.
public enum PressDocuments {
    public static func templateFolder(_ given: String?) -> String {
        if let given { return given }
        if let env = ProcessInfo.processInfo.environment["SVCTRADE_TEMPLATES"], !env.isEmpty { return env }
        return "templates"
    }

    /// What `svctrade figures` reads for a period: the nation's figures from January of the
    /// comparison year (the year before, or `baseYear`) through `through`.
    public static func selection(through: Period, baseYear: Int?, asOf: String?) -> FigureSelection {
        FigureSelection(
            regions: [Regions.nation.code], months: FigureSelection.window(through: through, baseYear: baseYear),
            asOf: asOf)
    }

    public static func release(
        book: FigureBook, through: Period, baseYear: Int?, language: PressFigures.Language, templates: String?,
        allowDerived: Bool = false
    ) throws -> PressRelease {
        let path = templateFolder(templates) + "/press-\(language.rawValue).txt"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BulletinError(
                "template \(path) not found; run from the repository root, or give --templates DIR (or $SVCTRADE_TEMPLATES)"
            )
        }
        let template = PressTemplate(parsing: String(decoding: data, as: UTF8.self), joiner: language == .zh ? "" : " ")
        let figures = PressFigures(
            book: book, through: through, baseYear: baseYear, language: language, allowDerived: allowDerived)
        return PressRelease(figures: figures, template: template)
    }

    public static func json(_ release: PressRelease) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(release), as: UTF8.self) + "\n"
    }
}
