//! The worker's preferences: whether to ask the end-of-entry question, how often to
//! prompt an embeddedness check-in, and the private list of names and places to redact.
//! One small record, read at start-up and written only when the worker changes it.
//!
//! [`Preferences`] is a second small record for what came after format 4 was frozen:
//! identifier nudges while writing, the lock's idle time, the backup reminder and when
//! the last backup was made. It is a collection of its own so that adding it changed no
//! stored shape (an older app reports its key as unknown and leaves it alone).

use chrono::{DateTime, Utc};

use super::checkins::CheckInInterval;
use super::ids::one_line;

/// The longest private list we keep. Far beyond a real caseload's worth of names, it
/// stops a pasted document from filling storage.
pub const MAX_PRIVATE_NAMES: usize = 2_000;

/// The longest single name or place on the private list.
pub const MAX_PRIVATE_NAME_CHARS: usize = 80;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Ask "Did you make a judgement call today?" at the end of each entry. On by
    /// default: the research found workers rarely name these calls unprompted.
    pub end_question: bool,
    /// How often to suggest an embeddedness check-in.
    pub check_in_interval: CheckInInterval,
    /// Names and places the worker wants removed from every export, as they typed them.
    /// Kept only on this device.
    pub private_names: Vec<String>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            end_question: true,
            check_in_interval: CheckInInterval::default(),
            private_names: Vec::new(),
        }
    }
}

/// The longest idle time the lock offers, in minutes (8 hours: a working day).
pub const MAX_AUTO_LOCK_MINUTES: u32 = 480;

/// The longest backup reminder interval offered, in days.
pub const MAX_BACKUP_REMINDER_DAYS: u32 = 365;

/// Preferences added after format 4: see the module note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preferences {
    /// Mark likely identifiers while the worker writes. On by default: the GMC's and
    /// NMC's guidance is that reflections should not identify anyone.
    pub nudges: bool,
    /// With the lock on, lock after this many minutes without a key press, click or
    /// touch. `None` never locks by itself.
    pub auto_lock_minutes: Option<u32>,
    /// Remind the worker to download a backup when the last one is older than this many
    /// days. `None` never reminds.
    pub backup_reminder_days: Option<u32>,
    /// When the last backup was downloaded from this device.
    pub last_backup: Option<DateTime<Utc>>,
}

impl Default for Preferences {
    fn default() -> Preferences {
        Preferences {
            nudges: true,
            auto_lock_minutes: Some(15),
            backup_reminder_days: Some(14),
            last_backup: None,
        }
    }
}

/// Reads the private list from a text area: one name or place per line, trimmed, blank
/// lines and repeats (ignoring case) dropped, the worker's spelling kept.
pub fn parse_private_names(raw: &str) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    for line in raw.lines() {
        let name = one_line(line);
        if name.is_empty() {
            continue;
        }
        if name.chars().count() > MAX_PRIVATE_NAME_CHARS {
            return Err(format!(
                "Each name or place must be {MAX_PRIVATE_NAME_CHARS} characters or fewer"
            ));
        }
        if !out.iter().any(|n| n.to_lowercase() == name.to_lowercase()) {
            out.push(name);
        }
    }
    if out.len() > MAX_PRIVATE_NAMES {
        return Err(format!(
            "Your list must have {MAX_PRIVATE_NAMES} names or places or fewer"
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_end_question_is_on_by_default() {
        assert!(Settings::default().end_question);
        assert_eq!(
            Settings::default().check_in_interval,
            CheckInInterval::Monthly
        );
    }

    #[test]
    fn preferences_default_to_nudges_on_a_15_minute_lock_and_a_14_day_reminder() {
        let p = Preferences::default();
        assert!(p.nudges);
        assert_eq!(p.auto_lock_minutes, Some(15));
        assert_eq!(p.backup_reminder_days, Some(14));
        assert_eq!(p.last_backup, None);
    }

    #[test]
    fn private_names_are_trimmed_deduplicated_and_keep_their_spelling() {
        let names = parse_private_names("  Jo  Bloggs \n\njo bloggs\nMaple Court\n").unwrap();
        assert_eq!(
            names,
            vec!["Jo Bloggs".to_owned(), "Maple Court".to_owned()]
        );
    }

    #[test]
    fn an_overlong_private_name_is_refused() {
        let long = "x".repeat(MAX_PRIVATE_NAME_CHARS + 1);
        assert!(parse_private_names(&long).is_err());
        assert!(parse_private_names(&"x".repeat(MAX_PRIVATE_NAME_CHARS)).is_ok());
    }

    #[test]
    fn too_many_private_names_are_refused() {
        let many: String = (0..=MAX_PRIVATE_NAMES)
            .map(|i| format!("Name{i}\n"))
            .collect();
        assert!(parse_private_names(&many).is_err());
    }
}
