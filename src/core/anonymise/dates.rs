//! Dates and exact ages. Dates are found in numeric forms ("03/03/1961", "3.3.61",
//! "1961-03-03"), in words ("3rd March 1961", "3 Mar", "March 3rd", "Monday 3rd of March",
//! "March 1961") and after "born"; exact ages in "aged 47", "age: 47", "47 years old",
//! "47-year-old", "47yo", "she's 47", "her 50th birthday".
//!
//! Replacements (decided here, documented in the module above): a date with a year becomes
//! "week of <Monday>" because supervision exports show weeks; a date of birth or birthday is
//! removed outright; a date without a year becomes "[date]". An exact age becomes a life
//! stage ("in their forties", "forty-something", "in later life").

use super::text::{is_space_gap, tokenize, Token};
use super::{Kind, Span};

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const MONTH_ABBR: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A month name or abbreviation; "may" and "march" (ordinary words too) only capitalised.
fn month_of(t: &Token, s: &str) -> Option<u32> {
    month_of_cased(t, s, false)
}

/// [`month_of`], but with `any_case` a lower-case "may" or "march" counts too: for when
/// the words around it already make a date ("the 3rd of march", "1 may 2023").
fn month_of_cased(t: &Token, s: &str, any_case: bool) -> Option<u32> {
    if !t.is_word() {
        return None;
    }
    let w = t.text(s);
    let lower = w.to_ascii_lowercase();
    for (i, m) in MONTHS.iter().enumerate() {
        let abbr_ok = lower.len() >= 3
            && m.starts_with(lower.as_str())
            && (lower.len() == 3 || lower == "sept");
        if lower == *m || abbr_ok {
            if matches!(
                lower.as_str(),
                "may" | "march" | "mar" | "jan" | "sept" | "sep"
            ) && !t.is_capitalised()
                && !any_case
            {
                return None;
            }
            return Some(i as u32 + 1);
        }
    }
    None
}

pub(crate) fn is_weekday(lower: &str) -> bool {
    WEEKDAYS.contains(&lower)
        || matches!(
            lower,
            "mon"
                | "tue"
                | "tues"
                | "wed"
                | "weds"
                | "thu"
                | "thur"
                | "thurs"
                | "fri"
                | "sat"
                | "sun"
        )
}

pub(crate) fn is_month_word(lower: &str) -> bool {
    MONTHS.contains(&lower)
}

fn num(t: &Token, s: &str) -> Option<u32> {
    if !t.is_number() || t.len() > 4 {
        return None;
    }
    t.text(s).parse().ok()
}

const ORDINALS: [&str; 20] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

/// "third", "twenty-first", "thirtieth" as a day of the month: the value and the index of
/// the last token.
fn ordinal_day_words(s: &str, toks: &[Token], i: usize) -> Option<(u32, usize)> {
    let t = toks.get(i)?;
    if !t.is_word() || t.len() > 11 {
        return None;
    }
    let w = t.text(s);
    if let Some(p) = ORDINALS.iter().position(|o| o.eq_ignore_ascii_case(w)) {
        return Some((p as u32 + 1, i));
    }
    if w.eq_ignore_ascii_case("thirtieth") {
        return Some((30, i));
    }
    let tens = if w.eq_ignore_ascii_case("twenty") {
        20
    } else if w.eq_ignore_ascii_case("thirty") {
        30
    } else {
        return None;
    };
    let n = toks.get(i + 1)?;
    if !matches!(gap(s, toks, i + 1), "-" | " ") {
        return None;
    }
    let unit = n.text(s).to_ascii_lowercase();
    let p = ORDINALS[..9].iter().position(|&o| o == unit)? as u32 + 1;
    (tens + p <= 31).then_some((tens + p, i + 1))
}

/// "3", "03", "3rd", "21st" as a day of the month.
fn day_of(t: &Token, s: &str) -> Option<(u32, bool)> {
    let w = t.text(s);
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let suffix = w[digits..].to_ascii_lowercase();
    let ordinal = matches!(suffix.as_str(), "st" | "nd" | "rd" | "th");
    if !suffix.is_empty() && !ordinal {
        return None;
    }
    let d: u32 = w[..digits].parse().ok()?;
    (1..=31).contains(&d).then_some((d, ordinal))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateMatch {
    pub end_tok: usize,
    pub day: Option<u32>,
    pub month: Option<u32>,
    pub year: Option<i32>,
}

fn year_of(t: &Token, s: &str, gap: &str) -> Option<i32> {
    if !t.is_number() {
        return None;
    }
    let w = t.text(s);
    match w.len() {
        4 => w.parse().ok().filter(|y| (1900..=2099).contains(y)),
        2 if gap.ends_with('\'') || gap.ends_with('\u{2019}') => {
            w.parse::<i32>().ok().map(expand_yy)
        }
        _ => None,
    }
}

fn expand_yy(y: i32) -> i32 {
    if y < 40 {
        2000 + y
    } else {
        1900 + y
    }
}

fn gap<'a>(s: &'a str, toks: &[Token], i: usize) -> &'a str {
    super::text::gap_before(s, toks, i)
}

/// Optional year after token `j - 1`: " 1961", ", 1961", " '61".
fn trailing_year(s: &str, toks: &[Token], j: usize) -> Option<i32> {
    let t = toks.get(j)?;
    let g = gap(s, toks, j);
    let g_ok = matches!(g, " " | ", " | "," | " '" | " \u{2019}" | "\u{a0}");
    if !g_ok {
        return None;
    }
    year_of(t, s, g)
}

/// Tries to match a date starting at token `i`.
pub(crate) fn match_at(s: &str, toks: &[Token], i: usize) -> Option<DateMatch> {
    let t = toks.get(i)?;
    // Fast exit: a date starts with a digit or a capitalised/lower-case month or weekday
    // name of at least three letters.
    if !t.is(super::text::HAS_DIGIT) && (t.len() < 3 || t.len() > 9) {
        return None;
    }
    // Numeric: d/m/y, d.m.yy, y-m-d.
    if t.is_number() {
        if let (Some(b), Some(c)) = (toks.get(i + 1), toks.get(i + 2)) {
            let g1 = gap(s, toks, i + 1);
            let g2 = gap(s, toks, i + 2);
            if g1 == g2 && matches!(g1, "/" | "." | "-") && b.is_number() && c.is_number() {
                let (x, y, z) = (num(t, s)?, num(b, s)?, num(c, s)?);
                let after = toks.get(i + 3).map(|_| gap(s, toks, i + 3)).unwrap_or("");
                let continues = after == g1;
                if !continues {
                    let (lx, ly, lz) = (t.len(), b.len(), c.len());
                    if lx == 4
                        && ly <= 2
                        && lz <= 2
                        && (1..=12).contains(&y)
                        && (1..=31).contains(&z)
                    {
                        return Some(DateMatch {
                            end_tok: i + 2,
                            day: Some(z),
                            month: Some(y),
                            year: Some(x as i32),
                        });
                    }
                    if lx <= 2 && ly <= 2 && (lz == 2 || lz == 4) {
                        let year = if lz == 4 {
                            z as i32
                        } else {
                            expand_yy(z as i32)
                        };
                        if (1..=31).contains(&x) && (1..=12).contains(&y) {
                            return Some(DateMatch {
                                end_tok: i + 2,
                                day: Some(x),
                                month: Some(y),
                                year: Some(year),
                            });
                        }
                        if (1..=12).contains(&x) && (1..=31).contains(&y) {
                            return Some(DateMatch {
                                end_tok: i + 2,
                                day: Some(y),
                                month: Some(x),
                                year: Some(year),
                            });
                        }
                    }
                }
            }
        }
    }
    // Words: [weekday] day [of] month [year].
    let mut k = i;
    let lower = t.text(s).to_ascii_lowercase();
    if t.is_word() && is_weekday(&lower) && toks.get(i + 1).is_some() {
        let g = gap(s, toks, i + 1);
        if matches!(g, " " | ", " | " the ") {
            k = i + 1;
        }
    }
    // "the third of march", "twenty-first of June": a day in words needs "of" and a month.
    if let Some((day, last)) = ordinal_day_words(s, toks, k) {
        let m = last + 2;
        let of = toks
            .get(last + 1)
            .is_some_and(|t| t.text(s).eq_ignore_ascii_case("of"))
            && gap(s, toks, last + 1) == " ";
        if of && gap(s, toks, m.min(toks.len().saturating_sub(1))) == " " {
            if let Some(month) = toks.get(m).and_then(|t| month_of_cased(t, s, true)) {
                let year = trailing_year(s, toks, m + 1);
                return Some(DateMatch {
                    end_tok: if year.is_some() { m + 1 } else { m },
                    day: Some(day),
                    month: Some(month),
                    year,
                });
            }
        }
    }
    if let Some((day, ordinal)) = toks.get(k).and_then(|t| day_of(t, s)) {
        let mut m = k + 1;
        let mut of = false;
        if toks
            .get(m)
            .is_some_and(|t| t.text(s).eq_ignore_ascii_case("of"))
            && gap(s, toks, m) == " "
        {
            m += 1;
            of = true;
        }
        let g = toks.get(m).map_or("", |_| gap(s, toks, m));
        // "3-Mar-24": a two-digit year after a dash, written the way the month was joined.
        let dashed_year = || {
            (matches!(g, "-" | "/" | ".") && gap(s, toks, m + 1) == g)
                .then(|| toks.get(m + 1))
                .flatten()
                .filter(|y| y.is_number() && (y.len() == 2 || y.len() == 4))
                .and_then(|y| y.text(s).parse::<i32>().ok())
                .map(|y| if y < 100 { expand_yy(y) } else { y })
                .filter(|y| (1900..=2099).contains(y))
        };
        // "3 Mar 79": a two-digit year after a day and month, when nothing but punctuation
        // follows (so "3 March 12 people came" keeps its count).
        let short_year = || {
            let y = toks.get(m + 1)?;
            let after_ok = toks
                .get(m + 2)
                .is_none_or(|_| !is_space_gap(gap(s, toks, m + 2)));
            (gap(s, toks, m + 1) == " " && y.is_number() && y.len() == 2 && after_ok)
                .then(|| y.text(s).parse::<i32>().ok().map(expand_yy))
                .flatten()
        };
        let month = toks.get(m).and_then(|t| {
            month_of(t, s).or_else(|| {
                // A lower-case "may" or "march" after a day needs an ordinal, an "of" or a
                // year to be a date: "the 3rd of march", "1 may 2023", not "3 may".
                let sure = ordinal || of || trailing_year(s, toks, m + 1).is_some();
                month_of_cased(t, s, sure)
            })
        });
        if let Some(month) = month {
            if g == " " || g == "-" || g == "\u{a0}" || g == "/" || g == "." {
                let mut end = m;
                // "Mar." abbreviation full stop is left in place; fine either way.
                let year = trailing_year(s, toks, m + 1)
                    .or_else(dashed_year)
                    .or_else(short_year);
                if year.is_some() {
                    end = m + 1;
                }
                return Some(DateMatch {
                    end_tok: end,
                    day: Some(day),
                    month: Some(month),
                    year,
                });
            }
        }
    }
    // Month [the] day [year] / month year. A lower-case "march" or "may" counts when an
    // ordinal day or a year follows ("march 3rd", "may 2024").
    let loose_month = || {
        let t = toks.get(k)?;
        let nt = toks.get(k + 1)?;
        if !nt.is(super::text::HAS_DIGIT) || !t.is(super::text::ALL_LOWER) {
            return None;
        }
        let month = month_of_cased(t, s, true)?;
        let g = gap(s, toks, k + 1);
        let ordinal = day_of(nt, s).is_some_and(|(_, o)| o);
        let year = nt.is_number() && nt.len() == 4 && year_of(nt, s, g).is_some();
        (is_space_gap(g) && (ordinal || year)).then_some(month)
    };
    if let Some(month) = toks
        .get(k)
        .and_then(|t| month_of(t, s))
        .or_else(loose_month)
    {
        let mut m = k + 1;
        if toks
            .get(m)
            .is_some_and(|t| t.text(s).eq_ignore_ascii_case("the"))
        {
            m += 1;
        }
        if let Some(nt) = toks.get(m) {
            let g = gap(s, toks, m);
            if is_space_gap(g) || g == ". " || g == " '" || g == " \u{2019}" {
                if let Some((day, ordinal)) = day_of(nt, s) {
                    // "May 3 sessions": a bare number after a month needs an ordinal or a year
                    // or the end of the phrase.
                    let year = trailing_year(s, toks, m + 1);
                    let next_is_word = toks
                        .get(m + 1)
                        .is_some_and(|t| t.is_word() && is_space_gap(gap(s, toks, m + 1)));
                    // "On March 3 she rang": a preposition before the month says it is a date.
                    let cue = k > 0
                        && is_space_gap(gap(s, toks, k))
                        && matches!(
                            toks[k - 1].text(s).to_ascii_lowercase().as_str(),
                            "on" | "by" | "until" | "till" | "since" | "from" | "before" | "after"
                        );
                    // "feb 14 is hard": a month word that is no everyday word ("Feb",
                    // "October") dates a bare day unless a count noun follows.
                    let plain_month = !matches!(
                        toks[k].text(s).to_ascii_lowercase().as_str(),
                        "may"
                            | "march"
                            | "mar"
                            | "jan"
                            | "sept"
                            | "sep"
                            | "june"
                            | "april"
                            | "august"
                    );
                    let count_noun = toks.get(m + 1).is_some_and(|t| {
                        let w = t.text(s).to_ascii_lowercase();
                        AGE_UNITS.contains(&w.as_str())
                            || matches!(
                                w.as_str(),
                                "people" | "clients" | "referrals" | "visits" | "calls" | "new"
                            )
                    });
                    if ordinal
                        || year.is_some()
                        || !next_is_word
                        || cue
                        || (plain_month && !count_noun)
                    {
                        let end = if year.is_some() { m + 1 } else { m };
                        return Some(DateMatch {
                            end_tok: end,
                            day: Some(day),
                            month: Some(month),
                            year,
                        });
                    }
                }
                if let Some(year) = year_of(nt, s, g) {
                    if nt.len() == 4 || g.ends_with('\'') || g.ends_with('\u{2019}') {
                        return Some(DateMatch {
                            end_tok: m,
                            day: None,
                            month: Some(month),
                            year: Some(year),
                        });
                    }
                }
            }
        }
    }
    None
}

const BIRTH_WORDS: &[&str] = &[
    "dob",
    "d.o.b",
    "date of birth",
    "born",
    "birthday",
    "birth date",
    "b'day",
];

fn birth_context(s: &str, start: usize) -> bool {
    let lo = super::text::floor_boundary(s, start.saturating_sub(24));
    let before = s[lo..start].to_lowercase();
    BIRTH_WORDS.iter().any(|w| before.contains(w))
}

const AGE_UNITS: &[&str] = &[
    "minutes", "mins", "hours", "hrs", "weeks", "days", "months", "sessions", "times", "points",
    "percent", "kg", "stone", "pounds", "miles", "of", "out", "x", "foot", "feet", "ft", "inch",
    "inches", "cm", "metres", "meters", "lbs", "lb", "st", "grand", "quid", "pence", "p", "minute",
    "hour", "day", "week", "month", "mile", "pound", "degrees", "percent.",
];

pub(crate) fn scan(s: &str, toks: &[Token], out: &mut Vec<Span>) {
    let mut i = 0;
    while i < toks.len() {
        if let Some(m) = match_at(s, toks, i) {
            out.push(Span::new(toks[i].start, toks[m.end_tok].end, Kind::Date));
            i = m.end_tok + 1;
            continue;
        }
        let t = toks[i];
        let weekday_word =
            t.len() > 5 && WEEKDAYS.iter().any(|w| w.eq_ignore_ascii_case(t.text(s)));
        if t.len() > 5 && !is_number_word(t.text(s)) && !weekday_word {
            i += 1;
            continue;
        }
        let lower = t.text(s).to_ascii_lowercase();
        // "born (in) 1961", "DOB 1961".
        if matches!(lower.as_str(), "born" | "dob") {
            let mut j = i + 1;
            if toks
                .get(j)
                .is_some_and(|t| t.text(s).eq_ignore_ascii_case("in"))
            {
                j += 1;
            }
            // "born 1961", "born in 1961", "born in Jamaica in 1952": the year of birth
            // within the next few words of the same sentence.
            for k in j..(j + 5).min(toks.len()) {
                let y = &toks[k];
                if k > i + 1 && gap(s, toks, k).contains(['.', ';', '\n']) {
                    break;
                }
                if y.is_number() && y.len() == 4 && year_of(y, s, " ").is_some() {
                    out.push(Span::new(y.start, y.end, Kind::Date));
                    break;
                }
            }
            // "DOB 3/4" (day and month only).
            if let (Some(a), Some(b)) = (toks.get(i + 1), toks.get(i + 2)) {
                if matches!(gap(s, toks, i + 2), "/" | ".")
                    && a.is_number()
                    && b.is_number()
                    && a.len() <= 2
                    && b.len() <= 2
                {
                    out.push(Span::new(a.start, b.end, Kind::Date));
                }
            }
        }
        // "on 3/4", "Tues 3/3", "from 14.2": a day and month after a word that makes it a
        // date (a preposition of time or a weekday).
        let after_day_month = i >= 2
            && matches!(lower.as_str(), "and" | "or" | "to")
            && toks[i - 1].is_number()
            && matches!(gap(s, toks, i - 1), "/" | ".")
            && toks[i - 2].is_number();
        let date_cue = is_weekday(&lower)
            || after_day_month
            || matches!(
                lower.as_str(),
                "on" | "from"
                    | "by"
                    | "until"
                    | "till"
                    | "til"
                    | "since"
                    | "before"
                    | "after"
                    | "dated"
                    | "wc"
                    | "w"
                    | "c"
                    | "appt"
                    | "due"
                    | "seen"
                    | "next"
                    | "last"
            );
        if date_cue {
            // "on the 3rd", "Wed 14th", "Monday the 3rd": an ordinal day with no month,
            // when what follows does not make it a count ("on the 3rd floor").
            let mut d = i + 1;
            if toks
                .get(d)
                .is_some_and(|t| t.text(s).eq_ignore_ascii_case("the"))
            {
                d += 1;
            }
            if let Some(dt) = toks.get(d) {
                let ordinal = day_of(dt, s).is_some_and(|(_, o)| o);
                let spaced = (i + 1..=d).all(|k| is_space_gap(gap(s, toks, k)));
                let weekday = is_weekday(&lower);
                let the = d == i + 2;
                let next_ok = match toks.get(d + 1) {
                    None => true,
                    Some(nt) => {
                        !is_space_gap(gap(s, toks, d + 1))
                            || matches!(
                                nt.text(s).to_ascii_lowercase().as_str(),
                                "at" | "and"
                                    | "but"
                                    | "so"
                                    | "when"
                                    | "she"
                                    | "he"
                                    | "they"
                                    | "about"
                                    | "to"
                                    | "with"
                                    | "in"
                                    | "after"
                                    | "before"
                                    | "we"
                                    | "i"
                                    | "for"
                                    | "as"
                                    | "or"
                                    | "then"
                                    | "which"
                                    | "until"
                                    | "till"
                                    | "instead"
                                    | "too"
                                    | "was"
                                    | "is"
                            )
                    }
                };
                if ordinal && spaced && next_ok && (weekday || the) {
                    // A weekday is part of the date ("wed 14th"); a preposition is not.
                    let from = if weekday { i } else { i + 1 };
                    out.push(Span::new(toks[from].start, dt.end, Kind::Date));
                }
            }
            if let (Some(a), Some(b)) = (toks.get(i + 1), toks.get(i + 2)) {
                let cont = toks
                    .get(i + 3)
                    .is_some_and(|_| matches!(gap(s, toks, i + 3), "/" | "." | "-"));
                let of = toks
                    .get(i + 3)
                    .is_some_and(|t| t.text(s).eq_ignore_ascii_case("of"));
                let lead = gap(s, toks, i + 1);
                if matches!(gap(s, toks, i + 2), "/" | ".")
                    && is_space_gap(lead)
                    && !cont
                    && !of
                    && a.is_number()
                    && b.is_number()
                    && a.len() <= 2
                    && b.len() <= 2
                {
                    if let (Some(d), Some(m)) = (num(a, s), num(b, s)) {
                        if (1..=31).contains(&d) && (1..=12).contains(&m) {
                            let from = if is_weekday(&lower) { t.start } else { a.start };
                            out.push(Span::new(from, b.end, Kind::Date));
                        }
                    }
                }
            }
        }
        if let Some(span) = age_at(s, toks, i) {
            out.push(span);
        }
        i += 1;
    }
}

fn age_num(t: &Token, s: &str) -> Option<u32> {
    num(t, s).filter(|&n| n <= 120 && t.len() <= 3)
}

const UNITS: [&str; 19] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// "seven", "Forty": a number word that can start an age, compared without allocating
/// because the scanner asks this of every long word.
fn is_number_word(w: &str) -> bool {
    UNITS
        .iter()
        .chain(TENS.iter())
        .any(|u| u.eq_ignore_ascii_case(w))
}

/// An age written in words from token `i`: "seven", "forty", "forty-seven", "forty seven".
/// Returns the value and the index of its last token.
fn word_number(s: &str, toks: &[Token], i: usize) -> Option<(u32, usize)> {
    let t = toks.get(i)?;
    if !t.is_word() || t.len() > 9 {
        return None;
    }
    let w = t.text(s).to_ascii_lowercase();
    if let Some(u) = UNITS.iter().position(|&u| u == w) {
        return Some((u as u32 + 1, i));
    }
    let tens = TENS.iter().position(|&x| x == w)? as u32 * 10 + 20;
    if let Some(n) = toks.get(i + 1) {
        let g = gap(s, toks, i + 1);
        let unit = n.text(s).to_ascii_lowercase();
        if matches!(g, "-" | " ") {
            if let Some(u) = UNITS[..9].iter().position(|&u| u == unit) {
                return Some((tens + u as u32 + 1, i + 1));
            }
        }
    }
    Some((tens, i))
}

/// An age from token `i` in digits ("47") or words ("forty-seven"): value and last token.
fn age_value(s: &str, toks: &[Token], i: usize) -> Option<(u32, usize)> {
    let t = toks.get(i)?;
    if t.is_number() {
        return age_num(t, s).map(|n| (n, i));
    }
    word_number(s, toks, i)
}

/// Whether token `k` ends a date in digits: a year of four digits ("1950") or of two
/// after a slash, dot or dash ("1/1/50").
fn p_is_year(s: &str, toks: &[Token], k: usize) -> bool {
    let t = toks[k];
    let Some(n) = num(&t, s) else { return false };
    let joined = k > 0 && matches!(gap(s, toks, k), "/" | "." | "-");
    (t.len() == 4 && (1900..=2100).contains(&n)) || (t.len() == 2 && joined)
}

/// Who an appositive age describes: "her mum, 82, lives alone".
const PERSON_WORDS: &[&str] = &[
    "mum",
    "mother",
    "dad",
    "father",
    "husband",
    "wife",
    "partner",
    "son",
    "daughter",
    "brother",
    "sister",
    "nan",
    "gran",
    "grandad",
    "grandma",
    "grandpa",
    "grandson",
    "granddaughter",
    "man",
    "woman",
    "gentleman",
    "lady",
    "client",
    "patient",
    "carer",
    "neighbour",
    "friend",
    "aunt",
    "uncle",
    "nephew",
    "niece",
    "boy",
    "girl",
];

/// Exact ages starting at token `i`.
fn age_at(s: &str, toks: &[Token], i: usize) -> Option<Span> {
    let t = toks[i];
    if !t.is(super::text::HAS_DIGIT) && !(3..=4).contains(&t.len()) && !is_number_word(t.text(s)) {
        return None;
    }
    let lower = t.text(s).to_lowercase();
    // "aged 47", "age 47", "Age: 47", "age of 47".
    if matches!(lower.as_str(), "aged" | "age") {
        let mut j = i + 1;
        if toks
            .get(j)
            .is_some_and(|t| t.text(s).eq_ignore_ascii_case("of"))
            && lower == "age"
        {
            j += 1;
        }
        let n = toks.get(j)?;
        let g = gap(s, toks, j);
        // "aged forty-seven": an age in words.
        if matches!(g.trim(), "" | ":" | "-") && !n.is_number() {
            let (_, end) = word_number(s, toks, j)?;
            return Some(Span::new(t.start, toks[end].end, Kind::Age));
        }
        if matches!(g.trim(), "" | ":" | "-") && age_num(n, s).is_some() {
            // Not a range of ages handled elsewhere: "aged 18-25" is still an age band, keep it.
            let after = toks.get(j + 1).map(|_| gap(s, toks, j + 1)).unwrap_or("");
            if after.starts_with('-') && toks.get(j + 1).is_some_and(|t| t.is_number()) {
                return None;
            }
            return Some(Span::new(t.start, n.end, Kind::Age));
        }
        return None;
    }
    // "47yo", "47yrs".
    if t.is(super::text::HAS_DIGIT) && t.is(super::text::HAS_ALPHA) {
        let w = t.text(s);
        let d = w.bytes().take_while(u8::is_ascii_digit).count();
        let suf = w[d..].to_ascii_lowercase();
        if d > 0 && d <= 3 && matches!(suf.as_str(), "yo" | "yrs" | "yr" | "y") {
            return Some(Span::new(t.start, t.end, Kind::Age));
        }
        // "52M", "47F": clinical shorthand for age and sex, in capitals, not after "£".
        if d == 2 && matches!(&w[d..], "M" | "F") && !gap(s, toks, i).ends_with('£') {
            return Some(Span::new(t.start, t.end, Kind::Age));
        }
        // "50th birthday".
        if d > 0
            && matches!(suf.as_str(), "th" | "st" | "nd" | "rd")
            && toks
                .get(i + 1)
                .is_some_and(|n| n.text(s).to_ascii_lowercase().starts_with("birthday"))
        {
            return Some(Span::new(t.start, t.end, Kind::Age));
        }
        // "in his 47th year"; "celebrated her 90th." (an ordinal after his/her/their with
        // "year" or nothing after it).
        if d > 0 && matches!(suf.as_str(), "th" | "st" | "nd" | "rd") && i > 0 {
            let owner = matches!(
                toks[i - 1].text(s).to_ascii_lowercase().as_str(),
                "his" | "her" | "their" | "my"
            ) && is_space_gap(gap(s, toks, i));
            let n: u32 = w[..d].parse().unwrap_or(0);
            if owner && (13..=120).contains(&n) {
                if let Some(y) = toks.get(i + 1) {
                    if y.text(s).eq_ignore_ascii_case("year") && is_space_gap(gap(s, toks, i + 1)) {
                        return Some(Span::new(t.start, y.end, Kind::Age));
                    }
                }
                // "celebrated his 90th.", "his 90th in March", "her 80th at the club":
                // nothing counted follows ("her 15th session" is a count).
                let ends = toks.get(i + 1).is_none_or(|n| {
                    !is_space_gap(gap(s, toks, i + 1))
                        || matches!(
                            n.text(s).to_ascii_lowercase().as_str(),
                            "in" | "on" | "at" | "last" | "next" | "this" | "party" | "do"
                        )
                });
                if ends {
                    return Some(Span::new(t.start, t.end, Kind::Age));
                }
            }
        }
        return None;
    }
    // A word number only starts an age when "years old" or "year-old" follows; the digit
    // token is `i` and, for "forty-seven", the unit word is `i0`.
    let (_, i0) = age_value(s, toks, i)?;
    let in_words = !t.is_number();
    // "47 years old", "47-year-old", "47 yrs old", "47 years of age", "47 y/o", "47 yo",
    // "47 yrs".
    if let Some(u) = toks.get(i0 + 1) {
        let ul = u.text(s).to_ascii_lowercase();
        let g = gap(s, toks, i0 + 1);
        if matches!(g, " " | "-" | "\u{a0}") {
            if matches!(ul.as_str(), "years" | "year" | "yrs" | "yr") {
                if let Some(o) = toks.get(i0 + 2) {
                    let ol = o.text(s).to_ascii_lowercase();
                    // "79 years young" is how some notes say it kindly.
                    if (ol == "old" || ol == "young") && matches!(gap(s, toks, i0 + 2), " " | "-") {
                        return Some(Span::new(t.start, o.end, Kind::Age));
                    }
                    if ol == "of"
                        && toks
                            .get(i0 + 3)
                            .is_some_and(|a| a.text(s).eq_ignore_ascii_case("age"))
                    {
                        return Some(Span::new(t.start, toks[i0 + 3].end, Kind::Age));
                    }
                }
                // "63 yrs" on its own: the abbreviation is how notes give an age, but not
                // after a word that makes it a length of time ("for 20 yrs", "20 yrs ago").
                let ago = toks.get(i0 + 2).is_some_and(|o| {
                    matches!(
                        o.text(s).to_ascii_lowercase().as_str(),
                        "ago" | "since" | "later" | "before" | "earlier" | "in" | "of"
                    )
                });
                let during = i > 0
                    && matches!(
                        toks[i - 1].text(s).to_ascii_lowercase().as_str(),
                        "for"
                            | "over"
                            | "last"
                            | "past"
                            | "about"
                            | "after"
                            | "within"
                            | "nearly"
                            | "almost"
                            | "than"
                            | "the"
                    );
                if matches!(ul.as_str(), "yrs" | "yr") && !in_words && !ago && !during {
                    return Some(Span::new(t.start, u.end, Kind::Age));
                }
            }
            if !in_words
                && (ul == "yo"
                    || (ul == "y"
                        && toks
                            .get(i0 + 2)
                            .is_some_and(|o| o.text(s).eq_ignore_ascii_case("o"))))
            {
                let end = if ul == "y" { toks[i0 + 2].end } else { u.end };
                return Some(Span::new(t.start, end, Kind::Age));
            }
        }
    }
    // An age in words is only taken after "she's", "turned" and the like, and from
    // thirteen up ("she is one of...", "he's two weeks behind" are not ages).
    let (value, _) = age_value(s, toks, i)?;
    if in_words && value < 13 {
        return None;
    }
    // "her mum, 82, lives alone", "Mr Hale (82)", "Kwame (47)": a bare number set off by
    // commas or brackets right after a word for a person or a capitalised name.
    if i > 0 && !in_words {
        let before = gap(s, toks, i);
        let after = toks.get(i + 1).map_or(&s[t.end..], |_| gap(s, toks, i + 1));
        // "Eileen, 88 on Saturday, wants...": the age she turns, set off the same way.
        let turning = before == ", "
            && after == " "
            && toks.get(i + 1).is_some_and(|n| {
                let w = n.text(s).to_ascii_lowercase();
                (w == "on"
                    && toks
                        .get(i + 2)
                        .is_some_and(|d| is_weekday(&d.text(s).to_ascii_lowercase())))
                    || matches!(w.as_str(), "tomorrow" | "today" | "next")
            });
        // "DOB 1/1/1950 (75)": the age in brackets right after a date written in digits.
        let after_date = before == " (" && after.starts_with(')') && p_is_year(s, toks, i - 1);
        let set_off = (before == ", " && after.starts_with(','))
            || (before == " (" && after.starts_with(')'))
            || (turning && value >= 13);
        if after_date {
            return Some(Span::new(t.start, t.end, Kind::Age));
        }
        let p = toks[i - 1];
        let who = p.text(s).to_ascii_lowercase();
        let named = p.is_title() && !super::names::is_stop_word(&super::text::fold(p.text(s)));
        if set_off && (PERSON_WORDS.contains(&who.as_str()) || named) && value >= 2 {
            return Some(Span::new(t.start, t.end, Kind::Age));
        }
        // "lives w grandson Callum 19 who has ADHD": a bare number after a name that
        // follows a word for a person, where the clause ends or goes on about them.
        let about_them = after.is_empty()
            || after.starts_with([',', '.', ';', ')'])
            || (after == " "
                && toks.get(i + 1).is_some_and(|n| {
                    matches!(
                        n.text(s).to_ascii_lowercase().as_str(),
                        "who" | "and" | "has" | "is" | "was" | "lives" | "goes"
                    )
                }));
        let relation_before = i >= 2
            && is_space_gap(gap(s, toks, i - 1))
            && PERSON_WORDS.contains(&toks[i - 2].text(s).to_ascii_lowercase().as_str());
        if before == " " && named && relation_before && about_them && (2..=110).contains(&value) {
            return Some(Span::new(t.start, t.end, Kind::Age));
        }
    }
    // "she's 47", "he is 47", "turned 50".
    if i >= 1 {
        let word = |k: usize| toks[k].text(s).to_lowercase().replace('\u{2019}', "'");
        // "he is now 47", "she's nearly 60": look past one softening word.
        let mut b = i - 1;
        if b >= 1
            && matches!(
                word(b).as_str(),
                "now" | "just" | "nearly" | "almost" | "only" | "already"
            )
        {
            b -= 1;
        }
        let p = word(b);
        let pp = if b >= 1 { word(b - 1) } else { String::new() };
        // "Kwame is 47", "mum is 82", "client is 47": a person word or a capitalised
        // gazetteer name before "is".
        let person_before = b >= 1 && {
            let pt = toks[b - 1];
            PERSON_WORDS.contains(&pp.as_str())
                || matches!(pp.as_str(), "pt" | "mum's" | "dad's")
                || ((pt.is_title() || pt.is(super::text::ALL_LOWER)) && {
                    let f = super::text::fold(pt.text(s));
                    super::gazetteer::is_name(&f)
                        && !super::names::is_stop_word(&f)
                        && (pt.is_title() || !super::gazetteer::is_ambiguous_name(&f))
                })
        };
        let pronoun_is = matches!(p.as_str(), "she's" | "he's" | "they're" | "i'm")
            || (matches!(p.as_str(), "is" | "was")
                && (matches!(pp.as_str(), "he" | "she" | "who") || person_before))
            || (p == "be"
                && matches!(
                    pp.as_str(),
                    "he'll" | "she'll" | "they'll" | "i'll" | "will" | "would" | "he'd" | "she'd"
                ))
            || matches!(p.as_str(), "turned" | "turns" | "turning");
        if pronoun_is && is_space_gap(gap(s, toks, i)) {
            let (_, last) = age_value(s, toks, i)?;
            let next = toks.get(last + 1);
            let unit =
                next.is_some_and(|u| AGE_UNITS.contains(&u.text(s).to_ascii_lowercase().as_str()));
            let g_after = next.map(|_| gap(s, toks, last + 1)).unwrap_or("");
            let joined =
                g_after.starts_with(['%', '/', ':', '.']) && next.is_some_and(|u| u.is_number());
            // "she is forty-seven" in words: not when a noun follows ("he is twenty minutes
            // late" is caught by the units; "fifty pence" is not an age).
            let word_noun = in_words
                && next.is_some_and(|u| u.is_word() && is_space_gap(g_after))
                && !next.is_some_and(|u| {
                    matches!(
                        u.text(s).to_ascii_lowercase().as_str(),
                        "and"
                            | "but"
                            | "so"
                            | "now"
                            | "this"
                            | "next"
                            | "in"
                            | "on"
                            | "today"
                            | "years"
                            | "soon"
                            | "tomorrow"
                            | "yesterday"
                            | "last"
                            | "when"
                            | "with"
                            | "at"
                            | "by"
                            | "then"
                            | "or"
                    )
                });
            if !unit && !joined && !g_after.starts_with('%') && !word_noun {
                return Some(Span::new(t.start, toks[last].end, Kind::Age));
            }
        }
    }
    None
}

// ---- replacements ----------------------------------------------------------------------

/// The replacement for a DATE span of `s`: "week of ...", "[date of birth]" or "[date]".
pub(crate) fn date_replacement(s: &str, start: usize, end: usize) -> String {
    if birth_context(s, start) {
        return "[date of birth]".into();
    }
    let raw = &s[start..end];
    let toks = tokenize(raw);
    let m = (0..toks.len()).find_map(|i| match_at(raw, &toks, i));
    match m {
        Some(DateMatch {
            day: Some(d),
            month: Some(mo),
            year: Some(y),
            ..
        }) => match week_of(y, mo, d) {
            Some(w) => w,
            None => "[date]".into(),
        },
        _ => "[date]".into(),
    }
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// "week of 3 Mar 2025": the Monday of the week containing the date.
pub(crate) fn week_of(y: i32, m: u32, d: u32) -> Option<String> {
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    let days = days_from_civil(y, m, d);
    let monday = days - (days + 3).rem_euclid(7);
    let (wy, wm, wd) = civil_from_days(monday);
    Some(format!(
        "week of {wd} {} {wy}",
        MONTH_ABBR[(wm - 1) as usize]
    ))
}

const DECADES: [(&str, &str); 5] = [
    ("twenties", "twenty"),
    ("thirties", "thirty"),
    ("forties", "forty"),
    ("fifties", "fifty"),
    ("sixties", "sixty"),
];

/// The life stage that replaces an AGE span, shaped to fit where the age stood.
pub(crate) fn age_replacement(raw: &str) -> String {
    let toks = tokenize(raw);
    // The number in digits, or failing that in words ("aged forty-seven").
    let (w, age) = match toks.iter().find(|t| t.is(super::text::HAS_DIGIT)) {
        Some(nt) => {
            let w = nt.text(raw);
            let d = w.bytes().take_while(u8::is_ascii_digit).count();
            let Ok(age) = w[..d].parse::<u32>() else {
                return "[age]".into();
            };
            (w, age)
        }
        None => match (0..toks.len()).find_map(|k| word_number(raw, &toks, k)) {
            Some((age, _)) => ("", age),
            None => return "[age]".into(),
        },
    };
    let d = w.bytes().take_while(u8::is_ascii_digit).count();
    let first = toks
        .first()
        .map(|t| t.text(raw).to_ascii_lowercase())
        .unwrap_or_default();
    let words: Vec<String> = toks
        .iter()
        .map(|t| t.text(raw).to_ascii_lowercase())
        .collect();
    let suffix = w[d..].to_ascii_lowercase();
    if matches!(suffix.as_str(), "th" | "st" | "nd" | "rd") {
        return "[age]".into();
    }
    let adjectival =
        words.iter().any(|w| w == "year" || w == "yr") && words.last().is_some_and(|w| w == "old");
    let after_aged = first.starts_with("age");
    let bare = toks.len() == 1 && suffix.is_empty() && d > 0;
    if adjectival {
        return match age {
            0..=12 => "young".into(),
            13..=19 => "teenage".into(),
            20..=64 => format!("{}-something", DECADES[(age / 10 - 2) as usize].1),
            _ => "older".into(),
        };
    }
    if bare {
        // "she's 47", "turned 50": the number alone.
        return match age {
            0..=12 => "a child".into(),
            13..=19 => "a teenager".into(),
            20..=64 => format!("in their {}", DECADES[(age / 10 - 2) as usize].0),
            _ => "an older adult".into(),
        };
    }
    match age {
        0..=12 => {
            if after_aged {
                "of school age or younger".into()
            } else {
                "a child".into()
            }
        }
        13..=17 => "in their teens".into(),
        18..=19 => "in their late teens".into(),
        20..=64 => format!("in their {}", DECADES[(age / 10 - 2) as usize].0),
        _ => {
            if after_aged {
                "in later life".into()
            } else {
                "an older adult".into()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(s: &str) -> Vec<(Kind, &str)> {
        super::super::scanned(s, scan)
            .iter()
            .map(|sp| (sp.kind, &s[sp.start..sp.end]))
            .collect()
    }

    #[test]
    fn dashed_and_lower_case_month_dates_are_found() {
        assert_eq!(found("court 3-Mar-24 then"), [(Kind::Date, "3-Mar-24")]);
        assert_eq!(found("the 3rd of march"), [(Kind::Date, "3rd of march")]);
        assert_eq!(found("in on 1 may 2023"), [(Kind::Date, "1 may 2023")]);
        assert_eq!(found("On March 3 she rang"), [(Kind::Date, "March 3")]);
        // Without a cue a lower-case "may" is the verb and "May 3" needs one.
        assert!(found("we 3 may go").is_empty());
        assert!(found("in May 3 sessions ran").is_empty());
    }

    #[test]
    fn ages_in_words_and_abbreviations_are_found() {
        assert_eq!(
            found("a man aged forty-seven"),
            [(Kind::Age, "aged forty-seven")]
        );
        assert_eq!(
            found("she is eighty-two years old"),
            [(Kind::Age, "eighty-two years old")]
        );
        assert_eq!(found("a 63 yrs man"), [(Kind::Age, "63 yrs")]);
        assert_eq!(found("he is now 58"), [(Kind::Age, "58")]);
        assert_eq!(found("he'll be 60 soon"), [(Kind::Age, "60")]);
        assert_eq!(found("her mum, 82, lives"), [(Kind::Age, "82")]);
    }

    #[test]
    fn ages_followed_by_a_preposition_or_said_kindly_are_found() {
        assert_eq!(
            found("She's thirty-four with two kids"),
            [(Kind::Age, "thirty-four")]
        );
        assert_eq!(
            found("she's 79 years young"),
            [(Kind::Age, "79 years young")]
        );
        assert_eq!(
            found("He celebrated his 90th in March"),
            [(Kind::Age, "90th")]
        );
        assert_eq!(
            found("planning her 80th at the club"),
            [(Kind::Age, "80th")]
        );
        // Counts of things are not ages.
        assert_eq!(found("Eileen, 88 on Saturday, wants"), [(Kind::Age, "88")]);
        assert_eq!(found("her mum, 90 next week, is"), [(Kind::Age, "90")]);
        assert!(found("Eileen, 3 on Saturday were late").is_empty());
        assert!(found("her 15th session with us").is_empty());
        assert!(found("he is twenty minutes late").is_empty());
        assert!(found("she is forty pence short").is_empty());
    }

    #[test]
    fn durations_decades_and_counts_are_not_ages() {
        assert!(found("worked there for 20 yrs").is_empty());
        assert!(found("left 20 yrs ago").is_empty());
        assert!(found("in his late 40s").is_empty());
        assert!(found("rooms 3, 4, 5").is_empty());
    }

    #[test]
    fn ages_in_words_become_life_stages() {
        assert_eq!(age_replacement("aged forty-seven"), "in their forties");
        assert_eq!(age_replacement("fifty-five-year-old"), "fifty-something");
    }
}
