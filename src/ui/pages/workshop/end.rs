//! `/workshop/end`: asks before deleting the workshop's practice work, then wipes the
//! workshop space (only its keys: the journal's store is never opened in a workshop
//! tab), takes this tab out of the workshop and starts the app again on the journal.
//! If the wipe fails, nothing else changes and the tab stays in the workshop, so the
//! trainer can try again.

use leptos::prelude::*;

use super::{not_in_workshop, WORKSHOP_PATH};
use crate::storage::{set_tab_flag, TabFlag};
use crate::ui::browser;
use crate::ui::forms::{item, Problems};
use crate::ui::pages::settings::{confirm_page, ACTION_ID};
use crate::ui::state::use_app_state;

#[component]
pub fn EndWorkshopPage() -> impl IntoView {
    let state = use_app_state();
    if !state.in_workshop() {
        return not_in_workshop();
    }
    let problems = Problems::new(Signal::stored("End the workshop".to_owned()));
    let end = move || {
        if let Err(e) = state.wipe_workshop() {
            return problems.show(
                vec![item(
                    ACTION_ID,
                    format!("The workshop’s practice work could not all be deleted because {e}"),
                )],
                vec![
                    "The real journal on this device has not been touched, and this tab is still in the workshop.".to_owned(),
                    "Select “End workshop and delete practice work” again. If it keeps failing, close this tab and clear the site’s data for Anchorpoint only if nobody keeps a real journal in this browser.".to_owned(),
                ],
            );
        }
        // Large text belongs to the workshop; the journal starts at its usual size.
        let _ = set_tab_flag(TabFlag::LargeText, false);
        match set_tab_flag(TabFlag::Workshop, false) {
            Ok(()) => browser::restart_at(&format!("{WORKSHOP_PATH}?ended=1")),
            Err(e) => problems.show(
                vec![item(
                    ACTION_ID,
                    format!("The practice work was deleted, but this tab could not leave the workshop because {e}"),
                )],
                vec!["Close this tab to leave the workshop. The real journal on this device has not been touched.".to_owned()],
            ),
        }
    };
    confirm_page(
        problems,
        "Are you sure you want to end the workshop?".to_owned(),
        "Every practice reflection, tag, template, setting, check-in and draft made in this workshop will be deleted from this browser, including in any other tab that has the workshop open. The real journal on this device is not touched.".to_owned(),
        "End workshop and delete practice work",
        WORKSHOP_PATH,
        Box::new(end),
    )
}
