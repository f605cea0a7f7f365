import RollingStoneTestSupport
import Testing

@testable import RollingStoneCore
@testable import RollingStoneREPL

@Suite struct MentionResolverTests {
    let resolver = MentionResolver(participants: [
        Participant(id: 1, name: "Stef Steyaert", country: "BE"),
        Participant(id: 2, name: "Hannah Schröder", country: "DE"),
        Participant(id: 3, name: "Jan Jansen", country: "NL"),
        Participant(id: 4, name: "Jan Janssen", country: "NL"),
        Participant(id: 5, name: "Çağla Yılmaz", country: "TR"),
        Participant(id: 6, name: "Jan", country: "NL"),
    ])

    @Test func firstNamePrefixIgnoringCaseAndAccents() throws {
        let (person, text) = try resolver.resolve("@stef Benader de overheid")
        #expect(person?.id == 1)
        #expect(text == "Benader de overheid")
        #expect(try resolver.resolve("@cagla: Zo doen wij het").participant?.id == 5)
        #expect(try resolver.resolve("@cagla: Zo doen wij het").text == "Zo doen wij het")
    }

    @Test func longestFullNameWins() throws {
        #expect(try resolver.resolve("@Hannah Schröder zegt iets").participant?.id == 2)
        #expect(try resolver.resolve("@hannah schroder zegt iets").text == "zegt iets")
        #expect(try resolver.resolve("@Jan Janssen over geld").participant?.id == 4)
        #expect(try resolver.resolve("@jan jansen over geld").participant?.id == 3)
        // "Jan" alone is a full first name of one participant only.
        #expect(try resolver.resolve("@Jan over geld").participant?.id == 6)
    }

    @Test func unknownAndAmbiguousNamesListCandidates() {
        #expect(throws: MentionError.ambiguous("ja", candidates: ["Jan Jansen", "Jan Janssen", "Jan"])) {
            try resolver.resolve("@ja iets")
        }
        #expect(throws: MentionError.self) { try resolver.resolve("@Piet iets") }
        do {
            _ = try resolver.resolve("@Hanah iets")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("Hannah Schröder"))
            #expect(error.description.contains("Nothing was captured"))
        }
    }

    @Test func textWithoutMentionIsUntouched() throws {
        let (person, text) = try resolver.resolve("Geen naam hier")
        #expect(person == nil)
        #expect(text == "Geen naam hier")
    }
}
