import Foundation

@testable import RollingStoneJournal

/// The journal at `url`, opened again after it was closed.
///
/// Other tests spawn processes meanwhile, and a child between its fork and
/// its exec briefly shares this process's descriptors, a session's lock among
/// them: a refusal then is that child's, gone a moment later. Any other
/// error is thrown at once.
func reopenJournal(at url: URL) throws -> SessionJournal {
    for _ in 0..<100 {
        do throws(SessionFileError) {
            return try SessionJournal.open(at: url)
        } catch {
            guard case .lockedByAnother = error else { throw error }
            usleep(20_000)
        }
    }
    return try SessionJournal.open(at: url)
}
