/// Each command as the REPL names and explains it, every language side by side.
extension CommandName {
    /// The command's word, its usage and what it does, as `help` shows them.
    struct Wording {
        var word: String
        var usage: String
        var summary: String
    }

    /// The word `help` shows and Tab offers first in `language`: `note`; `notitie`.
    package func word(in language: InterfaceLanguage) -> String { wording(in: language).word }

    /// How the command is typed in `language`: `note TEXT`; `notitie TEKST`.
    package func usage(in language: InterfaceLanguage) -> String { wording(in: language).usage }

    /// One line on what it does, in `language`.
    package func summary(in language: InterfaceLanguage) -> String { wording(in: language).summary }

    func wording(in language: InterfaceLanguage) -> Wording {
        typealias W = Wording
        switch (self, language) {
        case (.help, .en): return W(word: "help", usage: "help [COMMAND]", summary: "list the commands, or explain one")
        case (.help, .nl): return W(word: "hulp", usage: "hulp [COMMANDO]", summary: "toont de commando's, of legt er één uit")

        case (.agenda, .en): return W(word: "agenda", usage: "agenda", summary: "show the agenda: done, current and upcoming items with their minutes")
        case (.agenda, .nl): return W(word: "agenda", usage: "agenda", summary: "toont de agenda: afgeronde, huidige en komende punten met hun minuten")

        case (.next, .en): return W(word: "next", usage: "next", summary: "go to the next agenda item")
        case (.next, .nl): return W(word: "volgende", usage: "volgende", summary: "gaat naar het volgende agendapunt")

        case (.back, .en): return W(word: "back", usage: "back", summary: "go back to the previous agenda item")
        case (.back, .nl): return W(word: "terug", usage: "terug", summary: "gaat terug naar het vorige agendapunt ('vorige' kan ook)")

        case (.goto, .en): return W(word: "goto", usage: "goto N|TITLE", summary: "go to agenda item N, or the item whose title contains TITLE")
        case (.goto, .nl): return W(word: "ga", usage: "ga [naar] N|TITEL", summary: "gaat naar agendapunt N, of naar het punt waarvan de titel TITEL bevat")

        case (.time, .en): return W(word: "time", usage: "time", summary: "show the time spent on this item and the meeting against the plan")
        case (.time, .nl): return W(word: "tijd", usage: "tijd", summary: "toont de tijd die dit punt en de bijeenkomst kostten, tegen de planning")

        case (.join, .en):
            return W(
                word: "join", usage: "join NAME, COUNTRY[, NETWORK[, ROLE[, CONTACT]]]",
                summary: "add a participant; COUNTRY is an ISO code or a name in Dutch, English, French or German")
        case (.join, .nl):
            return W(
                word: "deelnemer", usage: "deelnemer NAAM, LAND[, NETWERK[, ROL[, CONTACT]]]",
                summary: "voegt een deelnemer toe; LAND is een ISO-code of een naam in het Nederlands, Engels, Frans of Duits")

        case (.who, .en): return W(word: "who", usage: "who", summary: "list the participants by country")
        case (.who, .nl): return W(word: "wie", usage: "wie", summary: "toont de deelnemers per land")

        case (.lesson, .en): return W(word: "lesson", usage: "lesson TITLE", summary: "open a lesson under the current theme; what follows belongs to it")
        case (.lesson, .nl): return W(word: "les", usage: "les TITEL", summary: "opent een les onder het huidige thema; wat volgt hoort erbij")

        case (.tip, .en): return W(word: "tip", usage: "tip [@NAME] TEXT", summary: "capture a practical tip, optionally by a participant")
        case (.tip, .nl): return W(word: "tip", usage: "tip [@NAAM] TEKST", summary: "legt een praktische tip vast, eventueel van een deelnemer")

        case (.note, .en): return W(word: "note", usage: "note TEXT", summary: "capture a note (any line that is not a command is a note too)")
        case (.note, .nl):
            return W(word: "notitie", usage: "notitie TEKST", summary: "legt een notitie vast (elke regel die geen commando is, is ook een notitie)")

        case (.quote, .en): return W(word: "quote", usage: "quote @NAME TEXT", summary: "capture what a participant said, in their words")
        case (.quote, .nl): return W(word: "citaat", usage: "citaat @NAAM TEKST", summary: "legt vast wat een deelnemer zei, in diens eigen woorden")

        case (.idea, .en): return W(word: "idea", usage: "idea [@NAME] TEXT", summary: "capture an idea, optionally by a participant")
        case (.idea, .nl): return W(word: "idee", usage: "idee [@NAAM] TEKST", summary: "legt een idee vast, eventueel van een deelnemer")

        case (.action, .en): return W(word: "action", usage: "action [@NAME] TEXT", summary: "capture a follow-up action, optionally with its owner")
        case (.action, .nl): return W(word: "actie", usage: "actie [@NAAM] TEKST", summary: "legt een vervolgactie vast, eventueel met wie haar oppakt")

        case (.list, .en): return W(word: "list", usage: "list [all]", summary: "list the entries of this item, or of the whole meeting, with their #numbers")
        case (.list, .nl):
            return W(word: "lijst", usage: "lijst [alles]", summary: "toont de bijdragen bij dit punt, of van de hele bijeenkomst, met hun #nummers")

        case (.edit, .en): return W(word: "edit", usage: "edit #N TEXT", summary: "replace the text of entry #N")
        case (.edit, .nl): return W(word: "wijzig", usage: "wijzig #N TEKST", summary: "vervangt de tekst van bijdrage #N")

        case (.delete, .en): return W(word: "delete", usage: "delete #N", summary: "delete entry #N (undo brings it back)")
        case (.delete, .nl): return W(word: "verwijder", usage: "verwijder #N", summary: "verwijdert bijdrage #N ('herstel' haalt haar terug)")

        case (.move, .en): return W(word: "move", usage: "move #N ITEM", summary: "move entry #N to another agenda item")
        case (.move, .nl): return W(word: "verplaats", usage: "verplaats #N [naar] PUNT", summary: "verplaatst bijdrage #N naar een ander agendapunt")

        case (.undo, .en): return W(word: "undo", usage: "undo", summary: "take back the last change; again takes back the one before")
        case (.undo, .nl): return W(word: "herstel", usage: "herstel", summary: "maakt de laatste wijziging ongedaan; nog eens maakt de vorige ongedaan")

        case (.report, .en): return W(word: "report", usage: "report [FILE]", summary: "write the report so far (default: next to the session file)")
        case (.report, .nl):
            return W(word: "verslag", usage: "verslag [BESTAND.md|.html|.pdf]", summary: "schrijft het verslag tot nu toe (standaard naast het sessiebestand)")

        case (.end, .en): return W(word: "end", usage: "end", summary: "end the meeting (Ctrl-D does the same)")
        case (.end, .nl): return W(word: "einde", usage: "einde", summary: "beëindigt de bijeenkomst (Ctrl-D doet hetzelfde)")

        case (.inbox, .en): return W(word: "inbox", usage: "inbox", summary: "list what phones in the room sent that waits for 'accept' or 'reject'")
        case (.inbox, .nl): return W(word: "inbox", usage: "inbox", summary: "toont wat telefoons in de zaal stuurden en wacht op 'accepteer' of 'weiger'")

        case (.accept, .en):
            return W(
                word: "accept", usage: "accept N [@NAME]", summary: "capture submission N under this item and lesson, by @NAME or by the name the phone gave")
        case (.accept, .nl):
            return W(
                word: "accepteer", usage: "accepteer N [@NAAM]",
                summary: "legt inzending N vast onder dit punt en deze les, van @NAAM of van de naam die de telefoon gaf")

        case (.reject, .en): return W(word: "reject", usage: "reject N", summary: "turn submission N down ('undo' brings it back)")
        case (.reject, .nl): return W(word: "weiger", usage: "weiger N", summary: "wijst inzending N af ('herstel' haalt haar terug)")

        case (.room, .en):
            return W(
                word: "room", usage: "room [direct|moderated]",
                summary: "capture what phones send at once (direct) or only once accepted (moderated, the default)")
        case (.room, .nl):
            return W(
                word: "zaal", usage: "zaal [direct|gemodereerd]",
                summary: "legt wat telefoons sturen meteen vast (direct) of pas na acceptatie (gemodereerd, de standaard)")

        case (.queue, .en):
            return W(
                word: "q", usage: "q [next|done|stats|time MIN|time off]",
                summary: "show the speaker queue and who has the floor, for how long ('help q' for the rest)")
        case (.queue, .nl):
            return W(
                word: "q", usage: "q [volgende|klaar|stats|tijd MIN|tijd uit]",
                summary: "toont de sprekerslijst en wie het woord heeft, hoe lang al ('hulp q' voor de rest)")

        case (.queueUp, .en):
            return W(
                word: "q+", usage: "q+ @NAME [!] [TOPIC]",
                summary: "put a participant in the speaker queue; with '!' (a point of order or direct reply) ahead of the others")
        case (.queueUp, .nl):
            return W(
                word: "q+", usage: "q+ @NAAM [!] [ONDERWERP]",
                summary: "zet een deelnemer op de sprekerslijst; met '!' (een punt van orde of directe reactie) vóór de anderen")

        case (.unqueue, .en): return W(word: "q-", usage: "q- @NAME", summary: "take a participant out of the speaker queue")
        case (.unqueue, .nl): return W(word: "q-", usage: "q- @NAAM", summary: "haalt een deelnemer van de sprekerslijst")

        case (.ack, .en):
            return W(word: "ack", usage: "ack", summary: "give the floor to the first in the queue, ending the turn under way ('q next' does the same)")
        case (.ack, .nl):
            return W(
                word: "beurt", usage: "beurt", summary: "geeft het woord aan de eerste op de lijst en sluit de lopende beurt af ('q volgende' doet hetzelfde)")

        case (.actions, .en):
            return W(word: "actions", usage: "actions", summary: "list the open actions of earlier meetings of the series, and this meeting's")
        case (.actions, .nl):
            return W(word: "acties", usage: "acties", summary: "toont de open acties van eerdere bijeenkomsten van de reeks, en die van deze")

        case (.done, .en): return W(word: "done", usage: "done A2.6", summary: "record that action A2.6 (#6 of meeting 2) was done")
        case (.done, .nl): return W(word: "klaar", usage: "klaar A2.6", summary: "legt vast dat actie A2.6 (#6 van bijeenkomst 2) gedaan is")

        case (.keepPrivate, .en):
            return W(
                word: "private", usage: "private @NAME",
                summary: "keep a participant out of the write-ups by name: they say 'a participant from Belgium', without network or contact")
        case (.keepPrivate, .nl):
            return W(
                word: "privé", usage: "privé @NAAM",
                summary: "houdt een deelnemer bij naam buiten de verslagen: daar staat 'een deelnemer uit België', zonder netwerk of contact")

        case (.search, .en):
            return W(word: "search", usage: "search WORDS", summary: "look up what this and earlier meetings in the folder said about it")
        case (.search, .nl):
            // Not "zoek": "Zoek de mensen achter het loket" is a tip as often typed as a plain note.
            return W(word: "zoeken", usage: "zoeken WOORDEN", summary: "zoekt op wat deze en eerdere bijeenkomsten in de map erover zeiden")
        }
    }
}
