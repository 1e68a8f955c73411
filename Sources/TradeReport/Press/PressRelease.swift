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
    /// The sentences, in template order.
    public var sentences: [Sentence]
    /// Sentences not written.
    public var missing: [Missing]

    /// Fills a template with the figures.
    public init(figures: PressFigures, template: PressTemplate) {
        through = figures.through.description
        language = figures.language.rawValue
        sentences = []
        missing = []
        for r in template.render(figures.values) {
            if let text = r.text {
                sentences.append(Sentence(id: r.id, text: text, numbers: r.used.compactMap { figures.numbers[$0] }))
            } else {
                let lacking = r.missing.filter { !figures.notApplicable.contains($0) }
                if !lacking.isEmpty { missing.append(Missing(id: r.id, lacking: lacking)) }
            }
        }
    }

    /// Every source address behind the sentences, sorted.
    public var sources: [String] {
        Array(Set(sentences.flatMap { $0.numbers.flatMap { $0.inputs.flatMap(\.sources) } })).sorted()
    }

    /// Plain text: one sentence per paragraph, then what could not be said.
    public var plainText: String {
        var out = sentences.map(\.text).joined(separator: "\n\n") + "\n"
        if !missing.isEmpty {
            out += "\n" + (language == "zh" ? "未能写出的句子（缺少数据）：" : "Not written (figures missing):") + "\n"
            out += missing.map { "- [\($0.id)] " + $0.lacking.joined(separator: ", ") }.joined(separator: "\n") + "\n"
        }
        return out
    }
}
