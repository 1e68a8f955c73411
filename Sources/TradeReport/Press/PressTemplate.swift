/// Sentence templates a press officer can edit without rebuilding.
///
/// Syntax (files `templates/press-zh.txt`, `templates/press-en.txt`):
/// - a line `[id]` starts a sentence block; the following lines up to the next block are its text
///   (joined without line breaks for Chinese, with a space for English);
/// - `{name}` is a placeholder for a figure or word computed by svctrade (the README lists them);
/// - lines starting with `#` are comments.
///
/// A block is printed only when every placeholder in it has a value; otherwise it is reported as
/// missing with the names it lacked, so nothing is invented.
public struct PressTemplate: Sendable, Equatable {
    /// One sentence block.
    public struct Block: Sendable, Equatable {
        /// Block id (`headline`).
        public var id: String
        /// Text with placeholders.
        public var text: String
    }

    /// Blocks in file order.
    public var blocks: [Block]

    /// Parses template text; `joiner` joins continuation lines ("" for Chinese, " " for English).
    public init(parsing text: String, joiner: String) {
        var blocks: [Block] = []
        var id: String?
        var lines: [String] = []
        func flush() {
            if let id, !lines.isEmpty { blocks.append(Block(id: id, text: lines.joined(separator: joiner))) }
            lines = []
        }
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = String(raw).trimmingSpacesAndTabs()
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                flush()
                id = String(line.dropFirst().dropLast())
            } else {
                lines.append(line)
            }
        }
        flush()
        self.blocks = blocks
    }

    /// The placeholder names of a text, in order.
    public static func placeholders(in text: String) -> [String] {
        var out: [String] = []
        var current: String?
        for ch in text {
            if ch == "{" {
                current = ""
            } else if ch == "}", let c = current {
                out.append(c)
                current = nil
            } else if current != nil {
                current?.append(ch)
            }
        }
        return out
    }

    /// A rendered block, or the names it lacked.
    public struct Rendered: Sendable, Equatable {
        /// Block id.
        public var id: String
        /// The sentence, when complete.
        public var text: String?
        /// Placeholders without a value.
        public var missing: [String]
        /// Placeholders used.
        public var used: [String]
    }

    /// Fills every block from `values`; `{name?}` is optional and left empty when missing.
    public func render(_ values: [String: String]) -> [Rendered] {
        blocks.map { block in
            let names = Self.placeholders(in: block.text)
            let missing = names.filter { !$0.hasSuffix("?") && values[$0] == nil }
            let used = names.map { $0.hasSuffix("?") ? String($0.dropLast()) : $0 }.filter { values[$0] != nil }
            guard missing.isEmpty else { return Rendered(id: block.id, text: nil, missing: missing, used: used) }
            var text = block.text
            for name in names {
                let key = name.hasSuffix("?") ? String(name.dropLast()) : name
                text = text.replacingAll("{\(name)}", with: values[key] ?? "")
            }
            return Rendered(id: block.id, text: text, missing: [], used: used)
        }
    }
}

extension String {
    func trimmingSpacesAndTabs() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }

    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.range(of: target) {
            out += rest[..<r.lowerBound] + replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}

extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        guard !target.isEmpty, count >= target.count else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(target) { return i..<index(i, offsetBy: target.count) }
            i = index(after: i)
        }
        return nil
    }
}
