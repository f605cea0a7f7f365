import Foundation
import RollingStoneCore

/// Makes a whole archive: `sessions` meetings, the same for the same
/// parameters, spread over up to three series (a Dutch, a Flemish and an
/// English one) that meet by turns, each numbering its meetings from 1 on
/// dates two to four months apart, at the network whose turn it is to
/// host. The people come from one pool, so they come back across meetings
/// and series; actions taken on in one meeting are done in later ones of
/// the same series.
///
/// Each meeting is the `SessionGenerator`'s session of `entriesPerSession`
/// entries on its own agenda, with its own people and words, made one at a
/// time: only the open actions of each series are carried from one meeting
/// to the next, so an archive of any size takes little memory.
package struct SeriesGenerator {
    package var sessions: Int
    package var entriesPerSession: Int
    package var seed: UInt64
    /// Over how many series the meetings are spread: 1 to
    /// `SeriesGenerator.seriesNames.count`; more are as many as there are.
    package var seriesCount: Int = 3

    package init(sessions: Int, entriesPerSession: Int, seed: UInt64 = 2012, seriesCount: Int = 3) {
        self.sessions = sessions
        self.entriesPerSession = entriesPerSession
        self.seed = seed
        self.seriesCount = seriesCount
    }

    /// The series there are, in the order `seriesCount` takes them.
    package static var seriesNames: [String] { SeriesPlan.all.map(\.name) }

    /// The meetings, made as they are asked for, in the order they are held.
    package func meetings() -> Meetings { Meetings(self) }

    /// Writes one session file per meeting into `folder`, made when missing,
    /// replacing files of the same names.
    package func write(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for meeting in meetings() {
            try SessionGenerator.jsonLines(header: meeting.header, records: meeting.records)
                .write(to: folder.appendingPathComponent(meeting.fileName))
        }
    }

    /// The meetings of an archive, one at a time.
    package struct Meetings: Sequence, IteratorProtocol {
        private let sessions: Int
        private let entries: Int
        private let plans: [SeriesPlan]
        private var random: SplitMix64
        private var made = 0
        private var progress: [Progress]

        /// Where a series stands between its meetings: all that is carried over.
        private struct Progress {
            var held = 0
            /// The day its next meeting is on, in days since 1970-01-01.
            var day: Int
            /// Its actions not yet done, the latest last.
            var open: [ActionReference] = []
        }

        /// How many of a series' latest open actions are followed up: a
        /// meeting goes through what is left of the last few, nobody digs up
        /// one from years ago, and memory stays bounded however long the
        /// series runs.
        private static let followedUp = 30

        init(_ generator: SeriesGenerator) {
            sessions = Swift.max(0, generator.sessions)
            entries = Swift.max(0, generator.entriesPerSession)
            plans = Array(SeriesPlan.all.prefix(Swift.min(Swift.max(1, generator.seriesCount), SeriesPlan.all.count)))
            random = SplitMix64(seed: generator.seed)
            progress = plans.map { Progress(day: $0.meetingDay(onOrAfter: $0.firstDay)) }
        }

        package mutating func next() -> GeneratedMeeting? {
            guard made < sessions else { return nil }
            made += 1
            let series = nextSeries()
            let plan = plans[series]
            var standing = progress[series]
            let number = standing.held + 1
            let nextDay = plan.meetingDay(onOrAfter: standing.day + plan.gap.lowerBound + Int(random.next() % UInt64(plan.gap.count)))
            let people = attendees(of: plan, host: plan.hosts[(number - 1) % plan.hosts.count])
            let agenda = agenda(of: plan, number: number, day: standing.day, nextDay: nextDay)
            let scheduled = followUps(of: standing.open, people: people.count)
            // 11:30 to 12:30 UTC: the early afternoon in the Low Countries, summer or winter.
            let start = Date(timeIntervalSince1970: Double(standing.day) * 86_400 + 41_400 + Double(random.next() % 3_600))
            let generator = SessionGenerator(
                entries: entries, seed: random.next(), agenda: agenda, people: people, start: start, words: plan.words,
                tail: .of(plan.language), scheduled: scheduled)
            let (state, records) = generator.generated()

            // Only what the file says was done counts: an undo in the
            // meeting may have taken a closing back.
            let done = Set(state.closedActions.map(\.action.label))
            standing.open.removeAll { done.contains($0.label) }
            standing.open += ActionReference.actions(of: state)
            standing.open = Array(standing.open.suffix(Self.followedUp))
            standing.held = number
            standing.day = nextDay
            progress[series] = standing

            let fileName = "\(plan.slug)-\(String(format: "%03d", number))-\(agenda.date ?? "").jsonl"
            return GeneratedMeeting(fileName: fileName, header: state.header, records: records)
        }

        /// The series that meets next: the archive is made in the order the
        /// meetings are held, as a real one grows.
        private func nextSeries() -> Int {
            progress.indices.min { progress[$0].day < progress[$1].day } ?? 0
        }

        /// The agenda: a welcome, two to four of the series' themes, each
        /// titled with one of its variants, and a closing.
        private mutating func agenda(of plan: SeriesPlan, number: Int, day: Int, nextDay: Int) -> Agenda {
            let host = plan.hosts[(number - 1) % plan.hosts.count]
            let nextHost = plan.hosts[number % plan.hosts.count]
            var themes = Array(plan.themes.indices)
            let count = 2 + Int(random.next() % 3)
            var items = [AgendaItem(title: pick(plan.welcomes), minutes: 15 + 5 * Int(random.next() % 3))]
            for index in 0..<count {
                themes.swapAt(index, index + Int(random.next() % UInt64(themes.count - index)))
                let title = pick(plan.themes[themes[index]])
                items.append(AgendaItem(title: title, minutes: 30 + 5 * Int(random.next() % 4), theme: true))
            }
            items.append(AgendaItem(title: pick(plan.closings), minutes: 10 + 5 * Int(random.next() % 2)))
            let website = "https://" + host.network.folded.filter { $0.isASCII && ($0.isLetter || $0.isNumber) } + ".example.org"
            return Agenda(
                title: pick(plan.titles), series: plan.name, number: number, date: Self.date(day), language: plan.language,
                venue: "\(host.venue), \(host.city)", host: .init(name: host.network, website: website), items: items,
                next: .init(date: Self.date(nextDay), place: nextHost.city))
        }

        /// Eight to twenty people of the pool, drawn by how often they come,
        /// how much the series draws their country and whether their
        /// network hosts.
        private mutating func attendees(of plan: SeriesPlan, host: SeriesPlan.Host) -> [GeneratedPerson] {
            let pool = GeneratedPerson.pool
            var weights = pool.indices.map { index in
                let person = pool[index]
                return GeneratedPerson.frequency(ofPersonAt: index) * plan.pull[person.country, default: 1]
                    * (person.network == host.network ? 4 : 1)
            }
            var total = weights.reduce(0, +)
            var people: [GeneratedPerson] = []
            for _ in 0..<Swift.min(pool.count, 8 + Int(random.next() % 13)) {
                var roll = random.next() % total
                var index = 0
                while roll >= weights[index] {
                    roll -= weights[index]
                    index += 1
                }
                people.append(pool[index])
                total -= weights[index]
                weights[index] = 0
            }
            return people
        }

        /// Some of the series' open actions, done at moments of the meeting;
        /// now and then someone asks to be left out of the write-ups.
        private mutating func followUps(of open: [ActionReference], people: Int) -> [SessionGenerator.ScheduledEvent] {
            var scheduled: [SessionGenerator.ScheduledEvent] = []
            var candidates = open
            if !candidates.isEmpty && random.next() % 4 > 0 {
                for index in 0..<(1 + Int(random.next() % UInt64(Swift.min(candidates.count, 5)))) {
                    // Distinct picks: an action is never closed twice.
                    candidates.swapAt(index, index + Int(random.next() % UInt64(candidates.count - index)))
                    scheduled.append(.init(captures: moment(), event: .actionDone(candidates[index])))
                }
            }
            if random.next() % 12 == 0 {
                scheduled.append(.init(captures: moment(), event: .madePrivate(participant: 1 + Int(random.next() % UInt64(people)))))
            }
            return scheduled.sorted { $0.captures < $1.captures }
        }

        /// A moment of the meeting, as the number of entries captured before it.
        private mutating func moment() -> Int { Int(random.next() % UInt64(entries + 1)) }

        private mutating func pick(_ choices: [String]) -> String { choices[Int(random.next() % UInt64(choices.count))] }

        /// "2012-06-13" for day 15504.
        private static func date(_ day: Int) -> String {
            Date(timeIntervalSince1970: Double(day) * 86_400).formatted(Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day())
        }
    }
}
