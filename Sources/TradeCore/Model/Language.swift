/// The language of a text: every table, chart, sentence and bulletin is written in Chinese or English.
public enum Language: String, Sendable, CaseIterable, Codable {
    /// Simplified Chinese, as MOFCOM's releases.
    case zh
    /// English, as MOFCOM's English releases.
    case en

    /// What every command writes unless `--lang` says otherwise: Chinese, the language the figures
    /// are published in (`svctrade bulletin --lang both` writes both).
    public static let standard = Language.zh

    /// The BCP 47 tag for `lang` and `xml:lang` attributes: `zh-CN` or `en`.
    public var tag: String { self == .zh ? "zh-CN" : "en" }
}
