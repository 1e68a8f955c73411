import TradeCore

/// Writes an ``SDMXStructure`` as an SDMX-ML 2.1 structure message (namespaces `message`,
/// `structure`, `common`; names and descriptions in `xml:lang="en"` and `"zh"`): dataflows,
/// codelists, the concept scheme and the DSDs, in the order the 2.1 schema requires. The same
/// structure gives the same bytes (`prepared` is the only date in it).
///
/// ```swift
/// let xml = SDMXStructureWriter.render(.standard)   // datasets/sdmx/svctrade-structure.xml
/// ```
public enum SDMXStructureWriter {
    /// The `Prepared` date of the shipped structure message: the date of version 1.0 of the
    /// structures (a fixed date, so that a fresh generation equals the committed file).
    public static let shippedPrepared = "2026-12-01T00:00:00Z"

    /// The SDMX-ML 2.1 namespaces.
    static let namespaces = [
        ("message", "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"),
        ("structure", "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure"),
        ("common", "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common"),
    ]

    /// The structure message holding every artefact of `structure` (leave out what a query did not
    /// ask for by passing a structure with only those artefacts). `id` is the message ID.
    public static func render(
        _ structure: SDMXStructure, id: String = "SVCTRADE_STRUCTURE", prepared: String = shippedPrepared
    ) -> String {
        var w = Writer(s: structure)
        w.line(0, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        w.line(0, "<message:Structure \(namespaces.map { "xmlns:\($0.0)=\"\($0.1)\"" }.joined(separator: " "))>")
        w.line(1, "<message:Header>")
        w.line(2, "<message:ID>\(esc(id))</message:ID>")
        w.line(2, "<message:Test>false</message:Test>")
        w.line(2, "<message:Prepared>\(esc(prepared))</message:Prepared>")
        w.line(2, "<message:Sender id=\"\(esc(structure.agency))\"/>")
        w.line(1, "</message:Header>")
        w.line(1, "<message:Structures>")
        w.dataflows()
        w.codelists()
        w.concepts()
        w.dataStructures()
        w.line(1, "</message:Structures>")
        w.line(0, "</message:Structure>")
        return w.out
    }

    static func esc(_ s: String) -> String { MarkupEscaping.escape(s) }

    struct Writer {
        let s: SDMXStructure
        var out = ""

        mutating func line(_ depth: Int, _ text: String) {
            out += String(repeating: "  ", count: depth) + text + "\n"
        }

        func urn(_ package: String, _ kind: String, _ id: String, item: String? = nil) -> String {
            esc(
                "urn:sdmx:org.sdmx.infomodel.\(package).\(kind)=\(s.agency):\(id)(\(s.version))"
                    + (item.map { ".\($0)" } ?? ""))
        }

        mutating func texts(_ depth: Int, _ element: String, _ t: SDMXStructure.Text?) {
            guard let t else { return }
            line(depth, "<common:\(element) xml:lang=\"en\">\(esc(t.en))</common:\(element)>")
            if let zh = t.zh { line(depth, "<common:\(element) xml:lang=\"zh\">\(esc(zh))</common:\(element)>") }
        }

        /// `<structure:Xs>` around the artefacts of one kind; nothing when there are none.
        mutating func section<T>(_ plural: String, _ items: [T], _ body: (inout Writer, T) -> Void) {
            guard !items.isEmpty else { return }
            line(2, "<structure:\(plural)>")
            for item in items { body(&self, item) }
            line(2, "</structure:\(plural)>")
        }

        /// A maintainable artefact: its element with ID, agency, version and URN, its names, then `body`.
        mutating func artefact(
            _ element: String, _ id: String, package: String, name: SDMXStructure.Text,
            description: SDMXStructure.Text? = nil, _ body: (inout Writer) -> Void
        ) {
            line(
                3,
                "<structure:\(element) id=\"\(esc(id))\" agencyID=\"\(esc(s.agency))\" version=\"\(esc(s.version))\" urn=\"\(urn(package, element, id))\" isFinal=\"true\">"
            )
            texts(4, "Name", name)
            texts(4, "Description", description)
            body(&self)
            line(3, "</structure:\(element)>")
        }

        /// An item of a scheme (a code, a concept): its element with ID and URN, names, then `body`.
        mutating func item(
            _ element: String, _ id: String, urn: String, name: SDMXStructure.Text, description: SDMXStructure.Text?,
            _ body: (inout Writer) -> Void = { _ in }
        ) {
            line(4, "<structure:\(element) id=\"\(esc(id))\" urn=\"\(urn)\">")
            texts(5, "Name", name)
            texts(5, "Description", description)
            body(&self)
            line(4, "</structure:\(element)>")
        }

        func ref(_ id: String, package: String, kind: String) -> String {
            "<Ref id=\"\(esc(id))\" version=\"\(esc(s.version))\" agencyID=\"\(esc(s.agency))\" package=\"\(package)\" class=\"\(kind)\"/>"
        }

        mutating func dataflows() {
            section("Dataflows", s.dataflows) { w, f in
                w.artefact("Dataflow", f.id, package: "datastructure", name: f.name, description: f.description) { w in
                    w.line(4, "<structure:Structure>")
                    w.line(5, w.ref(f.structure, package: "datastructure", kind: "DataStructure"))
                    w.line(4, "</structure:Structure>")
                }
            }
        }

        mutating func codelists() {
            section("Codelists", s.codelists) { w, list in
                w.artefact("Codelist", list.id, package: "codelist", name: list.name) { w in
                    for c in list.codes {
                        let urn = w.urn("codelist", "Code", list.id, item: c.id)
                        w.item("Code", c.id, urn: urn, name: c.name, description: c.description) { w in
                            guard let p = c.parent else { return }
                            w.line(5, "<structure:Parent>")
                            w.line(6, "<Ref id=\"\(esc(p))\"/>")
                            w.line(5, "</structure:Parent>")
                        }
                    }
                }
            }
        }

        mutating func concepts() {
            let scheme = s.conceptScheme
            section("Concepts", s.concepts.isEmpty ? [] : [scheme.id]) { w, id in
                w.artefact("ConceptScheme", id, package: "conceptscheme", name: scheme.name) { w in
                    for c in w.s.concepts {
                        let urn = w.urn("conceptscheme", "Concept", id, item: c.id)
                        w.item("Concept", c.id, urn: urn, name: c.name, description: c.description)
                    }
                }
            }
        }

        mutating func dataStructures() {
            section("DataStructures", s.dataStructures) { w, d in
                w.artefact("DataStructure", d.id, package: "datastructure", name: d.name) { w in
                    w.line(4, "<structure:DataStructureComponents>")
                    let dimensions = d.components.filter { $0.role == .dimension || $0.role == .time }
                    w.list(d, "DimensionList", "DimensionDescriptor") { w in
                        for (i, c) in dimensions.enumerated() {
                            let element = c.role == .time ? "TimeDimension" : "Dimension"
                            w.component(d, c, element: element, extra: " position=\"\(i + 1)\"") { _ in }
                        }
                    }
                    w.list(d, "AttributeList", "AttributeDescriptor") { w in
                        for c in d.attributes { w.attribute(d, c) }
                    }
                    w.list(d, "MeasureList", "MeasureDescriptor") { w in
                        for c in d.components where c.role == .measure {
                            w.component(d, c, element: "PrimaryMeasure", extra: "") { _ in }
                        }
                    }
                    w.line(4, "</structure:DataStructureComponents>")
                }
            }
        }

        mutating func list(
            _ d: SDMXStructure.DataStructure, _ element: String, _ id: String, _ body: (inout Writer) -> Void
        ) {
            line(5, "<structure:\(element) id=\"\(id)\" urn=\"\(urn("datastructure", id, d.id, item: id))\">")
            body(&self)
            line(5, "</structure:\(element)>")
        }

        mutating func attribute(_ d: SDMXStructure.DataStructure, _ c: SDMXStructure.Component) {
            let required: Bool
            let series: Bool
            switch c.role {
            case .observationAttribute(let r): (required, series) = (r, false)
            case .seriesAttribute(let r): (required, series) = (r, true)
            case .dimension, .time, .measure: return
            }
            let status = " assignmentStatus=\"\(required ? "Mandatory" : "Conditional")\""
            component(d, c, element: "Attribute", extra: status) { w in
                w.line(7, "<structure:AttributeRelationship>")
                if series {
                    for dimension in d.dimensions {
                        w.line(8, "<structure:Dimension>")
                        w.line(9, "<Ref id=\"\(esc(dimension.id))\"/>")
                        w.line(8, "</structure:Dimension>")
                    }
                } else {
                    w.line(8, "<structure:PrimaryMeasure>")
                    w.line(9, "<Ref id=\"OBS_VALUE\"/>")
                    w.line(8, "</structure:PrimaryMeasure>")
                }
                w.line(7, "</structure:AttributeRelationship>")
            }
        }

        /// A component: its concept, its representation, then what `after` adds.
        mutating func component(
            _ d: SDMXStructure.DataStructure, _ c: SDMXStructure.Component, element: String, extra: String,
            after: (inout Writer) -> Void
        ) {
            let kind = element == "PrimaryMeasure" ? "PrimaryMeasure" : element
            line(
                6,
                "<structure:\(element) id=\"\(esc(c.id))\"\(extra) urn=\"\(urn("datastructure", kind, d.id, item: c.id))\">"
            )
            line(7, "<structure:ConceptIdentity>")
            line(
                8,
                "<Ref id=\"\(esc(c.id))\" maintainableParentID=\"\(esc(s.conceptScheme.id))\" maintainableParentVersion=\"\(esc(s.version))\" agencyID=\"\(esc(s.agency))\" package=\"conceptscheme\" class=\"Concept\"/>"
            )
            line(7, "</structure:ConceptIdentity>")
            line(7, "<structure:LocalRepresentation>")
            switch c.representation {
            case .codelist(let id):
                line(8, "<structure:Enumeration>")
                line(9, ref(id, package: "codelist", kind: "Codelist"))
                line(8, "</structure:Enumeration>")
            case .text(let type):
                line(8, "<structure:TextFormat textType=\"\(esc(type))\"/>")
            }
            line(7, "</structure:LocalRepresentation>")
            after(&self)
            line(6, "</structure:\(element)>")
        }
    }
}
