//! Opening one summary file: every check happens here, before anything is shown. A file
//! is read as JSON, recognised by its `format`, its version chosen (1 and 2 open, a newer
//! one is refused by name), parsed into the frozen shape (unknown or missing fields are
//! refused), then checked for sense: weeks are Mondays inside the period, counts agree,
//! ratings are in range, highlighted stretches lie inside their text. Each failure is one
//! [`OpenError`] whose sentence names the file, says what is wrong and what to do.

use chrono::{Datelike, NaiveDate, Weekday};
use serde_json::Value;

use crate::core::summary::json::{Reflection, SummaryV1, SummaryV2, Text};
use crate::core::summary::{worker_name, FORMAT, VERSION};
use crate::core::tags::Family;

/// The largest file the supervisor view opens: 1 MiB. A summary of a year of weekly
/// reflections with every word shared is about a tenth of that; a bigger file is not a
/// summary, and reading it would only tie up the browser.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// The longest period a summary can cover: five years of weeks.
pub const MAX_WEEKS: u32 = 260;

/// Why a file could not be opened. The file's own name is added by [`OpenError::message`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    #[error("is too big to be a summary ({size}); the largest file that opens is 1 MB")]
    TooBig { size: String },
    #[error("is not a summary file: it is not JSON")]
    NotJson,
    #[error("is not an Anchorpoint supervision summary")]
    NotASummary,
    #[error("was made by a newer version of Anchorpoint (format {0}); this version opens formats 1 and 2")]
    Newer(u64),
    #[error("is damaged: {0}")]
    Damaged(String),
}

impl OpenError {
    /// The whole sentence the page shows, naming the file.
    pub fn message(&self, file: &str) -> String {
        let what_to_do = match self {
            OpenError::TooBig { .. } | OpenError::NotJson | OpenError::NotASummary => {
                "Choose the .json summary file the worker downloaded from Anchorpoint."
            }
            OpenError::Newer(_) => {
                "Reload Anchorpoint to get its latest version, then open the file again."
            }
            OpenError::Damaged(_) => "Ask the worker to download the summary again.",
        };
        format!("‘{file}’ {self}. Nothing from it was opened. {what_to_do}")
    }
}

/// A file that passed every check.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    /// The file's name as the browser gave it (shown as text, never used as markup).
    pub file_name: String,
    /// The summary in version 2's shape; `summary.version` says which version the file was.
    pub summary: SummaryV2,
    /// Same content, same fingerprint, whatever the file is called or however it is
    /// spaced: how a summary opened twice is noticed.
    pub fingerprint: u64,
}

/// "1.5 MB", "900 KB".
pub fn size_label(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        let tenths = bytes * 10 / (1024 * 1024);
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// Checks the size before anything is read: the shell asks this first, so a huge file is
/// never read into memory.
pub fn check_size(bytes: u64) -> Result<(), OpenError> {
    if bytes > MAX_FILE_BYTES {
        Err(OpenError::TooBig {
            size: size_label(bytes),
        })
    } else {
        Ok(())
    }
}

/// Just enough of a file to say what it is: everything else is skipped unread.
#[derive(serde::Deserialize)]
struct Probe {
    format: Option<Value>,
    version: Option<Value>,
}

/// Opens one file's text, fully validated.
pub fn open(file_name: &str, text: &str) -> Result<Opened, OpenError> {
    check_size(text.len() as u64)?;
    // Nearly every file is a good version 2 summary: one pass reads it straight into the
    // frozen type. Anything else is looked at again to say exactly what is wrong.
    let summary = match serde_json::from_str::<SummaryV2>(text) {
        Ok(s) if s.format == FORMAT && s.version == 2 => s,
        _ => diagnose(text)?,
    };
    validated(file_name, summary)
}

/// A file that is not a plain version 2 summary: a version 1 summary, or the error that
/// says what it is instead.
fn diagnose(text: &str) -> Result<SummaryV2, OpenError> {
    let probe: Value = serde_json::from_str(text).map_err(|_| OpenError::NotJson)?;
    let probe = Probe {
        format: probe.get("format").cloned(),
        version: probe.get("version").cloned(),
    };
    if probe.format.as_ref().and_then(Value::as_str) != Some(FORMAT) {
        return Err(OpenError::NotASummary);
    }
    match probe.version.as_ref().and_then(Value::as_u64) {
        Some(1) => serde_json::from_str::<SummaryV1>(text)
            .map(SummaryV1::into_v2)
            .map_err(shape),
        Some(2) => serde_json::from_str::<SummaryV2>(text).map_err(shape),
        Some(v) if v > u64::from(VERSION) => Err(OpenError::Newer(v)),
        _ => Err(damaged("its format version is missing or not a number")),
    }
}

/// The checks serde cannot make, on a summary already in the frozen shape (a file just
/// parsed, or a kept record): the same rules whichever way it came in.
pub fn validated(file_name: &str, summary: SummaryV2) -> Result<Opened, OpenError> {
    check(&summary)?;
    let fingerprint = fingerprint(&summary);
    Ok(Opened {
        file_name: file_name.to_owned(),
        summary,
        fingerprint,
    })
}

fn damaged(why: impl Into<String>) -> OpenError {
    OpenError::Damaged(why.into())
}

/// serde's message names the field and what was expected ("missing field `period`",
/// "unknown field `x`"); its line and column are dropped as noise for a supervisor.
fn shape(e: serde_json::Error) -> OpenError {
    let message = e.to_string();
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or("part of it has the wrong shape");
    // serde quotes names in backticks: written as ‘name’ here.
    let message: String = message
        .split('`')
        .enumerate()
        .map(|(i, part)| match i {
            0 => part.to_owned(),
            i if i % 2 == 1 => format!("‘{part}"),
            _ => format!("’{part}"),
        })
        .collect();
    damaged(format!("part of it has the wrong shape ({message})"))
}

/// FNV-1a over the canonical JSON (serde writes fields in the frozen order, no spaces).
/// Kept summaries are stored under this value, so it must never change for the same
/// summary. The JSON is written into one buffer, reused for every file of a batch, and
/// hashed in one loop: hashing as serde wrote, a call per token, cost more than the
/// hashing itself.
fn fingerprint(s: &SummaryV2) -> u64 {
    thread_local! {
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUFFER.with(|buffer| {
        let mut buffer = buffer.borrow_mut();
        buffer.clear();
        let _ = serde_json::to_writer(&mut *buffer, s);
        fnv1a(&buffer)
    })
}

/// FNV-1a, 64 bits.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The checks serde cannot make.
fn check(s: &SummaryV2) -> Result<(), OpenError> {
    if let Some(w) = &s.worker {
        match worker_name(w) {
            Ok(Some(clean)) if &clean == w => {}
            _ => return Err(damaged("the worker’s name or initials are not valid")),
        }
    }
    let p = &s.period;
    monday(p.first_week, "the first week")?;
    monday(p.last_week, "the last week")?;
    if p.last_week < p.first_week {
        return Err(damaged("its period ends before it starts"));
    }
    let weeks = (p.last_week - p.first_week).num_days() / 7 + 1;
    if i64::from(p.weeks) != weeks {
        return Err(damaged("its number of weeks does not match its period"));
    }
    if p.weeks > MAX_WEEKS {
        return Err(damaged("its period is longer than five years"));
    }
    let within = |week: NaiveDate, what: &str| -> Result<(), OpenError> {
        monday(week, what)?;
        if week < p.first_week || week > p.last_week {
            return Err(damaged(format!("{what} falls outside its period")));
        }
        Ok(())
    };
    let o = &s.overview;
    if o.entries_shared > o.entries {
        return Err(damaged("it shares more reflections than it counts"));
    }
    for f in o
        .families
        .iter()
        .chain(o.weeks.iter().flat_map(|w| &w.families))
    {
        family(&f.family)?;
    }
    for w in &o.weeks {
        within(w.week, "a week in its overview")?;
    }
    let tags = o
        .tags
        .iter()
        .chain(&s.normative.tags)
        .chain(&s.restorative.own_wellbeing)
        .chain(&s.restorative.holding.by_function)
        .chain(&s.restorative.holding.by_driver);
    for t in tags {
        family(&t.family)?;
    }
    if s.normative.escalations_withheld > s.normative.escalations {
        return Err(damaged("it withholds more escalations than it counts"));
    }
    for r in s.normative.reflections.iter().chain(&s.other_reflections) {
        reflection(r, &within)?;
    }
    for w in &s.formative.weeks {
        within(w.week, "a week of learning points")?;
        for item in &w.items {
            text(&item.text)?;
        }
    }
    let wb = &s.restorative.wellbeing;
    match wb.average {
        None if wb.checks == 0 => {}
        Some(avg) if wb.checks > 0 && rating(avg) => {}
        _ => return Err(damaged("its wellbeing average is not a rating from 1 to 5")),
    }
    for w in &wb.weeks {
        within(w.week, "a wellbeing week")?;
        if !rating(w.average) || w.checks == 0 || w.heavy_days > 7 {
            return Err(damaged("a wellbeing week has impossible numbers"));
        }
    }
    for e in &s.restorative.embeddedness {
        within(e.week, "an embeddedness check-in")?;
    }
    for row in &s.tag_counts {
        within(row.week, "a week of tag counts")?;
        family(&row.family)?;
    }
    if let Some(bring) = &s.bring {
        text(bring)?;
    }
    Ok(())
}

fn monday(week: NaiveDate, what: &str) -> Result<(), OpenError> {
    if week.weekday() == Weekday::Mon {
        Ok(())
    } else {
        Err(damaged(format!("{what} is not a Monday")))
    }
}

fn rating(v: f64) -> bool {
    v.is_finite() && (1.0..=5.0).contains(&v)
}

fn family(id: &str) -> Result<(), OpenError> {
    if id == crate::core::summary::CUSTOM_FAMILY || Family::ALL.iter().any(|f| f.id() == id) {
        Ok(())
    } else {
        Err(damaged("it names a tag family Anchorpoint does not have"))
    }
}

fn reflection(
    r: &Reflection,
    within: &dyn Fn(NaiveDate, &str) -> Result<(), OpenError>,
) -> Result<(), OpenError> {
    within(r.week, "a reflection’s week")?;
    for t in &r.tags {
        family(&t.family)?;
    }
    for a in &r.answers {
        text(&a.text)?;
    }
    Ok(())
}

/// Every highlighted stretch lies inside its text, in order.
fn text(t: &Text) -> Result<(), OpenError> {
    let chars = t.text.chars().count();
    let mut last = 0;
    for m in &t.redactions {
        if m.start > m.end || m.end > chars || m.start < last {
            return Err(damaged("a redaction mark points outside its text"));
        }
        last = m.end;
    }
    Ok(())
}
