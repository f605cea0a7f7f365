import RollingStoneTestSupport
import Testing

@testable import RollingStoneCore

@Suite struct CountryResolverTests {
    let resolver = CountryResolver()

    @Test(arguments: [
        ("NL", "NL"), ("nl", "NL"), ("Nederland", "NL"), ("netherlands", "NL"), ("België", "BE"), ("belgie", "BE"),
        ("Belgium", "BE"), ("Verenigd Koninkrijk", "GB"), ("United Kingdom", "GB"), ("Duitsland", "DE"), ("Türkiye", "TR"),
    ])
    func namesInDutchAndEnglishAndCodes(input: String, code: String) throws {
        #expect(try resolver.resolve(input) == code)
    }

    @Test(arguments: [
        ("Pays-Bas", "NL"), ("pays-bas", "NL"), ("Niederlande", "NL"), ("Belgique", "BE"), ("Belgien", "BE"),
        ("Allemagne", "DE"), ("Deutschland", "DE"), ("Royaume-Uni", "GB"), ("Vereinigtes Königreich", "GB"),
        ("Tchéquie", "CZ"), ("Tschechien", "CZ"), ("Türkei", "TR"),
    ])
    func namesInFrenchAndGerman(input: String, code: String) throws {
        #expect(try resolver.resolve(input) == code)
    }

    /// The aliases of `CountryAliases`, each once, and a name with its
    /// bracketed part left off.
    @Test(arguments: [
        ("Holland", "NL"), ("holland", "NL"), ("Hollande", "NL"), ("UK", "GB"), ("Great Britain", "GB"),
        ("Groot-Brittannie", "GB"), ("England", "GB"), ("Engeland", "GB"), ("Scotland", "GB"), ("Schotland", "GB"),
        ("Wales", "GB"), ("Czech Republic", "CZ"), ("Tsjechische Republiek", "CZ"), ("Swaziland", "SZ"),
        ("Macedonia", "MK"), ("Macedonie", "MK"), ("Turkey", "TR"), ("Ivory Coast", "CI"), ("Ivoorkust", "CI"),
        ("Myanmar", "MM"), ("Birma", "MM"),
    ])
    func commonAndFormerNames(input: String, code: String) throws {
        #expect(try resolver.resolve(input) == code)
    }

    /// Every alias is listed for a reason: Foundation does not know it.
    @Test func aliasesAreNamesFoundationDoesNotKnow() {
        for (alias, code) in CountryAliases.codes {
            for language in MeetingLanguage.allCases {
                #expect(CountryResolver.name(of: code, in: language).folded != alias.folded, "\(alias) is Foundation's own name")
            }
        }
    }

    @Test func unknownCountryHasSuggestions() {
        #expect(throws: CountryError.unknown("Nederlnd", suggestions: ["Nederland"])) { try resolver.resolve("Nederlnd") }
        #expect(throws: CountryError.self) { try resolver.resolve("Atlantis") }
        #expect(CountryError.unknown("Nederlnd", suggestions: ["Nederland"]).description == "Unknown country 'Nederlnd'; did you mean 'Nederland'?")
    }

    @Test func namesFollowTheLanguage() {
        #expect(CountryResolver.name(of: "BE", in: .nl) == "België")
        #expect(CountryResolver.name(of: "BE", in: .en) == "Belgium")
        #expect(CountryResolver.name(of: "GB", in: .nl) == "Verenigd Koninkrijk")
        #expect(CountryResolver.name(of: "BE", in: .fr) == "Belgique")
        #expect(CountryResolver.name(of: "BE", in: .de) == "Belgien")
        #expect(CountryResolver.name(of: "NL", in: .fr) == "Pays-Bas")
    }
}
