import Foundation

/// Turns what a facilitator types for a country into an ISO 3166 code.
///
/// Country names come from Foundation's `Locale`, in Dutch, English, French
/// and German, so `NL`, `Nederland`, `netherlands`, `Pays-Bas`, `België`
/// and `Belgien` all resolve; a name with a part in brackets ("Myanmar
/// (Birma)") also by either part; and a few older or common names
/// (`CountryAliases`: `Holland`, `Czech Republic`) too.
package struct CountryResolver: Sendable {
    /// The languages whose country names are accepted.
    package static let languages: [MeetingLanguage] = MeetingLanguage.allCases

    private let codesByName: [String: String]
    private let displayNames: [String]

    package init() {
        var codesByName: [String: String] = [:]
        var displayNames: [String] = []
        let locales = Self.languages.map { Locale(identifier: $0.localeIdentifier) }
        // Two-letter codes only: the numeric ones are continents and regions.
        for region in Locale.Region.isoRegions where region.identifier.count == 2 {
            let code = region.identifier
            codesByName[code.folded] = code
            for locale in locales {
                guard let name = locale.localizedString(forRegionCode: code) else { continue }
                if codesByName[name.folded] == nil {
                    codesByName[name.folded] = code
                    displayNames.append(name)
                }
                // "Myanmar (Birma)": either name alone too.
                if let open = name.range(of: " ("), name.hasSuffix(")") {
                    let outside = String(name[..<open.lowerBound])
                    let inside = String(name[open.upperBound..<name.index(before: name.endIndex)])
                    for short in [outside, inside] where codesByName[short.folded] == nil {
                        codesByName[short.folded] = code
                    }
                }
            }
        }
        // After Foundation's names, so an alias never shadows a current name.
        for (alias, code) in CountryAliases.codes where codesByName[alias.folded] == nil {
            codesByName[alias.folded] = code
        }
        self.codesByName = codesByName
        self.displayNames = displayNames
    }

    /// The ISO code for `input`, or an error with suggestions.
    package func resolve(_ input: String) throws(CountryError) -> String {
        let key = input.trimmingWhitespace.folded
        if let code = codesByName[key] { return code }
        throw CountryError.unknown(input, suggestions: suggestions(for: input, among: displayNames))
    }

    /// The country's name in `language`, or the code when Foundation has none.
    package static func name(of code: String, in language: MeetingLanguage) -> String {
        Locale(identifier: language.localeIdentifier).localizedString(forRegionCode: code) ?? code
    }

    /// Country names that start with `prefix` (folded), for tab completion:
    /// names in `language` when any match, so one Tab finishes "Belg" as
    /// "België" in a Dutch meeting instead of stopping at "Belgi".
    package func names(startingWith prefix: String, preferring language: MeetingLanguage) -> [String] {
        let key = prefix.folded
        let preferred = Locale.Region.isoRegions.lazy.filter { $0.identifier.count == 2 }
            .map { Self.name(of: $0.identifier, in: language) }
            .filter { $0.folded.hasPrefix(key) }
        let names = preferred.isEmpty ? displayNames.filter { $0.folded.hasPrefix(key) } : Array(preferred)
        return Array(Set(names)).sorted()
    }
}

/// A country that could not be recognised.
package enum CountryError: Error, Equatable, CustomStringConvertible, Sendable {
    case unknown(String, suggestions: [String])

    package var description: String {
        switch self {
        case .unknown(let input, let suggestions):
            let hint =
                suggestions.isEmpty
                ? "use an ISO code such as NL or BE, or a country name in Dutch, English, French or German"
                : "did you mean " + suggestions.map { "'\($0)'" }.joined(separator: ", ") + "?"
            return "Unknown country '\(input.abbreviated())'; \(hint)"
        }
    }
}
