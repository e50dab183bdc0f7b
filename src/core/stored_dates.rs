//! How stored records read their days and times. Every record was written by chrono's
//! serde: a time as RFC 3339 in UTC (`2026-12-03T10:15:00Z`, with any fraction of a
//! second), a day as `YYYY-MM-DD`. Reading them back through chrono's serde takes its
//! general parser (strftime items, RFC 2822 and the rest), about 6 KB of the first load's
//! gzip, because start-up decodes records. These readers use chrono's strict RFC 3339
//! parser instead, and read a day as exactly the ten characters chrono writes.
//!
//! They read everything chrono writes for years 0 to 9999, to the same value (the tests
//! below hold them to it). What they refuse that chrono's serde took is text chrono never
//! writes: a day as `2026-1-5`, spaces inside, a `UTC` suffix. A record holding such text
//! is damaged, and is set aside and reported like any other.

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde::de::{self, Deserializer, SeqAccess, Unexpected, Visitor};
use serde::Deserialize;

/// A time as stored: RFC 3339, read by chrono's strict parser, in UTC.
pub fn time_from(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).ok().map(|t| t.to_utc())
}

/// A day as stored: exactly `YYYY-MM-DD`, four digits, two and two.
pub fn day_from(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return None;
    }
    let number = |from: usize, to: usize| text[from..to].parse::<u32>().ok();
    NaiveDate::from_ymd_opt(
        i32::try_from(number(0, 4)?).ok()?,
        number(5, 7)?,
        number(8, 10)?,
    )
}

/// Reads a string with `parse`, naming what it expected when the string is not one.
struct Text<T> {
    parse: fn(&str) -> Option<T>,
    expected: &'static str,
}

impl<T> Visitor<'_> for Text<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.expected)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        (self.parse)(text).ok_or_else(|| E::invalid_value(Unexpected::Str(text), &self))
    }
}

const TIME: Text<DateTime<Utc>> = Text {
    parse: time_from,
    expected: "an RFC 3339 date and time",
};
const DAY: Text<NaiveDate> = Text {
    parse: day_from,
    expected: "a date as YYYY-MM-DD",
};

/// For `#[serde(deserialize_with = "…::time")]` on a stored `DateTime<Utc>`.
pub fn time<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    d.deserialize_str(TIME)
}

/// For `#[serde(deserialize_with = "…::day")]` on a stored `NaiveDate`.
pub fn day<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(DAY)
}

/// For a stored `Option<DateTime<Utc>>` (`null` when none).
pub fn optional_time<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    struct Optional;
    impl<'de> Visitor<'de> for Optional {
        type Value = Option<DateTime<Utc>>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an RFC 3339 date and time, or null")
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            time(d).map(Some)
        }
    }
    d.deserialize_option(Optional)
}

/// For a stored list of places in the journal, each `["YYYY-MM-DD", "<RFC 3339>"]`.
pub fn places<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Vec<(NaiveDate, DateTime<Utc>)>, D::Error> {
    #[derive(Deserialize)]
    struct Place(
        #[serde(deserialize_with = "day")] NaiveDate,
        #[serde(deserialize_with = "time")] DateTime<Utc>,
    );
    struct Places;
    impl<'de> Visitor<'de> for Places {
        type Value = Vec<(NaiveDate, DateTime<Utc>)>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list of days and times")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut places = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
            while let Some(Place(day, time)) = seq.next_element()? {
                places.push((day, time));
            }
            Ok(places)
        }
    }
    d.deserialize_seq(Places)
}

#[cfg(test)]
mod tests;
