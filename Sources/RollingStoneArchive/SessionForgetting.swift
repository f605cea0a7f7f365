import Foundation
import RollingStoneCore
import RollingStoneJournal

#if canImport(Glibc)
import Glibc
#endif

/// `rollingstone forget NAME`: a person's name, network, role and contact
/// removed from every session of the archive. The only rewrite the tool
/// makes of a session file.
///
/// Each file is rewritten beside itself, `fsync`ed and renamed over the old
/// one, so a crash leaves it whole, old or new. A file that a running meeting
/// holds is left alone and said so. Lines that do not name the person are
/// kept byte for byte; those that do are written again with "N.N." for the
/// name and no network, role or contact. Forgetting twice changes nothing.
package enum SessionForgetting {
    /// What a forgotten person is called from then on.
    package static let placeholder = "N.N."

    /// What happened to one file.
    package enum Outcome: Equatable, Sendable {
        /// Nothing in it named the person.
        case unchanged
        /// Rewritten: `lines` lines changed; `droppedTornTail` when an
        /// incomplete last line (a crash while writing) was left out with it.
        case rewritten(lines: Int, droppedTornTail: Bool)
        /// A running meeting holds it: run `forget` again once it has ended.
        case open
        case failed(String)
    }

    /// Forgets `name` (case and accents aside) in every session file of
    /// `folder`; one outcome per file, in file name order.
    package static func forget(_ name: String, in folder: URL) throws(ArchiveError) -> [(URL, Outcome)] {
        let key = name.trimmingWhitespaceAndNewlines.folded
        return try SessionFolder.sessionFileNames(in: folder).map { file in
            let url = folder.appendingPathComponent(file)
            return (url, forget(key, inFileAt: url))
        }
    }

    private static func forget(_ key: String, inFileAt url: URL) -> Outcome {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failed(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        // The meeting's own lock: held, the file is being written to.
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { return errno == EWOULDBLOCK ? .open : .failed(String(cString: strerror(errno))) }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return .failed((error as NSError).localizedDescription)
        }
        let file: SessionFile
        do {
            file = try SessionFile.parse(Array(data), path: url.path)
        } catch {
            return .failed("\(error)")
        }
        let lines = data.prefix(Int(file.validLength)).split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        let encoder = SessionJournal.makeEncoder()
        var output = Data()
        var changed = 0
        for (index, line) in lines.enumerated() {
            let rewritten = index == 0 ? forgetting(key, inHeader: Data(line), encoder) : forgetting(key, inEvent: Data(line), encoder)
            if let rewritten {
                output.append(rewritten)
                changed += 1
            } else {
                output.append(line)
            }
            output.append(0x0A)
        }
        guard changed > 0 else { return .unchanged }
        do {
            try replace(url, with: output)
        } catch {
            return .failed((error as NSError).localizedDescription)
        }
        return .rewritten(lines: changed, droppedTornTail: file.tornTail != nil)
    }

    /// The header line again without the person as the agenda's organiser; `nil` when it does not name them.
    private static func forgetting(_ key: String, inHeader line: Data, _ encoder: JSONEncoder) -> Data? {
        guard var header = try? JSONDecoder().decode(SessionHeader.self, from: line), let organiser = header.agenda.organiser,
            matches(organiser.name, key)
        else { return nil }
        header.agenda.organiser = Agenda.Organiser(name: placeholder)
        return try? encoder.encode(header)
    }

    /// The event line again without the person; `nil` when it does not name them.
    private static func forgetting(_ key: String, inEvent line: Data, _ encoder: JSONEncoder) -> Data? {
        guard var record = try? JSONDecoder().decode(SessionRecord.self, from: line) else { return nil }
        switch record.event {
        case .joined(let participant) where matches(participant.name, key):
            record.event = .joined(Participant(id: participant.id, name: placeholder, country: participant.country))
        case .submitted(var submission) where matches(submission.name, key):
            submission.name = placeholder
            record.event = .submitted(submission)
        case .actionDone(var action) where action.owner.map { matches($0, key) } ?? false:
            action.owner = placeholder
            record.event = .actionDone(action)
        default:
            return nil
        }
        return try? encoder.encode(record)
    }

    private static func matches(_ name: String?, _ key: String) -> Bool {
        guard let name else { return false }
        return name.trimmingWhitespaceAndNewlines.folded == key
    }

    /// Writes `data` beside `url`, makes it durable, and renames it over `url`.
    private static func replace(_ url: URL, with data: Data) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).forgetting")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path]) }
        let written = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor)
        close(descriptor)
        guard written == data.count, synced == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path]) }
        guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        // The rename itself made durable.
        let folder = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            _ = fsync(folder)
            close(folder)
        }
    }
}
