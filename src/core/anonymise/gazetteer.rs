//! The embedded word lists that tell a name from an ordinary capitalised word: a gazetteer
//! of about 22,000 forenames and surnames from the communities the NHS serves (Anglo,
//! Welsh, Scottish, Irish, British South Asian, West, East and Southern African, Caribbean,
//! Eastern European, Turkish and Kurdish, Chinese, Vietnamese, Arabic), the subset of those
//! that are also everyday English words ("Will", "May", "Hope", "Brown"), about 1,000
//! common English words, and English nicknames ("Maggie" and "Peggy" for "Margaret"). The
//! lists live in `data/` as sorted, folded, newline-separated text (see `data/README.md`
//! for sources, licences and how they were derived) and are searched in place by binary
//! search, so they cost no start-up time and no allocation; only the nickname table is
//! indexed, once, the first time a worker's list of names is prepared.

/// The gazetteer, front-coded (see `data/derive.py`): decoded once by [`names`].
const NAMES_FRONT_CODED: &str = include_str!("data/names.fc.txt");
const AMBIGUOUS: &str = include_str!("data/ambiguous.txt");
const COMMON: &str = include_str!("data/common_words.txt");
/// One line per name with nicknames: "margaret daisy madge maggie ...".
const NICKNAMES: &str = include_str!("data/nicknames.txt");

/// Binary search for a whole line equal to `word` in a byte-sorted list of lines.
fn contains(list: &str, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let bytes = list.as_bytes();
    let (mut lo, mut hi) = (0usize, bytes.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        // Find the start of the line containing `mid`, and its end.
        let start = bytes[..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let end = bytes[mid..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |p| mid + p);
        let line = &list[start..end];
        match line.as_bytes().cmp(word.as_bytes()) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

/// The gazetteer as sorted, newline-separated names, decoded from its front-coded form the
/// first time a name is looked up (about 23,000 lines; well under a millisecond natively).
/// Front coding lets the download carry about a quarter fewer gzip bytes than the plain
/// list, and the decoded text is searched exactly as the plain list was.
fn names() -> &'static str {
    use std::sync::OnceLock;
    static NAMES: OnceLock<String> = OnceLock::new();
    NAMES.get_or_init(|| decode_front_coded(NAMES_FRONT_CODED))
}

/// Each line of `fc` is one byte `'0' + n`, saying how many leading bytes the entry shares
/// with the one before, then the rest of the entry. A malformed line (a shared length past
/// the previous entry) is cut to what is valid rather than panicking.
fn decode_front_coded(fc: &str) -> String {
    let mut out = String::with_capacity(fc.len() * 2);
    let mut prev = String::new();
    for line in fc.lines() {
        let Some(&first) = line.as_bytes().first() else {
            continue;
        };
        let shared = usize::from(first.saturating_sub(b'0')).min(prev.len());
        let shared = (0..=shared)
            .rev()
            .find(|&k| prev.is_char_boundary(k))
            .unwrap_or(0);
        prev.truncate(shared);
        prev.push_str(line.get(1..).unwrap_or(""));
        out.push_str(&prev);
        out.push('\n');
    }
    out
}

/// `folded` is a forename or surname in the gazetteer.
pub(crate) fn is_name(folded: &str) -> bool {
    contains(names(), folded)
}

/// `folded` is a name that is also an everyday word, so it needs more evidence.
pub(crate) fn is_ambiguous_name(folded: &str) -> bool {
    contains(AMBIGUOUS, folded)
}

/// `folded` is one of about a thousand common English words.
pub(crate) fn is_common_word(folded: &str) -> bool {
    contains(COMMON, folded)
}

/// Names linked to `folded` by the nickname table, one step either way: a name's
/// nicknames ("margaret" -> "maggie", "peggy") and the names a nickname is short for
/// ("maggie" -> "margaret"). Empty for names without nicknames.
pub(crate) fn nickname_variants(folded: &str) -> &'static [&'static str] {
    use std::collections::BTreeMap;
    use std::sync::OnceLock;
    static INDEX: OnceLock<BTreeMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut m: BTreeMap<&'static str, Vec<&'static str>> = BTreeMap::new();
        for line in NICKNAMES.lines() {
            let mut words = line.split(' ');
            let Some(name) = words.next() else { continue };
            for nick in words.filter(|w| !w.is_empty()) {
                m.entry(name).or_default().push(nick);
                m.entry(nick).or_default().push(name);
            }
        }
        for v in m.values_mut() {
            v.sort_unstable();
            v.dedup();
        }
        m
    });
    index.get(folded).map_or(&[], Vec::as_slice)
}

/// Bytes the embedded lists add to the program (before compression).
pub const EMBEDDED_BYTES: usize =
    NAMES_FRONT_CODED.len() + AMBIGUOUS.len() + COMMON.len() + NICKNAMES.len();

#[cfg(test)]
mod tests {
    use super::*;

    fn check(word: &str, name: bool, ambiguous: bool) {
        assert_eq!(
            (is_name(word), is_ambiguous_name(word)),
            (name, ambiguous),
            "{word}"
        );
    }

    #[test]
    fn common_uk_names_are_in_the_gazetteer() {
        check("okafor", true, false);
        check("patel", true, false);
        check("margaret", true, false);
        check("siobhan", true, false);
        check("mohammed", true, false);
        check("o'neill", true, false);
    }

    #[test]
    fn names_from_every_community_the_nhs_serves_are_in_the_gazetteer() {
        // West, East and Southern African; Caribbean; British South Asian; Arabic; Chinese
        // and Vietnamese; Eastern European; Turkish; Welsh; Scottish; Irish; Anglo.
        for w in [
            "kwame",
            "adebayo",
            "oluwaseun",
            "chiamaka",
            "wanjiru",
            "otieno",
            "thabo",
            "nomvula",
            "tendai",
            "delroy",
            "shanice",
            "gurpreet",
            "harjit",
            "anjali",
            "rukhsana",
            "abdirahman",
            "khadija",
            "mustafa",
            "xiaoming",
            "zhang",
            "cheung",
            "nguyen",
            "agnieszka",
            "wojciech",
            "kowalczyk",
            "andrius",
            "jurgita",
            "ionut",
            "oksana",
            "shevchenko",
            "mehmet",
            "yilmaz",
            "dafydd",
            "eilidh",
            "siobhan",
            "padraig",
            "doherty",
            "margaret",
            "maggie",
            "peggy",
        ] {
            assert!(is_name(w), "{w} should be in the gazetteer");
        }
    }

    #[test]
    fn front_coding_decodes_to_the_sorted_list_and_survives_bad_input() {
        assert_eq!(decode_front_coded("0ann\n3e\n1bc\n"), "ann\nanne\nabc\n");
        // A shared length past the previous entry, an empty line, a bare digit.
        assert_eq!(decode_front_coded("0ab\n9c\n\n0\n"), "ab\nabc\n\n");
        assert!(names().lines().count() > 20_000);
        assert!(names().lines().all(|l| !l.is_empty() && l.is_ascii()));
    }

    #[test]
    fn nicknames_link_both_ways_and_unknown_names_have_none() {
        assert!(nickname_variants("margaret").contains(&"peggy"));
        assert!(nickname_variants("maggie").contains(&"margaret"));
        assert!(nickname_variants("william").contains(&"bill"));
        assert!(nickname_variants("okafor").is_empty());
        assert!(nickname_variants("").is_empty());
    }

    #[test]
    fn places_nationalities_and_conditions_are_not_names() {
        for w in [
            "leeds", "kenya", "czech", "polish",
            // Not "parkinson": a surname too ("Sam Parkinson"); the condition is told apart
            // by its "'s" or "disease" (names::is_eponym).
            "crohn", "ramadan", "tesco",
        ] {
            assert!(!is_name(w) || is_ambiguous_name(w), "{w}");
        }
    }

    #[test]
    fn names_that_are_everyday_words_are_marked_ambiguous() {
        check("will", true, true);
        check("hope", true, true);
        check("brown", true, true);
    }

    #[test]
    fn ordinary_words_and_edge_cases_are_not_names() {
        check("session", false, false);
        check("", false, false);
        check("zzzz", false, false);
        check("aaaaa", false, false);
        assert!(is_common_word("the"));
        assert!(!is_common_word("okafor"));
    }

    #[test]
    fn the_lists_are_sorted_so_binary_search_is_sound() {
        for list in [names(), AMBIGUOUS, COMMON] {
            let lines: Vec<&str> = list.lines().collect();
            assert!(lines.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()));
            assert!(
                lines.iter().all(|l| contains(list, l)),
                "every line is findable"
            );
        }
    }
}
