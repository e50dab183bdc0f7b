//! The cue detector: reads what the worker wrote and suggests tags they might want,
//! each with the words that triggered it and a gentle, dismissible question ("Was this
//! a judgement call?"). It never tags anything itself: the UI shows each [`Cue`] and the
//! worker accepts or dismisses it. Safeguarding words produce a reminder to use the
//! proper channel and keep case facts out of the journal.
//!
//! How it works, and why: text is split once into lowercase words (keeping each word's
//! byte span in the original text, so the UI can highlight it), and a table of phrases
//! ([`phrases`]) is matched word by word, indexed by first word. Hand-written matching
//! keeps the wasm bundle free of the regex crate and runs in microseconds for a long
//! entry. A cheap negation check ("didn't go with them") cancels most phrases; cues are
//! deduplicated to one per tag per entry, keeping the first place it was triggered.

mod phrases;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};

use super::entry::{long_date, Section};
use super::ids::TagId;
use super::tags::{builtin_tag, BuiltinTag, Family};
use phrases::{Negation, GROUPS, SETS};

/// The optional end-of-entry question, which the worker can switch off in settings.
pub const END_OF_ENTRY_QUESTION: &str = "Did you make a judgement call today?";

/// The end-of-entry question worded by the day the reflection is about, seen from
/// `today`: "today", "yesterday", or "on Monday 30 November" (with the year when it is not
/// this year's). A back-dated reflection is about that day, so asking about today would
/// ask the wrong question. `None` (the date boxes do not hold a date yet) asks about today.
pub fn end_of_entry_question(about: Option<NaiveDate>, today: NaiveDate) -> String {
    let when = match about {
        None => return END_OF_ENTRY_QUESTION.to_owned(),
        Some(day) if day == today => return END_OF_ENTRY_QUESTION.to_owned(),
        Some(day) if today.pred_opt() == Some(day) => "yesterday".to_owned(),
        Some(day) => {
            let long = long_date(day);
            let this_year = format!(" {}", today.year());
            match long.strip_suffix(&this_year) {
                Some(short) => format!("on {short}"),
                None => format!("on {long}"),
            }
        }
    };
    format!("Did you make a judgement call {when}?")
}

/// One suggestion for an entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// The built-in tag suggested.
    pub tag: TagId,
    /// The tag's family, for grouping and styling the suggestion.
    pub family: Family,
    /// Byte range, in the text passed in, of the first words that triggered the cue.
    pub span: Range<usize>,
    /// How many separate places in the text triggered it.
    pub count: usize,
    /// The question the UI asks; accepting it adds the tag.
    pub question: &'static str,
}

impl Cue {
    /// The words that triggered the cue, cut from the text it was detected in.
    pub fn trigger<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.span.clone()).unwrap_or("")
    }

    /// True for a safeguarding or incident cue, which the UI shows as guidance to use
    /// another channel rather than as an ordinary suggestion.
    pub fn is_escalation(&self) -> bool {
        self.family == Family::EscalateElsewhere
    }
}

/// A cue found in one section of an entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionCue {
    /// Index into the entry's sections; `cue.span` is within that section's text.
    pub section: usize,
    pub cue: Cue,
}

/// The question asked for each suggested tag. Every tag that has phrases has a question.
pub fn question_for(tag_id: &str) -> &'static str {
    match tag_id {
        "md-patient" => "Was this a judgement call?",
        "md-staff" => "Was this a judgement call with practice staff?",
        "md-community" => "Was this a judgement call with a community organisation?",
        "boundary-held" => "Did you hold a boundary here?",
        "boundary-stretched" => "Did a boundary stretch here?",
        "holding-waiting" => "Are you holding this person while they wait?",
        "holding-preparing" => "Are you holding this person while they prepare for change?",
        "holding-easing-load" => "Are you easing the load on clinicians here?",
        "holding-witness" => "Were you bearing witness to distress here?",
        "driver-no-provision" => "Is there nowhere to refer this person on to?",
        "driver-readiness" => "Are you holding this person until they are ready?",
        "driver-protecting-staff" => "Are you protecting practice staff here?",
        "driver-cant-fix" => "Is this something that can't be fixed?",
        "anchor-at-ease" | "anchor-space" | "anchor-step" | "anchor-presence" => {
            "Was this an anchor-point moment?"
        }
        "barrier-structural" => "Is a structural barrier in the way here?",
        "wellbeing-load" => "Is this taking an emotional toll on you?",
        "wellbeing-caseload" => "Is your caseload putting you under pressure?",
        "wellbeing-isolation" => "Are you feeling on your own with this?",
        "escalate-elsewhere" => {
            "This sounds like a safeguarding concern: use your organisation's safeguarding \
             channel and keep case facts out of the journal."
        }
        _ => "Would you like to tag this?",
    }
}

/// Suggests tags for one piece of text, in the order they first appear, one per tag.
pub fn detect_cues(text: &str) -> Vec<Cue> {
    let matcher = matcher();
    let words = Words::split(text);
    let mut found: Vec<Found> = Vec::new();
    matcher.scan(&words, &mut found);
    found.into_iter().map(|f| f.into_cue(matcher)).collect()
}

/// Suggests tags for a whole entry: one per tag across all its sections, pointing at the
/// first section and words that triggered it, with counts summed over the sections.
pub fn detect_cues_in_sections(sections: &[Section]) -> Vec<SectionCue> {
    let mut out: Vec<SectionCue> = Vec::new();
    for (index, section) in sections.iter().enumerate() {
        for cue in detect_cues(&section.text) {
            match out.iter_mut().find(|c| c.cue.tag == cue.tag) {
                Some(existing) => existing.cue.count += cue.count,
                None => out.push(SectionCue {
                    section: index,
                    cue,
                }),
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------

/// One word of the text: where it is in the original, where its lowercase form is in the
/// shared buffer, and whether punctuation comes before it.
#[derive(Clone, Copy, Debug)]
struct Word {
    start: usize,
    end: usize,
    norm: (usize, usize),
    /// Punctuation or a line break separates this word from the one before.
    clause_start: bool,
    /// A full stop, question mark, exclamation mark, semicolon or line break does.
    sentence_start: bool,
}

/// A letter or digit for splitting words. ASCII is decided exactly; any other
/// character counts as a letter unless it is one of the punctuation or space
/// characters that turn up in typed notes. This avoids Unicode property tables,
/// which would cost the browser bundle several kilobytes for no better matching.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !matches!(
        c,
        '\u{00a0}'
            | '\u{00ab}'
            | '\u{00bb}'
            | '\u{2000}'..='\u{206f}'
            | '\u{3000}'
            | '\u{feff}'
            | '\u{fe10}'..='\u{fe6f}'
            | '\u{ff01}'..='\u{ff0f}'
    )
}

struct Words {
    buf: String,
    list: Vec<Word>,
}

impl Words {
    /// Splits on anything that is not a letter or digit, keeping apostrophes inside words
    /// ("didn't", with curly quotes made straight) and lowercasing into one buffer, so
    /// matching never allocates per word.
    fn split(text: &str) -> Words {
        let mut buf = String::with_capacity(text.len());
        let mut list: Vec<Word> = Vec::with_capacity(text.len() / 5 + 1);
        let mut current: Option<Word> = None;
        let (mut clause, mut sentence) = (true, true);
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if is_word_char(c) {
                if current.is_none() {
                    current = Some(Word {
                        start: i,
                        end: i,
                        norm: (buf.len(), buf.len()),
                        clause_start: clause,
                        sentence_start: sentence,
                    });
                    clause = false;
                    sentence = false;
                }
                // Every phrase is ASCII, so only ASCII letters need folding; other
                // letters are kept as they are (they can never match a phrase).
                // Unicode case tables would cost the browser bundle about 10 KB.
                buf.push(c.to_ascii_lowercase());
                continue;
            }
            let apostrophe = matches!(c, '\'' | '\u{2019}' | '\u{2018}');
            let inside_word =
                current.is_some() && chars.peek().is_some_and(|(_, next)| is_word_char(*next));
            if apostrophe && inside_word {
                buf.push('\'');
                continue;
            }
            if let Some(mut word) = current.take() {
                word.end = i;
                word.norm.1 = buf.len();
                list.push(word);
            }
            match c {
                '.' | '!' | '?' | ';' | '\n' | '\u{2026}' => {
                    clause = true;
                    sentence = true;
                }
                ',' | ':' | '(' | ')' | '[' | ']' | '"' | '\u{201c}' | '\u{201d}' | '\u{2013}'
                | '\u{2014}' => clause = true,
                _ => {}
            }
        }
        if let Some(mut word) = current.take() {
            word.end = text.len();
            word.norm.1 = buf.len();
            list.push(word);
        }
        Words { buf, list }
    }

    fn text(&self, index: usize) -> &str {
        self.list
            .get(index)
            .and_then(|w| self.buf.get(w.norm.0..w.norm.1))
            .unwrap_or("")
    }

    fn len(&self) -> usize {
        self.list.len()
    }
}

// ---------------------------------------------------------------------------------------
// Compiled phrases
// ---------------------------------------------------------------------------------------

/// Which words one pattern element accepts.
#[derive(Debug, Default)]
struct WordSpec {
    exact: Vec<Box<str>>,
    prefixes: Vec<Box<str>>,
}

impl WordSpec {
    fn accepts(&self, word: &str) -> bool {
        self.exact.iter().any(|w| &**w == word)
            || self.prefixes.iter().any(|p| word.starts_with(&**p))
    }
}

#[derive(Debug)]
enum Element {
    Word {
        spec: WordSpec,
        optional: bool,
        at_clause_start: bool,
    },
    /// Up to this many words of any kind.
    Gap(usize),
    ClauseEnd,
    /// The next word, if any, is not one of these.
    NotNext(WordSpec),
}

#[derive(Debug)]
struct Pattern {
    /// Index into `BUILTIN_TAGS` via `Matcher::tags`.
    tag: usize,
    negation: Negation,
    elements: Vec<Element>,
}

/// The phrase table compiled once: patterns indexed by the words they can start with.
struct Matcher {
    tags: Vec<&'static BuiltinTag>,
    patterns: Vec<Pattern>,
    by_first_word: HashMap<Box<str>, Vec<usize>>,
    by_first_prefix: Vec<(Box<str>, usize)>,
}

fn matcher() -> &'static Matcher {
    static MATCHER: OnceLock<Matcher> = OnceLock::new();
    MATCHER.get_or_init(Matcher::build)
}

/// Why a phrase in the table could not be compiled; only the tests ever see these, as
/// the detector skips a bad phrase rather than failing the worker's entry.
#[derive(Debug, PartialEq, Eq)]
enum PhraseError {
    UnknownTag(&'static str),
    UnknownSet(String),
    Empty,
    BadStart,
    EndsWithGap,
    BadWord(String),
}

fn expand(alternatives: &str, spec: &mut WordSpec) -> Result<(), PhraseError> {
    for alt in alternatives.split('|') {
        if let Some(set) = alt.strip_prefix('@') {
            let words = SETS
                .iter()
                .find(|(name, _)| *name == set)
                .map(|(_, words)| *words)
                .ok_or_else(|| PhraseError::UnknownSet(set.to_owned()))?;
            expand(words, spec)?;
        } else if let Some(prefix) = alt.strip_suffix('*') {
            check_word(prefix)?;
            spec.prefixes.push(prefix.into());
        } else {
            check_word(alt)?;
            spec.exact.push(alt.into());
        }
    }
    Ok(())
}

/// A phrase word must be one lowercase word as [`Words::split`] would produce it.
fn check_word(word: &str) -> Result<(), PhraseError> {
    let ok = !word.is_empty()
        && !word.starts_with('\'')
        && !word.ends_with('\'')
        && word
            .chars()
            .all(|c| c == '\'' || c.is_ascii_lowercase() || c.is_ascii_digit() || !c.is_ascii());
    if ok {
        Ok(())
    } else {
        Err(PhraseError::BadWord(word.to_owned()))
    }
}

fn compile(
    tag: &'static str,
    negation: Negation,
    phrase: &'static str,
    tags: &mut Vec<&'static BuiltinTag>,
) -> Result<Pattern, PhraseError> {
    let builtin = builtin_tag(tag).ok_or(PhraseError::UnknownTag(tag))?;
    let tag_index = match tags.iter().position(|t| t.id == tag) {
        Some(i) => i,
        None => {
            tags.push(builtin);
            tags.len() - 1
        }
    };
    let mut elements = Vec::new();
    for part in phrase.split_whitespace() {
        let element = if part == "$" {
            Element::ClauseEnd
        } else if part == "..." {
            Element::Gap(4)
        } else if let Some(n) = part.strip_prefix("..") {
            Element::Gap(
                n.parse()
                    .map_err(|_| PhraseError::BadWord(part.to_owned()))?,
            )
        } else if let Some(rest) = part.strip_prefix('!') {
            let mut spec = WordSpec::default();
            expand(rest, &mut spec)?;
            Element::NotNext(spec)
        } else {
            let (optional, rest) = match part.strip_prefix('?') {
                Some(rest) => (true, rest),
                None => (false, part),
            };
            let (at_clause_start, rest) = match rest.strip_prefix('^') {
                Some(rest) => (true, rest),
                None => (false, rest),
            };
            let mut spec = WordSpec::default();
            expand(rest, &mut spec)?;
            Element::Word {
                spec,
                optional,
                at_clause_start,
            }
        };
        elements.push(element);
    }
    match elements.first() {
        None => return Err(PhraseError::Empty),
        Some(Element::Word {
            optional: false, ..
        }) => {}
        Some(_) => return Err(PhraseError::BadStart),
    }
    if matches!(elements.last(), Some(Element::Gap(_))) {
        return Err(PhraseError::EndsWithGap);
    }
    Ok(Pattern {
        tag: tag_index,
        negation,
        elements,
    })
}

impl Matcher {
    fn build() -> Matcher {
        let mut tags = Vec::new();
        let mut patterns = Vec::new();
        for group in GROUPS {
            for phrase in group.phrases {
                // A bad phrase is a bug caught by the tests; in the app it is skipped so
                // one typo cannot stop every suggestion.
                if let Ok(p) = compile(group.tag, group.negation, phrase, &mut tags) {
                    patterns.push(p);
                }
            }
        }
        let mut by_first_word: HashMap<Box<str>, Vec<usize>> = HashMap::new();
        let mut by_first_prefix = Vec::new();
        for (index, pattern) in patterns.iter().enumerate() {
            if let Some(Element::Word { spec, .. }) = pattern.elements.first() {
                for word in &spec.exact {
                    let list = by_first_word.entry(word.clone()).or_default();
                    if !list.contains(&index) {
                        list.push(index);
                    }
                }
                for prefix in &spec.prefixes {
                    by_first_prefix.push((prefix.clone(), index));
                }
            }
        }
        Matcher {
            tags,
            patterns,
            by_first_word,
            by_first_prefix,
        }
    }

    /// Finds every cue in `words`, appending to `found` in order of first appearance.
    fn scan(&self, words: &Words, found: &mut Vec<Found>) {
        let mut candidates: Vec<usize> = Vec::new();
        for start in 0..words.len() {
            let word = words.text(start);
            candidates.clear();
            if let Some(list) = self.by_first_word.get(word) {
                candidates.extend_from_slice(list);
            }
            for (prefix, index) in &self.by_first_prefix {
                if word.starts_with(&**prefix) {
                    candidates.push(*index);
                }
            }
            for &index in &candidates {
                let pattern = &self.patterns[index];
                let Some(end) = match_from(&pattern.elements, words, start, start) else {
                    continue;
                };
                if negated(words, start, pattern.negation) {
                    continue;
                }
                let (Some(first), Some(last)) = (words.list.get(start), words.list.get(end - 1))
                else {
                    continue;
                };
                match found.iter_mut().find(|f| f.tag == pattern.tag) {
                    Some(f) => {
                        // Overlapping phrases for the same tag ("I decided" and "decided
                        // to") are one place, not two.
                        if start >= f.last_end {
                            f.count += 1;
                            f.last_end = end;
                        }
                    }
                    None => found.push(Found {
                        tag: pattern.tag,
                        span: first.start..last.end,
                        count: 1,
                        last_end: end,
                    }),
                }
            }
        }
    }
}

/// Tries to match `elements` from word `at`; returns the index after the last word
/// matched. Words of one match never cross a sentence boundary.
fn match_from(elements: &[Element], words: &Words, at: usize, start: usize) -> Option<usize> {
    let Some((element, rest)) = elements.split_first() else {
        return Some(at);
    };
    let crosses = |i: usize| i > start && words.list.get(i).is_some_and(|w| w.sentence_start);
    match element {
        Element::ClauseEnd => {
            let at_end = words.list.get(at).is_none_or(|w| w.clause_start);
            if at_end {
                match_from(rest, words, at, start)
            } else {
                None
            }
        }
        Element::NotNext(spec) => {
            let blocked = at < words.len() && !crosses(at) && spec.accepts(words.text(at));
            if blocked {
                None
            } else {
                match_from(rest, words, at, start)
            }
        }
        Element::Gap(max) => {
            for skip in 0..=*max {
                let next = at + skip;
                if next > words.len() || (skip > 0 && crosses(next - 1)) {
                    break;
                }
                if let Some(end) = match_from(rest, words, next, start) {
                    return Some(end);
                }
            }
            None
        }
        Element::Word {
            spec,
            optional,
            at_clause_start,
        } => {
            let here = words.list.get(at).is_some_and(|w| {
                !crosses(at) && (!at_clause_start || w.clause_start) && spec.accepts(words.text(at))
            });
            if here {
                if let Some(end) = match_from(rest, words, at + 1, start) {
                    return Some(end);
                }
            }
            if *optional {
                match_from(rest, words, at, start)
            } else {
                None
            }
        }
    }
}

/// True if a negating word comes shortly before word `start` in the same clause, with
/// no "but" between ("didn't want to, but went with them" is not negated).
fn negated(words: &Words, start: usize, negation: Negation) -> bool {
    let Negation::Within(window) = negation else {
        return false;
    };
    let mut at = start;
    for _ in 0..window {
        if at == 0 || words.list.get(at).is_none_or(|w| w.clause_start) {
            return false;
        }
        at -= 1;
        let word = words.text(at);
        if word == "but" {
            return false;
        }
        if matches!(
            word,
            "not" | "no" | "never" | "nor" | "neither" | "without" | "cannot" | "none" | "nobody"
        ) || word.ends_with("n't")
        {
            return true;
        }
    }
    false
}

/// A cue being collected: the tag, its first span, and where the last counted match ended.
struct Found {
    tag: usize,
    span: Range<usize>,
    count: usize,
    last_end: usize,
}

impl Found {
    fn into_cue(self, matcher: &Matcher) -> Cue {
        // `tag` always indexes `matcher.tags`: both are built together in `Matcher::build`.
        let builtin = matcher.tags[self.tag];
        Cue {
            tag: builtin.tag_id(),
            family: builtin.family,
            span: self.span,
            count: self.count,
            question: question_for(builtin.id),
        }
    }
}
