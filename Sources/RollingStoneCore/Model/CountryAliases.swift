/// Country names people still type where Foundation's current name differs:
/// older names, a part for the whole, the common short form.
///
/// Kept few on purpose: each is a name a participant in a Dutch or Belgian
/// meeting is likely to say for their own country, and each is tested
/// (CountryResolverTests). Foundation's names in Dutch, English, French and
/// German are understood without being listed here.
enum CountryAliases {
    /// Alias → ISO 3166 code, keys as typed (they are folded on use).
    static let codes: [String: String] = [
        // The Netherlands by the name of two of its provinces.
        "Holland": "NL", "Hollande": "NL",
        // The United Kingdom by its short form or its largest parts.
        "UK": "GB", "Great Britain": "GB", "Groot-Brittannië": "GB", "England": "GB", "Engeland": "GB",
        "Scotland": "GB", "Schotland": "GB", "Wales": "GB",
        // Names in use until recently.
        "Czech Republic": "CZ", "Tsjechische Republiek": "CZ", "Swaziland": "SZ", "Macedonia": "MK",
        "Macedonië": "MK", "Turkey": "TR", "Ivory Coast": "CI", "Ivoorkust": "CI",
    ]
}
