//! Identifier nudges: while a worker writes, the anonymiser's own detectors point out
//! likely identifiers (a name on the private list, "Mrs Okafor", an NHS number, a phone
//! number, an email, a postcode, an address, a date of birth, an exact age) with a short,
//! kind message, so they can be taken out before they sit in the journal for weeks. It
//! also asks about capitalised words that look like names the anonymiser cannot know
//! ("Kwame said..."): "Is this someone's name?", so the worker can add it to the private
//! list. Nothing here changes text by itself: [`replace`] is only called when the worker
//! chooses an action, and it refuses to touch text that has changed underneath it.
//!
//! A [`Nudger`] is built once per editor (the private list of names can hold thousands of
//! entries) and then scans each version of a text in one pass of the anonymiser's
//! scanners plus one pass over the tokens; dates that are not dates of birth, web
//! addresses and the like are left alone, because a reflection is dated and may cite a
//! website without identifying anyone.

use super::dates::{age_replacement, date_replacement, is_month_word, is_weekday};
use super::gazetteer::is_common_word;
use super::names::{is_honorific, is_stop_word, scan_list_only, NameList};
use super::text::{fold, strip_possessive, tokenize, Token, ALL_UPPER, SENTENCE_START};
use super::{Anonymiser, Kind, Span};
use crate::core::dismissals::Fingerprint;
use std::collections::BTreeSet;

/// What a nudge is about. Each kind has its own message and placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NudgeKind {
    /// A name (or part of one) on the worker's private list of names.
    ListedName,
    /// An honorific with a name ("Mrs Okafor", "Dr Patel"): certainly a person.
    Name,
    /// A capitalised word that looks like a person's name: the worker is asked.
    PossibleName,
    NhsNumber,
    ChiNumber,
    Phone,
    Email,
    Postcode,
    Address,
    DateOfBirth,
    Age,
    NiNumber,
    /// A passport number, vehicle registration or long reference number.
    Reference,
}

impl NudgeKind {
    /// Short label, for the list of nudges ("Phone number").
    pub fn label(self) -> &'static str {
        match self {
            NudgeKind::ListedName => "Name on your private list",
            NudgeKind::Name => "Name",
            NudgeKind::PossibleName => "Possible name",
            NudgeKind::NhsNumber => "NHS number",
            NudgeKind::ChiNumber => "CHI number",
            NudgeKind::Phone => "Phone number",
            NudgeKind::Email => "Email address",
            NudgeKind::Postcode => "Postcode",
            NudgeKind::Address => "Address",
            NudgeKind::DateOfBirth => "Date of birth",
            NudgeKind::Age => "Exact age",
            NudgeKind::NiNumber => "National Insurance number",
            NudgeKind::Reference => "Reference number",
        }
    }

    /// The kind, plain-English message shown with the nudge.
    pub fn message(self) -> &'static str {
        match self {
            NudgeKind::ListedName => "This name is on your private list of names. Reflections should not identify anyone: use a holding thread's pseudonym, or a description such as \"the patient\".",
            NudgeKind::Name => "This looks like someone's name. Reflections should not identify anyone: use a holding thread's pseudonym, or a description such as \"the patient\".",
            NudgeKind::PossibleName => "Is this someone's name? If it is, add it to your private list of names so it is always found, and use a pseudonym instead.",
            NudgeKind::NhsNumber => "This looks like an NHS number. Reflections are about your practice: keep NHS numbers in the patient record.",
            NudgeKind::ChiNumber => "This looks like a CHI number. Reflections are about your practice: keep CHI numbers in the patient record.",
            NudgeKind::Phone => "This looks like a phone number. Reflections are about your practice: keep contact details in the patient record.",
            NudgeKind::Email => "This looks like an email address. Reflections are about your practice: keep contact details in the patient record.",
            NudgeKind::Postcode => "This looks like a postcode. A postcode can identify someone: keep it in the patient record.",
            NudgeKind::Address => "This looks like an address. An address can identify someone: keep it in the patient record.",
            NudgeKind::DateOfBirth => "This looks like a date of birth. Keep it in the patient record: your reflection does not need it.",
            NudgeKind::Age => "This looks like an exact age. A life stage, such as \"in their forties\", is enough for your learning.",
            NudgeKind::NiNumber => "This looks like a National Insurance number. Reflections are about your practice: keep it in the patient record.",
            NudgeKind::Reference => "This looks like a reference number. Reflections are about your practice: keep reference numbers in the patient record.",
        }
    }

    /// Whether the nudge is about a person's name (offered a pseudonym, or adding to
    /// the private list).
    pub fn is_name(self) -> bool {
        matches!(
            self,
            NudgeKind::ListedName | NudgeKind::Name | NudgeKind::PossibleName
        )
    }

    /// Stable short code, for element ids and tests.
    pub fn code(self) -> &'static str {
        match self {
            NudgeKind::ListedName => "listed-name",
            NudgeKind::Name => "name",
            NudgeKind::PossibleName => "possible-name",
            NudgeKind::NhsNumber => "nhs-number",
            NudgeKind::ChiNumber => "chi-number",
            NudgeKind::Phone => "phone",
            NudgeKind::Email => "email",
            NudgeKind::Postcode => "postcode",
            NudgeKind::Address => "address",
            NudgeKind::DateOfBirth => "date-of-birth",
            NudgeKind::Age => "age",
            NudgeKind::NiNumber => "ni-number",
            NudgeKind::Reference => "reference",
        }
    }
}

/// One likely identifier in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nudge {
    /// Byte offsets into the scanned text, on char boundaries.
    pub start: usize,
    pub end: usize,
    /// The same stretch in chars (Unicode scalar values), for a caret or a selection.
    pub char_start: usize,
    pub char_end: usize,
    pub kind: NudgeKind,
    /// The words as written.
    pub text: String,
    /// What [`replace`] puts in their place when a placeholder is chosen: "[phone]",
    /// "[NHS number]", a life stage for an age, "[name]" for a name.
    pub placeholder: String,
}

impl Nudge {
    /// What identifies this nudge for dismissing it: the kind and the words, folded, so
    /// dismissing "07700 900123" dismisses every mention of it in the reflection.
    pub fn key(&self) -> NudgeKey {
        NudgeKey {
            kind: self.kind,
            words: fold(&self.text),
        }
    }

    pub fn message(&self) -> &'static str {
        self.kind.message()
    }
}

/// What a dismissal remembers: see [`Nudge::key`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NudgeKey {
    pub kind: NudgeKind,
    pub words: String,
}

impl NudgeKey {
    /// What is stored for a dismissal: a hash of the kind and the words, never the
    /// words (see `core::dismissals`).
    pub fn fingerprint(&self) -> Fingerprint {
        Fingerprint::of(self.kind.code(), &self.words)
    }
}

/// The fingerprint of every nudge found in `texts` (a reflection's boxes, each scanned
/// on its own as the editor does): what a saved reflection's dismissals are pruned to.
pub fn fingerprints_in<'a>(
    nudger: &Nudger,
    texts: impl IntoIterator<Item = &'a str>,
) -> BTreeSet<Fingerprint> {
    texts
        .into_iter()
        .flat_map(|t| nudger.find(t))
        .map(|n| n.key().fingerprint())
        .collect()
}

/// The nudge finder, holding the worker's private list of names and the pseudonyms of
/// their holding threads. Build one when the list changes, not on every key.
#[derive(Debug, Clone, Default)]
pub struct Nudger {
    anonymiser: Anonymiser,
    list: NameList,
    /// Folded words of the threads' pseudonyms: these stand in for names and are never
    /// nudged (unless the worker also put them on the private list).
    pseudonym_words: BTreeSet<String>,
    pseudonyms: BTreeSet<String>,
}

/// Capitalised words that are often in the middle of a link worker's sentence but are
/// services, benefits, places of work or festivals, not people: never asked about.
fn is_service_word(w: &str) -> bool {
    matches!(
        w,
        "advice"
            | "age"
            | "benefit"
            | "benefits"
            | "british"
            | "centre"
            | "christmas"
            | "church"
            | "citizens"
            | "council"
            | "credit"
            | "diwali"
            | "easter"
            | "eid"
            | "english"
            | "foodbank"
            | "gp"
            | "hanukkah"
            | "jobcentre"
            | "library"
            | "mind"
            | "nhs"
            | "practice"
            | "ramadan"
            | "samaritans"
            | "street"
            | "road"
            | "surgery"
            | "trust"
            | "uk"
            | "universal"
            | "whatsapp"
            | "zoom"
            | "teams"
            | "google"
            | "facebook"
            | "tesco"
            | "asda"
            | "sainsbury's"
            | "aldi"
            | "lidl"
            | "morrisons"
            | "bank"
            | "hospital"
            | "clinic"
            | "pharmacy"
            | "group"
            | "club"
            | "house"
            | "hall"
            | "park"
            | "ok"
            | "okay"
    )
}

impl Nudger {
    /// `names` is the private list of names and places; `pseudonyms` those of the
    /// worker's open holding threads. Blank entries are ignored.
    pub fn new<S: AsRef<str>, P: AsRef<str>>(names: &[S], pseudonyms: &[P]) -> Nudger {
        let mut pseudonym_words = BTreeSet::new();
        let mut whole = BTreeSet::new();
        for p in pseudonyms {
            let p = p.as_ref();
            let folded = fold(p.trim());
            if folded.is_empty() {
                continue;
            }
            for t in tokenize(p) {
                pseudonym_words.insert(strip_possessive(&fold(t.text(p))).to_string());
            }
            whole.insert(folded);
        }
        Nudger {
            anonymiser: Anonymiser::new(names),
            list: NameList::new(names),
            pseudonym_words,
            pseudonyms: whole,
        }
    }

    /// Every likely identifier in `text`, sorted by position, none overlapping.
    pub fn find(&self, text: &str) -> Vec<Nudge> {
        let findings = self.anonymiser.find(text);
        let toks = tokenize(text);
        let mut listed = Vec::new();
        scan_list_only(text, &toks, &self.list, &mut listed);
        let listed = super::resolve(listed);

        let mut found: Vec<(usize, usize, NudgeKind)> = Vec::new();
        for span in &findings.spans {
            if let Some(kind) = self.kind_of(text, span, &listed) {
                found.push((span.start, span.end, kind));
            }
        }
        // A listed name the anonymiser's merge folded into something longer still counts.
        for s in &listed {
            if !found.iter().any(|&(a, b, _)| a < s.end && s.start < b) {
                found.push((s.start, s.end, NudgeKind::ListedName));
            }
        }
        self.unknown_names(text, &toks, &mut found);
        found.sort_by_key(|&(a, b, _)| (a, b));

        let mut out = Vec::with_capacity(found.len());
        // Char offsets in one walk over the text, since the spans are sorted.
        let mut chars = 0;
        let mut at = 0;
        for (start, end, kind) in found {
            if start < at {
                continue;
            }
            chars += text[at..start].chars().count();
            let char_start = chars;
            let raw = &text[start..end];
            chars += raw.chars().count();
            at = end;
            out.push(Nudge {
                start,
                end,
                char_start,
                char_end: chars,
                kind,
                text: raw.to_owned(),
                placeholder: placeholder(kind, raw),
            });
        }
        out
    }

    /// The nudge kind of one of the anonymiser's spans, or `None` if it is not worth a
    /// nudge while writing (a plain date, a web address).
    fn kind_of(&self, text: &str, span: &Span, listed: &[Span]) -> Option<NudgeKind> {
        let raw = &text[span.start..span.end];
        Some(match span.kind {
            Kind::NhsNumber => NudgeKind::NhsNumber,
            Kind::ChiNumber => NudgeKind::ChiNumber,
            Kind::Phone => NudgeKind::Phone,
            Kind::Email => NudgeKind::Email,
            Kind::Postcode => NudgeKind::Postcode,
            Kind::Address => NudgeKind::Address,
            Kind::Age => NudgeKind::Age,
            Kind::NiNumber => NudgeKind::NiNumber,
            Kind::Passport | Kind::VehicleReg | Kind::IdNumber => NudgeKind::Reference,
            Kind::Date => {
                if date_replacement(text, span.start, span.end) == "[date of birth]" {
                    NudgeKind::DateOfBirth
                } else {
                    return None;
                }
            }
            Kind::Name => {
                if listed
                    .iter()
                    .any(|l| l.start < span.end && span.start < l.end)
                {
                    NudgeKind::ListedName
                } else if self.is_pseudonym(raw) {
                    return None;
                } else if tokenize(raw)
                    .first()
                    .is_some_and(|t| is_honorific(&fold(t.text(raw).trim_end_matches('.'))))
                {
                    NudgeKind::Name
                } else {
                    NudgeKind::PossibleName
                }
            }
            Kind::Url | Kind::IpAddress | Kind::Other => return None,
        })
    }

    fn is_pseudonym(&self, raw: &str) -> bool {
        let folded = fold(raw.trim());
        if self.pseudonyms.contains(&folded) {
            return true;
        }
        let toks = tokenize(raw);
        !toks.is_empty()
            && toks.iter().all(|t| {
                self.pseudonym_words
                    .contains(strip_possessive(&fold(t.text(raw))))
            })
    }

    /// Capitalised words the anonymiser has no reason to call a name, but that look like
    /// one: title case, in the middle of a sentence (a capital at the start of a sentence
    /// is no evidence), not a common English word, a stop word, a month or a service.
    /// Any other mention of the same word, even at the start of a sentence, is asked
    /// about too, so "Kwame came in. Kwame said..." gives one question per mention.
    fn unknown_names(
        &self,
        text: &str,
        toks: &[Token],
        found: &mut Vec<(usize, usize, NudgeKind)>,
    ) {
        let covered = |t: &Token, found: &[(usize, usize, NudgeKind)]| {
            found.iter().any(|&(a, b, _)| a < t.end && t.start < b)
        };
        let mut asked: BTreeSet<String> = BTreeSet::new();
        let candidate = |t: &Token| -> Option<String> {
            if !t.is_title() || t.is(ALL_UPPER) {
                return None;
            }
            let core = strip_possessive(&fold(t.text(text))).to_string();
            if core.chars().count() < 2
                || is_common_word(&core)
                || is_stop_word(&core)
                || is_month_word(&core)
                || is_weekday(&core)
                || is_honorific(&core)
                || is_service_word(&core)
                || self.pseudonym_words.contains(&core)
            {
                return None;
            }
            Some(core)
        };
        for t in toks {
            if t.is(SENTENCE_START) || covered(t, found) {
                continue;
            }
            if let Some(core) = candidate(t) {
                asked.insert(core);
            }
        }
        if asked.is_empty() {
            return;
        }
        let mut extra = Vec::new();
        for t in toks {
            if covered(t, found) {
                continue;
            }
            if let Some(core) = candidate(t) {
                if asked.contains(&core) {
                    let end = t.end - super::text::possessive_len(t.text(text));
                    extra.push((t.start, end, NudgeKind::PossibleName));
                }
            }
        }
        found.extend(extra);
    }
}

/// The placeholder for a kind: what the anonymiser's export would write, but "[name]"
/// for a name (a pseudonym of a holding thread is offered separately).
fn placeholder(kind: NudgeKind, raw: &str) -> String {
    match kind {
        NudgeKind::ListedName | NudgeKind::Name | NudgeKind::PossibleName => "[name]".into(),
        NudgeKind::NhsNumber => "[NHS number]".into(),
        NudgeKind::ChiNumber => "[CHI number]".into(),
        NudgeKind::Phone => "[phone]".into(),
        NudgeKind::Email => "[email]".into(),
        NudgeKind::Postcode => "[postcode]".into(),
        NudgeKind::Address => "[address]".into(),
        NudgeKind::DateOfBirth => "[date of birth]".into(),
        NudgeKind::Age => age_replacement(raw),
        NudgeKind::NiNumber => "[NI number]".into(),
        NudgeKind::Reference => "[reference number]".into(),
    }
}

/// `text` with the nudge's words replaced by `with`, or `None` if the words are no
/// longer there (the text changed since it was scanned): nothing is ever replaced that
/// the worker did not see. If the words moved (typing earlier in the text), the mention
/// nearest to where they were is replaced.
pub fn replace(text: &str, nudge: &Nudge, with: &str) -> Option<String> {
    if nudge.text.is_empty() {
        return None;
    }
    let at = if text.get(nudge.start..nudge.end) == Some(nudge.text.as_str()) {
        nudge.start
    } else {
        text.match_indices(nudge.text.as_str())
            .map(|(i, _)| i)
            .min_by_key(|&i| i.abs_diff(nudge.start))?
    };
    let mut out = String::with_capacity(text.len() + with.len());
    out.push_str(&text[..at]);
    out.push_str(with);
    out.push_str(&text[at + nudge.text.len()..]);
    Some(out)
}

/// The private list of names, prepared once, to ask whether some words hold a listed
/// name (matched as the anonymiser matches the list: any case, possessives, name parts).
/// The review page asks this of every redaction; preparing the list per question cost
/// seconds with 2,000 names.
#[derive(Debug, Clone, Default)]
pub struct ListedNames {
    list: NameList,
}

impl ListedNames {
    pub fn new<S: AsRef<str>>(names: &[S]) -> ListedNames {
        ListedNames {
            list: NameList::new(names),
        }
    }

    /// Whether `words` hold a name (or a part of one) on the list.
    pub fn any_in(&self, words: &str) -> bool {
        let toks = tokenize(words);
        let mut out = Vec::new();
        scan_list_only(words, &toks, &self.list, &mut out);
        !out.is_empty()
    }
}

/// Whether `text` holds anything worth a nudge, for the "may contain identifiers" flag
/// on the journal list and the entry page: every nudge counts but those the worker
/// dismissed for this reflection (`dismissed`, their fingerprints).
pub fn may_identify(nudger: &Nudger, text: &str, dismissed: &BTreeSet<Fingerprint>) -> bool {
    nudger
        .find(text)
        .iter()
        .any(|n| !dismissed.contains(&n.key().fingerprint()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: [&str; 0] = [];

    fn kinds(nudger: &Nudger, text: &str) -> Vec<(String, NudgeKind)> {
        nudger
            .find(text)
            .into_iter()
            .map(|n| (n.text, n.kind))
            .collect()
    }

    fn check(text: &str, expected: &[(&str, NudgeKind)]) {
        let nudger = Nudger::new(&["Joy Okafor", "Brambles Court"], &["Blue", "Mr K"]);
        let got = kinds(&nudger, text);
        let want: Vec<(String, NudgeKind)> =
            expected.iter().map(|(t, k)| (t.to_string(), *k)).collect();
        assert_eq!(got, want, "{text}");
    }

    #[test]
    fn the_fingerprints_in_a_reflection_are_those_of_its_nudges_in_any_box() {
        let nudger = Nudger::new(&NONE, &NONE);
        let found = fingerprints_in(
            &nudger,
            ["Rang 07700 900123 today.", "Email jo@example.org"],
        );
        let phone = NudgeKey {
            kind: NudgeKind::Phone,
            words: "07700 900123".into(),
        };
        assert!(found.contains(&phone.fingerprint()), "{found:?}");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(fingerprints_in(&nudger, ["Nothing to see here."]).is_empty());
    }

    #[test]
    fn each_kind_of_identifier_is_nudged_with_its_own_kind() {
        use NudgeKind::*;
        check(
            "She rang from 07700 900123 again.",
            &[("07700 900123", Phone)],
        );
        check(
            "His NHS number is 999 123 4560.",
            &[("999 123 4560", NhsNumber)],
        );
        check(
            "Email her at jo.bloggs@example.org today.",
            &[("jo.bloggs@example.org", Email)],
        );
        check("They live near LS1 4AP now.", &[("LS1 4AP", Postcode)]);
        check(
            "Visited him at 14 Acacia Road this week.",
            &[("14 Acacia Road", Address)],
        );
        check(
            "Her date of birth is 03/03/1961, she said.",
            &[("03/03/1961", DateOfBirth)],
        );
        check("He is aged 47 and lonely.", &[("aged 47", Age)]);
        check(
            "I met Mrs Adeyemi at the surgery.",
            &[("Mrs Adeyemi", Name)],
        );
        check("Talked to Joy about the group.", &[("Joy", ListedName)]);
        check("Joy Okafor was there.", &[("Joy Okafor", ListedName)]);
        check(
            "Her NI number is QQ 12 34 56 C.",
            &[("QQ 12 34 56 C", NiNumber)],
        );
    }

    #[test]
    fn a_capitalised_word_that_looks_like_a_name_is_asked_about() {
        use NudgeKind::*;
        check(
            "Today I spoke with Kwame about the walking group.",
            &[("Kwame", PossibleName)],
        );
        // The anonymiser's own cue ("said") finds it at the start of a sentence.
        check("Kwame said he felt better.", &[("Kwame", PossibleName)]);
        // Every mention of an asked-about word is marked, even a sentence's first.
        check(
            "Zdenka came early. I think Zdenka is lonely.",
            &[("Zdenka", PossibleName), ("Zdenka", PossibleName)],
        );
    }

    #[test]
    fn a_capital_only_at_the_start_of_a_sentence_is_not_evidence() {
        check("Brilliantly, the group went ahead.", &[]);
        check("Thankfully the day went well.", &[]);
    }

    #[test]
    fn ordinary_capitalised_words_services_and_dates_are_left_alone() {
        check(
            "I referred her to Citizens Advice about Universal Credit on Monday.",
            &[],
        );
        check("Saw the GP at the NHS Trust in March.", &[]);
        check("We met on 3 March 2025 at the surgery.", &[]);
        check("I read the guidance on https://www.nhs.uk today.", &[]);
        check("I felt stretched by the end of the day.", &[]);
    }

    #[test]
    fn thread_pseudonyms_are_never_nudged() {
        check("Rang Blue about the lunch club.", &[]);
        check("Mr K came in again and spoke to Blue.", &[]);
    }

    #[test]
    fn a_pseudonym_on_the_private_list_is_still_nudged() {
        let nudger = Nudger::new(&["Blue"], &["Blue"]);
        assert_eq!(
            kinds(&nudger, "Saw Blue today."),
            vec![("Blue".to_string(), NudgeKind::ListedName)]
        );
    }

    #[test]
    fn spans_are_sorted_do_not_overlap_and_give_byte_and_char_offsets() {
        let nudger = Nudger::new(&["Zoë"], &NONE);
        let text = "Café talk: Zoë rang on 07700 900123.";
        let found = nudger.find(text);
        assert_eq!(found.len(), 2);
        for n in &found {
            assert_eq!(&text[n.start..n.end], n.text);
            let by_chars: String = text
                .chars()
                .skip(n.char_start)
                .take(n.char_end - n.char_start)
                .collect();
            assert_eq!(by_chars, n.text);
        }
        assert!(found.windows(2).all(|w| w[0].end <= w[1].start));
        assert_eq!((found[0].char_start, found[0].char_end), (11, 14));
    }

    #[test]
    fn every_nudge_has_a_kind_message_and_a_placeholder() {
        let nudger = Nudger::new(&NONE, &NONE);
        let found = nudger.find("Call 07700 900123 or 999 123 4560, he is aged 47.");
        let placeholders: Vec<&str> = found.iter().map(|n| n.placeholder.as_str()).collect();
        assert_eq!(
            placeholders,
            vec!["[phone]", "[NHS number]", "in their forties"]
        );
        assert_eq!(
            found[0].message(),
            "This looks like a phone number. Reflections are about your practice: keep contact details in the patient record."
        );
        assert_eq!(
            NudgeKind::PossibleName.message().split('?').next(),
            Some("Is this someone's name")
        );
    }

    #[test]
    fn replace_swaps_only_the_words_the_worker_saw() {
        let nudger = Nudger::new(&NONE, &NONE);
        let text = "She rang from 07700 900123 again.";
        let n = nudger.find(text).remove(0);
        assert_eq!(
            replace(text, &n, &n.placeholder).as_deref(),
            Some("She rang from [phone] again.")
        );
        // Typing before it moved the number: the nearest mention is replaced.
        let moved = "Yesterday she rang from 07700 900123 again.";
        assert_eq!(
            replace(moved, &n, "[phone]").as_deref(),
            Some("Yesterday she rang from [phone] again.")
        );
        // The number was edited away: nothing is changed.
        assert_eq!(
            replace("She rang from 07700 9001 again.", &n, "[phone]"),
            None
        );
    }

    #[test]
    fn a_dismissal_key_covers_every_mention_in_any_case() {
        let nudger = Nudger::new(&["Joy Okafor"], &NONE);
        let found = nudger.find("Joy rang. Later JOY rang again.");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].key(), found[1].key());
    }

    #[test]
    fn listed_names_match_as_the_list_does_with_thousands_of_names() {
        let mut names: Vec<String> = (0..2_000).map(|i| format!("Quill{i} Feather{i}")).collect();
        names.push("Joy Okafor".into());
        let listed = ListedNames::new(&names);
        assert!(listed.any_in("Mrs Okafor's"));
        assert!(listed.any_in("JOY"));
        assert!(listed.any_in("feather1999"));
        assert!(!listed.any_in("the walking group"));
        // A part that is an everyday word matches only when capitalised.
        assert!(!listed.any_in("joy"));
    }

    /// Every nudge is a real stretch of the text, in order, and `replace` works on it.
    fn sound(nudger: &Nudger, text: &str) -> usize {
        let found = nudger.find(text);
        let mut at = 0;
        for n in &found {
            assert!(n.start >= at && n.start < n.end && n.end <= text.len());
            assert_eq!(&text[n.start..n.end], n.text);
            assert!(replace(text, n, &n.placeholder).is_some());
            at = n.end;
        }
        found.len()
    }

    #[test]
    fn bad_input_never_crashes_and_gives_sound_nudges() {
        let nudger = Nudger::new(&["Joy Okafor"], &["Blue"]);
        // 50,000 digits: one long number, not thousands of phone numbers.
        let digits = "1234567890".repeat(5_000);
        assert!(sound(&nudger, &digits) <= 1);
        // All capitals: still finds the phone number, and does not ask about every word.
        let shouting = "SAW JOY OKAFOR TODAY AND RANG 07700 900123 ABOUT THE GROUP. ".repeat(80);
        let n = sound(&nudger, &shouting);
        assert!((80..=240).contains(&n), "{n}");
        // A thousand email-like tokens: each is one nudge.
        let emails: String = (0..1_000).map(|i| format!("a{i}@b{i}.org ")).collect();
        assert_eq!(sound(&nudger, &emails), 1_000);
        // Right-to-left and combining characters, with bidi controls around a number.
        let rtl = "مرحبا שלום e\u{301}\u{302} Zo\u{308}e \u{202e}07700 900123\u{202c} ".repeat(200);
        sound(&nudger, &rtl);
        sound(&nudger, "\u{301}\u{301}\u{301}");
        sound(&nudger, "");
    }

    #[test]
    fn two_thousand_overlapping_names_are_matched_longest_first() {
        let mut names: Vec<String> = (0..2_000)
            .map(|i| match i % 3 {
                0 => format!("Joy Okafor{i}"),
                1 => format!("Joy{i}"),
                _ => format!("Ada Okafor-{i}"),
            })
            .collect();
        names.push("Joy Okafor".into());
        names.push("Joy".into());
        let nudger = Nudger::new(&names, &[] as &[&str]);
        let found = nudger.find("Rang Joy Okafor and then Joy13 about Ada Okafor-2.");
        let texts: Vec<&str> = found.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, vec!["Joy Okafor", "Joy13", "Ada Okafor-2"]);
        assert!(found.iter().all(|n| n.kind == NudgeKind::ListedName));
    }

    #[test]
    fn may_identify_flags_text_with_any_nudge() {
        let nudger = Nudger::new(&["Joy Okafor"], &NONE);
        let none = BTreeSet::new();
        assert!(may_identify(&nudger, "Rang Joy.", &none));
        assert!(!may_identify(&nudger, "A quiet day of admin.", &none));
        // Once every nudge in it is dismissed, a reflection is not flagged.
        let text = "Rang Joy on 07700 900123.";
        let all = fingerprints_in(&nudger, [text]);
        assert_eq!(all.len(), 2);
        assert!(!may_identify(&nudger, text, &all));
        let one: BTreeSet<Fingerprint> = all.iter().take(1).copied().collect();
        assert!(may_identify(&nudger, text, &one));
    }
}
