import RollingStoneCore
import RollingStoneJournal
import RollingStoneMeeting

extension MeetingError {
    /// What the REPL says when the meeting refuses an operation, in
    /// `language`; `state` gives the titles that the error refers to by number.
    package func description(in state: MeetingState, language: InterfaceLanguage = .en) -> String {
        let items = state.agenda.items
        func title(_ item: Int) -> String {
            if items.indices.contains(item) { return items[item].title }
            switch language {
            case .en: return "item \(item + 1)"
            case .nl: return "punt \(item + 1)"
            }
        }
        func name(_ id: Int) -> String {
            if let participant = state.participant(id) { return participant.name }
            switch language {
            case .en: return "Participant \(id)"
            case .nl: return "Deelnemer \(id)"
            }
        }
        switch language {
        case .en: return english(title: title, name: name)
        case .nl: return dutch(title: title, name: name)
        }
    }

    // The two tables below follow the cases in the same order, so that a
    // message and its translation are easy to hold side by side.

    private func english(title: (Int) -> String, name: (Int) -> String) -> String {
        switch self {
        case .notRecorded(let error):
            return "\(error.description.capitalizedFirst). Press ↑ to get the line back and try again."
        case .joinNeedsNameAndCountry:
            return "'join' needs a name and a country: join NAME, COUNTRY[, NETWORK[, ROLE[, CONTACT]]], e.g. join Stef Steyaert, BE, Lab van Troje"
        case .alreadyJoined(let participant):
            return "\(participant.name) has already joined; 'who' lists everyone."
        case .unknownCountry(let error):
            return error.description
        case .noSuchParticipant(let id):
            return "There is no participant \(id); 'who' lists everyone."
        case .quoteNeedsSpeaker:
            return "A quote needs its speaker: quote @NAME TEXT."
        case .notATheme(let item):
            return "\"\(title(item))\" is not a theme; lessons belong under a theme item (see 'agenda', then 'goto')."
        case .emptyText(let field):
            return "\(field.wording(in: .en)) is empty; nothing was captured."
        case .textTooLong(let field, let length, let limit):
            return "\(field.wording(in: .en)) is \(length) characters long, more than \(limit); nothing was captured."
        case .noSuchEntry(let number, let last):
            return last == 0
                ? "There is no entry #\(number): nothing has been captured yet."
                : "There is no entry #\(number) (deleted, undone or never captured); 'list all' shows #1 to #\(last)."
        case .alreadyThere(let number, let item):
            return "#\(number) is already under \"\(title(item))\"."
        case .nothingToUndo:
            return "Nothing to undo."
        case .noSuchItem:
            return "No such item."
        case .atFirstItem:
            return "This is the first item."
        case .atLastItem:
            return "This is the last item; 'end' ends the meeting."
        case .alreadyAtItem(let item):
            return "Already at item \(item + 1) \"\(title(item))\"."
        case .noSuchSubmission(let number, let last):
            return last == 0
                ? "There is no submission \(number): no phone has sent anything yet."
                : "There is no submission \(number); 'inbox' shows the ones waiting (1 to \(last) were sent)."
        case .submissionDecided(let number, let status):
            return "Submission \(number) is \(status.wording(in: .en)) already."
        case .alreadyQueued(let id):
            return "\(name(id)) is in the queue already; 'q' shows it."
        case .notQueued(let id):
            return "\(name(id)) is not in the queue; 'q' shows who is."
        case .speakerQueueEmpty:
            return "No one is in the queue: q+ @NAME puts someone in."
        case .noTurnUnderWay:
            return "No one has the floor; 'ack' gives it to the first in the queue."
        case .meetingHasEnded:
            return "The meeting has ended: no more turns. 'end' closes it again."
        case .speakerTimeOutOfRange(_, let limit):
            return "A speaker can have up to \(limit / 60) min: q time N (minutes), or q time off."
        case .joinHasTurns(let id):
            return "\(name(id)) is in the speaker queue or has spoken, so their join cannot be undone; 'q- @NAME' takes them out of the queue."
        case .actionAlreadyDone(let label):
            return "\(label) is done already, in this meeting ('actions' lists what is open)."
        case .alreadyPrivate(let id):
            return "\(name(id)) is kept out of the write-ups already."
        }
    }

    private func dutch(title: (Int) -> String, name: (Int) -> String) -> String {
        switch self {
        case .notRecorded(let error):
            return "Niet opgeslagen: \(error.reason). Druk op ↑ om de regel terug te halen en probeer het opnieuw."
        case .joinNeedsNameAndCountry:
            return
                "'deelnemer' heeft een naam en een land nodig: deelnemer NAAM, LAND[, NETWERK[, ROL[, CONTACT]]], bijv. deelnemer Stef Steyaert, BE, Lab van Troje"
        case .alreadyJoined(let participant):
            return "\(participant.name) doet al mee; 'wie' toont iedereen."
        case .unknownCountry(.unknown(let input, let suggestions)):
            let hint =
                suggestions.isEmpty
                ? "gebruik een ISO-code zoals NL of BE, of een landnaam in het Nederlands, Engels, Frans of Duits"
                : "bedoel je " + suggestions.map { "'\($0)'" }.joined(separator: ", ") + "?"
            return "Onbekend land '\(input.abbreviated())'; \(hint)"
        case .noSuchParticipant(let id):
            return "Er is geen deelnemer \(id); 'wie' toont iedereen."
        case .quoteNeedsSpeaker:
            return "Een citaat heeft een spreker nodig: citaat @NAAM TEKST."
        case .notATheme(let item):
            return "\"\(title(item))\" is geen thema; lessen horen onder een thema (zie 'agenda', dan 'ga')."
        case .emptyText(let field):
            return "\(field.wording(in: .nl)) is leeg; er is niets vastgelegd."
        case .textTooLong(let field, let length, let limit):
            return "\(field.wording(in: .nl)) is \(length) tekens lang, meer dan \(limit); er is niets vastgelegd."
        case .noSuchEntry(let number, let last):
            return last == 0
                ? "Er is geen bijdrage #\(number): er is nog niets vastgelegd."
                : "Er is geen bijdrage #\(number) (verwijderd, ongedaan gemaakt of nooit vastgelegd); 'lijst alles' toont #1 tot en met #\(last)."
        case .alreadyThere(let number, let item):
            return "#\(number) staat al onder \"\(title(item))\"."
        case .nothingToUndo:
            return "Er is niets om ongedaan te maken."
        case .noSuchItem:
            return "Dat agendapunt bestaat niet."
        case .atFirstItem:
            return "Dit is het eerste punt."
        case .atLastItem:
            return "Dit is het laatste punt; 'einde' beëindigt de bijeenkomst."
        case .alreadyAtItem(let item):
            return "We zijn al bij punt \(item + 1) \"\(title(item))\"."
        case .noSuchSubmission(let number, let last):
            return last == 0
                ? "Er is geen inzending \(number): er heeft nog geen telefoon iets gestuurd."
                : "Er is geen inzending \(number); 'inbox' toont de wachtende (1 tot en met \(last) zijn gestuurd)."
        case .submissionDecided(let number, let status):
            return "Inzending \(number) is al \(status.wording(in: .nl))."
        case .alreadyQueued(let id):
            return "\(name(id)) staat al op de sprekerslijst; 'q' toont de lijst."
        case .notQueued(let id):
            return "\(name(id)) staat niet op de sprekerslijst; 'q' toont wie er wel op staat."
        case .speakerQueueEmpty:
            return "Er staat niemand op de sprekerslijst: q+ @NAAM zet iemand erop."
        case .noTurnUnderWay:
            return "Niemand heeft het woord; 'beurt' geeft het aan de eerste op de lijst."
        case .meetingHasEnded:
            return "De bijeenkomst is beëindigd: geen beurten meer. 'einde' sluit haar weer af."
        case .speakerTimeOutOfRange(_, let limit):
            return "Een spreker kan tot \(limit / 60) min krijgen: q tijd N (minuten), of q tijd uit."
        case .joinHasTurns(let id):
            return
                "\(name(id)) staat op de sprekerslijst of heeft gesproken, dus de aanmelding kan niet ongedaan worden; 'q- @NAAM' haalt iemand van de lijst."
        case .actionAlreadyDone(let label):
            return "\(label) is al afgerond, in deze bijeenkomst ('acties' toont wat open staat)."
        case .alreadyPrivate(let id):
            return "\(name(id)) blijft al buiten de verslagen."
        }
    }
}

extension JournalAppendError {
    /// Why the line was not saved, in the system's words: the file
    /// system's error, or the event that did not fit.
    fileprivate var reason: String {
        switch self {
        case .notSaved(let error): "\(error)"
        case .rejected(let error): "\(error)"
        }
    }
}

extension TextField {
    /// "The tip", "The lesson's title"; "De tip", "De titel van de les", at the start of a sentence.
    func wording(in language: InterfaceLanguage) -> String {
        switch (self, language) {
        case (.name, .en), (.submitterName, .en): "The name"
        case (.name, .nl), (.submitterName, .nl): "De naam"
        case (.lessonTitle, .en): "The lesson's title"
        case (.lessonTitle, .nl): "De titel van de les"
        case (.entryText(let kind), _): language.theKind(kind)
        case (.newText, .en): "The new text"
        case (.newText, .nl): "De nieuwe tekst"
        case (.submissionText, .en): "The text"
        case (.submissionText, .nl): "De tekst"
        case (.speakerTopic, .en): "The topic"
        case (.speakerTopic, .nl): "Het onderwerp"
        }
    }
}

extension UndoableChange {
    /// "tip #12", "join of Stef Steyaert"; "tip #12", "aanmelding van Stef Steyaert", as `undo` says it.
    package func description(in language: InterfaceLanguage) -> String {
        switch (self, language) {
        case (.join(let name), .en): "join of \(name)"
        case (.join(let name), .nl): "aanmelding van \(name)"
        case (.lesson(let title), .en): "lesson \"\(title)\""
        case (.lesson(let title), .nl): "les \"\(title)\""
        case (.capture(let kind, let number), _): "\(language.name(of: kind)) #\(number)"
        case (.edit(let number), .en): "edit of #\(number)"
        case (.edit(let number), .nl): "wijziging van #\(number)"
        case (.delete(let number), .en): "delete of #\(number)"
        case (.delete(let number), .nl): "verwijdering van #\(number)"
        case (.move(let number), .en): "move of #\(number)"
        case (.move(let number), .nl): "verplaatsing van #\(number)"
        case (.accept(let submission, let entry), .en): "acceptance of submission \(submission) (#\(entry))"
        case (.accept(let submission, let entry), .nl): "acceptatie van inzending \(submission) (#\(entry))"
        case (.reject(let submission), .en): "rejection of submission \(submission)"
        case (.reject(let submission), .nl): "weigering van inzending \(submission)"
        case (.actionDone(let label), .en): "done of \(label)"
        case (.actionDone(let label), .nl): "afronding van \(label)"
        case (.makePrivate(let name), .en): "keeping \(name) out of the write-ups"
        case (.makePrivate(let name), .nl): "\(name) buiten de verslagen houden"
        }
    }
}

extension UndoableChange: CustomStringConvertible {
    /// In English, as when no language is given.
    package var description: String { description(in: .en) }
}
