import Foundation
import RollingStoneTestSupport
import Testing

@testable import RollingStoneCore
@testable import RollingStoneREPL
@testable import RollingStoneReport

/// The REPL in Dutch: its command words beside the English ones, its
/// replies, and its counts.
@Suite struct InterfaceLanguageTests {
    /// Dutch lines and the English lines they stand for.
    static let pairs: [(dutch: String, english: String)] = [
        ("hulp", "help"),
        ("hulp notitie", "help notitie"),
        ("volgende", "next"),
        ("terug", "back"),
        ("vorige", "back"),
        ("ga 3", "goto 3"),
        ("ga naar veerkracht", "goto veerkracht"),
        ("tijd", "time"),
        ("deelnemer Stef Steyaert, BE", "join Stef Steyaert, BE"),
        ("wie", "who"),
        ("les Zoek de mensen", "lesson Zoek de mensen"),
        ("tip @stef Vraag om hulp", "tip @stef Vraag om hulp"),
        ("notitie Les is meer", "note Les is meer"),
        ("citaat @stef Wij zijn ergens vóór", "quote @stef Wij zijn ergens vóór"),
        ("idee Een fonds", "idea Een fonds"),
        ("actie @stef Slides rondsturen", "action @stef Slides rondsturen"),
        ("lijst", "list"),
        ("lijst alles", "list all"),
        ("wijzig #12 Nieuwe woorden", "edit #12 Nieuwe woorden"),
        ("verwijder #7", "delete #7"),
        ("verplaats #3 naar geld", "move #3 geld"),
        ("verplaats #3 geld", "move #3 geld"),
        ("herstel", "undo"),
        ("verslag", "report"),
        ("verslag concept.md", "report concept.md"),
        ("einde", "end"),
        ("accepteer 2 @stef", "accept 2 @stef"),
        ("weiger 2", "reject 2"),
        ("zaal direct", "room direct"),
        ("zaal gemodereerd", "room moderated"),
        ("beurt", "ack"),
        ("q volgende", "q next"),
        ("q klaar", "q done"),
        ("q tijd 1,5", "q time 1.5"),
        ("q tijd uit", "q time off"),
        ("VOLGENDE", "next"),
    ]

    @Test func dutchWordsAreTheEnglishCommands() throws {
        for (dutch, english) in Self.pairs {
            let parsed = try CommandParser.parse(dutch, in: .nl)
            #expect(parsed == (try CommandParser.parse(english, in: .en)), "\(dutch)")
            #expect(parsed != nil && parsed != .plainNote(text: dutch), "\(dutch)")
        }
    }

    /// A line that is not a command is a note: in an English meeting the
    /// Dutch words must stay notes, as they always were.
    @Test func inEnglishTheDutchWordsAreNotes() throws {
        let notes = [
            "les is more", "wie weet", "actie reactie", "citaat van de dag", "notitie op papier", "herstel na de crisis",
            "volgende keer", "beurt", "einde",
        ]
        for line in notes {
            #expect(try CommandParser.parse(line, in: .en) == .plainNote(text: line), "\(line)")
        }
        // As before, a word a letter off an English command is taken for its typo.
        #expect(throws: CommandError.unknownCommand("idee", suggestion: "idea")) { try CommandParser.parse("idee fixe", in: .en) }
        // Sub-words too: `list alles` is not `list all` in English.
        #expect(throws: CommandError.unexpectedArguments(.list, "alles")) { try CommandParser.parse("list alles", in: .en) }
        #expect(throws: CommandError.unexpectedArguments(.queue, "klaar")) { try CommandParser.parse("q klaar", in: .en) }
    }

    /// Every English command and alias keeps its meaning in Dutch, so a
    /// script means the same whatever the meeting's language.
    @Test func everyEnglishCommandParsesTheSameInDutch() throws {
        let lines = [
            "help", "help tip", "?", "h", "agenda", "next", "n", "back", "b", "goto 3", "go naar buiten", "time", "join Ann Smith, GB", "who",
            "lesson Titel", "tip @ann Tekst", "note Tekst", "quote @ann Tekst", "idea Tekst", "action Tekst", "list", "ls", "list all", "edit #1 Tekst",
            "delete #1", "rm 1", "del 1", "move #1 naar buiten", "undo", "report", "report verslag komt later", "end", "quit", "exit", "inbox",
            "accept 1 @ann", "reject 1", "room", "room direct", "room moderated", "q", "q next", "q done", "q stats", "q time 3", "q time off",
            "q+ @ann ! onderwerp", "q- @ann", "ack", "Dit is een gewone notitie",
        ]
        for line in lines {
            #expect(try CommandParser.parse(line, in: .nl) == (try CommandParser.parse(line, in: .en)), "\(line)")
        }
        // English typos stay errors in Dutch.
        #expect(throws: CommandError.unknownCommand("notte", suggestion: "note")) { try CommandParser.parse("notte hallo", in: .nl) }
    }

    /// "Verslag volgt" is not a file to write.
    @Test func theDutchReportWordTakesOnlyAReportsName() throws {
        #expect(throws: CommandError.unexpectedArguments(.report, "volgt na de zomer")) { try CommandParser.parse("verslag volgt na de zomer", in: .nl) }
        for name in ["verslag.md", "verslag.html", "Verslag.PDF"] {
            #expect(try CommandParser.parse("verslag \(name)", in: .nl) == .report(path: name))
        }
        #expect(try CommandParser.parse("report volgt", in: .nl) == .report(path: "volgt"))
    }

    /// A PDF that cannot be printed is said in the meeting's language, with
    /// the command that writes the HTML instead.
    @Test func aMissingPDFPrinterIsSaidInBothLanguages() {
        let error = ReportWriteError(path: "verslag.pdf", reason: .pdf(.weasyPrintMissing))
        #expect(error.description(in: .nl).hasPrefix("Geen PDF: WeasyPrint"))
        #expect(error.description(in: .nl).contains("'verslag verslag.html'"))
        #expect(error.description(in: .en).contains("'report verslag.html'"))
        let system = ReportWriteError(path: "/nee/v.md", reason: .system("No such file or directory"))
        #expect(system.description(in: .nl) == "Het verslag kon niet naar /nee/v.md worden geschreven: No such file or directory")
    }

    @Test func countsHaveTheirPluralsInBothLanguages() {
        let english = InterfaceLanguage.en
        let dutch = InterfaceLanguage.nl
        #expect(english.counted(1, .lesson) == "1 lesson")
        #expect(english.counted(2, .lesson) == "2 lessons")
        #expect(english.counted(0, .entry) == "0 entries")
        #expect(english.counted(1, .country) == "1 country")
        #expect(english.counted(3, .country) == "3 countries")
        #expect(dutch.counted(1, .lesson) == "1 les")
        #expect(dutch.counted(2, .lesson) == "2 lessen")
        #expect(dutch.counted(1, .country) == "1 land")
        #expect(dutch.counted(2, .country) == "2 landen")
        #expect(dutch.counted(1, .entry) == "1 bijdrage")
        #expect(dutch.counted(0, .entry) == "0 bijdragen")
        #expect(dutch.counted(2, .theme) == "2 thema's")
        #expect(dutch.counted(2, .kind(.idea)) == "2 ideeën")
        #expect(dutch.counted(3, .kind(.quote)) == "3 citaten")
        #expect(dutch.counted(1, .turn) == "1 beurt")
        #expect(dutch.counted(2, .turn) == "2 beurten")
    }

    @Test func theLanguageFollowsTheAgendaWithEnglishAsFallback() {
        for language in MeetingLanguage.allCases {
            let interface = InterfaceLanguage(language)
            #expect(interface.rawValue == language.rawValue || interface == .en)
        }
        #expect(InterfaceLanguage(.nl) == .nl)
        #expect(InterfaceLanguage(.en) == .en)
    }

    @Test func aDutchMeetingRepliesInDutch() throws {
        let meeting = try TestMeeting(language: .nl)
        let replies = meeting.run(
            "deelnemer Stef Steyaert, BE", "deelnemer Marije Vos, NL", "volgende", "les Zoek de mensen", "tip @stef Vraag om hulp",
            "Een losse notitie", "idee Een fonds", "lijst", "verwijder #3", "herstel", "verplaats #2 naar geld", "volgende jaar")
        #expect(replies[0].text == "Stef Steyaert doet mee (België). 1 deelnemer uit 1 land.")
        #expect(replies[1].text == "Marije Vos doet mee (Nederland). 2 deelnemers uit 2 landen.")
        #expect(replies[2].text.hasPrefix("\"Welkom en kennismaking\" afgesloten na 0 van 20 min.\nPunt 2/5: Trekkracht aan instanties (45 min, thema)"))
        #expect(replies[3].text == "Les \"Zoek de mensen\" geopend onder \"Trekkracht aan instanties\"; tips, notities en citaten komen er nu onder.")
        #expect(replies[4].text == "#1 tip van Stef Steyaert, onder \"Zoek de mensen\"")
        #expect(replies[5].text == "#2 notitie (geen commando), onder \"Zoek de mensen\"")
        #expect(replies[6].text == "#3 idee, onder \"Zoek de mensen\"")
        #expect(replies[7].text.hasPrefix("Punt 2 \"Trekkracht aan instanties\": 3 bijdragen\n  #1 tip van Stef Steyaert [Zoek de mensen]:"))
        #expect(replies[8].text == "#3 idee verwijderd: \"Een fonds\" ('herstel' maakt het ongedaan)")
        #expect(replies[9].text == "Ongedaan gemaakt: verwijdering van #3.")
        #expect(replies[10].text == "#2 notitie verplaatst naar punt 3 \"Geld en onafhankelijkheid\"")
        #expect(replies[11].isError)
        #expect(replies[11].text.hasPrefix("Na 'volgende' hoort geen 'jaar'. Gebruik: volgende."))
        #expect(meeting.run("citaat Zonder spreker")[0].text == "Een citaat heeft een spreker nodig: citaat @NAAM TEKST.")
        #expect(meeting.run("tip @nobody Iets")[0].text.hasPrefix("Geen deelnemer past bij '@nobody'"))
        #expect(meeting.interpreter.prompt == "[2/5 Trekkracht aan instanti… 0/45m] > ")
        meeting.clock.advance(minutes: 46)
        #expect(meeting.interpreter.prompt == "[2/5 Trekkracht aan instanti… 46/45m TE LANG] > ")
    }

    /// The same lines typed in English record the same meeting.
    @Test func englishAndDutchCommandsRecordTheSameMeeting() throws {
        let dutch = try TestMeeting(language: .nl)
        let english = try TestMeeting(language: .nl)
        let dutchReplies = Self.pairs.map(\.dutch).filter { !$0.hasPrefix("verslag") && $0 != "einde" }.map(dutch.interpreter.handle)
        let englishReplies = Self.pairs.map(\.english).filter { !$0.hasPrefix("report") && $0 != "end" }.map(english.interpreter.handle)
        #expect(dutchReplies == englishReplies)
        // The same clock, the same events: the same bytes.
        #expect(try String(contentsOf: dutch.url, encoding: .utf8) == (try String(contentsOf: english.url, encoding: .utf8)))
        #expect(try dutch.replayed().entries.count == 5)
    }

    @Test func helpInDutchShowsTheDutchWordsAndNamesTheEnglishOnes() throws {
        let meeting = try TestMeeting(language: .nl)
        let overview = meeting.run("hulp")[0].text
        #expect(overview.contains("  notitie TEKST"))
        #expect(overview.contains("  volgende "))
        #expect(overview.contains("De Engelse commando's"))
        #expect(!overview.contains("  note TEXT"))
        let one = meeting.run("help note")[0].text
        #expect(one.hasPrefix("notitie TEKST\n  Legt een notitie vast"))
        #expect(one.contains("In het Engels: note TEXT"))
        #expect(try TestMeeting(language: .en).run("help")[0].text.contains("  note TEXT"))
    }

    @Test func tabCompletesDutchWordsInADutchMeeting() throws {
        let meeting = try TestMeeting(language: .nl)
        meeting.run("deelnemer Stef Steyaert, BE")
        func complete(_ language: InterfaceLanguage, _ line: String) -> [String] {
            let start = line.lastIndex(of: " ").map { line.utf8.distance(from: line.startIndex, to: $0) + 1 } ?? 0
            return MeetingCompleter(meeting: meeting.meeting, language: language).completions(line: line, wordStart: start, wordEnd: line.utf8.count)
        }
        #expect(complete(.nl, "ver") == ["verwijder", "verplaats", "verslag"])
        #expect(complete(.nl, "no") == ["notitie"])
        #expect(complete(.nl, "le") == ["les"])
        // No Dutch word fits: the English ones are offered.
        #expect(complete(.nl, "ed") == ["edit"])
        #expect(complete(.nl, "citaat @st") == ["@Stef Steyaert"])
        #expect(complete(.nl, "ga naar vee") == ["Veerkracht"])
        #expect(complete(.nl, "verplaats #1 naar ge") == ["Geld en onafhankelijkheid"])
        #expect(complete(.nl, "q kl") == ["klaar"])
        #expect(complete(.nl, "hulp wij") == ["wijzig"])
        #expect(complete(.nl, "deelnemer Ann, Belg") == ["België"])
        // English, as before.
        #expect(complete(.en, "no") == ["note"])
        #expect(complete(.en, "ver") == [])
    }
}
