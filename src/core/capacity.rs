//! How full the browser's storage is, and about how many more reflections fit, from
//! counts the storage layer gives. Local storage has no API that tells its limit, so the
//! limit is a constant: the 5 MiB of UTF-16 characters (keys and values) that Chromium,
//! Firefox and Safari give each site, which the browser test that really fills the quota
//! checks against Chromium.

/// The characters (UTF-16 units) of keys and values one site may keep in local storage.
pub const QUOTA_UNITS: usize = 5 * 1024 * 1024;

/// What a reflection of 1,000 characters with three tags takes, with its index line
/// (measured with `bench/journal-v4.mjs`): the estimate until the journal has enough
/// reflections of its own to average.
pub const TYPICAL_REFLECTION_UNITS: usize = 412;

/// The share of the quota at which the journal page warns.
pub const WARN_PERCENT: u8 = 80;

/// Storage use, in UTF-16 units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    /// Everything this site keeps, since the quota is the site's.
    pub used: usize,
    /// What the journal's own keys take.
    pub journal: usize,
    /// Reflections in the journal.
    pub reflections: usize,
}

impl Usage {
    /// How full the site's storage is, rounded down, at most 100.
    pub fn percent(&self) -> u8 {
        let p = self.used.saturating_mul(100) / QUOTA_UNITS;
        u8::try_from(p.min(100)).unwrap_or(100)
    }

    pub fn nearly_full(&self) -> bool {
        self.percent() >= WARN_PERCENT
    }

    /// What one more reflection is likely to take: this journal's own average once it
    /// has ten (its collections and drafts included, so the estimate errs on the side
    /// of fewer), the measured typical size before that.
    pub fn per_reflection(&self) -> usize {
        if self.reflections >= 10 {
            (self.journal / self.reflections).max(1)
        } else {
            TYPICAL_REFLECTION_UNITS
        }
    }

    /// About how many more reflections fit.
    pub fn more_that_fit(&self) -> usize {
        QUOTA_UNITS.saturating_sub(self.used) / self.per_reflection()
    }

    /// "1.2 MB of 10.5 MB": browsers keep each UTF-16 unit in two bytes.
    pub fn sizes(&self) -> String {
        format!("{} of {}", megabytes(self.used), megabytes(QUOTA_UNITS))
    }
}

fn megabytes(units: usize) -> String {
    let tenths = (units * 2 + 50_000) / 100_000;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// A count for a sentence, rounded so it does not claim more precision than it has:
/// "about 12,600" rather than "12,644".
pub fn about(n: usize) -> String {
    let rounded = match n {
        0..=99 => n,
        100..=9_999 => (n + 50) / 100 * 100,
        _ => (n + 500) / 1_000 * 1_000,
    };
    let digits = rounded.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usage(used: usize, journal: usize, reflections: usize) -> Usage {
        Usage {
            used,
            journal,
            reflections,
        }
    }

    #[test]
    fn an_empty_journal_has_room_for_about_twelve_thousand_typical_reflections() {
        let u = usage(0, 0, 0);
        assert_eq!(u.percent(), 0);
        assert!(!u.nearly_full());
        assert_eq!(u.more_that_fit(), QUOTA_UNITS / TYPICAL_REFLECTION_UNITS);
        assert_eq!(about(u.more_that_fit()), "13,000");
        assert_eq!(u.sizes(), "0.0 MB of 10.5 MB");
    }

    #[test]
    fn the_journal_s_own_average_is_used_once_it_has_ten_reflections() {
        assert_eq!(
            usage(9_000, 9_000, 9).per_reflection(),
            TYPICAL_REFLECTION_UNITS
        );
        let u = usage(10_000, 8_000, 10);
        assert_eq!(u.per_reflection(), 800);
        assert_eq!(u.more_that_fit(), (QUOTA_UNITS - 10_000) / 800);
    }

    #[test]
    fn other_keys_of_the_site_count_against_the_room_left() {
        let alone = usage(100_000, 100_000, 100);
        let shared = usage(1_100_000, 100_000, 100);
        assert!(shared.more_that_fit() < alone.more_that_fit());
        assert_eq!(alone.more_that_fit() - shared.more_that_fit(), 1_000);
    }

    #[test]
    fn the_warning_starts_at_eighty_percent_and_a_full_store_has_no_room() {
        let just_under = QUOTA_UNITS * 4 / 5 - 1;
        assert!(!usage(just_under, just_under, 100).nearly_full());
        assert!(usage(QUOTA_UNITS * 4 / 5 + 1, 0, 0).nearly_full());
        let full = usage(QUOTA_UNITS + 10, QUOTA_UNITS, 12_000);
        assert_eq!(full.percent(), 100);
        assert_eq!(full.more_that_fit(), 0);
    }

    #[test]
    fn counts_are_rounded_for_sentences() {
        assert_eq!(about(0), "0");
        assert_eq!(about(42), "42");
        assert_eq!(about(149), "100");
        assert_eq!(about(151), "200");
        assert_eq!(about(9_949), "9,900");
        assert_eq!(about(12_644), "13,000");
        assert_eq!(about(1_234_567), "1,235,000");
    }
}
