import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

public enum SVGInspection {
    /// What is wrong with a chart, in one line.
    public struct Finding: Error, Equatable, CustomStringConvertible {
        /// The finding.
        public let description: String

        /// A finding saying `description`.
        public init(description: String) {
            self.description = description
        }
    }

    /// Parses the SVG and checks: well-formed, root size, no NaN/inf, no empty coordinate, shapes and
    /// text anchors inside the viewBox.
    ///
    /// - Throws: the first ``Finding``.
    public static func check(_ svg: String) throws(Finding) {
        let delegate = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = delegate
        guard parser.parse(), delegate.depth == 0 else {
            throw Finding(description: "not well-formed: \(parser.parserError.map { "\($0)" } ?? "unclosed element")")
        }
        guard let root = delegate.elements.first, root.0 == "svg", let w = Double(root.1["width"] ?? ""),
            let h = Double(root.1["height"] ?? "")
        else {
            throw Finding(description: "no sized <svg> root")
        }
        guard root.1["viewBox"] == "0 0 \(Int(w)) \(Int(h))" else {
            throw Finding(description: "viewBox does not match the size")
        }
        for (name, attributes) in delegate.elements {
            for (key, value) in attributes {
                let lower = value.lowercased()
                if lower.contains("nan") || lower.contains("inf") && key != "font-family" && !lower.contains("info") {
                    throw Finding(description: "<\(name) \(key)=\"\(value)\"> is not a number")
                }
                if ["x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "width", "height", "d"].contains(key) && value.isEmpty
                {
                    throw Finding(description: "<\(name)> has an empty \(key)")
                }
            }
            let numbers = { (k: String) in attributes[k].flatMap(Double.init) }
            for k in ["x", "x1", "x2", "cx"] {
                if let v = numbers(k), v < -1 || v > w + 1 {
                    throw Finding(description: "<\(name) \(k)=\(v)> outside 0…\(w)")
                }
            }
            for k in ["y", "y1", "y2", "cy"] {
                if let v = numbers(k), v < -1 || v > h + 1 {
                    throw Finding(description: "<\(name) \(k)=\(v)> outside 0…\(h)")
                }
            }
            if name == "rect", let x = numbers("x"), let width = numbers("width"), x + width > w + 1 {
                throw Finding(description: "<rect> ends at \(x + width) > \(w)")
            }
            if name == "path", let d = attributes["d"] {
                for token in d.split(whereSeparator: { $0 == " " || $0.isLetter }) {
                    guard let v = Double(token), v >= -1, v <= Swift.max(w, h) + 1 else {
                        throw Finding(description: "path coordinate \(token) out of range")
                    }
                }
            }
        }
        if !delegate.texts.contains(where: { !$0.isEmpty }) { throw Finding(description: "no text") }
    }

    final class Collector: NSObject, XMLParserDelegate {
        var elements: [(String, [String: String])] = []
        var texts: [String] = []
        var depth = 0
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            elements.append((name, attributes))
            depth += 1
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            depth -= 1
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { texts.append(string) }
    }
}
