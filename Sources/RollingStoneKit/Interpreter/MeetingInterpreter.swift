import Foundation

/// Carries out the lines typed during a meeting.
///
/// Every change goes through the session journal first: a reply that says
/// something was captured is only given once it is on disk.
public final class MeetingInterpreter {
    public let journal: SessionJournal
    /// Where `report` writes by default, and how the report is made.
    public var reportWriter: ReportFileWriter
    let clock: () -> Date
    /// Built on first use: reading every country name in two languages is
    /// most of what start-up would otherwise do.
    private(set) lazy var countries = CountryResolver()
    private var mentions: (participants: [Int], resolver: MentionResolver)?

    /// The meeting as recorded so far.
    public var state: MeetingState { journal.state }

    /// The longest captured text accepted; anything longer is surely a paste gone wrong.
    public static let maximumTextLength = 10_000

    public init(journal: SessionJournal, clock: @escaping () -> Date = Date.init) {
        self.journal = journal
        self.clock = clock
        self.reportWriter = ReportFileWriter()
    }

    /// The resolver for `@NAME`, kept while the participants stay the same.
    private func mentionResolver() -> MentionResolver {
        let ids = state.participants.map(\.id)
        if let mentions, mentions.participants == ids { return mentions.resolver }
        let resolver = MentionResolver(participants: state.participants)
        mentions = (ids, resolver)
        return resolver
    }

    /// Carries out one line and says what happened.
    public func handle(_ line: String) -> Reply {
        let command: Command
        do {
            guard let parsed = try CommandParser.parse(line) else { return .ok("") }
            command = parsed
        } catch {
            return .error(error.description)
        }
        do {
            return try perform(command)
        } catch let error as JournalAppendError {
            return .error("\(error.description.capitalizedFirst). Press ↑ to get the line back and try again.")
        } catch let error as CustomStringConvertible & Error {
            return .error(error.description)
        } catch {
            return .error("\(error)")
        }
    }

    private func perform(_ command: Command) throws -> Reply {
        switch command {
        case .help(let topic): return HelpText.reply(topic: topic)
        case .agenda: return .ok(agendaOverview())
        case .next: return try goToItem(state.currentItem + 1, refusal: "This is the last item; 'end' ends the meeting.")
        case .back: return try goToItem(state.currentItem - 1, refusal: "This is the first item.")
        case .goto(let target): return try goToItem(try resolveItem(target), refusal: nil)
        case .time: return .ok(timeOverview())
        case .join(let arguments): return try join(arguments)
        case .who: return .ok(participantOverview())
        case .lesson(let title): return try openLesson(title)
        case .capture(let kind, let text): return try capture(kind, text, wasCommand: true)
        case .plainNote(let text): return try capture(.note, text, wasCommand: false)
        case .list(let all): return .ok(entryListing(all: all))
        case .edit(let number, let text): return try edit(number, text)
        case .delete(let number): return try delete(number)
        case .move(let number, let target): return try move(number, to: try resolveItem(target))
        case .undo: return try undo()
        case .report(let path): return try writeReport(to: path)
        case .end: return try end()
        }
    }

    // MARK: Recording

    @discardableResult
    func record(_ event: SessionEvent) throws(JournalAppendError) -> SessionRecord {
        try journal.append(event, at: clock())
    }

    /// Records that the REPL opened the session, and says what it found.
    public func open() throws(JournalAppendError) {
        try record(.opened)
    }

    // MARK: Capturing

    private func capture(_ kind: EntryKind, _ rawText: String, wasCommand: Bool) throws -> Reply {
        let (participant, text) = try mentionResolver().resolve(rawText)
        let cleaned = try cleanText(text, what: "the \(kind.rawValue)")
        if kind == .quote && participant == nil {
            throw InterpreterError.needsSpeaker
        }
        let entry = Entry(number: state.nextEntryNumber, kind: kind, text: cleaned, participant: participant?.id,
                          item: state.currentItem, lesson: state.currentLesson)
        try record(.captured(entry))
        var reply = "#\(entry.number) \(kind.rawValue)"
        if !wasCommand { reply += " (not a command)" }
        if let participant { reply += " by \(participant.name)" }
        reply += ", under \(placeDescription(item: entry.item, lesson: entry.lesson))"
        return .ok(reply)
    }

    private func openLesson(_ rawTitle: String) throws -> Reply {
        let item = state.agenda.items[state.currentItem]
        guard item.theme else { throw InterpreterError.notATheme(item.title) }
        let title = try cleanText(rawTitle, what: "the lesson's title")
        try record(.lessonOpened(Lesson(id: state.nextLessonID, title: title, item: state.currentItem)))
        return .ok("Lesson \"\(title)\" opened under \"\(item.title)\"; tips, notes and quotes now go under it.")
    }

    private func join(_ arguments: String) throws -> Reply {
        let fields = arguments.split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false)
            .map { TextSanitizer.clean(String($0)) }
        guard fields.count >= 2, !fields[0].isEmpty, !fields[1].isEmpty else { throw InterpreterError.joinNeedsCountry }
        let name = fields[0]
        guard name.count <= 200 else { throw InterpreterError.textTooLong("the name", name.count, 200) }
        if let existing = state.participants.first(where: { $0.name.folded == name.folded }) {
            throw InterpreterError.alreadyJoined(existing.name)
        }
        let country = try countries.resolve(fields[1])
        func optional(_ index: Int) -> String? { fields.count > index && !fields[index].isEmpty ? fields[index] : nil }
        let participant = Participant(id: state.nextParticipantID, name: name, country: country,
                                      network: optional(2), role: optional(3), contact: optional(4))
        try record(.joined(participant))
        let details = [CountryResolver.name(of: country, in: state.agenda.language), participant.network, participant.role]
            .compactMap { $0 }.joined(separator: ", ")
        let countryCount = Set(state.participants.map(\.country)).count
        return .ok("\(name) joined (\(details)). \(plural(state.participants.count, "participant")) from \(plural(countryCount, "country", "countries")).")
    }

    // MARK: Correcting

    private func existingEntry(_ number: Int) throws(InterpreterError) -> Entry {
        guard let entry = state.entry(number) else {
            throw .noSuchEntry(number, last: state.nextEntryNumber - 1)
        }
        return entry
    }

    private func edit(_ number: Int, _ rawText: String) throws -> Reply {
        let entry = try existingEntry(number)
        let text = try cleanText(rawText, what: "the new text")
        try record(.edited(entry: number, text: text))
        return .ok("#\(number) \(entry.kind.rawValue) edited: \(text.quotedPreview)")
    }

    private func delete(_ number: Int) throws -> Reply {
        let entry = try existingEntry(number)
        try record(.deleted(entry: number))
        return .ok("#\(number) \(entry.kind.rawValue) deleted: \(entry.text.quotedPreview) ('undo' brings it back)")
    }

    private func move(_ number: Int, to item: Int) throws -> Reply {
        let entry = try existingEntry(number)
        guard entry.item != item else { throw InterpreterError.alreadyThere(number, state.agenda.items[item].title) }
        try record(.moved(entry: number, item: item))
        return .ok("#\(number) \(entry.kind.rawValue) moved to item \(item + 1) \"\(state.agenda.items[item].title)\"")
    }

    private func undo() throws -> Reply {
        guard let sequence = state.nextUndoSequence, let what = state.nextUndoDescription else {
            throw InterpreterError.nothingToUndo
        }
        try record(.undone(sequence: sequence))
        return .ok("Undone: \(what).")
    }

    // MARK: Ending

    private func end() throws -> Reply {
        if !state.hasEnded || state.isReopened {
            try record(.ended)
        }
        let path = displayPath(journal.url)
        let minutes = Int((state.secondsSpent() / 60).rounded())
        let summary = "Meeting ended after \(minutes) min: \(plural(state.participants.count, "participant")), \(plural(state.entries.count, "entry", "entries"))."
        return Reply(text: """
            \(summary)
            Session file: \(path)
            Write the report with: rollingstone report \(shellQuoted(path)) -o \(shellQuoted(ReportFileWriter.defaultReportPath(for: path)))
            """, isError: false, endsMeeting: true)
    }

    private func writeReport(to path: String?) throws -> Reply {
        let target = path ?? ReportFileWriter.defaultReportPath(for: displayPath(journal.url))
        try reportWriter.write(state, to: URL(fileURLWithPath: target))
        return .ok("Report written to \(target)" + (state.hasEnded ? "." : " (a draft: the meeting is still under way)."))
    }

    // MARK: Helpers

    func cleanText(_ text: String, what: String) throws(InterpreterError) -> String {
        let cleaned = TextSanitizer.clean(text)
        guard !cleaned.isEmpty else { throw .emptyText(what) }
        // A string has no more characters than UTF-8 bytes: most texts are
        // short enough that counting their characters can be skipped.
        guard cleaned.utf8.count <= Self.maximumTextLength || cleaned.count <= Self.maximumTextLength else { throw .textTooLong(what, cleaned.count, Self.maximumTextLength) }
        return cleaned
    }

    /// "Lesson title" when a lesson is open, else the item's title, quoted.
    func placeDescription(item: Int, lesson: Int?) -> String {
        if let lesson, let found = state.lesson(lesson) { return "\"\(found.title)\"" }
        return "\"\(state.agenda.items[item].title)\""
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }

    /// The text in quotes, shortened for a one-line reply.
    var quotedPreview: String { "\"\(abbreviated(limit: 60))\"" }
}

func plural(_ count: Int, _ singular: String, _ pluralForm: String? = nil) -> String {
    "\(count) " + (count == 1 ? singular : pluralForm ?? singular + "s")
}

/// The path relative to the working folder when it lies below it.
func displayPath(_ url: URL) -> String {
    let cwd = FileManager.default.currentDirectoryPath + "/"
    let path = url.standardizedFileURL.path
    return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
}

func shellQuoted(_ path: String) -> String {
    let safe = path.allSatisfy { $0.isLetter || $0.isNumber || "/._-+".contains($0) }
    return safe ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
