//! One reflection and the rules for making one. An [`Entry`] is what the worker wrote
//! about a day; a [`Draft`] is what the form holds while they write; [`validate`] is the
//! only way from the second to the first ("parse, don't validate"), so the rest of the
//! app only ever sees entries that passed.

use super::ids::{EntryId, PromptKey, TagId, TemplateId, ThreadId};
use super::templates::{PromptRole, TemplateRef};
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Timelike, Utc};
use serde::{Deserialize, Serialize};

/// The longest reflection we accept. Local storage holds about five million characters
/// per site; one entry should never be able to eat a large part of it.
pub const MAX_TEXT_CHARS: usize = 50_000;

/// The earliest date an entry may be about. The link worker role began in 2019; this
/// leaves room for notes about earlier work while catching typos such as year 0202.
pub const EARLIEST_ABOUT: (i32, u32, u32) = (2000, 1, 1);

/// One answered part of an entry. Free writing is a single section with no prompt; a
/// template gives one section per answered prompt. The prompt's text and role are kept
/// with the answer so an entry keeps its meaning, and its learning points and actions
/// still reach the supervision summary, even if its template is later edited or deleted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// The prompt's key within its template, for matching answers when editing.
    pub key: Option<PromptKey>,
    pub prompt: Option<String>,
    pub role: PromptRole,
    pub text: String,
}

impl Section {
    pub fn free(text: impl Into<String>) -> Section {
        Section {
            key: None,
            prompt: None,
            role: PromptRole::Other,
            text: text.into(),
        }
    }
}

/// The template an entry was written with, as it was then: its id, for filtering, and
/// its name, for showing even after the template is renamed or deleted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateUse {
    pub id: TemplateId,
    pub name: String,
}

impl TemplateUse {
    pub fn of(template: TemplateRef<'_>) -> Option<TemplateUse> {
        if template.is_free_form() {
            return None;
        }
        Some(TemplateUse {
            id: TemplateId::parse(template.id())?,
            name: template.name().to_owned(),
        })
    }
}

/// The worker's answer to the optional end-of-entry question, "Did you make a
/// judgement call today?", worded by the day the reflection is about
/// ([`crate::core::cues::end_of_entry_question`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum JudgementCall {
    Yes,
    No,
}

impl JudgementCall {
    pub fn id(self) -> &'static str {
        match self {
            JudgementCall::Yes => "yes",
            JudgementCall::No => "no",
        }
    }

    pub fn parse(raw: &str) -> Option<JudgementCall> {
        match raw {
            "yes" => Some(JudgementCall::Yes),
            "no" => Some(JudgementCall::No),
            _ => None,
        }
    }
}

/// One prompt's answer in the form, with the prompt as it was when the form was filled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub key: PromptKey,
    pub prompt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    #[serde(default)]
    pub role: PromptRole,
    pub text: String,
}

/// A saved reflection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub id: EntryId,
    /// When the entry was first saved.
    pub written_at: DateTime<Utc>,
    /// When it was last saved; equal to `written_at` until it is edited.
    pub updated_at: DateTime<Utc>,
    /// The day the reflection is about. Entries may be back-dated: written this morning
    /// about yesterday's sessions.
    pub about: NaiveDate,
    pub sections: Vec<Section>,
    /// Tags the worker chose, in the order chosen. Never added without their action.
    pub tags: Vec<TagId>,
    /// Tags the cue detector suggested and the worker dismissed, so the same
    /// suggestion is not asked again when the entry is edited.
    pub dismissed: Vec<TagId>,
    /// The template it was written with; `None` for free writing.
    pub template: Option<TemplateUse>,
    /// The answer to the end-of-entry question, if it was asked and answered.
    pub judgement_call: Option<JudgementCall>,
}

impl Entry {
    /// All the words of the entry, sections separated by blank lines.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for section in &self.sections {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&section.text);
        }
        out
    }

    /// The first `max_chars` characters of the entry on one line, for the journal list.
    pub fn preview(&self, max_chars: usize) -> String {
        let flat: String = self.text().split_whitespace().collect::<Vec<_>>().join(" ");
        if flat.chars().count() <= max_chars {
            flat
        } else {
            let cut: String = flat.chars().take(max_chars).collect();
            format!("{}…", cut.trim_end())
        }
    }

    /// The form contents that would reproduce this entry, for the edit page. `template`
    /// is the entry's template as it is now, if it still exists: its prompts come first,
    /// in its order, filled with the entry's answers, so prompts left blank last time can
    /// be answered now. Answers to prompts the template no longer has follow, so editing
    /// never loses words.
    pub fn to_draft(&self, template: Option<TemplateRef<'_>>) -> Draft {
        let mut draft = Draft {
            day: self.about.day().to_string(),
            month: self.about.month().to_string(),
            year: self.about.year().to_string(),
            text: String::new(),
            tags: self.tags.clone(),
            dismissed: self.dismissed.clone(),
            template: self.template.clone(),
            answers: Vec::new(),
            judgement_call: self.judgement_call,
            threads: Vec::new(),
        };
        if self.template.is_none() {
            draft.text = self.text();
            return draft;
        }
        let mut used = vec![false; self.sections.len()];
        if let Some(template) = template {
            for p in template.prompts() {
                let found = self
                    .sections
                    .iter()
                    .position(|s| s.key.as_ref().is_some_and(|k| k.as_str() == p.key));
                if let Some(i) = found {
                    used[i] = true;
                }
                let Some(key) = PromptKey::parse(p.key) else {
                    continue;
                };
                draft.answers.push(Answer {
                    key,
                    prompt: p.label.to_owned(),
                    hint: p.hint.map(str::to_owned),
                    role: p.role,
                    text: found
                        .map(|i| self.sections[i].text.clone())
                        .unwrap_or_default(),
                });
            }
        }
        for (i, section) in self.sections.iter().enumerate() {
            if used[i] {
                continue;
            }
            let key = section
                .key
                .clone()
                .or_else(|| PromptKey::parse(&format!("kept-{i}")));
            if let Some(key) = key {
                draft.answers.push(Answer {
                    key,
                    prompt: section.prompt.clone().unwrap_or_default(),
                    hint: None,
                    role: section.role,
                    text: section.text.clone(),
                });
            }
        }
        draft
    }
}

/// What the write/edit form holds, exactly as typed. Nothing about it is trusted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub day: String,
    pub month: String,
    pub year: String,
    pub text: String,
    #[serde(default)]
    pub tags: Vec<TagId>,
    #[serde(default)]
    pub dismissed: Vec<TagId>,
    /// The template chosen, if any; then `answers` holds one answer per prompt and
    /// `text` is unused.
    #[serde(default)]
    pub template: Option<TemplateUse>,
    #[serde(default)]
    pub answers: Vec<Answer>,
    #[serde(default)]
    pub judgement_call: Option<JudgementCall>,
    /// Holding threads to link the entry to when it is saved.
    #[serde(default)]
    pub threads: Vec<ThreadId>,
}

impl Draft {
    /// The day the date boxes name, if they hold a valid one (for wording questions
    /// about that day while the worker writes); [`validate`] reports what is wrong.
    pub fn about(&self, today: NaiveDate) -> Option<NaiveDate> {
        parse_about(self, today).ok()
    }

    /// A blank draft whose date defaults to `today`.
    pub fn for_day(today: NaiveDate) -> Draft {
        Draft {
            day: today.day().to_string(),
            month: today.month().to_string(),
            year: today.year().to_string(),
            ..Draft::default()
        }
    }

    /// Everything written so far, free text and answers, for the cue detector.
    pub fn all_text(&self) -> String {
        let mut out = self.text.clone();
        for answer in &self.answers {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&answer.text);
        }
        out
    }

    /// Switches the draft to `template`, keeping whatever was written: answers move to
    /// the prompt with the same key, free text moves to the first prompt, and answers
    /// with nowhere to go stay at the end, so changing template never loses words.
    pub fn use_template(&mut self, template: TemplateRef<'_>) {
        let mut old = std::mem::take(&mut self.answers);
        let mut loose = std::mem::take(&mut self.text);
        self.template = TemplateUse::of(template);
        if self.template.is_none() {
            // Free writing: everything becomes one text, prompts kept as headings.
            for a in old.iter().filter(|a| !a.text.trim().is_empty()) {
                if !loose.is_empty() {
                    loose.push_str("\n\n");
                }
                loose.push_str(&a.text);
            }
            self.text = loose;
            return;
        }
        for p in template.prompts() {
            let Some(key) = PromptKey::parse(p.key) else {
                continue;
            };
            let text = match old.iter().position(|a| a.key == key) {
                Some(i) => old.remove(i).text,
                None => std::mem::take(&mut loose),
            };
            self.answers.push(Answer {
                key,
                prompt: p.label.to_owned(),
                hint: p.hint.map(str::to_owned),
                role: p.role,
                text,
            });
        }
        self.answers
            .extend(old.into_iter().filter(|a| !a.text.trim().is_empty()));
        if !loose.trim().is_empty() {
            if let Some(key) = PromptKey::parse("kept-text") {
                self.answers.push(Answer {
                    key,
                    prompt: "What you had written".into(),
                    hint: None,
                    role: PromptRole::Other,
                    text: loose,
                });
            }
        }
    }
}

/// The parts of the form an error can point at. Each has a stable HTML id so an error
/// summary link can move focus to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    AboutDay,
    AboutMonth,
    AboutYear,
    Text,
    /// The answer to a template's prompt, by position from 0.
    Answer(usize),
}

impl Field {
    pub fn html_id(self) -> String {
        match self {
            Field::AboutDay => "about-day".into(),
            Field::AboutMonth => "about-month".into(),
            Field::AboutYear => "about-year".into(),
            Field::Text => "reflection".into(),
            Field::Answer(i) => format!("answer-{i}"),
        }
    }
}

/// A problem with one field, worded for the person filling in the form (GOV.UK style).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
    /// Which of the date parts to mark as wrong; the whole date for "not a real date".
    pub highlights: Vec<Field>,
}

impl FieldError {
    fn date(field: Field, message: impl Into<String>, highlights: &[Field]) -> FieldError {
        FieldError {
            field,
            message: message.into(),
            highlights: highlights.to_vec(),
        }
    }
}

/// The checked contents of a draft: everything needed to make or update an entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidEntry {
    pub about: NaiveDate,
    pub sections: Vec<Section>,
    pub tags: Vec<TagId>,
    pub dismissed: Vec<TagId>,
    pub template: Option<TemplateUse>,
    pub judgement_call: Option<JudgementCall>,
}

/// Checks a draft against the rules. `today` is the worker's local date, passed in so the
/// rule "not in the future" can be tested.
pub fn validate(draft: &Draft, today: NaiveDate) -> Result<ValidEntry, Vec<FieldError>> {
    let mut errors = Vec::new();
    let about = match parse_about(draft, today) {
        Ok(date) => Some(date),
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let sections = match &draft.template {
        None => check_free_text(draft, &mut errors),
        Some(_) => check_answers(draft, &mut errors),
    };
    match (about, errors.is_empty()) {
        (Some(about), true) => {
            let tags = unique(&draft.tags, &[]);
            let dismissed = unique(&draft.dismissed, &tags);
            Ok(ValidEntry {
                about,
                sections,
                tags,
                dismissed,
                template: draft.template.clone(),
                judgement_call: draft.judgement_call,
            })
        }
        _ => Err(errors),
    }
}

fn too_long(what: &str) -> String {
    format!(
        "{what} must be {} characters or fewer",
        thousands(MAX_TEXT_CHARS)
    )
}

fn check_free_text(draft: &Draft, errors: &mut Vec<FieldError>) -> Vec<Section> {
    let text = draft.text.trim_end();
    let message = if text.trim().is_empty() {
        "Enter your reflection".to_owned()
    } else if text.chars().count() > MAX_TEXT_CHARS {
        too_long("Reflection")
    } else {
        return vec![Section::free(text)];
    };
    errors.push(FieldError {
        field: Field::Text,
        message,
        highlights: vec![Field::Text],
    });
    Vec::new()
}

/// A templated entry needs at least one answer, and the whole entry must fit the same
/// limit as free writing. Blank answers are left out of the entry.
fn check_answers(draft: &Draft, errors: &mut Vec<FieldError>) -> Vec<Section> {
    let mut total = 0;
    let mut sections = Vec::new();
    for (i, answer) in draft.answers.iter().enumerate() {
        let text = answer.text.trim_end();
        if text.trim().is_empty() {
            continue;
        }
        total += text.chars().count();
        if total > MAX_TEXT_CHARS {
            errors.push(FieldError {
                field: Field::Answer(i),
                message: too_long("Your answers together"),
                highlights: vec![Field::Answer(i)],
            });
            return Vec::new();
        }
        sections.push(Section {
            key: Some(answer.key.clone()),
            prompt: Some(answer.prompt.clone()),
            role: answer.role,
            text: text.to_owned(),
        });
    }
    if sections.is_empty() {
        errors.push(FieldError {
            field: Field::Answer(0),
            message: "Answer at least one question".into(),
            highlights: vec![Field::Answer(0)],
        });
    }
    sections
}

/// The ids in `ids` once each, in first-seen order, leaving out any in `except`.
fn unique(ids: &[TagId], except: &[TagId]) -> Vec<TagId> {
    let mut out: Vec<TagId> = Vec::with_capacity(ids.len());
    for id in ids {
        if !out.contains(id) && !except.contains(id) {
            out.push(id.clone());
        }
    }
    out
}

fn parse_about(draft: &Draft, today: NaiveDate) -> Result<NaiveDate, FieldError> {
    parse_date_input(
        &draft.day,
        &draft.month,
        &draft.year,
        today,
        "Enter the date this reflection is about",
    )
}

/// Reads a date typed into the three boxes of an NHS date input, not in the future and
/// not before [`EARLIEST_ABOUT`], with GOV.UK messages. `empty` is the message when all
/// three boxes are empty ("Enter the date this reflection is about"). Errors name the
/// boxes as [`Field::AboutDay`], [`Field::AboutMonth`] and [`Field::AboutYear`] whichever
/// form they are on, so other date questions (when a holding thread opened or closed)
/// share one set of rules and words.
pub fn parse_date_input(
    day: &str,
    month: &str,
    year: &str,
    today: NaiveDate,
    empty: &str,
) -> Result<NaiveDate, FieldError> {
    use Field::{AboutDay as D, AboutMonth as M, AboutYear as Y};
    let day = day.trim();
    let month = month.trim();
    let year = year.trim();
    let missing: Vec<Field> = [(day, D), (month, M), (year, Y)]
        .iter()
        .filter(|(v, _)| v.is_empty())
        .map(|(_, f)| *f)
        .collect();
    match missing.as_slice() {
        [] => {}
        [_, _, _] => return Err(FieldError::date(D, empty, &[D, M, Y])),
        [only] => {
            let part = match only {
                D => "day",
                M => "month",
                _ => "year",
            };
            return Err(FieldError::date(
                *only,
                format!("Date must include a {part}"),
                &[*only],
            ));
        }
        [first, second] => {
            let name = |f: &Field| match f {
                D => "day",
                M => "month",
                _ => "year",
            };
            return Err(FieldError::date(
                *first,
                format!("Date must include a {} and {}", name(first), name(second)),
                &[*first, *second],
            ));
        }
        _ => unreachable!("at most three parts are missing"),
    }
    let number = |s: &str| -> Option<u32> {
        (s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    if year.len() != 4 || number(year).is_none() {
        return Err(FieldError::date(Y, "Year must include 4 numbers", &[Y]));
    }
    let (Some(d), Some(m), Some(y)) = (number(day), number(month), number(year)) else {
        return Err(FieldError::date(D, "Date must be a real date", &[D, M, Y]));
    };
    let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) else {
        return Err(FieldError::date(D, "Date must be a real date", &[D, M, Y]));
    };
    if date > today {
        return Err(FieldError::date(
            D,
            "Date must be today or in the past",
            &[D, M, Y],
        ));
    }
    let (ey, em, ed) = EARLIEST_ABOUT;
    if NaiveDate::from_ymd_opt(ey, em, ed).is_some_and(|earliest| date < earliest) {
        return Err(FieldError::date(
            Y,
            format!("Date must be in {ey} or later"),
            &[Y],
        ));
    }
    Ok(date)
}

/// A day as the UI writes it: "Monday 23 November 2026" (GOV.UK date style).
///
/// Written by hand rather than with chrono's `format`: its strftime engine costs the
/// browser bundle about 9 KB for two fixed English patterns.
pub fn long_date(date: NaiveDate) -> String {
    const WEEKDAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let weekday = WEEKDAYS[date.weekday().num_days_from_monday() as usize];
    format!("{weekday} {}", day_month_year(date))
}

/// A moment as the UI writes it, in the worker's local time: "24 November 2026 at 09:05"
/// (the strftime pattern `%-d %B %Y at %H:%M`). The shell converts to local time first,
/// so the core never needs to know the time zone.
pub fn date_and_time(at: NaiveDateTime) -> String {
    format!(
        "{} at {:02}:{:02}",
        day_month_year(at.date()),
        at.hour(),
        at.minute()
    )
}

/// A reflection's heading in the journal list: the day it is about, and, when another
/// reflection is about the same day, when it was written (`written` in local time), so
/// that two headings (and the links in them, which a screen reader lists by name) are
/// never the same: "Monday 30 November 2026, written at 09:05". A reflection written
/// on a later day says that day too.
pub fn list_heading(about: NaiveDate, written: NaiveDateTime, shares_day: bool) -> String {
    let day = long_date(about);
    if !shares_day {
        day
    } else if written.date() == about {
        format!(
            "{day}, written at {:02}:{:02}",
            written.hour(),
            written.minute()
        )
    } else {
        format!("{day}, written on {}", date_and_time(written))
    }
}

/// "23 November 2026": the day without padding, the month in full, the year.
fn day_month_year(date: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    // month0() is 0..=11 by chrono's contract, so the index is always in range.
    let month = MONTHS[date.month0() as usize];
    // As strftime's `%Y`: four digits, zero-padded, with a sign outside 0 to 9999. Only
    // a damaged or hand-edited record can hold such a year, but it must still show.
    let year = date.year();
    if (0..10_000).contains(&year) {
        format!("{} {month} {year:04}", date.day())
    } else {
        format!("{} {month} {year:+05}", date.day())
    }
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn draft(day: &str, month: &str, year: &str, text: &str) -> Draft {
        Draft {
            day: day.into(),
            month: month.into(),
            year: year.into(),
            text: text.into(),
            ..Draft::default()
        }
    }

    /// One line per case: the draft's date parts and text, and the messages expected.
    fn check(day: &str, month: &str, year: &str, text: &str, expected: &[&str]) {
        let result = validate(&draft(day, month, year, text), today());
        let messages: Vec<String> = match &result {
            Ok(_) => vec![],
            Err(errors) => errors.iter().map(|e| e.message.clone()).collect(),
        };
        assert_eq!(messages, expected, "for {day}/{month}/{year} {text:?}");
    }

    #[test]
    fn validation_messages_follow_the_gov_uk_date_pattern() {
        check("24", "11", "2026", "Saw a new referral.", &[]);
        check("1", "1", "2000", "Old note.", &[]);
        check(" 3 ", "03", "2025", "Padded parts are fine.", &[]);
        check(
            "",
            "",
            "",
            "x",
            &["Enter the date this reflection is about"],
        );
        check("", "11", "2026", "x", &["Date must include a day"]);
        check("24", "", "2026", "x", &["Date must include a month"]);
        check("24", "11", "", "x", &["Date must include a year"]);
        check("", "", "2026", "x", &["Date must include a day and month"]);
        check("24", "11", "26", "x", &["Year must include 4 numbers"]);
        check("31", "2", "2026", "x", &["Date must be a real date"]);
        check("0", "1", "2026", "x", &["Date must be a real date"]);
        check("aa", "1", "2026", "x", &["Date must be a real date"]);
        check(
            "25",
            "11",
            "2026",
            "x",
            &["Date must be today or in the past"],
        );
        check("31", "12", "1999", "x", &["Date must be in 2000 or later"]);
        check("24", "11", "2026", "", &["Enter your reflection"]);
        check("24", "11", "2026", " \n\t ", &["Enter your reflection"]);
        check(
            "",
            "",
            "",
            "",
            &[
                "Enter the date this reflection is about",
                "Enter your reflection",
            ],
        );
    }

    #[test]
    fn text_over_the_limit_is_refused_and_at_the_limit_is_accepted() {
        let at_limit = "a".repeat(MAX_TEXT_CHARS);
        check("1", "1", "2026", &at_limit, &[]);
        let over = "a".repeat(MAX_TEXT_CHARS + 1);
        check(
            "1",
            "1",
            "2026",
            &over,
            &["Reflection must be 50,000 characters or fewer"],
        );
    }

    #[test]
    fn a_valid_draft_becomes_one_free_section_without_trailing_space() {
        let valid = validate(
            &draft("23", "11", "2026", "Went with them to the group.\n\n"),
            today(),
        )
        .expect("valid");
        assert_eq!(valid.about, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
        assert_eq!(
            valid.sections,
            vec![Section::free("Went with them to the group.")]
        );
    }

    #[test]
    fn chosen_tags_are_kept_once_in_order_and_a_chosen_tag_is_never_also_dismissed() {
        let tag = |s: &str| TagId::parse(s).unwrap();
        let mut d = draft("23", "11", "2026", "Went with them to the group.");
        d.tags = vec![tag("md-patient"), tag("anchor-step"), tag("md-patient")];
        d.dismissed = vec![
            tag("anchor-step"),
            tag("holding-waiting"),
            tag("holding-waiting"),
        ];
        let valid = validate(&d, today()).unwrap();
        assert_eq!(valid.tags, [tag("md-patient"), tag("anchor-step")]);
        assert_eq!(valid.dismissed, [tag("holding-waiting")]);
    }

    #[test]
    fn a_missing_part_highlights_only_that_part_and_an_unreal_date_all_three() {
        let errors = validate(&draft("24", "", "2026", "x"), today()).unwrap_err();
        assert_eq!(errors[0].highlights, vec![Field::AboutMonth]);
        let errors = validate(&draft("31", "2", "2026", "x"), today()).unwrap_err();
        assert_eq!(
            errors[0].highlights,
            vec![Field::AboutDay, Field::AboutMonth, Field::AboutYear]
        );
    }

    #[test]
    fn other_date_questions_share_the_rules_with_their_own_missing_message() {
        let missing = "Enter the date the thread opened";
        let message = |d: &str, m: &str, y: &str| {
            parse_date_input(d, m, y, today(), missing)
                .map_err(|e| e.message)
                .err()
        };
        assert_eq!(
            parse_date_input(" 3", "11", "2026", today(), missing),
            Ok(NaiveDate::from_ymd_opt(2026, 11, 3).unwrap())
        );
        assert_eq!(message("", " ", ""), Some(missing.to_owned()));
        assert_eq!(
            message("3", "", "2026"),
            Some("Date must include a month".into())
        );
        assert_eq!(
            message("25", "11", "2026"),
            Some("Date must be today or in the past".into())
        );
        assert_eq!(
            message("30", "2", "2026"),
            Some("Date must be a real date".into())
        );
    }

    #[test]
    fn entry_ids_accept_only_safe_characters() {
        assert!(EntryId::parse("e1a2b-3c").is_some());
        for bad in ["", "E1", "e 1", "e/1", "../x", &"a".repeat(65)] {
            assert!(EntryId::parse(bad).is_none(), "{bad:?}");
        }
        let id = EntryId::from_parts(1_764_000_000_000, 123_456);
        assert!(EntryId::parse(id.as_str()).is_some());
        assert_ne!(id, EntryId::from_parts(1_764_000_000_000, 123_457));
    }

    #[test]
    fn a_draft_made_from_an_entry_validates_back_to_the_same_content() {
        let entry = Entry {
            id: EntryId::parse("e1").unwrap(),
            written_at: DateTime::UNIX_EPOCH,
            updated_at: DateTime::UNIX_EPOCH,
            about: NaiveDate::from_ymd_opt(2026, 3, 9).unwrap(),
            sections: vec![Section::free("Bearing witness today.")],
            tags: vec![TagId::parse("holding-witness").unwrap()],
            dismissed: vec![TagId::parse("md-patient").unwrap()],
            template: None,
            judgement_call: Some(JudgementCall::Yes),
        };
        let valid = validate(&entry.to_draft(None), today()).unwrap();
        assert_eq!(valid.judgement_call, Some(JudgementCall::Yes));
        assert_eq!(valid.about, entry.about);
        assert_eq!(valid.sections, entry.sections);
        assert_eq!(valid.tags, entry.tags);
        assert_eq!(valid.dismissed, entry.dismissed);
    }

    /// The day a reflection is about, when it was written (local time), whether another
    /// reflection is about the same day, and the heading the journal list gives it.
    #[track_caller]
    fn check_heading(about: &str, written: &str, shared: bool, expected: &str) {
        let about = NaiveDate::parse_from_str(about, "%Y-%m-%d").expect("a test date");
        let written = NaiveDateTime::parse_from_str(written, "%Y-%m-%d %H:%M").expect("a time");
        assert_eq!(list_heading(about, written, shared), expected);
    }

    #[test]
    fn reflections_about_the_same_day_get_headings_that_tell_them_apart() {
        check_heading(
            "2026-11-30",
            "2026-11-30 16:40",
            false,
            "Monday 30 November 2026",
        );
        check_heading(
            "2026-11-30",
            "2026-11-30 09:05",
            true,
            "Monday 30 November 2026, written at 09:05",
        );
        check_heading(
            "2026-11-30",
            "2026-12-01 08:15",
            true,
            "Monday 30 November 2026, written on 1 December 2026 at 08:15",
        );
    }

    #[test]
    fn long_dates_use_the_gov_uk_style() {
        assert_eq!(
            long_date(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
            "Monday 23 November 2026"
        );
        assert_eq!(
            long_date(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()),
            "Sunday 1 March 2026"
        );
    }

    /// The hand-written formatters must match the strftime patterns they replace, for
    /// every day of several years (leap years included) and a spread of times.
    #[test]
    fn hand_formatted_dates_match_chrono_strftime() {
        let mut day = NaiveDate::from_ymd_opt(1999, 12, 25).unwrap();
        let last = NaiveDate::from_ymd_opt(2029, 1, 7).unwrap();
        let mut n = 0u32;
        while day <= last {
            assert_eq!(long_date(day), day.format("%A %-d %B %Y").to_string());
            let at = day
                .and_hms_opt(n % 24, (n * 7) % 60, (n * 13) % 60)
                .unwrap();
            assert_eq!(
                date_and_time(at),
                at.format("%-d %B %Y at %H:%M").to_string()
            );
            day = day.succ_opt().unwrap();
            n += 1;
        }
        for year in [-40_000, -1, 0, 7, 99, 999, 9999, 10_000, 200_000] {
            let day = NaiveDate::from_ymd_opt(year, 2, 28).unwrap();
            assert_eq!(long_date(day), day.format("%A %-d %B %Y").to_string());
            let at = day.and_hms_opt(0, 0, 0).unwrap();
            assert_eq!(
                date_and_time(at),
                at.format("%-d %B %Y at %H:%M").to_string()
            );
        }
    }

    #[test]
    fn date_and_time_uses_the_gov_uk_style_with_a_24_hour_clock() {
        let at = NaiveDate::from_ymd_opt(2026, 11, 4)
            .unwrap()
            .and_hms_opt(9, 5, 59)
            .unwrap();
        assert_eq!(date_and_time(at), "4 November 2026 at 09:05");
        let at = NaiveDate::from_ymd_opt(2026, 1, 31)
            .unwrap()
            .and_hms_opt(23, 0, 0)
            .unwrap();
        assert_eq!(date_and_time(at), "31 January 2026 at 23:00");
    }

    #[test]
    fn preview_flattens_whitespace_and_cuts_on_characters() {
        let entry = Entry {
            id: EntryId::parse("e1").unwrap(),
            written_at: DateTime::UNIX_EPOCH,
            updated_at: DateTime::UNIX_EPOCH,
            about: NaiveDate::from_ymd_opt(2026, 3, 9).unwrap(),
            sections: vec![Section::free("Café  visit\n\nthen   the food bank")],
            tags: vec![],
            dismissed: vec![],
            template: None,
            judgement_call: None,
        };
        assert_eq!(entry.preview(100), "Café visit then the food bank");
        assert_eq!(entry.preview(4), "Café…");
    }

    fn library() -> crate::core::templates::TemplateLibrary {
        crate::core::templates::TemplateLibrary::new()
    }

    fn driscoll(lib: &crate::core::templates::TemplateLibrary) -> TemplateRef<'_> {
        lib.get(&TemplateId::parse("driscoll").unwrap()).unwrap()
    }

    #[test]
    fn choosing_a_template_gives_one_answer_per_prompt_and_keeps_free_text() {
        let lib = library();
        let mut d = draft("23", "11", "2026", "Already started writing.");
        d.use_template(driscoll(&lib));
        assert_eq!(d.template.as_ref().unwrap().id.as_str(), "driscoll");
        let prompts: Vec<&str> = d.answers.iter().map(|a| a.prompt.as_str()).collect();
        assert_eq!(prompts, ["What?", "So what?", "Now what?"]);
        assert_eq!(d.answers[0].text, "Already started writing.");
        assert!(d.text.is_empty());
        // And back to free writing: every answer is kept as text.
        d.answers[2].text = "Ask in supervision.".into();
        let free = lib
            .get(&TemplateId::parse(crate::core::templates::FREE_FORM_ID).unwrap())
            .unwrap();
        d.use_template(free);
        assert_eq!(d.template, None);
        assert!(d.answers.is_empty());
        assert_eq!(d.text, "Already started writing.\n\nAsk in supervision.");
    }

    #[test]
    fn switching_templates_never_loses_an_answer() {
        let lib = library();
        let mut d = draft("23", "11", "2026", "");
        d.use_template(driscoll(&lib));
        d.answers[1].text = "It mattered because…".into();
        let other = lib
            .all()
            .find(|t| t.id() != "driscoll" && !t.is_free_form())
            .unwrap();
        d.use_template(other);
        assert!(d.answers.iter().any(|a| a.text == "It mattered because…"));
    }

    #[test]
    fn a_templated_entry_needs_one_answer_and_keeps_only_answered_prompts() {
        let lib = library();
        let mut d = draft("23", "11", "2026", "");
        d.use_template(driscoll(&lib));
        let errors = validate(&d, today()).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].message, "Answer at least one question");
        assert_eq!(errors[0].field.html_id(), "answer-0");
        d.answers[2].text = "  Bring it to supervision.  ".into();
        let valid = validate(&d, today()).unwrap();
        assert_eq!(valid.sections.len(), 1);
        assert_eq!(valid.sections[0].prompt.as_deref(), Some("Now what?"));
        assert_eq!(valid.sections[0].key.as_ref().unwrap().as_str(), "now-what");
        assert_eq!(valid.sections[0].role, PromptRole::Action);
        assert_eq!(valid.sections[0].text, "  Bring it to supervision.");
        assert_eq!(valid.template.unwrap().name, "Driscoll");
    }

    #[test]
    fn answers_together_over_the_limit_point_at_the_answer_that_crossed_it() {
        let lib = library();
        let mut d = draft("23", "11", "2026", "");
        d.use_template(driscoll(&lib));
        d.answers[0].text = "a".repeat(MAX_TEXT_CHARS - 5);
        d.answers[1].text = "b".repeat(10);
        let errors = validate(&d, today()).unwrap_err();
        assert_eq!(errors[0].field, Field::Answer(1));
        assert!(errors[0].message.contains("50,000"));
    }

    #[test]
    fn editing_a_templated_entry_offers_unanswered_prompts_and_keeps_orphaned_answers() {
        let lib = library();
        let mut d = draft("23", "11", "2026", "");
        d.use_template(driscoll(&lib));
        d.answers[0].text = "What happened.".into();
        let valid = validate(&d, today()).unwrap();
        let mut entry = crate::core::journal::Journal::new()
            .prepare_add(EntryId::parse("e1").unwrap(), valid, DateTime::UNIX_EPOCH)
            .unwrap();
        // An answer to a prompt the template no longer has (say it was edited).
        entry.sections.push(Section {
            key: PromptKey::parse("gone"),
            prompt: Some("A removed question".into()),
            role: PromptRole::Learning,
            text: "Still mine.".into(),
        });
        let again = entry.to_draft(Some(driscoll(&lib)));
        let texts: Vec<(&str, &str)> = again
            .answers
            .iter()
            .map(|a| (a.prompt.as_str(), a.text.as_str()))
            .collect();
        assert_eq!(
            texts,
            [
                ("What?", "What happened."),
                ("So what?", ""),
                ("Now what?", ""),
                ("A removed question", "Still mine.")
            ]
        );
        // With the template deleted, the entry's own answers are the form.
        let orphan = entry.to_draft(None);
        assert_eq!(orphan.answers.len(), 2);
        assert_eq!(orphan.answers[1].role, PromptRole::Learning);
        // Saved again unchanged, nothing is lost.
        let valid = validate(&again, today()).unwrap();
        assert_eq!(valid.sections.len(), 2);
    }
}
