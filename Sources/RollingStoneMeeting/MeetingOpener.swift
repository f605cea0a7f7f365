import Foundation
import RollingStoneAgenda
import RollingStoneCore
import RollingStoneJournal

/// Starts a new session or resumes an existing one, and says which.
package enum MeetingOpener {
    /// A meeting ready for a client, with what was found on the way.
    package struct Opened: Sendable {
        package var meeting: Meeting
        package var how: How
    }

    /// How the meeting was opened.
    package enum How: Equatable, Sendable {
        /// A new session file. `todaysEarlierSession` is the file of an
        /// earlier meeting on the same agenda today, which is left alone.
        case created(todaysEarlierSession: URL?)
        /// An existing session file, replayed.
        case resumed(Resumption)
    }

    /// What resuming found.
    package struct Resumption: Equatable, Sendable {
        /// What had to be cut off the end of the file after a crash, and where it was kept.
        package var recoveredTail: TornTail?
        package var tornTailFile: URL?
        /// An agenda was given that differs from the stored one, which is kept.
        package var agendaDiffers: Bool
    }

    /// Opens the meeting.
    ///
    /// - Parameters:
    ///   - agenda: the agenda asked for, or `nil` for the built-in one.
    ///   - sessionPath: the session file asked for; it is resumed if it exists.
    ///   - sessionsFolder: where a new session goes when no path is given.
    package static func open(
        agenda: Agenda?, sessionPath: String?, sessionsFolder: URL, now: Date,
        clock: @escaping @Sendable () -> Date = Date.init
    ) throws(SessionFileError) -> Opened {
        let opened = try openOrCreate(agenda: agenda, sessionPath: sessionPath, sessionsFolder: sessionsFolder, now: now, clock: clock)
        // Notes beside sessions whose process was killed would only puzzle whoever lists the folder.
        SessionLockNote.removeStale(in: opened.meeting.url.deletingLastPathComponent())
        return opened
    }

    private static func openOrCreate(
        agenda: Agenda?, sessionPath: String?, sessionsFolder: URL, now: Date, clock: @escaping @Sendable () -> Date
    ) throws(SessionFileError) -> Opened {
        // An empty file is no session to resume: `create` takes it over.
        if let sessionPath, SessionJournal.existingFile(atPath: sessionPath) == .withContent {
            let journal = try SessionJournal.open(at: URL(fileURLWithPath: sessionPath))
            let resumption = Resumption(
                recoveredTail: journal.recoveredTail, tornTailFile: journal.tornTailFile,
                agendaDiffers: agenda.map { $0 != journal.state.agenda } ?? false)
            return Opened(meeting: Meeting(journal: journal, clock: clock), how: .resumed(resumption))
        }
        let agenda = agenda ?? AgendaLoader.builtInAgenda()
        let url: URL
        var earlier: URL?
        if let sessionPath {
            url = URL(fileURLWithPath: sessionPath)
        } else {
            url = freeSessionURL(in: sessionsFolder, title: agenda.title, now: now)
            if url.lastPathComponent != defaultFileName(title: agenda.title, now: now) {
                earlier = sessionsFolder.appendingPathComponent(defaultFileName(title: agenda.title, now: now))
            }
        }
        let journal = try SessionJournal.create(at: url, agenda: agenda, now: now)
        return Opened(meeting: Meeting(journal: journal, clock: clock), how: .created(todaysEarlierSession: earlier))
    }

    /// "RollingStone 2: Title", or the title alone.
    package static func meetingName(_ agenda: Agenda) -> String {
        guard let series = agenda.series else { return agenda.title }
        return series + (agenda.number.map { " \($0)" } ?? "") + ": " + agenda.title
    }

    static func defaultFileName(title: String, now: Date) -> String {
        "\(day(now))-\(slug(title)).jsonl"
    }

    private static func freeSessionURL(in folder: URL, title: String, now: Date) -> URL {
        let base = "\(day(now))-\(slug(title))"
        var candidate = folder.appendingPathComponent(base + ".jsonl")
        var counter = 2
        while FileManager.default.fileExists(atPath: candidate.path) {
            candidate = folder.appendingPathComponent("\(base)-\(counter).jsonl")
            counter += 1
        }
        return candidate
    }

    private static func day(_ date: Date) -> String {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// "Over trekkracht & veerkracht!" → "over-trekkracht-veerkracht".
    static func slug(_ title: String) -> String {
        var slug = ""
        for character in title.folded {
            if character.isASCII && (character.isLetter || character.isNumber) {
                slug.append(character)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        let short = String(slug.prefix(50))
        return short.isEmpty ? "meeting" : short
    }
}
