import RollingStoneTestSupport
import Testing

@testable import RollingStoneCore
@testable import RollingStoneREPL

@Suite struct CommandParserTests {
    @Test func commandsAndArguments() throws {
        #expect(try CommandParser.parse("tip @stef Ask for a partner, not a funder") == .capture(.tip, text: "@stef Ask for a partner, not a funder"))
        #expect(try CommandParser.parse("  NEXT ") == .next)
        #expect(try CommandParser.parse("goto 3") == .goto(target: "3"))
        #expect(try CommandParser.parse("edit #12 new words") == .edit(entry: 12, text: "new words"))
        #expect(try CommandParser.parse("delete 7") == .delete(entry: 7))
        #expect(try CommandParser.parse("move #3 veerkracht") == .move(entry: 3, target: "veerkracht"))
        #expect(try CommandParser.parse("list all") == .list(all: true))
        #expect(try CommandParser.parse("help tip") == .help(topic: "tip"))
        #expect(try CommandParser.parse("   ") == nil)
    }

    @Test func aLineThatIsNotACommandIsANote() throws {
        #expect(try CommandParser.parse("Dit is een gewone notitie") == .plainNote(text: "Dit is een gewone notitie"))
        #expect(try CommandParser.parse("Not everyone agrees") == .plainNote(text: "Not everyone agrees"))
        #expect(try CommandParser.parse("Tips komen later") == .plainNote(text: "Tips komen later"))
    }

    @Test(arguments: [("notte hallo", "note"), ("lesosn Titel", "lesson"), ("tpi iets", "tip"), ("agneda", "agenda")])
    func mistypedCommandsAreErrorsWithASuggestion(line: String, suggestion: String) {
        #expect(throws: CommandError.unknownCommand(String(line.split(separator: " ")[0]), suggestion: suggestion)) {
            try CommandParser.parse(line)
        }
        let message = CommandError.unknownCommand("notte", suggestion: "note").description
        #expect(message == "Unknown command 'notte'. Did you mean 'note'? (To capture the line as a note, start it with 'note'.)")
    }

    @Test func badArguments() {
        #expect(throws: CommandError.unexpectedArguments(.next, "year we go")) { try CommandParser.parse("next year we go") }
        #expect(throws: CommandError.missingArgument(.tip, .text(.tip))) { try CommandParser.parse("tip") }
        #expect(throws: CommandError.badEntryNumber(.edit, "#x")) { try CommandParser.parse("edit #x text") }
        #expect(throws: CommandError.missingArgument(.edit, .newText)) { try CommandParser.parse("edit #3") }
    }
}
