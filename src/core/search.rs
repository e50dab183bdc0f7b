//! Search and filter for the journal list: a [`Query`] (free text, tags matched all-of or
//! any-of, a range of days, a template and a holding thread), its round trip through the
//! page's query string so the filters live in the URL and the back button works, and a
//! [`SearchIndex`] that keeps each entry's text lowercased once so results can update on
//! every keystroke over thousands of entries. The query string is parsed once into a
//! `Query` ("parse, don't validate"); a bad value becomes a GOV.UK-worded
//! [`QueryError`] beside a best-effort query, never a failure, so the page always opens.
//! An entry records its own template; the holding threads it belongs to are recorded by
//! the threads, so the caller answers that through [`EntryFacts`] (implemented here for
//! [`Threads`]). [`template_choices`] and [`thread_choices`] list what the form can
//! offer, and [`ParsedQuery::check_choices`] reports a URL naming anything else.

mod percent;
mod stem;

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use super::entry::Entry;
use super::ids::{EntryId, TagId, TemplateId};
use super::journal::Journal;
use super::templates::TemplateLibrary;
use super::threads::Threads;

// ---------------------------------------------------------------------------------------
// The query
// ---------------------------------------------------------------------------------------

/// Whether an entry needs every chosen tag or at least one of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TagMatch {
    /// The entry carries every chosen tag (the default: filtering narrows).
    #[default]
    All,
    /// The entry carries at least one chosen tag.
    Any,
}

impl TagMatch {
    /// The value of the `match` parameter.
    pub fn as_str(self) -> &'static str {
        match self {
            TagMatch::All => "all",
            TagMatch::Any => "any",
        }
    }
}

/// What the worker is looking for. Every part is optional; the default query matches
/// every entry. All the parts must hold for an entry to match.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// The search box, exactly as typed, so the box can show it again. Each word must
    /// appear somewhere in the entry's answers, in any order, ignoring case; a word may
    /// be part of a longer one ("wait" finds "waiting"), which is what makes results
    /// useful while the worker is still typing.
    pub text: String,
    /// Tags to filter by. Empty means no tag filter, whatever `tag_match` says.
    pub tags: Vec<TagId>,
    pub tag_match: TagMatch,
    /// The first day, inclusive, of the days the entries are about.
    pub from: Option<NaiveDate>,
    /// The last day, inclusive.
    pub to: Option<NaiveDate>,
    /// Only entries written with this template (the entry's own [`Entry::template`]).
    pub template: Option<TemplateId>,
    /// Only entries linked to this holding thread (see [`EntryFacts::in_thread`]). An
    /// empty id is treated as no thread filter when read from a URL.
    pub thread: Option<String>,
}

impl Query {
    /// A query that looks only for text.
    pub fn text(text: impl Into<String>) -> Query {
        Query {
            text: text.into(),
            ..Query::default()
        }
    }

    /// True when the query filters nothing out, so the page can show "all entries".
    /// Its words are none when the text is only white space: checked here without
    /// normalising, so the journal page can ask this without the search's lowercasing
    /// and stemming, which are in a chunk of their own.
    pub fn is_empty(&self) -> bool {
        self.text.chars().all(separates_words)
            && self.tags.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.template.is_none()
            && self.thread.is_none()
    }

    /// The search words, normalised the same way as the index ([`normalise`]).
    pub fn words(&self) -> Vec<String> {
        normalise(&self.text)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// The search words with their stems, as a search compares them.
    fn terms(&self) -> Vec<Term> {
        self.words().into_iter().map(Term::new).collect()
    }

    /// True if every entry this query matches is sure to match `previous` too: the
    /// filters are the same and each of `previous`'s words is inside one of this query's
    /// words, as when the worker types another letter or another word, and that word's
    /// other forms cannot find anything the earlier word did not (see [`Term::within`]).
    /// Then this query can be run over `previous`'s results alone
    /// ([`SearchIndex::search_among`]).
    pub fn narrows(&self, previous: &Query) -> bool {
        let same_filters = self.tags == previous.tags
            && self.tag_match == previous.tag_match
            && self.from == previous.from
            && self.to == previous.to
            && self.template == previous.template
            && self.thread == previous.thread;
        same_filters && {
            let now = self.terms();
            previous
                .terms()
                .iter()
                .all(|p| now.iter().any(|w| w.within(p)))
        }
    }

    /// True if `entry` matches, checked from scratch. For one entry or a test; to filter
    /// a whole journal as the worker types, use a [`SearchIndex`], which gives the same
    /// answers without lowercasing every entry on every keystroke.
    pub fn matches<F: EntryFacts + ?Sized>(&self, entry: &Entry, facts: &F) -> bool {
        let text = normalise_sections(entry);
        let stems = stems_of(&text);
        self.matches_parts(
            &entry.id,
            entry.about,
            &entry.tags,
            entry.template.as_ref().map(|t| &t.id),
            (&text, &stems),
            &self.terms(),
            facts,
        )
    }

    /// The one definition of a match, shared by [`Query::matches`] and the index.
    #[allow(clippy::too_many_arguments)]
    fn matches_parts<F: EntryFacts + ?Sized>(
        &self,
        id: &EntryId,
        about: NaiveDate,
        tags: &[TagId],
        template: Option<&TemplateId>,
        (normalised_text, stems): (&str, &str),
        terms: &[Term],
        facts: &F,
    ) -> bool {
        // Cheapest checks first: the text scan is the only one that touches much memory.
        self.from.is_none_or(|from| about >= from)
            && self.to.is_none_or(|to| about <= to)
            && self.matches_tags(tags)
            && self.template.as_ref().is_none_or(|t| template == Some(t))
            && self
                .thread
                .as_deref()
                .is_none_or(|thread| facts.in_thread(id, thread))
            && terms.iter().all(|t| t.found_in(normalised_text, stems))
    }

    fn matches_tags(&self, tags: &[TagId]) -> bool {
        if self.tags.is_empty() {
            return true;
        }
        match self.tag_match {
            TagMatch::All => self.tags.iter().all(|t| tags.contains(t)),
            TagMatch::Any => self.tags.iter().any(|t| tags.contains(t)),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Facts the entry does not carry
// ---------------------------------------------------------------------------------------

/// What the search needs to know about an entry that the entry itself does not record:
/// the holding threads it is linked to, which the threads hold so that a stored entry
/// never changes because a thread did. [`Threads`] answers it; [`NoFacts`] knows no
/// threads, so with it a thread filter matches no entry, which is the truthful answer.
///
/// The thread is asked as a yes/no question rather than "which thread?" so that an
/// entry linked to more than one thread needs no change here.
pub trait EntryFacts {
    /// True if `entry` is linked to the holding thread with id `thread`.
    fn in_thread(&self, entry: &EntryId, thread: &str) -> bool {
        let _ = (entry, thread);
        false
    }
}

/// Knows no threads: the facts for a journal without any.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NoFacts;

impl EntryFacts for NoFacts {}

impl EntryFacts for Threads {
    /// Compares the id as text, so a keystroke's search over thousands of entries makes
    /// no `ThreadId` (and no allocation) per entry.
    fn in_thread(&self, entry: &EntryId, thread: &str) -> bool {
        self.all()
            .iter()
            .any(|t| t.id.as_str() == thread && t.is_linked(entry))
    }
}

// ---------------------------------------------------------------------------------------
// The URL
// ---------------------------------------------------------------------------------------

/// The part of the search form a URL problem belongs to. Each has a stable HTML id so an
/// error summary link can move focus to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QueryField {
    Tags,
    Match,
    From,
    To,
    Template,
    Thread,
}

impl QueryField {
    pub fn html_id(self) -> &'static str {
        match self {
            QueryField::Tags => "search-tags",
            QueryField::Match => "search-match",
            QueryField::From => "search-from",
            QueryField::To => "search-to",
            QueryField::Template => "search-template",
            QueryField::Thread => "search-thread",
        }
    }
}

/// A value in the URL that could not be used, worded for the worker (GOV.UK style).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryError {
    pub field: QueryField,
    pub message: String,
    /// The value exactly as it was in the URL (decoded), so the form can show what was
    /// typed rather than silently dropping it.
    pub value: String,
}

/// The result of reading a query string: the best query that could be made of it, and
/// what was wrong, if anything. The page runs `query` and, if `errors` is not empty,
/// shows an error summary above the results.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedQuery {
    pub query: Query,
    pub errors: Vec<QueryError>,
}

impl ParsedQuery {
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }

    /// Reports a template or holding thread that the form does not offer (a deleted
    /// thread in a bookmarked address, say) and leaves it out of the query, as with any
    /// other bad value: its select could not show it, so the filter would be invisible.
    pub fn check_choices(&mut self, templates: &[Choice], threads: &[Choice]) {
        let offered = |choices: &[Choice], id: &str| choices.iter().any(|c| c.id == id);
        if let Some(template) = self.query.template.take() {
            if offered(templates, template.as_str()) {
                self.query.template = Some(template);
            } else {
                self.errors.push(QueryError {
                    field: QueryField::Template,
                    message: "Select a template from the list".into(),
                    value: template.as_str().to_owned(),
                });
            }
        }
        if let Some(thread) = self.query.thread.take() {
            if offered(threads, &thread) {
                self.query.thread = Some(thread);
            } else {
                self.errors.push(QueryError {
                    field: QueryField::Thread,
                    message: "Select a holding thread from the list".into(),
                    value: thread,
                });
            }
        }
    }
}

/// One option of the template or thread select: the value for the URL and the words
/// shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub id: String,
    pub label: String,
}

/// The templates to filter by: the worker's templates as they are now (built-in, then
/// their own), then any template an entry was written with that has since been deleted,
/// under the name the entry saved, so those entries can still be found. Free writing is
/// not a template an entry records, so it is left out.
pub fn template_choices(library: &TemplateLibrary, journal: &Journal) -> Vec<Choice> {
    let mut choices: Vec<Choice> = library
        .all()
        .filter(|t| !t.is_free_form())
        .map(|t| Choice {
            id: t.id().to_owned(),
            label: t.name().to_owned(),
        })
        .collect();
    for used in journal.newest_first().filter_map(|e| e.template.as_ref()) {
        if !choices.iter().any(|c| c.id == used.id.as_str()) {
            choices.push(Choice {
                id: used.id.as_str().to_owned(),
                label: used.name.clone(),
            });
        }
    }
    choices
}

/// The holding threads to filter by, under their pseudonyms, in the order opened; a
/// closed thread says so, since a closed pseudonym may be reused by an open one.
pub fn thread_choices(threads: &Threads) -> Vec<Choice> {
    threads
        .all()
        .iter()
        .map(|t| Choice {
            id: t.id.as_str().to_owned(),
            label: if t.is_open() {
                t.pseudonym.as_str().to_owned()
            } else {
                format!("{} (closed)", t.pseudonym.as_str())
            },
        })
        .collect()
}

impl Query {
    /// The query as URL parameters, without the leading `?`; empty for the empty query.
    /// Parameters come in a fixed order (`q`, `tag`…, `match`, `from`, `to`, `template`,
    /// `thread`) and defaults are left out, so one query always has one URL.
    pub fn to_query_string(&self) -> String {
        let mut out = String::new();
        let mut param = |name: &str, value: &str| {
            if !out.is_empty() {
                out.push('&');
            }
            out.push_str(name);
            out.push('=');
            percent::encode_into(value, &mut out);
        };
        if !self.text.is_empty() {
            param("q", &self.text);
        }
        for tag in &self.tags {
            param("tag", tag.as_str());
        }
        if self.tag_match != TagMatch::default() {
            param("match", self.tag_match.as_str());
        }
        if let Some(from) = self.from {
            param("from", &iso_date(from));
        }
        if let Some(to) = self.to {
            param("to", &iso_date(to));
        }
        if let Some(template) = &self.template {
            param("template", template.as_str());
        }
        if let Some(thread) = &self.thread {
            param("thread", thread);
        }
        out
    }

    /// Reads a query string (with or without its `?`). Unknown parameters are ignored;
    /// an empty value is the same as a missing one (an empty form field submits
    /// `from=`); if a single-valued parameter repeats, the first wins, as with
    /// `URLSearchParams.get`. A bad value is left out of the query and reported.
    pub fn from_query_string(raw: &str) -> ParsedQuery {
        let mut query = Query::default();
        let mut errors = Vec::new();
        let mut seen_q = false;
        let mut seen_match = false;
        let (mut from, mut to, mut template, mut thread) = (None, None, None, None);
        for (name, value) in percent::pairs(raw) {
            if value.is_empty() {
                continue;
            }
            match name.as_str() {
                "q" if !seen_q => {
                    seen_q = true;
                    query.text = value;
                }
                "tag" => match TagId::parse(value.trim()) {
                    Some(tag) => query.tags.push(tag),
                    None => errors.push(QueryError {
                        field: QueryField::Tags,
                        message: "Select tags from the list".into(),
                        value,
                    }),
                },
                "match" if !seen_match => {
                    seen_match = true;
                    match value.trim().to_ascii_lowercase().as_str() {
                        "all" => query.tag_match = TagMatch::All,
                        "any" => query.tag_match = TagMatch::Any,
                        _ => errors.push(QueryError {
                            field: QueryField::Match,
                            message: "Select whether entries must have all of the tags or \
                                      any of them"
                                .into(),
                            value,
                        }),
                    }
                }
                "from" => {
                    from.get_or_insert(value);
                }
                "to" => {
                    to.get_or_insert(value);
                }
                "template" => {
                    template.get_or_insert(value);
                }
                "thread" => {
                    thread.get_or_insert(value);
                }
                _ => {}
            }
        }
        query.from = from.and_then(|raw| {
            date_or_error(
                raw,
                QueryField::From,
                "Enter a real date for ‘from’",
                &mut errors,
            )
        });
        query.to = to.and_then(|raw| {
            date_or_error(
                raw,
                QueryField::To,
                "Enter a real date for ‘to’",
                &mut errors,
            )
        });
        if let (Some(from), Some(to)) = (query.from, query.to) {
            if from > to {
                // Both dates are kept: the form shows them as typed, and the honest
                // answer to an empty period is no entries, with this message saying why.
                errors.push(QueryError {
                    field: QueryField::From,
                    message: "‘From’ date must be the same as or before ‘to’ date".into(),
                    value: iso_date(from),
                });
            }
        }
        query.template = template.and_then(|raw| match TemplateId::parse(raw.trim()) {
            Some(id) => Some(id),
            None => {
                errors.push(QueryError {
                    field: QueryField::Template,
                    message: "Select a template from the list".into(),
                    value: raw,
                });
                None
            }
        });
        query.thread = thread;
        ParsedQuery { query, errors }
    }
}

/// `YYYY-MM-DD`, as an HTML date input writes it.
pub fn iso_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// Reads `YYYY-MM-DD` (one or two digits for the month and day are also accepted, since
/// people edit URLs by hand). The form's date inputs give this too.
pub fn parse_iso_date(raw: &str) -> Option<NaiveDate> {
    let mut parts = raw.trim().split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let digits = |s: &str, min: usize, max: usize| {
        (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !(digits(year, 4, 4) && digits(month, 1, 2) && digits(day, 1, 2)) {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

fn date_or_error(
    raw: String,
    field: QueryField,
    message: &str,
    errors: &mut Vec<QueryError>,
) -> Option<NaiveDate> {
    let date = parse_iso_date(&raw);
    if date.is_none() {
        errors.push(QueryError {
            field,
            message: message.into(),
            value: raw,
        });
    }
    date
}

// ---------------------------------------------------------------------------------------
// Normalising text
// ---------------------------------------------------------------------------------------

/// Text as the search compares it: lowercased (Unicode-aware, one character at a time),
/// curly quotes made straight so "don't" finds "don’t", and every run of whitespace one
/// space, trimmed. Entries and queries go through the same function, so any quirk of
/// it (the Greek final sigma lowercases to σ, not ς) applies to both sides alike.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalise_into(text, &mut out);
    out
}

/// [`normalise`], appending to `out`. A space is written between calls' texts if `out`
/// already has some, so sections join without running words together.
fn normalise_into(text: &str, out: &mut String) {
    let mut pending_space = !out.is_empty();
    for c in text.chars() {
        if separates_words(c) {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if c.is_ascii() {
            // Most of what workers write is ASCII: skip the Unicode tables for it.
            out.push(c.to_ascii_lowercase());
            continue;
        }
        match c {
            // Left and right single quotes, the reversed one and the modifier apostrophe
            // that some phone keyboards type.
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201F}' => out.push('"'),
            _ => out.extend(c.to_lowercase()),
        }
    }
}

/// Whether `c` separates words in [`normalise`]: ASCII's white space (not the vertical
/// tab, which ASCII does not call white space) and Unicode's beyond it. Every other
/// character normalises to at least one character of a word.
fn separates_words(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_whitespace()
    } else {
        c.is_whitespace()
    }
}

/// Every section's answer, normalised and joined. Prompts are left out: they are the
/// same in every entry written with a template, so they would match everything.
fn normalise_sections(entry: &Entry) -> String {
    let mut out = String::with_capacity(entry.sections.iter().map(|s| s.text.len()).sum());
    for section in &entry.sections {
        normalise_into(&section.text, &mut out);
    }
    out
}

/// One search word and its stem. A word is found in an entry if the entry's text has it
/// anywhere, so a word still being typed finds longer words ("wai" finds "waiting"), or
/// if one of the entry's words has the same stem, so other forms of it are found too
/// ("debts" finds "debt", "housing" finds "house", "phoned" finds "phone"). Stems are
/// compared whole: "being" (stem "be") does not find "because".
#[derive(Clone, Debug)]
struct Term {
    word: String,
    stem: String,
}

impl Term {
    fn new(word: String) -> Term {
        let stem = stem::query_stem(word.trim_matches(|c: char| !c.is_alphanumeric()));
        Term { word, stem }
    }

    fn found_in(&self, text: &str, stems: &str) -> bool {
        text.contains(self.word.as_str()) || (!self.stem.is_empty() && has_line(stems, &self.stem))
    }

    /// True if everything this term finds, `earlier` finds too, so results can narrow.
    /// The text part holds whenever this word contains the earlier one. The stem part
    /// holds if the stems are the same, or if the earlier word is inside this stem less
    /// its last letter: every word contains its own stem less the last letter (see
    /// [`stem`]), so every word with this stem contains the earlier word. Typing a
    /// letter onto a word that is its own stem ("wai" to "wait") narrows; one that
    /// makes a stem ("housin" to "housing", which also finds "house") searches afresh.
    fn within(&self, earlier: &Term) -> bool {
        let safe = self
            .stem
            .get(..self.stem.len().saturating_sub(1))
            .unwrap_or("");
        self.word.contains(earlier.word.as_str())
            && (self.stem == earlier.stem || safe.contains(earlier.word.as_str()))
    }
}

/// The stems of every word of a normalised text, sorted and once each, one a line, so a
/// search finds a stem by binary search instead of scanning the text again. Each
/// distinct word is stemmed once, into one buffer, and the stems are gathered in one
/// string: building the index allocates per entry, not per word.
fn stems_of(text: &str) -> String {
    let mut words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .collect();
    words.sort_unstable();
    words.dedup();
    let mut buf = Vec::new();
    let mut all = String::with_capacity(text.len());
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(words.len());
    for word in words {
        stem::stem_into(word, &mut buf);
        if let Ok(stem) = std::str::from_utf8(&buf) {
            if !stem.is_empty() {
                spans.push((all.len(), all.len() + stem.len()));
                all.push_str(stem);
            }
        }
    }
    let get = |&(a, b): &(usize, usize)| all.get(a..b).unwrap_or("");
    spans.sort_unstable_by(|x, y| get(x).cmp(get(y)));
    spans.dedup_by(|x, y| get(x) == get(y));
    let mut out = String::with_capacity(all.len() + spans.len());
    for span in &spans {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(get(span));
    }
    out
}

/// Binary search for a whole line equal to `word` in byte-sorted lines.
fn has_line(lines: &str, word: &str) -> bool {
    let bytes = lines.as_bytes();
    let (mut lo, mut hi) = (0usize, bytes.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = bytes[..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let end = bytes[mid..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |p| mid + p);
        match bytes[start..end].cmp(word.as_bytes()) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

// ---------------------------------------------------------------------------------------
// The index
// ---------------------------------------------------------------------------------------

/// One entry as the index keeps it: what the filters need, and its text normalised once.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Indexed {
    id: EntryId,
    about: NaiveDate,
    written_at: DateTime<Utc>,
    tags: Vec<TagId>,
    template: Option<TemplateId>,
    text: Box<str>,
    /// Every word's stem, sorted, once each, one a line ([`stems_of`]).
    stems: Box<str>,
}

impl Indexed {
    fn of(entry: &Entry) -> Indexed {
        let text = normalise_sections(entry);
        Indexed {
            id: entry.id.clone(),
            about: entry.about,
            written_at: entry.written_at,
            tags: entry.tags.clone(),
            template: entry.template.as_ref().map(|t| t.id.clone()),
            stems: stems_of(&text).into_boxed_str(),
            text: text.into_boxed_str(),
        }
    }

    /// Whether `query` (its `words` normalised once by the caller) holds for this entry:
    /// the one check both a full search and a narrowed one make.
    fn matches<F: EntryFacts + ?Sized>(&self, query: &Query, terms: &[Term], facts: &F) -> bool {
        query.matches_parts(
            &self.id,
            self.about,
            &self.tags,
            self.template.as_ref(),
            (&self.text, &self.stems),
            terms,
            facts,
        )
    }
}

/// The journal prepared for searching as the worker types. Building it normalises every
/// entry once; a search then only scans the prepared text, checking dates, tags,
/// template and thread first. Keep it beside the journal and apply the same
/// [`put`](SearchIndex::put) and [`remove`](SearchIndex::remove) to both, or rebuild it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchIndex {
    /// In the journal's order (newest day first), so results need no sorting and a date
    /// range is a slice found by binary search.
    entries: Vec<Indexed>,
}

/// The journal's order: newest day first, then last written first, then by id.
fn newest_first(a: &Indexed, b: &Indexed) -> std::cmp::Ordering {
    b.about
        .cmp(&a.about)
        .then(b.written_at.cmp(&a.written_at))
        .then(b.id.cmp(&a.id))
}

impl SearchIndex {
    pub fn build(journal: &Journal) -> SearchIndex {
        SearchIndex {
            entries: journal.newest_first().map(Indexed::of).collect(),
        }
    }

    /// Indexes up to `count` more entries of `journal`, continuing from where the last
    /// call stopped; says whether every entry is now in. Building a large journal's index
    /// a slice at a time lets the page answer the worker in between (5,000 reflections
    /// took one task of about 250 ms, and four times that on a slow phone). The journal
    /// must be the same one throughout: start a new index when it changes.
    pub fn index_more(&mut self, journal: &Journal, count: usize) -> bool {
        let done = self.entries.len();
        self.entries.extend(
            journal
                .newest_first()
                .skip(done)
                .take(count)
                .map(Indexed::of),
        );
        self.entries.len() == journal.len()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds an entry or replaces the one with the same id, as [`Journal::put`] does.
    /// Costs one entry's normalising and a shift of the list.
    pub fn put(&mut self, entry: &Entry) {
        self.remove(&entry.id);
        let indexed = Indexed::of(entry);
        let at = self
            .entries
            .partition_point(|e| newest_first(e, &indexed) == std::cmp::Ordering::Less);
        self.entries.insert(at, indexed);
    }

    /// Takes an entry out, as [`Journal::remove`] does. Returns whether it was there.
    pub fn remove(&mut self, id: &EntryId) -> bool {
        match self.entries.iter().position(|e| &e.id == id) {
            Some(at) => {
                self.entries.remove(at);
                true
            }
            None => false,
        }
    }

    /// The ids of the matching entries, newest first (the order of
    /// [`Journal::newest_first`]).
    pub fn search<F: EntryFacts + ?Sized>(&self, query: &Query, facts: &F) -> Vec<EntryId> {
        let terms = query.terms();
        // Sorted by day, newest first: skip the days after `to`, stop before `from`.
        let start = query
            .to
            .map_or(0, |to| self.entries.partition_point(|e| e.about > to));
        let end = query
            .from
            .map_or(self.entries.len(), |from| {
                self.entries.partition_point(|e| e.about >= from)
            })
            .max(start);
        self.entries[start..end]
            .iter()
            .filter(|e| e.matches(query, &terms, facts))
            .map(|e| e.id.clone())
            .collect()
    }

    /// [`search`](SearchIndex::search), looking only at `among` (ids in the journal's
    /// order): the results of an earlier query that this one [narrows](Query::narrows),
    /// so that each key the worker adds to a word scans only what the last key found.
    /// The walk compares ids, which is far cheaper than scanning text.
    pub fn search_among<F: EntryFacts + ?Sized>(
        &self,
        query: &Query,
        facts: &F,
        among: &[EntryId],
    ) -> Vec<EntryId> {
        let terms = query.terms();
        let mut wanted = among.iter().peekable();
        self.entries
            .iter()
            .filter(|e| {
                if wanted.peek() != Some(&&e.id) {
                    return false;
                }
                wanted.next();
                e.matches(query, &terms, facts)
            })
            .map(|e| e.id.clone())
            .collect()
    }
}

/// The entries with these ids and their places in [`Journal::newest_first`], in one pass
/// over the journal, for showing search results without looking each one up (a lookup by
/// id scans the journal). `ids` must be in the journal's order, as
/// [`SearchIndex::search`] gives them for the journal it was built from; after an id the
/// journal does not have, nothing more is given (never a wrong entry). The walk stops at
/// the last id, so showing the first 20 of many results costs only as far as the 20th.
pub fn entries_in_order<'a>(
    journal: &'a Journal,
    ids: &'a [EntryId],
) -> impl Iterator<Item = (usize, &'a Entry)> + 'a {
    let mut wanted = ids.iter().peekable();
    journal
        .newest_first()
        .enumerate()
        .filter(move |(_, e)| {
            let hit = wanted.peek() == Some(&&e.id);
            if hit {
                wanted.next();
            }
            hit
        })
        .take(ids.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::entry::{Section, TemplateUse};
    use crate::core::ids::{IdSeed, ThreadId};
    use crate::core::templates::{PromptDraft, PromptRole, TemplateDraft, FREE_FORM_ID};
    use crate::core::threads::Outcome;
    use chrono::TimeZone;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_query_is_empty_exactly_when_its_words_are_none() {
        // is_empty does not normalise (the journal page asks it without the search's
        // chunk): it must still agree with the words the search would use.
        let texts = [
            "",
            " ",
            "\t\n\r\x0C",
            "\x0B",
            "\u{00A0}",
            "\u{2003}\u{3000}",
            "\u{2028}",
            "\u{200B}",
            "\u{2019}",
            "a",
            " Zoë ",
            "\u{0130}",
            "ΣΑΣ",
            "\u{0301}",
            "\u{FEFF}",
        ];
        for text in texts {
            let query = Query::text(text);
            assert_eq!(query.is_empty(), query.words().is_empty(), "{text:?}");
        }
        assert!(Query::text(" \u{00A0}\u{3000} ").is_empty());
        assert!(
            !Query::text("\x0B").is_empty(),
            "ASCII does not call the vertical tab white space"
        );
    }

    fn tag(s: &str) -> TagId {
        TagId::parse(s).unwrap()
    }

    fn entry(id: &str, about: NaiveDate, sections: &[&str], tags: &[&str]) -> Entry {
        Entry {
            id: EntryId::parse(id).unwrap(),
            written_at: Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap(),
            updated_at: Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap(),
            about,
            sections: sections
                .iter()
                .map(|t| Section {
                    prompt: Some("What happened?".into()),
                    ..Section::free(*t)
                })
                .collect(),
            tags: tags.iter().map(|t| tag(t)).collect(),
            dismissed: vec![],
            template: None,
            judgement_call: None,
        }
    }

    fn gibbs() -> Option<TemplateUse> {
        Some(TemplateUse {
            id: TemplateId::parse("gibbs").unwrap(),
            name: "Gibbs".into(),
        })
    }

    /// A small fictional journal, newest first: e5, e4, e3, e2, e1. e2 and e3 were
    /// written with Gibbs.
    fn journal() -> Journal {
        Journal::from_entries([
            entry(
                "e1",
                day(2026, 11, 2),
                &["Person A is still on the waiting list for counselling."],
                &["holding-waiting"],
            ),
            entry(
                "e2",
                day(2026, 11, 9),
                &["I don’t think the café group suits her.", "Try the garden."],
                &["md-patient", "anchor-step"],
            )
            .with_template(gibbs()),
            entry(
                "e3",
                day(2026, 11, 16),
                &["Rang the food bank directly; WAITING  LIST\nis six weeks."],
                &["md-community", "holding-waiting"],
            )
            .with_template(gibbs()),
            entry(
                "e4",
                day(2026, 11, 23),
                &["Nothing to fix. I listened. Δεν πειράζει, she said."],
                &["holding-witness"],
            ),
            entry(
                "e5",
                day(2026, 11, 30),
                &["Team meeting; no sessions."],
                &[],
            ),
        ])
    }

    trait WithTemplate {
        fn with_template(self, template: Option<TemplateUse>) -> Entry;
    }

    impl WithTemplate for Entry {
        fn with_template(self, template: Option<TemplateUse>) -> Entry {
            Entry { template, ..self }
        }
    }

    /// The test journal's threads: e1 and e3 are in thread-a (Person A, open); thread-b
    /// (Person B, closed) has only an entry that is not in the journal.
    fn threads() -> Threads {
        let mut threads = Threads::new();
        let (a, b) = (
            ThreadId::parse("thread-a").unwrap(),
            ThreadId::parse("thread-b").unwrap(),
        );
        threads
            .create(a.clone(), "Person A", day(2026, 11, 1))
            .unwrap();
        threads
            .create(b.clone(), "Person B", day(2026, 11, 1))
            .unwrap();
        for e in ["e1", "e3"] {
            threads.link(&a, &EntryId::parse(e).unwrap()).unwrap();
        }
        threads.link(&b, &EntryId::parse("e9").unwrap()).unwrap();
        threads
            .close(&b, day(2026, 11, 20), Outcome::ALL[0])
            .unwrap();
        threads
    }

    /// One line per case: a query string, and the ids it finds, newest first. Checks the
    /// index and the from-scratch `Query::matches` agree.
    fn check(raw: &str, expected: &[&str]) {
        let journal = journal();
        let facts = threads();
        let parsed = Query::from_query_string(raw);
        let found = SearchIndex::build(&journal).search(&parsed.query, &facts);
        let found: Vec<&str> = found.iter().map(EntryId::as_str).collect();
        assert_eq!(found, expected, "searching {raw:?}");
        let scratch: Vec<&str> = journal
            .newest_first()
            .filter(|e| parsed.query.matches(e, &facts))
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(scratch, expected, "matching {raw:?} from scratch");
    }

    #[test]
    fn an_empty_query_finds_every_entry_newest_first() {
        check("", &["e5", "e4", "e3", "e2", "e1"]);
        check("?", &["e5", "e4", "e3", "e2", "e1"]);
        check("q=+++", &["e5", "e4", "e3", "e2", "e1"]);
    }

    #[test]
    fn text_search_ignores_case_word_order_and_spacing() {
        check("q=waiting", &["e3", "e1"]);
        check("q=WAITING", &["e3", "e1"]);
        check("q=list+waiting", &["e3", "e1"]);
        check("q=waiting+list+is", &["e3", "e1"]);
        check("q=waiting+list+six", &["e3"]);
        check("q=++waiting+++list++", &["e3", "e1"]);
        check("q=counselling+six", &[]);
    }

    #[test]
    fn a_word_still_being_typed_matches_the_start_of_a_longer_word() {
        check("q=w", &["e3", "e1"]);
        check("q=wai", &["e3", "e1"]);
        check("q=waiting+l", &["e3", "e1"]);
        check("q=liste", &["e4"]);
    }

    #[test]
    fn other_forms_of_a_word_find_each_other() {
        check("q=listening", &["e4"]);
        check("q=waits", &["e3", "e1"]);
        check("q=suited", &["e2"]);
        check("q=meetings", &["e5"]);
        check("q=fixing+listens", &["e4"]);
        check("q=sessioned+meet", &["e5"]);
        let journal = Journal::from_entries([
            entry("d1", day(2026, 11, 2), &["Talked about the debt."], &[]),
            entry("d2", day(2026, 11, 3), &["Her house is damp."], &[]),
            entry("d3", day(2026, 11, 4), &["I will phone on Friday."], &[]),
            entry("d4", day(2026, 11, 5), &["Because of the bus."], &[]),
        ]);
        let find = |q: &str| -> Vec<String> {
            SearchIndex::build(&journal)
                .search(&Query::text(q), &NoFacts)
                .iter()
                .map(|id| id.as_str().to_owned())
                .collect()
        };
        assert_eq!(find("debts"), ["d1"]);
        assert_eq!(find("housing"), ["d2"]);
        assert_eq!(find("houses"), ["d2"]);
        assert_eq!(find("phoned"), ["d3"]);
        assert_eq!(find("phoning"), ["d3"]);
        // A stem is matched whole, so a short one does not find everything.
        assert!(find("being").is_empty());
        assert!(find("using").is_empty());
    }

    #[test]
    fn text_search_covers_every_section_but_not_the_prompts() {
        check("q=garden", &["e2"]);
        check("q=cafe%CC%81", &[]);
        check("q=caf%C3%A9+garden", &["e2"]);
        check("q=happened", &[]);
    }

    #[test]
    fn straight_and_curly_apostrophes_find_each_other() {
        check("q=don't", &["e2"]);
        check("q=don%E2%80%99t", &["e2"]);
        check("q=DON%CA%BCT", &["e2"]);
    }

    #[test]
    fn lowercasing_is_unicode_aware() {
        check("q=%CE%B4%CE%B5%CE%BD", &["e4"]);
        check("q=%CE%94%CE%95%CE%9D", &["e4"]);
        check("q=CAF%C3%89", &["e2"]);
    }

    #[test]
    fn tags_match_all_of_them_by_default_or_any_of_them_when_asked() {
        check("tag=holding-waiting", &["e3", "e1"]);
        check("tag=holding-waiting&tag=md-community", &["e3"]);
        check("tag=holding-waiting&tag=md-community&match=all", &["e3"]);
        check(
            "tag=holding-waiting&tag=md-patient&match=any",
            &["e3", "e2", "e1"],
        );
        check("tag=custom-99", &[]);
        check("match=any", &["e5", "e4", "e3", "e2", "e1"]);
    }

    #[test]
    fn date_ranges_are_inclusive_and_either_end_may_be_open() {
        check("from=2026-11-09&to=2026-11-23", &["e4", "e3", "e2"]);
        check("from=2026-11-16", &["e5", "e4", "e3"]);
        check("to=2026-11-08", &["e1"]);
        check("from=2026-11-10&to=2026-11-15", &[]);
        check("from=2026-11-9&to=2026-11-9", &["e2"]);
        check("from=2026-11-23&to=2026-11-09", &[]);
    }

    #[test]
    fn template_filters_use_the_entry_and_thread_filters_ask_the_threads() {
        check("template=gibbs", &["e3", "e2"]);
        check("template=kolb", &[]);
        check("thread=thread-a", &["e3", "e1"]);
        check("thread=thread-a&template=gibbs", &["e3"]);
        check("thread=thread-b", &[]);
    }

    #[test]
    fn every_filter_must_hold_at_once() {
        check("q=waiting&tag=holding-waiting&from=2026-11-10", &["e3"]);
        check("q=waiting&tag=md-patient", &[]);
        check(
            "q=the&tag=md-patient&tag=holding-waiting&match=any&to=2026-11-10",
            &["e2", "e1"],
        );
    }

    #[test]
    fn without_facts_a_thread_filter_matches_nothing_but_a_template_filter_still_works() {
        let index = SearchIndex::build(&journal());
        let template = Query {
            template: TemplateId::parse("gibbs"),
            ..Query::default()
        };
        let thread = Query {
            thread: Some("thread-a".into()),
            ..Query::default()
        };
        let ids = |q: &Query| -> Vec<String> {
            index
                .search(q, &NoFacts)
                .iter()
                .map(|id| id.as_str().to_owned())
                .collect()
        };
        assert_eq!(ids(&template), ["e3", "e2"]);
        assert_eq!(ids(&thread), Vec::<String>::new());
        assert_eq!(index.search(&Query::default(), &NoFacts).len(), 5);
    }

    #[test]
    fn threads_answer_whether_an_entry_is_in_a_thread_by_its_id() {
        let threads = threads();
        let e = |id: &str| EntryId::parse(id).unwrap();
        assert!(threads.in_thread(&e("e1"), "thread-a"));
        assert!(!threads.in_thread(&e("e2"), "thread-a"));
        assert!(threads.in_thread(&e("e9"), "thread-b"));
        assert!(!threads.in_thread(&e("e1"), "thread-b"));
        assert!(!threads.in_thread(&e("e1"), "Person A"));
        assert!(!threads.in_thread(&e("e1"), ""));
    }

    fn labels(choices: &[Choice]) -> Vec<(&str, &str)> {
        choices
            .iter()
            .map(|c| (c.id.as_str(), c.label.as_str()))
            .collect()
    }

    #[test]
    fn thread_choices_are_pseudonyms_in_the_order_opened_saying_which_are_closed() {
        assert_eq!(
            labels(&thread_choices(&threads())),
            [("thread-a", "Person A"), ("thread-b", "Person B (closed)")]
        );
        assert!(thread_choices(&Threads::new()).is_empty());
    }

    #[test]
    fn template_choices_are_the_library_without_free_writing_then_deleted_ones_in_use() {
        let mut library = TemplateLibrary::new();
        let mine = library
            .create(
                IdSeed::default(),
                &TemplateDraft {
                    name: "Quick note".into(),
                    prompts: vec![PromptDraft {
                        key: None,
                        label: "What happened?".into(),
                        hint: String::new(),
                        role: PromptRole::Other,
                    }],
                },
            )
            .unwrap();
        let gone = TemplateUse {
            id: TemplateId::parse("custom-99").unwrap(),
            name: "Old form".into(),
        };
        let mut journal = journal();
        journal
            .put(entry("e6", day(2026, 11, 3), &["Old."], &[]).with_template(Some(gone.clone())));
        journal.put(entry("e7", day(2026, 11, 4), &["Old again."], &[]).with_template(Some(gone)));
        let choices = template_choices(&library, &journal);
        let ids: Vec<&str> = choices.iter().map(|c| c.id.as_str()).collect();
        assert!(!ids.contains(&FREE_FORM_ID));
        assert_eq!(ids.first(), Some(&"driscoll"), "{ids:?}");
        assert_eq!(ids.iter().filter(|id| **id == "gibbs").count(), 1);
        assert_eq!(
            labels(&choices[choices.len() - 2..]),
            [(mine.as_str(), "Quick note"), ("custom-99", "Old form")]
        );
        assert_eq!(
            template_choices(&TemplateLibrary::new(), &Journal::new()).len(),
            ids.len() - 2
        );
    }

    #[test]
    fn a_template_or_thread_the_form_does_not_offer_is_reported_and_left_out() {
        let templates = template_choices(&TemplateLibrary::new(), &journal());
        let threads = thread_choices(&threads());
        let check = |raw: &str| {
            let mut parsed = Query::from_query_string(raw);
            parsed.check_choices(&templates, &threads);
            parsed
        };
        let fine = check("template=gibbs&thread=thread-b");
        assert!(fine.is_ok(), "{:?}", fine.errors);
        assert_eq!(fine.query.template, TemplateId::parse("gibbs"));
        assert_eq!(fine.query.thread.as_deref(), Some("thread-b"));

        let unknown = check("q=wait&template=custom-7&thread=t-gone");
        assert_eq!(
            unknown
                .errors
                .iter()
                .map(|e| (e.field, e.message.as_str(), e.value.as_str()))
                .collect::<Vec<_>>(),
            [
                (
                    QueryField::Template,
                    "Select a template from the list",
                    "custom-7"
                ),
                (
                    QueryField::Thread,
                    "Select a holding thread from the list",
                    "t-gone"
                ),
            ]
        );
        assert_eq!(unknown.query, Query::text("wait"));
        assert!(check("").is_ok());
    }

    #[test]
    fn a_query_narrows_one_whose_words_are_inside_its_own_under_the_same_filters() {
        let q = |raw: &str| Query::from_query_string(raw).query;
        assert!(q("q=wait").narrows(&q("q=wai")));
        assert!(q("q=waiting+list").narrows(&q("q=waiting")));
        assert!(q("q=list+waiting").narrows(&q("q=wait+is")));
        assert!(q("q=wait").narrows(&q("")));
        assert!(q("q=WAIT").narrows(&q("q=wait")));
        assert!(q("q=wait&tag=md-patient").narrows(&q("q=w&tag=md-patient")));
        assert!(!q("q=wai").narrows(&q("q=wait")));
        assert!(!q("q=waiting").narrows(&q("q=waiting+list")));
        assert!(!q("q=wait&tag=md-patient").narrows(&q("q=wai")));
        assert!(!q("q=wait&from=2026-11-01").narrows(&q("q=wai")));
        assert!(!q("q=wait&thread=a").narrows(&q("q=wai&thread=b")));
    }

    #[test]
    fn searching_among_earlier_results_finds_what_a_full_search_finds() {
        let index = SearchIndex::build(&journal());
        let facts = threads();
        let mut previous = Query::default();
        let mut found = index.search(&previous, &facts);
        for typed in [
            "w",
            "wa",
            "wai",
            "wait",
            "waiti",
            "waiting",
            "waiting l",
            "waiting list s",
            "waiting list six",
        ] {
            let query = Query::text(typed);
            // Finishing "waiting" makes a stem ("wait"), whose other forms may find what
            // "waiti" did not: that one key searches afresh.
            if typed == "waiting" {
                assert!(!query.narrows(&previous), "{typed:?}");
                found = index.search(&query, &facts);
                previous = query;
                continue;
            }
            assert!(query.narrows(&previous), "{typed:?}");
            let among = index.search_among(&query, &facts, &found);
            assert_eq!(among, index.search(&query, &facts), "{typed:?}");
            (previous, found) = (query, among);
        }
        assert_eq!(found, [EntryId::parse("e3").unwrap()]);
        assert!(index
            .search_among(&Query::default(), &facts, &[])
            .is_empty());
    }

    #[test]
    fn entries_in_order_picks_the_results_in_one_walk() {
        let journal = journal();
        let index = SearchIndex::build(&journal);
        let texts = |ids: &[EntryId]| -> Vec<String> {
            entries_in_order(&journal, ids)
                .map(|(at, e)| {
                    assert_eq!(journal.newest_first().nth(at), Some(e));
                    e.id.as_str().to_owned()
                })
                .collect()
        };
        let found = index.search(&Query::text("waiting"), &NoFacts);
        assert_eq!(texts(&found), ["e3", "e1"]);
        assert_eq!(texts(&found[..1]), ["e3"]);
        assert_eq!(texts(&[]), Vec::<String>::new());
        let all = index.search(&Query::default(), &NoFacts);
        assert_eq!(texts(&all), ["e5", "e4", "e3", "e2", "e1"]);
        // An id the journal lacks never brings in a wrong entry.
        let stray = [EntryId::parse("e4").unwrap(), EntryId::parse("zz").unwrap()];
        assert_eq!(texts(&stray), ["e4"]);
    }

    #[test]
    fn a_date_input_value_reads_as_a_day() {
        assert_eq!(parse_iso_date("2026-11-02"), Some(day(2026, 11, 2)));
        assert_eq!(parse_iso_date(""), None);
        assert_eq!(parse_iso_date("2026-02-30"), None);
        assert_eq!(parse_iso_date("+02026-01-01"), None);
    }

    /// One line per case: a query string and the messages it reports.
    fn check_errors(raw: &str, expected: &[(QueryField, &str, &str)]) {
        let parsed = Query::from_query_string(raw);
        let got: Vec<(QueryField, &str, &str)> = parsed
            .errors
            .iter()
            .map(|e| (e.field, e.message.as_str(), e.value.as_str()))
            .collect();
        assert_eq!(got, expected, "reading {raw:?}");
    }

    #[test]
    fn bad_values_are_reported_as_typed_in_gov_uk_words() {
        use QueryField::*;
        check_errors("q=x&tag=md-patient&from=2026-01-01&to=2026-02-01", &[]);
        check_errors(
            "from=2026-02-30",
            &[(From, "Enter a real date for ‘from’", "2026-02-30")],
        );
        check_errors(
            "to=yesterday",
            &[(To, "Enter a real date for ‘to’", "yesterday")],
        );
        check_errors(
            "from=26-1-1",
            &[(From, "Enter a real date for ‘from’", "26-1-1")],
        );
        check_errors(
            "from=2026-1-1-1",
            &[(From, "Enter a real date for ‘from’", "2026-1-1-1")],
        );
        check_errors(
            "from=2026-03-02&to=2026-03-01",
            &[(
                From,
                "‘From’ date must be the same as or before ‘to’ date",
                "2026-03-02",
            )],
        );
        check_errors(
            "tag=Holding+Waiting",
            &[(Tags, "Select tags from the list", "Holding Waiting")],
        );
        check_errors(
            "match=some",
            &[(
                Match,
                "Select whether entries must have all of the tags or any of them",
                "some",
            )],
        );
        check_errors(
            "template=..%2Fetc",
            &[(Template, "Select a template from the list", "../etc")],
        );
    }

    #[test]
    fn a_bad_value_leaves_the_rest_of_the_query_working() {
        let parsed =
            Query::from_query_string("q=wait&tag=BAD&tag=md-patient&from=2026-13-01&to=2026-11-30");
        assert_eq!(parsed.errors.len(), 2);
        assert!(!parsed.is_ok());
        assert_eq!(
            parsed.query,
            Query {
                text: "wait".into(),
                tags: vec![tag("md-patient")],
                to: Some(day(2026, 11, 30)),
                ..Query::default()
            }
        );
    }

    #[test]
    fn unknown_and_empty_parameters_are_ignored_and_the_first_of_a_repeat_wins() {
        let parsed = Query::from_query_string(
            "utm_source=x&q=first&q=second&from=&to=&template=&thread=&match=&tag=&from=2026-01-02&from=bad",
        );
        assert!(parsed.is_ok(), "{:?}", parsed.errors);
        assert_eq!(
            parsed.query,
            Query {
                text: "first".into(),
                from: Some(day(2026, 1, 2)),
                ..Query::default()
            }
        );
    }

    /// One line per case: a query and the query string it writes.
    fn check_url(query: Query, expected: &str) {
        assert_eq!(query.to_query_string(), expected);
        let back = Query::from_query_string(expected);
        assert_eq!(back.query, query, "reading back {expected:?}");
    }

    #[test]
    fn query_strings_use_stable_names_in_a_fixed_order_and_leave_out_defaults() {
        check_url(Query::default(), "");
        check_url(Query::text("waiting list"), "q=waiting+list");
        check_url(Query::text("don’t & 100%"), "q=don%E2%80%99t+%26+100%25");
        check_url(
            Query {
                text: "wait".into(),
                tags: vec![tag("md-patient"), tag("custom-3")],
                tag_match: TagMatch::Any,
                from: Some(day(2026, 1, 5)),
                to: Some(day(2026, 11, 30)),
                template: TemplateId::parse("gibbs"),
                thread: Some("person-a".into()),
            },
            "q=wait&tag=md-patient&tag=custom-3&match=any&from=2026-01-05&to=2026-11-30\
             &template=gibbs&thread=person-a",
        );
        check_url(
            Query {
                tags: vec![tag("md-patient")],
                tag_match: TagMatch::All,
                ..Query::default()
            },
            "tag=md-patient",
        );
    }

    #[test]
    fn is_empty_ignores_a_search_box_of_spaces_and_the_match_mode_alone() {
        assert!(Query::default().is_empty());
        assert!(Query::text("  \n ").is_empty());
        assert!(Query {
            tag_match: TagMatch::Any,
            ..Query::default()
        }
        .is_empty());
        assert!(!Query::text("a").is_empty());
        assert!(!Query {
            to: Some(day(2026, 1, 1)),
            ..Query::default()
        }
        .is_empty());
    }

    /// One line per case: text, and how the search sees it.
    fn check_normalise(text: &str, expected: &str) {
        assert_eq!(normalise(text), expected, "normalising {text:?}");
    }

    #[test]
    fn normalising_lowercases_straightens_quotes_and_squeezes_whitespace() {
        check_normalise("Waiting List", "waiting list");
        check_normalise("  a \t\n b  ", "a b");
        check_normalise("don’t ‘quote’ “this”", "don't 'quote' \"this\"");
        check_normalise("ÉCOLE Straße", "école straße");
        check_normalise("a\u{00A0}b\u{2003}c", "a b c");
        check_normalise("ΣΟΦΙΑ", "σοφια");
        check_normalise("", "");
    }

    #[test]
    fn an_index_built_a_slice_at_a_time_is_the_same_index() {
        let journal = journal();
        let mut sliced = SearchIndex::default();
        let mut slices = 1;
        while !sliced.index_more(&journal, 2) {
            slices += 1;
        }
        assert_eq!(slices, journal.len().div_ceil(2));
        assert_eq!(sliced, SearchIndex::build(&journal));
        assert!(sliced.index_more(&journal, 2), "nothing left to add");
        assert_eq!(sliced, SearchIndex::build(&journal));
        assert!(SearchIndex::default().index_more(&Journal::default(), 2));
    }

    #[test]
    fn put_and_remove_keep_the_index_in_step_with_the_journal() {
        let mut journal = journal();
        let mut index = SearchIndex::build(&journal);
        let moved = entry("e1", day(2026, 11, 25), &["Moved and rewritten."], &[]);
        let added = entry(
            "e6",
            day(2026, 11, 16),
            &["Waiting again."],
            &["holding-waiting"],
        );
        for e in [moved, added] {
            journal.put(e.clone());
            index.put(&e);
        }
        journal.remove(&EntryId::parse("e4").unwrap());
        assert!(index.remove(&EntryId::parse("e4").unwrap()));
        assert!(!index.remove(&EntryId::parse("e4").unwrap()));
        assert_eq!(index, SearchIndex::build(&journal));
        let ids: Vec<EntryId> = journal.newest_first().map(|e| e.id.clone()).collect();
        assert_eq!(index.search(&Query::default(), &NoFacts), ids);
        assert_eq!(index.len(), 5);
    }
}

/// Properties over generated queries and journals. proptest draws on a random source
/// that does not build for the browser, so these run natively only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::core::entry::Section;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn date() -> impl Strategy<Value = NaiveDate> {
        // 2000-01-01 plus up to about 100 years.
        (0i64..36_500).prop_map(|d| {
            NaiveDate::from_ymd_opt(2000, 1, 1)
                .and_then(|start| start.checked_add_signed(chrono::Duration::days(d)))
                .unwrap_or_default()
        })
    }

    fn slug() -> impl Strategy<Value = String> {
        "[a-z0-9-]{1,20}"
    }

    fn query() -> impl Strategy<Value = Query> {
        (
            any::<String>(),
            proptest::collection::vec(slug(), 0..4),
            any::<bool>(),
            proptest::option::of(date()),
            proptest::option::of(date()),
            proptest::option::of(slug()),
            proptest::option::of("\\PC{1,20}"),
        )
            .prop_map(|(text, tags, any, from, to, template, thread)| Query {
                text,
                tags: tags.iter().filter_map(|t| TagId::parse(t)).collect(),
                tag_match: if any { TagMatch::Any } else { TagMatch::All },
                from,
                to,
                template: template.and_then(|t| TemplateId::parse(&t)),
                thread,
            })
    }

    /// A word pool small enough that generated queries often match.
    const WORDS: &[&str] = &[
        "Waiting", "list", "don’t", "don't", "café", "GARDEN", "group", "she", "listened",
        "Straße", "\n", "  ", "wait",
    ];
    const TAGS: &[&str] = &["md-patient", "holding-waiting", "anchor-step"];
    const TEMPLATES: &[&str] = &["gibbs", "kolb"];

    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(WORDS), 0..8)
            .prop_map(|words| words.join(" "))
    }

    fn journal() -> impl Strategy<Value = Journal> {
        proptest::collection::vec(
            (
                proptest::collection::vec(text(), 1..3),
                0i64..30,
                proptest::sample::subsequence(TAGS, 0..=3),
                proptest::option::of(proptest::sample::select(TEMPLATES)),
            ),
            0..12,
        )
        .prop_map(|entries| {
            Journal::from_entries(entries.into_iter().enumerate().map(
                |(i, (texts, d, tags, template))| {
                    let about = NaiveDate::from_ymd_opt(2026, 11, 1)
                        .and_then(|start| start.checked_add_signed(chrono::Duration::days(d)))
                        .unwrap_or_default();
                    let at = Utc
                        .timestamp_opt(1_764_000_000 + i as i64, 0)
                        .single()
                        .unwrap_or_default();
                    Entry {
                        id: EntryId::parse(&format!("e{i}"))
                            .unwrap_or_else(|| EntryId::from_parts(0, 0)),
                        written_at: at,
                        updated_at: at,
                        about,
                        sections: texts.into_iter().map(Section::free).collect(),
                        tags: tags.iter().filter_map(|t| TagId::parse(t)).collect(),
                        dismissed: vec![],
                        template: template.and_then(TemplateId::parse).map(|id| {
                            crate::core::entry::TemplateUse {
                                id,
                                name: "A template".into(),
                            }
                        }),
                        judgement_call: None,
                    }
                },
            ))
        })
    }

    fn search_query() -> impl Strategy<Value = Query> {
        (
            text(),
            proptest::sample::subsequence(TAGS, 0..=2),
            any::<bool>(),
            proptest::option::of(0i64..30),
            proptest::option::of(0i64..30),
            proptest::option::of(proptest::sample::select(TEMPLATES)),
        )
            .prop_map(|(text, tags, any, from, to, template)| {
                let day = |d: i64| {
                    NaiveDate::from_ymd_opt(2026, 11, 1)
                        .and_then(|start| start.checked_add_signed(chrono::Duration::days(d)))
                };
                Query {
                    // A query takes the first few letters of a word, as while typing.
                    text: text.chars().take(9).collect(),
                    tags: tags.iter().filter_map(|t| TagId::parse(t)).collect(),
                    tag_match: if any { TagMatch::Any } else { TagMatch::All },
                    from: from.and_then(day),
                    to: to.and_then(day),
                    template: template.and_then(TemplateId::parse),
                    ..Query::default()
                }
            })
    }

    proptest! {
        #[test]
        fn a_query_survives_the_round_trip_through_its_query_string(q in query()) {
            let parsed = Query::from_query_string(&q.to_query_string());
            prop_assert_eq!(&parsed.query, &q);
            let backwards = matches!((q.from, q.to), (Some(f), Some(t)) if f > t);
            prop_assert_eq!(parsed.is_ok(), !backwards);
        }

        #[test]
        fn any_query_string_at_all_reads_without_panicking(raw in any::<String>()) {
            let parsed = Query::from_query_string(&raw);
            // Whatever was read, writing it out and reading it again gives the same query.
            let again = Query::from_query_string(&parsed.query.to_query_string());
            prop_assert_eq!(again.query, parsed.query);
        }

        #[test]
        fn a_narrower_query_over_earlier_results_finds_what_a_full_search_finds(
            journal in journal(),
            q in search_query(),
            more in "[a-z ]{0,4}",
        ) {
            let index = SearchIndex::build(&journal);
            let narrower = Query { text: format!("{}{more}", q.text), ..q.clone() };
            // Another letter can make a word's other forms find more ("housin" to
            // "housing" also finds "house"), so narrowing is checked, not assumed.
            if narrower.narrows(&q) {
                let earlier = index.search(&q, &NoFacts);
                prop_assert_eq!(
                    index.search_among(&narrower, &NoFacts, &earlier),
                    index.search(&narrower, &NoFacts)
                );
            }
        }

        #[test]
        fn the_index_finds_exactly_what_checking_each_entry_finds(
            journal in journal(),
            q in search_query(),
        ) {
            let expected: Vec<EntryId> = journal
                .newest_first()
                .filter(|e| q.matches(e, &NoFacts))
                .map(|e| e.id.clone())
                .collect();
            prop_assert_eq!(SearchIndex::build(&journal).search(&q, &NoFacts), expected);
        }
    }
}
