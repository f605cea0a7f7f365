/// What was captured under each agenda item: notes, quotes, tips and ideas,
/// first those outside any lesson, then each lesson. Actions have their own
/// section.
extension ReportComposer {
    func itemSections() -> [String] {
        let entriesByItem = Dictionary(grouping: state.entries.filter { $0.kind != .action }, by: \.item)
        let lessonsByItem = Dictionary(grouping: state.lessons, by: \.item)
        return agenda.items.indices.flatMap { index in
            itemSection(index, entries: entriesByItem[index] ?? [], lessons: lessonsByItem[index] ?? [])
        }
    }

    /// One item under its own title; left out when nothing was captured
    /// under it. A lesson counts even without entries: its title is a lesson
    /// learned in itself.
    private func itemSection(_ index: Int, entries: [Entry], lessons: [Lesson]) -> [String] {
        let item = agenda.items[index]
        guard !entries.isEmpty || !lessons.isEmpty else { return [] }

        let lessonIDs = Set(lessons.map(\.id))
        // An entry whose lesson is not under this item (moved, or a lesson
        // since undone) is shown with the item's own entries rather than lost.
        let outsideLessons = entries.filter { entry in entry.lesson.map { !lessonIDs.contains($0) } ?? true }

        var blocks = [heading2(item.title)]
        if item.theme, let summary = labels.themeSummary(lessons: lessons.count, tips: entries.count { $0.kind == .tip }) {
            blocks.append("*\(summary)*")
        }
        blocks += entryBlocks(outsideLessons)
        // Grouped once: a long meeting has thousands of lessons.
        let entriesByLesson = Dictionary(grouping: entries.filter { $0.lesson != nil }, by: \.lesson)
        for lesson in lessons {
            blocks.append(heading3(lesson.title))
            blocks += entryBlocks(entriesByLesson[lesson.id] ?? [])
        }
        return blocks
    }

    /// Notes as paragraphs, then quotes, then tips and ideas as labelled
    /// lists, each kind in the order it was captured.
    private func entryBlocks(_ entries: [Entry]) -> [String] {
        func ofKind(_ kind: EntryKind) -> [Entry] { entries.filter { $0.kind == kind } }
        var blocks: [String] = []
        for note in ofKind(.note) {
            blocks.append(MarkdownText.escaped(typed(note.text) + attribution(note.participant), at: .blockStart))
        }
        for quote in ofKind(.quote) {
            let quoted = labels.openingQuote + typed(quote.text) + labels.closingQuote
            blocks.append("> " + MarkdownText.escaped(quoted + attribution(quote.participant), at: .blockStart))
        }
        let tips = ofKind(.tip)
        if !tips.isEmpty {
            blocks.append("**\(labels.practicalTips)**")
            blocks.append(bulletList(tips.map { typed($0.text) + attribution($0.participant) }))
        }
        let ideas = ofKind(.idea)
        if !ideas.isEmpty {
            blocks.append("**\(labels.ideas)**")
            blocks.append(bulletList(ideas.map { typed($0.text) + attribution($0.participant) }))
        }
        return blocks
    }
}
