import Foundation
import RollingStoneCore
import RollingStoneJournal
import Synchronization

/// A meeting under way: the one writer of its session file.
///
/// Every input (the REPL's thread, a timer, later a request handler) changes
/// the meeting through these typed operations. Each one reads the state,
/// allocates numbers and ids, and appends its event to the journal under one
/// lock, so callers on several threads never get the same `#N` and never lose
/// an event. An operation returns only once its event is on disk.
///
/// The meeting knows no command syntax and no wording: it says what happened
/// in types, and each client puts that into its own words.
package final class Meeting: Sendable {
    /// The longest captured text accepted; anything longer is surely a paste gone wrong.
    package static let maximumTextLength = 10_000
    /// The longest participant name accepted.
    package static let maximumNameLength = 200

    /// Where the session file is.
    package let url: URL
    private let clock: @Sendable () -> Date
    private let guarded: Mutex<Guarded>
    /// Built on first use: reading every country name in two languages is
    /// most of what start-up would otherwise do.
    private let countryTable = Mutex<CountryResolver?>(nil)
    /// See `acceptsSubmissionsDirectly`.
    let directRoom = Mutex(false)

    private struct Guarded {
        var journal: SessionJournal
        var observers: [Int: @Sendable (MeetingUpdate) -> Void] = [:]
        var nextObserver = 0
    }

    /// Takes over `journal`: from now on only this meeting writes to it.
    package init(journal: sending SessionJournal, clock: @escaping @Sendable () -> Date = Date.init) {
        url = journal.url
        self.clock = clock
        guarded = Mutex(Guarded(journal: journal))
    }

    /// The meeting as recorded so far.
    package var state: MeetingState { guarded.withLock { $0.journal.state } }

    /// The time on the meeting's clock.
    package var now: Date { clock() }

    /// What typed country names resolve against, built once.
    package var countries: CountryResolver {
        countryTable.withLock { table in
            if let table { return table }
            let built = CountryResolver()
            table = built
            return built
        }
    }

    /// Lets go of the session file; whatever comes after is refused as not saved.
    package func close() {
        guarded.withLock { $0.journal.close() }
    }

    // MARK: Observing

    /// Calls `observer` with every record applied from now on, in order, and
    /// the state it left.
    ///
    /// It is called while the meeting is locked, on the writer's thread: it
    /// must not call the meeting, and should hand the update on rather than
    /// do slow work.
    package func observe(_ observer: @escaping @Sendable (MeetingUpdate) -> Void) -> MeetingObservation {
        let id = guarded.withLock { guarded in
            let id = guarded.nextObserver
            guarded.nextObserver += 1
            guarded.observers[id] = observer
            return id
        }
        return MeetingObservation { [weak self] in
            self?.guarded.withLock { _ = $0.observers.removeValue(forKey: id) }
        }
    }

    // MARK: The gate

    /// Builds an event from the current state, appends it, tells the
    /// observers: the one way any change reaches the meeting.
    ///
    /// `makeEvent` runs under the lock, so what it reads (the next number,
    /// the current item) is still true when its event is written; it may
    /// decide that there is nothing to record (`nil`).
    func record<Result: Sendable>(
        _ makeEvent: (MeetingState, Date) throws(MeetingError) -> (SessionEvent?, Result)
    ) throws(MeetingError) -> Result {
        try guarded.withLock { guarded throws(MeetingError) -> Result in
            // Read under the lock, so events are written in the order of their times.
            let now = clock()
            let (event, result) = try makeEvent(guarded.journal.state, now)
            guard let event else { return result }
            let record: SessionRecord
            do throws(JournalAppendError) {
                record = try guarded.journal.append(event, at: now)
            } catch {
                throw .notRecorded(error)
            }
            if !guarded.observers.isEmpty {
                let update = MeetingUpdate(record: record, state: guarded.journal.state)
                for observer in guarded.observers.values { observer(update) }
            }
            return result
        }
    }
}

/// One record applied to a meeting, and the state it left.
package struct MeetingUpdate: Sendable {
    package var record: SessionRecord
    package var state: MeetingState
}

/// An observer's registration; `cancel` (or letting go of it) ends it.
package final class MeetingObservation: Sendable {
    private let cancelAction: Mutex<(@Sendable () -> Void)?>

    init(cancel: @escaping @Sendable () -> Void) {
        cancelAction = Mutex(cancel)
    }

    /// Stops the calls; safe to call more than once.
    package func cancel() {
        let action = cancelAction.withLock { action in
            defer { action = nil }
            return action
        }
        action?()
    }

    deinit { cancel() }
}
