import RollingStoneCore

/// One meeting of a generated archive: what its session file holds, and
/// the name it is written under.
package struct GeneratedMeeting: Sendable {
    /// "rollingstone-007-2013-02-14.jsonl": the series, the meeting's
    /// number and its date, so a folder lists each series in order.
    package var fileName: String
    package var header: SessionHeader
    package var records: [SessionRecord]
}
