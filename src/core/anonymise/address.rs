//! Addresses: a house number with a street ("14 Acacia Road", "14a, Mill Lane"), a street
//! named on its own ("lives on Acacia Road"), flats and units ("Flat 3", "Apt 4B"), and
//! named estates, halls and blocks ("the Blackbird Leys estate", "Cherwell Hall",
//! "Foxglove Court"). "Room 3" is deliberately not an address: it is where a session was.

use super::names::is_stop_word;
use super::text::{is_space_gap, Token};
use super::{Kind, Span};

/// Street words strong enough to mark a street after any capitalised word.
const STRONG: &[&str] = &[
    "road",
    "rd",
    "street",
    "st",
    "avenue",
    "ave",
    "lane",
    "ln",
    "drive",
    "close",
    "crescent",
    "cres",
    "terrace",
    "gardens",
    "gdns",
    "grove",
    "mews",
    "boulevard",
    "crt",
    "wharf",
    "parade",
];
/// Street words that also name other things ("Family Court", "Safe Place"): these need a
/// house number, or a first word that is not an everyday word.
const WEAK: &[&str] = &[
    "way",
    "place",
    "pl",
    "court",
    "ct",
    "walk",
    "row",
    "square",
    "sq",
    "hill",
    "rise",
    "view",
    "green",
    "park",
    "mead",
    "vale",
    "yard",
    "meadow",
    "meadows",
    "fields",
    "croft",
    "gate",
    "chase",
    "approach",
    "broadway",
    "circus",
    "embankment",
    "esplanade",
    "promenade",
    "quay",
    "causeway",
    "villas",
    "cottages",
    "end",
    "side",
    "heights",
    "copse",
    "dene",
    "garth",
    "wynd",
];
/// Words that end the name of a building or estate.
const BUILDINGS: &[&str] = &[
    "estate",
    "hall",
    "halls",
    "house",
    "court",
    "tower",
    "towers",
    "lodge",
    "mansions",
    "flats",
    "buildings",
    "hostel",
    "farm",
    "cottage",
    "cottages",
    "manor",
    "villas",
    "heights",
    "block",
];
const FLAT_WORDS: &[&str] = &["flat", "apartment", "apt", "unit", "maisonette", "bedsit"];

fn lower(t: &Token, s: &str) -> String {
    t.text(s).to_lowercase()
}

/// A house number: "14", "14a", "14A" (and the first of "14-16").
fn is_house_number(t: &Token, s: &str) -> bool {
    let w = t.text(s);
    let d = w.bytes().take_while(u8::is_ascii_digit).count();
    (1..=4).contains(&d)
        && (w.len() == d || (w.len() == d + 1 && w.as_bytes()[d].is_ascii_alphabetic()))
}

pub(crate) fn scan(s: &str, toks: &[Token], out: &mut Vec<Span>) {
    for i in 0..toks.len() {
        let t = toks[i];
        let lw = lower(&t, s);
        // Flat 3, Apt 4B, Unit 5.
        if FLAT_WORDS.contains(&lw.as_str()) {
            if let Some(n) = toks.get(i + 1) {
                let g = &s[t.end..n.start];
                if (g == " " || g == " no. " || g == " no ") && is_house_number(n, s) {
                    out.push(Span::new(t.start, n.end, Kind::Address));
                }
            }
        }
        // House number + 1..3 name words + street word.
        if is_house_number(&t, s) {
            let mut j = i + 1;
            // "14-16 Acacia Road".
            if toks.get(j).is_some_and(|n| is_house_number(n, s)) && &s[t.end..toks[j].start] == "-"
            {
                j += 1;
            }
            let first = j;
            let g = toks
                .get(first)
                .map(|_| &s[toks[first - 1].end..toks[first].start])
                .unwrap_or("");
            if matches!(g, " " | ", " | "\u{a0}") {
                if let Some(end) = street_after(s, toks, first, true) {
                    out.push(Span::new(t.start, toks[end].end, Kind::Address));
                    continue;
                }
            }
        }
        // A street named on its own, or an estate/hall: only from a capitalised word that
        // starts the name (the previous token is not itself a capitalised part of it).
        if t.is_title() && !is_stop_word(&lw) {
            let prev_title = i > 0
                && toks[i - 1].is_title()
                && is_space_gap(&s[toks[i - 1].end..t.start])
                && !is_stop_word(&lower(&toks[i - 1], s));
            if prev_title {
                continue;
            }
            if let Some(end) = street_after(s, toks, i, false) {
                out.push(Span::new(t.start, toks[end].end, Kind::Address));
                continue;
            }
            if let Some(end) = building_after(s, toks, i) {
                out.push(Span::new(t.start, toks[end].end, Kind::Address));
            }
        }
    }
}

/// From token `first`: up to three name words, then a street word. Returns the index of
/// the street word.
fn street_after(s: &str, toks: &[Token], first: usize, numbered: bool) -> Option<usize> {
    let mut j = first;
    let mut names = 0;
    let mut all_title = true;
    let mut first_common = false;
    while j < toks.len() && names <= 3 {
        let t = toks[j];
        if j > first
            && !is_space_gap(&s[toks[j - 1].end..t.start])
            && &s[toks[j - 1].end..t.start] != "-"
        {
            return None;
        }
        if !t.is_word() {
            return None;
        }
        let lw = lower(&t, s);
        if names >= 1 {
            let strong = STRONG.contains(&lw.as_str());
            let weak = WEAK.contains(&lw.as_str());
            if strong || weak {
                let street_ok = t.is_title()
                    || (numbered && all_title)
                    || (numbered && strong && t.is(super::text::ALL_LOWER));
                let names_ok = all_title || (numbered && strong);
                if street_ok && names_ok && (strong || numbered || !first_common) {
                    // "St" could be "Saint" before a name: "St Mary's" is not a street.
                    if (lw == "st")
                        && toks
                            .get(j + 1)
                            .is_some_and(|n| n.is_title() && is_space_gap(&s[t.end..n.start]))
                    {
                        return None;
                    }
                    return Some(j);
                }
            }
        }
        if is_stop_word(&lw) && !(numbered && names == 0 && t.is_title()) {
            return None;
        }
        if !t.is_title() {
            all_title = false;
            // A lower-case street only after a number and at most two lower-case words.
            if !numbered {
                return None;
            }
        }
        if names == 0 {
            first_common = super::gazetteer::is_common_word(&lw);
        }
        names += 1;
        j += 1;
    }
    None
}

/// From capitalised token `first`: up to three capitalised words then a building word
/// ("Cherwell Hall", "Blackbird Leys estate"). Returns the index of the building word.
fn building_after(s: &str, toks: &[Token], first: usize) -> Option<usize> {
    let mut j = first + 1;
    while j < toks.len() && j <= first + 3 {
        let t = toks[j];
        if !is_space_gap(&s[toks[j - 1].end..t.start]) || !t.is_word() {
            return None;
        }
        let lw = lower(&t, s);
        if BUILDINGS.contains(&lw.as_str()) {
            // "estate" and "flats" may be lower case; the rest are capitalised names.
            if t.is_title() || matches!(lw.as_str(), "estate" | "flats") {
                return Some(j);
            }
            return None;
        }
        if !t.is_title() || is_stop_word(&lw) {
            return None;
        }
        j += 1;
    }
    None
}
