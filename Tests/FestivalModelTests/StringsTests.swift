import Testing
@testable import FestivalCatalog
@testable import FestivalText

/// The one localization table: every entry has both languages, and exports use the same
/// words as the browser.
@Suite struct StringsTests {
    @Test func everyEntryHasBothLanguages() {
        for entry in UIString.allCases {
            #expect(!entry.text(.en).isEmpty && !entry.text(.zhHant).isEmpty, "\(entry)")
        }
    }

    @Test func exportLabelsComeFromTheTable() {
        for language in Language.allCases {
            let labels = ExportLabels(language: language)
            #expect(labels.country == UIString.country.text(language))
            #expect(labels.sources == UIString.sources.text(language))
            #expect(labels.styles == UIString.styles.text(language))
            #expect(labels.unknown == UIString.unknown.text(language))
        }
        #expect(ExportLabels(language: .zhHant).country == "國家／地區")
    }
}
