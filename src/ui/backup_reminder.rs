//! The backup reminder on the journal page, and "Backups" in Settings: links to make
//! and restore a backup, when the last one was made, and how often to be reminded. The
//! reminder costs one comparison at start-up (`core::backup::reminder_due`): it reads
//! the preferences and the journal's length, both already in memory.

use leptos::prelude::*;

use crate::core::backup::reminder_due;
use crate::core::entry::long_date;
use crate::core::settings::MAX_BACKUP_REMINDER_DAYS;
use crate::ui::browser;
use crate::ui::forms::{Choice, Problems, Radios};
use crate::ui::state::use_app_state;

/// "Back up your journal", on the journal page when a backup is due.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let state = use_app_state();
    let now = browser::now();
    move || {
        let prefs = state.preferences.get();
        let count = state.reflection_count();
        // Practice work in a workshop is not backed up: the workshop ends by deleting it.
        let due = !state.in_workshop()
            && reminder_due(now, prefs.backup_reminder_days, prefs.last_backup, count);
        due.then(|| {
            let said = match prefs.last_backup {
                Some(at) => format!(
                    "Your last backup was made on {}. A backup keeps your reflections safe if this browser’s data is cleared or you change computer.",
                    long_date(at.date_naive())
                ),
                None => "You have not made a backup yet. A backup keeps your reflections safe if this browser’s data is cleared or you change computer.".to_owned(),
            };
            view! {
                <div class="nhsuk-inset-text" id="backup-reminder">
                    <span class="nhsuk-u-visually-hidden">"Information: "</span>
                    <h2 class="nhsuk-heading-s">"Back up your journal"</h2>
                    <p>{said}</p>
                    <p><a href="/settings/backup">"Download a backup"</a></p>
                </div>
            }
        })
    }
}

const REMINDER_ID: &str = "backup-reminder-days";
const SAVE_ID: &str = "save-backup-reminder";

/// "Backups" in Settings. Its problems show in the settings page's one error summary.
#[component]
pub fn BackupSection(errors: Problems) -> impl IntoView {
    let state = use_app_state();
    let chosen = RwSignal::new(
        state
            .preferences
            .get_untracked()
            .backup_reminder_days
            .map_or("never".to_owned(), |d| d.to_string()),
    );
    let saved = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(None);
        let days = match chosen.get_untracked().as_str() {
            "never" => None,
            d => d
                .parse::<u32>()
                .ok()
                .filter(|d| (1..=MAX_BACKUP_REMINDER_DAYS).contains(d)),
        };
        let mut prefs = state.preferences.get_untracked();
        prefs.backup_reminder_days = days;
        match state.save_preferences(prefs) {
            Ok(()) => {
                errors.clear();
                saved.set(Some("Backup reminder saved".to_owned()));
            }
            Err(e) => errors.storage_kept(
                SAVE_ID,
                "Your backup reminder",
                &e,
                "Your saved choice has not changed.",
            ),
        }
    };
    let last = move || {
        state.preferences.with(|p| match p.last_backup {
            Some(at) => format!("Last backup: {}.", long_date(at.date_naive())),
            None => "No backup has been made from this device yet.".to_owned(),
        })
    };
    view! {
        <h2 class="nhsuk-heading-m" id="backups">"Backups"</h2>
        <p id="settings-last-backup">{last}</p>
        <ul class="nhsuk-list">
            <li><a href="/settings/backup">"Download a backup"</a></li>
            <li><a href="/settings/restore">"Restore from a backup"</a></li>
        </ul>
        <form novalidate on:submit=save>
            <Radios name=REMINDER_ID value=chosen inline=true
                legend="Remind me to make a backup"
                legend_class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s"
                hint="The journal page reminds you when your last backup is older than this."
                choices=vec![
                    Choice { value: "7", label: "After 7 days", hint: None },
                    Choice { value: "14", label: "After 14 days", hint: None },
                    Choice { value: "30", label: "After 30 days", hint: None },
                    Choice { value: "never", label: "Never", hint: None },
                ]/>
            <button id=SAVE_ID class="nhsuk-button nhsuk-button--secondary" type="submit">"Save backup reminder"</button>
            <p class="nhsuk-body" role="status" id="backup-reminder-saved">{move || saved.get()}</p>
        </form>
    }
}
