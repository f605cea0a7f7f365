import Foundation
import RollingStoneCore
import RollingStoneJournal
import Synchronization

/// Which files of an archive's folder are its sessions.
enum SessionFolder {
    /// The `*.jsonl` files directly in `folder`, sorted by name: not those
    /// in subfolders, nor hidden ones (temporaries, the index and notes
    /// start with a dot).
    static func sessionFileNames(in folder: URL) throws(ArchiveError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jsonl") && !$0.hasPrefix(".") }
                .sorted()
        } catch {
            throw .unreadableFolder(path: folder.path, reason: (error as NSError).localizedDescription)
        }
    }

    /// The meetings of the session files at `urls`, read on every core,
    /// in the order given.
    static func read(_ urls: [URL]) -> [Result<MeetingState, SessionFileError>] {
        let results = Mutex<[Result<MeetingState, SessionFileError>?]>(Array(repeating: nil, count: urls.count))
        DispatchQueue.concurrentPerform(iterations: urls.count) { index in
            let result = Result { () throws(SessionFileError) in try SessionFile.read(at: urls[index]).state }
            results.withLock { $0[index] = result }
        }
        // concurrentPerform has run every index: none is left nil.
        return results.withLock { $0.compactMap { $0 } }
    }
}
