import Foundation
import RollingStoneTestSupport
import Testing

@testable import RollingStoneCore
@testable import RollingStoneJournal
@testable import RollingStoneMeeting
@testable import RollingStoneRoom

/// The event stream's frames as `GET /api/events` sends them: the reset a
/// new page gets first, one frame per session event in order, and what a
/// reconnect with `Last-Event-ID` gets (docs/room.md).
///
/// The two-minute limit only catches a stream that never delivers.
@Suite(.timeLimit(.minutes(2))) struct ChangeFeedTests {
    static let join = RoomView.Join(code: "K7Q2", phoneURL: nil)

    /// Stef joined, on item 2 under a lesson, with a feed started.
    private static func meetingWithAFeed() throws -> (TestMeeting, ChangeFeed) {
        let test = try TestMeeting()
        _ = try test.meeting.join(name: "Stef Steyaert", country: "BE")
        _ = try test.meeting.go(to: .item(1))
        _ = try test.meeting.openLesson(title: "Zoek de mensen")
        let feed = ChangeFeed(meeting: test.meeting, join: join)
        feed.start()
        return (test, feed)
    }

    /// An opened meeting whose file is in memory: many changes, no fsync each.
    private static func meetingInMemory() throws -> Meeting {
        let clock = TestClock()
        let journal = try SessionJournal.inMemory(
            header: SessionHeader(created: clock.now, agenda: TestMeeting.agenda), sink: MemorySink(),
            url: URL(fileURLWithPath: "/virtual/feed.jsonl"))
        let meeting = Meeting(journal: journal, clock: { clock.now })
        try meeting.open()
        return meeting
    }

    @Test func aNewPageGetsAResetThenEveryChangeInOrder() async throws {
        let (test, feed) = try Self.meetingWithAFeed()
        defer { feed.stop() }
        let meeting = test.meeting
        let start = meeting.state.lastSequence
        var live = FrameReader(feed.subscribe(after: nil))
        let reset = try await live.next()
        #expect(reset.id == start && reset.type == "reset")
        #expect(reset.object["seq"] as? Int == start)
        #expect(reset.state["seq"] as? Int == start)
        #expect((reset.state["join"] as? [String: Any])?["code"] as? String == "K7Q2")
        #expect(feed.listenerCount == 1)

        let tip = try meeting.capture(.tip, text: "Investeer in je contactpersoon", by: 1)
        _ = try meeting.submit(.question, text: "Wie betaalt de zaal?", name: "Stef")
        _ = try meeting.accept(submission: 1, by: nil)
        _ = try meeting.submit(.idea, text: "Verborgen idee", name: "Verborgen Naam")
        _ = try meeting.reject(submission: 2)
        _ = try meeting.undo()
        _ = try meeting.edit(entry: tip.number, text: "Investeer in je contactpersoon bij de gemeente")
        _ = try meeting.move(entry: tip.number, toItem: 2)
        _ = try meeting.delete(entry: tip.number)
        _ = try meeting.go(to: .next)
        _ = try meeting.openLesson(title: "Houd het vol")
        _ = try meeting.join(name: "Hannah Schröder", country: "DE")
        try meeting.end()
        let last = meeting.state.lastSequence
        #expect(last == start + 13)

        var frames: [FeedFrame] = []
        for _ in 0..<13 { frames.append(try await live.next()) }
        #expect(frames.map(\.id) == Array((start + 1)...last), "one frame per event, in order, none twice")
        #expect(frames.allSatisfy { $0.event == "change" && $0.object["seq"] as? Int == $0.id && $0.status["seq"] as? Int == $0.id })
        // Only a change that may redraw everything brings the whole state: the goto (other entries) and the undo.
        #expect(frames.filter { $0.object["state"] != nil }.map(\.type) == ["undo", "goto"])
        #expect(frames[5].state["seq"] as? Int == frames[5].id && frames[9].state["entries"] is [Any])
        #expect(
            frames.map(\.type) == [
                "capture", "submission", "submission", "submission", "submission", "undo", "edit", "move", "delete", "goto", "lesson", "join", "end",
            ])
        let statuses = frames[1...4].map { ($0.change["submission"] as? [String: Any])?["status"] as? String }
        #expect(statuses == ["pending", "accepted", "pending", "rejected"])
        #expect(frames[1].change["entry"] == nil)
        let accepted = frames[2].change["entry"] as? [String: Any]
        #expect(accepted?["text"] as? String == "Wie betaalt de zaal?" && accepted?["fromRoom"] as? Bool == true)
        #expect(frames[2].status["pending"] as? Int == 0 && frames[3].status["pending"] as? Int == 1)
        // The undo of the rejection says which submission waits again.
        let undone = frames[5].change["submission"] as? [String: Any]
        #expect(undone?["number"] as? Int == 2 && undone?["status"] as? String == "pending" && undone?["kind"] as? String == "idea")
        #expect((frames[0].change["entry"] as? [String: Any])?["number"] as? Int == tip.number)
        #expect(frames[9].change["item"] as? Int == 3, "1-based, as the pages show it")
        #expect((frames[10].change["lesson"] as? [String: Any])?["title"] as? String == "Houd het vol")
        #expect((frames[11].change["participant"] as? [String: Any])?["countryName"] as? String == "Duitsland")
        #expect((frames[12].status["meeting"] as? [String: Any])?["ended"] as? Bool == true)
        #expect((frames[7].change["entry"] as? [String: Any])?["item"] as? Int == 3, "a moved entry says where it went, 1-based")
        // What a phone sent is the facilitator's until it is accepted: no page sees it.
        #expect(frames.allSatisfy { !$0.raw.contains("Verborgen") }, "a pending or rejected submission's text or name reached the pages")
    }

    /// A change's frame carries the change, not the item's other entries: it
    /// stays one small write however long the item has run.
    @Test func aCapturesFrameCarriesOnlyThatEntry() async throws {
        let (test, feed) = try Self.meetingWithAFeed()
        defer { feed.stop() }
        var live = FrameReader(feed.subscribe(after: nil))
        _ = try await live.next()
        for index in 1...60 { _ = try test.meeting.capture(.note, text: "eerdere notitie \(index)", by: 1) }
        _ = try test.meeting.capture(.tip, text: "de laatste tip", by: 1)
        var last = try await live.next()
        while last.type != "capture" || (last.change["entry"] as? [String: Any])?["text"] as? String != "de laatste tip" {
            last = try await live.next()
        }
        #expect(!last.raw.contains("eerdere notitie"), "another entry's text came with the frame")
        #expect(last.object["state"] == nil && last.status["pending"] as? Int == 0)
        #expect((last.change["entry"] as? [String: Any]).flatMap { $0["participant"] as? [String: Any] }?["name"] as? String == "Stef Steyaert")
        var fresh = FrameReader(feed.subscribe(after: nil))
        let reset = try await fresh.next()
        #expect((reset.state["entries"] as? [Any])?.count == 61, "a reset still brings every entry of the item")
    }

    /// A new page's reset is the meeting as it is, which may be ahead of the
    /// frames the feed has sent: the frames it already covers do not follow it.
    @Test func aResetIsNotFollowedByChangesItAlreadyHolds() async throws {
        let (test, feed) = try Self.meetingWithAFeed()
        defer { feed.stop() }
        let entry = try test.meeting.capture(.note, text: "v0", by: nil)
        for index in 1...300 { _ = try test.meeting.edit(entry: entry.number, text: "v\(index)") }
        var page = FrameReader(feed.subscribe(after: nil))
        let reset = try await page.next()
        let covered = try #require(reset.id)
        #expect(reset.type == "reset" && covered == test.meeting.state.lastSequence)
        _ = try test.meeting.capture(.tip, text: "daarna", by: nil)
        let next = try await page.next()
        #expect(next.id == covered + 1 && next.type == "capture", "after the reset at \(covered) came \(String(describing: next.id))")
    }

    /// Changes that come close together reach a page together: fewer writes
    /// than frames, every frame still whole, in order, once.
    @Test func changesInABurstGoOutTogether() async throws {
        // In memory, without an fsync each: the 200 come well within the feed's delay of each other.
        let meeting = try Self.meetingInMemory()
        let feed = ChangeFeed(meeting: meeting, join: Self.join)
        feed.start()
        defer { feed.stop() }
        var page = FrameReader(feed.subscribe(after: nil))
        let start = try #require(try await page.next().id)
        for index in 1...200 { _ = try meeting.capture(.note, text: "snel \(index)", by: nil) }
        var ids: [Int?] = []
        for _ in 1...200 { ids.append(try await page.next().id) }
        #expect(ids == Array((start + 1)...(start + 200)))
        #expect(page.writes < 201, "\(page.writes) writes for the reset and 200 frames")
    }

    @Test func aReconnectGetsExactlyTheLaterChanges() async throws {
        let (test, feed) = try Self.meetingWithAFeed()
        defer { feed.stop() }
        let meeting = test.meeting
        var live = FrameReader(feed.subscribe(after: nil))
        _ = try await live.next()
        for index in 1...5 { _ = try meeting.capture(.note, text: "notitie \(index)", by: nil) }
        let latest = meeting.state.lastSequence
        // Once the live page has the latest frame, the feed holds it too.
        while try await live.next().id != latest {}

        var again = FrameReader(feed.subscribe(after: latest - 3))
        var replayed: [Int?] = []
        for _ in 0..<3 { replayed.append(try await again.next().id) }
        #expect(replayed == [latest - 2, latest - 1, latest])
        let next = try meeting.capture(.tip, text: "na het herverbinden", by: nil)
        let fresh = try await again.next()
        #expect(fresh.id == latest + 1 && fresh.type == "capture")
        #expect((fresh.change["entry"] as? [String: Any])?["number"] as? Int == next.number)
        #expect(try await live.next().id == latest + 1)

        // Up to date: the next frame is the next change, not a replay or a reset.
        var current = FrameReader(feed.subscribe(after: latest + 1))
        _ = try meeting.capture(.tip, text: "nog een", by: nil)
        #expect(try await current.next().id == latest + 2)
        _ = try meeting.capture(.tip, text: "en nog een", by: nil)
        #expect(try await current.next().id == latest + 3, "nothing came twice in between")

        #expect(feed.listenerCount == 3)
    }

    @Test func aLastEventIDTheFeedDoesNotHoldGetsAReset() async throws {
        let test = try TestMeeting()
        for index in 1...4 { _ = try test.meeting.capture(.note, text: "voor de herstart \(index)", by: nil) }
        // As after a resume: the feed starts with what the file already held.
        let feed = ChangeFeed(meeting: test.meeting, join: Self.join)
        feed.start()
        defer { feed.stop() }
        let start = test.meeting.state.lastSequence
        for after in [0, 1, start - 1, start + 1, 1_000_000, -5] as [Int?] {
            var reader = FrameReader(feed.subscribe(after: after))
            let first = try await reader.next()
            #expect(first.type == "reset" && first.id == start, "after \(String(describing: after))")
        }
        // The feed's own start is held: nothing to replay, no reset.
        var upToDate = FrameReader(feed.subscribe(after: start))
        _ = try test.meeting.capture(.tip, text: "na de herstart", by: nil)
        let first = try await upToDate.next()
        #expect(first.type == "capture" && first.id == start + 1)
    }

    /// A page that missed more than it may fall behind by, or more than the
    /// feed holds, starts again from a reset; one that missed fewer catches up.
    @Test func aPageThatMissedTooMuchGetsAReset() async throws {
        let meeting = try Self.meetingInMemory()
        let entry = try meeting.capture(.note, text: "v0", by: nil)
        let feed = ChangeFeed(meeting: meeting, join: Self.join)
        feed.start()
        defer { feed.stop() }
        let start = meeting.state.lastSequence
        let changes = ChangeFeed.historyLimit + 10
        // Edits keep the state (and so each frame) small.
        for index in 1...changes { _ = try meeting.edit(entry: entry.number, text: "v\(index)") }
        let latest = meeting.state.lastSequence
        #expect(latest == start + changes)
        // The feed publishes on its own queue: wait until it has the last change.
        while feed.publishedThrough != latest { try await Task.sleep(for: .milliseconds(5)) }

        var recent = FrameReader(feed.subscribe(after: latest - 10))
        #expect(try await recent.next().id == latest - 9, "the changes missed are replayed")
        var behind = FrameReader(feed.subscribe(after: latest - ChangeFeed.listenerBacklog - 1))
        let reset = try await behind.next()
        #expect(reset.type == "reset" && reset.id == latest)
        var tooOld = FrameReader(feed.subscribe(after: latest - ChangeFeed.historyLimit - 1))
        #expect(try await tooOld.next().type == "reset")
        var fromStart = FrameReader(feed.subscribe(after: start))
        #expect(try await fromStart.next().type == "reset")
    }

    @Test func aKeepAliveCommentComesWhenNothingHappens() async throws {
        let test = try TestMeeting()
        let feed = ChangeFeed(meeting: test.meeting, join: Self.join)
        feed.start(keepAliveSeconds: 1)
        defer { feed.stop() }
        var reader = FrameReader(feed.subscribe(after: nil))
        #expect(try await reader.next().type == "reset")
        let comment = try await reader.next()
        #expect(comment.raw == ": keep-alive\n\n" && comment.id == nil)
    }

    @Test func stopEndsEveryStream() async throws {
        let (test, feed) = try Self.meetingWithAFeed()
        var first = FrameReader(feed.subscribe(after: nil))
        var second = FrameReader(feed.subscribe(after: test.meeting.state.lastSequence))
        _ = try await first.next()
        #expect(feed.listenerCount == 2)
        feed.stop()
        #expect(feed.listenerCount == 0)
        #expect(try await first.nextOrEnd() == nil)
        #expect(try await second.nextOrEnd() == nil)
    }
}

/// One frame of the stream: `id:`, `event:` and the JSON of `data:`, or a comment.
struct FeedFrame {
    var raw: String
    var id: Int?
    var event: String?
    var object: [String: Any]

    init(_ bytes: [UInt8]) {
        raw = String(decoding: bytes, as: UTF8.self)
        object = [:]
        for line in raw.split(separator: "\n") {
            if line.hasPrefix("id: ") { id = Int(line.dropFirst(4)) }
            if line.hasPrefix("event: ") { event = String(line.dropFirst(7)) }
            if line.hasPrefix("data: "),
                let json = try? JSONSerialization.jsonObject(with: Data(line.dropFirst(6).utf8)) as? [String: Any]
            {
                object = json
            }
        }
    }

    var change: [String: Any] { object["change"] as? [String: Any] ?? [:] }
    var state: [String: Any] { object["state"] as? [String: Any] ?? [:] }
    var status: [String: Any] { object["status"] as? [String: Any] ?? [:] }
    var type: String? { change["type"] as? String }
}

/// Reads a feed's frames one by one; one write may carry several.
struct FrameReader {
    private var iterator: AsyncStream<[UInt8]>.Iterator
    private var buffered: [UInt8] = []
    /// How many writes brought the frames read so far.
    private(set) var writes = 0

    init(_ stream: AsyncStream<[UInt8]>) { iterator = stream.makeAsyncIterator() }

    struct Ended: Error {}

    mutating func next() async throws -> FeedFrame {
        guard let frame = try await nextOrEnd() else { throw Ended() }
        return frame
    }

    mutating func nextOrEnd() async throws -> FeedFrame? {
        let end: [UInt8] = [0x0A, 0x0A]
        while true {
            try Task.checkCancellation()
            if let range = buffered.firstRange(of: end) {
                let frame = Array(buffered[..<range.upperBound])
                buffered.removeSubrange(..<range.upperBound)
                return FeedFrame(frame)
            }
            guard let write = await iterator.next() else { return nil }
            writes += 1
            buffered += write
        }
    }
}

/// A session file in memory that never fails: for many changes without an fsync each.
final class MemorySink: JournalSink, @unchecked Sendable {
    private var bytes: [UInt8] = []
    func length() throws(JournalIOError) -> UInt64 { UInt64(bytes.count) }
    func append(_ newBytes: [UInt8]) throws(JournalIOError) { bytes += newBytes }
    func sync() throws(JournalIOError) {}
    func truncate(to length: UInt64) throws(JournalIOError) { bytes.removeSubrange(Int(length)...) }
}
