/// Someone taking part in the meeting.
public struct Participant: Codable, Equatable, Sendable {
    /// Stable within a session; entries refer to participants by it.
    public var id: Int
    public var name: String
    /// ISO 3166-1 alpha-2 code, e.g. "NL".
    public var country: String
    /// The network or organisation they come from, e.g. "Stadslab Leiden".
    public var network: String?
    /// Their role, e.g. "host" or "special guest".
    public var role: String?
    /// An e-mail address or other contact detail; left out of reports unless asked for.
    public var contact: String?

    public init(id: Int, name: String, country: String, network: String? = nil, role: String? = nil, contact: String? = nil) {
        self.id = id
        self.name = name
        self.country = country
        self.network = network
        self.role = role
        self.contact = contact
    }
}
