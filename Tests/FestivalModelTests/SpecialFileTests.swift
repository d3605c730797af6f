import Foundation
import Testing
@testable import FestivalCatalog
@testable import FestivalIO
@testable import FestivalLibrary
@testable import FestivalStorage

/// Pipes, FIFOs, devices and directories where a catalog, a shelf or an output file goes:
/// opened once, never blocking in the open, refused with a clear message when not a file.
@Suite struct SpecialFileTests {
    static func sandbox() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appending(path: "festival-special-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func aFIFOCatalogIsReadOnceAsAStream() throws {
        let dir = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appending(path: "catalog.json").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let json = try Data(contentsOf: TestSupport.fixtures.appending(path: "minimal.json"))
        // The writer comes later, and once: a second open of the FIFO would wait forever.
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.2)
            guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
            try? handle.write(contentsOf: json)
            try? handle.close()
        }
        let catalog = try CatalogLoader.load(path: fifo)
        #expect(catalog.films.count == 2)
    }

    @Test func devicesDirectoriesAndNonJSONStreamsAreRefused() throws {
        #expect(Self.message(CatalogLoader.read(path:), "/dev/zero") == "is a device, not a catalog file")
        #expect(Self.message(CatalogLoader.read(path:), "/tmp") == "is a directory, not a catalog file")
        let dir = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appending(path: "noise").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // The writer's end breaks when the reader stops: EPIPE, not a signal that ends the tests.
        signal(SIGPIPE, SIG_IGN)
        Thread.detachNewThread {
            // Endless noise: the reader must stop at the first byte, not read it all.
            guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
            for _ in 0..<10_000 { if (try? handle.write(contentsOf: Data(repeating: 0x2A, count: 4096))) == nil { break } }
            try? handle.close()
        }
        #expect(Self.message(CatalogLoader.read(path:), fifo)?.hasPrefix("is not a catalog or a feed festival reads: it starts with byte 0x2A") == true)
    }

    static func message(_ read: (String) throws(CatalogError) -> [UInt8], _ path: String) -> String? {
        do {
            _ = try read(path)
            return nil
        } catch {
            return error.issues.first?.message
        }
    }

    @Test func aFIFOShelfNeverBlocksAndIsMovedAsideWhole() throws {
        let dir = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = ShelfStore(directory: dir, catalogID: "aiff-2025")
        #expect(mkfifo(store.path, 0o600) == 0)
        let loaded = store.load()                     // returns at once: nobody writes the FIFO
        #expect(loaded.shelf == Shelf() && loaded.message?.contains("not a regular file") == true)
        var info = stat()
        let moved = try #require(loaded.movedTo)
        #expect(lstat(moved, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)       // the FIFO, renamed
        try store.update { $0.toggleWatched(film: "one", at: Date()) }
        #expect(store.load().shelf.isWatched(film: "one"))
    }

    @Test func anOutputPathThatIsNotAFileIsNeverReplaced() throws {
        let dir = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appending(path: "out.md").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write("x", to: fifo) }
        #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write("x", to: dir.path) }
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
        // An existing file keeps its mode.
        let file = dir.appending(path: "private.md").path
        #expect(FileManager.default.createFile(atPath: file, contents: Data("old".utf8), attributes: [.posixPermissions: 0o600]))
        try AtomicFile.write("new", to: file)
        #expect(stat(file, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "new")
    }
}

extension SpecialFileTests {
    @Test func anOutputSymlinkIsWrittenThrough() throws {
        let dir = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: dir) }
        let real = dir.appending(path: "real.md").path, link = dir.appending(path: "link.md").path
        try "old".write(toFile: real, atomically: false, encoding: .utf8)
        #expect(symlink(real, link) == 0)
        try AtomicFile.write("new", to: link)
        var info = stat()
        #expect(lstat(link, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK)     // still a link
        #expect(try String(contentsOfFile: real, encoding: .utf8) == "new")
        #expect(symlink(dir.appending(path: "missing").path, dir.appending(path: "dangling").path) == 0)
        #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write("x", to: dir.appending(path: "dangling").path) }
    }
}

extension SpecialFileTests {
    /// A file written without `durable` (a cache file) is put in place whole but never
    /// fsynced: a failing sync does not stop it; a durable one fails and leaves the old file.
    @Test func onlyDurableWritesAreSynced() throws {
        let dir = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appending(path: "file.bin").path
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        let failingSync = AtomicFile.Faults { $0 == .sync ? EIO : nil }
        #expect(throws: AtomicFile.Failure.self) {
            try AtomicFile.write(to: path, faults: failingSync) { (file) throws(AtomicFile.Failure) in try file.write("new") }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        try AtomicFile.write(to: path, durable: false, faults: failingSync) { (file) throws(AtomicFile.Failure) in try file.write("new") }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["file.bin"], "no temporary file left")
    }

    /// A store keeps what it last read or wrote, but only while the file is that file.
    @Test func aRememberedShelfGivesWayToAnotherWritersFile() throws {
        let dir = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = ShelfStore(directory: dir, catalogID: "c"), b = ShelfStore(directory: dir, catalogID: "c")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        try a.update { $0.setFavorite(.film("x"), true, at: now) }
        try b.update { $0.setWatched(film: "y", true, at: now) }
        let after = try a.update { $0.setFavorite(.quote("z"), true, at: now) }
        #expect(after.isFavorite(.film("x")) && after.isWatched(film: "y") && after.isFavorite(.quote("z")))
        // Written in place by hand (same inode): the change time tells.
        let edited = try String(contentsOfFile: a.path, encoding: .utf8).replacingOccurrences(of: "\"x\"", with: "\"w\"")
        let handle = try #require(FileHandle(forWritingAtPath: a.path))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(edited.utf8))
        try handle.close()
        #expect(a.load().shelf.isFavorite(.film("w")))
    }
}
