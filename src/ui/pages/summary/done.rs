//! `/summary/done`: what was downloaded, whether the file is protected, and the same
//! confirmed summary in the other formats.

use std::sync::Arc;

use leptos::prelude::*;

use super::{
    fact_rows, start_again, warning_callout, weeks_text, SummaryFlow, DOWNLOAD_REFUSED, FORM_PATH,
};
use crate::core::plural;
use crate::core::summary::export::Format;
use crate::core::summary::Summary;
use crate::ui::browser;
use crate::ui::components::HEADING_ID;
use crate::ui::forms::Problems;

/// `/summary/done`.
#[component]
pub fn SummaryDonePage() -> impl IntoView {
    let flow = SummaryFlow::get();
    match flow.exported.get_untracked() {
        Some(exported) => done_page(flow, exported.summary, exported.protected),
        None => start_again("There is no summary to show"),
    }
}

fn done_page(flow: SummaryFlow, summary: Arc<Summary>, protected: bool) -> AnyView {
    let problems = Problems::new(Signal::stored("Summary downloaded".to_owned()));
    let files = move || {
        flow.exported
            .with(|e| e.as_ref().map(|e| e.files.clone()).unwrap_or_default())
    };
    let redacted = summary.redactions.iter().map(|k| k.count).sum::<usize>();
    let kinds = summary
        .redactions
        .iter()
        .map(|k| format!("{}: {}", k.kind.label(), k.count))
        .collect::<Vec<_>>()
        .join("; ");
    let facts = vec![
        ("Weeks", weeks_text(summary.period)),
        (
            "Reflections counted",
            plural(summary.overview.entries, "reflection", "reflections"),
        ),
        (
            "Reflections with words included",
            plural(summary.overview.entries_shared, "reflection", "reflections"),
        ),
        (
            "What I want to bring to supervision",
            if summary.bring.is_some() {
                "Included"
            } else {
                "Nothing added"
            }
            .to_owned(),
        ),
        (
            "Redacted",
            if redacted == 0 {
                "Nothing".to_owned()
            } else {
                format!(
                    "{}. {kinds}",
                    plural(redacted, "word or phrase", "words or phrases")
                )
            },
        ),
    ];
    let facts = fact_rows(facts, false);
    let again = Format::ALL
        .into_iter()
        .map(|format| {
            let summary = summary.clone();
            let download = move |_| {
                let name = format.file_name(&summary);
                if !browser::download(&name, format.mime(), &format.render(&summary)) {
                    return problems.one(&format!("again-{}", format.id()), DOWNLOAD_REFUSED.to_owned());
                }
                problems.clear();
                flow.exported.update(|e| {
                    if let Some(e) = e {
                        if !e.files.contains(&name) {
                            e.files.push(name);
                        }
                    }
                });
            };
            view! {
                <li>
                    <button type="button" id=format!("again-{}", format.id())
                        class="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-inline-button"
                        on:click=download>{format!("Download {}", format.label())}</button>
                </li>
            }
        })
        .collect_view();
    view! {
        {problems.summary()}
        <div class="nhsuk-panel">
            <h1 class="nhsuk-panel__heading" id=HEADING_ID tabindex="-1">"Summary downloaded"</h1>
            <div class="nhsuk-panel__body">"Your file is in this browser’s downloads."</div>
        </div>
        <h2 class="nhsuk-heading-m">"What was downloaded"</h2>
        <dl class="nhsuk-summary-list">
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">"Files"</dt>
                <dd class="nhsuk-summary-list__value">
                    <ul class="nhsuk-list">{move || files().into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                </dd>
            </div>
            {facts}
        </dl>
        {protected.then(|| warning_callout(
            "The file is protected",
            view! {
                <p class="nhsuk-card__description">"The JSON file is sealed with your passphrase. Your supervisor opens it in Anchorpoint’s supervisor view with the passphrase: tell it to them in person, never in the same message as the file."</p>
                <p class="nhsuk-card__description">"Files downloaded again below in other formats are not protected."</p>
            }
            .into_any(),
        ))}
        {(!protected).then(|| warning_callout(
            "The file is not encrypted",
            view! {
                <p class="nhsuk-card__description">"Anyone who can open the file can read it. Keep it where only you and your supervisor can see it, such as your organisation’s secure email or shared drive, and delete it when you no longer need it."</p>
                <p class="nhsuk-card__description">"Anchorpoint removed the identifiers it found and the words you chose. Read the file before you share it."</p>
            }
            .into_any(),
        ))}
        <h2 class="nhsuk-heading-m">"Download the same summary in another format"</h2>
        <ul class="nhsuk-list">{again}</ul>
        <p><a href="/">"Back to your journal"</a></p>
        <p><a href=FORM_PATH>"Create another summary"</a></p>
    }
    .into_any()
}
