//! The stored-date readers against chrono's own serde: the same value for everything
//! chrono writes, and never a different value for anything chrono's reader took.

use super::*;
use chrono::{Datelike, TimeZone};
use proptest::prelude::*;
use serde::Deserialize;

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Record {
    #[serde(deserialize_with = "time")]
    at: DateTime<Utc>,
    #[serde(deserialize_with = "day")]
    about: NaiveDate,
    #[serde(deserialize_with = "optional_time")]
    last: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "places")]
    order: Vec<(NaiveDate, DateTime<Utc>)>,
}

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, s).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn a_record_as_the_app_writes_it_reads_back() {
    let json = r#"{"at":"2026-12-03T10:15:00Z","about":"2026-12-02","last":null,
        "order":[["2026-12-02","2026-12-03T10:15:00.250Z"],["2026-11-30","2026-11-30T09:00:00.123456789Z"]]}"#;
    let record: Record = serde_json::from_str(json).unwrap();
    assert_eq!(
        record,
        Record {
            at: utc(2026, 12, 3, 10, 15, 0),
            about: date(2026, 12, 2),
            last: None,
            order: vec![
                (
                    date(2026, 12, 2),
                    utc(2026, 12, 3, 10, 15, 0) + chrono::TimeDelta::milliseconds(250)
                ),
                (
                    date(2026, 11, 30),
                    utc(2026, 11, 30, 9, 0, 0) + chrono::TimeDelta::nanoseconds(123_456_789)
                ),
            ],
        }
    );
    let with_last = json.replace(r#""last":null"#, r#""last":"2026-12-01T08:00:00Z""#);
    let record: Record = serde_json::from_str(&with_last).unwrap();
    assert_eq!(record.last, Some(utc(2026, 12, 1, 8, 0, 0)));
}

/// What chrono's serde never writes is refused, as a decode error naming what was
/// expected, never read as some other day.
#[test]
fn text_chrono_never_writes_is_refused_with_what_was_expected() {
    for about in [
        "2026-1-5",
        "2026-02-30",
        " 2026-12-02",
        "2026-12-02 ",
        "+2026-12-02",
        "2026/12/02",
        "",
        "20261202",
    ] {
        let json = format!(r#"{{"at":"2026-12-03T10:15:00Z","about":"{about}","last":null}}"#);
        let error = serde_json::from_str::<Record>(&json)
            .unwrap_err()
            .to_string();
        assert!(error.contains("a date as YYYY-MM-DD"), "{about:?}: {error}");
    }
    for at in [
        "2026-12-03T10:15:00",
        "2026-12-03 10:15:00 UTC",
        "2026-12-03T25:00:00Z",
        "2026-12-03",
        "yesterday",
    ] {
        let json = format!(r#"{{"at":"{at}","about":"2026-12-02","last":null}}"#);
        let error = serde_json::from_str::<Record>(&json)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("an RFC 3339 date and time"),
            "{at:?}: {error}"
        );
    }
    let not_a_string = r#"{"at":12,"about":"2026-12-02","last":null}"#;
    assert!(serde_json::from_str::<Record>(not_a_string).is_err());
    let bad_place = r#"{"at":"2026-12-03T10:15:00Z","about":"2026-12-02","last":null,"order":[["2026-12-02"]]}"#;
    assert!(serde_json::from_str::<Record>(bad_place).is_err());
}

/// A time with an offset (which no version wrote) still reads as the same instant.
#[test]
fn a_time_with_an_offset_reads_as_the_same_instant() {
    assert_eq!(
        time_from("2026-06-01T10:00:00+01:00"),
        Some(utc(2026, 6, 1, 9, 0, 0))
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    /// Every day of years 0 to 9999, as chrono's serde writes it, reads back the same.
    #[test]
    fn every_day_chrono_writes_reads_back(days in 0i64..3_652_425) {
        let d = date(0, 1, 1) + chrono::Days::new(days as u64);
        prop_assume!(d.year() <= 9999);
        let json = serde_json::to_string(&d).unwrap();
        let text: String = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(day_from(&text), Some(d));
    }

    /// Every time chrono's serde writes (to the nanosecond), reads back the same.
    #[test]
    fn every_time_chrono_writes_reads_back(seconds in -62_167_219_200i64..253_402_300_799, nanos in prop_oneof![Just(0u32), 0u32..1_000_000_000, (0u32..1000).prop_map(|m| m * 1_000_000)]) {
        let t = DateTime::from_timestamp(seconds, nanos).unwrap();
        let json = serde_json::to_string(&t).unwrap();
        let text: String = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(time_from(&text), Some(t));
    }

    /// Near-misses of a day (digits dropped, added or moved, signs, spaces): whatever these
    /// readers take, chrono's serde took as the same day.
    #[test]
    fn a_day_read_here_is_the_day_chrono_read(text in "[ +-]?[0-9]{1,5}[-/ ]?[0-9]{1,3}-[0-9]{1,3}[ ]?") {
        if let Some(d) = day_from(&text) {
            prop_assert_eq!(text.parse::<NaiveDate>().ok(), Some(d));
        }
    }

    /// The same for times.
    #[test]
    fn a_time_read_here_is_the_time_chrono_read(text in "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,12})?([Zz]|[+-][0-9]{2}:?[0-9]{2}| UTC)?") {
        if let Some(t) = time_from(&text) {
            prop_assert_eq!(text.parse::<DateTime<Utc>>().ok(), Some(t));
        }
    }
}
