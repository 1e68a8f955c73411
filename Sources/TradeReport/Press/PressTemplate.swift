/// Sentence templates a press officer can edit without rebuilding.
///
/// Syntax (files `templates/press-zh.txt`, `templates/press-en.txt`):
/// - a line `[id]` starts a sentence block; the following lines up to the next block are its text
///   (joined without line breaks for Chinese, with a space for English);
/// - `{name}` is a placeholder for a figure or word computed by svctrade (the command reference lists them, under "figures");
/// - `[[ … ]]` is an optional part: written when every placeholder in it has a value, dropped
///   otherwise (parts nest: `[[; exports {export.growth}[[ to {export.amount}]]]]`);
/// - `{name?}` is an optional placeholder (empty when missing);
/// - lines starting with `#` are comments.
///
/// A block is printed when every placeholder outside its optional parts has a value; otherwise it is
/// reported as missing with the names it lacked, so nothing is invented. A sentence degrades: the
/// headline keeps the total and its growth when the export and import levels are missing.
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
            if line.hasPrefix("[") && !line.hasPrefix("[[") && line.hasSuffix("]") && !line.hasSuffix("]]") {
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
        /// Placeholders without a value outside optional parts (the sentence is not written).
        public var missing: [String]
        /// Placeholders used.
        public var used: [String]
        /// Placeholders without a value inside optional parts that were dropped.
        public var dropped: [String] = []
    }

    indirect enum Node: Equatable {
        case text(String)
        case placeholder(String)
        case optional([Node])
    }

    /// Parses `[[ … ]]` parts and `{name}` placeholders; an unbalanced `]]` is kept as text.
    static func parse(_ text: String) -> [Node] {
        var stack: [[Node]] = [[]]
        var buffer = ""
        var chars = Array(text)[...]
        func flush() {
            if !buffer.isEmpty { stack[stack.count - 1].append(.text(buffer)) }
            buffer = ""
        }
        while let c = chars.first {
            if c == "[", chars.dropFirst().first == "[" {
                flush()
                stack.append([])
                chars = chars.dropFirst(2)
            } else if c == "]", chars.dropFirst().first == "]", stack.count > 1 {
                flush()
                let part = stack.removeLast()
                stack[stack.count - 1].append(.optional(part))
                chars = chars.dropFirst(2)
            } else if c == "{", let close = chars.firstIndex(of: "}") {
                flush()
                stack[stack.count - 1].append(.placeholder(String(chars[chars.index(after: chars.startIndex)..<close])))
                chars = chars[chars.index(after: close)...]
            } else {
                buffer.append(c)
                chars = chars.dropFirst()
            }
        }
        flush()
        while stack.count > 1 {  // an unclosed [[ is closed at the end
            let part = stack.removeLast()
            stack[stack.count - 1].append(.optional(part))
        }
        return stack[0]
    }

    struct Output {
        var text = ""
        var missing: [String] = []
        var used: [String] = []
        var dropped: [String] = []
    }

    static func render(_ nodes: [Node], _ values: [String: String]) -> Output {
        var out = Output()
        for node in nodes {
            switch node {
            case .text(let t):
                out.text += t
            case .placeholder(let name):
                let optional = name.hasSuffix("?")
                let key = optional ? String(name.dropLast()) : name
                if let v = values[key] {
                    out.text += v
                    out.used.append(key)
                } else if !optional {
                    out.missing.append(key)
                }
            case .optional(let part):
                let inner = render(part, values)
                if inner.missing.isEmpty {
                    out.text += inner.text
                    out.used += inner.used
                    out.dropped += inner.dropped
                } else {
                    out.dropped += inner.missing + inner.dropped
                }
            }
        }
        return out
    }

    /// No space before a comma, semicolon, full stop or closing bracket (lines are joined with a space,
    /// and an optional part may begin with punctuation); no double spaces.
    static func tidySpaces(_ text: String) -> String {
        var out = ""
        for c in text {
            if ",;.):".contains(c), out.last == " " { out.removeLast() }
            if c == " ", out.last == " " { continue }
            out.append(c)
        }
        return out
    }

    /// Fills every block from `values`.
    public func render(_ values: [String: String]) -> [Rendered] {
        blocks.map { block in
            let out = Self.render(Self.parse(block.text), values)
            guard out.missing.isEmpty else {
                return Rendered(id: block.id, text: nil, missing: out.missing, used: out.used, dropped: out.dropped)
            }
            return Rendered(
                id: block.id, text: Self.tidySpaces(out.text), missing: [], used: out.used, dropped: out.dropped)
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
