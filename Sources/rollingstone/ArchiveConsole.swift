import Foundation
import RollingStoneArchive

/// The archive as the `digest` and `actions` commands read it.
enum ArchiveConsole {
    /// The archive in the folder at `path`; each file that could not be read
    /// is named on standard error and left out.
    static func read(_ path: String) throws -> SessionArchive {
        let archive: SessionArchive
        do {
            archive = try SessionArchive.read(folder: URL(fileURLWithPath: path))
        } catch {
            throw UserFacingFailure(error)
        }
        for problem in archive.problems {
            FileHandle.standardError.write(Data("warning: \(problem); left out\n".utf8))
        }
        return archive
    }

    /// `text` to the file at `path`, replacing it whole, or to standard
    /// output without one.
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            print(text, terminator: "")
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw UserFacingFailure("\(path): error: could not write: \((error as NSError).localizedDescription)")
        }
    }
}
