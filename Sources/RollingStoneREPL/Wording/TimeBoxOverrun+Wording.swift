import RollingStoneMeeting

extension TimeBoxOverrun {
    /// The alert shown above the prompt.
    var wording: String {
        let next = isLastItem ? "'end' closes the meeting" : "'next' moves on"
        return "Time box: item \(item + 1) \"\(title)\" has used its \(plannedMinutes) min; \(next)."
    }
}
