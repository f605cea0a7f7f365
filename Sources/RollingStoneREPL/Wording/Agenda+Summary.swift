import RollingStoneCore
import RollingStoneJournal
import RollingStoneMeeting
import RollingStoneReport

extension Agenda {
    /// `"Title", 5 items (3 themes), 110 min planned`: what `agenda check`
    /// says of an agenda that loads.
    package var summary: String {
        let themes = items.filter(\.theme).count
        let minutes = items.reduce(0) { $0 + $1.minutes }
        return "\"\(title)\", \(plural(items.count, "item")) (\(plural(themes, "theme"))), \(minutes) min planned"
    }
}
