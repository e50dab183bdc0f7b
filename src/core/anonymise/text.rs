//! Shared text plumbing for the scanners: one pass that splits a note into word tokens
//! with byte offsets, plus the case folding every name comparison uses. Scanners that care
//! about words (names, dates, addresses) work on these tokens; scanners that care about
//! digit and symbol shapes (phones, emails) walk the bytes themselves.

/// One run of letters and digits (with apostrophes inside words, so "O'Neill's" is one
/// token). Offsets are byte offsets into the scanned text and always on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub flags: u8,
}

pub(crate) const HAS_ALPHA: u8 = 1;
pub(crate) const HAS_DIGIT: u8 = 2;
/// First char is an upper-case letter.
pub(crate) const UPPER_FIRST: u8 = 4;
/// Has letters and none of them is lower case ("NHS", "OX4").
pub(crate) const ALL_UPPER: u8 = 8;
/// Has letters and none of them is upper case.
pub(crate) const ALL_LOWER: u8 = 16;
/// First token of a sentence, line or bullet.
pub(crate) const SENTENCE_START: u8 = 32;

impl Token {
    pub fn text<'a>(&self, s: &'a str) -> &'a str {
        &s[self.start..self.end]
    }
    pub fn is(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
    pub fn is_number(&self) -> bool {
        self.is(HAS_DIGIT) && !self.is(HAS_ALPHA)
    }
    pub fn is_word(&self) -> bool {
        self.is(HAS_ALPHA) && !self.is(HAS_DIGIT)
    }
    /// Title case: "Okafor", "McDonald", "O'Neill" (not "NHS", not "okafor").
    pub fn is_title(&self) -> bool {
        self.is_word() && self.is(UPPER_FIRST) && !self.is(ALL_UPPER)
    }
    /// A capitalised word of either shape, including all-capital ones of two letters or more.
    pub fn is_capitalised(&self) -> bool {
        self.is_word() && self.is(UPPER_FIRST)
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Splits `s` into tokens. Never panics; every offset is a char boundary.
pub(crate) fn tokenize(s: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(s.len() / 5 + 1);
    let mut cur: Option<Token> = None;
    let mut seen_lower = false;
    let mut seen_upper = false;
    // Whether a sentence boundary was seen since the previous token ended.
    let mut boundary = true;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_alphanumeric() {
            let tok = cur.get_or_insert_with(|| {
                seen_lower = false;
                seen_upper = false;
                let mut flags = 0;
                if c.is_uppercase() {
                    flags |= UPPER_FIRST;
                }
                if boundary {
                    flags |= SENTENCE_START;
                }
                Token {
                    start: i,
                    end: i,
                    flags,
                }
            });
            if c.is_alphabetic() {
                tok.flags |= HAS_ALPHA;
                if c.is_lowercase() {
                    seen_lower = true;
                } else if c.is_uppercase() {
                    seen_upper = true;
                }
            } else {
                tok.flags |= HAS_DIGIT;
            }
            tok.end = i + c.len_utf8();
            continue;
        }
        // An apostrophe between two letters stays inside the word ("O'Neill", "Okafor’s").
        if is_apostrophe(c) {
            if let Some(tok) = cur.as_mut() {
                if let Some(&(_, next)) = iter.peek() {
                    if next.is_alphabetic() && tok.is(HAS_ALPHA) {
                        tok.end = i + c.len_utf8();
                        continue;
                    }
                }
            }
        }
        if let Some(mut tok) = cur.take() {
            finish(&mut tok, seen_lower, seen_upper);
            out.push(tok);
            boundary = false;
        }
        match c {
            '.' | '!' | '?' | '\n' | '\r' | ':' | ';' | '\u{2022}' | '*' | '"' | '\u{201C}'
            | '(' | '[' => boundary = true,
            '-' if out.last().is_none_or(|t| s[t.end..i].contains('\n')) => boundary = true,
            _ => {}
        }
    }
    if let Some(mut tok) = cur.take() {
        finish(&mut tok, seen_lower, seen_upper);
        out.push(tok);
    }
    out
}

fn finish(tok: &mut Token, seen_lower: bool, seen_upper: bool) {
    if tok.is(HAS_ALPHA) {
        if !seen_lower {
            tok.flags |= ALL_UPPER;
        }
        if !seen_upper {
            tok.flags |= ALL_LOWER;
        }
    }
}

/// The text between token `i - 1` and token `i` (empty for the first token's left side
/// is the text from the start).
pub(crate) fn gap_before<'a>(s: &'a str, toks: &[Token], i: usize) -> &'a str {
    match i {
        0 => &s[..toks.first().map_or(0, |t| t.start)],
        _ => &s[toks[i - 1].end..toks[i].start],
    }
}

/// True when the gap is only ordinary spacing (no punctuation, at most one line break).
pub(crate) fn is_space_gap(g: &str) -> bool {
    !g.is_empty() && g.chars().all(|c| c == ' ' || c == '\u{a0}' || c == '\t')
}

/// Lower-cases and strips the diacritics people often drop ("Zoë" = "Zoe", "Łukasz" =
/// "Lukasz"), and straightens curly apostrophes, so names compare the way a reader would.
pub(crate) fn fold_into(s: &str, out: &mut String) {
    out.clear();
    for c in s.chars() {
        match fold_char(c) {
            Some(f) => out.push(f),
            None => out.extend(c.to_lowercase()),
        }
    }
}

pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    Some(match c {
        '\u{2019}' | '\u{2018}' => '\'',
        'à'..='å' | 'À'..='Å' | 'ā' | 'Ā' | 'ă' | 'Ă' | 'ą' | 'Ą' => 'a',
        'ç' | 'Ç' | 'ć' | 'Ć' | 'č' | 'Č' => 'c',
        'ď' | 'Ď' | 'đ' | 'Đ' => 'd',
        'è'..='ë' | 'È'..='Ë' | 'ē' | 'Ē' | 'ė' | 'Ė' | 'ę' | 'Ę' | 'ě' | 'Ě' => 'e',
        'ğ' | 'Ğ' => 'g',
        'ì'..='ï' | 'Ì'..='Ï' | 'ī' | 'Ī' | 'į' | 'Į' | 'ı' | 'İ' => 'i',
        'ł' | 'Ł' | 'ľ' | 'Ľ' => 'l',
        'ñ' | 'Ñ' | 'ń' | 'Ń' | 'ň' | 'Ň' => 'n',
        'ò'..='ö' | 'Ò'..='Ö' | 'ø' | 'Ø' | 'ō' | 'Ō' | 'ő' | 'Ő' => 'o',
        'ř' | 'Ř' => 'r',
        'ś' | 'Ś' | 'š' | 'Š' | 'ş' | 'Ş' | 'ș' | 'Ș' => 's',
        'ť' | 'Ť' | 'ț' | 'Ț' | 'ţ' | 'Ţ' => 't',
        'ù'..='ü' | 'Ù'..='Ü' | 'ū' | 'Ū' | 'ů' | 'Ů' | 'ű' | 'Ű' => 'u',
        'ý' | 'Ý' | 'ÿ' => 'y',
        'ź' | 'Ź' | 'ż' | 'Ż' | 'ž' | 'Ž' => 'z',
        _ => return None,
    })
}

/// Strips an English possessive from a folded word: "o'neill's" -> "o'neill".
pub(crate) fn strip_possessive(folded: &str) -> &str {
    folded
        .strip_suffix("'s")
        .filter(|r| !r.is_empty())
        .unwrap_or(folded)
}

/// Byte length of a trailing possessive in the raw token text ("’s" is 4 bytes).
pub(crate) fn possessive_len(raw: &str) -> usize {
    for suf in ["'s", "'S", "\u{2019}s", "\u{2019}S"] {
        if raw.len() > suf.len() && raw.ends_with(suf) {
            return suf.len();
        }
    }
    0
}

/// Moves `i` back to the nearest char boundary (for spans a caller hands in).
pub(crate) fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Moves `i` forward to the nearest char boundary.
pub(crate) fn ceil_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &[&str]) {
        let toks = tokenize(input);
        let got: Vec<&str> = toks.iter().map(|t| t.text(input)).collect();
        assert_eq!(got, expected, "tokens of {input:?}");
    }

    #[test]
    fn words_keep_inner_apostrophes_and_split_on_hyphens() {
        check("O'Neill's dog", &["O'Neill's", "dog"]);
        check("Okafor’s flat", &["Okafor’s", "flat"]);
        check("James' car", &["James", "car"]);
        check(
            "Smith-Jones, 47-year-old",
            &["Smith", "Jones", "47", "year", "old"],
        );
        check("£1,200.50 at 10:30", &["1", "200", "50", "at", "10", "30"]);
        check("Zoë met Łukasz", &["Zoë", "met", "Łukasz"]);
    }

    #[test]
    fn sentence_starts_are_marked_after_full_stops_and_line_breaks() {
        let s = "Will came. May left\n- Hope rang and Grace";
        let toks = tokenize(s);
        let starts: Vec<&str> = toks
            .iter()
            .filter(|t| t.is(SENTENCE_START))
            .map(|t| t.text(s))
            .collect();
        assert_eq!(starts, ["Will", "May", "Hope"]);
    }

    #[test]
    fn folding_drops_case_diacritics_and_curly_apostrophes() {
        assert_eq!(fold("ZOË O’NEILL"), "zoe o'neill");
        assert_eq!(fold("Łukasz"), "lukasz");
        assert_eq!(strip_possessive("o'neill's"), "o'neill");
        assert_eq!(strip_possessive("'s"), "'s");
    }
}
