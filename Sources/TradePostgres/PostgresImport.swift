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
            // Figures and blocks, streamed as COPY text.
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
            var blockText = ""
            blockText.reserveCapacity(1 << 20)
            for batch in batches {
                for s in batch.panel.series where !s.values.isEmpty {
                    guard let sid = seriesIDs[s.key], let rid = releaseIDs[s.release], let src = sourceIDs[s.source]
                    else {
                        continue
                    }
                    let present = "{" + s.present.map { $0 ? "t" : "f" }.joined(separator: ",") + "}"
                    let values = "{" + s.values.map { String($0) }.joined(separator: ",") + "}"
                    let cells: [String?] = [
                        String(sid), String(rid), String(s.firstMonth), s.unit.description, String(s.decimals),
                        String(src),
                        present, values,
                    ]
                    blockText += cells.map(Self.copyCell).joined(separator: "\t") + "\n"
                    summary.monthlyValues += s.observationCount
                    if blockText.utf8.count > 8 << 20 {
                        try await copy("monthly_block", PostgresSQL.blockColumns, blockText)
                        blockText = ""
                    }
                }
            }
            if !blockText.isEmpty { try await copy("monthly_block", PostgresSQL.blockColumns, blockText) }
            return summary
        }

        func copy(_ table: String, _ columns: [String], _ text: String) async throws {
            try await connection.copyFrom(table: table, columns: columns, logger: PostgresStore.logger) { writer in
                var buffer = ByteBuffer()
                buffer.writeString(text)
                try await writer.write(buffer)
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
