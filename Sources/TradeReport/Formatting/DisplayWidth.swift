/// Terminal display width: East Asian wide and fullwidth characters take two columns.
public enum DisplayWidth {
    /// The number of terminal columns `text` occupies.
    public static func of(_ text: String) -> Int {
        // Printable ASCII (most cells: codes and numbers) is one column a byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    /// Columns taken by one scalar: 0 for combining marks, 2 for wide characters, else 1.
    public static func width(of s: Unicode.Scalar) -> Int {
        let v = s.value
        if v == 0 || (0x300...0x36F).contains(v) || (0x200B...0x200F).contains(v) { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
        {
            return 2
        }
        return 1
    }

    /// Appends `text`, which is `textWidth` columns wide, padded to `width` columns.
    static func append(
        _ text: String, width textWidth: Int, paddedTo width: Int, _ alignment: Table.Alignment, to out: inout String
    ) {
        let fill = max(0, width - textWidth)
        if alignment == .right { for _ in 0..<fill { out.append(" ") } }
        out += text
        if alignment == .left { for _ in 0..<fill { out.append(" ") } }
    }
}
