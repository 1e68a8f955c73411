import TradeCore
import TradeReport

extension ReleaseHeader {
    /// The header of the bulletin through `month` with the issuing office given by the caller
    /// (overriding `release.toml`) and, for a draft, the draft mark.
    ///
    /// - Throws: ``BulletinError`` when a language of the bulletin has no issuing office and the
    ///   bulletin is not a draft.
    public func issued(
        through month: Period, issuer: String?, issuerZh: String?, draft: Bool, languages: [Language]
    ) throws -> ReleaseHeader {
        var header = self
        if let issuer { header.values["\(month).issuer"] = issuer }
        if let issuerZh { header.values["\(month).issuer_zh"] = issuerZh }
        if draft { header.values["\(month).draft"] = "true" }
        let unset = languages.filter { header.issuer(through: month, zh: $0 == .zh) == nil }
        if !draft, !unset.isEmpty {
            throw BulletinError(
                "no issuing office set for \(unset.map(\.rawValue).joined(separator: " and ")): set issuer"
                    + " (and issuer_zh) in templates/release.toml or give --issuer/--issuer-zh, or write a --draft")
        }
        return header
    }
}
