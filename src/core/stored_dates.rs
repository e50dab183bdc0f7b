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
use serde::de::{self, Deserializer, Unexpected, Visitor};
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

/// A stored time, for serde's own readers of `Option` and lists.
#[derive(Deserialize)]
struct Time(#[serde(deserialize_with = "time")] DateTime<Utc>);

/// A place in the journal as stored: `["YYYY-MM-DD", "<RFC 3339>"]`.
#[derive(Deserialize)]
struct Place(
    #[serde(deserialize_with = "day")] NaiveDate,
    #[serde(deserialize_with = "time")] DateTime<Utc>,
);

/// For a stored `Option<DateTime<Utc>>` (`null` when none).
pub fn optional_time<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    Ok(Option::<Time>::deserialize(d)?.map(|Time(t)| t))
}

/// For a stored list of places in the journal.
pub fn places<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Vec<(NaiveDate, DateTime<Utc>)>, D::Error> {
    let places = Vec::<Place>::deserialize(d)?;
    Ok(places
        .into_iter()
        .map(|Place(day, time)| (day, time))
        .collect())
}

#[cfg(test)]
mod tests;
