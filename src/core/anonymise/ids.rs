//! National Insurance numbers ("QQ 12 34 56 C"), passport numbers named as such, UK
//! vehicle registrations in the current ("AB12 CDE"), prefix ("A123 BCD") and suffix
//! ("ABC 123D") formats, reference numbers after the words that name them ("hosp no
//! RX1234567"), and the codes that open someone's home ("key safe code 0451"). NI
//! prefixes are not checked against the allocation rules: a mistyped NI number still
//! identifies someone, and test data uses invalid prefixes.

use super::text::{is_space_gap, Token, ALL_UPPER};
use super::{Kind, Span};

pub(crate) fn scan(s: &str, toks: &[Token], out: &mut Vec<Span>) {
    ni_numbers(s, out);
    for i in 0..toks.len() {
        passport(s, toks, i, out);
        vehicle(s, toks, i, out);
        reference(s, toks, i, out);
    }
}

/// Words that name a reference number on their own ("MRN 4412398", "ref UC-884-221").
fn names_a_reference(w: &str) -> bool {
    matches!(w, "ref" | "reference" | "mrn" | "crn" | "nino")
}

/// The code that opens someone's home, which a note for a home visit may hold ("door
/// code 4471", "key safe code: 0451", "keysafe is 1234"): taken like a reference number.
fn names_an_access_code(s: &str, toks: &[Token], i: usize, w: &str) -> bool {
    let before = i
        .checked_sub(1)
        .map(|p| toks[p].text(s).to_ascii_lowercase());
    match w {
        "keysafe" | "key-safe" => true,
        "safe" => before.as_deref() == Some("key"),
        "code" => matches!(
            before.as_deref(),
            Some("door" | "gate" | "safe" | "keysafe" | "alarm" | "entry" | "access" | "key")
        ),
        _ => false,
    }
}

/// Words that name one when "no", "number" or "ref" follows ("hosp no", "claim number").
fn owns_a_reference(w: &str) -> bool {
    matches!(
        w,
        "hosp"
            | "hospital"
            | "patient"
            | "case"
            | "claim"
            | "account"
            | "acc"
            | "customer"
            | "member"
            | "tenancy"
            | "housing"
            | "council"
            | "benefit"
            | "nhs"
    )
}

/// A hospital, case, claim or other reference number after the words that name it
/// ("hosp no RX1234567", "Tenancy ref: LCC/334/2211", "her ref is UC-884-221"): letters
/// and digits, joined by "-" or "/", with at least four digits, so "ref 12" and "case no
/// longer" are left alone. Numbers the other scanners know (an NHS number after "NHS
/// no") are found by them as well, and the stronger kind wins.
fn reference(s: &str, toks: &[Token], i: usize, out: &mut Vec<Span>) {
    let w = toks[i].text(s).to_ascii_lowercase();
    let mut j = i + 1;
    if owns_a_reference(&w) {
        let Some(n) = toks.get(j) else { return };
        let nw = n.text(s).to_ascii_lowercase();
        if !matches!(nw.as_str(), "no" | "number" | "num" | "ref" | "reference") {
            return;
        }
        j += 1;
    } else if !names_a_reference(&w) && !names_an_access_code(s, toks, i, &w) {
        return;
    }
    // "no", "number", "is", "was" may come between ("ref no. 123456", "ref is 4412").
    let mut skipped = 0;
    while skipped < 2
        && toks.get(j).is_some_and(|t| {
            matches!(
                t.text(s).to_ascii_lowercase().as_str(),
                "no" | "number" | "num" | "is" | "was"
            )
        })
    {
        j += 1;
        skipped += 1;
    }
    let Some(first) = toks.get(j) else { return };
    if !matches!(
        s[toks[j - 1].end..first.start].trim(),
        "" | ":" | "." | "#" | ".:"
    ) {
        return;
    }
    let mut k = j;
    let mut digits = 0;
    while k < toks.len() && k < j + 6 {
        let t = toks[k].text(s);
        if !t.bytes().all(|c| c.is_ascii_alphanumeric()) || t.len() > 16 {
            break;
        }
        if k > j && !matches!(&s[toks[k - 1].end..toks[k].start], "-" | "/") {
            break;
        }
        digits += t.bytes().filter(u8::is_ascii_digit).count();
        k += 1;
    }
    if digits >= 4 && k > j {
        out.push(Span::new(first.start, toks[k - 1].end, Kind::IdNumber));
    }
}

fn ni_numbers(s: &str, out: &mut Vec<Span>) {
    let b = s.as_bytes();
    let n = b.len();
    let mut i = 0;
    while i + 8 <= n {
        let word_start = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] >= 0x80);
        if !(word_start && b[i].is_ascii_alphabetic() && b[i + 1].is_ascii_alphabetic()) {
            i += 1;
            continue;
        }
        let upper_prefix = b[i].is_ascii_uppercase() && b[i + 1].is_ascii_uppercase();
        let mut k = i + 2;
        let mut digits = 0;
        while k < n && digits < 6 {
            if b[k].is_ascii_digit() {
                digits += 1;
                k += 1;
            } else if matches!(b[k], b' ' | b'-')
                && k + 1 < n
                && b[k + 1].is_ascii_digit()
                && digits % 2 == 0
            {
                k += 1;
            } else {
                break;
            }
        }
        if digits != 6 || (k < n && b[k].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let mut end = k;
        let mut suffix = false;
        let mut m = k;
        if m < n && matches!(b[m], b' ' | b'-') {
            m += 1;
        }
        if m < n
            && matches!(b[m].to_ascii_uppercase(), b'A'..=b'D')
            && (m + 1 >= n || !b[m + 1].is_ascii_alphanumeric())
        {
            end = m + 1;
            suffix = true;
        }
        let boundary = end >= n || !b[end].is_ascii_alphanumeric();
        if boundary && (suffix || upper_prefix) {
            out.push(Span::new(i, end, Kind::NiNumber));
            i = end;
            continue;
        }
        i += 1;
    }
}

/// "passport (number|no|no.|#)? (is)? :? X" where X has at least five digits.
fn passport(s: &str, toks: &[Token], i: usize, out: &mut Vec<Span>) {
    let t = toks[i].text(s);
    if !t.eq_ignore_ascii_case("passport") {
        return;
    }
    let mut j = i + 1;
    let mut skipped = 0;
    while j < toks.len() && skipped < 3 {
        let w = toks[j].text(s).to_ascii_lowercase();
        if matches!(
            w.as_str(),
            "number" | "no" | "num" | "is" | "was" | "ref" | "reference"
        ) {
            j += 1;
            skipped += 1;
            continue;
        }
        break;
    }
    // The number may be split into groups: "123 456 789".
    let mut k = j;
    let mut digits = 0;
    let mut end = 0;
    while k < toks.len() && k < j + 4 {
        let tt = toks[k].text(s);
        if !tt.bytes().all(|c| c.is_ascii_alphanumeric()) || tt.len() > 12 {
            break;
        }
        let d = tt.bytes().filter(u8::is_ascii_digit).count();
        if d == 0 {
            break;
        }
        if k > j && !is_space_gap(&s[toks[k - 1].end..toks[k].start]) {
            break;
        }
        digits += d;
        end = toks[k].end;
        k += 1;
    }
    if digits >= 5 && k > j {
        out.push(Span::new(toks[j].start, end, Kind::Passport));
    }
}

fn is_upper_letters(t: &str, n: usize) -> bool {
    t.len() == n && t.bytes().all(|c| c.is_ascii_uppercase())
}

/// Vehicle registrations in upper case; in any case only in the current format and after
/// a word that says it is one ("reg ab12cde", "her car ab12 cde"), since lower-case
/// look-alikes are too often words.
fn vehicle(s: &str, toks: &[Token], i: usize, out: &mut Vec<Span>) {
    let t = toks[i].text(s);
    if !t.is_ascii() {
        return;
    }
    if !toks[i].is(ALL_UPPER) {
        let b = t.as_bytes();
        let shape = b.len() >= 4
            && b[..2].iter().all(u8::is_ascii_alphabetic)
            && b[2..4].iter().all(u8::is_ascii_digit);
        if !shape {
            return;
        }
        let cue = (i.saturating_sub(3)..i).any(|k| {
            [
                "reg",
                "registration",
                "car",
                "van",
                "vehicle",
                "plate",
                "numberplate",
            ]
            .iter()
            .any(|c| c.eq_ignore_ascii_case(toks[k].text(s)))
        });
        if !cue {
            return;
        }
        let tail_ok = |x: &[u8]| x.len() == 3 && x.iter().all(u8::is_ascii_alphabetic);
        if b.len() == 7 && tail_ok(&b[4..]) {
            out.push(Span::new(toks[i].start, toks[i].end, Kind::VehicleReg));
        } else if b.len() == 4 {
            if let Some(nx) = toks.get(i + 1) {
                if &s[toks[i].end..nx.start] == " " && tail_ok(nx.text(s).as_bytes()) {
                    out.push(Span::new(toks[i].start, nx.end, Kind::VehicleReg));
                }
            }
        }
        return;
    }
    let bytes = t.as_bytes();
    let next = toks.get(i + 1).filter(|n| s[toks[i].end..n.start] == *" ");
    let letters = bytes.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let digs = bytes[letters..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let tail = &t[letters + digs..];
    // Current format, joined: "AB12CDE".
    if letters == 2 && digs == 2 && is_upper_letters(tail, 3) {
        out.push(Span::new(toks[i].start, toks[i].end, Kind::VehicleReg));
        return;
    }
    if tail.is_empty() {
        if let Some(nx) = next {
            let nt = nx.text(s);
            // "AB12 CDE" (current) and "A123 BCD" (prefix).
            if ((letters == 2 && digs == 2) || (letters == 1 && (1..=3).contains(&digs)))
                && is_upper_letters(nt, 3)
            {
                out.push(Span::new(toks[i].start, nx.end, Kind::VehicleReg));
                return;
            }
            // "ABC 123D" (suffix).
            let nb = nt.as_bytes();
            let nd = nb.iter().take_while(|c| c.is_ascii_digit()).count();
            if letters == 3
                && digs == 0
                && (1..=3).contains(&nd)
                && nb.len() == nd + 1
                && nb[nd].is_ascii_uppercase()
            {
                out.push(Span::new(toks[i].start, nx.end, Kind::VehicleReg));
            }
        }
    }
}
