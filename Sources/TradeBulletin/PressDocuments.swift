import Foundation
import TradeCore
import TradeReport

/// A request that cannot be composed (a missing or invalid template), with what to do.
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
    /// What `svctrade figures` reads for a period: the nation's figures from January of the
    /// comparison year (the year before, or `baseYear`) through `through`.
    public static func selection(through: Period, baseYear: Int?, asOf: String?) -> FigureSelection {
        FigureSelection(
            regions: [Regions.nation.code], months: FigureSelection.window(through: through, baseYear: baseYear),
            asOf: asOf)
    }

    /// The press text of `language` for the period: the figures of `book` through `through` in the
    /// language's template from `resources`.
    ///
    /// - Throws: ``BulletinError`` when `resources` has no template for `language`.
    public static func release(
        book: FigureBook, through: Period, baseYear: Int?, language: PressFigures.Language,
        resources: BulletinResources, allowDerived: Bool = false
    ) throws -> PressRelease {
        let template = try resources.pressTemplate(language)
        let figures = PressFigures(
            book: book, through: through, baseYear: baseYear, language: language, allowDerived: allowDerived)
        return PressRelease(figures: figures, template: template)
    }

    /// `svctrade figures`: the press text of `language` for the period, read from `store` as of
    /// `given` (``BulletinComposer/vintage(through:given:header:)``).
    public static func release(
        store: any FigureReader, through: Period, baseYear: Int?, asOf given: String?,
        language: PressFigures.Language, resources: BulletinResources, allowDerived: Bool
    ) async throws -> PressRelease {
        let asOf = BulletinComposer.vintage(through: through, given: given, header: resources.release)
        let book = try await store.figureBook(selection(through: through, baseYear: baseYear, asOf: asOf))
        return try release(
            book: book, through: through, baseYear: baseYear, language: language, resources: resources,
            allowDerived: allowDerived)
    }

    /// What `svctrade figures` writes: the sentences, or JSON with every number's provenance.
    public enum Format: String, CaseIterable, Sendable {
        case text, json
    }

    /// The press release in `format`.
    public static func rendered(_ release: PressRelease, as format: Format) throws -> String {
        format == .json ? try json(release) : release.plainText
    }

    /// The JSON of `svctrade figures --format json`: every number with its provenance.
    public static func json(_ release: PressRelease) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(release), as: UTF8.self) + "\n"
    }
}
