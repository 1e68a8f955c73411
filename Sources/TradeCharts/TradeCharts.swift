/// SVG charts for bulletins and press slides.
///
/// The chart kinds (combo, lines, ranking, composition, small multiples) are built on top of the
/// computed tables of `TradeCore`; this module never touches the store.
public enum TradeCharts {
    /// The chart specification version this module targets (reference/charts.md).
    public static let specVersion = "charts.md 2026"
}
