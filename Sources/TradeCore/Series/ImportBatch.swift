/// A published figure read from a file, with its line and whether it is the one kept.
public struct ImportedFigure: Sendable, Equatable {
    /// The figure.
    public var observation: Observation
    /// 1-based line in the file.
    public var line: Int
    /// True for the figure to use; false for a less precise copy of the same figure from another source
    /// (kept, so nothing read is lost).
    public var isPreferred: Bool

    /// Creates a figure record.
    public init(observation: Observation, line: Int, isPreferred: Bool) {
        self.observation = observation
        self.line = line
        self.isPreferred = isPreferred
    }
}

/// Everything read from one file, validated, ready to be written in one transaction.
public struct ImportBatch: Sendable {
    /// The file as named by the user.
    public var file: String
    /// Which layout the header matched.
    public var layout: String
    /// Monthly values of tidy files.
    public var panel: MonthlyPanel
    /// Published figures (spans, rates, sources).
    public var figures: [ImportedFigure]
    /// Release names used, with their publication date (`YYYY-MM-DD`) when known.
    public var releases: [String: String?]
    /// Things the user should know: disagreements between sources, repeated rows, assumed units.
    public var notes: [String]
    /// Data rows read (excluding the header and blank lines).
    public var rowCount: Int

    /// Creates a batch.
    public init(
        file: String, layout: String, panel: MonthlyPanel, figures: [ImportedFigure], releases: [String: String?],
        notes: [String], rowCount: Int
    ) {
        self.file = file
        self.layout = layout
        self.panel = panel
        self.figures = figures
        self.releases = releases
        self.notes = notes
        self.rowCount = rowCount
    }
}
