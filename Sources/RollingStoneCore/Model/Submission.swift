/// A tip, idea or question sent from a phone in the room, waiting for the
/// facilitator to accept it into the record or reject it.
package struct Submission: Codable, Equatable, Sendable {
    /// The number `accept N` and `reject N` use; given out in order from 1.
    package var number: Int
    package var kind: SubmissionKind
    package var text: String
    /// The name the phone gave; it need not be a participant's.
    package var name: String

    package init(number: Int, kind: SubmissionKind, text: String, name: String) {
        self.number = number
        self.kind = kind
        self.text = text
        self.name = name
    }
}

/// What a phone can send.
package enum SubmissionKind: String, Codable, CaseIterable, Sendable {
    case tip
    case idea
    case question

    /// The kind of entry an accepted submission becomes.
    package var entryKind: EntryKind {
        switch self {
        case .tip: .tip
        case .idea: .idea
        case .question: .question
        }
    }
}

/// Where a submission stands.
package enum SubmissionStatus: Equatable, Sendable {
    case pending
    /// Accepted as entry `#entry`.
    case accepted(entry: Int)
    case rejected
}
