//! The four export formats of a [`Summary`]: Markdown, a standalone printable HTML page,
//! versioned JSON and a CSV of tag counts per week. All pure string building, downloaded
//! by the shell with no network.
//!
//! Markdown and HTML come from one walk over the summary ([`render`]) written to a small
//! [`Out`] trait, so the two always say the same thing and the code ships once. Every
//! piece of the worker's text is escaped for its format: a `<script>` in a reflection is
//! text in every export, never markup.

use super::{
    family_label, full_label, week_label, AnswerText, Reflection, Summary, TagCount, TagRef, Text,
};
use crate::core::anonymise::Kind;
use crate::core::plural;
use crate::core::templates::PromptRole;

/// The file formats a worker can download, in the order the review page offers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    Html,
    Json,
    Csv,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Markdown, Format::Html, Format::Json, Format::Csv];

    /// A stable id for forms and addresses.
    pub fn id(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }

    pub fn parse(id: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.id() == id)
    }

    /// What the worker sees when choosing.
    pub fn label(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown (.md)",
            Format::Html => "Printable page (.html)",
            Format::Json => "JSON (.json)",
            Format::Csv => "Tag counts per week (.csv)",
        }
    }

    /// What each format is for, in the worker's terms.
    pub fn purpose(self) -> &'static str {
        match self {
            Format::Markdown => "Plain text with headings, for notes apps and documents.",
            Format::Html => {
                "Opens in a web browser. Print it, or save it as a PDF from the print window."
            }
            Format::Json => "For a supervisor's tools. The format is documented and versioned.",
            Format::Csv => {
                "Only the tag counts for each week, for a spreadsheet. No reflection text."
            }
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Markdown => "text/markdown;charset=utf-8",
            Format::Html => "text/html;charset=utf-8",
            Format::Json => "application/json",
            Format::Csv => "text/csv;charset=utf-8",
        }
    }

    /// The file's contents.
    pub fn render(self, s: &Summary) -> String {
        match self {
            Format::Markdown => to_markdown(s),
            Format::Html => to_html(s),
            Format::Json => to_json(s),
            Format::Csv => to_csv_tag_counts(s),
        }
    }

    /// The file's name: the worker's name or initials if they gave one (so two workers'
    /// files for the same weeks never collide in a supervisor's downloads folder) and the
    /// weeks covered, never a day or anything from the text.
    /// `anchorpoint-summary-jb-2026-11-02-to-2026-11-30.md`, or without `jb-`.
    pub fn file_name(self, s: &Summary) -> String {
        let worker = s
            .worker
            .as_deref()
            .map(super::worker_slug)
            .filter(|w| !w.is_empty())
            .map_or_else(String::new, |w| format!("{w}-"));
        format!(
            "anchorpoint-summary-{worker}{}-to-{}.{}",
            s.period.first_week,
            s.period.last_week,
            self.extension()
        )
    }
}

/// The summary as Markdown (CommonMark with pipe tables).
pub fn to_markdown(s: &Summary) -> String {
    let mut out = Markdown(String::with_capacity(8 * 1024));
    render(s, &mut out);
    out.0
}

/// The summary as one standalone HTML document: no scripts, no external resources, and a
/// print stylesheet so the browser's "Save as PDF" gives clean A4 pages.
pub fn to_html(s: &Summary) -> String {
    let mut out = Html(String::with_capacity(16 * 1024), Vec::new());
    out.0.push_str(HTML_HEAD);
    render(s, &mut out);
    out.0.push_str("</main>\n</body>\n</html>\n");
    out.0
}

/// The summary as JSON, format version 2 (`docs/export-json-v2.md`), pretty-printed,
/// written through the frozen shape so the file never changes with the domain type.
pub fn to_json(s: &Summary) -> String {
    let frozen = super::json::SummaryV2::from(s);
    let mut json = serde_json::to_string_pretty(&frozen).unwrap_or_default();
    json.push('\n');
    json
}

/// Tag counts per week as CSV (RFC 4180: CRLF line ends, quoted where needed), one row per
/// week and tag with a non-zero count: `week_commencing,family,tag,count`. A summary the
/// worker put a name on has a first column `worker` repeating it on every row, so rows
/// from several workers' files pasted into one sheet still say whose they are.
pub fn to_csv_tag_counts(s: &Summary) -> String {
    let worker = s.worker.as_deref().map(csv_field);
    let mut out = String::from(if worker.is_some() {
        "worker,week_commencing,family,tag,count\r\n"
    } else {
        "week_commencing,family,tag,count\r\n"
    });
    for row in &s.tag_counts {
        if let Some(w) = &worker {
            out.push_str(w);
            out.push(',');
        }
        out.push_str(&row.week.to_string());
        out.push(',');
        out.push_str(&csv_field(family_label(&row.family)));
        out.push(',');
        out.push_str(&csv_field(&row.label));
        out.push(',');
        out.push_str(&row.count.to_string());
        out.push_str("\r\n");
    }
    out
}

/// One CSV field. Quoted (quotes doubled) when it holds a comma, quote or line break.
/// A field a spreadsheet would run as a formula gets a leading apostrophe.
fn csv_field(raw: &str) -> String {
    let mut v = String::with_capacity(raw.len() + 2);
    if raw.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        v.push('\'');
    }
    v.push_str(raw);
    if v.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

// ---------------------------------------------------------------------------------------
// One walk, two writers
// ---------------------------------------------------------------------------------------

/// What the walk asks of a format. Every `&str` is plain text for the writer to escape.
trait Out {
    fn heading(&mut self, level: u8, text: &str);
    fn para(&mut self, text: &str);
    /// A short bold line introducing what follows (a prompt, a learning point).
    fn label(&mut self, text: &str);
    /// First column names the row. Columns whose every cell is a number align right.
    fn table(&mut self, head: &[&str], rows: &[Vec<String>]);
    /// The worker's anonymised words, keeping their line breaks.
    fn text(&mut self, text: &Text);
    /// Groups what follows (for print page breaks); Markdown ignores it.
    fn open(&mut self, _class: &str) {}
    fn close(&mut self) {}
}

/// For each column, whether it holds only numbers (so it aligns right).
fn numeric(head: &[&str], rows: &[Vec<String>]) -> Vec<bool> {
    (0..head.len())
        .map(|i| {
            i > 0
                && !rows.is_empty()
                && rows
                    .iter()
                    .all(|r| r.get(i).is_some_and(|c| c.parse::<f64>().is_ok()))
        })
        .collect()
}

/// Writes the table without its rows of zeros, or `none` instead when no row is left.
/// A summary of a quiet fortnight was mostly zeros (every tag, band and outcome listed
/// whether used or not), which cost pages on paper and hid what did happen.
fn table_or_none(out: &mut dyn Out, head: &[&str], rows: Vec<Vec<String>>, none: &str) {
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .filter(|r| r.iter().skip(1).any(|c| c != "0"))
        .collect();
    if rows.is_empty() {
        out.para(none);
    } else {
        out.table(head, &rows);
    }
}

fn tag_rows(tags: &[TagCount], full: bool) -> Vec<Vec<String>> {
    tags.iter()
        .map(|t| {
            let name = if full {
                full_label(&t.tag, &t.label)
            } else {
                t.label.clone()
            };
            vec![name, t.count.to_string()]
        })
        .collect()
}

fn render(s: &Summary, out: &mut dyn Out) {
    let p = &s.period;
    out.heading(1, "Anonymised supervision summary");
    let period = if p.weeks == 1 {
        format!("Period: {} (1 week)", week_label(p.first_week))
    } else {
        format!(
            "Period: {} to {} ({} weeks)",
            week_label(p.first_week),
            week_label(p.last_week),
            p.weeks
        )
    };
    if let Some(worker) = &s.worker {
        out.para(&format!("Link worker: {worker}"));
    }
    out.para(&period);
    out.para(
        "Generated by Anchorpoint on this device. This file is not encrypted: keep it as \
         carefully as any supervision notes, and delete it when it is no longer needed.",
    );
    let has_text = s.overview.entries_shared > 0 || s.bring.is_some();
    if !has_text {
        out.para("No reflection text is included: only tags and counts.");
    } else if s.redactions.is_empty() {
        out.para("No names or other identifying details were found in the text included.");
    } else {
        let kinds: Vec<String> = s
            .redactions
            .iter()
            .map(|k| {
                // The kind labels speak to the worker; this line is read by the supervisor.
                let label = if k.kind == Kind::Other {
                    "Words the worker chose"
                } else {
                    k.kind.label()
                };
                format!("{label} ({})", k.count)
            })
            .collect();
        out.para(&format!(
            "Replaced before export to protect identities: {}. Names become \u{201c}Person A\u{201d}, \u{201c}Person B\u{201d} and so on, the same person keeping the same letter throughout.",
            kinds.join(", ")
        ));
    }

    // Overview
    let o = &s.overview;
    out.open("overview");
    out.heading(2, "Overview");
    out.para(&format!(
        "{} in this period; the text of {} is included. Dates are shown as weeks \
         (w/c: week commencing).",
        plural(o.entries, "reflection", "reflections"),
        o.entries_shared
    ));
    let family_rows: Vec<Vec<String>> = o
        .families
        .iter()
        .map(|f| vec![family_label(&f.family).to_owned(), f.count.to_string()])
        .collect();
    table_or_none(
        out,
        &["Tag family", "Reflections"],
        family_rows,
        "Tags used: none.",
    );
    out.heading(3, "Week by week");
    // Only families used in the period get a column, so the table fits a page.
    let used: Vec<usize> = (0..o.families.len())
        .filter(|&i| o.families[i].count > 0)
        .collect();
    let mut head = vec!["Week", "Reflections"];
    head.extend(used.iter().map(|&i| family_label(&o.families[i].family)));
    let week_rows: Vec<Vec<String>> = o
        .weeks
        .iter()
        .map(|w| {
            let mut row = vec![week_label(w.week), w.entries.to_string()];
            row.extend(
                used.iter()
                    .map(|&i| w.families.get(i).map_or(0, |f| f.count).to_string()),
            );
            row
        })
        .collect();
    // Weeks without reflections are left out: the period line already says which
    // weeks the summary covers.
    table_or_none(out, &head, week_rows, "Reflections in this period: none.");
    let custom: Vec<TagCount> = o
        .tags
        .iter()
        .filter(|t| t.family == super::CUSTOM_FAMILY)
        .cloned()
        .collect();
    if !custom.is_empty() {
        out.heading(3, "Your own tags");
        out.table(&["Tag", "Reflections"], &tag_rows(&custom, false));
    }
    out.close();

    // Normative
    let n = &s.normative;
    out.open("normative");
    out.heading(2, "Normative: judgement calls and boundaries");
    table_or_none(
        out,
        &["Tag", "Reflections"],
        tag_rows(&n.tags, true),
        "Micro-discretion and boundary tags: none.",
    );
    let mut esc = if n.escalations == 0 {
        "Safeguarding or incident concerns (escalate elsewhere): none.".to_owned()
    } else {
        format!(
            "Safeguarding or incident concerns (escalate elsewhere): {}. Only the number is \
             shared: the details belong in the proper safeguarding or incident channel.",
            plural(n.escalations, "reflection", "reflections")
        )
    };
    if n.escalations_withheld > 0 {
        esc.push_str(&format!(
            " The text of {} chosen for this summary was left out for this reason.",
            plural(n.escalations_withheld, "reflection", "reflections")
        ));
    }
    out.para(&esc);
    out.heading(3, "Reflections to discuss");
    if n.reflections.is_empty() {
        out.para("None of the reflections shared has a micro-discretion or boundary tag.");
    }
    for r in &n.reflections {
        reflection(r, 4, out);
    }
    out.close();

    // Formative
    out.open("formative");
    out.heading(2, "Formative: learning and actions");
    if s.formative.weeks.is_empty() {
        out.para("No learning points or actions in the reflections shared.");
    }
    for w in &s.formative.weeks {
        out.heading(3, &week_label(w.week));
        for item in &w.items {
            let role = if item.role == PromptRole::Action {
                "Action"
            } else {
                "Learning point"
            };
            let mut line = format!("{role}, from reflection {}", item.reflection);
            if let Some(prompt) = &item.prompt {
                line.push_str(&format!(" (\u{201c}{prompt}\u{201d})"));
            }
            out.label(&line);
            out.text(&item.text);
        }
    }
    out.close();

    // Restorative
    let r = &s.restorative;
    let wb = &r.wellbeing;
    out.open("restorative");
    out.heading(2, "Restorative: wellbeing and load");
    out.heading(3, "Wellbeing");
    match wb.average {
        Some(avg) if wb.checks > 0 => {
            out.para(&format!(
                "{} after sessions, average rating {avg} out of 5 (1 very low, 5 very good).",
                plural(wb.checks, "wellbeing check", "wellbeing checks")
            ));
            let l = &wb.emotional_load;
            out.para(&format!(
                "Emotional load: light {}, moderate {}, heavy {}, not given {}.",
                l.light, l.moderate, l.heavy, l.not_given
            ));
            let rows: Vec<Vec<String>> = wb
                .weeks
                .iter()
                .map(|w| {
                    vec![
                        week_label(w.week),
                        w.checks.to_string(),
                        w.average.to_string(),
                        w.heavy_days.to_string(),
                    ]
                })
                .collect();
            out.table(
                &[
                    "Week",
                    "Checks",
                    "Average (1 to 5)",
                    "Days with a heavy load",
                ],
                &rows,
            );
        }
        _ => out.para("No wellbeing checks in this period."),
    }
    table_or_none(
        out,
        &["Own wellbeing tag", "Reflections"],
        tag_rows(&r.own_wellbeing, false),
        "Own wellbeing tags: none.",
    );
    let h = &r.holding;
    out.heading(3, "Holding");
    if h.open == 0 {
        out.para("Holding threads open: none.");
    } else {
        out.para(&format!(
            "{} open at the end of the period. Counts only: thread names never leave the \
             device.",
            plural(h.open, "holding thread", "holding threads")
        ));
        let bands: Vec<Vec<String>> = h
            .by_duration
            .iter()
            .map(|b| vec![b.band.label().to_owned(), b.count.to_string()])
            .collect();
        table_or_none(
            out,
            &["How long held", "Open threads"],
            bands,
            "How long held: not known.",
        );
        table_or_none(
            out,
            &["Holding function", "Open threads"],
            tag_rows(&h.by_function, false),
            "Holding functions: none given.",
        );
        table_or_none(
            out,
            &["Holding driver", "Open threads"],
            tag_rows(&h.by_driver, false),
            "Holding drivers: none given.",
        );
    }
    let closed: Vec<Vec<String>> = h
        .closed
        .iter()
        .map(|c| vec![c.outcome.label().to_owned(), c.count.to_string()])
        .collect();
    table_or_none(
        out,
        &["Closed in this period", "Threads"],
        closed,
        "Holding threads closed in this period: none.",
    );
    out.heading(3, "Embeddedness");
    if r.embeddedness.is_empty() {
        out.para("No embeddedness check-ins in this period.");
    } else {
        let rows: Vec<Vec<String>> = r
            .embeddedness
            .iter()
            .map(|e| vec![week_label(e.week), e.rating.label().to_owned()])
            .collect();
        out.table(&["Week", "How embedded I felt"], &rows);
    }
    out.close();

    if !s.other_reflections.is_empty() {
        out.open("other");
        out.heading(2, "Other reflections shared");
        for r in &s.other_reflections {
            reflection(r, 3, out);
        }
        out.close();
    }

    out.open("bring");
    out.heading(2, "What I want to bring to supervision");
    match &s.bring {
        Some(text) => out.text(text),
        None => out.para("Nothing added."),
    }
    out.close();
}

/// One shared reflection, its heading one level below the section it is listed in, so
/// the outline never skips a level (screen-reader users move by headings).
fn reflection(r: &Reflection, level: u8, out: &mut dyn Out) {
    out.open("reflection");
    out.heading(
        level,
        &format!("Reflection {}, {}", r.number, week_label(r.week)),
    );
    if !r.tags.is_empty() {
        let tags: Vec<String> = r.tags.iter().map(TagRef::full_label).collect();
        out.para(&format!("Tags: {}", tags.join("; ")));
    }
    for AnswerText { prompt, text, .. } in &r.answers {
        if let Some(prompt) = prompt {
            out.label(prompt);
        }
        out.text(text);
    }
    out.close();
}

// ---------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------

struct Markdown(String);

/// Backslash-escapes what Markdown would read as markup (emphasis, links, HTML, tables,
/// headings), so the worker's words stay words.
fn md_escape(s: &str, out: &mut String) {
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
}

fn md_row<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    out.push('|');
    for c in cells {
        out.push(' ');
        md_escape(c, out);
        out.push_str(" |");
    }
    out.push('\n');
}

impl Out for Markdown {
    fn heading(&mut self, level: u8, text: &str) {
        for _ in 0..level {
            self.0.push('#');
        }
        self.0.push(' ');
        md_escape(text, &mut self.0);
        self.0.push_str("\n\n");
    }

    fn para(&mut self, text: &str) {
        md_escape(text, &mut self.0);
        self.0.push_str("\n\n");
    }

    fn label(&mut self, text: &str) {
        self.0.push_str("**");
        md_escape(text, &mut self.0);
        self.0.push_str("**\n\n");
    }

    fn table(&mut self, head: &[&str], rows: &[Vec<String>]) {
        md_row(&mut self.0, head.iter().copied());
        self.0.push('|');
        for n in numeric(head, rows) {
            self.0.push_str(if n { " ---: |" } else { " --- |" });
        }
        self.0.push('\n');
        for r in rows {
            md_row(&mut self.0, r.iter().map(String::as_str));
        }
        self.0.push('\n');
    }

    fn text(&mut self, text: &Text) {
        // Each line of the worker's text becomes a paragraph: Markdown would otherwise
        // run single line breaks together.
        for line in text.text.lines() {
            let line = line.trim();
            if !line.is_empty() {
                md_escape(line, &mut self.0);
                self.0.push_str("\n\n");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------------------

/// The document so far, and the grouping elements left open.
struct Html(String, Vec<&'static str>);

const HTML_HEAD: &str = "<!DOCTYPE html>
<html lang=\"en-GB\">
<head>
<meta charset=\"utf-8\">
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">
<meta name=\"robots\" content=\"noindex\">
<title>Anonymised supervision summary</title>
<style>
body{font-family:Arial,Helvetica,sans-serif;font-size:1rem;line-height:1.5;color:#212b32;background:#fff;max-width:48rem;margin:0 auto;padding:1.5rem}
h1{font-size:2rem;margin:0 0 1rem}
h2{font-size:1.5rem;margin:2.5rem 0 1rem;padding-bottom:.25rem;border-bottom:2px solid #005eb8}
h3{font-size:1.25rem;margin:1.75rem 0 .75rem}
h4{font-size:1.1rem;margin:1.5rem 0 .5rem}
p{margin:0 0 1rem}
table{border-collapse:collapse;margin:0 0 1.5rem;min-width:50%}
th,td{border-bottom:1px solid #d8dde0;padding:.4rem .75rem .4rem 0;text-align:left;vertical-align:top}
.n{text-align:right}
th[scope=row]{white-space:nowrap}
.reflection{border-left:4px solid #d8dde0;padding-left:1rem;margin:0 0 1.5rem}
.text{white-space:pre-wrap;margin:0 0 1rem}
.r{background:#fff4c2;border-bottom:1px dotted #212b32}
@page{size:A4;margin:15mm}
@media print{
body{max-width:none;margin:0;padding:0;font-size:10.5pt;line-height:1.35;color:#000}
h1{font-size:18pt;margin-bottom:.5rem}
h2{font-size:14pt;margin:1.25rem 0 .5rem;border-bottom-color:#000}
h3{font-size:12pt;margin:1rem 0 .4rem}
h4{font-size:11pt;margin:.75rem 0 .3rem}
p,table,.reflection{margin-bottom:.6rem}
th,td{padding:.15rem .75rem .15rem 0}
h1,h2,h3,h4{break-after:avoid;page-break-after:avoid}
tr,p{break-inside:avoid;page-break-inside:avoid}
.r{background:none;border-bottom:1px dotted #000}
}
</style>
</head>
<body>
<main>
";

/// Escapes text for HTML content and attribute values.
fn html_escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

impl Html {
    /// `<open>text</close>` on its own line, the text escaped.
    fn element(&mut self, open: &str, close: &str, text: &str) {
        self.0.push('<');
        self.0.push_str(open);
        self.0.push('>');
        html_escape(text, &mut self.0);
        self.0.push_str("</");
        self.0.push_str(close);
        self.0.push_str(">\n");
    }
}

impl Out for Html {
    fn heading(&mut self, level: u8, text: &str) {
        let tag = ["h1", "h2", "h3", "h4"][usize::from(level.clamp(1, 4)) - 1];
        self.element(tag, tag, text);
    }

    fn para(&mut self, text: &str) {
        self.element("p", "p", text);
    }

    fn label(&mut self, text: &str) {
        self.0.push_str("<p><strong>");
        html_escape(text, &mut self.0);
        self.0.push_str("</strong></p>\n");
    }

    fn table(&mut self, head: &[&str], rows: &[Vec<String>]) {
        let num = numeric(head, rows);
        self.0.push_str("<table>\n<thead><tr>");
        for (i, h) in head.iter().enumerate() {
            let open = if num[i] {
                "th scope=\"col\" class=\"n\""
            } else {
                "th scope=\"col\""
            };
            self.element(open, "th", h);
        }
        self.0.push_str("</tr></thead>\n<tbody>\n");
        for row in rows {
            self.0.push_str("<tr>");
            for (i, cell) in row.iter().enumerate() {
                if i == 0 {
                    self.element("th scope=\"row\"", "th", cell);
                } else if num.get(i) == Some(&true) {
                    self.element("td class=\"n\"", "td", cell);
                } else {
                    self.element("td", "td", cell);
                }
            }
            self.0.push_str("</tr>\n");
        }
        self.0.push_str("</tbody>\n</table>\n");
    }

    fn text(&mut self, text: &Text) {
        self.0.push_str("<div class=\"text\">");
        // Marks are in chars, in order and apart: walk the chars once.
        let mut marks = text.redactions.iter().peekable();
        let mut open_until = None;
        let mut buf = [0u8; 4];
        for (i, c) in text.text.chars().enumerate() {
            if open_until == Some(i) {
                self.0.push_str("</span>");
                open_until = None;
            }
            if let Some(m) = marks.next_if(|m| m.start == i) {
                self.0.push_str("<span class=\"r\">");
                open_until = Some(m.end);
            }
            html_escape(c.encode_utf8(&mut buf), &mut self.0);
        }
        if open_until.is_some() {
            self.0.push_str("</span>");
        }
        self.0.push_str("</div>\n");
    }

    fn open(&mut self, class: &str) {
        let tag = if class == "reflection" {
            "article"
        } else {
            "section"
        };
        self.1.push(tag);
        self.0.push('<');
        self.0.push_str(tag);
        self.0.push_str(" class=\"");
        self.0.push_str(class);
        self.0.push_str("\">\n");
    }

    fn close(&mut self) {
        if let Some(tag) = self.1.pop() {
            self.0.push_str("</");
            self.0.push_str(tag);
            self.0.push_str(">\n");
        }
    }
}
