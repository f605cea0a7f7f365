import RollingStoneCore
import RollingStoneJournal
import RollingStoneMeeting
import RollingStoneReport

/// The text of `help`, in the REPL's language: the commands by their words
/// in that language, and a word on the English ones, which always work.
enum HelpText {
    static func reply(topic: String?, in language: InterfaceLanguage) -> Reply {
        guard let topic else { return .ok(overview(in: language)) }
        let key = topic.hasPrefix("@") ? "tip" : topic
        guard let name = CommandName.named(key, in: language) else {
            switch language {
            case .en: return .error("No command '\(topic.abbreviated())'; 'help' lists them all.")
            case .nl: return .error("Er is geen commando '\(topic.abbreviated())'; 'hulp' toont ze allemaal.")
            }
        }
        var lines = ["\(name.usage(in: language))", "  \(name.summary(in: language).capitalizedFirst)."]
        lines += details(of: name, in: language).map { "  " + $0 }
        if let example = example(of: name, in: language) {
            switch language {
            case .en: lines.append("  Example: \(example)")
            case .nl: lines.append("  Voorbeeld: \(example)")
            }
        }
        let english = name.word(in: .en)
        if english != name.word(in: language) {
            switch language {
            case .en: break
            case .nl: lines.append("  In het Engels: \(name.usage(in: .en))")
            }
        }
        return .ok(lines.joined(separator: "\n"))
    }

    static func overview(in language: InterfaceLanguage) -> String {
        let width = CommandName.allCases.map { $0.usage(in: language).count }.max() ?? 0
        var lines: [String] = []
        switch language {
        case .en: lines.append("Commands (Tab completes commands, @names and item titles):")
        case .nl: lines.append("Commando's (Tab vult commando's, @namen en titels van agendapunten aan):")
        }
        for name in CommandName.allCases {
            lines.append("  " + name.usage(in: language).padding(toLength: width, withPad: " ", startingAt: 0) + "  " + name.summary(in: language))
        }
        switch language {
        case .en:
            lines.append("Any other line is captured as a note. Every entry is saved to disk before the prompt returns.")
        case .nl:
            lines.append("Elke andere regel wordt als notitie vastgelegd. Elke bijdrage staat op schijf voordat de prompt terugkomt.")
            lines.append(
                "De Engelse commando's (note, next, list all, q next …) werken ook, zodat scripts blijven werken; 'hulp note' legt er één uit.")
        }
        return lines.joined(separator: "\n")
    }

    /// More than the summary's one line, for the commands that need it.
    static func details(of name: CommandName, in language: InterfaceLanguage) -> [String] {
        switch (name, language) {
        case (.queue, .en):
            [
                "q next: the floor to the first in the queue, as 'ack'.",
                "q done: the turn under way ends, with no one next.",
                "q time MIN: each speaker has MIN minutes (1.5 is 90 seconds); running over is announced once per turn. q time off: no limit.",
                "q stats: turns and speaking time by country and by person, and who has not spoken yet.",
                "'undo' leaves the queue alone: q- and q done are the way back.",
            ]
        case (.queue, .nl):
            [
                "q volgende: het woord aan de eerste op de lijst, zoals 'beurt'.",
                "q klaar: de lopende beurt stopt, zonder dat iemand volgt.",
                "q tijd MIN: elke spreker heeft MIN minuten (1,5 is 90 seconden); wie uitloopt, wordt één keer per beurt gemeld. q tijd uit: geen limiet.",
                "q stats: beurten en spreektijd per land en per persoon, en wie nog niet sprak.",
                "'herstel' laat de sprekerslijst met rust: q- en q klaar zijn de weg terug.",
            ]
        case (.queueUp, .en):
            ["'!' marks a point of order or a direct reply: it goes ahead of every plain request; each comes first come, first served."]
        case (.queueUp, .nl):
            ["'!' markeert een punt van orde of een directe reactie: dat gaat vóór elk gewoon verzoek; verder wie het eerst komt, het eerst maalt."]
        case (.ack, .en):
            ["During a turn, tips, quotes, ideas and notes are the speaker's unless @NAME says otherwise; actions are not."]
        case (.ack, .nl):
            ["Tijdens een beurt zijn tips, citaten, ideeën en notities van de spreker, tenzij @NAAM iets anders zegt; acties niet."]
        case (.undo, .en):
            ["The speaker queue is not undone: q- and q done are the way back."]
        case (.undo, .nl):
            ["De sprekerslijst wordt niet hersteld: q- en q klaar zijn de weg terug."]
        case (.goto, .nl), (.move, .nl):
            ["'naar' mag ervoor: 'ga naar 3', 'verplaats #12 naar veerkracht'."]
        case (.search, .en):
            [
                "Every word must start a word of the text, case and accents aside: 'cafe' finds 'café'.",
                "Nothing is recorded: the answer is for you, not for the write-up.",
            ]
        case (.search, .nl):
            [
                "Elk woord moet een woord van de tekst beginnen, hoofdletters en accenten daargelaten: 'cafe' vindt 'café'.",
                "Er wordt niets vastgelegd: het antwoord is voor jou, niet voor het verslag.",
            ]
        case (.report, .nl):
            ["Met een bestandsnaam alleen een .md-bestand, zodat 'Verslag volgt later' geen bestand schrijft (het Engelse 'report FILE' neemt elke naam)."]
        default:
            []
        }
    }

    /// An example of the command as typed, in `language`.
    static func example(of name: CommandName, in language: InterfaceLanguage) -> String? {
        switch (name, language) {
        case (.join, .en): "join Stef Steyaert, België, Lab van Troje, special guest"
        case (.join, .nl): "deelnemer Stef Steyaert, België, Lab van Troje, speciale gast"
        case (.lesson, .en): "lesson Sell your plan to people, not to organisations"
        case (.lesson, .nl): "les Verkoop je plan aan mensen, niet aan organisaties"
        case (.tip, .en): "tip @stef Treat the city as a partner, not as a funder"
        case (.tip, .nl): "tip @stef Zie de gemeente als partner, niet als geldschieter"
        case (.quote, .en): "quote @Hannah Schröder We are not against anything; we are for something"
        case (.quote, .nl): "citaat @Hannah Schröder Wij zijn niet ergens tegen, wij zijn ergens vóór"
        case (.action, .en): "action @marije Send the slides round by Friday"
        case (.action, .nl): "actie @marije Slides vóór vrijdag rondsturen"
        case (.goto, .en): "goto 3   or   goto resilience"
        case (.goto, .nl): "ga 3   of   ga naar veerkracht"
        case (.edit, .en): "edit #12 Treat the city as a co-funder, not as a funder"
        case (.edit, .nl): "wijzig #12 Zie de gemeente als medefinancier, niet als geldschieter"
        case (.move, .en): "move #12 resilience"
        case (.move, .nl): "verplaats #12 naar veerkracht"
        case (.accept, .en): "accept 3 @lotte   (accept 3 alone attributes it to the name the phone gave)"
        case (.accept, .nl): "accepteer 3 @lotte   (accepteer 3 alleen: op naam van wie de telefoon opgaf)"
        case (.queue, .en): "q time 3"
        case (.queue, .nl): "q tijd 3"
        case (.queueUp, .en): "q+ @stef ! over de agenda   (q+ @lotte alone: a new point, after every '!')"
        case (.queueUp, .nl): "q+ @stef ! over de agenda   (q+ @lotte alleen: een nieuw punt, na elke '!')"
        case (.unqueue, _): "q- @lotte"
        case (.search, .en): "search belgie medefin   (finds \"Medefinanciering uit België loopt via de provincie\")"
        case (.search, .nl): "zoeken belgie medefin   (vindt \"Medefinanciering uit België loopt via de provincie\")"
        case (.ack, .en): "ack   (then 'tip Zoek de wethouder op' is the speaker's tip)"
        case (.ack, .nl): "beurt   (daarna is 'tip Zoek de wethouder op' de tip van de spreker)"
        default: nil
        }
    }
}
