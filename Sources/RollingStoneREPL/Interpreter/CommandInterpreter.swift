import Foundation
import RollingStoneArchive
import RollingStoneCore
import RollingStoneMeeting
import RollingStoneReport

/// Carries out the lines typed during a meeting: the REPL's client of the
/// meeting core.
///
/// A line is parsed into a `Command`, `@NAME` and item titles are resolved
/// here, and the meeting's typed operations do the rest; every reply is
/// worded here. A reply that says something was captured is only given once
/// it is on disk.
package final class CommandInterpreter {
    package let meeting: Meeting
    /// Where `report` writes by default, and how the report is made.
    package var reportWriter: ReportFileWriter
    /// The language of every reply, and of the command words understood
    /// beside the English ones.
    package let language: InterfaceLanguage
    private var mentions: (participants: [Int], resolver: MentionResolver)?
    /// The actions of earlier meetings of the series that were open when
    /// the meeting started (`run` reads them from the session's folder).
    package var earlierActions: [ActionReference] = []
    /// How `search` looks through the meetings of the session's folder
    /// (`run` gives it the archive's index); without it, `search` says so.
    package var archiveSearch: (@Sendable (SearchQuery) throws(ArchiveError) -> SearchResults)?

    /// The meeting as recorded so far.
    package var state: MeetingState { meeting.state }

    /// - Parameter language: what the REPL speaks; the agenda's language
    ///   when left out (`run --ui-lang` overrides it).
    package init(meeting: Meeting, language: InterfaceLanguage? = nil) {
        self.meeting = meeting
        self.reportWriter = ReportFileWriter()
        self.language = language ?? InterfaceLanguage(meeting.state.agenda.language)
    }

    /// The resolver for `@NAME`, kept while the participants stay the same.
    func mentionResolver(for state: MeetingState) -> MentionResolver {
        let ids = state.participants.map(\.id)
        if let mentions, mentions.participants == ids { return mentions.resolver }
        let resolver = MentionResolver(participants: state.participants)
        mentions = (ids, resolver)
        return resolver
    }

    /// Carries out one line and says what happened.
    package func handle(_ line: String) -> Reply {
        let command: Command
        do {
            guard let parsed = try CommandParser.parse(line, in: language) else { return .ok("") }
            command = parsed
        } catch {
            return .error(error.description(in: language))
        }
        do {
            return try perform(command)
        } catch let error as MeetingError {
            return .error(error.description(in: state, language: language))
        } catch let error as MentionError {
            return .error(error.description(in: language))
        } catch let error as InterpreterError {
            return .error(error.description(in: language))
        } catch let error as CommandError {
            return .error(error.description(in: language))
        } catch let error as ReportWriteError {
            return .error(error.description(in: language))
        } catch let error as CustomStringConvertible & Error {
            return .error(error.description)
        } catch {
            return .error("\(error)")
        }
    }

    private func perform(_ command: Command) throws -> Reply {
        switch command {
        case .help(let topic): return HelpText.reply(topic: topic, in: language)
        case .agenda: return .ok(agendaOverview())
        case .next: return try go(to: .next)
        case .back: return try go(to: .back)
        case .goto(let target): return try go(to: .item(try resolveItem(target)))
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
        case .inbox: return .ok(inboxListing())
        case .accept(let number, let mention): return try accept(number, mention: mention)
        case .reject(let number): return try reject(number)
        case .room(let direct): return roomPolicy(direct: direct)
        case .queue: return .ok(queueListing())
        case .queueUp(let text): return try queueUp(text)
        case .unqueue(let text): return try unqueue(text)
        case .nextSpeaker: return try nextSpeaker()
        case .endTurn: return try endTurn()
        case .speakerTime(let seconds): return try setSpeakerTime(seconds: seconds)
        case .speakerStats: return .ok(speakerStatistics())
        case .actions: return .ok(actionListing())
        case .done(let label): return try markDone(label)
        case .makePrivate(let text): return try makePrivate(text)
        case .search(let words): return try search(words)
        }
    }

    /// Records that the REPL opened the session.
    package func open() throws(MeetingError) {
        try meeting.open()
    }

    // MARK: Capturing

    private func capture(_ kind: EntryKind, _ rawText: String, wasCommand: Bool) throws -> Reply {
        let state = self.state
        var (participant, text) = try mentionResolver(for: state).resolve(rawText)
        // During a turn what is heard is the speaker's, unless `@` says whose;
        // an action's `@` is its owner, often someone else, so it is not assumed.
        let isSpeakers = participant == nil && kind != .action && !state.hasEnded && state.speakers.current != nil
        if isSpeakers, let turn = state.speakers.current { participant = state.participant(turn.request.participant) }
        let entry = try meeting.capture(kind, text: text, by: participant?.id)
        let place = placeDescription(item: entry.item, lesson: entry.lesson, in: meeting.state)
        let kindName = language.name(of: kind)
        var reply = "#\(entry.number) \(kindName)"
        switch language {
        case .en:
            if !wasCommand { reply += " (not a command)" }
            if let participant { reply += " by \(participant.name)" + (isSpeakers ? " (speaking)" : "") }
            reply += ", under \(place)"
        case .nl:
            if !wasCommand { reply += " (geen commando)" }
            if let participant { reply += " van \(participant.name)" + (isSpeakers ? " (aan het woord)" : "") }
            reply += ", onder \(place)"
        }
        return .ok(reply)
    }

    private func openLesson(_ title: String) throws -> Reply {
        let lesson = try meeting.openLesson(title: title)
        let item = state.agenda.items[lesson.item]
        switch language {
        case .en: return .ok("Lesson \"\(lesson.title)\" opened under \"\(item.title)\"; tips, notes and quotes now go under it.")
        case .nl: return .ok("Les \"\(lesson.title)\" geopend onder \"\(item.title)\"; tips, notities en citaten komen er nu onder.")
        }
    }

    private func join(_ arguments: String) throws -> Reply {
        let fields = arguments.split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 2 else { throw MeetingError.joinNeedsNameAndCountry }
        func optional(_ index: Int) -> String? { fields.count > index ? fields[index] : nil }
        let participant = try meeting.join(
            name: fields[0], country: fields[1], network: optional(2), role: optional(3), contact: optional(4))
        let state = self.state
        let country = CountryResolver.name(of: participant.country, in: countryLanguage)
        let details = [country, participant.network, participant.role].compactMap { $0 }.joined(separator: ", ")
        let people = language.counted(state.participants.count, .participant)
        let countries = language.counted(Set(state.participants.map(\.country)).count, .country)
        switch language {
        case .en: return .ok("\(participant.name) joined (\(details)). \(people) from \(countries).")
        case .nl: return .ok("\(participant.name) doet mee (\(details)). \(people) uit \(countries).")
        }
    }

    // MARK: Correcting

    private func edit(_ number: Int, _ text: String) throws -> Reply {
        let entry = try meeting.edit(entry: number, text: text)
        let kind = language.name(of: entry.kind)
        switch language {
        case .en: return .ok("#\(number) \(kind) edited: \(entry.text.quotedPreview)")
        case .nl: return .ok("#\(number) \(kind) gewijzigd: \(entry.text.quotedPreview)")
        }
    }

    private func delete(_ number: Int) throws -> Reply {
        let entry = try meeting.delete(entry: number)
        let kind = language.name(of: entry.kind)
        switch language {
        case .en: return .ok("#\(number) \(kind) deleted: \(entry.text.quotedPreview) ('undo' brings it back)")
        case .nl: return .ok("#\(number) \(kind) verwijderd: \(entry.text.quotedPreview) ('herstel' maakt het ongedaan)")
        }
    }

    private func move(_ number: Int, to item: Int) throws -> Reply {
        let entry = try meeting.move(entry: number, toItem: item)
        let kind = language.name(of: entry.kind)
        let title = state.agenda.items[item].title
        switch language {
        case .en: return .ok("#\(number) \(kind) moved to item \(item + 1) \"\(title)\"")
        case .nl: return .ok("#\(number) \(kind) verplaatst naar punt \(item + 1) \"\(title)\"")
        }
    }

    private func undo() throws -> Reply {
        let change = try meeting.undo()
        switch language {
        case .en: return .ok("Undone: \(change.description(in: language)).")
        case .nl: return .ok("Ongedaan gemaakt: \(change.description(in: language)).")
        }
    }

    // MARK: Ending

    private func end() throws -> Reply {
        try meeting.end()
        let state = self.state
        let path = displayPath(meeting.url)
        let minutes = Int((state.secondsSpent() / 60).rounded())
        let people = language.counted(state.participants.count, .participant)
        let entries = language.counted(state.entries.count, .entry)
        let command = "rollingstone report \(shellQuoted(path)) -o \(shellQuoted(ReportFileWriter.defaultReportPath(for: path)))"
        let text =
            switch language {
            case .en:
                """
                Meeting ended after \(minutes) min: \(people), \(entries).
                Session file: \(path)
                Write the report with: \(command)
                """
            case .nl:
                """
                Bijeenkomst beëindigd na \(minutes) min: \(people), \(entries).
                Sessiebestand: \(path)
                Schrijf het verslag met: \(command)
                """
            }
        return Reply(text: text, isError: false, endsMeeting: true)
    }

    private func writeReport(to path: String?) throws -> Reply {
        let target = path ?? ReportFileWriter.defaultReportPath(for: displayPath(meeting.url))
        let state = self.state
        try reportWriter.write(state, to: URL(fileURLWithPath: target))
        switch (language, state.hasEnded) {
        case (.en, true): return .ok("Report written to \(target).")
        case (.en, false): return .ok("Report written to \(target) (a draft: the meeting is still under way).")
        case (.nl, true): return .ok("Verslag geschreven naar \(target).")
        case (.nl, false): return .ok("Verslag geschreven naar \(target) (een concept: de bijeenkomst is nog bezig).")
        }
    }

    /// The language country names are shown in: the meeting's, as the
    /// report names them, even when `--ui-lang` makes the REPL speak another.
    var countryLanguage: MeetingLanguage { state.agenda.language }

    /// "Lesson title" when a lesson is open, else the item's title, quoted.
    func placeDescription(item: Int, lesson: Int?, in state: MeetingState) -> String {
        if let lesson, let found = state.lesson(lesson) { return "\"\(found.title)\"" }
        return "\"\(state.agenda.items[item].title)\""
    }
}
