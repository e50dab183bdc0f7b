//! The entry page: one reflection in full, with the way to edit or delete it.

use chrono::Local;
use leptos::prelude::*;

use crate::core::cues::end_of_entry_question;
use crate::core::entry::{date_and_time, long_date, JudgementCall};
use crate::core::ids::EntryId;
use crate::ui::browser;
use crate::ui::components::{FlashBanner, PageHeading};
use crate::ui::pages::checkins::WellbeingSummary;
use crate::ui::pages::not_found::EntryNotFound;
use crate::ui::pages::threads::EntryThreads;
use crate::ui::state::use_app_state;
use crate::ui::tagging::{EscalationGuidance, TagList};

#[component]
pub fn EntryPage() -> impl IntoView {
    let state = use_app_state();
    let params = crate::ui::route::params();
    let entry = Memo::new(move |_| {
        let id = params.id.as_deref().and_then(EntryId::parse)?;
        state.journal().with(|j| j.get(&id).cloned())
    });
    move || match entry.get() {
        None => view! { <EntryNotFound/> }.into_any(),
        Some(entry) => {
            let heading = format!("Reflection about {}", long_date(entry.about));
            browser::set_title(&heading, false);
            let written = entry.written_at.with_timezone(&Local).naive_local();
            let mut when = format!("Written on {}", date_and_time(written));
            if entry.updated_at != entry.written_at {
                let updated = entry.updated_at.with_timezone(&Local).naive_local();
                when.push_str(&format!(", last changed on {}", date_and_time(updated)));
            }
            let id = entry.id.clone();
            let about = entry.about;
            let tags = entry.tags.clone();
            view! {
                <a class="nhsuk-back-link" href="/">"Back to your journal"</a>
                <FlashBanner/>
                <PageHeading text=heading/>
                <p class="nhsuk-body-s app-entry-meta">{when}</p>
                {crate::core::backup::restore::restored_from(&id).map(|day| view! {
                    <p class="nhsuk-body-s app-entry-meta" id="restored-mark">
                        <strong class="nhsuk-tag nhsuk-tag--grey">{format!("Restored from the backup of {}", long_date(day))}</strong>
                        " Another version of this reflection was in your journal when the backup was restored; both are kept."
                    </p>
                })}
                {entry.template.map(|t| view! {
                    <p class="nhsuk-body-s app-entry-meta">"Written with the template: " {t.name}</p>
                })}
                {entry.judgement_call.map(|j| view! {
                    <p class="nhsuk-body-s app-entry-meta">
                        {format!("{} ", end_of_entry_question(Some(about), browser::today()))}
                        <strong>{if j == JudgementCall::Yes { "Yes" } else { "No" }}</strong>
                    </p>
                })}
                <crate::ui::nudges::IdentifierFlag entry=id.clone() about=long_date(about)/>
                <TagList tags=tags.clone()/>
                <EscalationGuidance tags=tags/>
                {entry.sections.into_iter().map(|section| view! {
                    {section.prompt.map(|p| view! { <h2 class="nhsuk-heading-s">{p}</h2> })}
                    <div class="app-entry-text">{section.text}</div>
                }).collect_view()}
                <WellbeingSummary entry=id.clone()/>
                <EntryThreads entry=id.clone()/>
                <ul class="nhsuk-list app-entry-actions">
                    <li><a href=format!("/entries/{id}/edit")>"Edit this reflection"</a></li>
                    <li><a href=format!("/entries/{id}/delete")>"Delete this reflection"</a></li>
                </ul>
            }
            .into_any()
        }
    }
}
