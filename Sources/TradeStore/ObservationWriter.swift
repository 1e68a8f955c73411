import Foundation
import GRDB
import TradeCore

/// Writes import batches inside one open transaction.
struct ObservationWriter {
    let db: Database
    /// Hears how long the rows took (``TradeCore/StoreEvent/rowsWritten(_:)``).
    var events: StoreEventHandler = { _ in }

    func write(_ batches: [ImportBatch]) throws -> TradeDatabase.ImportSummary {
        var summary = TradeDatabase.ImportSummary(releases: [], newSeries: 0, figures: 0, monthlyValues: 0)
        var seriesIDs: [SeriesKey: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, region, sector, flow, currency FROM series") {
            guard let flow = Flow(rawValue: row[3]), let currency = Currency(rawValue: row[4]) else { continue }
            seriesIDs[SeriesKey(region: row[1], sector: row[2], flow: flow, currency: currency)] = row[0]
        }
        let insertSeries = try db.makeStatement(
            sql: "INSERT INTO series (region, sector, flow, currency) VALUES (?, ?, ?, ?)")
        func seriesID(_ key: SeriesKey) throws -> Int64 {
            if let id = seriesIDs[key] { return id }
            try RawBind(statement: insertSeries).run([
                .text(key.region), .text(key.sector), .text(key.flow.rawValue), .text(key.currency.rawValue),
            ])
            let id = db.lastInsertedRowID
            seriesIDs[key] = id
            summary.newSeries += 1
            return id
        }
        var sourceIDs: [String: Int64] = [:]
        func sourceID(_ address: String) throws -> Int64 {
            if let id = sourceIDs[address] { return id }
            try db.execute(sql: "INSERT OR IGNORE INTO source (address) VALUES (?)", arguments: [address])
            let id = try Int64.fetchOne(db, sql: "SELECT id FROM source WHERE address = ?", arguments: [address]) ?? 0
            sourceIDs[address] = id
            return id
        }
        var releaseIDs: [String: Int64] = [:]
        for batch in batches {
            for (name, date) in batch.releases.sorted(by: { $0.key < $1.key }) {
                if releaseIDs[name] != nil {
                    throw StoreError(
                        .releaseExists,
                        "release \"\(name)\" is given by two of the files imported together; give each file its own --release"
                    )
                }
                if let existing = try String.fetchOne(
                    db, sql: "SELECT imported_from FROM release WHERE name = ?", arguments: [name])
                {
                    throw StoreError(
                        .releaseExists,
                        "release \"\(name)\" is already in the store (imported from \(existing)); a new vintage needs its own name: svctrade import \(batch.file) --release NAME [--release-date YYYY-MM-DD]"
                    )
                }
                try db.execute(
                    sql: "INSERT INTO release (name, published, imported_from, row_count) VALUES (?, ?, ?, ?)",
                    arguments: [name, date, batch.file, batch.rowCount])
                releaseIDs[name] = db.lastInsertedRowID
                summary.releases.append(name)
            }
        }
        let insertFigure = try db.makeStatement(
            sql: """
                INSERT INTO figure (series_id, period_from, period_to, release_id, source_id, line, preferred, value, unit,
                    decimals, yoy_pct, vs2019_pct, two_year_avg_pct, share_pct, share_change_pp, balance_change,
                    publisher, published_on, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let insertBlock = try db.makeStatement(
            sql: """
                INSERT INTO monthly_block (series_id, release_id, first_month, month_count, unit, decimals, source_id, present, vals,
                    status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let insertJSON = try db.makeStatement(
            sql: "INSERT INTO monthly_json (series_id, release_id, vals_json_scale, vals_json) VALUES (?, ?, ?, ?)")
        let clock = ContinuousClock()
        let t0 = clock.now
        defer { events(.rowsWritten(clock.now - t0)) }
        var progress = WriteProgress(
            total: batches.map { $0.figures.count + $0.panel.observationCount }.reduce(0, +), events: events)
        for batch in batches {
            for f in batch.figures {
                let o = f.observation
                let r = o.rates
                let sid = try seriesID(o.key)
                let src = try sourceID(o.source)
                var args: [(any DatabaseValueConvertible)?] = [sid, o.span.start.yyyymm, o.span.end.yyyymm]
                args += [releaseIDs[o.release], src, f.line, f.isPreferred ? 1 : 0]
                args += [o.value?.hundredths, o.unit?.description, o.decimals]
                args += [r.yearOnYear?.description, r.versus2019?.description, r.twoYearAverage?.description]
                args += [r.share?.description, r.shareChange?.description, r.balanceChange?.hundredths]
                let status = o.storedStatus
                args += [o.publisher, o.publishedOn, status.rawValue]
                try insertFigure.execute(arguments: StatementArguments(args))
                summary.figures += 1
                progress.add(1)
            }
            // The blocks are packed side by side on every core, then inserted in series order.
            let series = batch.panel.series
            let packed = OrderedParallelMap.map(
                OrderedParallelMap.ranges(count: series.count, pieces: series.count >= 512 ? 16 : 1)
            ) { range in
                range.map { i -> (present: [UInt8], values: [UInt8], json: (text: String, scale: Int64), count: Int) in
                    let s = series[i]
                    guard !s.values.isEmpty else { return ([], [], ("", 1), 0) }
                    return (
                        MonthlyBlockCodec.encodePresence(s.present), MonthlyBlockCodec.encodeValues(s.values),
                        TidyViews.json(values: s.values, present: s.present, unit: s.unit, decimals: s.decimals),
                        s.observationCount
                    )
                }
            }
            for (s, (presence, packed, json, count)) in zip(series, packed) where !s.values.isEmpty {
                let sid = try seriesID(s.key)
                let src = try sourceID(s.source)
                guard let release = releaseIDs[s.release] else { continue }
                try RawBind(statement: insertBlock).run([
                    .int(sid), .int(release), .int(Int64(s.firstMonth)), .int(Int64(s.values.count)),
                    .text(s.unit.description),
                    .int(Int64(s.decimals)), .int(src), .bytes(presence), .bytes(packed), .text(s.status.rawValue),
                ])
                try RawBind(statement: insertJSON).run([.int(sid), .int(release), .int(json.scale), .text(json.text)])
                summary.monthlyValues += count
                progress.add(count)
            }
        }
        return summary
    }
}
