import Foundation
import TradeCore
import TradeReport

/// The answers of the SDMX RESTful API 2.1 under `/sdmx/2.1/` (``SDMXQuery``): structure messages
/// (SDMX-ML 2.1, ``SDMXStructureWriter``) cut to what was asked, and data from the store as
/// SDMX-ML 2.1 generic data, SDMX-CSV 1.0 or 2.0 (the rows `svctrade export --format sdmx-csv`
/// writes, ``SDMXCSVWriter``, filtered by key and period).
enum SDMXService {
    static let messageNamespace = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
    static let commonNamespace = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common"
    static let genericNamespace = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/generic"
    static let structureType = "application/vnd.sdmx.structure+xml;version=2.1"

    // MARK: - Structures

    /// The structure message of a structure query: the artefacts asked for and those `references`
    /// brings along (children: the DSD of a dataflow, the codelists and concepts of a DSD; parents:
    /// the dataflows of a DSD, the DSDs that use a codelist).
    static func structure(_ q: SDMXStructureQuery, in all: SDMXStructure = .standard) throws(SDMXRefusal)
        -> PressResponse
    {
        if let agency = q.agency, agency != all.agency {
            throw SDMXRefusal.noResults(
                "svctrade's structures are maintained by \(all.agency), not \(PressRoute.shown(agency))")
        }
        if let version = q.version, version != all.version {
            throw SDMXRefusal.noResults(
                "svctrade's structures have version \(all.version) only, not \(PressRoute.shown(version))")
        }
        let refs = q.references
        let children = refs == .children || refs == .descendants || refs == .all
        let descendants = refs == .descendants || refs == .all
        let parents = refs == .parents || refs == .parentsandsiblings || refs == .all
        var flows: [SDMXStructure.Dataflow] = []
        var dsds: [SDMXStructure.DataStructure] = []
        var lists: [SDMXStructure.Codelist] = []
        var concepts = false
        func dsdsUsing(_ list: String) -> [SDMXStructure.DataStructure] {
            all.dataStructures.filter { $0.components.contains { $0.representation == .codelist(list) } }
        }
        func descend(_ chosen: [SDMXStructure.DataStructure]) {
            concepts = true
            let used = Set(
                chosen.flatMap(\.components).compactMap { c -> String? in
                    if case .codelist(let id) = c.representation { return id }
                    return nil
                })
            lists = all.codelists.filter { used.contains($0.id) }
        }
        switch q.resource {
        case .dataflow:
            flows = all.dataflows.filter { q.id == nil || $0.id == q.id }
            if children || descendants {
                dsds = all.dataStructures.filter { d in flows.contains { $0.structure == d.id } }
            }
            if descendants { descend(dsds) }
            if flows.isEmpty {
                throw SDMXRefusal.noResults(
                    "no dataflow \(PressRoute.shown(q.id ?? "")); /sdmx/2.1/dataflow lists them")
            }
        case .datastructure:
            dsds = all.dataStructures.filter { q.id == nil || $0.id == q.id }
            if children { descend(dsds) }
            if parents { flows = all.dataflows.filter { f in dsds.contains { $0.id == f.structure } } }
            if dsds.isEmpty {
                throw SDMXRefusal.noResults(
                    "no data structure \(PressRoute.shown(q.id ?? "")); /sdmx/2.1/datastructure lists them")
            }
        case .codelist:
            lists = all.codelists.filter { q.id == nil || $0.id == q.id }
            if parents {
                dsds = lists.flatMap { dsdsUsing($0.id) }.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
            }
            if lists.isEmpty {
                throw SDMXRefusal.noResults(
                    "no codelist \(PressRoute.shown(q.id ?? "")); /sdmx/2.1/codelist lists them")
            }
        case .conceptscheme:
            guard q.id == nil || q.id == all.conceptScheme.id else {
                throw SDMXRefusal.noResults(
                    "no concept scheme \(PressRoute.shown(q.id ?? "")); svctrade's is \(all.conceptScheme.id)")
            }
            concepts = true
            if parents { dsds = all.dataStructures }
        }
        let part = SDMXStructure(
            agency: all.agency, version: all.version, conceptScheme: all.conceptScheme,
            concepts: concepts ? all.concepts : [], codelists: lists, dataStructures: dsds, dataflows: flows)
        let xml = SDMXStructureWriter.render(part, id: "SVCTRADE_\(q.resource.rawValue.uppercased())")
        return PressSite.ok(Data(xml.utf8), type: structureType)
    }

    // MARK: - Data

    /// The data of a data query from `store`, in `format`, without the observations whose
    /// `TIME_PERIOD` ends in a month under `embargo` (monthly and year-to-date alike); 404
    /// NoResultsFound when no observation fits.
    static func data(
        _ q: SDMXDataQuery, format: SDMXDataQuery.Format, store: any FigureReader,
        embargo: PressEmbargo, prepared: String
    ) async throws -> PressResponse {
        let all = SDMXStructure.standard
        guard (q.agency == nil || q.agency == all.agency) && (q.version == nil || q.version == all.version),
            let flow = all.dataflow(q.flow), let dsd = all.dataStructure(flow.structure)
        else {
            throw SDMXRefusal.noResults(
                "no dataflow \(PressRoute.shown([q.agency, q.flow, q.version].compactMap { $0 }.joined(separator: ","))); /sdmx/2.1/dataflow lists them"
            )
        }
        let dimensions = dsd.dimensions.map(\.id)
        try q.check(dimensions: dimensions)
        let copies = all.reference(flow.id) == SDMXCodes.copiesDataflow
        var selection = FigureSelection()
        if let key = q.key {
            if let i = dimensions.firstIndex(of: "REF_AREA"), !key[i].isEmpty {
                // China's trade with a group of partners is CN × the group (``SDMXCodes/partnerScopes``):
                // the group's series are read when the key admits that counterpart.
                let counterparts = dimensions.firstIndex(of: "COUNTERPART_AREA").map { key[$0] } ?? []
                let partners = SDMXCodes.partnerScopes.filter { counterparts.isEmpty || counterparts.contains($0) }
                selection.regions = Set(key[i]).union(key[i].contains("CN") ? partners : [])
            }
            if let i = dimensions.firstIndex(of: "INT_ACC_ITEM"), !key[i].isEmpty { selection.sectors = Set(key[i]) }
        }
        let book = try await store.figureBook(selection)
        let figures = SDMXCSVWriter.figures(
            history: try await store.figureHistory(selection), book: book, allSources: copies)
        let version = format == .csv2 ? 2 : 1
        let text = SDMXCSVWriter.render(figures: figures, panel: book.panel, version: version, allSources: copies)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard !lines.isEmpty else { throw SDMXRefusal.noResults("the store holds no figures") }
        let header = lines.removeFirst()
        let table = CSVRows(header: String(header), lead: version == 2 ? 3 : 1)
        let keyColumns = dimensions.compactMap { table.index[$0] }
        guard keyColumns.count == dimensions.count, let freq = table.index["FREQ"],
            let time = table.index["TIME_PERIOD"]
        else {
            throw SDMXRefusal(status: 500, message: "the SDMX-CSV export lacks a column of \(dsd.id)")
        }
        var kept: [(line: Substring, cells: [String])] = []
        var withheld = 0
        for line in lines {
            let cells = CSVRows.cells(line)
            guard cells.count >= table.columns.count, q.matches(keyColumns.map { cells[$0] }) else { continue }
            guard let span = SDMXCodes.span(freq: cells[freq], period: cells[time]),
                q.matches(months: span.start...span.end)
            else { continue }
            guard !embargo.withholds(span) else {
                withheld += 1
                continue
            }
            kept.append((line, cells))
        }
        guard !kept.isEmpty else {
            throw SDMXRefusal.noResults(
                "no observation of \(flow.id) fits the key and the period asked"
                    + (withheld > 0 ? " (months under embargo until their release moment are left out)" : ""))
        }
        switch format {
        case .csv, .csv2:
            let body = ([header] + kept.map(\.line)).joined(separator: "\n") + "\n"
            return PressSite.ok(Data(body.utf8), type: format.mediaType)
        case .genericData:
            let xml = GenericData(
                dsd: dsd, flow: flow, agency: all.agency, version: all.version, columns: table.index,
                flat: q.dimensionAtObservation == "AllDimensions", attributes: q.detail == .full
            ).render(kept.map(\.cells), prepared: prepared)
            return PressSite.ok(Data(xml.utf8), type: format.mediaType)
        }
    }

    /// An SDMX-ML 2.1 error message for a refusal (`ErrorMessage code`: 100, 140, 150, 406, 501 …).
    static func error(_ refusal: SDMXRefusal) -> PressResponse {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <message:Error xmlns:message="\(messageNamespace)" xmlns:common="\(commonNamespace)">
              <message:ErrorMessage code="\(refusal.code)">
                <common:Text xml:lang="en">\(MarkupEscaping.escape(refusal.message))</common:Text>
              </message:ErrorMessage>
            </message:Error>

            """
        return PressResponse(
            status: refusal.status, headers: [.init(name: "Content-Type", value: "application/xml; charset=utf-8")],
            body: Data(xml.utf8))
    }
}

/// The columns of an SDMX-CSV file and a reader of its lines (quoted cells with `""` inside).
struct CSVRows {
    let columns: [String]
    /// The column of each component ID (after the leading `DATAFLOW` or `STRUCTURE`… columns).
    let index: [String: Int]

    init(header: String, lead: Int) {
        columns = Self.cells(Substring(header))
        var index: [String: Int] = [:]
        for (i, name) in columns.enumerated() where i >= lead { index[name] = i }
        self.index = index
    }

    static func cells(_ line: Substring) -> [String] {
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var chars = line.makeIterator()
        while let c = chars.next() {
            if quoted {
                if c == "\"" {
                    if let next = chars.next() {
                        if next == "\"" {
                            cell.append("\"")
                        } else {
                            quoted = false
                            if next == "," {
                                cells.append(cell)
                                cell = ""
                            } else {
                                cell.append(next)
                            }
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    cell.append(c)
                }
            } else if c == "\"" && cell.isEmpty {
                quoted = true
            } else if c == "," {
                cells.append(cell)
                cell = ""
            } else if c != "\r" {
                cell.append(c)
            }
        }
        cells.append(cell)
        return cells
    }
}

/// SDMX-ML 2.1 generic data of observations given as SDMX-CSV cells: series by key in order of
/// first appearance (`TIME_PERIOD` at the observation level), or flat observations with every
/// dimension in their key (`AllDimensions`).
struct GenericData {
    let dsd: SDMXStructure.DataStructure
    let flow: SDMXStructure.Dataflow
    let agency: String
    let version: String
    let columns: [String: Int]
    let flat: Bool
    let attributes: Bool

    func render(_ rows: [[String]], prepared: String) -> String {
        let esc = MarkupEscaping.escape
        let dims = dsd.dimensions.map(\.id)
        var seriesAttributes: [String] = []
        var observationAttributes: [String] = []
        for c in dsd.attributes {
            if case .seriesAttribute = c.role {
                seriesAttributes.append(c.id)
            } else {
                observationAttributes.append(c.id)
            }
        }
        if flat {
            observationAttributes = seriesAttributes + observationAttributes
            seriesAttributes = []
        }
        if !attributes { (seriesAttributes, observationAttributes) = ([], []) }
        func values(_ ids: [String], _ cells: [String], _ tag: String, _ depth: Int, skipEmpty: Bool) -> String {
            let pad = String(repeating: "  ", count: depth)
            let items = ids.compactMap { id -> String? in
                guard let i = columns[id], i < cells.count, !(skipEmpty && cells[i].isEmpty) else { return nil }
                return "\(pad)  <generic:Value id=\"\(esc(id))\" value=\"\(esc(cells[i]))\"/>\n"
            }
            return items.isEmpty ? "" : "\(pad)<generic:\(tag)>\n" + items.joined() + "\(pad)</generic:\(tag)>\n"
        }
        func observation(_ cells: [String], _ depth: Int) -> String {
            let pad = String(repeating: "  ", count: depth)
            var out = "\(pad)<generic:Obs>\n"
            if flat {
                out += values(dims + ["TIME_PERIOD"], cells, "ObsKey", depth + 1, skipEmpty: false)
            } else {
                out += "\(pad)  <generic:ObsDimension value=\"\(esc(cells[columns["TIME_PERIOD"] ?? 0]))\"/>\n"
            }
            out += "\(pad)  <generic:ObsValue value=\"\(esc(cells[columns["OBS_VALUE"] ?? 0]))\"/>\n"
            out += values(observationAttributes, cells, "Attributes", depth + 1, skipEmpty: true)
            return out + "\(pad)</generic:Obs>\n"
        }
        let structureID = "\(agency)_\(dsd.id)_\(version.replacingOccurrences(of: ".", with: "_"))"
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <message:GenericData xmlns:message="\(SDMXService.messageNamespace)" xmlns:common="\(SDMXService.commonNamespace)" xmlns:generic="\(SDMXService.genericNamespace)">
              <message:Header>
                <message:ID>SVCTRADE_DATA</message:ID>
                <message:Test>false</message:Test>
                <message:Prepared>\(esc(prepared))</message:Prepared>
                <message:Sender id="\(esc(agency))"/>
                <message:Structure structureID="\(structureID)" dimensionAtObservation="\(flat ? "AllDimensions" : "TIME_PERIOD")">
                  <common:StructureUsage>
                    <Ref agencyID="\(esc(agency))" id="\(esc(flow.id))" version="\(esc(version))"/>
                  </common:StructureUsage>
                </message:Structure>
              </message:Header>
              <message:DataSet structureRef="\(structureID)">

            """
        if flat {
            for cells in rows { out += observation(cells, 2) }
        } else {
            var order: [[String]] = []
            var members: [[String]: [[String]]] = [:]
            for cells in rows {
                let key = dims.map { columns[$0].map { cells[$0] } ?? "" }
                if members[key] == nil { order.append(key) }
                members[key, default: []].append(cells)
            }
            for key in order {
                let series = members[key] ?? []
                out += "    <generic:Series>\n"
                out += values(dims, series[0], "SeriesKey", 3, skipEmpty: false)
                out += values(seriesAttributes, series[0], "Attributes", 3, skipEmpty: true)
                for cells in series { out += observation(cells, 3) }
                out += "    </generic:Series>\n"
            }
        }
        return out + "  </message:DataSet>\n</message:GenericData>\n"
    }
}
