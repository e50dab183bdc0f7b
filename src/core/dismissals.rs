//! Dismissed identifier nudges, kept per reflection (issue 13): when a worker dismisses a
//! nudge ("07700 900123 looks like a phone number"), it stays dismissed for that
//! reflection when it is reopened, and for the unsaved draft of a new one across a
//! reload. What is kept is a [`Fingerprint`] of the nudge's kind and normalised words,
//! never the words themselves: a second plain copy of an identifier would linger after
//! the worker took it out of the reflection. A fingerprint only has to match the same
//! words again, so it is FNV-1a (the `fnv` crate, already in the tree), not a
//! cryptographic hash; it does not hide a short identifier from someone who tries every
//! phone number, which is why it is sealed by the lock like every other record.
//!
//! [`Dismissals`] is a collection of its own (key `dismissals`, versioned from 1), not a
//! new version of the frozen entry and draft records: see ARCHITECTURE.md. Its rules are
//! pure: [`Dismissals::saved`] moves a new reflection's draft set to the reflection and
//! prunes every fingerprint its words no longer contain; [`Dismissals::forget_entry`]
//! goes in the same batch as deleting the reflection. It is read when a page needs it,
//! never at start-up, so the first load carries none of its decoding.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::hash::Hasher;

use super::ids::EntryId;
use super::merge::{Clash, Difference, Merge};

/// A 64-bit FNV-1a hash of a nudge's kind code and its normalised words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fingerprint(pub u64);

impl Fingerprint {
    /// The fingerprint of a nudge of kind `kind_code` (a stable code such as `phone`)
    /// over `words`, normalised by [`normalise`] first so a change of case or spacing
    /// is the same identifier.
    pub fn of(kind_code: &str, words: &str) -> Fingerprint {
        let mut h = fnv::FnvHasher::default();
        h.write(kind_code.as_bytes());
        // A separator no kind code contains, so ("ab", "c") and ("a", "bc") differ.
        h.write(&[0x1f]);
        h.write(normalise(words).as_bytes());
        Fingerprint(h.finish())
    }

    /// Sixteen lowercase hex digits: the stored form.
    pub fn to_hex(self) -> String {
        format!("{:016x}", self.0)
    }

    /// Reads the stored form back; anything but sixteen lowercase hex digits is `None`.
    pub fn parse(raw: &str) -> Option<Fingerprint> {
        (raw.len() == 16
            && raw
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
        .then(|| u64::from_str_radix(raw, 16).ok().map(Fingerprint))
        .flatten()
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

/// Lower case, and every run of white space one space, trimmed: "07700  900123 " and
/// "07700 900123" are the same number.
pub fn normalise(words: &str) -> String {
    words
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whose dismissals: a saved reflection's, or the unsaved draft of a new one in one tab
/// (drafts are per tab, `draft.<tab>.new`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Owner {
    Entry(EntryId),
    NewDraft(String),
}

/// Every dismissed nudge, by owner. Empty sets are never kept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dismissals {
    pub entries: BTreeMap<EntryId, BTreeSet<Fingerprint>>,
    /// By tab id: the dismissals of that tab's draft of a new reflection.
    pub drafts: BTreeMap<String, BTreeSet<Fingerprint>>,
}

impl Dismissals {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.drafts.is_empty()
    }

    /// What `owner` has dismissed.
    pub fn of(&self, owner: &Owner) -> BTreeSet<Fingerprint> {
        match owner {
            Owner::Entry(id) => self.entries.get(id),
            Owner::NewDraft(tab) => self.drafts.get(tab),
        }
        .cloned()
        .unwrap_or_default()
    }

    /// Remembers one dismissal; `false` if it was already there.
    pub fn dismiss(&mut self, owner: &Owner, fingerprint: Fingerprint) -> bool {
        match owner {
            Owner::Entry(id) => self.entries.entry(id.clone()).or_default(),
            Owner::NewDraft(tab) => self.drafts.entry(tab.clone()).or_default(),
        }
        .insert(fingerprint)
    }

    /// The dismissals once reflection `id` has been saved from the editor of `from`:
    /// what it had, what `from` had (a new reflection's draft) and what the page
    /// dismissed (`on_page`), kept only where the saved words still contain it
    /// (`present`: the fingerprints of every nudge found in them). A new reflection's
    /// draft set is gone afterwards.
    pub fn saved(
        &self,
        id: &EntryId,
        from: &Owner,
        on_page: &BTreeSet<Fingerprint>,
        present: &BTreeSet<Fingerprint>,
    ) -> Dismissals {
        let mut out = self.clone();
        let mut kept: BTreeSet<Fingerprint> = self.of(&Owner::Entry(id.clone()));
        kept.extend(self.of(from));
        kept.extend(on_page.iter().copied());
        kept.retain(|f| present.contains(f));
        if let Owner::NewDraft(tab) = from {
            out.drafts.remove(tab);
        }
        if kept.is_empty() {
            out.entries.remove(id);
        } else {
            out.entries.insert(id.clone(), kept);
        }
        out
    }

    /// Forgets a reflection's dismissals (it was deleted); `true` if it had any.
    pub fn forget_entry(&mut self, id: &EntryId) -> bool {
        self.entries.remove(id).is_some()
    }
}

/// Both tabs' changes to one owner's set: what both kept, and what either added.
fn merge_set(
    base: Option<&BTreeSet<Fingerprint>>,
    mine: Option<&BTreeSet<Fingerprint>>,
    theirs: Option<&BTreeSet<Fingerprint>>,
) -> BTreeSet<Fingerprint> {
    let empty = BTreeSet::new();
    let (base, mine, theirs) = (
        base.unwrap_or(&empty),
        mine.unwrap_or(&empty),
        theirs.unwrap_or(&empty),
    );
    let mut out: BTreeSet<Fingerprint> = mine.intersection(theirs).copied().collect();
    out.extend(mine.difference(base));
    out.extend(theirs.difference(base));
    out
}

fn merge_map<K: Ord + Clone>(
    base: &BTreeMap<K, BTreeSet<Fingerprint>>,
    mine: &BTreeMap<K, BTreeSet<Fingerprint>>,
    theirs: &BTreeMap<K, BTreeSet<Fingerprint>>,
) -> BTreeMap<K, BTreeSet<Fingerprint>> {
    let keys: BTreeSet<&K> = base
        .keys()
        .chain(mine.keys())
        .chain(theirs.keys())
        .collect();
    keys.into_iter()
        .filter_map(|k| {
            let set = merge_set(base.get(k), mine.get(k), theirs.get(k));
            (!set.is_empty()).then(|| (k.clone(), set))
        })
        .collect()
}

/// Dismissals never clash: a set merge keeps every dismissal either tab added and drops
/// one either tab removed (pruned or deleted with its reflection).
impl Merge for Dismissals {
    fn merge(base: &Self, mine: &Self, theirs: &Self, _clash: Clash) -> Option<Self> {
        Some(Dismissals {
            entries: merge_map(&base.entries, &mine.entries, &theirs.entries),
            drafts: merge_map(&base.drafts, &mine.drafts, &theirs.drafts),
        })
    }

    fn differences(_base: &Self, _mine: &Self, _theirs: &Self) -> Vec<Difference> {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> EntryId {
        EntryId::parse(s).unwrap()
    }

    fn fp(kind: &str, words: &str) -> Fingerprint {
        Fingerprint::of(kind, words)
    }

    fn set(items: &[Fingerprint]) -> BTreeSet<Fingerprint> {
        items.iter().copied().collect()
    }

    #[test]
    fn a_fingerprint_ignores_case_and_spacing_but_not_the_kind_or_the_words() {
        assert_eq!(fp("phone", "07700 900123"), fp("phone", " 07700   900123"));
        assert_eq!(fp("name", "Mrs Okafor"), fp("name", "mrs okafor"));
        assert_ne!(fp("phone", "07700 900123"), fp("phone", "07700 900124"));
        assert_ne!(fp("phone", "07700 900123"), fp("reference", "07700 900123"));
        assert_ne!(fp("ab", "c"), fp("a", "bc"));
    }

    #[test]
    fn a_fingerprint_is_fnv1a_so_stored_ones_keep_matching() {
        // Pinned: a change of hash would make every stored dismissal stop matching.
        assert_eq!(fp("phone", "07700 900123").to_hex(), "fbbf10cb90ccee87");
        assert_eq!(Fingerprint::of("", "").to_hex(), "af63d24c8601db8e");
    }

    #[test]
    fn a_fingerprint_reads_back_only_from_sixteen_lowercase_hex_digits() {
        let f = fp("email", "jo@example.org");
        assert_eq!(Fingerprint::parse(&f.to_hex()), Some(f));
        for bad in [
            "",
            "abc",
            "3BD4C4E5CD6A0B51",
            "3bd4c4e5cd6a0b5g",
            "+bd4c4e5cd6a0b51",
        ] {
            assert_eq!(Fingerprint::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_fingerprint_does_not_contain_the_words() {
        let f = fp("phone", "07700 900123").to_hex();
        assert!(!f.contains("07700") && !f.contains("900123"));
    }

    #[test]
    fn saving_a_new_reflection_moves_its_drafts_dismissals_to_it() {
        let phone = fp("phone", "07700 900123");
        let mut d = Dismissals::default();
        let tab = Owner::NewDraft("t1".into());
        d.dismiss(&tab, phone);
        d.dismiss(&Owner::NewDraft("t2".into()), phone);
        let after = d.saved(&id("e1"), &tab, &BTreeSet::new(), &set(&[phone]));
        assert_eq!(after.of(&Owner::Entry(id("e1"))), set(&[phone]));
        assert!(after.of(&tab).is_empty());
        assert!(!after.drafts.contains_key("t1"));
        // Another tab's draft is not this save's business.
        assert_eq!(after.of(&Owner::NewDraft("t2".into())), set(&[phone]));
    }

    #[test]
    fn saving_prunes_what_the_words_no_longer_contain() {
        let (phone, email) = (fp("phone", "07700 900123"), fp("email", "jo@example.org"));
        let mut d = Dismissals::default();
        let owner = Owner::Entry(id("e1"));
        d.dismiss(&owner, phone);
        d.dismiss(&owner, email);
        let after = d.saved(&id("e1"), &owner, &BTreeSet::new(), &set(&[email]));
        assert_eq!(after.of(&owner), set(&[email]));
        let none_left = d.saved(&id("e1"), &owner, &BTreeSet::new(), &BTreeSet::new());
        assert!(none_left.is_empty(), "{none_left:?}");
    }

    #[test]
    fn saving_keeps_what_the_page_dismissed_if_still_there() {
        let phone = fp("phone", "07700 900123");
        let gone = fp("phone", "020 7946 0000");
        let d = Dismissals::default();
        let owner = Owner::Entry(id("e1"));
        let after = d.saved(&id("e1"), &owner, &set(&[phone, gone]), &set(&[phone]));
        assert_eq!(after.of(&owner), set(&[phone]));
    }

    #[test]
    fn deleting_a_reflection_removes_its_dismissals_only() {
        let phone = fp("phone", "07700 900123");
        let mut d = Dismissals::default();
        d.dismiss(&Owner::Entry(id("e1")), phone);
        d.dismiss(&Owner::Entry(id("e2")), phone);
        assert!(d.forget_entry(&id("e1")));
        assert!(!d.forget_entry(&id("e1")));
        assert!(!d.entries.contains_key(&id("e1")));
        assert_eq!(d.of(&Owner::Entry(id("e2"))), set(&[phone]));
    }

    #[test]
    fn two_tabs_dismissals_merge_and_a_removal_on_either_side_wins() {
        let (a, b, c) = (fp("phone", "1"), fp("phone", "2"), fp("phone", "3"));
        let e1 = Owner::Entry(id("e1"));
        let e2 = Owner::Entry(id("e2"));
        let mut base = Dismissals::default();
        base.dismiss(&e1, a);
        base.dismiss(&e2, c);
        let mut mine = base.clone();
        mine.dismiss(&e1, b);
        let mut theirs = base.clone();
        theirs.forget_entry(&id("e2"));
        let merged = Dismissals::three_way(&base, &mine, &theirs).unwrap();
        assert_eq!(merged.of(&e1), set(&[a, b]));
        assert!(!merged.entries.contains_key(&id("e2")));
        assert!(Dismissals::differences(&base, &mine, &theirs).is_empty());
    }
}
