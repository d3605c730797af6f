import FestivalIO
import FestivalCatalog
import FestivalExport
import FestivalUI
import Foundation
import TextGrid

/// `e` in the browser: writes the list on screen to the path the prompt ended with (`~/`
/// is the home directory; a directory gets the proposed file name). The other files of a
/// CSV export go beside it (`-festival`, `-films`, `-people`, `-quotes` before the extension). An
/// existing file is never overwritten: the name gets `-2`, `-3`, … instead.
enum ListExporter {
    /// Writes the export; the action that reports where it went, or why not.
    static func write(_ request: ExportRequest, catalog: Catalog, language: Language,
                      environment: [String: String] = ProcessInfo.processInfo.environment) -> Action {
        let quotes = request.quoteIDs.compactMap { catalog.quote($0) }
        let films = request.filmIDs.compactMap { catalog.film($0) }
        let people = request.personIDs.compactMap { catalog.person($0) }
        let files = exportList(quotes: quotes, films: films, people: people, festival: request.festival,
                               screenings: request.screeningIDs, from: catalog, language: language,
                               format: request.format, title: request.title, shelf: request.shelf)
        let base = resolve(request.path, format: request.format, environment: environment)
        // A device or a pipe is never written to, nor given a name beside it (`/dev/null-2`).
        var info = stat()
        if lstat(base, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG, (info.st_mode & S_IFMT) != S_IFLNK {
            return .exportFailed("cannot write \(base): it is not a regular file")
        }
        var paths: [String] = []
        for file in files {
            let path = unused(insert(file.part.map { "-" + $0 } ?? "", into: base))
            do {
                try AtomicFile.write(file.text, to: path)
            } catch {
                let reason = Sanitize.oneLine("\(error)")   // a path or a link's target may hold a line break
                return .exportFailed(paths.isEmpty ? reason : reason + " (" + paths.joined(separator: ", ") + ")")
            }
            paths.append(path)
        }
        return .exported(paths: paths, count: quotes.count + films.count + people.count + (request.festival ? 1 : 0))
    }

    /// The path with `~` expanded, relative paths from the current directory, and a
    /// directory given the default file name's form.
    static func resolve(_ path: String, format: ExportFormat, environment: [String: String]) -> String {
        var path = path
        if path == "~" || path.hasPrefix("~/"), let home = environment["HOME"], home.hasPrefix("/") {
            path = home + path.dropFirst()
        }
        if !path.hasPrefix("/") { path = FileManager.default.currentDirectoryPath + "/" + path }
        var isDirectory: ObjCBool = false
        if path.hasSuffix("/") || (FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue) {
            while path.hasSuffix("/") { path.removeLast() }
            path += "/festival-export." + format.rawValue
        }
        return path
    }

    /// `name.ext` → `name<suffix>.ext` (the extension is what follows the last dot of the last component).
    static func insert(_ suffix: String, into path: String) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        guard let dot = path[slash...].lastIndex(of: "."), dot > slash else { return path + suffix }
        return String(path[..<dot]) + suffix + String(path[dot...])
    }

    /// `path`, or the first of `path-2`, `path-3`, … (before the extension) that does not exist.
    static func unused(_ path: String) -> String {
        var candidate = path, n = 1
        var info = stat()
        while lstat(candidate, &info) == 0 {
            n += 1
            candidate = insert("-\(n)", into: path)
        }
        return candidate
    }
}
