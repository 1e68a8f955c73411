/// Text width estimates for layout, Latin and CJK (<doc:ChartSpecification>: lay out with slack,
/// because a viewer without Noto substitutes a wider font).
///
/// The estimate matches the checker's deliberately generous one: 0.58 em per Latin character and
/// 1 em per CJK or full-width character, so text that fits here fits in any common fallback.
public enum TextMetrics {
    /// Estimated advance width of `text` at `size` px.
    public static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        var em = 0.0
        for s in text.unicodeScalars {
            em += isWide(s) ? 1.0 : 0.58
        }
        return em * size * (bold ? 1.05 : 1.0)
    }

    /// True for CJK ideographs, kana, hangul and full-width forms.
    public static func isWide(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x2E80...0x9FFF).contains(v) || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            || (0x20000...0x3FFFD).contains(v)
    }

    /// True when the text contains Han characters.
    public static func hasHan(_ text: String) -> Bool { text.unicodeScalars.contains(where: isWide) }

    /// Shortens `text` with an ellipsis until it fits `maxWidth`.
    public static func fit(_ text: String, size: Double, maxWidth: Double) -> String {
        if width(text, size: size) <= maxWidth { return text }
        var chars = Array(text)
        while !chars.isEmpty && width(String(chars) + "…", size: size) > maxWidth { chars.removeLast() }
        return String(chars) + "…"
    }
}
