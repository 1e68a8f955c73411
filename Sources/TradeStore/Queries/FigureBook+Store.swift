import TradeCore

extension TradeDatabase: FigureStore {
    /// Everything known as of a date (`YYYY-MM-DD`; `nil` for the latest), ready for bulletin arithmetic.
    public func figureBook(asOf: String? = nil) throws -> FigureBook {
        try figureBook(FigureSelection(asOf: asOf))
    }

    /// The selected figures and panel months. When several releases published a figure for the same
    /// series and span, the latest release (by publication date, then import order) is used.
    public func figureBook(_ selection: FigureSelection) throws -> FigureBook {
        FigureBook(
            vintages: try figures(selection).map { ($0.observation, $0.releaseDate) },
            panel: try monthlyPanel(selection))
    }
}
