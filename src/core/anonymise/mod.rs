//! The anonymiser: finds the identifiers in a reflective note and replaces them before any
//! text leaves the device in a supervision export. It is pure (no I/O, no clock, no
//! randomness) and has no dependencies beyond `serde`, so it runs the same natively and in
//! the browser. Recall comes first: in a reflective note a missed identifier is a data
//! breach, a false alarm costs the worker a second in the review step, so every scanner
//! errs towards redacting and the review step (see [`Anonymiser::apply`]) undoes mistakes.
//!
//! How it works: each scanner in a submodule reports candidate [`Span`]s (byte offsets
//! into the input); [`resolve`] merges overlapping candidates deterministically; then each
//! span is replaced by a kind-specific placeholder. Names get pseudonyms ("Person A") that
//! stay the same for the same person across every text one [`Anonymiser`] sees, so a whole
//! export reads consistently. Quasi-identifiers (a rare condition, ethnicity, religion, a
//! job title, the practice's name) are not redacted; they come back as [`Warning`]s for
//! the review step.
//!
//! Dates: a date with a year becomes "week of 3 Mar 2025" (the Monday of its week), since
//! supervision exports show weeks, not days; a date of birth or birthday is removed
//! outright ("[date of birth]"), because even its week narrows a person down; a date
//! without a year becomes "[date]". Exact ages become a life stage ("in their forties").

mod address;
mod dates;
mod gazetteer;
mod ids;
mod names;
pub mod nudge;
mod numbers;
mod postcode;
mod quasi;
mod text;
mod web;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use gazetteer::EMBEDDED_BYTES as GAZETTEER_BYTES;
pub use numbers::nhs_check_digit_ok;
pub use quasi::QuasiKind;

/// What a redacted span was. The `code` is stable (stored, exported and read by other
/// tools); the `label` is for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    NhsNumber,
    ChiNumber,
    Postcode,
    Phone,
    Email,
    Url,
    IpAddress,
    NiNumber,
    Passport,
    VehicleReg,
    Date,
    Age,
    Address,
    Name,
    /// A long number that fits no other kind (a bank account, a case reference).
    IdNumber,
    /// Chosen by the worker in the review step.
    Other,
}

impl Kind {
    pub const ALL: [Kind; 16] = [
        Kind::NhsNumber,
        Kind::ChiNumber,
        Kind::Postcode,
        Kind::Phone,
        Kind::Email,
        Kind::Url,
        Kind::IpAddress,
        Kind::NiNumber,
        Kind::Passport,
        Kind::VehicleReg,
        Kind::Date,
        Kind::Age,
        Kind::Address,
        Kind::Name,
        Kind::IdNumber,
        Kind::Other,
    ];

    /// Stable SCREAMING_SNAKE form used in JSON.
    pub fn code(self) -> &'static str {
        match self {
            Kind::NhsNumber => "NHS_NUMBER",
            Kind::ChiNumber => "CHI_NUMBER",
            Kind::Postcode => "POSTCODE",
            Kind::Phone => "PHONE",
            Kind::Email => "EMAIL",
            Kind::Url => "URL",
            Kind::IpAddress => "IP_ADDRESS",
            Kind::NiNumber => "NI_NUMBER",
            Kind::Passport => "PASSPORT",
            Kind::VehicleReg => "VEHICLE_REG",
            Kind::Date => "DATE",
            Kind::Age => "AGE",
            Kind::Address => "ADDRESS",
            Kind::Name => "NAME",
            Kind::IdNumber => "ID_NUMBER",
            Kind::Other => "OTHER",
        }
    }

    /// Human label for the review screen.
    pub fn label(self) -> &'static str {
        match self {
            Kind::NhsNumber => "NHS number",
            Kind::ChiNumber => "CHI number",
            Kind::Postcode => "Postcode",
            Kind::Phone => "Phone number",
            Kind::Email => "Email address",
            Kind::Url => "Web address",
            Kind::IpAddress => "IP address",
            Kind::NiNumber => "National Insurance number",
            Kind::Passport => "Passport number",
            Kind::VehicleReg => "Vehicle registration",
            Kind::Date => "Date",
            Kind::Age => "Age",
            Kind::Address => "Address",
            Kind::Name => "Name",
            Kind::IdNumber => "Reference number",
            Kind::Other => "Chosen by you",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Tie-break when two overlapping candidates are equally long: the more specific,
    /// more structured kind wins (an NHS number beats a generic reference number).
    fn specificity(self) -> u8 {
        match self {
            Kind::Other => 20,
            Kind::Email => 19,
            Kind::Url => 18,
            Kind::IpAddress => 17,
            Kind::NhsNumber => 16,
            Kind::ChiNumber => 15,
            Kind::NiNumber => 14,
            Kind::Phone => 13,
            Kind::Postcode => 12,
            Kind::Date => 11,
            Kind::Age => 10,
            Kind::Passport => 9,
            Kind::VehicleReg => 8,
            Kind::Address => 7,
            Kind::Name => 6,
            Kind::IdNumber => 5,
        }
    }
}

impl Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Kind::from_code(&code)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown redaction kind {code:?}")))
    }
}

/// A stretch of the input to redact: byte offsets into the input's UTF-8, `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

impl Span {
    pub fn new(start: usize, end: usize, kind: Kind) -> Span {
        Span { start, end, kind }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// One redaction as applied: where, what kind, and the text that replaced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Redaction {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub replacement: String,
}

impl Redaction {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end, self.kind)
    }
}

/// A quasi-identifier left in place but flagged for the worker's review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Warning {
    pub start: usize,
    pub end: usize,
    pub kind: QuasiKind,
}

/// What the scanners found in one text, before anything is replaced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Findings {
    /// Resolved (sorted, non-overlapping) spans to redact.
    pub spans: Vec<Span>,
    pub warnings: Vec<Warning>,
}

/// The result of anonymising one text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anonymised {
    /// The text with every redaction applied.
    pub text: String,
    /// Sorted by `start`, non-overlapping, offsets into the input.
    pub redactions: Vec<Redaction>,
    /// Quasi-identifiers for the review step, offsets into the input.
    pub warnings: Vec<Warning>,
}

impl Anonymised {
    pub fn spans(&self) -> Vec<Span> {
        self.redactions.iter().map(Redaction::span).collect()
    }
}

/// Holds the worker's private list of names and places and the pseudonym table for one
/// export, so "Person A" stays Person A across every text of that export. Build one per
/// export; drop it afterwards so pseudonyms cannot be linked across exports.
#[derive(Debug, Clone, Default)]
pub struct Anonymiser {
    list: names::NameList,
    pseudonyms: Pseudonyms,
}

impl Anonymiser {
    /// `names` is the worker's private list of names and places to redact. Blank entries
    /// are ignored.
    pub fn new<S: AsRef<str>>(names: &[S]) -> Anonymiser {
        Anonymiser {
            list: names::NameList::new(names),
            pseudonyms: Pseudonyms::default(),
        }
    }

    /// Finds what to redact and what to warn about, without replacing anything.
    pub fn find(&self, text: &str) -> Findings {
        let toks = text::tokenize(text);
        let mut cands: Vec<Span> = Vec::new();
        numbers::scan(text, &mut cands);
        web::scan(text, &mut cands);
        ids::scan(text, &toks, &mut cands);
        postcode::scan(text, &toks, &mut cands);
        dates::scan(text, &toks, &mut cands);
        address::scan(text, &toks, &mut cands);
        names::scan(text, &toks, &self.list, &mut cands);
        let spans = resolve(cands);
        let warnings = quasi::scan(text, &toks);
        Findings { spans, warnings }
    }

    /// Finds and replaces everything in one text.
    pub fn anonymise(&mut self, text: &str) -> Anonymised {
        let findings = self.find(text);
        let mut out = self.apply(text, &findings.spans);
        out.warnings = findings.warnings;
        out
    }

    /// Applies a chosen set of spans to `text`: the review step calls this with the found
    /// spans minus the ones the worker un-redacted, plus any the worker added (see
    /// [`find_phrase`]). Spans are clamped to the text and to char boundaries and merged
    /// with [`resolve`], so any input is safe. Pseudonyms stay consistent with earlier calls.
    pub fn apply(&mut self, text: &str, spans: &[Span]) -> Anonymised {
        let cleaned: Vec<Span> = spans
            .iter()
            .map(|s| {
                let start = text::floor_boundary(text, s.start.min(s.end));
                let end = text::ceil_boundary(text, s.end.max(s.start));
                Span::new(start, end, s.kind)
            })
            .filter(|s| !s.is_empty())
            .collect();
        let spans = resolve(cleaned);
        let mut out = String::with_capacity(text.len());
        let mut redactions = Vec::with_capacity(spans.len());
        let mut pos = 0;
        for s in spans {
            out.push_str(&text[pos..s.start]);
            let replacement = self.replacement(text, s);
            out.push_str(&replacement);
            redactions.push(Redaction {
                start: s.start,
                end: s.end,
                kind: s.kind,
                replacement,
            });
            pos = s.end;
        }
        out.push_str(&text[pos..]);
        Anonymised {
            text: out,
            redactions,
            warnings: Vec::new(),
        }
    }

    fn replacement(&mut self, text: &str, s: Span) -> String {
        let raw = &text[s.start..s.end];
        match s.kind {
            Kind::Name => {
                let (key, parts) = names::person_key(raw);
                let place = self.list.is_place(&key);
                let label = self.pseudonyms.label_for(&key, &parts, &self.list);
                if place {
                    format!("Place {label}")
                } else {
                    format!("Person {label}")
                }
            }
            Kind::Date => dates::date_replacement(text, s.start, s.end),
            Kind::Age => dates::age_replacement(raw),
            Kind::NhsNumber => "[NHS number]".into(),
            Kind::ChiNumber => "[CHI number]".into(),
            Kind::Postcode => "[postcode]".into(),
            Kind::Phone => "[phone]".into(),
            Kind::Email => "[email]".into(),
            Kind::Url => "[web address]".into(),
            Kind::IpAddress => "[IP address]".into(),
            Kind::NiNumber => "[NI number]".into(),
            Kind::Passport => "[passport number]".into(),
            Kind::VehicleReg => "[vehicle registration]".into(),
            Kind::Address => "[address]".into(),
            Kind::IdNumber => "[reference number]".into(),
            Kind::Other => "[redacted]".into(),
        }
    }
}

/// Convenience for a single text: a fresh [`Anonymiser`] with the worker's `names`.
pub fn anonymise<S: AsRef<str>>(text: &str, names: &[S]) -> Anonymised {
    Anonymiser::new(names).anonymise(text)
}

/// True if `word` (in any case or accents) is a forename or surname in the anonymiser's
/// gazetteer: the pseudonym checks use the same list the export's name finder does, so a
/// name the export would redact is also warned about as a thread's pseudonym.
pub fn is_known_name(word: &str) -> bool {
    gazetteer::is_name(&text::fold(word))
}

/// What one scanner finds in `s`, merged as the anonymiser merges it: for the scanners'
/// own unit tests.
#[cfg(test)]
pub(crate) fn scanned(s: &str, scan: fn(&str, &[text::Token], &mut Vec<Span>)) -> Vec<Span> {
    let toks = text::tokenize(s);
    let mut out = Vec::new();
    scan(s, &toks, &mut out);
    resolve(out)
}

/// Every whole-word occurrence of `phrase` in `text` (case-insensitive, possessives
/// allowed), as spans of kind [`Kind::Other`]: how the review step redacts a further word.
pub fn find_phrase(text: &str, phrase: &str) -> Vec<Span> {
    let list = names::NameList::exact(&[phrase]);
    let toks = text::tokenize(text);
    let mut out = Vec::new();
    names::scan_list_only(text, &toks, &list, &mut out);
    let mut spans: Vec<Span> = out
        .into_iter()
        .map(|s| Span::new(s.start, s.end, Kind::Other))
        .collect();
    spans.sort();
    spans.dedup();
    spans
}

/// Resolves overlapping candidates deterministically: spans that overlap (transitively) are
/// merged into one span covering all of them, so no part of any candidate escapes; the
/// merged span takes the kind of its longest member, ties going to the more specific kind
/// and then to the earlier start. The result is sorted and non-overlapping.
pub fn resolve(mut spans: Vec<Span>) -> Vec<Span> {
    spans.retain(|s| s.start < s.end);
    spans.sort_by_key(|s| (s.start, s.end));
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    // The member that currently decides the kind of the last merged span.
    let mut best: Option<Span> = None;
    for s in spans {
        if let (Some(last), Some(b)) = (out.last_mut(), best.as_mut()) {
            if s.start < last.end {
                last.end = last.end.max(s.end);
                if (s.len(), s.kind.specificity()) > (b.len(), b.kind.specificity()) {
                    *b = s;
                    last.kind = s.kind;
                }
                continue;
            }
        }
        out.push(s);
        best = Some(s);
    }
    out
}

/// Pseudonym letters for people and places, assigned in order of first appearance.
#[derive(Debug, Clone, Default)]
struct Pseudonyms {
    /// Folded name (or name part) to person number.
    aliases: BTreeMap<String, usize>,
    next: usize,
}

impl Pseudonyms {
    /// The letter for the person `key` names. `parts` are the key's words: a full name
    /// shares a pseudonym with an earlier mention of its surname or forename, and the
    /// worker's list links every part of a listed name to one person.
    fn label_for(&mut self, key: &str, parts: &[String], list: &names::NameList) -> String {
        let canonical = list
            .canonical(key, parts)
            .unwrap_or_else(|| key.to_string());
        let id = if let Some(&id) = self.aliases.get(&canonical) {
            id
        } else if let Some(id) = parts
            .iter()
            .rev()
            .find_map(|p| self.aliases.get(p).copied())
        {
            id
        } else {
            let id = self.next;
            self.next += 1;
            id
        };
        self.aliases.entry(canonical).or_insert(id);
        self.aliases.entry(key.to_string()).or_insert(id);
        if parts.len() > 1 {
            for p in parts {
                self.aliases.entry(p.clone()).or_insert(id);
            }
        }
        letters(id)
    }
}

/// 0 -> "A", 25 -> "Z", 26 -> "AA", ...
fn letters(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests;
