import RollingStoneCore

/// What was captured under each agenda item: notes, quotes, tips, ideas and questions,
/// first those outside any lesson, then each lesson. Actions have their own
/// section.
extension ReportComposer {
    func addItemSections(to document: inout some ReportBlockWriter) {
        let groups = EntryGroups(entries, lessons: state.lessons, items: agenda.items.count)
        for index in agenda.items.indices {
            addItemSection(index, groups, to: &document)
        }
    }

    /// One item under its own title; left out when nothing was captured
    /// under it. A lesson counts even without entries: its title is a lesson
    /// learned in itself.
    private func addItemSection(_ index: Int, _ groups: EntryGroups, to document: inout some ReportBlockWriter) {
        let item = agenda.items[index]
        let lessons = groups.lessons[index]
        let itemGroups = groups.groups(ofItem: index)
        guard groups.count(in: itemGroups) > 0 || !lessons.isEmpty else { return }

        document.write(heading(2, item.title))
        if item.theme, let summary = labels.themeSummary(lessons.count, groups.count(.tip, in: itemGroups)) {
            document.write(.paragraph([.emphasis(summary)]))
        }
        addEntries(groups, inGroup: itemGroups.lowerBound, to: &document)
        for (lesson, group) in zip(lessons, itemGroups.dropFirst()) {
            document.write(heading(3, lesson.title))
            addEntries(groups, inGroup: group, to: &document)
        }
    }

    /// Notes as paragraphs, then quotes, then tips, ideas and questions as labelled
    /// lists, each kind in the order it was captured.
    private func addEntries(_ groups: EntryGroups, inGroup group: Int, to document: inout some ReportBlockWriter) {
        for index in groups.entries(.note, inGroup: group) {
            let note = entries[index]
            document.write(.paragraph([.typed(note.text), .byline(attribution(note.participant))]))
        }
        for index in groups.entries(.quote, inGroup: group) {
            let quote = entries[index]
            document.write(
                .quote([
                    .text(labels.openingQuote), .typed(quote.text), .text(labels.closingQuote),
                    .byline(attribution(quote.participant)),
                ]))
        }
        addList(labels.practicalTips, groups.entries(.tip, inGroup: group), to: &document)
        addList(labels.ideas, groups.entries(.idea, inGroup: group), to: &document)
        addList(labels.questions, groups.entries(.question, inGroup: group), to: &document)
    }

    /// A bold label, then the entries at `indices` as a bulleted list; nothing
    /// without entries.
    private func addList(_ label: String, _ indices: ArraySlice<Int>, to document: inout some ReportBlockWriter) {
        guard !indices.isEmpty else { return }
        document.write(.paragraph([.strong(label)]))
        for index in indices {
            document.write(.item([.typed(entries[index].text), .byline(attribution(entries[index].participant))], .bullets))
        }
    }
}

/// The live entries other than actions, sorted once into the order an item's
/// section shows them.
///
/// Entries fall into groups, numbered in the order of the report: for each
/// agenda item, first those outside any lesson, then those of each of its
/// lessons. Within a group they are shown kind by kind, each kind in capture
/// order. One counting sort puts them in that order: a long meeting has
/// thousands of lessons, and filtering its entries per item, lesson and kind
/// took longer than writing them out.
private struct EntryGroups {
    /// The lessons under each agenda item, in the order they were opened.
    let lessons: [[Lesson]]
    /// Where the entries of each slot (a group and a kind: `group *
    /// kinds.count + kind`) start in `order`, and then where the last ends.
    private let starts: [Int]
    /// Indices into the entries, group by group and kind by kind.
    private let order: [Int]
    /// The first group of each item, that of its entries outside lessons.
    private let firstGroups: [Int]

    /// The kinds an item shows, in the order it shows them: actions are left out.
    private static let kinds: [EntryKind] = [.note, .quote, .tip, .idea, .question]

    init(_ entries: [Entry], lessons allLessons: [Lesson], items: Int) {
        var lessons = [[Lesson]](repeating: [], count: items)
        for lesson in allLessons where lessons.indices.contains(lesson.item) {
            lessons[lesson.item].append(lesson)
        }
        var firstGroups: [Int] = []
        var groupOfLesson: [Int: Int] = [:]
        var groupCount = 0
        for itemLessons in lessons {
            firstGroups.append(groupCount)
            groupCount += 1
            for lesson in itemLessons {
                groupOfLesson[lesson.id] = groupCount
                groupCount += 1
            }
        }

        // Where each entry goes, as group and kind together; nil for actions
        // and for entries under no item of the agenda.
        let slots = entries.map { entry -> Int? in
            guard let kind = Self.kinds.firstIndex(of: entry.kind), firstGroups.indices.contains(entry.item) else { return nil }
            let outside = firstGroups[entry.item]
            var group = outside
            // An entry whose lesson is not under its item (moved, or a lesson
            // since undone) is shown with the item's own entries rather than lost.
            if let lesson = entry.lesson, let lessonGroup = groupOfLesson[lesson], lessonGroup > outside,
                lessonGroup <= outside + lessons[entry.item].count
            {
                group = lessonGroup
            }
            return group * Self.kinds.count + kind
        }
        var starts = [Int](repeating: 0, count: groupCount * Self.kinds.count + 1)
        for case let slot? in slots { starts[slot + 1] += 1 }
        for slot in starts.indices.dropFirst() { starts[slot] += starts[slot - 1] }
        var next = starts
        var order = [Int](repeating: 0, count: starts.last ?? 0)
        for (index, slot) in slots.enumerated() {
            guard let slot else { continue }
            order[next[slot]] = index
            next[slot] += 1
        }
        self.lessons = lessons
        self.starts = starts
        self.order = order
        self.firstGroups = firstGroups
    }

    /// The groups of `item`: first its entries outside lessons, then one
    /// group per lesson, in the order of `lessons[item]`.
    func groups(ofItem item: Int) -> Range<Int> {
        firstGroups[item]..<(firstGroups[item] + 1 + lessons[item].count)
    }

    /// The indices of the entries of `kind` in `group`, in capture order.
    func entries(_ kind: EntryKind, inGroup group: Int) -> ArraySlice<Int> {
        guard let slot = slot(kind, group) else { return [] }
        return order[starts[slot]..<starts[slot + 1]]
    }

    /// How many entries `groups` hold, of every kind.
    func count(in groups: Range<Int>) -> Int {
        starts[groups.upperBound * Self.kinds.count] - starts[groups.lowerBound * Self.kinds.count]
    }

    /// How many entries of `kind` `groups` hold.
    func count(_ kind: EntryKind, in groups: Range<Int>) -> Int {
        groups.reduce(0) { total, group in total + entries(kind, inGroup: group).count }
    }

    private func slot(_ kind: EntryKind, _ group: Int) -> Int? {
        Self.kinds.firstIndex(of: kind).map { group * Self.kinds.count + $0 }
    }
}
