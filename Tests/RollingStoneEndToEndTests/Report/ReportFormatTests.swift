import Foundation
import RollingStoneTestSupport
import Testing

/// `rollingstone report` in its three formats, through the built binary:
/// the HTML page, and the PDF read back by poppler as text and as a picture.
@Suite struct ReportFormatTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sample = repository.appendingPathComponent("sessions/sample-leiden-2012.jsonl")

    /// `program ARGUMENTS`' standard output, failing the test on a bad exit.
    static func output(of program: String, _ arguments: [String]) throws -> Data {
        let run = try ExternalProgram.run(URL(fileURLWithPath: "/usr/bin/env"), [program] + arguments)
        #expect(run.status == 0, "\(program) \(arguments): \(run.errors)")
        return run.output
    }

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }

    @Test func htmlByNameOrByFormatIsTheSamePage() async throws {
        let folder = try TemporaryFolder()
        let byName = try await ScriptedRun.run(["report", Self.sample.path, "-o", "verslag.html"], in: folder.url)
        #expect(byName.status == 0, "\(byName.errors)")
        let page = try String(contentsOf: folder.file("verslag.html"), encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
        let byFormat = try await ScriptedRun.run(["report", Self.sample.path, "--format", "html"], in: folder.url)
        #expect(byFormat.status == 0)
        #expect(byFormat.output == page)
        // -o x.md stays Markdown, whatever --format's default.
        let markdown = try await ScriptedRun.run(["report", Self.sample.path, "-o", "verslag.md"], in: folder.url)
        #expect(markdown.status == 0)
        #expect(try String(contentsOf: folder.file("verslag.md"), encoding: .utf8).hasPrefix("# RollingStone 2: "))
    }

    /// Every section and every participant's name is in the PDF's text, the
    /// pages are numbered in the report's language, and page one turns into a
    /// picture (docs/report.md shows it).
    @Test func pdfHoldsEverySectionAndNameInFrench() async throws {
        let folder = try TemporaryFolder()
        let run = try await ScriptedRun.run(["report", Self.sample.path, "--lang", "fr", "-o", "compte-rendu.pdf"], in: folder.url)
        #expect(run.status == 0, "\(run.errors)")
        let pdf = folder.file("compte-rendu.pdf")
        #expect(try Data(contentsOf: pdf).prefix(5) == Data("%PDF-".utf8))

        let text = Self.collapsed(String(decoding: try Self.output(of: "pdftotext", [pdf.path, "-"]), as: UTF8.self))
        let markdown = try await ScriptedRun.run(["report", Self.sample.path, "--lang", "fr"], in: folder.url)
        let headings = markdown.output.split(separator: "\n").filter { $0.hasPrefix("#") }
            .map { Self.collapsed(String($0.drop { $0 == "#" })) }
        #expect(headings.count >= 10)
        for heading in headings {
            #expect(text.contains(heading), "heading '\(heading)' missing from the PDF")
        }
        for name in ["Femke Hoogland", "Joris van Dam", "Wout Claes", "Katrin Vogel", "Oliver Hughes", "Lien Vermeulen"] {
            #expect(text.contains(name), "\(name) missing from the PDF")
        }
        #expect(text.contains("Page 1 sur "))
        #expect(text.contains("26 septembre 2012"))

        _ = try Self.output(of: "pdftoppm", ["-f", "1", "-l", "1", "-r", "50", "-png", pdf.path, folder.file("page").path])
        let pictures = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix("page") && $0.hasSuffix(".png") }
        #expect(pictures.count == 1)
        let png = try Data(contentsOf: folder.file(pictures.first ?? "page-1.png"))
        #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 10_000, "a page with text on it")
    }

    /// Without WeasyPrint the PDF is refused with what to do instead, and an
    /// earlier PDF of the same name is left as it was, with nothing beside it.
    @Test func pdfWithoutWeasyPrintSaysHowToGetIt() async throws {
        let folder = try TemporaryFolder()
        let earlier = Data("an earlier report".utf8)
        try earlier.write(to: folder.file("verslag.pdf"))
        let run = try await ScriptedRun.run(
            ["report", Self.sample.path, "-o", "verslag.pdf"], in: folder.url, environment: ["PATH": folder.url.path])
        #expect(run.status != 0)
        #expect(run.errors.contains("apt-get install weasyprint"), "\(run.errors)")
        #expect(run.errors.contains("--format html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["verslag.pdf"])
        #expect(try Data(contentsOf: folder.file("verslag.pdf")) == earlier)
    }

    /// A new PDF replaces the earlier one once it is whole.
    @Test func pdfReplacesAnEarlierOne() async throws {
        let folder = try TemporaryFolder()
        try Data("an earlier report".utf8).write(to: folder.file("verslag.pdf"))
        let run = try await ScriptedRun.run(["report", Self.sample.path, "-o", "verslag.pdf"], in: folder.url)
        #expect(run.status == 0, "\(run.errors)")
        #expect(try Data(contentsOf: folder.file("verslag.pdf")).prefix(5) == Data("%PDF-".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["verslag.pdf"])
    }

    @Test func pdfToTheTerminalIsRefused() async throws {
        let folder = try TemporaryFolder()
        let run = try await ScriptedRun.run(["report", Self.sample.path, "--format", "pdf"], in: folder.url)
        #expect(run.status != 0)
        #expect(run.errors.contains("-o"), "\(run.errors)")
        #expect(run.output.isEmpty)
    }

    @Test func germanMarkdownFromTheCommandLine() async throws {
        let folder = try TemporaryFolder()
        let run = try await ScriptedRun.run(["report", Self.sample.path, "--lang", "de"], in: folder.url)
        #expect(run.status == 0)
        #expect(run.output.contains("Datum: 26. September 2012 · Gastgeber: Stadslab Leiden"))
        #expect(run.output.contains("## Teilnehmende"))
        let wrong = try await ScriptedRun.run(["report", Self.sample.path, "--lang", "es"], in: folder.url)
        #expect(wrong.status != 0)
        #expect(wrong.errors.contains("'es'"), "\(wrong.errors)")
    }
}
