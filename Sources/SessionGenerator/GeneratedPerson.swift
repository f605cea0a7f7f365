/// Someone the generators let join: the same name, country and network in
/// every meeting they come to.
struct GeneratedPerson: Sendable {
    var name: String
    /// ISO 3166-1 alpha-2.
    var country: String
    var network: String

    init(_ name: String, _ country: String, _ network: String) {
        self.name = name
        self.country = country
        self.network = network
    }
}

extension GeneratedPerson {
    /// The people a generated archive draws its meetings from: mostly Dutch
    /// and Flemish, some from further away, with the accents and letters
    /// that name matching and search must cope with. The session
    /// generator's twelve come first, so its afternoon's people are among
    /// them.
    static let pool: [GeneratedPerson] =
        SessionGenerator.people + [
            // The Netherlands.
            .init("Anouk Jansen", "NL", "Stadslab Leiden"), .init("Joëlle van den Berg", "NL", "Utrechtse Wijkcoöperatie"),
            .init("Noël Hendriks", "NL", "Eindhoven Buurtenergie"), .init("Chloë de Groot", "NL", "Makassarplein Community"),
            .init("Daniël Smit", "NL", "Zwolle Verbindt"), .init("Zoë Mulder", "NL", "Groningen Groeit"),
            .init("Michiel Bos", "NL", "Rotterdam Noord Samen"), .init("Ruud Meijer", "NL", "Deventer Doet"),
            .init("Inge Dekker", "NL", "GoudaBruist"), .init("Sanne de Boer", "NL", "Stadslab Leiden"),
            .init("Fatma Öztürk", "NL", "Rotterdam Noord Samen"), .init("Mehmet Güler", "NL", "Utrechtse Wijkcoöperatie"),
            .init("Thijs van Dijk", "NL", "Zwolle Verbindt"), .init("Gijs Kuipers", "NL", "Groningen Groeit"),
            .init("Noor El Idrissi", "NL", "Makassarplein Community"), .init("Jeroen Brouwer", "NL", "Eindhoven Buurtenergie"),
            .init("Renée Koster", "NL", "Deventer Doet"), .init("Maaike Prins", "NL", "GoudaBruist"),
            .init("Björn Hoekstra", "NL", "Groningen Groeit"), .init("Sem de Jong", "NL", "Stadslab Leiden"),
            .init("Saïda Benali", "NL", "Rotterdam Noord Samen"), .init("Wouter Postma", "NL", "Zwolle Verbindt"),
            .init("Hanneke Smits", "NL", "Utrechtse Wijkcoöperatie"), .init("Eefje Brinkman", "NL", "Deventer Doet"),
            // Flanders and Brussels.
            .init("Lies Claes", "BE", "Leuven Samen"), .init("Jef Wouters", "BE", "Antwerpen Buurt"),
            .init("Anaïs Dubois", "BE", "Réseau Bruxelles Voisins"), .init("Raphaël Lambert", "BE", "Liège Ensemble"),
            .init("Ine Maes", "BE", "Buurtlab Gent"), .init("Koen Janssens", "BE", "Hasselt Verbindt"),
            .init("Hélène Dupont", "BE", "Réseau Bruxelles Voisins"), .init("Bram Willems", "BE", "Brugse Buurten"),
            .init("Eline Goossens", "BE", "Leuven Samen"), .init("Joris Vermeulen", "BE", "Lab van Troje"),
            .init("Nathalie Lefèvre", "BE", "Liège Ensemble"), .init("Thibault Mertens", "BE", "Antwerpen Buurt"),
            .init("Sofie De Smet", "BE", "Buurtlab Gent"), .init("Ward Jacobs", "BE", "Hasselt Verbindt"),
            .init("Géraldine Renard", "BE", "Réseau Bruxelles Voisins"), .init("Pieter-Jan Van Damme", "BE", "Brugse Buurten"),
            .init("Emine Aydın", "BE", "Antwerpen Buurt"), .init("Ruben De Backer", "BE", "Lab van Troje"),
            .init("Amélie Verstraete", "BE", "Brugse Buurten"), .init("Mathéo Leclercq", "BE", "Liège Ensemble"),
            .init("Griet Van Acker", "BE", "Buurtlab Gent"), .init("Maïté Wuyts", "BE", "Leuven Samen"),
            // Germany, France, Ireland, Britain and further.
            .init("Jürgen Müller", "DE", "Stadtteilnetz Köln"), .init("Lena Groß", "DE", "Kiezwerk Berlin"),
            .init("Özlem Kaya", "DE", "Stadtteilnetz Köln"), .init("Björn Schäfer", "DE", "Nachbarschaft Aachen"),
            .init("Käthe Krüger", "DE", "Kiezwerk Berlin"), .init("Théo Lefebvre", "FR", "Réseau Lille Voisins"),
            .init("Élodie Moreau", "FR", "Voisins de Roubaix"), .init("François Girard", "FR", "Réseau Lille Voisins"),
            .init("Maëlle Rousseau", "FR", "Voisins de Roubaix"), .init("Jérôme Faure", "FR", "Réseau Lille Voisins"),
            .init("Seán Ó Briain", "IE", "Galway Gathers"), .init("Niamh Ní Dhónaill", "IE", "Dublin Commons"),
            .init("Pádraig Walsh", "IE", "Cork Together"), .init("Róisín Kelly", "IE", "Galway Gathers"),
            .init("Oliver Hughes", "GB", "Bristol Commons"), .init("Priya Patel", "GB", "Manchester Neighbours"),
            .init("Zoë Clarke", "GB", "Bristol Commons"), .init("Rhiannon Evans", "GB", "Manchester Neighbours"),
            .init("Núria Puig", "ES", "Barcelona Barris"), .init("Íñigo Etxeberria", "ES", "Bilbao Auzoak"),
            .init("José Martínez", "ES", "Barcelona Barris"), .init("Begoña Ruiz", "ES", "Bilbao Auzoak"),
            .init("João Conceição", "PT", "Lisboa Vizinhos"), .init("Inês Gonçalves", "PT", "Lisboa Vizinhos"),
            .init("Søren Østergaard", "DK", "København Naboer"), .init("Åsa Lindqvist", "SE", "Malmö Grannar"),
            .init("Niccolò Bianchi", "IT", "Bologna Vicini"), .init("Łukasz Wróbel", "PL", "Kraków Sąsiedzi"),
        ]

    /// How often someone comes, apart from the series and its host: by
    /// place in the pool, so a few are regulars, some come now and then and
    /// most rarely.
    static func frequency(ofPersonAt index: Int) -> UInt64 {
        switch index % 5 {
        case 0: 12
        case 2: 4
        default: 1
        }
    }
}
