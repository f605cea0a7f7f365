import Foundation

extension RoomBench {
    /// A figure against its target: a ratio to the floor, or an absolute time.
    struct RoomCheck: Codable {
        var name: String
        var figure: String
        var ratio: Double?
        var target: String
        var met: Bool
    }

    struct FrameSizes: Codable {
        var firstCapture: Int
        var lastCapture: Int
        var submission: Int
    }

    struct Result: Codable {
        var settings: Settings
        var folder: String
        var port: UInt16
        var floor: Summary
        var captureRoom: Summary
        var captureNoRoom: Summary
        var submissionKeptAlive: Summary
        var submissionNewConnection: Summary
        /// `GET /api/none` → `404` on a kept-alive connection: the server's round trip with no disk in it.
        var roundTrip: Summary
        /// Capture's acknowledgement → the frame complete at a listener, over every arrival.
        var frameAfterCapture: Summary
        /// The same to the read that brought the frame's `id:` line.
        var frameIDLineAfterCapture: Summary
        /// Per capture, the last of the listeners to have the frame.
        var slowestListenerAfterCapture: Summary
        /// A `202` read by the phone → the frame complete at a listener, over every arrival.
        var frameAfterSubmission: Summary
        /// Frames that were complete at a listener before the acknowledgement (`handle` returning, or the 202 read).
        var framesBeforeCaptureAcknowledged: Int
        var framesBeforeSubmissionAcknowledged: Int
        var frameBytes: FrameSizes
        var phones: Int
        var seconds: Double
        var checks: [RoomCheck]

        func table() -> String {
            func row(_ label: String, _ summary: Summary, ratios: Bool = true) -> [String] {
                [
                    label, formatMicroseconds(summary.median), formatMicroseconds(summary.p99),
                    ratios ? formatRatio(summary.median / floor.median) : "", ratios ? formatRatio(summary.p99 / floor.p99) : "",
                ]
            }
            let listeners = settings.listeners
            let timings = textTable(
                ["room, in process (\(floor.count) of each, \(settings.blocks) blocks, \(listeners) listeners)", "median", "p99", "median/floor", "p99/floor"],
                [
                    row("floor: 200 B append + fsync", floor, ratios: false),
                    row("capture, room on (\(listeners) listeners)", captureRoom),
                    row("capture, room off (same run)", captureNoRoom),
                    row("submission 202, kept-alive connection", submissionKeptAlive),
                    row("submission 202, new connection each time", submissionNewConnection),
                    row("round trip, nothing saved (GET → 404), kept-alive", roundTrip),
                ])
            let frames = textTable(
                ["event stream (loopback)", "median", "p99", "max", "arrivals"],
                [
                    ("capture → frame at a listener", frameAfterCapture), ("capture → its id: line at a listener", frameIDLineAfterCapture),
                    ("capture → frame at the last of \(listeners)", slowestListenerAfterCapture), ("202 → frame at a listener", frameAfterSubmission),
                ].map { label, summary in
                    [label, formatMicroseconds(summary.median), formatMicroseconds(summary.p99), formatMicroseconds(summary.max), "\(summary.count)"]
                })
            let notes =
                String(
                    format:
                        "frames: %d B for the first capture, %d B for the last (each frame carries its change, not the item's entries), %d B for a submission;\n"
                        + "a 202 is the round trip and %.0f µs more (the floor: %.0f µs);\n"
                        + "frames complete before the acknowledgement: %d of %d after a capture, %d of %d after a 202;\n"
                        + "%.0f ms quiet before every sample; %d phones; %.1f s",
                    frameBytes.firstCapture, frameBytes.lastCapture, frameBytes.submission,
                    submissionKeptAlive.median - roundTrip.median, floor.median, framesBeforeCaptureAcknowledged,
                    frameAfterCapture.count, framesBeforeSubmissionAcknowledged, frameAfterSubmission.count, settings.pauseMilliseconds,
                    phones, seconds)
                + (settings.quickAckClients ? "\nDIAGNOSTIC: the clients acknowledged every segment at once (TCP_QUICKACK), as no browser does" : "")
            let checks = textTable(
                ["target", "figure", "ratio", "target", "met"],
                checks.map { [$0.name, $0.figure, $0.ratio.map(formatRatio) ?? "—", $0.target, $0.met ? "yes" : "MISSED"] })
            return [timings, frames, notes, checks].joined(separator: "\n\n")
        }

        func writeJSON(to path: String?) throws {
            guard let path else { return }
            try Self.encoder.encode(self).write(to: URL(fileURLWithPath: path))
        }

        static var encoder: JSONEncoder {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            return encoder
        }
    }
}
