//! One home for every stored identifier and for the helpers that tidy and compare the
//! names a worker types. Entries, tags, templates, prompts and threads all refer to each
//! other by id; with the id types here, built by one macro to one slug rule, no module has
//! to import another module's domain to name its ids, and there are no hand-copied id
//! types to drift apart. This module imports nothing else from the core.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Defines a stored identifier: a newtype over a string that passed [`is_slug`], with
/// `parse`, `as_str`, `Display`, and serde through `String` (so a stored value that is not
/// a slug is refused with "not <what>: …"). `$what` names the id in that message, with its
/// article ("an entry id").
macro_rules! slug_newtype {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Accepts 1 to 64 characters from `a-z`, `0-9` and `-`. Anything else (a
            /// mistyped URL, a label typed where an id belongs, a damaged record) is not
            /// an id.
            pub fn parse(raw: &str) -> Option<$name> {
                is_slug(raw).then(|| $name(raw.to_owned()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                if is_slug(&value) {
                    Ok($name(value))
                } else {
                    Err(format!(concat!("not ", $what, ": {:?}"), value))
                }
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }
    };
}

slug_newtype!(
    /// A stable identifier for an entry, safe to put in a URL and a storage key.
    EntryId,
    "an entry id"
);

slug_newtype!(
    /// A stable identifier for a tag, built-in (`md-patient`) or custom: `custom-3` from
    /// before custom ids were unique across devices, `custom-mic2ftc0-1y2p0ij` since.
    /// Entries store these ids, never labels, so renaming a tag cannot break an entry.
    TagId,
    "a tag id"
);

slug_newtype!(
    /// A stable identifier for a thread, safe in a URL, an HTML id and a storage key.
    ThreadId,
    "a thread id"
);

slug_newtype!(
    /// A stable identifier for a template, built-in (`gibbs`) or custom (`custom-2`, or
    /// `custom-<time>-<random>` like a custom tag's).
    TemplateId,
    "a template id"
);

slug_newtype!(
    /// A stable key for a prompt within its template (`action-plan`, `p3`).
    PromptKey,
    "a prompt key"
);

/// Custom tag and template ids start with this; built-in ids never do.
pub(crate) const CUSTOM_PREFIX: &str = "custom-";

/// The time and the random number the shell supplies for a new id. The core has no
/// clock and no random source, so every id it makes is made from one of these.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IdSeed {
    /// Milliseconds since the Unix epoch.
    pub millis: i64,
    pub random: u32,
}

impl IdSeed {
    pub fn new(millis: i64, random: u32) -> IdSeed {
        IdSeed { millis, random }
    }

    /// `<prefix><time>-<random>`, both in base 36: ids sort roughly by creation, and two
    /// tabs or devices making one in the same millisecond still differ by the random part.
    fn slug(self, prefix: &str) -> String {
        format!(
            "{prefix}{}-{}",
            base36(self.millis.unsigned_abs()),
            base36(u64::from(self.random))
        )
    }

    /// The same time with the next random number: where to look when an id is taken.
    pub(crate) fn next(self) -> IdSeed {
        IdSeed {
            random: self.random.wrapping_add(1),
            ..self
        }
    }
}

impl EntryId {
    /// Builds an id from the time of writing and a random number supplied by the shell,
    /// so ids sort roughly by creation and two tabs are very unlikely to collide.
    pub fn from_parts(millis: i64, random: u32) -> EntryId {
        EntryId(IdSeed::new(millis, random).slug("e"))
    }
}

impl ThreadId {
    /// Builds an id from the time of opening and a random number supplied by the shell,
    /// the same recipe as entry ids, with a `t` so the two are never confused.
    pub fn from_parts(millis: i64, random: u32) -> ThreadId {
        ThreadId(IdSeed::new(millis, random).slug("t"))
    }
}

impl TagId {
    /// The id of a built-in tag: static data, every id a slug (checked by the tests in
    /// `tags.rs`).
    pub(crate) fn of_builtin(id: &'static str) -> TagId {
        TagId(id.to_owned())
    }

    /// A new custom tag's id, `custom-<time>-<random>`, made like an entry id: unique
    /// across devices, so a restore from another device, or a tag made in another tab at
    /// the same time, cannot take the same id for a different tag.
    pub(crate) fn custom(seed: IdSeed) -> TagId {
        TagId(seed.slug(CUSTOM_PREFIX))
    }
}

impl TemplateId {
    /// A new custom template's id, `custom-<time>-<random>`, made like a custom tag's.
    pub(crate) fn custom(seed: IdSeed) -> TemplateId {
        TemplateId(seed.slug(CUSTOM_PREFIX))
    }
}

impl PromptKey {
    /// The key of a custom template's `n`th prompt ever made: `p<n>`.
    pub(crate) fn numbered(n: u32) -> PromptKey {
        PromptKey(format!("p{n}"))
    }
}

/// The one rule for every stored identifier (entries, tags, templates, prompt keys,
/// threads): 1 to 64 characters from `a-z`, `0-9` and `-`, so it is safe in a URL, an
/// HTML id and a storage key.
pub(crate) fn is_slug(raw: &str) -> bool {
    !raw.is_empty()
        && raw.len() <= 64
        && raw
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `n` in base 36 with lowercase digits: short, URL-safe id parts.
pub(crate) fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Text on one line: runs of spaces and line breaks become one space, trimmed.
pub(crate) fn one_line(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A name as typed, made tidy: control characters become spaces, and runs of spaces
/// and line breaks become one space, trimmed. Shared by every name a worker types
/// (tags, thread pseudonyms) so they all behave alike.
pub(crate) fn tidy_name(raw: &str) -> String {
    let cleaned: String = raw
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    one_line(&cleaned)
}

/// The key two names are compared by: case, curly quotes and spacing do not make a
/// different name ("Food bank" and "food  BANK" are the same tag to a reader).
pub(crate) fn name_key(name: &str) -> String {
    one_line(name)
        .replace(['\u{2018}', '\u{2019}'], "'")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every id type: a slug round-trips through serde as a plain string, and a stored
    /// value that is not a slug is refused with that type's own message.
    fn check_serde<T>(good: &str, what: &str)
    where
        T: Serialize + for<'de> Deserialize<'de> + fmt::Display + fmt::Debug + PartialEq,
    {
        let json = format!("{good:?}");
        let id: T = serde_json::from_str(&json).expect("a slug is an id");
        assert_eq!(id.to_string(), good);
        assert_eq!(serde_json::to_string(&id).ok(), Some(json));
        for bad in ["", "Not An Id", "a_b", "a/b", "é", &"a".repeat(65)] {
            let err = serde_json::from_str::<T>(&format!("{bad:?}"))
                .expect_err(bad)
                .to_string();
            assert!(err.starts_with(&format!("not {what}: {bad:?}")), "{err}");
        }
    }

    #[test]
    fn every_id_round_trips_through_serde_and_refuses_a_non_slug_by_name() {
        check_serde::<EntryId>("e1a2b-3c", "an entry id");
        check_serde::<TagId>("md-patient", "a tag id");
        check_serde::<ThreadId>("t1-a", "a thread id");
        check_serde::<TemplateId>("gibbs", "a template id");
        check_serde::<PromptKey>("p3", "a prompt key");
    }

    #[test]
    fn a_slug_is_one_to_64_lowercase_letters_digits_and_hyphens() {
        for good in ["a", "custom-3", "e0-0", "0", "-", &"a".repeat(64)] {
            assert!(is_slug(good), "{good:?}");
        }
        for bad in ["", "A", "a b", "a_b", "a.b", "é", "a\n", &"a".repeat(65)] {
            assert!(!is_slug(bad), "{bad:?}");
        }
    }

    #[test]
    fn base36_writes_lowercase_digits_with_no_leading_zeros() {
        for (n, expected) in [
            (0, "0"),
            (35, "z"),
            (36, "10"),
            (1_764_000_000_000, "midc1z40"),
            (u64::MAX, "3w5e11264sgsf"),
        ] {
            assert_eq!(base36(n), expected, "{n}");
        }
    }

    #[test]
    fn new_ids_are_a_prefix_the_time_and_the_random_number_in_base_36() {
        let seed = IdSeed::new(1_764_000_000_000, 123_456);
        assert_eq!(
            EntryId::from_parts(seed.millis, seed.random).as_str(),
            "emidc1z40-2n9c"
        );
        assert_eq!(
            ThreadId::from_parts(seed.millis, seed.random).as_str(),
            "tmidc1z40-2n9c"
        );
        assert_eq!(TagId::custom(seed).as_str(), "custom-midc1z40-2n9c");
        assert_eq!(TemplateId::custom(seed).as_str(), "custom-midc1z40-2n9c");
        // The widest seed still makes a slug, so it parses back.
        let widest = IdSeed::new(i64::MIN, u32::MAX);
        assert_eq!(
            TagId::parse(TagId::custom(widest).as_str()),
            Some(TagId::custom(widest))
        );
    }

    #[test]
    fn custom_ids_made_in_one_millisecond_differ_by_their_random_number() {
        let at = 1_764_000_000_000;
        let (a, b) = (IdSeed::new(at, 1), IdSeed::new(at, 2));
        assert_ne!(TagId::custom(a), TagId::custom(b));
        assert_ne!(TemplateId::custom(a), TemplateId::custom(b));
        assert_eq!(a.next(), b);
        assert_eq!(IdSeed::new(at, u32::MAX).next(), IdSeed::new(at, 0));
    }

    #[test]
    fn old_numbered_custom_ids_still_parse_and_still_look_custom() {
        for old in ["custom-1", "custom-3", "custom-12"] {
            let tag: TagId = serde_json::from_str(&format!("{old:?}")).expect(old);
            let template: TemplateId = serde_json::from_str(&format!("{old:?}")).expect(old);
            assert_eq!((tag.as_str(), template.as_str()), (old, old));
            assert!(tag.as_str().starts_with(CUSTOM_PREFIX));
        }
        assert!(TagId::custom(IdSeed::default())
            .as_str()
            .starts_with(CUSTOM_PREFIX));
    }

    fn check_name(raw: &str, tidy: &str, key: &str) {
        assert_eq!(tidy_name(raw), tidy, "tidy_name({raw:?})");
        assert_eq!(name_key(raw), key, "name_key({raw:?})");
    }

    #[test]
    fn names_are_tidied_and_compared_ignoring_case_spacing_and_curly_quotes() {
        check_name("Food bank", "Food bank", "food bank");
        check_name("  food \n\t BANK ", "food BANK", "food bank");
        check_name("Jo\u{2019}s group", "Jo\u{2019}s group", "jo's group");
        check_name("   ", "", "");
        // Only a tidy name loses control characters; names are tidied before they are
        // stored, so keys are only ever made from tidy names.
        assert_eq!(tidy_name("Ade\u{7}\u{7}Bello\r\n"), "Ade Bello");
    }
}
