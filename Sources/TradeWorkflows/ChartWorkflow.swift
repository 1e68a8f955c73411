import Foundation
import TradeCharts
import TradeCore

extension ChartKind {
    /// `svctrade chart`: draws this kind for `request` and writes it to `path` in `format` (else the
    /// format the name asks for; a PNG through the `rsvg-convert` found on `searchPath`, a `$PATH`
    /// value), with the CSV of its plotted values beside it, each file whole or not at all. Returns the
    /// paths written.
    ///
    /// - Throws: ``TradeCharts/ChartUnavailable``, ``TradeCharts/ChartFormatMismatch``, a missing
    ///   `rsvg-convert` for a PNG, or ``WorkflowRefusal`` for a file that cannot be written.
    public func write(_ request: ChartRequest, to path: String, format: ChartFormat?, searchPath: String?) throws
        -> [String]
    {
        let format = try ChartFormat.resolved(asked: format, path: path)
        let chart = try drawn(request)
        let csv = PlottedValue.csvPath(beside: path)
        try OutputFile.write(
            format == .png
                ? try ChartRaster.png(svg: chart.svg, tool: ChartRaster.rsvgConvert(path: searchPath))
                : Data(chart.svg.utf8), to: path)
        try OutputFile.write(Data(chart.csv.utf8), to: csv)
        return [path, csv]
    }
}
