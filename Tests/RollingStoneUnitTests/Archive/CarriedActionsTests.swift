import Foundation
import Testing

@testable import RollingStoneArchive
@testable import RollingStoneCore
@testable import RollingStoneMeeting
@testable import RollingStoneREPL

/// Actions of one meeting reach the next: labelled by meeting and number,
/// open until a later meeting records them done, undone like any change.
@Suite struct CarriedActionsTests {
    static func meeting(_ number: Int?, series: String = "RollingStone", _ fill: (inout MeetingBuilder) throws -> Void) throws -> ArchivedMeeting {
        let agenda = Agenda(
            title: "Bijeenkomst", series: series, number: number, date: "2012-0\(number ?? 9)-01", language: .nl,
            items: [AgendaItem(title: "Welkom", minutes: 10)])
        var builder = try MeetingBuilder(agenda: agenda)
        try fill(&builder)
        return ArchivedMeeting(url: URL(fileURLWithPath: "/a/rs\(number ?? 0)-\(series).jsonl"), state: builder.state)
    }

    static func first() throws -> ArchivedMeeting {
        try meeting(1) { builder in
            let marije = try builder.join("Marije Vos", "NL")
            _ = try builder.capture(.action, "Verslag rondsturen", by: marije)
            _ = try builder.capture(.tip, "Geen actie")
            _ = try builder.capture(.action, "Smoelenboek maken")
        }
    }

    @Test func actionsAreLabelledByMeetingAndNumber() throws {
        let all = CarriedActions.all(in: [try Self.first()])
        #expect(all.map(\.label) == ["A1.1", "A1.3"])
        #expect(all.first?.owner == "Marije Vos")
        #expect(all.first?.text == "Verslag rondsturen")
        // A meeting without a number has no labels; a repeated one (a merged copy) counts once.
        #expect(CarriedActions.all(in: [try Self.meeting(nil) { _ = try $0.capture(.action, "Iets") }]).isEmpty)
        #expect(CarriedActions.all(in: [try Self.first(), try Self.first()]).count == 2)
    }

    @Test func openUntilALaterMeetingRecordsThemDone() throws {
        let first = try Self.first()
        let action = try #require(CarriedActions.all(in: [first]).first)
        let second = try Self.meeting(2) { builder in try builder.record(.actionDone(action)) }
        let third = try Self.meeting(3) { _ in }
        #expect(CarriedActions.open(before: second.state, in: [first]).map(\.label) == ["A1.3"], "done in this meeting")
        #expect(CarriedActions.open(before: third.state, in: [first, second]).map(\.label) == ["A1.3"], "done in an earlier one")
        // Only earlier meetings of the same series count.
        #expect(CarriedActions.open(before: first.state, in: [first]).isEmpty)
        let other = try Self.meeting(2, series: "Andere reeks") { _ in }
        #expect(CarriedActions.open(before: other.state, in: [first]).isEmpty)
    }

    @Test func doneIsRecordedOnceAndUndoneLikeAnyChange() throws {
        let action = ActionReference(series: "RollingStone", meeting: 1, entry: 1, text: "Verslag rondsturen", owner: "Marije Vos")
        var builder = try MeetingBuilder(agenda: Agenda(title: "Twee", series: "RollingStone", number: 2, items: [AgendaItem(title: "Welkom", minutes: 10)]))
        try builder.record(.actionDone(action))
        #expect(builder.state.closedActions.map(\.action) == [action])
        #expect(builder.state.nextUndo == .actionDone(label: "A1.1"))
        #expect(throws: MeetingStateError.self) { try builder.record(.actionDone(action)) }
        try builder.undo()
        #expect(builder.state.closedActions.isEmpty)
    }

    @Test func doneAndActionsOnlyInTheirOwnForm() throws {
        #expect(try CommandParser.parse("done A2.6") == .done(label: "A2.6"))
        #expect(try CommandParser.parse("DONE a12.3") == .done(label: "A12.3"))
        #expect(try CommandParser.parse("actions") == .actions)
        // Lines scripts typed before these commands existed stay notes.
        #expect(try CommandParser.parse("done with the intro") == .plainNote(text: "done with the intro"))
        #expect(try CommandParser.parse("actions speak louder than words") == .plainNote(text: "actions speak louder than words"))
        #expect(try CommandParser.parse("dome for later") == .plainNote(text: "dome for later"), "no typo guess for 'done'")
        // Dutch words in a Dutch meeting only.
        #expect(try CommandParser.parse("klaar A1.3", in: .nl) == .done(label: "A1.3"))
        #expect(try CommandParser.parse("acties", in: .nl) == .actions)
        #expect(try CommandParser.parse("klaar A1.3", in: .en) == .plainNote(text: "klaar A1.3"))
        #expect(try CommandParser.parse("klaar is Kees", in: .nl) == .plainNote(text: "klaar is Kees"))
    }
}
