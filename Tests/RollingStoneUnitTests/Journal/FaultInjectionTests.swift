import Foundation
import RollingStoneTestSupport
import Testing

@testable import RollingStoneCore
@testable import RollingStoneJournal
@testable import RollingStoneMeeting
@testable import RollingStoneREPL

/// A 30-command meeting played through the interpreter while the journal's
/// sink fails its k-th write or fsync, for every k: once, once with the
/// facilitator trying the line again, or for good (a disk that is gone).
/// The failed line must be answered "Not saved", nothing may claim it later,
/// and what is on "disk" must always replay to what the REPL believes.
@Suite struct FaultInjectionTests {
    static let script = [
        "join Stéphanie Brüggemann, België, Buurtlab Gent",
        "join Siobhan O'Neill, Ierland",
        "tip Welkom iedereen",
        "next",
        "lesson Zoek de mensen",
        "tip @stephanie Investeer in je contactpersoon",
        "quote @siobhan Wij zijn ergens vóór",
        "Dit is een losse notitie",
        "idea Een smoelenboek van de instantie",
        "list",
        "edit #2 Investeer in je contactpersoon bij de gemeente",
        "delete #4",
        "undo",
        "next",
        "lesson Verkoop je ziel niet",
        "tip Vraag cofinanciering, geen subsidie",
        "action @siobhan Verslag rondsturen",
        "move #6 1",
        "who",
        "join Çağla Yılmaz, Nederland",
        "quote @cagla Vier kleine successen",
        "goto 4",
        "tip Houd het vol",
        "undo",
        "tip Houd het écht vol",
        "back",
        "note Terug naar geld",
        "agenda",
        "next",
        "end",
    ]

    enum Mode: String, CaseIterable {
        /// The k-th call fails once; the facilitator presses ↑ and tries again.
        case onceThenRetried
        /// The k-th call fails once; the facilitator gives up on that line.
        case onceThenSkipped
        /// The k-th call and every one after it fail.
        case persistent
    }

    struct Outcome {
        var replies: [Reply] = []
        var sink: FaultInjectingSink
        var meeting: Meeting?
        /// The script line whose reply was the first "Not saved".
        var failedLine: Int?
        /// That first "Not saved" reply (before any retry).
        var failedReply: Reply?
        var stateBeforeFailure: MeetingState?
        var bytesBeforeFailure: [UInt8] = []
    }

    /// Plays the script, retrying a "Not saved" line once when `retry` is set.
    func play(_ fault: FaultInjectingSink.Fault?, retry: Bool = false) throws -> Outcome {
        let clock = TestClock()
        let sink = FaultInjectingSink(fault)
        var outcome = Outcome(sink: sink)
        let journal: SessionJournal
        do {
            journal = try SessionJournal.inMemory(
                header: SessionHeader(created: clock.now, agenda: TestMeeting.agenda),
                sink: sink, url: URL(fileURLWithPath: "/virtual/meeting.jsonl"))
        } catch {
            return outcome
        }
        let meeting = Meeting(journal: journal, clock: { clock.now })
        outcome.meeting = meeting
        let interpreter = CommandInterpreter(meeting: meeting, language: .en)
        func attempt(_ index: Int, _ action: () -> Reply) {
            let state = meeting.state
            let bytes = sink.bytes
            var reply = action()
            if reply.text.contains("Not saved"), outcome.failedLine == nil {
                outcome.failedLine = index
                outcome.failedReply = reply
                outcome.stateBeforeFailure = state
                outcome.bytesBeforeFailure = bytes
            }
            if retry && reply.text.contains("Not saved") { reply = action() }
            outcome.replies.append(reply)
        }
        attempt(0) {
            do throws(MeetingError) {
                try interpreter.open()
                return .ok("opened")
            } catch {
                return .error(error.description(in: meeting.state))
            }
        }
        for (index, line) in Self.script.enumerated() {
            clock.advance(minutes: 1)
            attempt(index + 1) { interpreter.handle(line) }
        }
        return outcome
    }

    @Test func theMeetingItselfRunsWithoutErrors() throws {
        let reference = try play(nil)
        #expect(reference.replies.filter(\.isError).map(\.text) == [])
        #expect(reference.replies.count == Self.script.count + 1)
        let replayed = try SessionFile.parse(reference.sink.bytes, path: "reference")
        #expect(replayed.eventCount == reference.meeting?.state.lastSequence)
        #expect(replayed.state.entries == reference.meeting?.state.entries)
    }

    @Test(arguments: [FaultInjectingSink.Operation.write, .sync], Mode.allCases)
    func everyFailingCallIsReportedAndNeverClaimed(operation: FaultInjectingSink.Operation, mode: Mode) throws {
        let reference = try play(nil)
        let calls = operation == .write ? reference.sink.writes : reference.sink.syncs
        var injected = 0
        var variants: [(Int, Bool)] = []
        for k in 1...calls {
            variants.append((k, false))
            // After a failed write the journal cuts the file back; that can fail too.
            if operation == .write { variants.append((k, true)) }
        }
        for (k, truncateFails) in variants {
            let fault = FaultInjectingSink.Fault(operation: operation, call: k, persistent: mode == .persistent, truncateFails: truncateFails)
            let outcome = try play(fault, retry: mode == .onceThenRetried)
            injected += outcome.sink.injected
            let context = Comment(rawValue: "\(operation) #\(k) \(mode)\(truncateFails ? ", truncate fails too" : "")")

            guard let meeting = outcome.meeting else {
                // The header itself could not be written: no session, no REPL.
                #expect(k == 1, context)
                continue
            }
            let failed = try #require(outcome.failedLine, context)
            let failedReply = try #require(outcome.failedReply)
            #expect(failedReply.isError, context)
            #expect(failedReply.text.hasPrefix("Not saved: \(operation == .write ? "write" : "fsync") failed: "), context)

            // A failed fsync of an event is never retried and then taken for
            // saved: the journal cuts the file back right after it.
            let log = outcome.sink.log
            for index in log.indices.dropFirst() where log[index] == "sync failed" && log[index - 1] == "write" {
                #expect(index + 1 < log.count && log[index + 1].hasPrefix("truncate"), context)
            }

            // What is on "disk" replays to what the REPL believes, always.
            let replayed = try SessionFile.parse(outcome.sink.bytes, path: "faulty")
            #expect(replayed.state.lastSequence == meeting.state.lastSequence, context)
            #expect(replayed.state.entries == meeting.state.entries, context)
            #expect(replayed.state.participants == meeting.state.participants, context)
            #expect(replayed.state.lessons == meeting.state.lessons, context)
            // A torn tail only where the sink could not even cut the bytes off.
            #expect(replayed.tornTail == nil || truncateFails, context)

            switch mode {
            case .onceThenRetried:
                // Trying again gives exactly the meeting that had no fault.
                #expect(outcome.replies == reference.replies, context)
                #expect(outcome.sink.bytes == reference.sink.bytes, context)
            case .onceThenSkipped:
                #expect(outcome.replies.dropFirst(failed + 1).allSatisfy { !$0.text.contains("Not saved") }, context)
                // Entry numbers go on from the last saved one: none is skipped or reused.
                let numbers = outcome.replies.compactMap { reply -> Int? in
                    guard !reply.isError, reply.text.hasPrefix("#"), reply.text.contains(" under ") else { return nil }
                    return Int(reply.text.dropFirst().prefix { $0.isNumber })
                }
                #expect(numbers == Array(stride(from: 1, through: numbers.count, by: 1)), context)
            case .persistent:
                // Nothing is saved from the fault on, and nothing says otherwise.
                let before = try #require(outcome.stateBeforeFailure)
                #expect(meeting.state.lastSequence == before.lastSequence, context)
                #expect(meeting.state.entries == before.entries, context)
                #expect(replayed.validLength == UInt64(outcome.bytesBeforeFailure.count), context)
                #expect(Array(outcome.sink.bytes.prefix(Int(replayed.validLength))) == outcome.bytesBeforeFailure, context)
                for reply in outcome.replies.dropFirst(failed) where !reply.isError {
                    #expect(!reply.text.hasPrefix("#") || !reply.text.contains(" under "), "\(context): \(reply.text)")
                }
            }
        }
        print("FaultInjectionTests: \(operation) \(mode): \(variants.count) runs of a \(Self.script.count)-command meeting, \(injected) faults injected")
        #expect(injected >= variants.count)
    }
}

/// A sink in memory that fails one chosen call, once or from then on. A
/// failed write leaves part of its bytes behind, as a full disk can; the
/// cut-back that follows can be made to fail as well.
/// `@unchecked Sendable`: a test reads what it recorded only after the meeting
/// it writes for has returned, on the same thread.
final class FaultInjectingSink: JournalSink, @unchecked Sendable {
    enum Operation: String, Sendable { case write, sync }

    struct Fault {
        var operation: Operation
        /// 1-based: the header's write and sync are call 1.
        var call: Int
        var persistent: Bool
        var truncateFails: Bool
    }

    let fault: Fault?
    var bytes: [UInt8] = []
    private(set) var writes = 0
    private(set) var syncs = 0
    private(set) var injected = 0
    private(set) var log: [String] = []
    private var failing = false

    init(_ fault: Fault?) { self.fault = fault }

    private func shouldFail(_ operation: Operation, count: Int) -> Bool {
        guard let fault, fault.operation == operation else { return false }
        if count == fault.call || (fault.persistent && count > fault.call) {
            injected += 1
            failing = true
            return true
        }
        return false
    }

    func length() throws(JournalIOError) -> UInt64 { UInt64(bytes.count) }

    func append(_ newBytes: [UInt8]) throws(JournalIOError) {
        writes += 1
        if shouldFail(.write, count: writes) {
            // Some of the line reached the file: none, a quarter, a half or three quarters.
            bytes += newBytes.prefix(newBytes.count * (writes % 4) / 4)
            log.append("write failed")
            throw JournalIOError(operation: "write", code: ENOSPC)
        }
        bytes += newBytes
        log.append("write")
    }

    func sync() throws(JournalIOError) {
        syncs += 1
        if shouldFail(.sync, count: syncs) {
            log.append("sync failed")
            throw JournalIOError(operation: "fsync", code: EIO)
        }
        log.append("sync")
    }

    func truncate(to length: UInt64) throws(JournalIOError) {
        if failing && fault?.truncateFails == true {
            // Once for a passing fault, always for a persistent one.
            if fault?.persistent != true { failing = false }
            log.append("truncate failed")
            throw JournalIOError(operation: "ftruncate", code: EIO)
        }
        failing = false
        bytes.removeSubrange(Int(length)...)
        log.append("truncate to \(length)")
    }
}
