//! A small English stemmer for search, so that "debts" finds "debt", "housing" finds
//! "house" and "phoned" finds "phone". It is the inflectional part of Porter2 (the
//! Snowball "english" algorithm: steps 0, 1a, 1b and 1c and the final-e rule of step 5,
//! with its regions, short-word rule and exceptions) and deliberately stops there:
//! plurals, "-ed", "-ing" and a final "y" are how the same word turns up in notes,
//! while Porter2's other steps ("-ation", "-ness", "-ment") join words a worker means
//! apart ("general" and "generous"). Written here rather than taken from a crate because the one well-kept
//! crate carries every Snowball language into the browser bundle. Only ASCII words are
//! stemmed; any other word is its own stem.
//!
//! One property matters to the search's narrowing: a stem differs from the start of
//! the word it came from in its last letter at most ("hoping" is "hope", "crying"
//! "cri"), so every word contains its stem less the last letter. Porter2's exceptions
//! that break this ("dying" is "die") are left out.

/// The stem of one lowercase word, as UTF-8 in `w` (cleared first), so that stemming a
/// whole journal reuses one buffer instead of allocating for every word.
pub fn stem_into(word: &str, w: &mut Vec<u8>) {
    w.clear();
    let word = word.strip_prefix('\'').unwrap_or(word);
    if word.len() <= 2 || !word.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'') {
        w.extend_from_slice(word.as_bytes());
        return;
    }
    if let Some(special) = exception(word) {
        w.extend_from_slice(special.as_bytes());
        return;
    }
    w.extend_from_slice(word.as_bytes());
    let w = &mut *w;
    // Prelude: a "y" at the start or after a vowel is a consonant, written 'Y'.
    for i in 0..w.len() {
        if w[i] == b'y' && (i == 0 || is_vowel(w[i - 1])) {
            w[i] = b'Y';
        }
    }
    let r1 = region1(w);
    let r2 = region2(w, r1);
    step0(w);
    step1a(w);
    if !matches!(
        &w[..],
        b"inning"
            | b"outing"
            | b"canning"
            | b"herring"
            | b"earring"
            | b"proceed"
            | b"exceed"
            | b"succeed"
    ) {
        step1b(w, r1);
        step1c(w);
        final_e(w, r1, r2);
    }
    for b in w.iter_mut() {
        if *b == b'Y' {
            *b = b'y';
        }
    }
}

/// The stem of one word, for tests.
pub fn stem(word: &str) -> String {
    let mut out = Vec::new();
    stem_into(word, &mut out);
    // Only whole ASCII suffixes are ever cut or added, so the bytes stay UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// The stem a search word is looked up by: its stem, unless the only change was to drop
/// a final "e". A word still being typed often ends in "e" ("liste" on the way to
/// "listened"), and looking it up as "list" would find unrelated words; a whole word
/// such as "house" is found by its own letters anyway.
pub fn query_stem(word: &str) -> String {
    let mut out = stem(word);
    if word.strip_suffix('e') == Some(out.as_str()) {
        out.push('e');
    }
    out
}

fn exception(word: &str) -> Option<&'static str> {
    Some(match word {
        "skis" => "ski",
        "skies" => "sky",
        "news" => "news",
        "atlas" => "atlas",
        "cosmos" => "cosmos",
        "bias" => "bias",
        "andes" => "andes",
        "howe" => "howe",
        "sky" => "sky",
        _ => return None,
    })
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Where R1 starts: after the first non-vowel that follows a vowel, or after one of
/// the prefixes Porter2 names.
fn region1(w: &[u8]) -> usize {
    for prefix in [&b"gener"[..], b"commun", b"arsen"] {
        if w.starts_with(prefix) {
            return prefix.len();
        }
    }
    (1..w.len())
        .find(|&i| !is_vowel(w[i]) && is_vowel(w[i - 1]))
        .map_or(w.len(), |i| i + 1)
}

/// Where R2 starts: R1's own R1.
fn region2(w: &[u8], r1: usize) -> usize {
    (r1 + 1..w.len())
        .find(|&i| !is_vowel(w[i]) && is_vowel(w[i - 1]))
        .map_or(w.len(), |i| i + 1)
}

fn ends(w: &[u8], suffix: &str) -> bool {
    w.ends_with(suffix.as_bytes())
}

fn has_vowel(w: &[u8]) -> bool {
    w.iter().any(|&b| is_vowel(b))
}

/// Step 0: the possessive and a stray apostrophe.
fn step0(w: &mut Vec<u8>) {
    for suffix in ["'s'", "'s", "'"] {
        if ends(w, suffix) {
            w.truncate(w.len() - suffix.len());
            return;
        }
    }
}

/// Step 1a: plurals.
fn step1a(w: &mut Vec<u8>) {
    if ends(w, "sses") {
        w.truncate(w.len() - 2);
    } else if ends(w, "ied") || ends(w, "ies") {
        // "ties" becomes "tie", "cries" "cri".
        let keep = if w.len() > 4 { 1 } else { 2 };
        w.truncate(w.len() - 3 + keep);
    } else if ends(w, "s") && !ends(w, "us") && !ends(w, "ss") {
        // Drop the s if a vowel comes before the letter before it: "gaps", not "gas".
        let stem = &w[..w.len() - 1];
        if stem.len() >= 2 && has_vowel(&stem[..stem.len() - 1]) {
            w.pop();
        }
    }
}

/// Step 1b: "-eed", "-ed", "-ing" and their "-ly" forms, then tidying the end ("hoping"
/// to "hope", "stopped" to "stop").
fn step1b(w: &mut Vec<u8>, r1: usize) {
    for suffix in ["eedly", "eed"] {
        if ends(w, suffix) {
            if w.len() - suffix.len() >= r1 {
                w.truncate(w.len() - suffix.len() + 2);
            }
            return;
        }
    }
    let Some(suffix) = ["ingly", "edly", "ing", "ed"]
        .into_iter()
        .find(|s| ends(w, s))
    else {
        return;
    };
    let stem_len = w.len() - suffix.len();
    if !has_vowel(&w[..stem_len]) {
        return;
    }
    w.truncate(stem_len);
    if ends(w, "at") || ends(w, "bl") || ends(w, "iz") {
        w.push(b'e');
    } else if let [.., a, b] = w[..] {
        if a == b
            && matches!(
                a,
                b'b' | b'd' | b'f' | b'g' | b'm' | b'n' | b'p' | b'r' | b't'
            )
        {
            w.pop();
        } else if is_short(w) {
            w.push(b'e');
        }
    }
}

/// Step 1c: a final "y" after a consonant that is not the first letter becomes "i", so
/// "cry" and "cries" meet at "cri".
fn step1c(w: &mut [u8]) {
    let n = w.len();
    if n > 2 && matches!(w[n - 1], b'y' | b'Y') && !is_vowel(w[n - 2]) {
        w[n - 1] = b'i';
    }
}

/// Step 5's final "e": dropped in R2, or in R1 unless a short syllable comes before it,
/// so "house" and "housing" meet at "hous" while "hope" keeps its "e" to meet "hoping".
fn final_e(w: &mut Vec<u8>, r1: usize, r2: usize) {
    if w.last() == Some(&b'e') {
        let at = w.len() - 1;
        if at >= r2 || (at >= r1 && !ends_in_short_syllable(&w[..at])) {
            w.pop();
        }
    }
}

/// A short word: R1 is empty and it ends in a short syllable ("hop", "at").
fn is_short(w: &[u8]) -> bool {
    region1(w) >= w.len() && ends_in_short_syllable(w)
}

fn ends_in_short_syllable(w: &[u8]) -> bool {
    match w {
        [a, b] => is_vowel(*a) && !is_vowel(*b),
        [.., a, b, c] => {
            !is_vowel(*a) && is_vowel(*b) && !is_vowel(*c) && !matches!(c, b'w' | b'x' | b'Y')
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each word and its stem. Cases from the Snowball English vocabulary's first steps.
    #[track_caller]
    fn check(word: &str, expected: &str) {
        assert_eq!(stem(word), expected, "stemming {word:?}");
    }

    #[test]
    fn plurals_and_possessives_lose_their_endings() {
        check("debts", "debt");
        check("debt", "debt");
        check("houses", "hous");
        check("caresses", "caress");
        check("ties", "tie");
        check("cries", "cri");
        check("gas", "gas");
        check("gaps", "gap");
        check("kiwis", "kiwi");
        check("bus", "bus");
        check("class", "class");
        check("carer's", "carer");
        check("carers'", "carer");
        check("'tis", "tis");
    }

    #[test]
    fn ed_and_ing_forms_meet_the_plain_word() {
        check("phoned", "phone");
        check("phoning", "phone");
        check("phone", "phone");
        check("housing", "hous");
        check("house", "hous");
        check("hoping", "hope");
        check("hope", "hope");
        check("hopping", "hop");
        check("stopped", "stop");
        check("listening", "listen");
        check("listened", "listen");
        check("agreed", "agre");
        check("feed", "feed");
        check("luxuriating", "luxuriat");
        check("troubled", "troubl");
        check("trouble", "troubl");
        check("sized", "size");
        check("falling", "fall");
        check("hissed", "hiss");
        check("bled", "bled");
        check("sing", "sing");
        check("exceedingly", "exceed");
        check("generated", "generat");
        check("agree", "agre");
    }

    #[test]
    fn a_final_y_after_a_consonant_becomes_i() {
        check("cry", "cri");
        check("happy", "happi");
        check("by", "by");
        check("say", "say");
        check("enjoy", "enjoy");
        check("yelling", "yell");
    }

    #[test]
    fn every_word_contains_its_stem_less_the_last_letter() {
        for word in [
            "hoping",
            "crying",
            "cries",
            "skies",
            "agreed",
            "troubled",
            "houses",
            "'tis",
            "carers'",
            "generated",
            "stopped",
            "happy",
            "dying",
            "exceedingly",
            "sized",
        ] {
            let s = stem(word);
            let start = &s[..s.len().saturating_sub(1)];
            assert!(word.contains(start), "{word:?} lacks {start:?} of {s:?}");
        }
    }

    #[test]
    fn a_search_word_that_only_loses_a_final_e_is_looked_up_as_typed() {
        assert_eq!(query_stem("liste"), "liste");
        assert_eq!(query_stem("house"), "house");
        assert_eq!(query_stem("housing"), "hous");
        assert_eq!(query_stem("houses"), "hous");
        assert_eq!(query_stem("hoping"), "hope");
    }

    #[test]
    fn short_words_exceptions_and_other_scripts_are_left_alone() {
        check("is", "is");
        check("as", "as");
        check("skies", "sky");
        check("dying", "dy");
        check("news", "news");
        check("inning", "inning");
        check("being", "be");
        check("using", "use");
        check("café", "café");
        check("δεν", "δεν");
        check("", "");
    }
}
