/// Someone taking part in the meeting.
package struct Participant: Codable, Equatable, Sendable {
    /// Stable within a session; entries refer to participants by it.
    package var id: Int
    package var name: String
    /// ISO 3166-1 alpha-2 code, e.g. "NL".
    package var country: String
    /// The network or organisation they come from, e.g. "Stadslab Leiden".
    package var network: String?
    /// Their role, e.g. "host" or "special guest".
    package var role: String?
    /// An e-mail address or other contact detail; left out of reports unless asked for.
    package var contact: String?

    package init(id: Int, name: String, country: String, network: String? = nil, role: String? = nil, contact: String? = nil) {
        self.id = id
        self.name = name
        self.country = country
        self.network = network
        self.role = role
        self.contact = contact
    }
}
