import Foundation
import RollingStoneCore

#if canImport(Glibc)
import Glibc
#endif

/// The note beside a session that names the process writing it
/// (`<session>.lock`, "process 4711 since …"), and the temporary file a
/// session is created under. Only for people and messages: the lock itself
/// is the `flock` on the session file, which dies with its process. A note
/// or a temporary left by a killed process is removed once its process is
/// known to be gone.
package enum SessionLockNote {
    static func url(for session: URL) -> URL {
        URL(fileURLWithPath: session.path + ".lock")
    }

    /// Where this process writes a new session's header before it has its
    /// name: a name of its own each time, which says whose it is.
    static func temporaryURL(for session: URL) -> URL {
        let unique = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        return session.deletingLastPathComponent().appendingPathComponent(".\(session.lastPathComponent).\(getpid())-\(unique).creating")
    }

    /// Written in place, not by a rename: fusefat garbles renamed long names.
    /// A note cut short by a crash names no live process and is treated as stale.
    static func write(for path: String) {
        let note = Array("process \(getpid()) since \(SessionTimestamp.string(from: Date()))\n".utf8)
        let descriptor = open(url(for: URL(fileURLWithPath: path)).path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        _ = note.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
    }

    static func remove(for session: URL) {
        try? FileManager.default.removeItem(at: url(for: session))
    }

    /// The holder's note, once it names a live process: the holder writes it
    /// just after taking the lock, so it may be a moment late, and one left
    /// by a killed process names someone gone. `nil` rather than a wrong name.
    static func holder(for path: String) -> String? {
        let noteURL = url(for: URL(fileURLWithPath: path))
        for _ in 0..<40 {
            if let note = try? String(contentsOf: noteURL, encoding: .utf8).trimmingWhitespaceAndNewlines,
                let process = process(in: note), isAlive(process)
            {
                return note
            }
            usleep(5_000)
        }
        return nil
    }

    /// Removes `session`'s note when the process it names is gone (killed,
    /// or the laptop died); says whether it did.
    @discardableResult
    package static func removeIfStale(for session: URL) -> Bool {
        let noteURL = url(for: session)
        guard let note = try? String(contentsOf: noteURL, encoding: .utf8), let process = process(in: note), !isAlive(process) else {
            return false
        }
        return (try? FileManager.default.removeItem(at: noteURL)) != nil
    }

    /// Removes every stale note in `folder`, and the temporaries that
    /// crashed creations left there; returns the sessions the notes were beside.
    @discardableResult
    package static func removeStale(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix(".") && name.hasSuffix(".creating") {
            removeIfStale(temporary: folder.appendingPathComponent(name))
        }
        return names.filter { $0.hasSuffix(".jsonl.lock") }.map { folder.appendingPathComponent(String($0.dropLast(5))) }
            .filter { removeIfStale(for: $0) }
    }

    /// `.NAME.PID-UNIQUE.creating`, removed when process PID is gone.
    private static func removeIfStale(temporary: URL) {
        let owner = temporary.lastPathComponent.dropLast(".creating".count).split(separator: ".").last?.prefix { $0 != "-" }
        guard let owner, let process = pid_t(owner), !isAlive(process) else { return }
        unlink(temporary.path)
    }

    private static func process(in note: String) -> pid_t? {
        note.split(separator: " ").dropFirst().first.flatMap { pid_t($0) }
    }

    /// Whether `process` runs (one of another user's counts: it cannot be signalled, but it is there).
    private static func isAlive(_ process: pid_t) -> Bool {
        process > 0 && (kill(process, 0) == 0 || errno == EPERM)
    }
}
