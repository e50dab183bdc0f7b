//! The "create a supervision summary" form: a period (two GOV.UK date inputs), the entries
//! whose text to include, and what the worker wants to bring to supervision. Parsed once
//! into a [`SummaryRequest`]; every problem comes back at once as a field error worded for
//! the error summary, and nothing else happens until the form is right.

use chrono::{Datelike, Days, NaiveDate};

use super::Period;
use crate::core::entry::EARLIEST_ABOUT;
use crate::core::ids::EntryId;

/// The longest "what I want to bring to supervision" text: a few paragraphs.
pub const MAX_BRING_CHARS: usize = 2_000;
/// The longest period, in days from start to end: a year is the most any supervision
/// looks back over, and it keeps the week-by-week tables readable.
pub const MAX_PERIOD_DAYS: i64 = 366;

/// The form exactly as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SummaryForm {
    pub from_day: String,
    pub from_month: String,
    pub from_year: String,
    pub to_day: String,
    pub to_month: String,
    pub to_year: String,
    /// The entries whose text the worker ticked.
    pub include_text: Vec<EntryId>,
    pub bring: String,
}

/// A checked request: the period and what to include.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryRequest {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Entries whose (anonymised) text goes in; others appear only in the counts.
    pub include_text: Vec<EntryId>,
    /// What the worker wants to bring to supervision, trimmed.
    pub bring: String,
}

impl SummaryRequest {
    /// The whole weeks the summary covers.
    pub fn period(&self) -> Period {
        Period::covering(self.from, self.to)
    }
}

/// The parts of the form an error can point at, each with a stable HTML id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SummaryField {
    FromDay,
    FromMonth,
    FromYear,
    ToDay,
    ToMonth,
    ToYear,
    Bring,
}

impl SummaryField {
    pub fn html_id(self) -> &'static str {
        match self {
            SummaryField::FromDay => "from",
            SummaryField::FromMonth => "from-month",
            SummaryField::FromYear => "from-year",
            SummaryField::ToDay => "to",
            SummaryField::ToMonth => "to-month",
            SummaryField::ToYear => "to-year",
            SummaryField::Bring => "bring",
        }
    }
}

/// A problem with one field, GOV.UK style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryFieldError {
    /// Where the error summary link goes.
    pub field: SummaryField,
    pub message: String,
    /// The inputs to mark as wrong: the whole date for "not a real date".
    pub highlights: Vec<SummaryField>,
}

impl SummaryFieldError {
    fn new(field: SummaryField, message: impl Into<String>, highlights: &[SummaryField]) -> Self {
        SummaryFieldError {
            field,
            message: message.into(),
            highlights: highlights.to_vec(),
        }
    }
}

impl SummaryForm {
    /// The form as first shown: the last `weeks` whole weeks up to `today`, nothing ticked.
    pub fn for_weeks(today: NaiveDate, weeks: u32) -> SummaryForm {
        let back = Days::new(7 * u64::from(weeks.saturating_sub(1)));
        let from = super::monday_of(today)
            .checked_sub_days(back)
            .unwrap_or(today);
        let part = |n: u32| n.to_string();
        SummaryForm {
            from_day: part(from.day()),
            from_month: part(from.month()),
            from_year: from.year().to_string(),
            to_day: part(today.day()),
            to_month: part(today.month()),
            to_year: today.year().to_string(),
            include_text: Vec::new(),
            bring: String::new(),
        }
    }

    /// Checks the form. `today` is the worker's local date.
    pub fn validate(&self, today: NaiveDate) -> Result<SummaryRequest, Vec<SummaryFieldError>> {
        use SummaryField as F;
        let mut errors = Vec::new();
        let from = date(
            "start",
            [&self.from_day, &self.from_month, &self.from_year],
            [F::FromDay, F::FromMonth, F::FromYear],
            today,
        );
        let to = date(
            "end",
            [&self.to_day, &self.to_month, &self.to_year],
            [F::ToDay, F::ToMonth, F::ToYear],
            today,
        );
        let (from, to) = match (from, to) {
            (Ok(from), Ok(to)) => (Some(from), Some(to)),
            (from, to) => {
                errors.extend(from.err());
                errors.extend(to.err());
                (None, None)
            }
        };
        let whole = [F::ToDay, F::ToMonth, F::ToYear];
        if let (Some(from), Some(to)) = (from, to) {
            if to < from {
                errors.push(SummaryFieldError::new(
                    F::ToDay,
                    "End date must be the same as or after the start date",
                    &whole,
                ));
            } else if (to - from).num_days() > MAX_PERIOD_DAYS {
                errors.push(SummaryFieldError::new(
                    F::ToDay,
                    "End date must be within a year of the start date",
                    &whole,
                ));
            }
        }
        let bring = self.bring.trim();
        if bring.chars().count() > MAX_BRING_CHARS {
            errors.push(SummaryFieldError::new(
                F::Bring,
                "What you want to bring to supervision must be 2,000 characters or fewer",
                &[F::Bring],
            ));
        }
        match (from, to) {
            (Some(from), Some(to)) if errors.is_empty() => Ok(SummaryRequest {
                from,
                to,
                include_text: self.include_text.clone(),
                bring: bring.to_owned(),
            }),
            _ => Err(errors),
        }
    }
}

/// One GOV.UK date input: `which` is "start" or "end", the parts are day, month, year.
fn date(
    which: &str,
    raw: [&String; 3],
    fields: [SummaryField; 3],
    today: NaiveDate,
) -> Result<NaiveDate, SummaryFieldError> {
    const PARTS: [&str; 3] = ["day", "month", "year"];
    let label = if which == "start" {
        "Start date"
    } else {
        "End date"
    };
    let values = raw.map(|s| s.trim());
    let missing: Vec<usize> = (0..3).filter(|&i| values[i].is_empty()).collect();
    match missing.as_slice() {
        [] => {}
        [_, _, _] => {
            return Err(SummaryFieldError::new(
                fields[0],
                format!("Enter the {which} date"),
                &fields,
            ))
        }
        [i] => {
            return Err(SummaryFieldError::new(
                fields[*i],
                format!("{label} must include a {}", PARTS[*i]),
                &[fields[*i]],
            ))
        }
        [i, j, ..] => {
            return Err(SummaryFieldError::new(
                fields[*i],
                format!("{label} must include a {} and {}", PARTS[*i], PARTS[*j]),
                &[fields[*i], fields[*j]],
            ))
        }
    }
    let number = |s: &str| -> Option<u32> {
        (s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    if values[2].len() != 4 || number(values[2]).is_none() {
        return Err(SummaryFieldError::new(
            fields[2],
            format!("The year of the {which} date must include 4 numbers"),
            &[fields[2]],
        ));
    }
    let real = match (number(values[0]), number(values[1]), number(values[2])) {
        (Some(d), Some(m), Some(y)) => NaiveDate::from_ymd_opt(y as i32, m, d),
        _ => None,
    };
    let Some(day) = real else {
        return Err(SummaryFieldError::new(
            fields[0],
            format!("{label} must be a real date"),
            &fields,
        ));
    };
    if day > today {
        return Err(SummaryFieldError::new(
            fields[0],
            format!("{label} must be today or in the past"),
            &fields,
        ));
    }
    let (ey, em, ed) = EARLIEST_ABOUT;
    if NaiveDate::from_ymd_opt(ey, em, ed).is_some_and(|earliest| day < earliest) {
        return Err(SummaryFieldError::new(
            fields[2],
            format!("{label} must be in {ey} or later"),
            &[fields[2]],
        ));
    }
    Ok(day)
}
