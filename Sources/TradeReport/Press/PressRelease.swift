import TradeCore

/// The press sentences of one period in one language: each sentence with the numbers it states, and
/// the sentences that could not be written with what they lack.
public struct PressRelease: Sendable, Codable, Equatable {
    /// A written sentence.
    public struct Sentence: Sendable, Codable, Equatable {
        /// Template block id.
        public var id: String
        /// The sentence.
        public var text: String
        /// Every number in it, with value, unit, rounding, formula, inputs and sources.
        public var numbers: [PressNumber]
        /// Whether it belongs to the block of figures computed from published ones (not in the release).
        public var computedBlock: Bool = false

        enum CodingKeys: String, CodingKey {
            case id, text, numbers
            case computedBlock = "computed_block"
        }
    }

    /// The heading of the block of sentences with figures computed from published ones.
    public static func computedHeading(zh: Bool) -> String {
        zh ? "根据公布数据计算（非发布数）" : "Computed from published figures, not in the release"
    }

    /// A sentence left out.
    public struct Missing: Sendable, Codable, Equatable {
        /// Template block id.
        public var id: String
        /// The figures it needed and the store could not support.
        public var lacking: [String]
    }

    /// Last month covered, `YYYY-MM`.
    public var through: String
    /// `zh` or `en`.
    public var language: String
    /// The sentences a press office may read out as the release's: published figures only (and the
    /// identities the release prints, ``PressFigures/inRelease``), in template order.
    public var sentences: [Sentence]
    /// The sentences that need a figure computed from published ones (a rate on published levels, a
    /// change of a share, month on month): written under ``computedHeading(zh:)``, never mixed with
    /// ``sentences``; each names the published figures it carries, as published.
    public var computed: [Sentence] = []
    /// Sentences not written, with what they lacked (standard error and JSON; never the press text).
    public var missing: [Missing]
    /// Parts of written sentences left out for lack of a figure, by block.
    public var shortened: [Missing]
    /// Numbers known but not stated, and why (derived, implied, illustrative, too coarse to be a point).
    public var withheld: [String: String]
    /// Notes printed under the sentences (what the derived marker means), when any applies.
    public var notes: [String]

    /// Fills a template with the figures.
    public init(figures: PressFigures, template: PressTemplate) {
        through = figures.through.description
        language = figures.language.rawValue
        sentences = []
        missing = []
        shortened = []
        withheld = figures.withheld
        notes = []
        let zh = figures.language == .zh
        // Published figures only, then the full sentences of those that needed a computed figure.
        let releaseValues = figures.values.filter {
            figures.numbers[$0.key] == nil || figures.inRelease.contains($0.key)
        }
        for r in template.render(figures.values) {
            guard let text = r.text,
                r.used.contains(where: { !figures.inRelease.contains($0) && figures.numbers[$0] != nil })
            else { continue }
            var sentence = Sentence(
                id: r.id, text: zh ? text : Self.capitalisingFirst(text),
                numbers: r.used.compactMap { figures.numbers[$0] })
            sentence.computedBlock = true
            sentence.text += Self.publishedNote(sentence.numbers, zh: zh)
            computed.append(sentence)
        }
        for r in template.render(releaseValues) {
            if let text = r.text {
                sentences.append(
                    Sentence(
                        id: r.id, text: zh ? text : Self.capitalisingFirst(text),
                        numbers: r.used.compactMap { figures.numbers[$0] }))
                let lacking = r.dropped.filter { !figures.notApplicable.contains($0) }
                if !lacking.isEmpty { shortened.append(Missing(id: r.id, lacking: lacking)) }
            } else {
                let lacking = r.missing.filter { !figures.notApplicable.contains($0) }
                if !lacking.isEmpty { missing.append(Missing(id: r.id, lacking: lacking)) }
            }
        }
        if (sentences + computed).contains(where: { $0.numbers.contains { $0.status == FigureStatus.derived.rawValue } }
        ) {
            notes.append(
                zh
                    ? "\(PressFigures.derivedMarker) 由累计数推算，非公布数。"
                    : "\(PressFigures.derivedMarker) Derived from cumulative releases; not published as such.")
        }
    }

    /// What a sentence of the computed block says after itself about the published figures it carries:
    /// the block's heading says "not in the release", so a published figure written there (a published
    /// rate of a balance whose level the release date's copies do not give) is named as published —
    /// "A figure the press office reads out must be exactly what the agency published, or say plainly
    /// what it is". `（其中“下降43.1%”为公布数。）` / ` (Published figure: “down by 43.1%”.)`; empty when
    /// it carries none.
    static func publishedNote(_ numbers: [PressNumber], zh: Bool) -> String {
        var texts: [String] = []
        for n in numbers where n.status == FigureStatus.published.rawValue && !texts.contains(n.text) {
            texts.append(n.text)
        }
        guard !texts.isEmpty else { return "" }
        let quoted = texts.map { "“\($0)”" }
        if zh { return "（其中" + quoted.joined(separator: "、") + "为公布数。）" }
        return " (Published figure\(texts.count > 1 ? "s" : ""): " + quoted.joined(separator: ", ") + ".)"
    }

    /// "from January…" → "From January…": a sentence begins with a capital letter.
    static func capitalisingFirst(_ s: String) -> String {
        guard let f = s.first, f.isLowercase else { return s }
        return f.uppercased() + s.dropFirst()
    }

    /// Every citation behind the sentences, sorted: addresses and, for figures read at a mirror copy,
    /// the publisher's code (the copies are in each input's ``PressInput/readAt``).
    public var sources: [String] {
        Array(Set(sentences.flatMap { $0.numbers.flatMap { $0.inputs.flatMap(\.sources) } })).sorted()
    }

    /// The press text: one sentence per paragraph, then the notes that apply. What could not be said is
    /// not part of it (``report``).
    public var plainText: String {
        var out = sentences.map(\.text).joined(separator: "\n\n") + "\n"
        if !computed.isEmpty {
            out += "\n" + Self.computedHeading(zh: language == "zh") + "\n\n"
            out += computed.map(\.text).joined(separator: "\n\n") + "\n"
        }
        if !notes.isEmpty { out += "\n" + notes.joined(separator: "\n") + "\n" }
        return out
    }

    /// For the economist, on standard error: sentences not written, parts left out, and (with
    /// `explain`) every number known but not stated, with the reason.
    public func report(explain: Bool) -> String {
        var lines: [String] = []
        for m in missing { lines.append("not written: [\(m.id)] lacks \(m.lacking.joined(separator: ", "))") }
        for m in shortened {
            lines.append("shortened: [\(m.id)] left out the part with \(m.lacking.joined(separator: ", "))")
        }
        if explain {
            for (key, why) in withheld.sorted(by: { $0.key < $1.key }) { lines.append("withheld: {\(key)} \(why)") }
        }
        return lines.map { $0 + "\n" }.joined()
    }
}
