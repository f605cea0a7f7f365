import Foundation
import RollingStoneTestSupport
import Testing

@testable import RollingStoneCore
@testable import RollingStoneJournal
@testable import RollingStoneMeeting
@testable import RollingStoneREPL

/// The facilitator's side of the room: `inbox`, `accept N [@NAME]`,
/// `reject N`, `room direct|moderated`, their replies, and what the REPL
/// says above the prompt when a phone sends something.
@Suite struct RoomCommandTests {
    /// Stef and Hannah joined, on item 2 under a lesson, two submissions waiting.
    private static func meetingWithAnInbox() throws -> TestMeeting {
        let test = try TestMeeting()
        let replies = test.run(
            "join Stef Steyaert, België", "join Hannah Schröder, DE", "next", "lesson Verkoop je ziel niet")
        #expect(replies.allSatisfy { !$0.isError }, "\(replies.map(\.text))")
        _ = try test.meeting.submit(.tip, text: "Vraag cofinanciering, geen subsidie", name: "Hannah")
        _ = try test.meeting.submit(.question, text: "Wie houdt de sleutel van het buurthuis?", name: "Een bezoeker")
        return test
    }

    @Test func inboxListsWhatWaits() throws {
        let empty = try TestMeeting()
        #expect(empty.run("inbox")[0] == Reply.ok("The inbox is empty."))

        let test = try Self.meetingWithAnInbox()
        let reply = test.run("inbox")[0]
        #expect(!reply.isError)
        #expect(
            reply.text == """
                2 submissions waiting ('accept N [@NAME]' or 'reject N'):
                  1 tip from Hannah: "Vraag cofinanciering, geen subsidie"
                  2 question from Een bezoeker: "Wie houdt de sleutel van het buurthuis?"
                """)
        test.run("reject 1")
        #expect(test.run("inbox")[0].text.hasPrefix("1 submission waiting ("))
    }

    @Test func acceptWithAMentionAttributesToThatParticipant() throws {
        let test = try Self.meetingWithAnInbox()
        let reply = test.run("accept 2 @stef")[0]
        #expect(reply == Reply.ok("Submission 2 accepted as #1 question by Stef Steyaert, under \"Verkoop je ziel niet\""))
        let entry = try #require(try test.replayed().entry(1))
        #expect(entry.kind == .question && entry.text == "Wie houdt de sleutel van het buurthuis?")
        #expect(entry.participant == test.state.participants.first { $0.name == "Stef Steyaert" }?.id)
        #expect(test.state.submissionStatus(2) == .accepted(entry: 1))
    }

    @Test func acceptWithoutAMentionUsesTheNameThePhoneGave() throws {
        let test = try Self.meetingWithAnInbox()
        #expect(test.run("accept 1")[0] == Reply.ok("Submission 1 accepted as #1 tip by Hannah Schröder, under \"Verkoop je ziel niet\""))
        // Nobody is called "Een bezoeker": no "by".
        #expect(
            test.run("accept #2")[0]
                == Reply.ok(
                    "Submission 2 accepted as #2 question, under \"Verkoop je ziel niet\". \"Een bezoeker\" has not joined, so it is attributed to no one; to name them: undo, join, accept 2 @NAME"
                ))
    }

    @Test func rejectSaysWhatWasTurnedDownAndUndoBringsItBack() throws {
        let test = try Self.meetingWithAnInbox()
        let replies = test.run("reject 1", "undo", "inbox")
        #expect(replies[0] == Reply.ok("Submission 1 rejected: \"Vraag cofinanciering, geen subsidie\" ('undo' brings it back)"))
        #expect(replies[1] == Reply.ok("Undone: rejection of submission 1."))
        #expect(replies[2].text.hasPrefix("2 submissions waiting"))
        let accepted = test.run("accept 1", "undo")
        #expect(accepted[1] == Reply.ok("Undone: acceptance of submission 1 (#1)."))
        #expect(try test.replayed().pendingSubmissions.map(\.number) == [1, 2])
    }

    @Test func decidingTwiceOrAnUnknownNumberIsAnError() throws {
        let test = try Self.meetingWithAnInbox()
        let replies = test.run(
            "accept 1", "accept 1", "reject 1", "reject 2", "reject 2", "accept 7", "accept", "accept x", "reject 2 extra", "accept 2 stef", "accept 2 @niemand"
        )
        #expect(!replies[0].isError)
        #expect(replies[1] == Reply.error("Submission 1 is accepted as #1 already."))
        #expect(replies[2] == Reply.error("Submission 1 is accepted as #1 already."))
        #expect(!replies[3].isError)
        #expect(replies[4] == Reply.error("Submission 2 is rejected already."))
        #expect(replies[5] == Reply.error("There is no submission 7; 'inbox' shows the ones waiting (1 to 2 were sent)."))
        let refused = replies[6...].allSatisfy { $0.isError }
        #expect(refused, "\(replies[6...].map(\.text))")
        #expect(replies[6].text.contains("'inbox'"))
        let none = try TestMeeting()
        #expect(none.run("accept 1")[0] == Reply.error("There is no submission 1: no phone has sent anything yet."))
    }

    @Test func roomDirectAndModeratedSwitchThePolicy() throws {
        let test = try Self.meetingWithAnInbox()
        let moderated = "Room moderated: what phones send waits in the inbox for 'accept N' or 'reject N'."
        let direct = "Room direct: what phones send is captured at once, under the current item and lesson."
        #expect(test.run("room")[0] == Reply.ok(moderated))
        #expect(test.run("room direct")[0] == Reply.ok(direct))
        #expect(test.meeting.acceptsSubmissionsDirectly)
        #expect(test.run("room")[0] == Reply.ok(direct))
        let (submission, status) = try test.meeting.submit(.tip, text: "Meteen vastgelegd", name: "Stef")
        #expect(status == .accepted(entry: 1))
        #expect(test.state.entry(1)?.text == submission.text)
        #expect(test.run("room moderated")[0] == Reply.ok(moderated))
        #expect(!test.meeting.acceptsSubmissionsDirectly)
        #expect(test.run("room sometimes")[0].isError)
        #expect(!test.meeting.acceptsSubmissionsDirectly)
    }

    @Test func theAnnouncementSaysWhatCameAndWhatToType() {
        let submission = Submission(number: 3, kind: .idea, text: "Een gemeenschapsfonds voor netwerken", name: "Hannah")
        #expect(
            RoomAnnouncement.text(for: submission, direct: false, in: .en)
                == "Phone: idea from Hannah — \"Een gemeenschapsfonds voor netwerken\"  (accept 3 / reject 3)")
        #expect(
            RoomAnnouncement.text(for: submission, direct: true, in: .en)
                == "Phone: idea from Hannah — \"Een gemeenschapsfonds voor netwerken\"  (room direct: captured at once; 'undo' takes it back)")
        // A long text is shortened to one line.
        let long = Submission(number: 1, kind: .tip, text: String(repeating: "lang ", count: 100), name: "Bram")
        let text = RoomAnnouncement.text(for: long, direct: false, in: .en)
        #expect(text.count < 150 && text.hasSuffix("(accept 1 / reject 1)") && !text.contains("\n"))
    }

    /// The loop announces a submission from another thread while it waits
    /// for a line, as the room's request handlers send them.
    @Test func theMeetingLoopAnnouncesSubmissions() throws {
        let test = try Self.meetingWithAnInbox()
        let editor = ScriptedEditor(meeting: test.meeting)
        var output: [String] = []
        MeetingLoop.run(test.interpreter, editor: editor, output: { output.append($0) })
        let announced = editor.announced
        #expect(announced.count == 2, "\(announced)")
        #expect(announced.first == "Phone: tip from Bram — \"Van de telefoon\"  (accept 3 / reject 3)")
        #expect(announced.last == "Phone: tip from Bram — \"Direct erin\"  (room direct: captured at once; 'undo' takes it back)")
        #expect(output.contains("Room direct: what phones send is captured at once, under the current item and lesson."))
    }
}

/// A line editor whose "phone" sends a submission before the first and the
/// third line, and records what the loop announces.
private final class ScriptedEditor: LineEditor, @unchecked Sendable {
    let isInteractive = false
    let meeting: Meeting
    private var lines = ["inbox", "room direct", "inbox"]
    private var read = 0
    private let lock = NSLock()
    private var messages: [String] = []

    init(meeting: Meeting) { self.meeting = meeting }

    var announced: [String] { lock.withLock { messages } }

    func readLine(prompt: String) -> String? {
        defer { read += 1 }
        if read == 0 { _ = try? meeting.submit(.tip, text: "Van de telefoon", name: "Bram") }
        if read == 2 { _ = try? meeting.submit(.tip, text: "Direct erin", name: "Bram") }
        return lines.isEmpty ? nil : lines.removeFirst()
    }

    func addToHistory(_ line: String) {}

    func announce(_ message: String) { lock.withLock { messages.append(message) } }
}
