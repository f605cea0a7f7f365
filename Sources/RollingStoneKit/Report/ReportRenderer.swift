// Stand-in until the real renderer lands.
public enum ReportRenderer {
    public static func render(_ state: MeetingState, options: ReportOptions, unreadableTail: SessionFile.TornTail? = nil) -> String {
        "# \(state.agenda.title)\n"
    }
}
