import Foundation
import SwiftProtobuf
#if canImport(Glibc)
import Glibc
#endif

/// The replayed meeting, kept beside its session file as
/// `.<session>.snapshot`, so that a report on a long session need not replay
/// every event again.
///
/// A cache, never the record. `rollingstone run` writes it when the REPL
/// closes, holding the session's lock, for sessions of at least
/// `worthwhileEvents` events; a snapshot is only read while the
/// session file is exactly as it was then (the same device, inode, size, and
/// modification and change times, as `stat` tells without reading the file)
/// and by the same tool version. Anything else, including a damaged or
/// missing snapshot, means the session file is replayed as usual. It holds no
/// undo history, so only reports are made from it. The format is
/// `Session/Wire/SessionSnapshot.proto`.
public enum SessionSnapshot {
    /// Sessions with fewer events get no snapshot: replaying them takes
    /// less than about 40 ms, and a meeting of an afternoon holds a few
    /// hundred. Writing one costs about 6 ms per 10,000 events when the REPL
    /// closes.
    public static let worthwhileEvents = 20_000
    /// Raised when a field of the snapshot changes meaning.
    static let version: UInt32 = 1
    /// Larger snapshots are not read: the session file is, with its own limit.
    static let maximumSize = Int(SessionFile.maximumFileSize)

    /// Where the snapshot of `session` is kept: beside it, hidden, since it
    /// is only a cache (`.2026-03-14-title.jsonl.snapshot`).
    public static func url(for session: URL) -> URL {
        session.deletingLastPathComponent().appendingPathComponent(".\(session.lastPathComponent).snapshot")
    }

    /// Writes the snapshot of `state`, the meeting recorded in the session
    /// file open on `descriptor` at `session`, and synced: a new file under
    /// a temporary name, then renamed over the old snapshot.
    static func write(_ state: MeetingState, sessionDescriptor descriptor: Int32, session: URL) throws {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw JournalIOError(operation: "fstat", code: errno) }
        let bytes: [UInt8] = try wire(state, stamp: WireJournalStamp(info)).serializedBytes()

        let target = url(for: session)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent("\(target.lastPathComponent).\(getpid()).tmp")
        let output = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw JournalIOError(operation: "open snapshot", code: errno) }
        let sink = FileJournalSink(descriptor: output)
        do {
            defer { close(output) }
            try sink.append(bytes)
            try sink.sync()
        } catch {
            unlink(temporary.path)
            throw error
        }
        guard rename(temporary.path, target.path) == 0 else {
            let code = errno
            unlink(temporary.path)
            throw JournalIOError(operation: "rename snapshot", code: code)
        }
    }

    /// The meeting as the snapshot beside `session` holds it, with the
    /// session file's length; `nil` when there is no snapshot, or it cannot
    /// be read, or the session file has changed since it was written.
    static func load(for session: URL) -> (state: MeetingState, sessionLength: UInt64)? {
        var info = stat()
        guard stat(session.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
              let bytes = readSnapshot(at: url(for: session).path),
              let snapshot = try? WireSnapshot(serializedBytes: bytes),
              snapshot.version == version, snapshot.tool == ToolVersion.current,
              snapshot.stamp == WireJournalStamp(info),
              let header = try? JSONDecoder().decode(SessionHeader.self, from: snapshot.headerLine),
              let contents = contents(of: snapshot, agenda: header.agenda)
        else { return nil }
        return (MeetingState(header: header, contents: contents), UInt64(info.st_size))
    }

    private static func readSnapshot(at path: String) -> [UInt8]? {
        // O_NONBLOCK and the regular-file check: a pipe in its place must
        // not hang a report.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return try? SessionFile.readAll(descriptor, path: path)
    }

    // MARK: To and from the wire

    private static func wire(_ state: MeetingState, stamp: WireJournalStamp) throws -> WireSnapshot {
        let contents = state.contents
        var snapshot = WireSnapshot()
        snapshot.version = version
        snapshot.tool = ToolVersion.current
        snapshot.stamp = stamp
        snapshot.headerLine = try SessionJournal.makeEncoder().encode(state.header)
        snapshot.participants = contents.participants.map(WireParticipant.init)
        snapshot.lessons = contents.lessons.map(WireLesson.init)
        snapshot.entries = WireEntryColumns(contents.entrySlots)
        snapshot.currentItem = Int64(contents.currentItem)
        if let lesson = contents.currentLesson { snapshot.currentLesson = Int64(lesson) }
        snapshot.ended = contents.hasEnded
        snapshot.reopened = contents.isReopened
        snapshot.visitedItems = contents.visitedItems.sorted().map(Int64.init)
        snapshot.lastSequence = Int64(contents.lastSequence)
        snapshot.lastEventTime = contents.lastEventTime.timeIntervalSinceReferenceDate
        snapshot.currentItemSince = contents.currentItemSince.timeIntervalSinceReferenceDate
        snapshot.nextEntryNumber = Int64(contents.nextEntryNumber)
        snapshot.nextParticipantID = Int64(contents.nextParticipantID)
        snapshot.nextLessonID = Int64(contents.nextLessonID)
        snapshot.secondsPerItem = Dictionary(uniqueKeysWithValues: contents.secondsPerItem.map { (Int64($0.key), $0.value) })
        return snapshot
    }

    /// Times within this many seconds of 2001 (about 300 years), and time
    /// spent per item below it: what a replay can give. A damaged snapshot
    /// must not hand the report an infinite or absurd number of minutes.
    private static let timeLimit: Double = 1e10

    /// `nil` when the snapshot does not hold together: columns of different
    /// lengths, an unknown kind, an item outside the agenda, ids out of
    /// order, a time no replay could give.
    private static func contents(of snapshot: WireSnapshot, agenda: Agenda) -> MeetingState.Contents? {
        let items = agenda.items.indices
        let isTime = { (time: Double) in time.isFinite && abs(time) < timeLimit }
        guard let participants = allOrNone(snapshot.participants.map(Participant.init(wire:))),
              let lessons = allOrNone(snapshot.lessons.map(Lesson.init(wire:))),
              let slots = snapshot.entries.slots(itemCount: agenda.items.count),
              isAscending(participants.map(\.id)), isAscending(lessons.map(\.id)),
              items.contains(Int(snapshot.currentItem)),
              snapshot.visitedItems.allSatisfy({ items.contains(Int($0)) }),
              isTime(snapshot.lastEventTime), isTime(snapshot.currentItemSince),
              snapshot.secondsPerItem.allSatisfy({ items.contains(Int($0.key)) && $0.value >= 0 && isTime($0.value) })
        else { return nil }
        return MeetingState.Contents(
            participants: participants, lessons: lessons, entrySlots: slots,
            currentItem: Int(snapshot.currentItem),
            currentLesson: snapshot.hasCurrentLesson ? Int(snapshot.currentLesson) : nil,
            hasEnded: snapshot.ended, isReopened: snapshot.reopened,
            visitedItems: Set(snapshot.visitedItems.map { Int($0) }),
            lastSequence: Int(snapshot.lastSequence),
            lastEventTime: Date(timeIntervalSinceReferenceDate: snapshot.lastEventTime),
            nextEntryNumber: Int(snapshot.nextEntryNumber),
            nextParticipantID: Int(snapshot.nextParticipantID),
            nextLessonID: Int(snapshot.nextLessonID),
            secondsPerItem: Dictionary(uniqueKeysWithValues: snapshot.secondsPerItem.map { (Int($0.key), $0.value) }),
            currentItemSince: Date(timeIntervalSinceReferenceDate: snapshot.currentItemSince))
    }
}

/// Whether `ids` ascend strictly from 1 on, as a replay gives them out
/// (lookups rely on it).
private func isAscending(_ ids: [Int]) -> Bool {
    zip([0] + ids, ids).allSatisfy { $0 < $1 }
}

/// The values, when none is `nil`.
private func allOrNone<Value>(_ values: [Value?]) -> [Value]? {
    let present = values.compactMap { $0 }
    return present.count == values.count ? present : nil
}

extension WireJournalStamp {
    init(_ info: stat) {
        self.init()
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = UInt64(info.st_size)
        modifiedNs = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changedNs = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    }
}

extension WireParticipant {
    init(_ participant: Participant) {
        self.init()
        id = Int64(participant.id)
        name = participant.name
        country = participant.country
        if let network = participant.network { self.network = network }
        if let role = participant.role { self.role = role }
        if let contact = participant.contact { self.contact = contact }
    }
}

extension WireLesson {
    init(_ lesson: Lesson) {
        self.init()
        id = Int64(lesson.id)
        title = lesson.title
        item = Int64(lesson.item)
    }
}

extension WireEntryColumns {
    private enum Slot: UInt32 {
        case empty = 0, live, deleted
    }

    init(_ slots: [MeetingState.EntrySlot]) {
        self.init()
        kindNames = EntryKind.allCases.map(\.rawValue)
        let kindIndex = Dictionary(uniqueKeysWithValues: EntryKind.allCases.enumerated().map { ($1, UInt32($0)) })
        self.slots.reserveCapacity(slots.count)
        texts.reserveCapacity(slots.count)
        for slot in slots {
            let entry = slot.entry
            self.slots.append((entry == nil ? Slot.empty : slot.isDeleted ? .deleted : .live).rawValue)
            kinds.append(entry.map { kindIndex[$0.kind]! } ?? 0)
            texts.append(entry?.text ?? "")
            items.append(Int64(entry?.item ?? 0))
            participants.append(Int64(entry?.participant ?? 0))
            lessons.append(Int64(entry?.lesson ?? 0))
        }
    }

    /// The entry slots, entry #n at index n − 1; `nil` when the columns do
    /// not hold together.
    func slots(itemCount: Int) -> [MeetingState.EntrySlot]? {
        let count = slots.count
        guard kinds.count == count, texts.count == count, items.count == count,
              participants.count == count, lessons.count == count
        else { return nil }
        let kindsByIndex = kindNames.map { EntryKind(rawValue: $0) }
        var result: [MeetingState.EntrySlot] = []
        result.reserveCapacity(count)
        for row in 0..<count {
            guard let slot = Slot(rawValue: slots[row]) else { return nil }
            if slot == .empty {
                result.append(MeetingState.EntrySlot(entry: nil))
                continue
            }
            let kindIndex = Int(kinds[row])
            guard kindIndex < kindsByIndex.count, let kind = kindsByIndex[kindIndex],
                  items[row] >= 0, items[row] < itemCount
            else { return nil }
            let entry = Entry(
                number: row + 1, kind: kind, text: texts[row],
                participant: participants[row] == 0 ? nil : Int(participants[row]),
                item: Int(items[row]),
                lesson: lessons[row] == 0 ? nil : Int(lessons[row]))
            result.append(MeetingState.EntrySlot(entry: entry, isDeleted: slot == .deleted))
        }
        return result
    }
}
