import Foundation
import GRDB
import TradeCore

/// Writes derived panel series (YTD and growth) to a new SQLite file, one packed row per series.
public enum DerivedStore {
    /// Creates `path` with table `derived` and writes every series in one transaction.
    public static func write(series: [MonthlyPanel.Series], derived: [PanelDerivation.Derived], path: String) throws {
        var config = Configuration()
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        let queue = try DatabaseQueue(path: path, configuration: config)
        try queue.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE derived (
                        region TEXT NOT NULL, sector TEXT NOT NULL, flow TEXT NOT NULL, unit TEXT NOT NULL,
                        first_month INTEGER NOT NULL, month_count INTEGER NOT NULL,
                        present BLOB NOT NULL, ytd BLOB NOT NULL, yoy_month BLOB NOT NULL, yoy_ytd BLOB NOT NULL,
                        PRIMARY KEY (region, sector, flow)
                    ) STRICT
                    """)
            let insert = try db.makeStatement(sql: "INSERT INTO derived VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for (s, d) in zip(series, derived) {
                let ytdPresent = d.ytd.map { $0 != nil }
                func doubles(_ xs: [Double?]) -> Data {
                    xs.map { ($0 ?? .nan).bitPattern.littleEndian }.withUnsafeBytes { Data($0) }
                }
                try RawBind(statement: insert).run([
                    .text(s.key.region), .text(s.key.sector), .text(s.key.flow == .export ? "X" : "M"),
                    .text(s.unit.description),
                    .int(Int64(s.firstMonth)), .int(Int64(s.values.count)),
                    .bytes(MonthlyBlockCodec.encodePresence(ytdPresent)),
                    .bytes(MonthlyBlockCodec.encodeValues(d.ytd.map { $0 ?? 0 })), .blob(doubles(d.yoyMonth)),
                    .blob(doubles(d.yoyYTD)),
                ])
            }
        }
    }
}
