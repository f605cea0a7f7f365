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
            warn("warning: \(problem); left out")
        }
        return archive
    }

    /// The index of the archive in the folder at `path`, up to date; each
    /// file that could not be read is named on standard error.
    static func index(_ path: String) throws -> ArchiveIndex {
        do {
            let index = try ArchiveIndex.open(folder: URL(fileURLWithPath: path))
            if case .memory(let reason?) = index.location {
                warn("warning: \(path): the index cannot be kept here (\(reason)); it was built in memory for this run")
            }
            for problem in try index.problems() {
                warn("warning: \(problem); left out")
            }
            if try index.sessionCount() == 0 {
                warn("warning: \(path): no session files (*.jsonl) here; give the folder of the sessions with --archive DIR")
            }
            return index
        } catch {
            throw UserFacingFailure(error)
        }
    }

    static func warn(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
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
