import Foundation
// Stand-in until the real loader lands.
public enum AgendaLoader {
    public static func builtInAgenda() -> Agenda {
        Agenda(title: "RollingStone afternoon", series: "RollingStone", items: [
            AgendaItem(title: "Welcome and introductions", minutes: 20),
            AgendaItem(title: "Pulling power", minutes: 45, theme: true, prompts: ["Who moves things?"]),
            AgendaItem(title: "Resilience", minutes: 45, theme: true),
            AgendaItem(title: "Closing", minutes: 15),
        ])
    }
    public static func load(contentsOf url: URL) throws -> Agenda { builtInAgenda() }
}
