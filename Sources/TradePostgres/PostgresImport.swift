#if PostgreSQL
    import PostgresNIO
    import TradeCore

    /// Writes import batches inside one open transaction: releases checked and added under an advisory
    /// lock (a second writer waits), series and sources by arrays, figures and monthly
    /// blocks by `COPY … FROM STDIN`.
    struct PostgresImport {
        let connection: PostgresConnection
        /// How long to wait for another import to finish, seconds.
        var lockWait = 600
        /// Hears a wait for another import and the rows written (``StoreEvent``).
        var events: StoreEventHandler = { _ in }
        /// The store's address, passwords removed, for the wait's message.
        var store = ""

        @discardableResult
        func run(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) async throws -> [PostgresRow] {
            var out: [PostgresRow] = []
            for try await row in try await connection.query(
                PostgresQuery(unsafeSQL: sql, binds: binds), logger: PostgresStore.logger)
            {
                out.append(row)
            }
            return out
        }

        func write(_ batches: [ImportBatch]) async throws -> ImportSummary {
            var summary = ImportSummary(releases: [], newSeries: 0, figures: 0, monthlyValues: 0)
            try await run(PostgresSQL.lockTimeout(seconds: lockWait))
            if let held = try await run(PostgresSQL.importLockHeld).first, try held.decode(Bool.self) {
                events(.waitingForWriter(store: store))
            }
            try await run(PostgresSQL.lockReleases)
            try await run(PostgresSQL.noLockTimeout)
            var releaseIDs: [String: Int64] = [:]
            for batch in batches {
                for (name, date) in batch.releases.sorted(by: { $0.key < $1.key }) {
                    if releaseIDs[name] != nil {
                        throw PostgresStoreError(
                            "error: release \"\(name)\" is given by two of the files imported together; give each file its own --release"
                        )
                    }
                    var binds = PostgresBindings()
                    binds.append(name)
                    if let existing = try await run(PostgresSQL.existingRelease, binds).first {
                        let file = try existing.decode(String.self)
                        throw PostgresStoreError(
                            "error: release \"\(name)\" is already in the store (imported from \(file)); a new vintage needs its own name: svctrade import \(batch.file) --release NAME [--release-date YYYY-MM-DD]"
                        )
                    }
                    var insert = PostgresBindings()
                    insert.append(name)
                    insert.append(date)
                    insert.append(batch.file)
                    insert.append(batch.rowCount)
                    guard let row = try await run(PostgresSQL.insertRelease, insert).first else { continue }
                    releaseIDs[name] = try row.decode(Int64.self)
                    summary.releases.append(name)
                }
            }
            // Series: the known ones, then every new key in one statement.
            var seriesIDs: [SeriesKey: Int64] = [:]
            for row in try await run(PostgresSQL.allSeries) {
                let (id, region, sector, flow, currency) = try row.decode((Int64, String, String, String, String).self)
                guard let f = Flow(rawValue: flow), let c = Currency(rawValue: currency) else { continue }
                seriesIDs[SeriesKey(region: region, sector: sector, flow: f, currency: c)] = id
            }
            var newKeys: [SeriesKey] = []
            var seen = Set<SeriesKey>()
            for batch in batches {
                for key in batch.figures.map(\.observation.key) + batch.panel.series.map(\.key)
                where seriesIDs[key] == nil && seen.insert(key).inserted {
                    newKeys.append(key)
                }
            }
            if !newKeys.isEmpty {
                var binds = PostgresBindings()
                binds.append(newKeys.map(\.region))
                binds.append(newKeys.map(\.sector))
                binds.append(newKeys.map(\.flow.rawValue))
                binds.append(newKeys.map(\.currency.rawValue))
                for row in try await run(PostgresSQL.insertSeries, binds) {
                    let (id, region, sector, flow, currency) = try row.decode(
                        (Int64, String, String, String, String).self)
                    guard let f = Flow(rawValue: flow), let c = Currency(rawValue: currency) else { continue }
                    seriesIDs[SeriesKey(region: region, sector: sector, flow: f, currency: c)] = id
                }
                summary.newSeries = newKeys.count
            }
            // Sources.
            let addresses = Array(
                Set(batches.flatMap { $0.figures.map(\.observation.source) + $0.panel.series.map(\.source) })
            ).sorted()
            var sourceIDs: [String: Int64] = [:]
            if !addresses.isEmpty {
                var binds = PostgresBindings()
                binds.append(addresses)
                try await run(PostgresSQL.insertSources, binds)
                for row in try await run(PostgresSQL.sourceIDs, binds) {
                    let (id, address) = try row.decode((Int64, String).self)
                    sourceIDs[address] = id
                }
            }
            // Figures and blocks, streamed as COPY text; progress counts figure rows and monthly values.
            var progress = WriteProgress(
                total: batches.map { $0.figures.count + $0.panel.observationCount }.reduce(0, +), events: events)
            var figureText = ""
            for batch in batches {
                for f in batch.figures {
                    let o = f.observation
                    let r = o.rates
                    guard let sid = seriesIDs[o.key], let rid = releaseIDs[o.release], let src = sourceIDs[o.source]
                    else {
                        continue
                    }
                    let cells: [String?] = [
                        String(sid), String(o.span.start.yyyymm), String(o.span.end.yyyymm), String(rid), String(src),
                        String(f.line), f.isPreferred ? "t" : "f", o.value.map { String($0.hundredths) },
                        o.unit?.description, o.decimals.map(String.init), r.yearOnYear?.description,
                        r.versus2019?.description, r.twoYearAverage?.description, r.share?.description,
                        r.shareChange?.description, r.balanceChange.map { String($0.hundredths) }, o.publisher,
                        o.publishedOn,
                    ]
                    figureText += cells.map(Self.copyCell).joined(separator: "\t") + "\n"
                    summary.figures += 1
                }
            }
            if !figureText.isEmpty {
                try await copy("figure", PostgresSQL.figureColumns, figureText)
            }
            progress.add(summary.figures)
            // Blocks: packed as the SQLite store packs them (a presence bitmap and delta-coded values,
            // `MonthlyBlockCodec`), written to COPY as `bytea` hex, encoded side by side on every core.
            var rows: [BlockRow] = []
            for batch in batches {
                for s in batch.panel.series where !s.values.isEmpty {
                    guard let sid = seriesIDs[s.key], let rid = releaseIDs[s.release], let src = sourceIDs[s.source]
                    else { continue }
                    rows.append(BlockRow(series: s, seriesID: sid, releaseID: rid, sourceID: src))
                    summary.monthlyValues += s.observationCount
                }
            }
            let all = rows
            // A store made before the recent years were kept takes the whole blocks only (`db init` adds them).
            let recent = try await run(PostgresSQL.recentColumnsExist).first?.decode(Bool.self) ?? false
            // One COPY for every 4,096 blocks (about 3 MB of text for 240-month blocks).
            for start in stride(from: 0, to: all.count, by: 4096) {
                let slice = start..<min(all.count, start + 4096)
                let pieces = OrderedParallelMap.map(
                    OrderedParallelMap.ranges(count: slice.count, pieces: 8).map {
                        ($0.lowerBound + start)..<($0.upperBound + start)
                    }
                ) { range -> [[UInt8]] in
                    var out: [UInt8] = []
                    out.reserveCapacity(range.count * 2048)
                    for k in range { all[k].append(to: &out, recent: recent) }
                    return [out]
                }
                try await connection.copyFrom(
                    table: "monthly_block",
                    columns: recent ? PostgresSQL.blockColumnsWithRecent : PostgresSQL.blockColumns,
                    logger: PostgresStore.logger
                ) { writer in
                    for piece in pieces { try await writer.write(ByteBuffer(bytes: piece)) }
                }
                progress.add(all[slice].reduce(0) { $0 + $1.series.observationCount })
            }
            try await analyzeWhatGrew(["monthly_block": all.count, "series": newKeys.count, "figure": summary.figures])
            return summary
        }

        /// Gathers the planner's statistics of each table this import grew by more than autovacuum's
        /// threshold (50 rows plus 10 % of the rows the planner knew of: PostgreSQL's defaults of
        /// `autovacuum_analyze_threshold` and `autovacuum_analyze_scale_factor`), as autovacuum would at its
        /// next round, up to a minute later. Until then a read right after a bulk import is planned for the
        /// empty table the planner last saw: on the bench panel each part of the panel read became a nested
        /// loop of 4,096 index probes (12,288 buffer reads) instead of a hash join (584). PostgreSQL's
        /// "Populating a Database" (§14.4.9) advises the same. Only the columns reads filter and join on; in
        /// the import's transaction (ANALYZE samples the rows it wrote); a role that does not own a table is
        /// skipped by the server with a warning, and autovacuum gathers them later.
        func analyzeWhatGrew(_ written: [String: Int]) async throws {
            for row in try await run(PostgresSQL.plannerRowCounts) {
                let (table, known) = try row.decode((String, Double).self)
                guard let analyze = PostgresSQL.analyze(table), let count = written[table],
                    Double(count) > 50 + 0.1 * max(0, known)
                else { continue }
                try await run(analyze)
            }
        }

        func copy(_ table: String, _ columns: [String], _ text: String) async throws {
            try await connection.copyFrom(table: table, columns: columns, logger: PostgresStore.logger) { writer in
                var buffer = ByteBuffer()
                buffer.writeString(text)
                try await writer.write(buffer)
            }
        }

        /// One row of `monthly_block` to COPY.
        struct BlockRow: Sendable {
            let series: MonthlyPanel.Series
            let seriesID: Int64
            let releaseID: Int64
            let sourceID: Int64

            /// The row in COPY's text format: ids, first month, month count, unit, decimals, source, then
            /// the packed presence and values as `bytea` hex (`\\x…`: COPY's escape of the backslash); with
            /// `recent`, then the block's recent years (``RecentYears``) the same way, or NULLs.
            func append(to out: inout [UInt8], recent: Bool) {
                let tab = UInt8(ascii: "\t")
                for number in [seriesID, releaseID, Int64(series.firstMonth), Int64(series.values.count)] {
                    PostgresImport.appendInteger(number, to: &out)
                    out.append(tab)
                }
                out += PostgresImport.copyCell(series.unit.description).utf8
                out.append(tab)
                PostgresImport.appendInteger(Int64(series.decimals), to: &out)
                out.append(tab)
                PostgresImport.appendInteger(sourceID, to: &out)
                out.append(tab)
                PostgresImport.appendHex(MonthlyBlockCodec.encodePresence(series.present), to: &out)
                out.append(tab)
                PostgresImport.appendHex(MonthlyBlockCodec.encodeValues(series.values), to: &out)
                if recent {
                    if let from = RecentYears.first(of: series.firstMonth, count: series.values.count) {
                        let skip = from - series.firstMonth
                        for number in [Int64(from), Int64(series.values.count - skip)] {
                            out.append(tab)
                            PostgresImport.appendInteger(number, to: &out)
                        }
                        out.append(tab)
                        PostgresImport.appendHex(
                            MonthlyBlockCodec.encodePresence(Array(series.present[skip...])), to: &out)
                        out.append(tab)
                        PostgresImport.appendHex(
                            MonthlyBlockCodec.encodeValues(Array(series.values[skip...])), to: &out)
                    } else {
                        out += Array("\t\\N\t\\N\t\\N\t\\N".utf8)
                    }
                }
                out.append(UInt8(ascii: "\n"))
            }
        }

        /// A block's recent years, kept beside the whole block in a PostgreSQL store: from the January two
        /// years before its last month's year to its end (2019-01…2021-12 of a 2002–2021 block), so that a
        /// bulletin's read (its year and the two before, ``TradeCore/PanelBulletin/months(for:)``) receives
        /// a sixth of the block's bytes instead of all of them. The SQLite store reads its blocks in place
        /// and needs no copy.
        enum RecentYears {
            /// The first month of the recent years, or `nil` when they are the whole block.
            static func first(of firstMonth: Int, count: Int) -> Int? {
                guard count > 0 else { return nil }
                let from = ((firstMonth + count - 1) / 12 - 2) * 12
                return from > firstMonth ? from : nil
            }
        }

        /// The decimal digits of `value`, written in place.
        static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
            if value < 0 { out.append(UInt8(ascii: "-")) }
            var m = value.magnitude
            var digits = 1
            var rest = m
            while rest >= 10 {
                rest /= 10
                digits += 1
            }
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
            var i = out.count - 1
            repeat {
                out[i] = UInt8(ascii: "0") + UInt8(m % 10)
                m /= 10
                i -= 1
            } while m > 0
        }

        static let hexDigits = Array("0123456789abcdef".utf8)

        /// Bytes as a `bytea` cell of COPY's text format: `\\x` then two hex digits a byte.
        static func appendHex(_ bytes: [UInt8], to out: inout [UInt8]) {
            let digits = hexDigits
            out += [UInt8(ascii: "\\"), UInt8(ascii: "\\"), UInt8(ascii: "x")]
            for b in bytes {
                out.append(digits[Int(b >> 4)])
                out.append(digits[Int(b & 0x0F)])
            }
        }

        /// A cell of COPY's text format: `\N` for null; backslash, tab, newline and carriage return escaped.
        static func copyCell(_ value: String?) -> String {
            guard let value else { return "\\N" }
            var out = ""
            for c in value.unicodeScalars {
                switch c {
                case "\\": out += "\\\\"
                case "\t": out += "\\t"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                default: out.unicodeScalars.append(c)
                }
            }
            return out
        }
    }
#endif
