import Foundation
import RollingStoneCore
import RollingStoneJournal
import RollingStoneTestSupport
import Synchronization
import Testing

/// A full room: a hundred phones sending at once while fifty pages listen,
/// then a SIGKILL in the middle of a second wave and a resume. What was
/// answered 202 must be in the session file exactly once and in the inbox;
/// every page must see every change once, in order.
///
/// Counts are bounded (1,000 + up to 1,000 requests, 150 connections at a
/// time); nothing here measures speed.
@Suite struct RoomLoadTests {
    static let phones = 100
    static let submissionsEach = 10
    static let listeners = 50
    /// The second wave is killed once this many of its submissions were answered.
    static let killAfter = 300

    /// What a phone was told about one submission.
    struct Ack: Sendable {
        var text: String
        /// `nil` when no answer came (the meeting was killed meanwhile).
        var status: Int?
        var number: Int?
    }

    /// What one page saw.
    struct Seen: Sendable {
        var ids: [Int] = []
        var numbers: [Int] = []
        var problems: [String] = []
    }

    /// Reads `client` until it has seen `target` (once that is set) or its stream ends.
    static func listen(_ client: EventStreamClient, until target: Shared<Int?>, index: Int) -> Seen {
        var seen = Seen()
        var lastProgress = ContinuousClock.now
        while true {
            let event: RoomEvent?
            do {
                event = try client.next(timeout: .milliseconds(200))
            } catch {
                return seen  // the stream ended: the meeting was killed
            }
            if let event {
                lastProgress = ContinuousClock.now
                guard let id = event.id else {
                    seen.problems.append("page \(index): an event without id")
                    continue
                }
                // Only the change is read: every frame also carries the whole state.
                let (change, seq) = Self.changeAndSeq(event.data)
                if change["type"] as? String != "submission" { seen.problems.append("page \(index): a \(change["type"] ?? "nil") change at \(id)") }
                if seq != id { seen.problems.append("page \(index): id \(id) but seq \(seq.map(String.init) ?? "nil")") }
                seen.ids.append(id)
                if let number = object(change["submission"])["number"] as? Int { seen.numbers.append(number) }
            }
            if let target = target.value, (seen.ids.last ?? Int.min) >= target { return seen }
            if ContinuousClock.now - lastProgress > hangGuard {
                seen.problems.append("page \(index): nothing for \(hangGuard) after id \(seen.ids.last.map(String.init) ?? "none")")
                return seen
            }
        }
    }

    /// `change` and `seq` of an event's data, which the room writes with sorted
    /// keys: `{"change":{…},"seq":N,…}`; the rest is not parsed.
    static func changeAndSeq(_ data: String) -> (change: [String: Any], seq: Int?) {
        let bytes = Array(data.utf8)
        let opening = Array(#"{"change":"#.utf8)
        guard bytes.starts(with: opening), let seqAt = Bytes.find(Array(#","seq":"#.utf8), in: bytes) else { return ([:], nil) }
        let change = (try? JSONSerialization.jsonObject(with: Data(bytes[opening.count..<seqAt]))) as? [String: Any] ?? [:]
        let digits = bytes[(seqAt + 7)...].prefix { (0x30...0x39).contains($0) }
        return (change, Int(String(decoding: digits, as: UTF8.self)))
    }

    /// Connects `count` pages and reads each one's reset.
    static func connectPages(_ count: Int, port: UInt16) async throws -> [(client: EventStreamClient, reset: Int)] {
        try await withThrowingTaskGroup(of: (EventStreamClient, Int).self) { group in
            for _ in 0..<count {
                group.addTask {
                    let client = try await Phone.listen(port: port)
                    let reset = try await client.event()
                    guard client.status == 200, reset.type == "reset", let id = reset.id else {
                        throw RoomTestFailure(description: "a page got \(client.status) and \(reset.type ?? "nil") first")
                    }
                    return (client, id)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    /// A hundred phones with fresh devices, each sending its submissions one
    /// after another; `answered` counts the 202s, and a phone stops at its
    /// first request without an answer.
    static func wave(_ name: String, port: UInt16, answered: NSCondition, count: Shared<Int>) async throws -> [Ack] {
        try await withThrowingTaskGroup(of: [Ack].self) { group in
            for phone in 0..<phones {
                group.addTask {
                    try await onOwnThread {
                        var acks: [Ack] = []
                        for index in 0..<submissionsEach {
                            let text = "\(name) phone \(phone) message \(index)"
                            do {
                                let response = try RoomHTTP.submit(
                                    ["name": "Phone \(phone)", "kind": SubmissionKind.allCases[index % 3].rawValue, "text": text], port: port,
                                    device: "\(name)-device-\(phone)")
                                acks.append(Ack(text: text, status: response.status, number: response.json?["number"] as? Int))
                                if response.status == 202 {
                                    answered.lock()
                                    count.update { $0 += 1 }
                                    answered.broadcast()
                                    answered.unlock()
                                }
                            } catch {
                                acks.append(Ack(text: text, status: nil, number: nil))
                                break
                            }
                        }
                        return acks
                    }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
    }

    @Test func aThousandSubmissionsWhileFiftyPagesListenSurviveAKillInTheNextWave() async throws {
        let folder = try TemporaryFolder()
        let session = folder.file("load.jsonl")
        let run = try await RoomRun.open(session: "load.jsonl", in: folder.url)
        let port = run.port
        let total = Self.phones * Self.submissionsEach
        let start = try SessionFile.read(at: session).state.lastSequence

        // MARK: Wave 1: everything answered, every page sees everything.
        let pages = try await Self.connectPages(Self.listeners, port: port)
        #expect(pages.allSatisfy { $0.reset == start })
        let target = Shared<Int?>(nil)
        let listening = Task {
            try await withThrowingTaskGroup(of: Seen.self) { group in
                for (index, page) in pages.enumerated() {
                    group.addTask { try await onOwnThread { Self.listen(page.client, until: target, index: index) } }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        let answered = NSCondition()
        let firstCount = Shared(0)
        let first = try await Self.wave("w1", port: port, answered: answered, count: firstCount)
        let afterFirst = try SessionFile.read(at: session).state
        let firstWaveAnswered = first.allSatisfy { $0.status == 202 }
        // Pages wait for the last change; when the wave failed, not at all.
        target.value = firstWaveAnswered ? afterFirst.lastSequence : Int.min
        let seen = try await listening.value

        #expect(first.count == total)
        let refused = first.filter { $0.status != 202 }
        #expect(
            refused.isEmpty, "\(refused.count) not answered 202, e.g. \(refused.prefix(3).map { "\($0.text): \($0.status.map(String.init) ?? "no answer")" })")
        let numbers = first.compactMap(\.number)
        let numbered = numbers.sorted() == Array(1...total)
        #expect(numbered, "numbers 1…\(total), none twice, no gaps: got \(numbers.count), \(Set(numbers).count) distinct, up to \(numbers.max() ?? 0)")
        #expect(afterFirst.submissions.count == total)
        let missing = first.filter { ack in
            ack.number.map { afterFirst.submissions.indices.contains($0 - 1) && afterFirst.submissions[$0 - 1].text == ack.text } != true
        }
        #expect(missing.isEmpty, "\(missing.count) not saved under the number they were answered with, e.g. \(missing.prefix(3).map(\.text))")
        #expect(Set(afterFirst.submissions.map(\.text)).count == afterFirst.submissions.count, "each submission saved once")
        #expect(afterFirst.lastSequence == start + total)

        guard firstWaveAnswered else {
            Issue.record("the first wave was not answered in full: the kill wave would say nothing more")
            return
        }
        let expectedIDs = Array((start + 1)...afterFirst.lastSequence)
        for (index, page) in seen.enumerated() {
            for problem in page.problems.prefix(3) { Issue.record(Comment(rawValue: problem)) }
            let inOrder = page.ids == expectedIDs
            #expect(inOrder, "page \(index): \(page.ids.count) changes, first \(page.ids.first ?? -1), last \(page.ids.last ?? -1)")
            let allNumbers = page.numbers == Array(1...total)
            #expect(allNumbers, "page \(index) saw \(page.numbers.count) submissions, not 1…\(total) in order")
        }
        let announced = try await onOwnThread { run.waitForLines(total) { $0.hasPrefix("Phone: ") } }
        #expect(announced.count == total, "the REPL announced \(announced.count) of \(total)")

        // MARK: Wave 2: SIGKILL once 300 of its answers are in.
        let secondPages = try await Self.connectPages(Self.listeners, port: port)
        let secondTarget = Shared<Int?>(nil)
        let listeningAgain = Task {
            try await withThrowingTaskGroup(of: Seen.self) { group in
                for (index, page) in secondPages.enumerated() {
                    group.addTask { try await onOwnThread { Self.listen(page.client, until: secondTarget, index: index) } }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        let secondCount = Shared(0)
        let killer = Task {
            try await onOwnThread {
                answered.lock()
                while secondCount.value < Self.killAfter {
                    // Woken by each answer; the deadline only ends a wave that stalled.
                    if !answered.wait(until: Date() + Double(hangGuard.components.seconds)) { break }
                }
                answered.unlock()
                run.killNow()
            }
        }
        let second = try await Self.wave("w2", port: port, answered: answered, count: secondCount)
        try await killer.value
        let seenSecond = try await listeningAgain.value

        let acknowledged = second.filter { $0.status == 202 }
        let unanswered = second.filter { $0.status == nil }
        #expect(acknowledged.count >= Self.killAfter)
        let otherStatuses = second.filter { $0.status != nil && $0.status != 202 }
        #expect(otherStatuses.isEmpty, "\(otherStatuses.count) answered otherwise, e.g. \(otherStatuses.prefix(3).map { "\($0.text): \($0.status ?? 0)" })")
        #expect(!unanswered.isEmpty, "the kill came after the wave: nothing was in flight")
        for (index, page) in seenSecond.enumerated() {
            for problem in page.problems.prefix(3) { Issue.record(Comment(rawValue: problem)) }
            guard let firstID = page.ids.first, let lastID = page.ids.last else { continue }
            let contiguous = page.ids == Array(firstID...lastID)
            #expect(contiguous, "page \(index) missed or repeated a change before the kill (\(page.ids.count) ids from \(firstID) to \(lastID))")
            #expect(firstID == afterFirst.lastSequence + 1, "page \(index) started at \(firstID)")
        }

        // MARK: Resume: nothing answered is missing, and the inbox holds it all.
        let resumed = try await RoomRun.open(session: "load.jsonl", port: port, in: folder.url)
        let state = try SessionFile.read(at: session).state
        let saved = Dictionary(state.submissions.map { ($0.text, $0.number) }, uniquingKeysWith: { first, _ in first })
        let gapless = state.submissions.map(\.number) == Array(1...max(1, state.submissions.count))
        #expect(gapless, "numbers without gaps")
        #expect(saved.count == state.submissions.count, "a text saved twice")
        let lost = (first + acknowledged).filter { saved[$0.text] == nil || saved[$0.text] != $0.number }
        #expect(lost.isEmpty, "\(lost.count) answered 202 but missing after the kill, e.g. \(lost.prefix(3).map(\.text))")
        let savedUnanswered = unanswered.filter { saved[$0.text] != nil }.count
        #expect(state.submissions.count == total + acknowledged.count + savedUnanswered, "only what was sent is saved")
        #expect(state.pendingSubmissions.count == state.submissions.count)

        let header = try await resumed.answer("inbox") { $0.contains("waiting ('accept N [@NAME]' or 'reject N'):") }
        #expect(header?.hasPrefix("\(state.submissions.count) submissions waiting") == true, "\(header ?? "no inbox")")
        let listed = try await onOwnThread { resumed.waitForLines(state.submissions.count) { $0.hasPrefix("  ") } }
        let inInbox = Set(listed.compactMap { Int($0.dropFirst(2).prefix { $0.isNumber }) })
        let notListed = (first + acknowledged).compactMap(\.number).filter { !inInbox.contains($0) }
        #expect(notListed.isEmpty, "answered but not in the inbox after the resume: \(notListed.prefix(10))")

        // A page that reconnects gets a reset (the run is new), and numbering goes on.
        let lastSeen = seenSecond.compactMap(\.ids.last).max() ?? afterFirst.lastSequence
        let back = try await Phone.listen(port: port, lastEventID: lastSeen)
        let reset = try await back.event()
        #expect(reset.type == "reset" && reset.id == state.lastSequence)
        let next = try await Phone.submit(["name": "Na de crash", "kind": "tip", "text": "na de herstart"], port: port, device: "after")
        #expect(next.status == 202 && next.json?["number"] as? Int == state.submissions.count + 1)
        #expect(try await back.event().id == state.lastSequence + 1)
        #expect(try await resumed.end() == 0)

        print(
            """
            RoomLoadTests: wave 1: \(first.filter { $0.status == 202 }.count)/\(total) answered 202 from \(Self.phones) phones, \
            numbers 1…\(numbers.max() ?? 0), \(seen.count) pages × \(seen.first?.ids.count ?? 0) changes each; \
            wave 2: \(acknowledged.count) answered before SIGKILL, \(unanswered.count) without an answer (\(savedUnanswered) of them saved anyway), \
            \(seenSecond.map(\.ids.count).reduce(0, +)) changes seen by \(seenSecond.count) pages; \
            after resume: \(state.submissions.count) in the file, \(inInbox.count) in the inbox, \(lost.count) lost
            """)
    }
}

/// A value several threads read and change.
final class Shared<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>
    init(_ value: Value) { mutex = Mutex(value) }
    var value: Value {
        get { mutex.withLock { $0 } }
        set { mutex.withLock { $0 = newValue } }
    }
    func update(_ change: (inout Value) -> Void) { mutex.withLock { change(&$0) } }
}
