import Foundation
import RollingStoneCore

/// A session file that cannot be opened, read or created, with what to do about it.
package enum SessionFileError: Error, Equatable, CustomStringConvertible, Sendable {
    case notFound(path: String)
    case notARegularFile(path: String)
    case alreadyExists(path: String)
    case empty(path: String)
    case notASessionFile(path: String, reason: String)
    case newerVersion(path: String, found: Int, supported: Int)
    case badLine(path: String, line: Int, reason: String)
    case tooLarge(path: String, bytes: UInt64, limit: UInt64)
    case lineTooLong(path: String, line: Int, limit: Int)
    case lockedByAnother(path: String, holder: String?)
    case io(path: String, JournalIOError)

    package var description: String {
        switch self {
        case .notFound(let path):
            "\(path): error: no such session file"
        case .notARegularFile(let path):
            "\(path): error: not a regular file (a folder, a pipe or a device); give the session's .jsonl file"
        case .alreadyExists(let path):
            "\(path): error: a session file with this name already exists; it is never overwritten (resume it with --session, or choose another name)"
        case .empty(let path):
            "\(path): error: the file is empty, not a session file"
        case .notASessionFile(let path, let reason):
            "\(path):1: error: not a rollingstone session file (\(reason))"
        case .newerVersion(let path, let found, let supported):
            "\(path):1: error: session format version \(found) is newer than this tool reads (\(supported)); update rollingstone"
        case .badLine(let path, let line, let reason):
            "\(path):\(line): error: \(reason); the file was changed or damaged by hand — fix or remove that line"
        case .tooLarge(let path, let bytes, let limit):
            "\(path): error: the file is \(bytes) bytes, more than a session can hold (\(limit) bytes)"
        case .lineTooLong(let path, let line, let limit):
            "\(path):\(line): error: the line is longer than \(limit) bytes, which no session event is"
        case .lockedByAnother(let path, let holder):
            "\(path): error: the session is open in another rollingstone" + (holder.map { " (\($0))" } ?? "")
                + "; close it there first (report can still read it)"
        case .io(let path, let error):
            "\(path): error: \(error)"
        }
    }
}
