//! The download part of the review page: a name for the supervisor, the format, an
//! optional passphrase, and "Confirm and download". It refuses while any page of the
//! review has not been seen, so nothing is exported that the worker did not review.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::review::FIRST_UNCHECKED_ID;
use super::{
    warning_callout, Exported, SummaryFlow, CONFIRM_ID, DONE_PATH, DOWNLOAD_REFUSED, FORMAT_ID,
    PASSPHRASE_AGAIN_ID, PASSPHRASE_ID, WORKER_ID,
};
use crate::core::summary::export::Format;
use crate::core::summary::Review;
use crate::ui::browser;
use crate::ui::forms::{
    choice, choice_id, described_by, fieldset, group_class, inline_error, ChoiceKind, Problems,
};

/// The section under the review. `unchecked` says why nothing can be downloaded yet (a
/// page of the review not seen), or nothing once every page has been.
pub(super) fn download_section(
    flow: SummaryFlow,
    review: Arc<Review>,
    problems: Problems,
    unchecked: impl Fn() -> Option<String> + Clone + Send + Sync + 'static,
) -> AnyView {
    let navigate = use_navigate();
    let sealing = RwSignal::new(false);
    let confirm = {
        let review = review.clone();
        move |_| {
            // Nothing leaves until every page of the review has been seen.
            if let Some(message) = unchecked() {
                return problems.one(FIRST_UNCHECKED_ID, message);
            }
            let Some(format) = Format::parse(&flow.format.get_untracked()) else {
                return problems.one(
                    FORMAT_ID,
                    "Select which file you want to download".to_owned(),
                );
            };
            let worker = match crate::core::summary::worker_name(&flow.worker.get_untracked()) {
                Ok(worker) => worker,
                Err(message) => return problems.one(WORKER_ID, message.to_owned()),
            };
            // Protection (issue 12): only the JSON, which the supervisor view opens.
            let passphrase: String = js_sys::JsString::from(flow.passphrase.get_untracked())
                .normalize("NFC")
                .into();
            let protect = !passphrase.is_empty();
            if protect {
                if format != Format::Json {
                    return problems.one(PASSPHRASE_ID, "Choose JSON to protect the file with a passphrase: only the JSON file opens in the supervisor view".to_owned());
                }
                if let Err(e) = crate::core::crypto::check_passphrase(&passphrase) {
                    return problems.one(
                        PASSPHRASE_ID,
                        format!("The passphrase cannot be used because {e}"),
                    );
                }
                let again: String = js_sys::JsString::from(flow.passphrase_again.get_untracked())
                    .normalize("NFC")
                    .into();
                if again != passphrase {
                    return problems.one(
                        PASSPHRASE_AGAIN_ID,
                        "The passphrases do not match: type the same passphrase twice".to_owned(),
                    );
                }
            }
            browser::mark("anchorpoint:export-start");
            let mut summary = review.finish(&flow.decisions.get_untracked());
            summary.worker = worker;
            let name = format.file_name(&summary);
            let contents = format.render(&summary);
            browser::mark("anchorpoint:export-end");
            let navigate = navigate.clone();
            let finish = move |contents: String| {
                if !browser::download(&name, format.mime(), &contents) {
                    return problems.one(CONFIRM_ID, DOWNLOAD_REFUSED.to_owned());
                }
                flow.passphrase.set(String::new());
                flow.passphrase_again.set(String::new());
                flow.exported.set(Some(Exported {
                    summary: Arc::new(summary),
                    protected: protect,
                    files: vec![name],
                }));
                navigate(DONE_PATH, NavigateOptions::default());
            };
            if !protect {
                return finish(contents);
            }
            // Argon2id takes about a second: let the page say so before the work starts.
            sealing.set(true);
            set_timeout(
                move || {
                    let sealed = crate::storage::random::for_file()
                        .map_err(|e| e.to_string())
                        .and_then(|random| {
                            crate::core::crypto::seal_file(
                                crate::core::crypto::Purpose::Summary,
                                &passphrase,
                                crate::core::crypto::KdfParams::CHOSEN,
                                &random,
                                contents.as_bytes(),
                            )
                            .map_err(|e| e.to_string())
                        });
                    sealing.set(false);
                    match sealed {
                        Ok(file) => finish(file),
                        Err(why) => problems.one(
                            CONFIRM_ID,
                            format!("The file could not be protected because {why}. Nothing was downloaded. Reload the page and try again."),
                        ),
                    }
                },
                std::time::Duration::from_millis(30),
            );
        }
    };

    let formats = Format::ALL
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let id = choice_id(FORMAT_ID, i, &f.id());
            choice(
                ChoiceKind::Radio,
                FORMAT_ID,
                id,
                f.label().to_owned(),
                Some(f.purpose().to_owned()),
                Signal::derive(move || *flow.format.read() == f.id()),
                Callback::new(move |on: bool| {
                    if on {
                        flow.format.set(f.id().to_owned());
                    }
                }),
            )
        })
        .collect_view();
    let format_error = problems.message_for(FORMAT_ID);
    let worker_error = problems.message_for(WORKER_ID);
    let passphrase_error = problems.message_for(PASSPHRASE_ID);
    let passphrase_again_error = problems.message_for(PASSPHRASE_AGAIN_ID);
    let protecting = move || !flow.passphrase.read().is_empty();

    view! {
        <h2 class="nhsuk-heading-m">"Download"</h2>
        <div class=group_class(worker_error)>
            <label class="nhsuk-label nhsuk-label--s" for=WORKER_ID>"Name or initials shown to your supervisor (optional)"</label>
            <div class="nhsuk-hint" id="worker-name-hint">"It goes in the file and its name, so your supervisor can tell your summaries from other workers’. It is not anonymised. Up to 40 characters."</div>
            {inline_error("worker-name-error".to_owned(), worker_error)}
            <input class=move || if worker_error.read().is_some() { "nhsuk-input nhsuk-input--width-20 nhsuk-input--error" } else { "nhsuk-input nhsuk-input--width-20" }
                id=WORKER_ID name=WORKER_ID type="text" autocomplete="off" spellcheck="false"
                aria-describedby=described_by(Some("worker-name-hint".to_owned()), "worker-name-error".to_owned(), worker_error)
                prop:value=move || flow.worker.get() on:input=move |ev| flow.worker.set(event_target_value(&ev))/>
        </div>
        {fieldset(FORMAT_ID, "Which file do you want to download?", Some("You can download the same summary in another format afterwards."), format_error, ChoiceKind::Radio.group(), formats.into_any())}
        <div class=group_class(passphrase_error)>
            <label class="nhsuk-label nhsuk-label--s" for=PASSPHRASE_ID>"Protect the JSON file with a passphrase (optional)"</label>
            <div class="nhsuk-hint" id="passphrase-hint">"Only your supervisor can then open it, in Anchorpoint’s supervisor view. Tell them the passphrase in person, never with the file. If it is lost, the file cannot be opened."</div>
            {inline_error("passphrase-error".to_owned(), passphrase_error)}
            <input class=move || if passphrase_error.read().is_some() { "nhsuk-input nhsuk-input--width-20 nhsuk-input--error" } else { "nhsuk-input nhsuk-input--width-20" }
                id=PASSPHRASE_ID name=PASSPHRASE_ID type="password" autocomplete="new-password" spellcheck="false"
                aria-describedby=described_by(Some("passphrase-hint".to_owned()), "passphrase-error".to_owned(), passphrase_error)
                prop:value=move || flow.passphrase.get() on:input=move |ev| flow.passphrase.set(event_target_value(&ev))/>
        </div>
        <div class=group_class(passphrase_again_error)>
            <label class="nhsuk-label nhsuk-label--s" for=PASSPHRASE_AGAIN_ID>"Passphrase again"</label>
            {inline_error("passphrase-again-error".to_owned(), passphrase_again_error)}
            <input class=move || if passphrase_again_error.read().is_some() { "nhsuk-input nhsuk-input--width-20 nhsuk-input--error" } else { "nhsuk-input nhsuk-input--width-20" }
                id=PASSPHRASE_AGAIN_ID name=PASSPHRASE_AGAIN_ID type="password" autocomplete="new-password" spellcheck="false"
                aria-describedby=described_by(None, "passphrase-again-error".to_owned(), passphrase_again_error)
                prop:value=move || flow.passphrase_again.get() on:input=move |ev| flow.passphrase_again.set(event_target_value(&ev))/>
        </div>
        {move || if protecting() {
            warning_callout(
                "The file will be protected",
                view! {
                    <p class="nhsuk-card__description">"It is sealed with your passphrase (Argon2id and XChaCha20-Poly1305). Without the passphrase nobody can read it, and nobody can recover it."</p>
                }
                .into_any(),
            ).into_any()
        } else {
            warning_callout(
                "The file will not be encrypted",
                view! {
                    <p class="nhsuk-card__description">"Anyone who can open it can read it. Keep it where only you and your supervisor can see it, and delete it when you no longer need it."</p>
                }
                .into_any(),
            ).into_any()
        }}
        <p class="nhsuk-body-s" aria-live="polite">{move || sealing.get().then_some("Protecting the file…")}</p>
        <button id=CONFIRM_ID type="button" class="nhsuk-button" on:click=confirm disabled=move || sealing.get()>"Confirm and download"</button>
    }
    .into_any()
}
