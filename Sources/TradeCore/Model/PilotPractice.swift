/// A best practice of the services-trade innovation pilot programme, as named by MOFCOM, under one of
/// the five themes of its 3 June 2021 answer (`datasets/pilot-practices.csv`).
public struct PilotPractice: Sendable, Equatable, Codable {
    /// Theme id: `opening-up`, `facilitation`, `new-patterns`, `promotion`, `supporting-policies`.
    public var theme: String
    /// Theme in English.
    public var themeEnglish: String
    /// Theme in Chinese.
    public var themeChinese: String
    /// Locality code (see ``Regions``).
    public var locality: String
    /// The practice in English.
    public var practiceEnglish: String
    /// The practice in Chinese.
    public var practiceChinese: String
    /// Where it was read.
    public var source: String

    /// Creates a practice.
    public init(
        theme: String, themeEnglish: String, themeChinese: String, locality: String, practiceEnglish: String,
        practiceChinese: String, source: String
    ) {
        self.theme = theme
        self.themeEnglish = themeEnglish
        self.themeChinese = themeChinese
        self.locality = locality
        self.practiceEnglish = practiceEnglish
        self.practiceChinese = practiceChinese
        self.source = source
    }
}

/// Facts of the 2020 pilot programme stated in MOFCOM's answer of 3 June 2021.
public enum PilotProgramme {
    /// Number of localities.
    public static let localities = 28
    /// Pilot measures under way.
    public static let measures = 122
    /// Best practices circulated in June 2021.
    public static let bestPractices = 16
    /// Launch (State Council decision, August 2020) and duration in years.
    public static let launched = "2020-08"
    /// Duration of the programme in years.
    public static let years = 3
    /// The day MOFCOM described the programme and its best practices (regular press conference), the
    /// earliest release date of a bulletin that may carry the pilot section.
    public static let describedOn = "2021-06-03"
    /// The end of the 2020 round (August 2020 + 3 years).
    public static let ended = "2023-08-31"
}
