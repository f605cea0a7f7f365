import RollingStoneMeeting

extension SpeakerOverrun {
    /// The alert shown above the prompt.
    var wording: String {
        let next = waiting == 0 ? "'q done' ends the turn" : "'ack' gives the floor to the next"
        return "Speaker time: \(speaker.name) has used \(CommandInterpreter.minutes(allowedSeconds)); \(next)."
    }
}
