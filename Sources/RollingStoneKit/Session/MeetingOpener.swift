import Foundation

/// Starts a new session or resumes an existing one, and says which.
public enum MeetingOpener {
    /// A journal ready for the REPL, with what to tell the facilitator first.
    public struct Opened {
        public var journal: SessionJournal
        public var messages: [String]
        public var resumed: Bool
    }

    /// Opens the meeting.
    ///
    /// - Parameters:
    ///   - agenda: the agenda asked for, or `nil` for the built-in one.
    ///   - sessionPath: the session file asked for; it is resumed if it exists.
    ///   - sessionsFolder: where a new session goes when no path is given.
    public static func open(agenda: Agenda?, sessionPath: String?, sessionsFolder: URL, now: Date) throws -> Opened {
        if let sessionPath, FileManager.default.fileExists(atPath: sessionPath) {
            return try resume(URL(fileURLWithPath: sessionPath), askedAgenda: agenda)
        }
        let agenda = agenda ?? AgendaLoader.builtInAgenda()
        let url: URL
        var messages: [String] = []
        if let sessionPath {
            url = URL(fileURLWithPath: sessionPath)
        } else {
            url = freeSessionURL(in: sessionsFolder, title: agenda.title, now: now)
            if url.lastPathComponent != defaultFileName(title: agenda.title, now: now) {
                let earlier = sessionsFolder.appendingPathComponent(defaultFileName(title: agenda.title, now: now))
                messages.append("A session from today already exists (\(displayPath(earlier))); starting a new one. To continue that one instead: rollingstone run --session \(shellQuoted(displayPath(earlier)))")
            }
        }
        let journal = try SessionJournal.create(at: url, agenda: agenda, now: now)
        let planned = agenda.items.reduce(0) { $0 + $1.minutes }
        messages.insert(contentsOf: [
            "\(meetingName(agenda)) — \(plural(agenda.items.count, "item")), \(planned) min planned.",
            "Session file: \(displayPath(url)) (every entry is saved as you type it).",
            "Type 'help' for the commands; Tab completes them.",
        ], at: 0)
        return Opened(journal: journal, messages: messages, resumed: false)
    }

    private static func resume(_ url: URL, askedAgenda: Agenda?) throws -> Opened {
        let journal = try SessionJournal.open(at: url)
        let state = journal.state
        var messages = [
            "Resumed \(displayPath(url)): \(meetingName(state.agenda)), at item \(state.currentItem + 1)/\(state.agenda.items.count) \"\(state.agenda.items[state.currentItem].title)\", \(plural(state.participants.count, "participant")), \(plural(state.entries.count, "entry", "entries"))."
        ]
        // After a crash the facilitator may not remember that new tips still
        // go under the lesson that was open.
        if let id = state.currentLesson, let lesson = state.lesson(id) {
            messages.append("Lesson \"\(lesson.title)\" is still open: tips, notes and quotes go under it until another lesson or item starts.")
        }
        if let tail = journal.recoveredTail {
            let side = journal.tornTailFile.map(displayPath) ?? "a side file"
            messages.append("warning: line \(tail.line) of the session file was incomplete (\(tail.bytes.count) bytes, cut off by a crash while writing); it had not been acknowledged. It was kept in \(side) and removed from the session.")
        }
        if state.hasEnded {
            messages.append("This meeting had ended; it is reopened to correct or add. 'end' closes it again.")
        }
        if let askedAgenda, askedAgenda != state.agenda {
            messages.append("note: the agenda given differs from the one stored in the session; the stored agenda is kept.")
        }
        return Opened(journal: journal, messages: messages, resumed: true)
    }

    /// "RollingStone 2: Title", or the title alone.
    static func meetingName(_ agenda: Agenda) -> String {
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
