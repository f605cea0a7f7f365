import RollingStoneCore

/// A line that looks like a command but cannot be carried out as typed.
package enum CommandError: Error, Equatable, CustomStringConvertible, Sendable {
    case unknownCommand(String, suggestion: String?)
    case unexpectedArguments(CommandName, String)
    case missingArgument(CommandName, CommandArgument)
    case badEntryNumber(CommandName, String)
    case badSubmissionNumber(CommandName, String)
    /// `q time` with something that is not a number of minutes.
    case badMinutes(String)

    /// In English, as when no language is given.
    package var description: String { description(in: .en) }

    /// What the REPL says, in `language`; commands are named by their word
    /// in that language.
    package func description(in language: InterfaceLanguage) -> String {
        switch (self, language) {
        case (.unknownCommand(let word, let suggestion), .en):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "Unknown command '\(word.abbreviated())'.\(hint) (To capture the line as a note, start it with 'note'.)"
        case (.unknownCommand(let word, let suggestion), .nl):
            let hint = suggestion.map { " Bedoel je '\($0)'?" } ?? ""
            return "Onbekend commando '\(word.abbreviated())'.\(hint) (Begin de regel met 'notitie' om hem als notitie vast te leggen.)"

        case (.unexpectedArguments(let name, let extra), .en):
            return "'\(name.rawValue)' takes no '\(extra.abbreviated())'. Usage: \(name.usage). (To capture the line as a note, start it with 'note'.)"
        case (.unexpectedArguments(let name, let extra), .nl):
            return
                "Na '\(name.word(in: .nl))' hoort geen '\(extra.abbreviated())'. Gebruik: \(name.usage(in: .nl)). (Begin de regel met 'notitie' om hem als notitie vast te leggen.)"

        case (.missingArgument(let name, let what), .en):
            return "'\(name.rawValue)' needs \(what.wording(in: .en)). Usage: \(name.usage)"
        case (.missingArgument(let name, let what), .nl):
            return "Na '\(name.word(in: .nl))' hoort \(what.wording(in: .nl)). Gebruik: \(name.usage(in: .nl))"

        case (.badSubmissionNumber(let name, let word), .en):
            return "'\(word.abbreviated())' is not a submission number; 'inbox' shows them. Usage: \(name.usage)"
        case (.badSubmissionNumber(let name, let word), .nl):
            return "'\(word.abbreviated())' is geen inzendingnummer; 'inbox' toont ze. Gebruik: \(name.usage(in: .nl))"

        case (.badMinutes(let word), .en):
            return "'\(word.abbreviated())' is not a number of minutes. Usage: q time MIN (e.g. 3 or 1.5), or q time off"
        case (.badMinutes(let word), .nl):
            return "'\(word.abbreviated())' is geen aantal minuten. Gebruik: q tijd MIN (bijv. 3 of 1,5), of q tijd uit"

        case (.badEntryNumber(let name, let word), .en):
            return "'\(word.abbreviated())' is not an entry number; use #N as shown by 'list'. Usage: \(name.usage)"
        case (.badEntryNumber(let name, let word), .nl):
            return "'\(word.abbreviated())' is geen bijdragenummer; gebruik #N zoals 'lijst' het toont. Gebruik: \(name.usage(in: .nl))"
        }
    }
}

/// What a command needs after its word and did not get.
package enum CommandArgument: Equatable, Sendable {
    case itemTarget
    case nameAndCountry
    case lessonTitle
    /// The text of a tip, note, idea or action.
    case text(EntryKind)
    /// A quote's `@NAME` and what they said.
    case speakerAndWords
    case newText
    case entryNumber
    case moveTarget
    case submissionNumber
    /// `q+`'s `@NAME`, and `!` for a point of order.
    case speakerAndPriority
    case speaker
    case speakerMinutes
    case searchWords

    /// "the tip", "an entry number such as #12"; "de tip", "een bijdragenummer zoals #12".
    func wording(in language: InterfaceLanguage) -> String {
        switch (self, language) {
        case (.itemTarget, .en): "an item number or part of its title"
        case (.itemTarget, .nl): "een puntnummer of een deel van de titel"
        case (.nameAndCountry, .en): "a name and a country"
        case (.nameAndCountry, .nl): "een naam en een land"
        case (.lessonTitle, .en): "the lesson's title"
        case (.lessonTitle, .nl): "de titel van de les"
        case (.text(let kind), .en): "the \(kind.rawValue)"
        case (.text(let kind), .nl): language.theKind(kind).lowercased()
        case (.speakerAndWords, .en): "@NAME and what they said"
        case (.speakerAndWords, .nl): "@NAAM en wat die zei"
        case (.newText, .en): "the new text"
        case (.newText, .nl): "de nieuwe tekst"
        case (.entryNumber, .en): "an entry number such as #12"
        case (.entryNumber, .nl): "een bijdragenummer zoals #12"
        case (.moveTarget, .en): "the agenda item to move it to"
        case (.moveTarget, .nl): "het agendapunt waar de bijdrage heen moet"
        case (.submissionNumber, .en): "a submission number as 'inbox' shows it"
        case (.submissionNumber, .nl): "een inzendingnummer zoals 'inbox' het toont"
        case (.speakerAndPriority, .en): "@NAME, and '!' for a point of order or direct reply"
        case (.speakerAndPriority, .nl): "@NAAM, en '!' voor een punt van orde of een directe reactie"
        case (.speaker, .en): "@NAME"
        case (.speaker, .nl): "@NAAM"
        case (.speakerMinutes, .en): "the minutes per speaker, or 'off'"
        case (.speakerMinutes, .nl): "het aantal minuten per spreker, of 'uit'"
        case (.searchWords, .en): "the words to look for"
        case (.searchWords, .nl): "de woorden om naar te zoeken"
        }
    }
}
