import TradeCore

/// The languages a bulletin is written in (`svctrade bulletin --lang`): Chinese, English or both.
public enum BulletinLanguages: String, CaseIterable, Sendable {
    /// Chinese only.
    case zh
    /// English only.
    case en
    /// Both, Chinese first.
    case both

    /// One language.
    public init(_ language: Language) { self = language == .zh ? .zh : .en }

    /// The languages, in the order they are written.
    public var languages: [Language] { self == .both ? [.zh, .en] : [self == .zh ? .zh : .en] }
}
