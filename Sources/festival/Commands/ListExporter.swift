import FestivalIO
import FestivalCatalog
import FestivalText
import FestivalExport
import FestivalUI
import Foundation

/// `e` in the browser: writes the list on screen to a new file in the current directory.
enum ListExporter {
    /// Writes the export and returns the message to show (where it went, or why not).
    static func write(_ request: ExportRequest, catalog: Catalog, language: Language) -> String {
        let text: String
        let count: Int
        if !request.quoteIDs.isEmpty {
            let quotes = request.quoteIDs.compactMap { catalog.quote($0) }
            text = exportQuotes(quotes, from: catalog, language: language, format: request.format, title: request.title)
            count = quotes.count
        } else {
            let films = request.filmIDs.compactMap { catalog.film($0) }
            text = exportFilms(films, from: catalog, language: language, format: request.format, title: request.title)
            count = films.count
        }
        let stamp = Self.stamp(Date())
        let slug = String(request.slug.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
        let path = FileManager.default.currentDirectoryPath + "/festival-\(slug)-\(stamp).\(request.format.rawValue)"
        do {
            try AtomicFile.write(text, to: path)
            return UIString.exported.text(language) + path + " (\(count))"
        } catch {
            return "\(error)"
        }
    }

    /// 20261127-061503, in UTC.
    static func stamp(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&t, &parts)
        return String(format: "%04d%02d%02d-%02d%02d%02d", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                      parts.tm_hour, parts.tm_min, parts.tm_sec)
    }
}
