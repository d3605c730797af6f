/// The languages a catalog text can be written in.
public enum Language: String, CaseIterable, Sendable, Codable {
    case zhHant = "zh-Hant"
    case en

    /// The other language (for subtitles and toggling).
    public var other: Language { self == .en ? .zhHant : .en }

    /// Parses `zh-Hant`, `zh`, `zh_TW.UTF-8`, `en`, `en_US.UTF-8` and similar.
    public init?(identifier: String) {
        let lower = identifier.lowercased()
        if lower.hasPrefix("zh") { self = .zhHant }
        else if lower.hasPrefix("en") { self = .en }
        else { return nil }
    }

    /// The default interface language from the locale environment (LC_ALL, LC_MESSAGES,
    /// LANG): Chinese locales give zh-Hant, everything else English.
    public static func fromEnvironment(_ env: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = env[key], !value.isEmpty {
                return Language(identifier: value) ?? .en
            }
        }
        return .en
    }
}

/// A text in one or both catalog languages (at least one).
public struct LocalizedText: Hashable, Sendable {
    public var zhHant: String?
    public var en: String?

    public init(zhHant: String? = nil, en: String? = nil) {
        self.zhHant = zhHant
        self.en = en
    }

    public subscript(_ language: Language) -> String? {
        language == .en ? en : zhHant
    }

    /// The text in `language`, or in the other one when it exists only there.
    public func text(_ language: Language) -> String {
        self[language] ?? self[language.other] ?? ""
    }

    /// The text in the other language, when both exist and differ (a subtitle).
    public func subtitle(_ language: Language) -> String? {
        guard let main = self[language], let other = self[language.other], main != other else { return nil }
        return other
    }

    /// The languages this text exists in, zh-Hant first.
    public var languages: [Language] { Language.allCases.filter { self[$0] != nil } }
}
