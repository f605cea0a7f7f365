import Foundation
import RollingStoneTestSupport
import Testing

@testable import RollingStoneCore
@testable import RollingStoneJournal
@testable import RollingStoneMeeting

/// What phones send, and what the facilitator makes of it: the meeting's
/// `submit`, `accept` and `reject`, their numbers and statuses, and what the
/// session file keeps of them.
@Suite struct MeetingSubmissionTests {
    /// A meeting on item 2 (a theme) with a lesson open and Stef joined.
    private static func meetingUnderALesson() throws -> (TestMeeting, Participant, Lesson) {
        let test = try TestMeeting()
        let stef = try test.meeting.join(name: "Stef Steyaert", country: "BE")
        _ = try test.meeting.go(to: .item(1))
        let lesson = try test.meeting.openLesson(title: "Zoek de mensen")
        return (test, stef, lesson)
    }

    @Test func submissionsAreNumberedFromOneAndWaitInTheInbox() throws {
        let test = try TestMeeting()
        let entriesBefore = test.state.entries.count
        var numbers: [Int] = []
        for (index, kind) in SubmissionKind.allCases.enumerated() {
            let (submission, status) = try test.meeting.submit(kind, text: "tekst \(index)", name: "Anna")
            #expect(status == .pending)
            #expect(submission.kind == kind && submission.text == "tekst \(index)" && submission.name == "Anna")
            numbers.append(submission.number)
        }
        #expect(numbers == [1, 2, 3])
        let state = test.state
        #expect(state.pendingSubmissions.map(\.number) == [1, 2, 3])
        #expect((1...3).map { state.submissionStatus($0) } == [.pending, .pending, .pending])
        #expect(state.submissionStatus(4) == nil)
        // Waiting is not recording: nothing was captured.
        #expect(state.entries.count == entriesBefore)
    }

    @Test func submittedTextAndNameAreCleanedAndChecked() throws {
        let test = try TestMeeting()
        let sequence = test.state.lastSequence
        func refusal(_ text: String, _ name: String) -> MeetingError? {
            do throws(MeetingError) {
                _ = try test.meeting.submit(.tip, text: text, name: name)
                return nil
            } catch {
                return error
            }
        }
        #expect(refusal("   ", "Anna") == .emptyText(.submissionText))
        #expect(refusal("Een tip", " \t ") == .emptyText(.submitterName))
        #expect(refusal(String(repeating: "x", count: 2_001), "Anna") == .textTooLong(.submissionText, length: 2_001, limit: 2_000))
        #expect(refusal("Een tip", String(repeating: "n", count: 201)) == .textTooLong(.submitterName, length: 201, limit: 200))
        // Characters, not bytes: 2,000 of a two-byte letter still fit.
        #expect(refusal(String(repeating: "é", count: 2_000), "Anna") == nil)
        #expect(refusal(String(repeating: "x", count: 2_000), "Anna") == nil)
        let state = test.state
        #expect(state.lastSequence == sequence + 2, "a refused submission must record nothing")
        #expect(state.submissions.map(\.number) == [1, 2])
        let (cleaned, _) = try test.meeting.submit(.idea, text: "  Een idee  ", name: "  Bram  ")
        #expect(cleaned.text == "Een idee" && cleaned.name == "Bram")
    }

    @Test func acceptCapturesUnderTheCurrentItemAndLessonAttributedByName() throws {
        let (test, stef, lesson) = try Self.meetingUnderALesson()
        _ = try test.meeting.submit(.question, text: "Wie betaalt de zaal?", name: "stef")
        _ = try test.meeting.submit(.tip, text: "Bel de wethouder", name: "Onbekende Bezoeker")
        let first = try test.meeting.accept(submission: 1, by: nil)
        #expect(first.kind == .question && first.text == "Wie betaalt de zaal?")
        #expect(first.participant == stef.id, "the name the phone gave matches Stef by first name")
        #expect(first.item == 1 && first.lesson == lesson.id)
        let second = try test.meeting.accept(submission: 2, by: nil)
        #expect(second.participant == nil, "a name that is nobody's attributes the entry to no one")
        #expect(second.number == first.number + 1)
        let state = test.state
        #expect(state.submissionStatus(1) == .accepted(entry: first.number))
        #expect(state.submissionStatus(2) == .accepted(entry: second.number))
        #expect(state.submissionOfEntry[first.number] == 1 && state.submissionOfEntry[second.number] == 2)
        #expect(state.pendingSubmissions.isEmpty)
        #expect(state.entry(first.number) == first)
    }

    @Test func acceptByAParticipantOverridesTheNameGiven() throws {
        let (test, stef, _) = try Self.meetingUnderALesson()
        let hannah = try test.meeting.join(name: "Hannah Schröder", country: "DE")
        _ = try test.meeting.submit(.idea, text: "Een fonds", name: "Stef")
        let entry = try test.meeting.accept(submission: 1, by: hannah.id)
        #expect(entry.participant == hannah.id && entry.participant != stef.id)
        _ = try test.meeting.submit(.idea, text: "Nog een", name: "Stef")
        #expect(throws: MeetingError.noSuchParticipant(99)) { try test.meeting.accept(submission: 2, by: 99) }
        #expect(test.state.submissionStatus(2) == .pending)
    }

    @Test func aDirectRoomAcceptsAtOnceAndAttributesByName() throws {
        let (test, stef, lesson) = try Self.meetingUnderALesson()
        #expect(!test.meeting.acceptsSubmissionsDirectly, "a room starts moderated")
        test.meeting.acceptsSubmissionsDirectly = true
        let (submission, status) = try test.meeting.submit(.tip, text: "Zie de gemeente als medefinancier", name: "Stef Steyaert")
        guard case .accepted(let number) = status else {
            Issue.record("a direct room returned \(status)")
            return
        }
        let state = test.state
        let entry = try #require(state.entry(number))
        #expect(entry.text == submission.text && entry.kind == .tip)
        #expect(entry.participant == stef.id && entry.item == 1 && entry.lesson == lesson.id)
        #expect(state.submissionStatus(submission.number) == .accepted(entry: number))
        #expect(state.pendingSubmissions.isEmpty)
        test.meeting.acceptsSubmissionsDirectly = false
        let (_, later) = try test.meeting.submit(.tip, text: "Weer gemodereerd", name: "Stef")
        #expect(later == .pending)
    }

    @Test func aDecidedSubmissionCannotBeDecidedAgain() throws {
        let (test, _, _) = try Self.meetingUnderALesson()
        _ = try test.meeting.submit(.tip, text: "Eén", name: "Anna")
        _ = try test.meeting.submit(.tip, text: "Twee", name: "Anna")
        let entry = try test.meeting.accept(submission: 1, by: nil)
        _ = try test.meeting.reject(submission: 2)
        let sequence = test.state.lastSequence

        #expect(throws: MeetingError.submissionDecided(1, .accepted(entry: entry.number))) {
            try test.meeting.accept(submission: 1, by: nil)
        }
        #expect(throws: MeetingError.submissionDecided(1, .accepted(entry: entry.number))) {
            try test.meeting.reject(submission: 1)
        }
        #expect(throws: MeetingError.submissionDecided(2, .rejected)) { try test.meeting.accept(submission: 2, by: nil) }
        #expect(throws: MeetingError.submissionDecided(2, .rejected)) { try test.meeting.reject(submission: 2) }
        #expect(throws: MeetingError.noSuchSubmission(3, last: 2)) { try test.meeting.accept(submission: 3, by: nil) }
        #expect(throws: MeetingError.noSuchSubmission(0, last: 2)) { try test.meeting.reject(submission: 0) }
        #expect(test.state.lastSequence == sequence, "a refused decision records nothing")
        #expect(test.state.entries.filter { $0.text == "Eén" }.count == 1)
    }

    @Test func undoOfAnAcceptOrARejectMakesItPendingAgain() throws {
        let (test, _, _) = try Self.meetingUnderALesson()
        _ = try test.meeting.submit(.tip, text: "Eén", name: "Anna")
        _ = try test.meeting.submit(.idea, text: "Twee", name: "Bram")
        let entry = try test.meeting.accept(submission: 1, by: nil)
        #expect(try test.meeting.undo() == .accept(submission: 1, entry: entry.number))
        var state = test.state
        #expect(state.submissionStatus(1) == .pending)
        #expect(state.entry(entry.number) == nil, "the entry the acceptance made is gone")
        #expect(state.submissionOfEntry[entry.number] == nil)

        _ = try test.meeting.reject(submission: 2)
        #expect(try test.meeting.undo() == .reject(submission: 2))
        state = test.state
        #expect(state.pendingSubmissions.map(\.number) == [1, 2])

        // Pending again means it can be decided again.
        let again = try test.meeting.accept(submission: 1, by: nil)
        #expect(again.text == "Eén")
        #expect(test.state.submissionStatus(1) == .accepted(entry: again.number))
        #expect(try test.meeting.reject(submission: 2).text == "Twee")
    }

    @Test func theSessionFileReplaysToTheSameInboxAndEntries() throws {
        let (test, _, _) = try Self.meetingUnderALesson()
        for index in 1...6 { _ = try test.meeting.submit(.tip, text: "tip \(index)", name: index.isMultiple(of: 2) ? "Stef" : "Gast \(index)") }
        _ = try test.meeting.accept(submission: 2, by: nil)
        _ = try test.meeting.reject(submission: 3)
        _ = try test.meeting.accept(submission: 4, by: nil)
        _ = try test.meeting.undo()
        test.meeting.acceptsSubmissionsDirectly = true
        _ = try test.meeting.submit(.question, text: "Direct", name: "Stef")

        let live = test.state
        let replayed = try test.replayed()
        #expect(replayed.submissions == live.submissions)
        #expect(replayed.submissionStatuses == live.submissionStatuses)
        #expect(replayed.submissionOfEntry == live.submissionOfEntry)
        #expect(replayed.pendingSubmissions == live.pendingSubmissions)
        #expect(replayed.entries == live.entries)
        #expect(replayed.lastSequence == live.lastSequence)
        #expect(replayed.nextUndo == live.nextUndo)
        #expect(live.pendingSubmissions.map(\.number) == [1, 4, 5, 6])
    }

    /// Every operation is fsynced before it returns, so the file's bytes at
    /// any moment are what a SIGKILL at that moment leaves: open a copy of
    /// them while the meeting still holds the original, as a resume would.
    @Test func aKilledAndReopenedJournalKeepsTheInbox() throws {
        let (test, _, _) = try Self.meetingUnderALesson()
        for index in 1...5 { _ = try test.meeting.submit(.idea, text: "idee \(index)", name: "Gast") }
        _ = try test.meeting.accept(submission: 1, by: nil)
        _ = try test.meeting.reject(submission: 2)
        let pending = test.state.pendingSubmissions
        #expect(pending.map(\.number) == [3, 4, 5])

        let killed = test.folder.file("killed.jsonl")
        try FileManager.default.copyItem(at: test.url, to: killed)
        let reopened = Meeting(journal: try SessionJournal.open(at: killed))
        defer { reopened.close() }
        #expect(reopened.state.pendingSubmissions == pending)
        #expect(reopened.state.submissionStatus(1) == test.state.submissionStatus(1))
        #expect(reopened.state.submissionStatus(2) == .rejected)
        // Resumed, the room is moderated again and numbering goes on.
        #expect(!reopened.acceptsSubmissionsDirectly)
        let (next, status) = try reopened.submit(.tip, text: "na de crash", name: "Gast")
        #expect(next.number == 6 && status == .pending)
        let entry = try reopened.accept(submission: 3, by: nil)
        #expect(entry.text == "idee 3")
        #expect(try SessionFile.read(at: killed).state.pendingSubmissions.map(\.number) == [4, 5, 6])
    }
}
