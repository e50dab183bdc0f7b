//! The review step (GOV.UK "check answers"): every text that would leave the device, with
//! what the anonymiser found in it, and the worker's decisions about it. Nothing leaves
//! until the worker confirms; confirming is [`Review::finish`].
//!
//! Why one [`Anonymiser`] for the whole review: pseudonyms are handed out in order of
//! first appearance, so the review screen ([`Review::view`]) and the export
//! ([`Review::finish`]) both replay the same texts in the same order through a fresh copy
//! of it, and "Person A" on screen is "Person A" in every export format.
//!
//! A name on the worker's private list can never be shown: un-redacting a span that
//! contains one is refused here, and [`Review::finish`] checks again, so a stale or
//! hand-made [`Decisions`] value cannot leak one either.
//!
//! At scale (200 reflections dense with identifiers) the page shows one [`ReviewPage`] at
//! a time, a reflection or the bring text ([`Review::page`]), with totals over every text,
//! and [`Progress`] records which pages the worker has seen: nothing is downloaded until
//! every page has been. Why the whole review is still replayed for one page: a page's
//! pseudonyms depend on every text before it. The replay only applies spans (cheap); the
//! scan is done once, in [`Review::new`], and each added phrase is looked for once
//! ([`Review::add_phrase`] keeps where it was found), not again on every redraw.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

use chrono::NaiveDate;
use thiserror::Error;

use super::Period;
use super::{
    monday_of, AnswerText, BandCount, EmbeddednessWeek, FamilyCount, Formative, FormativeItem,
    FormativeWeek, Holding, KindCount, LoadCounts, Mark, Normative, OutcomeCount, Overview,
    Reflection, Restorative, Summary, SummaryRequest, TagCount, TagRef, Text, WeekOverview,
    WeekTagCount, Wellbeing, WellbeingWeek, CUSTOM_FAMILY, FORMAT, VERSION,
};
use crate::core::anonymise::nudge::ListedNames;
use crate::core::anonymise::{
    find_phrase, Anonymised, Anonymiser, Findings, Kind, QuasiKind, Span,
};
use crate::core::checkins::{
    weekly_trend, EmbeddednessHistory, ReflectionDays, WellbeingCheck, WellbeingLog,
};
use crate::core::ids::{one_line, EntryId};
use crate::core::journal::Journal;
use crate::core::tags::{Family, Tag, Vocabulary};
use crate::core::templates::PromptRole;
use crate::core::threads::{DurationBand, Outcome, ThreadDuration, Threads};

/// The longest word or phrase the worker can add to redact.
pub const MAX_PHRASE_CHARS: usize = 80;

/// Everything a summary is built from, as the app holds it.
#[derive(Clone, Copy, Debug)]
pub struct SummaryData<'a> {
    pub journal: &'a Journal,
    pub vocabulary: &'a Vocabulary,
    pub threads: &'a Threads,
    pub embeddedness: &'a EmbeddednessHistory,
    pub wellbeing: &'a WellbeingLog,
    /// The worker's private list of names and places to redact (from settings).
    pub private_names: &'a [String],
    /// The worker's local date.
    pub today: NaiveDate,
}

/// Which text of the review a span or decision belongs to.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TextId {
    /// Answer (section) `index` of an entry, counting from 0 as stored.
    Answer { entry: EntryId, index: usize },
    /// What the worker wants to bring to supervision.
    Bring,
}

impl TextId {
    /// A stable HTML id for the text's block on the review page.
    pub fn html_id(&self) -> String {
        match self {
            TextId::Answer { entry, index } => format!("review-{entry}-{index}"),
            TextId::Bring => "review-bring".to_owned(),
        }
    }
}

/// One text that would leave the device, as written, with what the anonymiser found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewText {
    pub id: TextId,
    /// The Monday of the entry's week; none for the bring text.
    pub week: Option<NaiveDate>,
    /// The reflection's number in the summary; none for the bring text.
    pub reflection: Option<usize>,
    /// The template prompt answered, as written; none for free writing.
    pub prompt: Option<String>,
    pub role: PromptRole,
    pub text: String,
    /// What the anonymiser found, once scanned: see [`Review::findings`].
    found: OnceLock<Findings>,
}

/// A found span the worker chose to show as written: a deliberate action on one span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unredaction {
    pub text: TextId,
    pub start: usize,
    pub end: usize,
}

/// The worker's decisions in the review step. A plain value: the UI keeps it in a signal
/// and changes it through [`Review::unredact`], [`Review::add_phrase`] and the methods
/// here.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decisions {
    /// Found spans to show as written.
    pub unredacted: Vec<Unredaction>,
    /// Further words or phrases to redact wherever they appear (any case, possessives
    /// too), as the worker typed them.
    pub phrases: Vec<String>,
}

impl Decisions {
    pub fn is_unredacted(&self, text: &TextId, start: usize, end: usize) -> bool {
        self.unredacted
            .iter()
            .any(|u| &u.text == text && u.start == start && u.end == end)
    }

    /// Puts an un-redacted span back. Returns whether it had been un-redacted.
    pub fn redact_again(&mut self, text: &TextId, start: usize, end: usize) -> bool {
        let before = self.unredacted.len();
        self.unredacted
            .retain(|u| !(&u.text == text && u.start == start && u.end == end));
        self.unredacted.len() != before
    }

    /// Stops redacting a phrase the worker added. Returns whether it was there.
    pub fn remove_phrase(&mut self, phrase: &str) -> bool {
        let before = self.phrases.len();
        self.phrases.retain(|p| p != phrase);
        self.phrases.len() != before
    }
}

/// Why a review decision was refused. Nothing changes when one is returned.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum ReviewError {
    #[error("Enter a word or phrase to redact")]
    BlankPhrase,
    #[error("Word or phrase to redact must be 80 characters or fewer")]
    PhraseTooLong,
    #[error("There is no redaction there to show")]
    NotARedaction,
    #[error(
        "\u{2018}{0}\u{2019} is on your list of names to redact, so it cannot be shown. \
         To show it, remove it from the list in settings"
    )]
    OnPrivateList(String),
}

/// How a highlighted stretch of a text will leave the device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkState {
    /// Found by the anonymiser and redacted: can be shown with [`Review::unredact`].
    Redacted,
    /// Found, but the worker chose to show it as written.
    Unredacted,
    /// Redacted because of a word or phrase the worker added.
    Added,
}

/// A highlighted stretch of a text on the review page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentMark {
    pub kind: Kind,
    /// Byte offsets into the original text: pass them to [`Review::unredact`] and
    /// [`Decisions::redact_again`].
    pub start: usize,
    pub end: usize,
    pub state: MarkState,
    /// What will be exported in its place ("Person A"); none when shown as written.
    pub replacement: Option<String>,
}

/// A piece of a text as written: plain, or highlighted with what happens to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub mark: Option<SegmentMark>,
}

/// A quasi-identifier in a text: left in place, listed for the worker to consider.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WarningView {
    pub kind: QuasiKind,
    /// The words flagged, as written.
    pub words: String,
    /// True once a redaction covers them.
    pub resolved: bool,
}

/// One text as the review page shows it under the current decisions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextView {
    pub id: TextId,
    pub segments: Vec<Segment>,
    pub warnings: Vec<WarningView>,
}

/// A shared entry: where its texts are and where it goes in the summary.
#[derive(Clone, Debug)]
struct Shared {
    number: usize,
    week: NaiveDate,
    tags: Vec<TagRef>,
    /// Carries a micro-discretion or boundary tag: goes under normative.
    normative: bool,
    texts: Range<usize>,
}

/// The review of one summary: built once, then asked for views and, on confirming, the
/// summary.
#[derive(Clone, Debug)]
pub struct Review {
    anonymiser: Anonymiser,
    private_names: Vec<String>,
    /// The same list prepared once: the page asks about every redaction.
    listed_names: ListedNames,
    texts: Vec<ReviewText>,
    withheld: Vec<EntryId>,
    shared: Vec<Shared>,
    /// Short worker-written labels that are exported (custom tag names, template
    /// prompts), with what the anonymiser found in each. Not reviewed one by one: their
    /// redactions always apply.
    labels: Vec<(String, Vec<Span>)>,
    /// The summary with its counts filled in and no text yet.
    skeleton: Summary,
    /// The pages of the review page, in order: each reflection, then the bring text.
    pages: Vec<ReviewPage>,
    /// Where each added phrase appears in each text, keyed by the phrase as stored in
    /// [`Decisions::phrases`]: found once, so a redraw does not look again. Deterministic
    /// (it only remembers [`find_phrase`]'s answer), so sharing it is safe.
    phrase_hits: Arc<Mutex<BTreeMap<String, Hits>>>,
}

/// Where one phrase appears: for each text of the review, its spans.
type Hits = Arc<Vec<Vec<Span>>>;

/// One page of the review page: a reflection's texts, or the bring text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewPage {
    /// The reflection's number in the summary; none for the bring text.
    pub reflection: Option<usize>,
    /// The Monday of the reflection's week; none for the bring text.
    pub week: Option<NaiveDate>,
    /// Its texts, as indexes into [`Review::texts`].
    pub texts: Range<usize>,
}

/// A quasi-identifier not yet covered by a redaction, anywhere in the review, with the
/// page it is on so the overview can link to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageWarning {
    pub page: usize,
    pub text: usize,
    pub warning: WarningView,
}

/// One page of the review under the current decisions, with the totals over every text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageView {
    /// The page's texts, each with its index in [`Review::texts`].
    pub texts: Vec<(usize, TextView)>,
    /// How many words or phrases will be redacted in every text (found and not shown as
    /// written, and added), as the export will count them.
    pub redactions: usize,
    /// Every quasi-identifier in every text that no redaction covers yet.
    pub warnings: Vec<PageWarning>,
    /// Whether every text had been scanned, so the totals and warnings are for them all.
    pub complete: bool,
}

/// Which pages of the review the worker has seen. Seeing a page is what counts as
/// reviewing it: the page shows every redaction in it and the actions on each, so a
/// worker who has seen every page has had every redaction in front of them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    seen: Vec<bool>,
}

impl Progress {
    /// Nothing seen yet, of `pages` pages.
    pub fn new(pages: usize) -> Progress {
        Progress {
            seen: vec![false; pages],
        }
    }

    /// Marks `page` as seen (a page out of range is ignored).
    pub fn see(&mut self, page: usize) {
        if let Some(s) = self.seen.get_mut(page) {
            *s = true;
        }
    }

    pub fn is_seen(&self, page: usize) -> bool {
        self.seen.get(page).copied().unwrap_or(false)
    }

    pub fn seen_count(&self) -> usize {
        self.seen.iter().filter(|s| **s).count()
    }

    pub fn pages(&self) -> usize {
        self.seen.len()
    }

    /// The first page not seen yet: none once every page has been (or there are none).
    pub fn first_unseen(&self) -> Option<usize> {
        self.seen.iter().position(|s| !*s)
    }

    pub fn all_seen(&self) -> bool {
        self.first_unseen().is_none()
    }
}

/// Position in the overview's family list: the built-in families, then custom tags.
fn family_pos(f: Family) -> usize {
    Family::ALL.iter().position(|g| *g == f).unwrap_or(0)
}

fn family_index(tag: &Tag<'_>) -> usize {
    tag.family().map_or(Family::ALL.len(), family_pos)
}

fn family_id(index: usize) -> &'static str {
    Family::ALL.get(index).map_or(CUSTOM_FAMILY, |f| f.id())
}

fn tag_ref(tag: &Tag<'_>) -> TagRef {
    TagRef {
        tag: tag.id().to_owned(),
        family: family_id(family_index(tag)).to_owned(),
        label: tag.label().to_owned(),
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

impl Review {
    /// Gathers what the request covers: counts from every entry of the period, and the
    /// texts of the chosen entries (except any tagged "escalate elsewhere", whose text
    /// never leaves) and of the bring text, each scanned for identifiers.
    pub fn new(request: &SummaryRequest, data: &SummaryData<'_>) -> Review {
        let period = request.period();
        let anonymiser = Anonymiser::new(data.private_names);
        let vocabulary: Vec<Tag<'_>> = data.vocabulary.all().collect();
        let families = Family::ALL.len() + 1;

        let mut entries = 0;
        let mut family_totals = vec![0usize; families];
        let mut week_rows: BTreeMap<NaiveDate, (usize, Vec<usize>)> = period
            .mondays()
            .map(|m| (m, (0, vec![0; families])))
            .collect();
        // Keyed by position in the vocabulary, so everything comes out in picker order.
        let mut tag_totals: BTreeMap<usize, usize> = BTreeMap::new();
        let mut week_tags: BTreeMap<(NaiveDate, usize), usize> = BTreeMap::new();
        let mut escalations = 0;
        let mut texts = Vec::new();
        let mut withheld = Vec::new();
        let mut shared = Vec::new();
        let mut labels: Vec<String> = Vec::new();

        // Oldest first: the order a supervisor reads, and the order pseudonyms are given.
        for entry in data
            .journal
            .entries_between(period.start(), period.end())
            .rev()
        {
            entries += 1;
            let week = monday_of(entry.about);
            let mut tags: Vec<usize> = entry
                .tags
                .iter()
                .filter_map(|id| vocabulary.iter().position(|t| t.id() == id.as_str()))
                .collect();
            tags.sort_unstable();
            tags.dedup();
            let mut in_family = vec![false; families];
            for &i in &tags {
                in_family[family_index(&vocabulary[i])] = true;
                *tag_totals.entry(i).or_default() += 1;
                *week_tags.entry((week, i)).or_default() += 1;
            }
            let row = week_rows.entry(week).or_insert((0, vec![0; families]));
            row.0 += 1;
            for (f, hit) in in_family.iter().enumerate() {
                if *hit {
                    family_totals[f] += 1;
                    row.1[f] += 1;
                }
            }
            let family_of = |f: Family| in_family[family_pos(f)];
            let escalate = family_of(Family::EscalateElsewhere);
            if escalate {
                escalations += 1;
            }
            if !request.include_text.contains(&entry.id) {
                continue;
            }
            if escalate {
                withheld.push(entry.id.clone());
                continue;
            }
            let number = shared.len() + 1;
            let first = texts.len();
            for (index, section) in entry.sections.iter().enumerate() {
                if section.text.trim().is_empty() {
                    continue;
                }
                if let Some(p) = &section.prompt {
                    if !labels.contains(p) {
                        labels.push(p.clone());
                    }
                }
                texts.push(ReviewText {
                    id: TextId::Answer {
                        entry: entry.id.clone(),
                        index,
                    },
                    week: Some(week),
                    reflection: Some(number),
                    prompt: section.prompt.clone(),
                    role: section.role,
                    found: OnceLock::new(),
                    text: section.text.clone(),
                });
            }
            shared.push(Shared {
                number,
                week,
                tags: tags.iter().map(|&i| tag_ref(&vocabulary[i])).collect(),
                normative: family_of(Family::MicroDiscretion) || family_of(Family::Boundary),
                texts: first..texts.len(),
            });
        }
        if !request.bring.trim().is_empty() {
            let bring = request.bring.trim();
            texts.push(ReviewText {
                id: TextId::Bring,
                week: None,
                reflection: None,
                prompt: None,
                role: PromptRole::Other,
                found: OnceLock::new(),
                text: bring.to_owned(),
            });
        }

        let count_of = |t: &Tag<'_>| {
            vocabulary
                .iter()
                .position(|v| v.id() == t.id())
                .and_then(|i| tag_totals.get(&i).copied())
                .unwrap_or(0)
        };
        let tag_count = |t: &Tag<'_>, count: usize| {
            let r = tag_ref(t);
            TagCount {
                tag: r.tag,
                family: r.family,
                label: r.label,
                count,
            }
        };
        let every = |f: Family| -> Vec<TagCount> {
            f.tags()
                .map(|b| {
                    let t = Tag::Builtin(b);
                    tag_count(&t, count_of(&t))
                })
                .collect()
        };
        for (&i, _) in tag_totals.iter() {
            if vocabulary[i].family().is_none() {
                labels.push(vocabulary[i].label().to_owned());
            }
        }
        let family_counts = |counts: &[usize]| -> Vec<FamilyCount> {
            counts
                .iter()
                .enumerate()
                .map(|(f, &count)| FamilyCount {
                    family: family_id(f).to_owned(),
                    count,
                })
                .collect()
        };

        let skeleton = Summary {
            format: FORMAT.to_owned(),
            version: VERSION,
            worker: None,
            period,
            redactions: Vec::new(),
            overview: Overview {
                entries,
                entries_shared: shared.len(),
                families: family_counts(&family_totals),
                tags: tag_totals
                    .iter()
                    .map(|(&i, &n)| tag_count(&vocabulary[i], n))
                    .collect(),
                weeks: week_rows
                    .into_iter()
                    .map(|(week, (entries, counts))| WeekOverview {
                        week,
                        entries,
                        families: family_counts(&counts),
                    })
                    .collect(),
            },
            normative: Normative {
                tags: [every(Family::MicroDiscretion), every(Family::Boundary)].concat(),
                escalations,
                escalations_withheld: withheld.len(),
                reflections: Vec::new(),
            },
            formative: Formative { weeks: Vec::new() },
            restorative: Restorative {
                wellbeing: wellbeing(data.wellbeing, &ReflectionDays::of(data.journal), &period),
                own_wellbeing: every(Family::OwnWellbeing),
                holding: holding(data.threads, &period, data.today),
                embeddedness: embeddedness(data.embeddedness, &period),
            },
            other_reflections: Vec::new(),
            bring: None,
            tag_counts: week_tags
                .into_iter()
                .map(|((week, i), count)| {
                    let r = tag_ref(&vocabulary[i]);
                    WeekTagCount {
                        week,
                        family: r.family,
                        tag: r.tag,
                        label: r.label,
                        count,
                    }
                })
                .collect(),
        };
        let labels = labels
            .into_iter()
            .map(|l| {
                let spans = anonymiser.find(&l).spans;
                (l, spans)
            })
            .collect();
        let mut pages: Vec<ReviewPage> = shared
            .iter()
            .map(|sh| ReviewPage {
                reflection: Some(sh.number),
                week: Some(sh.week),
                texts: sh.texts.clone(),
            })
            .collect();
        if texts.last().is_some_and(|t| t.id == TextId::Bring) {
            pages.push(ReviewPage {
                reflection: None,
                week: None,
                texts: texts.len() - 1..texts.len(),
            });
        }
        Review {
            anonymiser,
            private_names: data.private_names.to_vec(),
            listed_names: ListedNames::new(data.private_names),
            texts,
            withheld,
            shared,
            labels,
            skeleton,
            pages,
            phrase_hits: Arc::default(),
        }
    }

    /// The review page's pages: one per reflection whose words are included (oldest
    /// first), then the bring text if there is one. A reflection with no words in it has
    /// none, so a summary of counts only has no pages at all.
    pub fn pages(&self) -> &[ReviewPage] {
        &self.pages
    }

    /// The page a text is on.
    pub fn page_of(&self, text: usize) -> Option<usize> {
        self.pages.iter().position(|p| p.texts.contains(&text))
    }

    /// What the anonymiser found in text `index`. Texts are scanned in order, once each:
    /// asking for one scans every text before it that was not scanned yet, so the texts
    /// scanned are always the first ones ([`Review::scanned`] of them).
    ///
    /// Panics if `index` is out of range, like indexing [`Review::texts`].
    pub fn findings(&self, index: usize) -> &Findings {
        for t in &self.texts[..index] {
            t.found.get_or_init(|| self.anonymiser.find(&t.text));
        }
        let t = &self.texts[index];
        t.found.get_or_init(|| self.anonymiser.find(&t.text))
    }

    /// How many texts have been scanned (the first ones).
    pub fn scanned(&self) -> usize {
        self.texts
            .iter()
            .position(|t| t.found.get().is_none())
            .unwrap_or(self.texts.len())
    }

    /// Scans up to `count` more texts, in order, and returns how many are scanned now.
    /// Why in steps: the page draws the first reflection straight away and scans the
    /// rest between frames, so 200 reflections do not hold up the first one.
    pub fn scan_more(&self, count: usize) -> usize {
        let done = self.scanned();
        let target = done.saturating_add(count).min(self.texts.len());
        if target > 0 {
            self.findings(target - 1);
        }
        target
    }

    /// Where `phrase` appears in each text, found once and then remembered.
    fn hits(&self, phrase: &str) -> Hits {
        let mut cache = self
            .phrase_hits
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        cache
            .entry(phrase.to_owned())
            .or_insert_with(|| {
                Arc::new(
                    self.texts
                        .iter()
                        .map(|t| find_phrase(&t.text, phrase))
                        .collect(),
                )
            })
            .clone()
    }

    /// Page `page` as the review page shows it under `decisions`, with the totals over
    /// every text scanned so far (all of them once [`PageView::complete`]). The review is
    /// replayed from the first text through a fresh copy of the anonymiser, so the page's
    /// pseudonyms are the ones the export will have; the page and every text before it
    /// are scanned first if they were not yet; only the page's texts are turned into
    /// views. A page out of range gives no texts, and the totals.
    pub fn page(&self, decisions: &Decisions, page: usize) -> PageView {
        let range = self.pages.get(page).map_or(0..0, |p| p.texts.clone());
        if let Some(last) = range.end.checked_sub(1) {
            self.findings(last);
        }
        let hits: Vec<Hits> = decisions.phrases.iter().map(|p| self.hits(p)).collect();
        let mut anonymiser = self.anonymiser.clone();
        let mut out = PageView {
            texts: Vec::with_capacity(range.len()),
            redactions: 0,
            warnings: Vec::new(),
            complete: true,
        };
        let mut on_page = 0;
        for (i, t) in self.texts.iter().enumerate() {
            // Texts are scanned in order, so the first one not scanned ends what can be
            // counted yet; the page itself was scanned above.
            let Some(findings) = t.found.get() else {
                out.complete = false;
                break;
            };
            let applied = anonymiser.apply(&t.text, &self.chosen_with(i, t, decisions, &hits));
            out.redactions += applied.redactions.len();
            if findings
                .warnings
                .iter()
                .any(|w| !covered(&applied, w.start, w.end))
            {
                while self.pages.get(on_page).is_some_and(|p| p.texts.end <= i) {
                    on_page += 1;
                }
                for w in &findings.warnings {
                    if !covered(&applied, w.start, w.end) {
                        out.warnings.push(PageWarning {
                            page: on_page,
                            text: i,
                            warning: WarningView {
                                kind: w.kind,
                                words: t.text[w.start..w.end].to_owned(),
                                resolved: false,
                            },
                        });
                    }
                }
            }
            if range.contains(&i) {
                out.texts
                    .push((i, view_of(t, findings, &applied, decisions)));
            }
        }
        out
    }

    pub fn period(&self) -> Period {
        self.skeleton.period
    }

    /// Every text that would leave the device, in the order the review page lists them:
    /// the chosen entries oldest first, answer by answer, then the bring text.
    pub fn texts(&self) -> &[ReviewText] {
        &self.texts
    }

    /// Chosen entries whose text will not be included because they are tagged "escalate
    /// elsewhere": the page says so; they are counted, never quoted.
    pub fn withheld(&self) -> &[EntryId] {
        &self.withheld
    }

    /// How many entries the period holds (all counted, whether or not their text goes).
    pub fn entries_in_period(&self) -> usize {
        self.skeleton.overview.entries
    }

    /// The deliberate action that shows a found span as written. Refused for anything
    /// that is not exactly a span the anonymiser found, and for a span holding a name on
    /// the worker's private list.
    pub fn unredact(
        &self,
        decisions: &mut Decisions,
        text: &TextId,
        start: usize,
        end: usize,
    ) -> Result<(), ReviewError> {
        let index = self
            .texts
            .iter()
            .position(|t| &t.id == text)
            .ok_or(ReviewError::NotARedaction)?;
        let t = &self.texts[index];
        if !self
            .findings(index)
            .spans
            .iter()
            .any(|s| s.start == start && s.end == end)
        {
            return Err(ReviewError::NotARedaction);
        }
        if let Some(name) = self.listed(&t.text[start..end]) {
            return Err(ReviewError::OnPrivateList(name));
        }
        if !decisions.is_unredacted(text, start, end) {
            decisions.unredacted.push(Unredaction {
                text: text.clone(),
                start,
                end,
            });
        }
        Ok(())
    }

    /// Adds a word or phrase to redact everywhere it appears. Returns how many times it
    /// appears in the texts and labels that will be exported (0 is allowed: the worker
    /// may be making sure). Adding one already there (in any case) changes nothing.
    pub fn add_phrase(&self, decisions: &mut Decisions, raw: &str) -> Result<usize, ReviewError> {
        let phrase = one_line(raw);
        if phrase.is_empty() {
            return Err(ReviewError::BlankPhrase);
        }
        if phrase.chars().count() > MAX_PHRASE_CHARS {
            return Err(ReviewError::PhraseTooLong);
        }
        // Looked for once here; every later view and the export reuse where it was found.
        let found = self.hits(&phrase).iter().map(Vec::len).sum::<usize>()
            + self
                .labels
                .iter()
                .map(|(l, _)| find_phrase(l, &phrase).len())
                .sum::<usize>();
        let lower = phrase.to_lowercase();
        if !decisions.phrases.iter().any(|p| p.to_lowercase() == lower) {
            decisions.phrases.push(phrase);
        }
        Ok(found)
    }

    /// Every text as the review page shows it under `decisions`, in [`Review::texts`]
    /// order, with the same replacements the export will have.
    pub fn view(&self, decisions: &Decisions) -> Vec<TextView> {
        let mut anonymiser = self.anonymiser.clone();
        let hits: Vec<_> = decisions.phrases.iter().map(|p| self.hits(p)).collect();
        self.texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let out = anonymiser.apply(&t.text, &self.chosen_with(i, t, decisions, &hits));
                view_of(t, self.findings(i), &out, decisions)
            })
            .collect()
    }

    /// The summary, with every decision applied. Call it when the worker confirms.
    pub fn finish(&self, decisions: &Decisions) -> Summary {
        let mut anonymiser = self.anonymiser.clone();
        let mut kinds: BTreeMap<Kind, usize> = BTreeMap::new();
        let mut tally = |out: &Anonymised| {
            for r in &out.redactions {
                *kinds.entry(r.kind).or_default() += 1;
            }
        };
        let hits: Vec<_> = decisions.phrases.iter().map(|p| self.hits(p)).collect();
        let texts: Vec<Text> = self
            .texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let out = anonymiser.apply(&t.text, &self.chosen_with(i, t, decisions, &hits));
                tally(&out);
                text_of(&t.text, &out)
            })
            .collect();
        let labels: BTreeMap<&str, String> = self
            .labels
            .iter()
            .map(|(raw, found)| {
                let mut spans = found.clone();
                for p in &decisions.phrases {
                    spans.extend(find_phrase(raw, p));
                }
                let out = anonymiser.apply(raw, &spans);
                tally(&out);
                (raw.as_str(), out.text)
            })
            .collect();
        let label = |raw: &str| labels.get(raw).cloned().unwrap_or_default();
        let relabel = |family: &str, l: &mut String| {
            if family == CUSTOM_FAMILY {
                *l = label(l);
            }
        };

        let mut s = self.skeleton.clone();
        for t in &mut s.overview.tags {
            relabel(&t.family, &mut t.label);
        }
        for t in &mut s.tag_counts {
            relabel(&t.family, &mut t.label);
        }
        let mut formative: BTreeMap<NaiveDate, Vec<FormativeItem>> = BTreeMap::new();
        for sh in &self.shared {
            let mut tags = sh.tags.clone();
            for t in &mut tags {
                relabel(&t.family, &mut t.label);
            }
            let mut answers = Vec::new();
            for i in sh.texts.clone() {
                let t = &self.texts[i];
                let prompt = t.prompt.as_deref().map(label);
                if t.role.is_formative() {
                    formative.entry(sh.week).or_default().push(FormativeItem {
                        reflection: sh.number,
                        role: t.role,
                        prompt: prompt.clone(),
                        text: texts[i].clone(),
                    });
                }
                answers.push(AnswerText {
                    prompt,
                    role: t.role,
                    text: texts[i].clone(),
                });
            }
            let r = Reflection {
                number: sh.number,
                week: sh.week,
                tags,
                answers,
            };
            if sh.normative {
                s.normative.reflections.push(r);
            } else {
                s.other_reflections.push(r);
            }
        }
        s.formative.weeks = formative
            .into_iter()
            .map(|(week, items)| FormativeWeek { week, items })
            .collect();
        s.bring = self
            .texts
            .iter()
            .position(|t| t.id == TextId::Bring)
            .map(|i| texts[i].clone());
        s.redactions = kinds
            .into_iter()
            .map(|(kind, count)| KindCount { kind, count })
            .collect();
        s
    }

    /// The spans to redact in one text: what was found, less what the worker showed
    /// (never a listed name), plus every added phrase.
    /// `hits` holds where each of `decisions.phrases` appears, in the same order.
    fn chosen_with(
        &self,
        index: usize,
        t: &ReviewText,
        decisions: &Decisions,
        hits: &[Hits],
    ) -> Vec<Span> {
        let mut spans: Vec<Span> = self
            .findings(index)
            .spans
            .iter()
            .copied()
            .filter(|s| {
                !decisions.is_unredacted(&t.id, s.start, s.end)
                    || self.listed(&t.text[s.start..s.end]).is_some()
            })
            .collect();
        for h in hits {
            spans.extend(h.get(index).into_iter().flatten().copied());
        }
        spans
    }

    /// The first name on the private list that `words` contain, matched as the
    /// anonymiser matches the list (any case, possessives, name parts).
    /// Whether these words hold a name on the worker's private list, which can never be
    /// shown: the review page offers no "show as written" for them.
    pub fn on_private_list(&self, words: &str) -> bool {
        self.listed(words).is_some()
    }

    fn listed(&self, words: &str) -> Option<String> {
        // One pass over the prepared list answers "is there one?"; only a refusal needs
        // to know which name, and looks for it one by one.
        if !self.listed_names.any_in(words) {
            return None;
        }
        Some(
            self.private_names
                .iter()
                .find(|n| !find_phrase(words, n).is_empty())
                .cloned()
                .unwrap_or_else(|| words.trim().to_owned()),
        )
    }
}

/// The id of a redaction's button on the review page, stable across re-renders so focus
/// can return to it.
pub fn mark_id(text: usize, start: usize) -> String {
    format!("mark-{text}-{start}")
}

/// Text made safe between tags or in a double-quoted attribute.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// One text of the review page as markup, built in one pass: its words with each
/// redaction highlighted (what it is and what replaces it), then a table of its
/// redactions with the action on each. Drawing thousands of redactions as Leptos views
/// took seconds; as one string per text the browser parses it in milliseconds. Each
/// button carries `data-text`, `data-start`, `data-end` and `data-show` for the page's
/// one click handler; `listed` says whether words hold a name on the private list (never
/// offered "Show as written").
pub fn text_markup(
    index: usize,
    prompt: Option<&str>,
    view: &TextView,
    listed: &dyn Fn(&str) -> bool,
) -> String {
    let mut words = String::new();
    let mut rows = String::new();
    for Segment { text, mark } in &view.segments {
        let Some(mark) = mark else {
            escape_into(&mut words, text);
            continue;
        };
        let kind = mark.kind.label();
        let on_list = listed(text);
        let (class, label, action) = match (mark.state, &mark.replacement) {
            (MarkState::Unredacted, _) | (_, None) => (
                "app-redaction app-redaction--shown",
                format!("{kind}: shown as written"),
                Some(("Redact again", false)),
            ),
            (MarkState::Redacted, Some(r)) => (
                "app-redaction",
                format!("{kind} \u{2192} {r}"),
                (!on_list).then_some(("Show as written", true)),
            ),
            (MarkState::Added, Some(r)) => ("app-redaction", format!("{kind} \u{2192} {r}"), None),
        };
        words.push_str("<mark class=\"");
        words.push_str(class);
        words.push_str("\">");
        escape_into(&mut words, text);
        words.push_str("<span class=\"app-redaction__label\"><span class=\"nhsuk-u-visually-hidden\"> (</span>");
        escape_into(&mut words, &label);
        words.push_str("<span class=\"nhsuk-u-visually-hidden\">)</span></span></mark>");

        rows.push_str("<tr class=\"nhsuk-table__row\"><td class=\"nhsuk-table__cell\">");
        escape_into(&mut rows, text);
        rows.push_str("</td><td class=\"nhsuk-table__cell\">");
        escape_into(&mut rows, &label);
        rows.push_str("</td><td class=\"nhsuk-table__cell\">");
        match action {
            Some((button, show)) => {
                rows.push_str(&format!(
                    "<button type=\"button\" id=\"{}\" class=\"nhsuk-button nhsuk-button--secondary nhsuk-button--small app-inline-button\" data-text=\"{index}\" data-start=\"{}\" data-end=\"{}\" data-show=\"{show}\">{button}<span class=\"nhsuk-u-visually-hidden\">: \u{2018}",
                    mark_id(index, mark.start),
                    mark.start,
                    mark.end,
                ));
                escape_into(&mut rows, text);
                rows.push_str("\u{2019}</span></button>");
            }
            None if on_list => rows.push_str("On your list of names, so always redacted"),
            None => rows.push_str("A word you chose to redact"),
        }
        rows.push_str("</td></tr>");
    }
    let mut out = String::with_capacity(words.len() + rows.len() + 600);
    if let Some(p) = prompt {
        out.push_str("<p class=\"nhsuk-body-s app-review-prompt\">");
        escape_into(&mut out, p);
        out.push_str("</p>");
    }
    out.push_str("<p class=\"app-review-words\">");
    out.push_str(&words);
    out.push_str("</p>");
    if !rows.is_empty() {
        out.push_str(concat!(
            "<table class=\"nhsuk-table app-redaction-table\">",
            "<caption class=\"nhsuk-table__caption nhsuk-table__caption--s nhsuk-u-visually-hidden\">Redactions in this text</caption>",
            "<thead class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row\">",
            "<th scope=\"col\" class=\"nhsuk-table__header\">As written</th>",
            "<th scope=\"col\" class=\"nhsuk-table__header\">Downloaded as</th>",
            "<th scope=\"col\" class=\"nhsuk-table__header\"><span class=\"nhsuk-u-visually-hidden\">Action</span></th>",
            "</tr></thead><tbody class=\"nhsuk-table__body\">"
        ));
        out.push_str(&rows);
        out.push_str("</tbody></table>");
    }
    out
}

/// Whether a redaction covers the whole of `start..end`.
fn covered(out: &Anonymised, start: usize, end: usize) -> bool {
    out.redactions
        .iter()
        .any(|r| r.start <= start && end <= r.end)
}

/// The anonymised text with each replacement's place in chars, for the export.
fn text_of(original: &str, out: &Anonymised) -> Text {
    let mut redactions = Vec::with_capacity(out.redactions.len());
    let (mut pos, mut chars) = (0, 0);
    for r in &out.redactions {
        chars += original[pos..r.start].chars().count();
        let end = chars + r.replacement.chars().count();
        redactions.push(Mark {
            kind: r.kind,
            start: chars,
            end,
        });
        chars = end;
        pos = r.end;
    }
    Text {
        text: out.text.clone(),
        redactions,
    }
}

fn view_of(
    t: &ReviewText,
    findings: &Findings,
    out: &Anonymised,
    decisions: &Decisions,
) -> TextView {
    let mut marks: Vec<SegmentMark> = out
        .redactions
        .iter()
        .map(|r| {
            let found = findings
                .spans
                .iter()
                .any(|s| s.start == r.start && s.end == r.end);
            SegmentMark {
                kind: r.kind,
                start: r.start,
                end: r.end,
                state: if found {
                    MarkState::Redacted
                } else {
                    MarkState::Added
                },
                replacement: Some(r.replacement.clone()),
            }
        })
        .collect();
    for s in &findings.spans {
        let covered = out
            .redactions
            .iter()
            .any(|r| r.start < s.end && s.start < r.end);
        if !covered && decisions.is_unredacted(&t.id, s.start, s.end) {
            marks.push(SegmentMark {
                kind: s.kind,
                start: s.start,
                end: s.end,
                state: MarkState::Unredacted,
                replacement: None,
            });
        }
    }
    marks.sort_by_key(|m| m.start);
    let mut segments = Vec::with_capacity(marks.len() * 2 + 1);
    let mut pos = 0;
    for m in marks {
        if m.start > pos {
            segments.push(Segment {
                text: t.text[pos..m.start].to_owned(),
                mark: None,
            });
        }
        pos = m.end;
        segments.push(Segment {
            text: t.text[m.start..m.end].to_owned(),
            mark: Some(m),
        });
    }
    if pos < t.text.len() {
        segments.push(Segment {
            text: t.text[pos..].to_owned(),
            mark: None,
        });
    }
    let warnings = findings
        .warnings
        .iter()
        .map(|w| WarningView {
            kind: w.kind,
            words: t.text[w.start..w.end].to_owned(),
            resolved: out
                .redactions
                .iter()
                .any(|r| r.start <= w.start && w.end <= r.end),
        })
        .collect();
    TextView {
        id: t.id.clone(),
        segments,
        warnings,
    }
}

/// The period's wellbeing checks, each in the week of the reflection it is about.
fn wellbeing(log: &WellbeingLog, days: &ReflectionDays, period: &Period) -> Wellbeing {
    let checks: Vec<WellbeingCheck> = log
        .all()
        .iter()
        .filter(|c| period.contains(days.counts_on(c)))
        .cloned()
        .collect();
    let mut emotional_load = LoadCounts::default();
    let mut total = 0u64;
    for c in &checks {
        emotional_load.add(c.emotional_load);
        total += u64::from(c.rating.value());
    }
    Wellbeing {
        checks: checks.len(),
        average: (!checks.is_empty()).then(|| round2(total as f64 / checks.len() as f64)),
        emotional_load,
        weeks: weekly_trend(&checks, days)
            .into_iter()
            .map(|w| WellbeingWeek {
                week: w.week_of,
                checks: w.checks,
                average: round2(w.average),
                heavy_days: w.heavy_days,
            })
            .collect(),
    }
}

/// Threads open at the end of the period (or today, if the period runs past it), and
/// those closed during it. Pseudonyms are never read.
fn holding(threads: &Threads, period: &Period, today: NaiveDate) -> Holding {
    let end = period.end().min(today);
    let mut open = 0;
    let mut bands = [0usize; 4];
    let mut outcomes = [0usize; 3];
    let mut tags: BTreeMap<&str, usize> = BTreeMap::new();
    for t in threads.all() {
        if let Some(c) = t.closed {
            if period.contains(c.on) {
                if let Some(i) = Outcome::ALL.iter().position(|o| *o == c.outcome) {
                    outcomes[i] += 1;
                }
            }
        }
        let open_at_end = t.opened <= end && t.closed.is_none_or(|c| c.on > end);
        if !open_at_end {
            continue;
        }
        open += 1;
        let days = u32::try_from((end - t.opened).num_days()).unwrap_or(0);
        let band = ThreadDuration::from_days(days).band();
        if let Some(i) = DurationBand::ALL.iter().position(|b| *b == band) {
            bands[i] += 1;
        }
        for tag in t.functions.iter().chain(&t.drivers) {
            *tags.entry(tag.as_str()).or_default() += 1;
        }
    }
    let count = |f: Family| -> Vec<TagCount> {
        f.tags()
            .map(|b| TagCount {
                tag: b.id.to_owned(),
                family: f.id().to_owned(),
                label: b.label.to_owned(),
                count: tags.get(b.id).copied().unwrap_or(0),
            })
            .collect()
    };
    Holding {
        open,
        by_duration: DurationBand::ALL
            .into_iter()
            .zip(bands)
            .map(|(band, count)| BandCount { band, count })
            .collect(),
        by_function: count(Family::HoldingFunction),
        by_driver: count(Family::HoldingDriver),
        closed: Outcome::ALL
            .into_iter()
            .zip(outcomes)
            .map(|(outcome, count)| OutcomeCount { outcome, count })
            .collect(),
    }
}

fn embeddedness(history: &EmbeddednessHistory, period: &Period) -> Vec<EmbeddednessWeek> {
    let mut weeks = BTreeMap::new();
    // `series` is oldest first, so the week's last check-in wins.
    for (on, rating) in history.series() {
        if period.contains(on) {
            weeks.insert(monday_of(on), rating);
        }
    }
    weeks
        .into_iter()
        .map(|(week, rating)| EmbeddednessWeek { week, rating })
        .collect()
}
