import Foundation
import TradeCore
import TradeReport

/// The JSON of `/api/` that is not a bulletin's: the index of endpoints and the list of months.
enum PressAPI {
    /// `/api/`: what each endpoint returns.
    static let index = """
        {
          "endpoints" : {
            "/api/figures/{YYYY-MM}?lang=zh|en&vs={YYYY}" : "the press sentences of a month with every number's provenance (svctrade figures --format json)",
            "/api/months" : "the months with national January-to-month figures, oldest first",
            "/api/openapi.json" : "the OpenAPI 3 document of these endpoints",
            "/api/series?format=json|csv&region={code}&sector={code}" : "the series in the store (svctrade series), months under embargo left out",
            "/api/table/{YYYY-MM}?format=\(formats)&lang=en|zh&vs={YYYY}" : "the bulletin table of the nation (svctrade table --format \(formats))"
          }
        }

        """

    /// The table formats, `json|csv|…` (JSON first, the default).
    static let formats = (["json"] + TableFormat.allCases.map(\.rawValue).filter { $0 != "json" }).joined(
        separator: "|")

    /// `/api/months`: `{"latest": "2025-10", "months": ["2017-02", …]}`.
    static func months(_ months: [Period]) -> String {
        let list = months.map { "\"\($0)\"" }.joined(separator: ", ")
        let latest = months.last.map { "\"\($0)\"" } ?? "null"
        return "{\n  \"latest\" : \(latest),\n  \"months\" : [\(list)]\n}\n"
    }
}
