#![cfg(not(target_arch = "wasm32"))]
//! The labelled redaction corpus (`tests/corpus/redaction.jsonl`): fictional link-worker
//! note sentences with every identifier kind, each labelled with the identifiers that must
//! be redacted and the negatives that must survive (scores, times, rooms, money, counts,
//! versions). Reports recall (labelled identifiers fully covered by a redaction), kind
//! accuracy, false alarms (redactions that touch no labelled identifier) and negatives
//! touched; asserts 100% recall and no negative touched.

use anchorpoint::core::anonymise::{anonymise, Kind, Span};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    text: String,
    #[serde(default)]
    names: Vec<String>,
    identifiers: Vec<(String, String)>,
    #[serde(default)]
    negatives: Vec<String>,
}

/// Byte ranges of every occurrence of `needle` in `hay`, in order; the corpus labels repeat
/// a substring once per occurrence they mean.
fn occurrences(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    hay.match_indices(needle)
        .map(|(i, m)| (i, i + m.len()))
        .collect()
}

#[test]
fn the_corpus_is_fully_redacted_and_its_negatives_survive() {
    let raw = include_str!("corpus/redaction.jsonl");
    let (
        mut labelled,
        mut caught,
        mut right_kind,
        mut spans_total,
        mut false_alarms,
        mut negatives,
        mut touched,
    ) = (0, 0, 0, 0, 0, 0, 0);
    let mut misses = Vec::new();
    let mut alarms = Vec::new();
    let mut kinds_seen = std::collections::BTreeSet::new();
    for (n, line) in raw
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let case: Case =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("corpus line {}: {e}", n + 1));
        let out = anonymise(&case.text, &case.names);
        let spans: Vec<Span> = out.spans();
        // Labelled identifiers: each distinct substring, all of its occurrences.
        let mut seen = std::collections::BTreeSet::new();
        let mut truth: Vec<(usize, usize, Kind)> = Vec::new();
        for (kind, text) in &case.identifiers {
            let kind = Kind::from_code(kind)
                .unwrap_or_else(|| panic!("line {}: unknown kind {kind}", n + 1));
            kinds_seen.insert(kind);
            if seen.insert(text.clone()) {
                for (s, e) in occurrences(&case.text, text) {
                    truth.push((s, e, kind));
                }
            }
        }
        for &(s, e, kind) in &truth {
            labelled += 1;
            match spans.iter().find(|sp| sp.start <= s && sp.end >= e) {
                Some(sp) => {
                    caught += 1;
                    if sp.kind == kind {
                        right_kind += 1;
                    }
                }
                None => misses.push(format!(
                    "line {}: missed {} {:?}",
                    n + 1,
                    kind.code(),
                    &case.text[s..e]
                )),
            }
        }
        for sp in &spans {
            spans_total += 1;
            if !truth.iter().any(|&(s, e, _)| sp.start < e && s < sp.end) {
                false_alarms += 1;
                alarms.push(format!(
                    "line {}: {} {:?}",
                    n + 1,
                    sp.kind.code(),
                    &case.text[sp.start..sp.end]
                ));
            }
        }
        for neg in &case.negatives {
            for (s, e) in occurrences(&case.text, neg) {
                negatives += 1;
                if spans.iter().any(|sp| sp.start < e && s < sp.end) {
                    touched += 1;
                    misses.push(format!(
                        "line {}: negative touched {:?} -> {:?}",
                        n + 1,
                        neg,
                        out.text
                    ));
                }
            }
        }
    }
    let recall = caught as f64 / labelled.max(1) as f64 * 100.0;
    println!("corpus: {labelled} labelled identifiers, {caught} caught, recall {recall:.1}%");
    println!("corpus: kind correct for {right_kind} of {caught}");
    println!("corpus: {spans_total} redactions, {false_alarms} false alarms");
    println!("corpus: {negatives} negatives, {touched} touched");
    for a in &alarms {
        println!("  false alarm: {a}");
    }
    let expected_kinds = [
        "NHS_NUMBER",
        "CHI_NUMBER",
        "POSTCODE",
        "PHONE",
        "EMAIL",
        "URL",
        "IP_ADDRESS",
        "NI_NUMBER",
        "PASSPORT",
        "VEHICLE_REG",
        "DATE",
        "AGE",
        "ADDRESS",
        "NAME",
    ];
    for k in expected_kinds {
        assert!(
            kinds_seen.iter().any(|s| s.code() == k),
            "the corpus has no {k} example"
        );
    }
    assert!(misses.is_empty(), "misses:\n{}", misses.join("\n"));
    assert_eq!(touched, 0);
    assert!(
        false_alarms <= spans_total / 10,
        "too many false alarms: {false_alarms}"
    );
}
