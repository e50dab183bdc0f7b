//! Digit-run scanner: NHS numbers, CHI numbers, UK phone numbers, bare passport numbers and
//! other long reference numbers. It walks the bytes once, gathering runs of digit groups
//! joined by spaces, dashes, dots or brackets ("+44 (0)20 7946 0958", "999-123-4567"), and
//! classifies each run by its digit count and prefix. In a reflective note any isolated
//! 10-digit run is treated as an NHS number whether or not its check digit is valid, since
//! a mistyped NHS number identifies a patient just as well.

use super::{Kind, Span};

/// One group of consecutive digits: byte range and where its digits sit in `digits`.
#[derive(Clone, Copy)]
struct Group {
    start: usize,
    end: usize,
    d0: usize,
    d1: usize,
}

fn is_alnum_before(s: &str, i: usize) -> bool {
    s[..i]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric())
}

fn is_alnum_at(s: &str, i: usize) -> bool {
    s[i..].chars().next().is_some_and(|c| c.is_alphanumeric())
}

pub(crate) fn scan(s: &str, out: &mut Vec<Span>) {
    let b = s.as_bytes();
    let n = b.len();
    let mut i = 0;
    let mut digits: Vec<u8> = Vec::with_capacity(32);
    let mut groups: Vec<Group> = Vec::with_capacity(8);
    while i < n {
        let c = b[i];
        let starts_run = c.is_ascii_digit()
            || ((c == b'+' || c == b'(') && i + 1 < n && b[i + 1].is_ascii_digit());
        if !starts_run {
            i += 1;
            continue;
        }
        // A run glued to a word ("OX4", "PHQ9", "v2") is not a number of ours.
        if c.is_ascii_digit() && is_alnum_before(s, i) {
            while i < n && b[i].is_ascii_digit() {
                i += 1;
            }
            continue;
        }
        // Money: "£1200000" is an amount, not an ID.
        if c.is_ascii_digit()
            && (s[..i].ends_with('£') || s[..i].ends_with('$') || s[..i].ends_with('€'))
        {
            while i < n && (b[i].is_ascii_digit() || b[i] == b',' || b[i] == b'.') {
                i += 1;
            }
            continue;
        }
        let run_start = i;
        let plus = c == b'+';
        let mut j = if c.is_ascii_digit() { i } else { i + 1 };
        digits.clear();
        groups.clear();
        loop {
            let g_start = j;
            let d0 = digits.len();
            while j < n && b[j].is_ascii_digit() {
                digits.push(b[j]);
                j += 1;
            }
            groups.push(Group {
                start: g_start,
                end: j,
                d0,
                d1: digits.len(),
            });
            // Separator: up to four of space, dash, dot, brackets, then a digit.
            let mut k = j;
            let mut seps = 0;
            while k < n && seps < 4 && matches!(b[k], b' ' | b'-' | b'.' | b'(' | b')' | b'\t') {
                k += 1;
                seps += 1;
            }
            // A no-break space (C2 A0) also separates groups.
            if seps == 0 && k + 1 < n && b[k] == 0xC2 && b[k + 1] == 0xA0 {
                k += 2;
                seps = 1;
            }
            if seps > 0 && k < n && b[k].is_ascii_digit() && !b[j..k].contains(&b'\n') {
                j = k;
                continue;
            }
            break;
        }
        // A run whose last group runs into letters ("3AB" of a postcode) loses that group.
        while let Some(last) = groups.last() {
            if is_alnum_at(s, last.end) {
                groups.pop();
            } else {
                break;
            }
        }
        // An opening bracket belongs to the number only when the number closes it, as
        // in "(01865) 123456" or "+44 (0)20"; one that wraps the whole number, as in
        // "(07700 900123)", is the writer's punctuation and stays outside the
        // redaction, or the text would read "[phone])" with its brackets unmatched.
        let run_start = match (c == b'(', groups.last()) {
            (true, Some(last)) if !b[run_start..last.end].contains(&b')') => i + 1,
            _ => run_start,
        };
        classify_run(s, &digits, &groups, plus, run_start, out);
        i = j.max(i + 1);
    }
}

fn classify_run(
    s: &str,
    digits: &[u8],
    groups: &[Group],
    plus: bool,
    run_start: usize,
    out: &mut Vec<Span>,
) {
    if groups.is_empty() {
        return;
    }
    let mut i = 0;
    let mut found_any = false;
    'outer: while i < groups.len() {
        for j in (i..groups.len()).rev() {
            let d = &digits[groups[i].d0..groups[j].d1];
            let multi = j > i;
            let lead_plus = plus && i == 0;
            if let Some(kind) = classify(s, d, multi, lead_plus, &groups[i..=j], groups[i].start) {
                let start = if i == 0 && run_start < groups[0].start {
                    run_start
                } else {
                    groups[i].start
                };
                out.push(Span::new(start, groups[j].end, kind));
                found_any = true;
                i = j + 1;
                continue 'outer;
            }
        }
        i += 1;
    }
    if !found_any {
        let total = digits.len();
        if total >= 11 && groups.len() <= 6 {
            let start = if run_start < groups[0].start {
                run_start
            } else {
                groups[0].start
            };
            if let Some(last) = groups.last() {
                out.push(Span::new(start, last.end, Kind::IdNumber));
            }
        }
    }
}

fn classify(
    s: &str,
    d: &[u8],
    multi: bool,
    plus: bool,
    groups: &[Group],
    start: usize,
) -> Option<Kind> {
    let n = d.len();
    if plus {
        // International form: +44 then a national number without (or with "(0)") its 0.
        if d.starts_with(b"44") {
            let rest = &d[2..];
            let national = if rest.first() == Some(&b'0') {
                rest.len()
            } else {
                rest.len() + 1
            };
            return (10..=11).contains(&national).then_some(Kind::Phone);
        }
        return (8..=15).contains(&n).then_some(Kind::Phone);
    }
    if d.starts_with(b"0044") {
        let rest = &d[4..];
        let national = if rest.first() == Some(&b'0') {
            rest.len()
        } else {
            rest.len() + 1
        };
        return (10..=11).contains(&national).then_some(Kind::Phone);
    }
    // Dates in digits ("03.03.1961", "2024-03-03") belong to the date scanner.
    if looks_like_date(d, groups) {
        return None;
    }
    let lo = super::text::floor_boundary(s, start.saturating_sub(16));
    let chi_context = s[lo..start].to_ascii_lowercase().contains("chi");
    match (d.first(), n) {
        (Some(b'0'), 11) => Some(Kind::Phone),
        (Some(b'0'), 10) => {
            if chi_context
                || (valid_ddmmyy(d)
                    && !matches!(d[1], b'1' | b'2' | b'3' | b'5' | b'7' | b'8' | b'9'))
            {
                Some(Kind::ChiNumber)
            } else {
                Some(Kind::Phone)
            }
        }
        (Some(_), 10) => {
            if chi_context || valid_ddmmyy(d) {
                Some(Kind::ChiNumber)
            } else {
                Some(Kind::NhsNumber)
            }
        }
        // Nine digits alone: a claim or case reference more often than a passport (which
        // the passport scanner finds when the note says "passport").
        (Some(_), 9) => Some(Kind::IdNumber),
        (Some(_), 8) if !multi => Some(Kind::IdNumber),
        // Sort code "12-34-56".
        (Some(_), 6) if groups.len() == 3 && groups.iter().all(|g| g.d1 - g.d0 == 2) => {
            let sep_dash = groups.windows(2).all(|w| &s[w[0].end..w[1].start] == "-");
            sep_dash.then_some(Kind::IdNumber)
        }
        (Some(_), 12..=19) if !multi => Some(Kind::IdNumber),
        _ => None,
    }
}

/// Three groups shaped d/m/y or y/m/d with plausible values, joined by the same separator.
fn looks_like_date(d: &[u8], groups: &[Group]) -> bool {
    if groups.len() != 3 {
        return false;
    }
    let lens: Vec<usize> = groups.iter().map(|g| g.d1 - g.d0).collect();
    let val = |g: &Group| d_val(&d[g.d0 - groups[0].d0..g.d1 - groups[0].d0]);
    let (a, m, c) = (val(&groups[0]), val(&groups[1]), val(&groups[2]));
    match (lens[0], lens[1], lens[2]) {
        (1..=2, 1..=2, 2 | 4) => {
            (1..=31).contains(&a) && (1..=12).contains(&m)
                || (1..=12).contains(&a) && (1..=31).contains(&m)
        }
        (4, 1..=2, 1..=2) => (1..=12).contains(&m) && (1..=31).contains(&c),
        _ => false,
    }
}

fn d_val(d: &[u8]) -> u32 {
    d.iter().fold(0u32, |acc, &b| {
        acc.saturating_mul(10).saturating_add((b - b'0') as u32)
    })
}

/// First six digits read as a plausible ddmmyy (how CHI numbers begin).
fn valid_ddmmyy(d: &[u8]) -> bool {
    d.len() >= 6 && (1..=31).contains(&d_val(&d[0..2])) && (1..=12).contains(&d_val(&d[2..4]))
}

/// The NHS number check digit (weights 10..2 on the first nine digits, mod 11). Exposed for
/// tests and for the UI, which may say "this looks like an NHS number with a typo".
pub fn nhs_check_digit_ok(d: &[u8]) -> bool {
    if d.len() != 10 || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = d[..9]
        .iter()
        .enumerate()
        .map(|(i, &b)| (b - b'0') as u32 * (10 - i as u32))
        .sum();
    let check = match 11 - sum % 11 {
        11 => 0,
        10 => return false,
        c => c,
    };
    check == (d[9] - b'0') as u32
}
