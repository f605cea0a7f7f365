/// The write-up's style sheet, inlined in its `<head>`: for a phone, a
/// desktop mail client and an A4 page alike.
enum HTMLStyleSheet {
    /// The CSS, with `pageNumber` (CSS `content`, from the labels) at the
    /// foot of each printed page.
    static func css(pageNumber: String) -> String {
        """
        :root { color-scheme: light; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: #fff; color: #1d1d1f; font-family: "DejaVu Sans", "Noto Sans", system-ui, sans-serif; font-size: 17px; line-height: 1.55; }
        main { max-width: 44rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; overflow-wrap: break-word; }
        h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 1rem; color: #123f4f; }
        h2 { font-size: 1.3rem; line-height: 1.3; margin: 2rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 2px solid #1f6f8b; color: #123f4f; }
        h3 { font-size: 1.1rem; margin: 1.4rem 0 0.4rem; color: #1f6f8b; }
        h4 { font-size: 1rem; margin: 1rem 0 0.3rem; }
        p { margin: 0.5rem 0; }
        p.notice { padding: 0.5rem 0.75rem; background: #fff4d6; border-left: 4px solid #d99a00; }
        ul { margin: 0.4rem 0 0.8rem; padding-left: 1.4rem; }
        li { margin: 0.2rem 0; }
        ul.tasks { list-style: none; padding-left: 0.2rem; }
        ul.tasks li::before { content: "☐"; margin-right: 0.5rem; }
        blockquote { margin: 0.8rem 0; padding: 0.4rem 1rem; border-left: 4px solid #b7c3cc; background: #f4f7f9; font-style: italic; }
        blockquote p { margin: 0; }
        .by { color: #555; font-style: normal; white-space: normal; }
        a { color: #1f6f8b; }
        .table { overflow-x: auto; margin: 0.6rem 0 1rem; }
        table { border-collapse: collapse; font-size: 0.95rem; min-width: 100%; }
        th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.6rem; border-bottom: 1px solid #d5dde3; }
        th { border-bottom: 2px solid #8a9aa6; }
        .number { text-align: right; font-variant-numeric: tabular-nums; }
        tr.total td { font-weight: bold; border-top: 2px solid #8a9aa6; }
        figure.chart { margin: 1rem 0; }
        figure.chart svg { display: block; width: 100%; height: auto; max-width: 640px; font-family: inherit; fill: #1d1d1f; }
        figcaption { font-size: 0.9rem; color: #555; margin-top: 0.3rem; }
        .running { display: none; }
        @media (max-width: 30rem) {
          body { font-size: 16px; }
          h1 { font-size: 1.45rem; }
          th, td { padding: 0.25rem 0.4rem; }
        }
        @page {
          size: A4;
          margin: 22mm 18mm 20mm;
          @top-center { content: element(running-header); width: 100%; }
          @bottom-center { content: \(pageNumber); font: 8.5pt "DejaVu Sans", "Noto Sans", sans-serif; color: #555; }
        }
        @media print {
          body { font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          .running { display: flex; justify-content: space-between; gap: 1em; position: running(running-header); font-size: 8.5pt; color: #555; }
          h2, h3, h4 { break-after: avoid; }
          table, blockquote, figure, li, p.notice { break-inside: avoid; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; }
          .table { overflow: visible; }
          a { color: inherit; text-decoration: none; }
        }

        """
    }
}
