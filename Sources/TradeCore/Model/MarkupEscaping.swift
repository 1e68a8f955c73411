/// Escaping of text for XML and HTML (SVG charts, HTML tables and bulletins share it).
public enum MarkupEscaping {
    /// `&`, `<`, `>` and `"` replaced by their entities.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }
}
