import Foundation
import RollingStoneTestSupport
import Testing

@testable import RollingStoneAgenda
@testable import RollingStoneCore
@testable import RollingStoneMeeting
@testable import RollingStoneREPL

/// Loads agenda text under the name `agenda.yaml` and returns the error it must raise.
private func agendaParseError(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> AgendaError {
    let error = #expect(throws: AgendaError.self, sourceLocation: sourceLocation) {
        try AgendaLoader.parse(yaml, source: "agenda.yaml")
    }
    return try #require(error, sourceLocation: sourceLocation)
}

/// A file in `Fixtures/agendas`.
private func agendaFixture(_ name: String) throws -> URL {
    let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    return folder.appendingPathComponent("agendas").appendingPathComponent(name)
}

/// Loads a fixture that must fail, and returns the error.
private func agendaFixtureError(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> (AgendaError, String) {
    let url = try agendaFixture(name)
    let error = #expect(throws: AgendaError.self, sourceLocation: sourceLocation) {
        try AgendaLoader.load(contentsOf: url)
    }
    return (try #require(error, sourceLocation: sourceLocation), url.relativePath)
}

/// The package root, for the sample agendas in `agendas/`.
private let agendaPackageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Agenda
    .deletingLastPathComponent()  // RollingStoneUnitTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

private let agendaOneItem = """
    items:
      - title: Welcome
        minutes: 20
    """

@Suite("Agenda loader: sample agendas")
struct AgendaSampleTests {
    @Test func builtInAgendaIsTheShippedTemplate() throws {
        let url = agendaPackageRoot.appendingPathComponent("agendas/rollingstone.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(AgendaLoader.builtInText == text)
        #expect(AgendaLoader.builtIn == (try AgendaLoader.load(contentsOf: url)))
        #expect(AgendaLoader.builtInAgenda() == AgendaLoader.builtIn)
    }

    @Test func builtInAgendaIsAGenericEnglishAfternoon() {
        let agenda = AgendaLoader.builtIn
        #expect(agenda.language == .en)
        #expect(agenda.series == "RollingStone")
        #expect(agenda.date == nil && agenda.host == nil && agenda.venue == nil && agenda.next == nil)
        let minutes = agenda.items.reduce(0) { $0 + $1.minutes }
        #expect((210...270).contains(minutes))
        let themes = agenda.items.filter(\.theme)
        #expect((2...3).contains(themes.count))
        for theme in themes {
            #expect((2...4).contains(theme.prompts.count), "\(theme.title)")
        }
        #expect(agenda.items.contains { $0.title == "Break" })
    }

    @Test func leiden2012Loads() throws {
        let agenda = try AgendaLoader.load(contentsOf: agendaPackageRoot.appendingPathComponent("agendas/leiden-2012.yaml"))
        #expect(agenda.title == "Over trekkracht en veerkracht van lokale netwerken")
        #expect(agenda.series == "RollingStone")
        #expect(agenda.number == 2)
        #expect(agenda.date == "2012-09-26")
        #expect(agenda.language == .nl)
        #expect(agenda.venue == "De Nieuwe Energie, Leiden")
        #expect(agenda.host?.name == "Stadslab Leiden")
        #expect(agenda.host?.website == "www.stadslableiden.nl")
        // Folded into one paragraph, without the trailing newline '>' keeps.
        let profile = try #require(agenda.host?.profile)
        #expect(!profile.contains("\n") && profile.hasPrefix("Stadslab Leiden"))
        #expect(
            agenda.items.filter(\.theme).map(\.title) == [
                "Trekkracht: samenwerken met gemeente en instanties",
                "Veerkracht: doorgaan als het schuurt",
            ])
        let next = try #require(agenda.next)
        #expect(
            Agenda.NextMeeting(date: next.date, time: next.time, place: next.place, theme: next.theme, contact: next.contact)
                == Agenda.NextMeeting(
                    date: "2012-11-24", time: "11:00-15:00", place: "Makassarplein Community, Amsterdam",
                    theme: "Civil Society at Crossroads", contact: "rollingstone@example.org"))
        #expect(next.description?.hasPrefix("Over lokale netwerken") == true)
        // A literal block keeps its blank line between paragraphs.
        let intro = try #require(agenda.intro)
        #expect(intro.components(separatedBy: "\n\n").count == 2)
        #expect(
            agenda.organiser
                == Agenda.Organiser(
                    name: "Anouk Jansen", role: "deelnemer en matchmaker van de RollingStone-bijeenkomsten", contact: "verslag@example.org"))
    }

    @Test func theSummaryCountsInWords() {
        let one = Agenda(title: "T", items: [AgendaItem(title: "A", minutes: 5, theme: true)])
        #expect(one.summary == "\"T\", 1 item (1 theme), 5 min planned")
        let more = Agenda(title: "T", items: [AgendaItem(title: "A", minutes: 5), AgendaItem(title: "B", minutes: 10)])
        #expect(more.summary == "\"T\", 2 items (0 themes), 15 min planned")
    }

    @Test func minimalFixtureLoads() throws {
        let agenda = try AgendaLoader.load(contentsOf: try agendaFixture("minimal.yaml"))
        #expect(agenda == Agenda(title: "Evening check-in", items: [AgendaItem(title: "Round of news", minutes: 45)]))
    }

    /// Every value is read from its text as written; see docs/agenda-format.md.
    @Test func yaml11SurprisesReadAsWritten() throws {
        let agenda = try AgendaLoader.load(contentsOf: try agendaFixture("yaml-1.1-surprises.yaml"))
        #expect(
            agenda
                == Agenda(
                    title: "2012", series: "RollingStone", number: 7, date: "2012-11-24", language: .nl, venue: "Yes",
                    items: [
                        AgendaItem(title: "Opening", minutes: 45, theme: true),
                        AgendaItem(title: "Lessons", minutes: 30, theme: false, prompts: ["no", "11:00"]),
                    ],
                    next: Agenda.NextMeeting(date: "2012-11-24", time: "11:00", contact: "On")
                ))
    }

    @Test func defaultsApplyWhenOptionalKeysAreLeftOut() throws {
        let agenda = try AgendaLoader.parse("title: T\n" + agendaOneItem, source: "agenda.yaml")
        #expect(agenda == Agenda(title: "T", language: .en, items: [AgendaItem(title: "Welcome", minutes: 20)]))
    }

    @Test func textIsTrimmedAndQuotedTextKeepsItsMeaning() throws {
        let yaml = """
            title: "Pulling power: working with institutions"
            venue: ''
            host:
              name: "  Stadslab  "
              profile: |
                Line one.
                Line two.

            items:
              - title: '*Really* important'
                minutes: 20
                theme: "true"
                prompts: ["What is *really* hard?", Who & what?, "#1 tip?"]
            """
        let agenda = try AgendaLoader.parse(yaml, source: "agenda.yaml")
        #expect(agenda.title == "Pulling power: working with institutions")
        #expect(agenda.venue == nil)
        #expect(agenda.host == Agenda.Host(name: "Stadslab", profile: "Line one.\nLine two."))
        #expect(
            agenda.items == [
                AgendaItem(
                    title: "*Really* important", minutes: 20, theme: true,
                    prompts: ["What is *really* hard?", "Who & what?", "#1 tip?"]
                )
            ])
    }

    @Test func nextDateMayBeFreeTextAndTagsAreIgnored() throws {
        let yaml = """
            title: !!str 2012
            next:
              date: zaterdag 24 november
            items:
              - title: A
                minutes: !!int 30
                theme: ON
            """
        let agenda = try AgendaLoader.parse(yaml, source: "agenda.yaml")
        #expect(agenda.title == "2012")
        #expect(agenda.next == Agenda.NextMeeting(date: "zaterdag 24 november"))
        #expect(agenda.items == [AgendaItem(title: "A", minutes: 30, theme: true)])
    }

    @Test func byteOrderMarkAndWindowsLineEndingsAreAccepted() throws {
        let yaml = "\u{FEFF}title: T\r\nitems:\r\n  - title: A\r\n    minuts: 5\r\n"
        #expect(try agendaParseError(yaml).description == "agenda.yaml:4:5: error: unknown key 'minuts' in agenda item; did you mean 'minutes'?")
        let fine = "\u{FEFF}title: T\r\nitems:\r\n  - title: A\r\n    minutes: 5\r\n"
        #expect(try AgendaLoader.parse(fine, source: "agenda.yaml").items.first?.minutes == 5)
    }
}

@Suite("Agenda loader: errors in fixture files")
struct AgendaFixtureErrorTests {
    @Test(arguments: [
        ("unknown-key.yaml", 6, 5, "unknown key 'minuts' in agenda item; did you mean 'minutes'?"),
        ("wrong-type.yaml", 4, 14, "expected a number for 'minutes', found 'abc'"),
        ("missing-key.yaml", 5, 5, "missing required key 'minutes' in agenda item"),
        ("duplicate-key.yaml", 5, 5, "duplicate key 'title'; it is already given at line 3, column 5"),
        (
            "syntax-error.yaml", 6, 10,
            "invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 5, column 14)"
        ),
        (
            "tab-indent.yaml", 4, 1,
            "invalid YAML: found a tab character that violates indentation (while scanning a plain scalar that starts at line 3, column 12); indent with spaces, not tabs"
        ),
        ("not-utf8.yaml", 1, 11, "file is not valid UTF-8 (byte 0xE9); save it as UTF-8"),
        ("invalid-date.yaml", 2, 7, "'2013-02-29' is not a real date for 'date'"),
        (
            "alias-bomb.yaml", 2, 4,
            "anchors and aliases are not allowed in agenda files, found anchor '&a'; write each value out in full"
        ),
        ("deep-nesting.yaml", 5, 27, "lists and mappings are nested more than 16 levels deep; an agenda needs only 4 levels"),
    ])
    func fixtureReportsPosition(name: String, line: Int, column: Int, message: String) throws {
        let (error, path) = try agendaFixtureError(name)
        #expect(error.line == line)
        #expect(error.column == column)
        #expect(error.message == message)
        #expect(error.description == "\(path):\(line):\(column): error: \(message)")
    }

    @Test func emptyFileHasNoPosition() throws {
        let (error, path) = try agendaFixtureError("empty.yaml")
        #expect(error.kind == .empty)
        #expect(error.description == "\(path): error: file is empty; an agenda needs at least 'title' and 'items'")
    }

    @Test func missingFileIsReported() throws {
        let url = URL(fileURLWithPath: "/nonexistent/agenda.yaml")
        let error = #expect(throws: AgendaError.self) { try AgendaLoader.load(contentsOf: url) }
        #expect(error?.kind == .unreadable)
        #expect(error?.description == "/nonexistent/agenda.yaml: error: cannot read the agenda file: no such file")
    }

    @Test func folderIsReported() throws {
        let error = #expect(throws: AgendaError.self) {
            try AgendaLoader.load(contentsOf: try agendaFixture(""))
        }
        #expect(error?.message == "cannot read the agenda file: it is a folder, not a file")
    }
}

@Suite("Agenda loader: error messages")
struct AgendaErrorMessageTests {
    @Test(arguments: [
        // Keys.
        ("titel: T\n" + agendaOneItem, "agenda.yaml:1:1: error: unknown key 'titel' in the agenda; did you mean 'title'?"),
        (
            "title: T\nTheme: x\n" + agendaOneItem,
            "agenda.yaml:2:1: error: unknown key 'Theme' in the agenda; valid keys are 'title', 'series', 'number', 'date', 'language', 'venue', 'host', 'items', 'next', 'intro', 'organiser'"
        ),
        ("title: T\nhost:\n  nam: X\n" + agendaOneItem, "agenda.yaml:3:3: error: unknown key 'nam' in 'host'; did you mean 'name'?"),
        ("title: T\nnext:\n  datum: 2012-11-24\n" + agendaOneItem, "agenda.yaml:3:3: error: unknown key 'datum' in 'next'; did you mean 'date'?"),
        ("title: T\nhost:\n  website: x\n" + agendaOneItem, "agenda.yaml:3:3: error: missing required key 'name' in 'host'"),
        ("series: RollingStone\n" + agendaOneItem, "agenda.yaml:1:1: error: missing required key 'title' in the agenda"),
        ("title: T\n", "agenda.yaml:1:1: error: missing required key 'items' in the agenda"),
        ("title: T\ntitle: U\n" + agendaOneItem, "agenda.yaml:2:1: error: duplicate key 'title'; it is already given at line 1, column 1"),
        (
            "title: T\nnext: {place: a, theme: b, place: c}\n" + agendaOneItem,
            "agenda.yaml:2:28: error: duplicate key 'place'; it is already given at line 2, column 8"
        ),
        ("title: T\n!!str title: U\n" + agendaOneItem, "agenda.yaml:2:1: error: duplicate key 'title'; it is already given at line 1, column 1"),
        ("title: T\n? [a, b]\n: c\n" + agendaOneItem, "agenda.yaml:2:3: error: keys must be plain words such as 'title', found a list"),
        // Types.
        ("- title: T\n", "agenda.yaml:1:1: error: expected a mapping of keys such as 'title' and 'items' at the top of the agenda, found a list"),
        ("just text\n", "agenda.yaml:1:1: error: expected a mapping of keys such as 'title' and 'items' at the top of the agenda, found 'just text'"),
        ("title: [a, b]\n" + agendaOneItem, "agenda.yaml:1:8: error: expected text for 'title', found a list"),
        ("title:\n" + agendaOneItem, "agenda.yaml:1:1: error: 'title' is empty; write the title after the colon"),
        ("title: '   '\n" + agendaOneItem, "agenda.yaml:1:1: error: 'title' is empty; write the title after the colon"),
        ("title: T\nitems: Welcome\n", "agenda.yaml:2:8: error: expected a list of agenda items for 'items', found 'Welcome'"),
        ("title: T\nitems: []\n", "agenda.yaml:2:8: error: 'items' is empty; an agenda needs at least one item"),
        ("title: T\nitems:\n", "agenda.yaml:2:1: error: 'items' is empty; an agenda needs at least one item"),
        ("title: T\nitems:\n  - Welcome\n", "agenda.yaml:3:5: error: expected an agenda item (a mapping with 'title' and 'minutes'), found 'Welcome'"),
        (
            "title: T\nhost: Stadslab Leiden\n" + agendaOneItem,
            "agenda.yaml:2:7: error: expected a mapping with 'name' (and optionally 'website' and 'profile') for 'host', found 'Stadslab Leiden'"
        ),
        (
            "title: T\nnext: soon\n" + agendaOneItem,
            "agenda.yaml:2:7: error: expected a mapping with 'date', 'time', 'place', 'theme', 'contact' or 'description' for 'next', found 'soon'"
        ),
        ("title: T\nitems:\n  - title: A\n    minutes:\n", "agenda.yaml:4:13: error: expected a number for 'minutes', found nothing"),
        (
            "title: T\nitems:\n  - title: A\n    minutes: 1:30\n",
            "agenda.yaml:4:14: error: expected a number for 'minutes', found '1:30'; write the time box in whole minutes, e.g. 90"
        ),
        ("title: T\nitems:\n  - title: A\n    minutes: 7.5\n", "agenda.yaml:4:14: error: expected a number for 'minutes', found '7.5'; use a whole number"),
        ("title: T\nitems:\n  - title: A\n    minutes: 0x1E\n", "agenda.yaml:4:14: error: expected a number for 'minutes', found '0x1E'"),
        ("title: T\nitems:\n  - title: A\n    minutes: 0\n", "agenda.yaml:4:14: error: 'minutes' must be between 1 and 600, found '0'"),
        ("title: T\nitems:\n  - title: A\n    minutes: 601\n", "agenda.yaml:4:14: error: 'minutes' must be between 1 and 600, found '601'"),
        (
            "title: T\nitems:\n  - title: A\n    minutes: 99999999999999999999\n",
            "agenda.yaml:4:14: error: 'minutes' must be between 1 and 600, found '99999999999999999999'"
        ),
        ("title: T\nnumber: two\n" + agendaOneItem, "agenda.yaml:2:9: error: expected a number for 'number', found 'two'"),
        ("title: T\nnumber: -1\n" + agendaOneItem, "agenda.yaml:2:9: error: 'number' must be between 1 and 9999, found '-1'"),
        ("title: T\nitems:\n  - title: A\n    minutes: 5\n    theme: maybe\n", "agenda.yaml:5:12: error: expected true or false for 'theme', found 'maybe'"),
        (
            "title: T\nitems:\n  - title: A\n    minutes: 5\n    prompts: Why?\n",
            "agenda.yaml:5:14: error: expected a list of questions for 'prompts', found 'Why?'"
        ),
        (
            "title: T\nitems:\n  - title: A\n    minutes: 5\n    prompts: [a, {b: c}]\n",
            "agenda.yaml:5:18: error: expected text for prompt 2 in 'prompts', found a mapping"
        ),
        (
            "title: T\nitems:\n  - title: A\n    minutes: 5\n    prompts: [a, '']\n",
            "agenda.yaml:5:18: error: prompt 2 is empty; remove it or write the question"
        ),
        // Values.
        ("title: T\ndate: 26-09-2012\n" + agendaOneItem, "agenda.yaml:2:7: error: expected a date as YYYY-MM-DD for 'date', found '26-09-2012'"),
        ("title: T\ndate: 2012-9-26\n" + agendaOneItem, "agenda.yaml:2:7: error: expected a date as YYYY-MM-DD for 'date', found '2012-9-26'"),
        ("title: T\ndate: 2012-04-31\n" + agendaOneItem, "agenda.yaml:2:7: error: '2012-04-31' is not a real date for 'date'"),
        ("title: T\nnext:\n  date: 2012-13-01\n" + agendaOneItem, "agenda.yaml:3:9: error: '2012-13-01' is not a real date for 'date'"),
        ("title: T\nlanguage: NL\n" + agendaOneItem, "agenda.yaml:2:11: error: unknown language 'NL' for 'language'; did you mean 'nl'?"),
        (
            "title: T\nlanguage: no\n" + agendaOneItem,
            "agenda.yaml:2:11: error: unknown language 'no' for 'language'; valid values are 'nl' (Dutch), 'en' (English), 'fr' (French) and 'de' (German)"
        ),
        ("title: |\n  two\n  lines\n" + agendaOneItem, "agenda.yaml:1:8: error: 'title' must fit on one line"),
        // YAML syntax.
        (
            "title: Pulling power: institutions\n" + agendaOneItem,
            "agenda.yaml:1:21: error: invalid YAML: mapping values are not allowed in this context; put text that contains ': ' in quotes"
        ),
        ("title: T\n---\ntitle: U\n", "agenda.yaml:2:1: error: an agenda file holds one YAML document, but a second one starts here"),
        (
            "title: \"a\u{1}b\"\n" + agendaOneItem,
            "agenda.yaml:1:10: error: invalid text: control characters are not allowed; agenda files hold printable text only"
        ),
        (
            "title: T\nitems:\n  - title: A\n    minutes: 5\n  - *item\n",
            "agenda.yaml:5:5: error: anchors and aliases are not allowed in agenda files, found alias '*item'; write each value out in full"
        ),
        ("*a: 1\n*a: 2\n", "agenda.yaml:2:1: error: duplicate key '*a'; it is already given at line 1, column 1"),
        (
            "title: &t T\n" + agendaOneItem,
            "agenda.yaml:1:8: error: anchors and aliases are not allowed in agenda files, found anchor '&t'; write each value out in full"
        ),
        (
            "title: T\norganiser: Anouk\n" + agendaOneItem,
            "agenda.yaml:2:12: error: expected a mapping with 'name' (and optionally 'role' and 'contact') for 'organiser', found 'Anouk'"
        ),
        ("title: T\norganiser:\n  role: matchmaker\n" + agendaOneItem, "agenda.yaml:3:3: error: missing required key 'name' in 'organiser'"),
        ("title: T\nintro: [a, b]\n" + agendaOneItem, "agenda.yaml:2:8: error: expected text for 'intro', found a list"),
        ("# only a comment\n\n", "agenda.yaml: error: file is empty; an agenda needs at least 'title' and 'items'"),
        ("", "agenda.yaml: error: file is empty; an agenda needs at least 'title' and 'items'"),
    ])
    func messageNamesPlaceAndProblem(yaml: String, expected: String) throws {
        #expect(try agendaParseError(yaml).description == expected)
    }

    @Test func descriptionWithAndWithoutPosition() {
        let positioned = AgendaError(.unknownKey, file: "a.yaml", line: 3, column: 7, message: "unknown key 'x'")
        #expect(positioned.description == "a.yaml:3:7: error: unknown key 'x'")
        let unpositioned = AgendaError(.empty, file: "a.yaml", message: "file is empty")
        #expect(unpositioned.description == "a.yaml: error: file is empty")
    }

    @Test func longInputIsShortenedInMessages() throws {
        let yaml = "title: T\nitems:\n  - title: A\n    minutes: " + String(repeating: "x", count: 100) + "\n"
        #expect(try agendaParseError(yaml).message == "expected a number for 'minutes', found '\(String(repeating: "x", count: 40))…'")
    }

    @Test(arguments: [
        ("minuts", "minutes"), ("titel", "title"), ("Title", "title"), ("promts", "prompts"),
        ("thema", "theme"), ("minuten", "minutes"),
    ])
    func suggestsTheIntendedKey(typed: String, meant: String) {
        #expect(AgendaLoader.closestKey(to: typed, among: AgendaLoader.Reader.itemKeys) == meant)
    }

    @Test func suggestsNothingForUnrelatedKeys() {
        #expect(AgendaLoader.closestKey(to: "colour", among: AgendaLoader.Reader.itemKeys) == nil)
        #expect(AgendaLoader.closestKey(to: "x", among: AgendaLoader.Reader.itemKeys) == nil)
    }
}

@Suite("Agenda loader: hostile input")
struct AgendaHostileInputTests {
    /// Within this, a hang shows up as a failure rather than a stuck test run.
    /// Only a hang fails: an expansion that ran away took minutes. How fast
    /// the loader refuses is the benchmark's business, not the tests'.
    static let hangGuard = Duration.seconds(120)

    private func elapsed(_ body: () throws -> Void) rethrows -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        return clock.now - start
    }

    /// Ten levels of ten aliases each: 10^10 nodes if expanded.
    private static func billionLaughs(items: String) -> String {
        var lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            lines.append("l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\ntitle: Laughing\n" + items
    }

    @Test func billionLaughsFailsFast() throws {
        var error: AgendaError?
        let time = try elapsed { error = try agendaParseError(Self.billionLaughs(items: "items: *l9\n")) }
        #expect(
            error?.description
                == "agenda.yaml:1:5: error: anchors and aliases are not allowed in agenda files, found anchor '&l0'; write each value out in full")
        #expect(time < Self.hangGuard)
    }

    /// Yams hashes mapping keys while composing, so an alias used as a key would be expanded
    /// before the loader sees the tree; it must be caught before.
    @Test func aliasBombAsKeyFailsFast() throws {
        var error: AgendaError?
        let time = try elapsed { error = try agendaParseError(Self.billionLaughs(items: "? *l9\n: x\n")) }
        #expect(error?.kind == .unsupported)
        #expect(error?.line == 1 && error?.column == 5)
        #expect(time < Self.hangGuard)
    }

    @Test func undefinedAliasIsNamed() throws {
        let error = try agendaParseError("title: *name\n" + agendaOneItem)
        #expect(
            error.description
                == "agenda.yaml:1:8: error: anchors and aliases are not allowed in agenda files, found alias '*name'; write each value out in full")
    }

    /// Keys that are mappings inside keys that are mappings make Yams hash (nesting x size).
    @Test func nestedComplexKeysFailFast() throws {
        let filler = "[" + Array(repeating: "a", count: 100_000).joined(separator: ",") + "]"
        let yaml = String(repeating: "{? ", count: 100) + filler + String(repeating: " : 1}", count: 100) + "\n"
        var error: AgendaError?
        let time = try elapsed { error = try agendaParseError(yaml) }
        #expect(
            error?.description
                == "agenda.yaml:1:2: error: keys that are lists or mappings ('? ' or '[...]:') are not allowed in agenda files; keys are plain words such as 'title'"
        )
        #expect(time < Self.hangGuard)
    }

    @Test func strayQuestionMarksInASmallFileAreFine() throws {
        let yaml =
            "title: T\nitems:\n  - title: A\n    minutes: 5\n    prompts:\n"
            + String(repeating: "      - Why ?\n", count: 20)
        #expect(try AgendaLoader.parse(yaml, source: "agenda.yaml").items[0].prompts.count == 20)
    }

    @Test(arguments: [17, 990, 5_000])
    func deepNestingFailsFast(levels: Int) throws {
        let yaml = "title: " + String(repeating: "[", count: levels) + String(repeating: "]", count: levels) + "\n"
        var error: AgendaError?
        let time = try elapsed { error = try agendaParseError(yaml) }
        #expect(error?.kind == .limitExceeded)
        #expect(error?.line == 1)
        #expect(error?.message == "lists and mappings are nested more than 16 levels deep; an agenda needs only 4 levels")
        #expect(time < Self.hangGuard)
    }

    @Test func sixteenLevelsAreStillReadByTheSchema() throws {
        // Root mapping plus fifteen lists: within the nesting limit, so the schema speaks.
        let yaml = "title: " + String(repeating: "[", count: 15) + String(repeating: "]", count: 15) + "\n"
        #expect(try agendaParseError(yaml).description == "agenda.yaml:1:8: error: expected text for 'title', found a list")
    }

    @Test func oversizedFileIsRefusedBeforeParsing() throws {
        let yaml = "title: " + String(repeating: "x", count: AgendaLoader.Limits.fileBytes)
        let error = try agendaParseError(yaml)
        #expect(error.kind == .limitExceeded)
        #expect(error.description == "agenda.yaml: error: file is too large (1048583 bytes); an agenda file may be at most 1048576 bytes (1 MiB)")
    }

    @Test func largeFileWithinTheLimitIsQuick() throws {
        let yaml = "title: T\nitems: [" + Array(repeating: "a", count: 400_000).joined(separator: ",") + "]\n"
        var error: AgendaError?
        let time = try elapsed { error = try agendaParseError(yaml) }
        #expect(error?.description == "agenda.yaml:2:9: error: expected an agenda item (a mapping with 'title' and 'minutes'), found 'a'")
        #expect(time < Self.hangGuard)
    }

    @Test func overlongTextIsRefused() throws {
        let title = "title: " + String(repeating: "x", count: 501) + "\n" + agendaOneItem
        #expect(try agendaParseError(title).description == "agenda.yaml:1:8: error: 'title' is too long (501 characters; the limit is 500)")

        let profile = "title: T\nhost:\n  name: H\n  profile: " + String(repeating: "y", count: 10_001) + "\n" + agendaOneItem
        #expect(try agendaParseError(profile).description == "agenda.yaml:4:12: error: 'profile' is too long (10001 characters; the limit is 10000)")

        // A single character built from thousands of combining marks still counts as thousands.
        let marks = "title: e" + String(repeating: "\u{301}", count: 600) + "\n" + agendaOneItem
        #expect(try agendaParseError(marks).message == "'title' is too long (601 characters; the limit is 500)")
    }

    @Test func tooManyItemsAndPromptsAreRefused() throws {
        let items = "title: T\nitems:\n" + String(repeating: "  - {title: A, minutes: 1}\n", count: 101)
        #expect(try agendaParseError(items).description == "agenda.yaml:103:5: error: too many agenda items; the limit is 100")

        let prompts =
            "title: T\nitems:\n  - title: A\n    minutes: 5\n    prompts:\n"
            + String(repeating: "      - Why?\n", count: 21)
        #expect(try agendaParseError(prompts).description == "agenda.yaml:26:9: error: too many prompts in agenda item; the limit is 20")
    }

    @Test func invalidUTF8InDataIsPositioned() throws {
        var bytes = Array("title: T\nvenue: Caf".utf8)
        bytes.append(0xE9)
        let error = #expect(throws: AgendaError.self) {
            try AgendaLoader.parse(Data(bytes), source: "agenda.yaml")
        }
        #expect(error?.description == "agenda.yaml:2:11: error: file is not valid UTF-8 (byte 0xE9); save it as UTF-8")
    }

    @Test func utf16IsRecognised() throws {
        let data = try #require("title: T\n".data(using: .utf16))
        let error = #expect(throws: AgendaError.self) {
            try AgendaLoader.parse(data, source: "agenda.yaml")
        }
        #expect(error?.description == "agenda.yaml:1:1: error: file is UTF-16 text; save it as UTF-8")
    }
}
