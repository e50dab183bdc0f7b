//! The embedded word lists that tell a name from an ordinary capitalised word: a gazetteer
//! of about 5,700 forenames and surnames common in England's population, the subset of those
//! that are also everyday English words ("Will", "May", "Hope", "Brown"), and about 1,000
//! common English words. The lists live in `data/` as sorted, folded, newline-separated
//! text (see `data/README.md` for sources, licences and how they were derived) and are
//! searched in place by binary search, so they cost no start-up time and no allocation.

const NAMES: &str = include_str!("data/names.txt");
const AMBIGUOUS: &str = include_str!("data/ambiguous.txt");
const COMMON: &str = include_str!("data/common_words.txt");

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

/// `folded` is a forename or surname in the gazetteer.
pub(crate) fn is_name(folded: &str) -> bool {
    contains(NAMES, folded)
}

/// `folded` is a name that is also an everyday word, so it needs more evidence.
pub(crate) fn is_ambiguous_name(folded: &str) -> bool {
    contains(AMBIGUOUS, folded)
}

/// `folded` is one of about a thousand common English words.
pub(crate) fn is_common_word(folded: &str) -> bool {
    contains(COMMON, folded)
}

/// Bytes the embedded lists add to the program (before compression).
pub const EMBEDDED_BYTES: usize = NAMES.len() + AMBIGUOUS.len() + COMMON.len();

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
        for list in [NAMES, AMBIGUOUS, COMMON] {
            let lines: Vec<&str> = list.lines().collect();
            assert!(lines.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()));
            assert!(
                lines.iter().all(|l| contains(list, l)),
                "every line is findable"
            );
        }
    }
}
