import FestivalIO
import FestivalCatalog
import FestivalExport
import FestivalUI
import Foundation

/// `e` in the browser: writes the list on screen to new files in the current directory,
/// `festival-<slug>-<UTC stamp>[-quotes|-films].<format>`.
enum ListExporter {
    /// Writes the export; the action that reports where it went, or why not.
    static func write(_ request: ExportRequest, catalog: Catalog, language: Language, now: Date,
                      directory: String = FileManager.default.currentDirectoryPath) -> Action {
        let quotes = request.quoteIDs.compactMap { catalog.quote($0) }
        let films = request.filmIDs.compactMap { catalog.film($0) }
        let files = exportList(quotes: quotes, films: films, from: catalog, language: language,
                               format: request.format, title: request.title)
        let slug = String(request.slug.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
        var paths: [String] = []
        for file in files {
            let part = file.part.map { "-" + $0 } ?? ""
            let path = directory + "/festival-\(slug)-\(stamp(now))\(part).\(request.format.rawValue)"
            do {
                try AtomicFile.write(file.text, to: path)
            } catch {
                return .exportFailed(error.description)
            }
            paths.append(path)
        }
        return .exported(paths: paths, count: quotes.count + films.count)
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
