//! Quasi-identifiers: details that do not name anyone but can, combined with other
//! information, point to one person (a rare condition, ethnicity or nationality, religion,
//! a distinctive job title, the practice's name). They are not redacted automatically,
//! because they often carry the learning in a reflection; instead they are returned as
//! warnings with spans so the review step can ask the worker to look at each one.

use super::text::{fold, is_space_gap, Token};
use serde::{Deserialize, Serialize};

/// What kind of quasi-identifier a warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QuasiKind {
    Condition,
    Ethnicity,
    Religion,
    JobTitle,
    Practice,
}

impl QuasiKind {
    pub fn code(self) -> &'static str {
        match self {
            QuasiKind::Condition => "CONDITION",
            QuasiKind::Ethnicity => "ETHNICITY",
            QuasiKind::Religion => "RELIGION",
            QuasiKind::JobTitle => "JOB_TITLE",
            QuasiKind::Practice => "PRACTICE",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            QuasiKind::Condition => "A rare or distinctive condition",
            QuasiKind::Ethnicity => "Ethnicity or nationality",
            QuasiKind::Religion => "Religion",
            QuasiKind::JobTitle => "A distinctive job or role",
            QuasiKind::Practice => "A practice or service name",
        }
    }
    pub fn from_code(code: &str) -> Option<QuasiKind> {
        [
            QuasiKind::Condition,
            QuasiKind::Ethnicity,
            QuasiKind::Religion,
            QuasiKind::JobTitle,
            QuasiKind::Practice,
        ]
        .into_iter()
        .find(|k| k.code() == code)
    }
}

impl Serialize for QuasiKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for QuasiKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        QuasiKind::from_code(&code)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown warning kind {code:?}")))
    }
}

/// Phrases (folded words separated by single spaces) and their kinds.
const PHRASES: &[(&str, QuasiKind)] = &[
    ("motor neurone disease", QuasiKind::Condition),
    ("mnd", QuasiKind::Condition),
    ("huntington's", QuasiKind::Condition),
    ("huntingtons", QuasiKind::Condition),
    ("huntington's disease", QuasiKind::Condition),
    ("cystic fibrosis", QuasiKind::Condition),
    ("sickle cell", QuasiKind::Condition),
    ("thalassaemia", QuasiKind::Condition),
    ("muscular dystrophy", QuasiKind::Condition),
    ("ehlers danlos", QuasiKind::Condition),
    ("marfan", QuasiKind::Condition),
    ("prader willi", QuasiKind::Condition),
    ("tourette's", QuasiKind::Condition),
    ("tourettes", QuasiKind::Condition),
    ("creutzfeldt jakob", QuasiKind::Condition),
    ("cjd", QuasiKind::Condition),
    ("als", QuasiKind::Condition),
    ("myasthenia gravis", QuasiKind::Condition),
    ("scleroderma", QuasiKind::Condition),
    ("narcolepsy", QuasiKind::Condition),
    ("haemophilia", QuasiKind::Condition),
    ("hiv", QuasiKind::Condition),
    ("aids", QuasiKind::Condition),
    ("locked in syndrome", QuasiKind::Condition),
    ("rare disease", QuasiKind::Condition),
    ("rare condition", QuasiKind::Condition),
    ("transplant", QuasiKind::Condition),
    ("amputee", QuasiKind::Condition),
    ("wheelchair user", QuasiKind::Condition),
    ("deafblind", QuasiKind::Condition),
    ("pregnant", QuasiKind::Condition),
    ("somali", QuasiKind::Ethnicity),
    ("eritrean", QuasiKind::Ethnicity),
    ("sudanese", QuasiKind::Ethnicity),
    ("afghan", QuasiKind::Ethnicity),
    ("syrian", QuasiKind::Ethnicity),
    ("kurdish", QuasiKind::Ethnicity),
    ("iranian", QuasiKind::Ethnicity),
    ("iraqi", QuasiKind::Ethnicity),
    ("ukrainian", QuasiKind::Ethnicity),
    ("polish", QuasiKind::Ethnicity),
    ("romanian", QuasiKind::Ethnicity),
    ("lithuanian", QuasiKind::Ethnicity),
    ("portuguese", QuasiKind::Ethnicity),
    ("nigerian", QuasiKind::Ethnicity),
    ("ghanaian", QuasiKind::Ethnicity),
    ("zimbabwean", QuasiKind::Ethnicity),
    ("jamaican", QuasiKind::Ethnicity),
    ("caribbean", QuasiKind::Ethnicity),
    ("pakistani", QuasiKind::Ethnicity),
    ("bangladeshi", QuasiKind::Ethnicity),
    ("indian", QuasiKind::Ethnicity),
    ("chinese", QuasiKind::Ethnicity),
    ("vietnamese", QuasiKind::Ethnicity),
    ("roma", QuasiKind::Ethnicity),
    ("gypsy", QuasiKind::Ethnicity),
    ("traveller", QuasiKind::Ethnicity),
    ("irish traveller", QuasiKind::Ethnicity),
    ("refugee", QuasiKind::Ethnicity),
    ("asylum seeker", QuasiKind::Ethnicity),
    ("black british", QuasiKind::Ethnicity),
    ("mixed race", QuasiKind::Ethnicity),
    ("muslim", QuasiKind::Religion),
    ("sikh", QuasiKind::Religion),
    ("hindu", QuasiKind::Religion),
    ("jewish", QuasiKind::Religion),
    ("buddhist", QuasiKind::Religion),
    ("jehovah's witness", QuasiKind::Religion),
    ("jehovah's witnesses", QuasiKind::Religion),
    ("catholic", QuasiKind::Religion),
    ("mormon", QuasiKind::Religion),
    ("quaker", QuasiKind::Religion),
    ("rastafarian", QuasiKind::Religion),
    ("mosque", QuasiKind::Religion),
    ("synagogue", QuasiKind::Religion),
    ("gurdwara", QuasiKind::Religion),
    ("mandir", QuasiKind::Religion),
    ("imam", QuasiKind::Religion),
    ("vicar", QuasiKind::JobTitle),
    ("headteacher", QuasiKind::JobTitle),
    ("head teacher", QuasiKind::JobTitle),
    ("councillor", QuasiKind::JobTitle),
    ("mp", QuasiKind::JobTitle),
    ("mayor", QuasiKind::JobTitle),
    ("magistrate", QuasiKind::JobTitle),
    ("judge", QuasiKind::JobTitle),
    ("police officer", QuasiKind::JobTitle),
    ("firefighter", QuasiKind::JobTitle),
    ("paramedic", QuasiKind::JobTitle),
    ("surgeon", QuasiKind::JobTitle),
    ("consultant", QuasiKind::JobTitle),
    ("solicitor", QuasiKind::JobTitle),
    ("barrister", QuasiKind::JobTitle),
    ("footballer", QuasiKind::JobTitle),
    ("pilot", QuasiKind::JobTitle),
    ("journalist", QuasiKind::JobTitle),
    ("soldier", QuasiKind::JobTitle),
    ("veteran", QuasiKind::JobTitle),
    ("lollipop lady", QuasiKind::JobTitle),
    ("postman", QuasiKind::JobTitle),
    ("publican", QuasiKind::JobTitle),
    ("landlord of the", QuasiKind::JobTitle),
    ("practice manager", QuasiKind::JobTitle),
];

/// Words that end a practice or service name ("Rose Hill Surgery", "Cowley Road Medical
/// Practice", "Marston PCN").
const PRACTICE_ENDS: &[&str] = &[
    "surgery",
    "practice",
    "pcn",
    "medical centre",
    "health centre",
    "medical center",
    "health center",
    "primary care network",
];

pub(crate) fn scan(s: &str, toks: &[Token]) -> Vec<super::Warning> {
    let mut out = Vec::new();
    let folded: Vec<String> = toks.iter().map(|t| fold(t.text(s))).collect();
    let n = toks.len();
    let index = phrase_index();
    for i in 0..n {
        let first = folded[i].strip_suffix("'s").unwrap_or(&folded[i]);
        let candidates = index.get(first).map(Vec::as_slice).unwrap_or(&[]);
        let candidates_full = if first.len() != folded[i].len() {
            index
                .get(folded[i].as_str())
                .map(Vec::as_slice)
                .unwrap_or(&[])
        } else {
            &[]
        };
        for &(phrase, kind) in candidates.iter().chain(candidates_full) {
            if let Some(end) = phrase_at(s, toks, &folded, i, phrase) {
                // Short all-capital codes ("ALS", "MP", "MND") only in capitals.
                if phrase.len() <= 3 && !toks[i].is(super::text::ALL_UPPER) {
                    continue;
                }
                out.push(super::Warning {
                    start: toks[i].start,
                    end: toks[end].end,
                    kind,
                });
            }
        }
        if !matches!(
            first,
            "surgery" | "practice" | "pcn" | "medical" | "health" | "primary"
        ) {
            continue;
        }
        for end_phrase in PRACTICE_ENDS {
            if let Some(end) = phrase_at(s, toks, &folded, i, end_phrase) {
                // Walk back over capitalised words to the start of the name.
                let mut st = i;
                while st > 0
                    && toks[st - 1].is_capitalised()
                    && is_space_gap(&s[toks[st - 1].end..toks[st].start])
                    && !toks[st - 1].is(super::text::SENTENCE_START)
                {
                    st -= 1;
                }
                if st > 0
                    && st == i
                    && toks[st - 1].is_capitalised()
                    && is_space_gap(&s[toks[st - 1].end..toks[st].start])
                {
                    st -= 1;
                }
                if st < i && toks[i].is_capitalised() {
                    out.push(super::Warning {
                        start: toks[st].start,
                        end: toks[end].end,
                        kind: QuasiKind::Practice,
                    });
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Phrases by their first word, built once: scanning checks only the phrases a token can
/// start, which keeps the warning pass from dominating the anonymiser's run time.
fn phrase_index(
) -> &'static std::collections::BTreeMap<&'static str, Vec<(&'static str, QuasiKind)>> {
    static INDEX: std::sync::OnceLock<
        std::collections::BTreeMap<&'static str, Vec<(&'static str, QuasiKind)>>,
    > = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut m: std::collections::BTreeMap<&'static str, Vec<(&'static str, QuasiKind)>> =
            Default::default();
        for &(p, k) in PHRASES {
            let first = p.split(' ').next().unwrap_or(p);
            m.entry(first).or_default().push((p, k));
        }
        m
    })
}

/// If the folded words of `phrase` start at token `i` (single spaces or hyphens between),
/// returns the index of the last token.
fn phrase_at(s: &str, toks: &[Token], folded: &[String], i: usize, phrase: &str) -> Option<usize> {
    let mut k = i;
    for (n, w) in phrase.split(' ').enumerate() {
        let f = folded.get(k)?;
        let f = f
            .strip_suffix("'s")
            .filter(|_| !w.ends_with("'s"))
            .unwrap_or(f);
        if f != w {
            return None;
        }
        if n > 0 {
            let g = &s[toks[k - 1].end..toks[k].start];
            if !(is_space_gap(g) || g == "-") {
                return None;
            }
        }
        k += 1;
    }
    Some(k - 1)
}
