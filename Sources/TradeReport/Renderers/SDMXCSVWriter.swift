import TradeCore

/// Writes observations as SDMX-CSV, version 1.0 (`DATAFLOW` first) or 2.0 (`STRUCTURE`,
/// `STRUCTURE_ID`, `ACTION`), in the dataflows of ``SDMXCodes`` (described by
/// ``SDMXStructure/standard``): one row per level and one per rate a release printed, so that reading
/// the file back gives the same figures.
///
/// Every number is written exactly as stored, with its `DECIMALS`: levels and balance changes in
/// 亿 (`UNIT_MULT` 8, one multiplier per series key; `UNIT_MULT_PUBLISHED` keeps the unit the agency
/// printed, so 3.39 万亿元 is `33900` with `DECIMALS` −2 and `UNIT_MULT_PUBLISHED` 12), rates as
/// published (`DECIMALS` their places). By default one observation per series key and period: the
/// copy the bulletin uses (``figures(history:book:allSources:)``), without a published balance change
/// the bulletin withholds (``TradeCore/FigureBook/withheldBalanceChanges()``); with every copy, the file is in
/// `DF_SVC_TRADE_COPIES`, whose `COPY` dimension keeps the keys unique.
public enum SDMXCSVWriter {
    /// A stored figure to write: whether it is the copy preferred among several sources of its
    /// release, and its copy number (1 for the copy the bulletin uses, then 2, 3 … for the others of
    /// the same series and span).
    public struct Figure: Sendable, Equatable {
        /// The figure as stored.
        public var observation: Observation
        /// Whether it is the preferred copy among the sources of its release (`PREFERRED`).
        public var preferred: Bool
        /// Its `COPY` number.
        public var copy: Int
        /// Whether its published balance change is one the bulletin withholds (it contradicts the
        /// balances): written with `OBS_STATUS` `U` and `PREFERRED` 0 (`--all-sources` only).
        public var balanceChangeWithheld: Bool
        /// Its `FIGURE` number, the same in the default and the every-copy file of one store (the
        /// default export's numbering, the other copies after), or `nil` for its place in the file.
        public var number: Int?
        /// The `FIGURE` number of each copy it ``TradeCore/Observation/borrowed`` a rate from (that
        /// copy's ``number``), by the copy as printed.
        public var lenderNumbers: [Observation: Int]

        /// A figure to write.
        public init(
            observation: Observation, preferred: Bool, copy: Int = 1, balanceChangeWithheld: Bool = false,
            number: Int? = nil, lenderNumbers: [Observation: Int] = [:]
        ) {
            self.observation = observation
            self.preferred = preferred
            self.copy = copy
            self.balanceChangeWithheld = balanceChangeWithheld
            self.number = number
            self.lenderNumbers = lenderNumbers
        }
    }

    /// The figures of an export, in the order of `history` (every stored copy, as
    /// `figureHistory` gives them): each copy numbered within its series and span, 1 for the one
    /// `book` holds (the latest release's preferred copy, which `table` uses), 2, 3 … for the others
    /// in store order. Without `allSources`, only the copies numbered 1.
    public static func figures(history: [FigureCopy], book: FigureBook, allSources: Bool) -> [Figure] {
        struct SpanKey: Hashable {
            let key: SeriesKey
            let span: PeriodSpan
        }
        var groups: [SpanKey: [Int]] = [:]
        for (i, c) in history.enumerated() {
            groups[SpanKey(key: c.observation.key, span: c.observation.span), default: []].append(i)
        }
        var copy = [Int](repeating: 0, count: history.count)
        var merged: [Int: Observation] = [:]
        for (k, members) in groups {
            let chosen = book.figure(k.key, k.span)
            let release = chosen?.release
            let first =
                members.first { history[$0].observation == chosen?.asPrinted }
                ?? members.first { history[$0].isPreferred && history[$0].observation.release == release }
                ?? members.first { history[$0].isPreferred } ?? members[0]
            copy[first] = 1
            if let chosen, !chosen.borrowed.isEmpty { merged[first] = chosen }
            var next = 2
            for i in members where i != first {
                copy[i] = next
                next += 1
            }
        }
        // A published balance change the bulletin withholds (it contradicts the balances) is left out of
        // the default export, as `table` leaves its cell blank; every copy keeps it as evidence, marked.
        let withheld = book.withheldBalanceChanges()
        func isWithheld(_ o: Observation) -> Bool {
            withheld[o.key]?[o.span] != nil && o.rates.balanceChange != nil
                && o.rates.balanceChange == book.figure(o.key, o.span)?.rates.balanceChange
        }
        // The default export's copies: the kept one with the rates the reader borrows for it from the
        // other copies of its release (each written under its own page).
        func kept(_ i: Int) -> Observation {
            let o = merged[i] ?? history[i].observation
            return isWithheld(o) ? o.withoutBalanceChange : o
        }
        // FIGURE: numbered as the default export writes them (its copies in order, then the copies that lend
        // them rates, in the order they are written), then every other copy in store order, so that one
        // copy has one number in the default and the every-copy file.
        var number = [Int?](repeating: nil, count: history.count)
        var next = 1
        for i in history.indices where copy[i] == 1 {
            number[i] = next
            next += 1
        }
        for i in history.indices where copy[i] == 1 {
            let o = kept(i)
            let members = groups[SpanKey(key: o.key, span: o.span)] ?? []
            for (lender, _) in lenders(of: o) {
                if let j = members.first(where: { history[$0].observation == lender }), number[j] == nil {
                    number[j] = next
                }
                next += 1
            }
        }
        for i in history.indices where number[i] == nil {
            number[i] = next
            next += 1
        }
        return history.indices.compactMap { i in
            // One copy per key, with its borrowed rates; every copy: each as printed.
            guard allSources || copy[i] == 1 else { return nil }
            let o = allSources ? history[i].observation : kept(i)
            let members = groups[SpanKey(key: o.key, span: o.span)] ?? []
            var lent: [Observation: Int] = [:]
            for (lender, _) in lenders(of: o) {
                if let j = members.first(where: { history[$0].observation == lender }) { lent[lender] = number[j] }
            }
            return Figure(
                observation: o, preferred: history[i].isPreferred, copy: copy[i],
                balanceChangeWithheld: allSources && isWithheld(o), number: number[i], lenderNumbers: lent)
        }
    }

    /// The copies `o` borrowed rates from, each with the rates it lends, in the order they are written:
    /// by page, then by the first rate each lends (two copies of one page may lend different rates).
    static func lenders(of o: Observation) -> [(Observation, [PublishedRates.Field])] {
        let order = PublishedRates.Field.allCases
        func first(_ fields: [PublishedRates.Field]) -> Int { fields.compactMap(order.firstIndex).min() ?? 0 }
        return Dictionary(grouping: o.borrowed, by: { $0.value }).map { ($0.key, $0.value.map(\.key)) }
            .sorted { ($0.0.source, first($0.1)) < ($1.0.source, first($1.1)) }
    }

    /// The dimension and attribute columns after the version's leading columns; `copies` adds the
    /// `COPY` dimension (`DF_SVC_TRADE_COPIES`).
    public static func columns(copies: Bool) -> [String] {
        let structure = SDMXStructure.standard.dataStructures[copies ? 1 : 0]
        return structure.components.map(\.id)
    }

    /// The header line of a version (1 or 2).
    public static func header(version: Int, copies: Bool = false) -> String {
        (version == 2 ? ["STRUCTURE", "STRUCTURE_ID", "ACTION"] : ["DATAFLOW"]).joined(separator: ",") + ","
            + columns(copies: copies).joined(separator: ",") + "\n"
    }

    /// A level or balance change in 亿 (`UNIT_MULT` 8), every stored digit, and its `DECIMALS`: the
    /// published places in `unit` moved to 亿 (`publishedPlaces` 2 in 万亿元 is −2), or the places the
    /// value needs when that is more.
    static func normalised(_ v: Level, unit: MonetaryUnit, publishedPlaces: Int?) -> (value: String, decimals: Int) {
        let target = MonetaryUnit(unit.currency, SDMXCodes.levelMultiplier)
        let exact = v.exactDecimal(in: target).places
        let shift = SDMXCodes.levelMultiplier.exponent - unit.magnitude.exponent
        let decimals = publishedPlaces.map { $0 + shift } ?? exact
        // A stored digit beyond the published places is written, never rounded away.
        let places = max(0, decimals, exact)
        return (v.formatted(in: target, places: places), exact > max(0, decimals) ? exact : decimals)
    }

    /// The file: figures in the order given, then the panel's months series by series (a month whose
    /// series and period already have a level among `figures` is left out unless `allSources`).
    ///
    /// `SOURCE` is what a reader cites: the page that printed the value, or, for a value read at a
    /// mirror host of `hosts`, its publisher (`MOFCOM`, `SAFE`), the mirror's address then in
    /// `SOURCE_COPY` (evidence only; ``SourceHosts/citation(of:publisher:)``).
    public static func render(
        figures: [Figure], panel: MonthlyPanel, version: Int, allSources: Bool = false,
        hosts: SourceHosts = .standard
    ) -> String {
        let flow = allSources ? SDMXCodes.copiesDataflow : SDMXCodes.dataflow
        let lead = version == 2 ? "dataflow,\(flow),I," : "\(flow),"
        let mult = String(SDMXCodes.levelMultiplier.exponent)
        var out = header(version: version, copies: allSources)
        struct Row {
            var measure: SDMXCodes.Measure
            var value: String
            var decimals: Int
            var published: Magnitude? = nil
        }
        func write(
            _ key: SeriesKey, _ span: PeriodSpan, _ r: Row, status: String, copy: Int, source: SourceCitation,
            release: String, publisher: String?, publishedOn: String?, preferred: Bool, panel: Bool, figure: Int
        ) {
            let (freq, accumulation, period) = SDMXCodes.time(span)
            let isAmount = r.measure == .level || r.measure == .balanceChange
            let areas = SDMXCodes.areas(region: key.region)
            var cells = [
                freq, areas.reference, areas.counterpart, SDMXCodes.accountingEntry(key.flow), key.sector,
                key.currency.rawValue, r.measure == .level ? key.currency.rawValue : r.measure.rawValue,
                accumulation.rawValue,
            ]
            if allSources { cells.append(String(copy)) }
            cells += [
                period, r.value, isAmount ? mult : "0", r.published.map { String($0.exponent) } ?? "",
                String(r.decimals), status, source.cited, release, publisher ?? "",
                publishedOn ?? "", preferred ? "1" : "0", panel ? "1" : "", figure > 0 ? String(figure) : "",
                source.copy,
            ]
            out += lead + cells.map(CSVRenderer.escape).joined(separator: ",") + "\n"
        }
        /// The rows of a copy as printed: its level and rates, or only `fields` of its rates.
        func rows(_ o: Observation, only fields: Set<PublishedRates.Field>?) -> [Row] {
            var rows: [Row] = []
            if fields == nil, let v = o.value, let unit = o.unit {
                let (text, d) = normalised(v, unit: unit, publishedPlaces: o.decimals)
                rows.append(Row(measure: .level, value: text, decimals: d, published: unit.magnitude))
            }
            let r = o.rates
            let rates: [(PublishedRates.Field, SDMXCodes.Measure, DecimalNumber?)] = [
                (.yearOnYear, .yearOnYear, r.yearOnYear), (.versus2019, .versus2019, r.versus2019),
                (.twoYearAverage, .twoYearAverage, r.twoYearAverage), (.share, .share, r.share),
                (.shareChange, .shareChange, r.shareChange),
            ]
            for case let (field, measure, x?) in rates where fields?.contains(field) ?? true {
                rows.append(Row(measure: measure, value: x.description, decimals: x.places))
            }
            if let x = r.balanceChange, fields?.contains(.balanceChange) ?? true {
                // The change with the digits it was printed with, not its level's: 4731.2 亿元 beside a
                // level of −2039 stays 4731.2, and 424.7 bn beside −203.17 bn is 4247 (DECIMALS 0), not
                // 4247.0. A change printed without a unit (none on its page) is written in 亿 with no
                // published multiplier.
                let unit = o.unit ?? MonetaryUnit(o.key.currency, .one)
                let (text, d) = normalised(x, unit: unit, publishedPlaces: nil)
                rows.append(Row(measure: .balanceChange, value: text, decimals: d, published: o.unit?.magnitude))
            }
            return rows
        }
        struct SpanKey: Hashable {
            let key: SeriesKey
            let month: Period
        }
        var levelCopies: [SpanKey: Int] = [:]
        var lenderCount = max(figures.count, figures.compactMap(\.number).max() ?? 0)
        for (n, f) in figures.enumerated() {
            let o = f.observation
            if o.value != nil, o.unit != nil, o.span.isMonth {
                levelCopies[SpanKey(key: o.key, month: o.span.start), default: 0] += 1
            }
            // The copy's own rows, then each borrowed rate under the copy that printed it (its page,
            // unit and date; `PREFERRED` 0 and the lender's `FIGURE` number).
            var printers: [(copy: Observation, fields: Set<PublishedRates.Field>?, preferred: Bool, figure: Int)] = [
                (o.asPrinted, nil, f.preferred, f.number ?? n + 1)
            ]
            for (lender, fields) in lenders(of: o) {
                lenderCount += 1
                printers.append((lender, Set(fields), false, f.lenderNumbers[lender] ?? lenderCount))
            }
            for p in printers {
                // A dollar figure that only a reporter printed (a conversion at a spot rate) is not the
                // agency's: `E`, as in the tidy export (``TradeCore/Observation/storedStatus``).
                let status = p.copy.storedStatus
                for row in rows(p.copy, only: p.fields) {
                    // A withheld balance change (every-copy file only): `U`, and not the copy to use.
                    let withheld = f.balanceChangeWithheld && row.measure == .balanceChange
                    write(
                        o.key, o.span, row,
                        status: withheld ? SDMXCodes.withheldStatus : SDMXCodes.observationStatus(status),
                        copy: f.copy, source: p.copy.citation(hosts), release: o.release,
                        publisher: p.copy.publisher, publishedOn: p.copy.publishedOn,
                        preferred: p.preferred && !withheld, panel: false, figure: p.figure)
                }
            }
        }
        for s in panel.series {
            for (k, present) in s.present.enumerated() where present {
                guard let month = Period(index: s.firstMonth + k) else { continue }
                let taken = levelCopies[SpanKey(key: s.key, month: month)] ?? 0
                if taken > 0 && !allSources { continue }
                let (text, d) = normalised(Level(hundredths: s.values[k]), unit: s.unit, publishedPlaces: s.decimals)
                write(
                    s.key, PeriodSpan(month: month),
                    Row(measure: .level, value: text, decimals: d, published: s.unit.magnitude),
                    status: SDMXCodes.observationStatus(s.status),
                    copy: taken + 1,
                    source: hosts.citation(of: s.source, publisher: .ofRegion(s.key.region)), release: s.release,
                    publisher: nil, publishedOn: nil,
                    preferred: true, panel: true, figure: 0)
            }
        }
        return out
    }
}
