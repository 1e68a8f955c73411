import Foundation
import Synchronization
import Testing
import TradeCore
import TradeIngest
import TradePress
import TradeReport
import TradeStore
import TradeTestSupport

/// A month under embargo leaks no figure by any route: `/api/series` and the SDMX data answers leave
/// out every observation of it (its January-to-month figure and its monthly figure) until its
/// release moment, and show them from then on without a restart.
@Suite struct PressEmbargoTests {
    /// release.toml: 2021-04 is released on 2021-06-03 in Asia/Shanghai at 00:00 (no time known),
    /// which is 2021-06-02T16:00:00Z; 2022-04 (2022-05-31) and 2025-10 (2025-12-03) come later.
    static let april2021Release = Date(timeIntervalSince1970: 1_622_649_600)

    /// The site's clock, set by the test.
    final class Clock: Sendable {
        let date: Mutex<Date>
        init(_ date: Date) { self.date = Mutex(date) }
        func set(_ date: Date) { self.date.withLock { $0 = date } }
    }

    /// The shipped published record in a store, a site over it read-only with a settable clock (one
    /// second before 2021-04's release moment).
    static func site() throws -> (PressSite, Clock, TradeDatabase, TemporaryFolder) {
        let folder = try TemporaryFolder()
        let path = folder.file("press.sqlite")
        let writer = try TradeDatabase(path: path)
        _ = try writer.importBatches(
            ShippedData.files.map { try ObservationReader().read(path: Repository.dataset($0)) })
        let clock = Clock(april2021Release.addingTimeInterval(-1))
        let site = PressSite(
            store: try TradeDatabase.readOnly(path: path), resources: try ShippedData.resources(), chromium: nil,
            revalidateInterval: .zero, now: { clock.date.withLock { $0 } })
        return (site, clock, writer, folder)
    }

    /// The rows of a CSV answer without quoted cells, by the value of `key` columns joined with `/`.
    static func rows(_ text: String, key: [String]) -> [String: [String: String]] {
        var lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        guard !lines.isEmpty else { return [:] }
        let header = lines.removeFirst().map(String.init)
        var out: [String: [String: String]] = [:]
        for cells in lines {
            let row = Dictionary(uniqueKeysWithValues: zip(header, cells.map(String.init)))
            out[key.map { row[$0] ?? "" }.joined(separator: "/")] = row
        }
        return out
    }

    /// `/api/series` of the nation's services: (observations, last, gaps) of each flow and currency.
    static func series(_ site: PressSite) async throws -> [String: [String: String]] {
        let answer = try await PressSiteTests.get(site, "/api/series?region=CN&sector=S&format=csv")
        #expect(answer.status == 200)
        return rows(answer.text, key: ["flow", "currency"])
    }

    /// SDMX-CSV of exports (credit) in yuan, January to month, over January–April 2021:
    /// "TIME_PERIOD OBS_VALUE" in order (every copy of each with `copies`: the key's `COPY` any).
    static func exportsYearToDate(_ site: PressSite, copies: Bool = false) async throws -> [String] {
        let path = copies ? "DF_SVC_TRADE_COPIES/M.CN.W1.C.S.CNY.CNY.YTD." : "DF_SVC_TRADE/M.CN.W1.C.S.CNY.CNY.YTD"
        let answer = try await PressSiteTests.get(
            site, "/sdmx/2.1/data/\(path)?startPeriod=2021-01&endPeriod=2021-04&format=csv")
        #expect(answer.status == 200, "\(answer.text.prefix(300))")
        let lines = answer.text.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        let header = try #require(lines.first)
        let time = try #require(header.firstIndex(of: "TIME_PERIOD"))
        let value = try #require(header.firstIndex(of: "OBS_VALUE"))
        return lines.dropFirst().map { "\($0[time]) \($0[value])" }
    }

    /// "TIME_PERIOD OBS_VALUE" of each observation of an SDMX-ML generic data message, in order.
    static func observations(_ xml: String) -> [String] {
        xml.components(separatedBy: "<generic:ObsDimension value=\"").dropFirst().map { rest in
            let time = rest.prefix { $0 != "\"" }
            let value = rest.components(separatedBy: "<generic:ObsValue value=\"").dropFirst().first?.prefix {
                $0 != "\""
            }
            return "\(time) \(value ?? "")"
        }
    }

    @Test func seriesLeaveOutTheFiguresOfAMonthUnderEmbargo() async throws {
        let (site, clock, writer, folder) = try Self.site()
        defer { folder.remove() }
        // Before 2021-04's release moment: 2021-04, 2022-04 and 2025-10 are under embargo. The
        // nation's total in yuan loses its January–April and April figures of 2021 and 2022 and its
        // January–October 2025 (98 stored, 93 shown), and ends in 2025-09.
        var rows = try await Self.series(site)
        #expect(rows["total/CNY"]?["observations"] == "93")
        #expect(rows["total/CNY"]?["last"] == "2025-09")
        #expect(rows["export/CNY"]?["observations"] == "82")
        #expect(rows["import/CNY"]?["observations"] == "76")
        let gaps = try #require(rows["total/CNY"]?["gaps"]).split(separator: " ")
        #expect(gaps.contains("2021-04") && gaps.contains("2022-04"))
        // The JSON has the same counts.
        let json = try await PressSiteTests.get(site, "/api/series?region=CN&sector=S").text
        #expect(
            json.contains(
                #""flow": "total", "currency": "CNY", "first": "2017-05", "last": "2025-09", "observations": 93"#))

        // The release moment of 2021-04 passes: its two figures of the nation's total are there (95),
        // answered from the same site, whose cache knew the old answer.
        clock.set(Self.april2021Release)
        rows = try await Self.series(site)
        #expect(rows["total/CNY"]?["observations"] == "95")
        #expect(rows["export/CNY"]?["observations"] == "84")
        #expect(rows["import/CNY"]?["observations"] == "78")
        let after = try #require(rows["total/CNY"]?["gaps"]).split(separator: " ")
        #expect(!after.contains("2021-04") && after.contains("2022-04"))
        #expect(rows["total/CNY"]?["last"] == "2025-09")

        // No month under embargo: the listing is the store's own (svctrade series).
        clock.set(Date(timeIntervalSince1970: 2_000_000_000))
        let all = try await PressSiteTests.get(site, "/api/series?region=CN&sector=S&format=csv").text
        let stored = CSVRenderer.render(
            SeriesListing.table(try writer.seriesSummaries(FigureSelection(regions: ["CN"], sectors: ["S"]))))
        #expect(all == stored)
        rows = Self.rows(all, key: ["flow", "currency"])
        #expect(rows["total/CNY"]?["observations"] == "98")
        #expect(rows["total/CNY"]?["last"] == "2025-10")
    }

    /// Monthly values too: the demo's illustrative panel (2019–2022) loses April 2021 and April 2022
    /// while they are under embargo, April 2022 alone once 2021-04 is released.
    @Test func seriesLeaveOutTheMonthlyValuesOfAMonthUnderEmbargo() async throws {
        let store = try ShippedData.store(illustrativePanel: true)
        let clock = Clock(Self.april2021Release.addingTimeInterval(-1))
        let site = PressSite(
            store: store, resources: try ShippedData.resources(), chromium: nil, revalidateInterval: .zero,
            now: { clock.date.withLock { $0 } })
        let stored = Self.rows(
            CSVRenderer.render(SeriesListing.table(try store.seriesSummaries(FigureSelection(regions: ["beijing"])))),
            key: ["sector", "flow"])
        #expect(stored.count >= 2)
        for (key, row) in stored {
            #expect(row["first"] == "2019-01" && row["last"] == "2022-12" && row["gaps"] == "", "\(key)")
            #expect(row["observations"] == "48" && row["vintages"] == "1", "\(key)")
        }
        for (time, observations, gaps) in [(-1.0, "46", "2021-04 2022-04"), (0, "47", "2022-04")] {
            clock.set(Self.april2021Release.addingTimeInterval(time))
            let answer = try await PressSiteTests.get(site, "/api/series?region=beijing&format=csv")
            let rows = Self.rows(answer.text, key: ["sector", "flow"])
            #expect(Set(rows.keys) == Set(stored.keys))
            for (key, row) in rows {
                #expect(row["first"] == "2019-01" && row["last"] == "2022-12", "\(key)")
                #expect(row["observations"] == observations && row["gaps"] == gaps, "\(key): \(row)")
                #expect(row["vintages"] == "1", "\(key)")
            }
        }
    }

    @Test func sdmxDataLeaveOutTheObservationsOfAMonthUnderEmbargo() async throws {
        let (site, clock, _, folder) = try Self.site()
        defer { folder.remove() }
        // MOFCOM: exports January–February 2021 3353.5 亿元; January–April 7462.1 亿元 (746.21 bn),
        // April alone 2004.6 亿元 (200.46 bn); January–March was published as a rate only.
        #expect(try await Self.exportsYearToDate(site) == ["2021-02 3353.5"])
        let copiesBefore = try await Self.exportsYearToDate(site, copies: true)
        #expect(copiesBefore.contains("2021-02 3353.5") && copiesBefore.allSatisfy { $0.hasPrefix("2021-02 ") })
        // SDMX-ML, monthly and January-to-month: January–February alone.
        let generic =
            "/sdmx/2.1/data/DF_SVC_TRADE/M.CN.W1.C.S.CNY.CNY.YTD+P?startPeriod=2021-01&endPeriod=2021-04&detail=dataonly"
        var xml = try await PressSiteTests.get(site, generic).text
        #expect(Self.observations(xml) == ["2021-02 3353.5"], "\(xml)")
        #expect(!xml.contains("2021-04"))
        // Only April asked: nothing is left, NoResultsFound as for any empty query.
        let april = "/sdmx/2.1/data/DF_SVC_TRADE/M.CN.W1.C.S.CNY.CNY.P?startPeriod=2021-04&endPeriod=2021-04&format=csv"
        let refused = try await PressSiteTests.get(site, april)
        #expect(refused.status == 404)
        #expect(refused.text.contains("<message:ErrorMessage code=\"100\">"))
        #expect(
            refused.text.contains("NoResultsFound: no observation of DF_SVC_TRADE fits the key and the period asked"))
        // Structures are not figures: unaffected.
        #expect(try await PressSiteTests.get(site, "/sdmx/2.1/dataflow").status == 200)

        clock.set(Self.april2021Release)
        #expect(try await Self.exportsYearToDate(site) == ["2021-02 3353.5", "2021-04 7462.1"])
        let copies = try await Self.exportsYearToDate(site, copies: true)
        #expect(copies == copiesBefore + copies.filter { $0.hasPrefix("2021-04 ") }, "\(copies)")
        #expect(copies.contains("2021-04 7462.1"), "\(copies)")
        let released = try await PressSiteTests.get(site, april)
        #expect(released.status == 200)
        #expect(released.text.contains(",P,2021-04,2004.6,"))
        xml = try await PressSiteTests.get(site, generic).text
        #expect(Self.observations(xml) == ["2021-02 3353.5", "2021-04 7462.1", "2021-04 2004.6"], "\(xml)")
        // 2022-04 is still under embargo (until 2022-05-31).
        let later = try await PressSiteTests.get(
            site, "/sdmx/2.1/data/DF_SVC_TRADE/M.CN.W1.T.S.CNY.CNY.YTD?startPeriod=2022-04&endPeriod=2022-04")
        #expect(later.status == 404)
    }
}
