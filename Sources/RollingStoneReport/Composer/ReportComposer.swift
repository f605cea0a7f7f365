import Foundation
import RollingStoneCore

/// Builds the sections of one report as a `ReportDocument`, block by block;
/// a section with nothing to show adds nothing.
///
/// Typed text enters the document as text (`ReportInline.text`, `.typed`),
/// which each writer escapes; fixed words come from `ReportLabels`. The
/// sections live in extensions, one file each.
struct ReportComposer {
    let state: MeetingState
    let options: ReportOptions
    let labels: ReportLabels
    /// The live entries, in capture order: `state.entries` is built anew on
    /// each call.
    let entries: [Entry]
    /// Looked up once per country: a `Locale` per attributed entry was a
    /// large part of a long report's time.
    private let countryNames: [String: String]
    /// What follows the text of each participant's entries, in the order of
    /// `state.participants`: put together once, not for every entry.
    private let bylines: [Byline]

    private struct Byline {
        /// " — Stef Steyaert, België"
        var attribution: String
        /// " — Stef Steyaert"
        var owner: String
    }

    init(state: MeetingState, options: ReportOptions) {
        self.state = state
        self.options = options
        self.labels = ReportLabels(options.language)
        self.entries = state.entries
        var names: [String: String] = [:]
        for code in Set(state.participants.map(\.country)) {
            names[code] = CountryResolver.name(of: code, in: options.language)
        }
        self.countryNames = names
        let labels = self.labels
        self.bylines = state.participants.map { participant in
            let country = names[participant.country] ?? CountryResolver.name(of: participant.country, in: options.language)
            // Built by hand, not with the labels' colon: the dash and comma
            // of a byline read the same in all four languages.
            guard !state.privateParticipants.contains(participant.id) else {
                let anonymous = labels.anonymous(country)
                return Byline(attribution: " — \(anonymous)", owner: " — \(anonymous)")
            }
            let name = MarkdownText.oneLine(participant.name)
            return Byline(attribution: " — \(name), \(country)", owner: " — \(name)")
        }
    }

    var agenda: Agenda { state.agenda }
    var language: MeetingLanguage { options.language }

    /// The participant's name as the write-up shows it: "een deelnemer uit
    /// België" for one kept private.
    func shownName(_ participant: Participant) -> String {
        guard state.privateParticipants.contains(participant.id) else { return typed(participant.name) }
        return labels.anonymous(countryName(participant.country))
    }

    /// Whether the write-up leaves the participant's network, role and contact out.
    func isPrivate(_ participant: Participant) -> Bool {
        state.privateParticipants.contains(participant.id)
    }

    /// The country's name in the report's language.
    func countryName(_ code: String) -> String {
        countryNames[code] ?? CountryResolver.name(of: code, in: language)
    }

    /// Typed text as a reader sees it: one line, trimmed. Applied before
    /// typed text is combined with other words, so its leading or trailing
    /// white space cannot end up in the middle of a line.
    func typed(_ text: String) -> String {
        MarkdownText.oneLine(text)
    }

    /// " — Stef Steyaert, België" for an entry's participant, as plain text;
    /// empty when the entry has none.
    func attribution(_ participantID: Int?) -> String {
        byline(participantID)?.attribution ?? ""
    }

    /// " — Stef Steyaert" for an action's owner, as plain text; empty when
    /// the action has none.
    func owner(_ participantID: Int?) -> String {
        byline(participantID)?.owner ?? ""
    }

    private func byline(_ participantID: Int?) -> Byline? {
        guard let participantID else { return nil }
        let participants = state.participants
        // Ids are given out in order from 1, so participant n is nearly always
        // the nth; one who joined and was undone leaves a gap.
        if participantID >= 1, participantID <= participants.count, participants[participantID - 1].id == participantID {
            return bylines[participantID - 1]
        }
        return participants.firstIndex { $0.id == participantID }.map { bylines[$0] }
    }

    /// A heading of `level` showing `text`.
    func heading(_ level: Int, _ text: String) -> ReportBlock {
        .heading(level: level, [.text(text)])
    }

    /// "Datum: 26 september 2012": a label and text that may hold anything.
    func labelled(_ label: String, _ text: String) -> [ReportInline] {
        [.words(label + labels.colon), .text(text)]
    }

    /// The meeting's date written out, or as the agenda has it when it is
    /// not a real `YYYY-MM-DD` day; `nil` without one.
    var writtenDate: String? {
        present(agenda.date).map { ReportDates.writtenOut($0, pattern: labels.datePattern, in: language) ?? $0 }
    }

    /// `text` as a reader sees it, unless it is missing, empty or only white space.
    func present(_ text: String?) -> String? {
        guard let text else { return nil }
        let shown = typed(text)
        return shown.isEmpty ? nil : shown
    }

    /// The minutes `seconds` come to, rounded half away from zero.
    func minutes(_ seconds: TimeInterval) -> Int {
        Int((seconds / 60).rounded())
    }
}
