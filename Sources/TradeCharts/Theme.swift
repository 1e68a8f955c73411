import TradeCore

/// Sizes, colours and fonts of the chart spec (<doc:ChartSpecification>).
public struct ChartTheme: Sendable {
    /// Canvas presets.
    public enum Size: String, Sendable, CaseIterable {
        /// 640 × 400, for the web bulletin and Word/PDF.
        case bulletin
        /// 1280 × 720, every size × 1.75, for press-conference slides.
        case slide
    }

    /// Language of all chart text (``TradeCore/Language``).
    public typealias Language = TradeCore.Language

    /// The preset.
    public let size: Size
    /// The language.
    public let language: Language
    /// Canvas width, px.
    public var width: Double { size == .bulletin ? 640 : 1280 }
    /// Canvas height, px (tall charts override).
    public var height: Double { size == .bulletin ? 400 : 720 }
    /// Type and stroke scale.
    public var scale: Double { size == .bulletin ? 1 : 1.75 }
    /// Outer padding left/right/top.
    public var pad: Double { 16 * scale }

    /// Creates a theme.
    public init(size: Size = .bulletin, language: Language = .zh) {
        self.size = size
        self.language = language
    }

    /// Font sizes.
    public var titleSize: Double { 18 * scale }
    public var subtitleSize: Double { 13 * scale }
    public var labelSize: Double { 12 * scale }
    public var smallSize: Double { 11 * scale }

    /// The font stack, SC face first (§3.3).
    public static let fontFamily =
        "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans', 'Helvetica Neue', Arial, sans-serif"

    /// Okabe-Ito roles (§3.4).
    public static let blue = "#0072B2", vermillion = "#D55E00", green = "#009E73", purple = "#CC79A7"
    public static let orange = "#E69F00", sky = "#56B4E9", other = "#999999", neutral = "#595959"
    public static let context = "#C8C8C8", ink = "#1A1A1A", text = "#333333", muted = "#595959", grid = "#D9D9D9"
    /// Stacked-bar order: blue, orange, green, vermillion, sky, purple, then grey "Other".
    public static let stackOrder = [blue, orange, green, vermillion, sky, purple]

    /// Text colour inside a fill: white only on blue (§3.4).
    public static func textColor(on fill: String) -> String { fill == blue ? "#FFFFFF" : ink }

    /// Formats a number: en groups thousands with commas, zh does not (MOFCOM style); minus is U+2212.
    public func number(_ x: Double, decimals: Int) -> String {
        let scaled = (abs(x) * pow10d(decimals)).rounded(.toNearestOrAwayFromZero)
        let negative = x < 0 && scaled != 0
        let whole = Int64(scaled) / Int64(pow10d(decimals))
        let frac = Int64(scaled) % Int64(pow10d(decimals))
        var digits = String(whole)
        if language == .en && digits.count > 3 {
            var grouped = ""
            for (i, c) in digits.reversed().enumerated() {
                if i > 0 && i % 3 == 0 { grouped.append(",") }
                grouped.append(c)
            }
            digits = String(grouped.reversed())
        }
        var out = (negative ? "\u{2212}" : "") + digits
        if decimals > 0 {
            let f = String(frac)
            out += "." + String(repeating: "0", count: decimals - f.count) + f
        }
        return out
    }

    /// A growth label: one decimal, or the `decimals` the agency printed the rate with, and an
    /// explicit sign (`+3.3%`, `−10.0%`, `0.0%`; a rate published as "40%": `+40%`).
    public func growth(_ x: Double, decimals: Int = 1) -> String {
        let s = number(x, decimals: decimals)
        return (s.hasPrefix("\u{2212}") || s.allSatisfy { $0 == "0" || $0 == "." } ? s : "+" + s) + "%"
    }
}

func pow10d(_ n: Int) -> Double {
    var r = 1.0
    for _ in 0..<n { r *= 10 }
    return r
}
