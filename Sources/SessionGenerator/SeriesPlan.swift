import RollingStoneCore

/// What a generated series is made of: its name and language, when it
/// meets and where, the titles its agendas pick from and the words its
/// entries are typed in.
struct SeriesPlan: Sendable {
    var name: String
    var language: MeetingLanguage
    /// The day of its first meeting, in days since 1970-01-01.
    var firstDay: Int
    /// The day of the week it meets on, 0 for Sunday.
    var weekday: Int
    /// How many days there are from one meeting to the next, about two to
    /// four months, before moving to the day of the week it meets on.
    var gap: ClosedRange<Int>
    /// The networks that host it, in the order they take turns.
    var hosts: [Host]
    var titles: [String]
    var welcomes: [String]
    var closings: [String]
    /// Its themes, each as the variants different meetings title it with:
    /// the variants share their first significant word, as hosts who name
    /// their items after the series' themes do, so the archive's digest
    /// brings them together (see `ThemeKey`).
    var themes: [[String]]
    var words: [String]
    /// How much likelier people of a country are to come, by ISO code; 1
    /// for a country left out.
    var pull: [String: UInt64]

    /// A network that hosts meetings, and where.
    struct Host: Sendable {
        var network: String
        var venue: String
        var city: String
    }

    /// "rollingstone", "buurtkracht-vlaanderen": how file names start.
    var slug: String { name.folded.split { !$0.isLetter && !$0.isNumber }.joined(separator: "-") }

    /// The first day on or after `day` that this series meets on.
    func meetingDay(onOrAfter day: Int) -> Int {
        // 1970-01-01 was a Thursday, day 4 of a week that starts on Sunday.
        day + (weekday - (day + 4) % 7 + 7) % 7
    }
}

extension SeriesPlan {
    /// The series an archive is spread over, the first `seriesCount` of them.
    static let all = [rollingStone, buurtkracht, commonsCircle]

    /// The Dutch series, as the built-in agenda is.
    static let rollingStone = SeriesPlan(
        name: "RollingStone", language: .nl, firstDay: 15_504, weekday: 3, gap: 56...91,
        hosts: [
            Host(network: "Stadslab Leiden", venue: "De Nieuwe Energie", city: "Leiden"),
            Host(network: "GoudaBruist", venue: "De Chocoladefabriek", city: "Gouda"),
            Host(network: "Makassarplein Community", venue: "Buurthuis Makassarplein", city: "Amsterdam"),
            Host(network: "Utrechtse Wijkcoöperatie", venue: "Café De Coöperatie", city: "Utrecht"),
            Host(network: "Zwolle Verbindt", venue: "Het Hof van Zwolle", city: "Zwolle"),
            Host(network: "Rotterdam Noord Samen", venue: "Wijkcentrum Het Klooster", city: "Rotterdam"),
        ],
        titles: [
            "Over trekkracht en veerkracht van lokale netwerken", "Netwerken die blijven staan", "Van idee naar coöperatie",
            "Samen sterker in de wijk", "Wat een buurt draagt", "Geld, gemeente en goede ideeën",
        ],
        welcomes: ["Welkom en kennismaking", "Welkom en voorstelronde"],
        closings: ["Afsluiting", "Afsluiting en borrel"],
        themes: [
            ["Trekkracht aan instanties", "Trekkracht: samenwerken met de gemeente", "Trekkracht richting woningcorporaties"],
            ["Veerkracht", "Over veerkracht in de buurt", "Veerkracht: als het schuurt"],
            ["Geld en onafhankelijkheid", "Geld: medefinanciering zonder afhankelijkheid", "Geld van fondsen en de gemeente"],
            ["Vrijwilligers vasthouden", "Vrijwilligers: wie doet het werk?"],
            ["Coöperatie in de wijk", "Coöperatie: samen eigenaar worden"],
            ["Ideeën ophalen bij bewoners", "Ideeën: van café-gesprek tot plan"],
            ["Communicatie met de buurt", "Communicatie: nieuwsbrief, app of café?"],
        ],
        words: [
            "gemeente", "netwerk", "buurt", "plan", "subsidie", "partner", "vertrouwen", "tijd", "energie", "geld",
            "wethouder", "project", "mensen", "ruimte", "ideeën", "samen", "café", "coöperatie", "medefinanciering",
            "medefinancier", "België", "Köln", "financiën", "één", "creëren", "geïnteresseerd", "vrijwilligers", "bewoners",
            "plein", "afspraak", "wijk", "straat", "avond", "bijeenkomst", "vragen", "kansen", "stappen", "verhaal",
            "school", "bibliotheek", "werkgroep", "begroting",
        ],
        pull: ["NL": 6, "BE": 3])

    /// The Flemish series: Dutch as it is spoken in Belgium, with Brussels'
    /// French among it.
    static let buurtkracht = SeriesPlan(
        name: "Buurtkracht Vlaanderen", language: .nl, firstDay: 15_619, weekday: 6, gap: 63...105,
        hosts: [
            Host(network: "Buurtlab Gent", venue: "Het Pand", city: "Gent"),
            Host(network: "Antwerpen Buurt", venue: "De Studio", city: "Antwerpen"),
            Host(network: "Lab van Troje", venue: "Budafabriek", city: "Kortrijk"),
            Host(network: "Leuven Samen", venue: "Sociaal Huis", city: "Leuven"),
            Host(network: "Brugse Buurten", venue: "Café De Republiek", city: "Brugge"),
            Host(network: "Réseau Bruxelles Voisins", venue: "Maison de Quartier Bonnevie", city: "Brussel"),
        ],
        titles: [
            "Buurtkracht in de stad", "Samen de wijk maken", "Van café-idee tot vzw", "Wat Brussel en Gent van elkaar leren",
            "Buren die het verschil maken",
        ],
        welcomes: ["Welkom en kennismaking", "Welkom, koffie en voorstelling"],
        closings: ["Afsluiting en drankje", "Afsluiting"],
        themes: [
            ["Buurtwerking en de stad", "Buurtwerking: samenwerken met het OCMW"],
            ["Schepenen overtuigen", "Schepenen: hoe krijg je ze mee?"],
            ["Subsidies en onafhankelijkheid", "Subsidies: medefinanciering door de stad", "Subsidies voor een vzw"],
            ["Veerkracht", "Over veerkracht na een moeilijk jaar"],
            ["Ruimte in de wijk", "Ruimte: leegstand tijdelijk gebruiken"],
            ["Brussel en Wallonië", "Brussel: samenwerken over de taalgrens"],
        ],
        words: [
            "stad", "schepen", "buurtwerking", "vzw", "OCMW", "subsidiëring", "coöperatie", "café", "België", "Brussel",
            "Wallonië", "réseau", "medefinanciering", "ideeën", "buurtbewoners", "wijk", "samenwerking", "vertrouwen",
            "budget", "vrijwilligers", "zaal", "projectoproep", "gemeente", "energie", "plein", "jeugdhuis", "één", "Liège",
            "kermis", "quartier", "straat", "avond", "mensen", "kansen", "plan", "tijd", "verhaal", "school", "werkgroep",
            "ruimte", "partner", "stappen",
        ],
        pull: ["BE": 8, "NL": 2, "FR": 2])

    /// The English series, where the networks from abroad meet.
    static let commonsCircle = SeriesPlan(
        name: "Commons Circle", language: .en, firstDay: 15_778, weekday: 4, gap: 77...120,
        hosts: [
            Host(network: "Dublin Commons", venue: "The Tara Building", city: "Dublin"),
            Host(network: "Bristol Commons", venue: "The Trinity Centre", city: "Bristol"),
            Host(network: "Stadtteilnetz Köln", venue: "Bürgerzentrum Ehrenfeld", city: "Köln"),
            Host(network: "Cork Together", venue: "Nano Nagle Place", city: "Cork"),
            Host(network: "Réseau Lille Voisins", venue: "La Gare Saint Sauveur", city: "Lille"),
        ],
        titles: [
            "Commons in practice", "Neighbourhoods that hold", "From kitchen table to co-operative",
            "Working with the council without losing your way", "What a café can carry",
        ],
        welcomes: ["Welcome and introductions", "Welcome, coffee and a round of names"],
        closings: ["Closing and next steps", "Closing"],
        themes: [
            ["Leverage with institutions", "Leverage: working with the council"],
            ["Resilience", "On resilience in the neighbourhood", "Resilience: when it grinds"],
            ["Money and independence", "Money: co-funding without dependence"],
            ["Volunteers who stay", "Volunteers: who does the work?"],
            ["Commons and co-operatives", "Commons: owning the café together"],
            ["Ideas from residents", "Ideas: from kitchen table to plan"],
        ],
        words: [
            "council", "neighbourhood", "network", "trust", "funding", "co-funding", "volunteers", "residents", "café",
            "commons", "plan", "time", "space", "energy", "ideas", "together", "partner", "grant", "Köln", "réseau", "Liège",
            "naïve", "rôle", "coöperative", "allotment", "library", "charity", "Zürich", "crèche", "façade", "street",
            "evening", "meeting", "questions", "chances", "steps", "story", "school", "working group", "budget", "people",
            "local",
        ],
        pull: ["IE": 6, "GB": 6, "DE": 3, "FR": 3, "ES": 3, "PT": 3, "DK": 3, "SE": 3, "IT": 3, "PL": 3])
}
