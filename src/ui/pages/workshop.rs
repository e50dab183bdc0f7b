//! Trainer workshop mode's pages, one per file, all in the `workshop` wasm chunk: the
//! page that explains and starts a workshop and lists its cases ([`start`]), a case and
//! the comparison with the facilitator's perspective ([`case`]), and ending the workshop
//! ([`end`]), and the workshop banner's moving parts ([`banner`]). The exercise's reflection is written in the ordinary editor, and the
//! practice supervision summary is the ordinary summary: in a workshop tab the app's
//! one store is the workshop's (see `AppState`), so they run on practice work.

pub mod banner;
pub mod case;
pub mod end;
pub mod start;

use leptos::prelude::*;

use crate::ui::components::PageHeading;

/// The address of the workshop's start page.
pub const WORKSHOP_PATH: &str = "/workshop";

/// Shown for a workshop page opened in a tab that is not in a workshop.
pub(crate) fn not_in_workshop() -> AnyView {
    crate::ui::browser::set_title("This tab is not in a workshop", false);
    view! {
        <PageHeading text="This tab is not in a workshop"/>
        <p>"Workshop cases and exercises are only shown in a tab that is running a workshop, so that practice work never mixes with a real journal."</p>
        <p><a href=WORKSHOP_PATH>"Find out about workshops and start one"</a></p>
    }
    .into_any()
}
