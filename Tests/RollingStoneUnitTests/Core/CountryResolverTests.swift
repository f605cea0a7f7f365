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

    @Test func unknownCountryHasSuggestions() {
        #expect(throws: CountryError.unknown("Nederlnd", suggestions: ["Nederland"])) { try resolver.resolve("Nederlnd") }
        #expect(throws: CountryError.self) { try resolver.resolve("Atlantis") }
        #expect(CountryError.unknown("Nederlnd", suggestions: ["Nederland"]).description == "Unknown country 'Nederlnd'; did you mean 'Nederland'?")
    }

    @Test func namesFollowTheLanguage() {
        #expect(CountryResolver.name(of: "BE", in: .nl) == "België")
        #expect(CountryResolver.name(of: "BE", in: .en) == "Belgium")
        #expect(CountryResolver.name(of: "GB", in: .nl) == "Verenigd Koninkrijk")
    }
}
