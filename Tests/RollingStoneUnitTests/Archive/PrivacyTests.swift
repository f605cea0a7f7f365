import Foundation
import RollingStoneTestSupport
import Testing

@testable import RollingStoneArchive
@testable import RollingStoneCore
@testable import RollingStoneREPL
@testable import RollingStoneReport

/// `private @NAME` keeps a participant out of every write-up by name: the
/// report, the digest and the who's who say "a participant from Belgium" and
/// leave out their network, role and contact; undo brings them back.
@Suite struct PrivacyTests {
    static let secrets = ["Wout Claes", "Gent Samen", "wout@example.org", "bruggenbouwer"]

    static func meeting(private: Bool) throws -> MeetingBuilder {
        let agenda = Agenda(
            title: "Bijeenkomst", series: "RollingStone", number: 2, date: "2012-09-26", language: .nl,
            items: [AgendaItem(title: "Trekkracht", minutes: 30, theme: true)])
        var builder = try MeetingBuilder(agenda: agenda)
        let wout = try builder.join("Wout Claes", "BE", network: "Gent Samen", role: "bruggenbouwer", contact: "wout@example.org")
        _ = try builder.join("Femke Visser", "NL", network: "GoudaBruist")
        _ = try builder.lesson("Zoek de mensen")
        _ = try builder.capture(.tip, "Zie de gemeente als medefinancier", by: wout)
        _ = try builder.capture(.quote, "Een ambtenaar is ook een buurman", by: wout)
        _ = try builder.capture(.action, "Contact leggen met Delft", by: wout)
        try builder.record(.queued(SpeakerRequest(participant: 1)))
        try builder.record(.turnStarted(participant: 1))
        if `private` { try builder.record(.madePrivate(participant: wout.id)) }
        try builder.end()
        return builder
    }

    @Test func noWriteUpNamesAPrivateParticipant() throws {
        let state = try Self.meeting(private: true).state
        let options = ReportOptions(language: .nl, withContacts: true)
        let outputs = [
            ReportRenderer.render(state, options: options), ReportRenderer.render(state, as: .html, options: options),
            try DigestRenderer.render([ArchivedMeeting(url: URL(fileURLWithPath: "/a/x.jsonl"), state: state)], as: .markdown, options: .init(language: .nl)),
            PeopleRenderer.render([ArchivedMeeting(url: URL(fileURLWithPath: "/a/x.jsonl"), state: state)], query: nil, as: .markdown, language: .nl),
        ]
        for output in outputs {
            for secret in Self.secrets {
                #expect(!output.contains(secret), "'\(secret)' in \(output.prefix(200))")
            }
            #expect(output.localizedCaseInsensitiveContains("een deelnemer uit België"))
        }
        // The others are named as before (the digest names only who gave tips).
        #expect([outputs[0], outputs[1], outputs[3]].allSatisfy { $0.contains("Femke Visser") })
        #expect(outputs[0].contains("- Zie de gemeente als medefinancier — een deelnemer uit België"))
        // Not found by name in the who's who either.
        let search = PeopleRenderer.render(
            [ArchivedMeeting(url: URL(fileURLWithPath: "/a/x.jsonl"), state: state)], query: "wout", as: .markdown, language: .en)
        #expect(search.contains("Nobody is called ‘wout’."))
        #expect(ReportRenderer.render(state, options: ReportOptions(language: .fr)).contains("une personne venue de Belgique"))
    }

    @Test func undoBringsTheNameBack() throws {
        var builder = try Self.meeting(private: false)
        let before = ReportRenderer.render(builder.state, options: ReportOptions(language: .nl))
        #expect(before.contains("Wout Claes"))
        try builder.record(.madePrivate(participant: 1))
        #expect(builder.state.nextUndo == .makePrivate(name: "Wout Claes"))
        #expect(throws: MeetingStateError.self) { try builder.record(.madePrivate(participant: 1)) }
        try builder.undo()
        #expect(ReportRenderer.render(builder.state, options: ReportOptions(language: .nl)) == before)
    }

    @Test func theCommandOnlyInItsOwnForm() throws {
        #expect(try CommandParser.parse("private @wout") == .makePrivate(text: "@wout"))
        #expect(try CommandParser.parse("privé @wout", in: .nl) == .makePrivate(text: "@wout"))
        #expect(try CommandParser.parse("prive @wout", in: .nl) == .makePrivate(text: "@wout"))
        #expect(try CommandParser.parse("private matters first") == .plainNote(text: "private matters first"))
        #expect(try CommandParser.parse("privé @wout", in: .en) == .plainNote(text: "privé @wout"))
    }
}
