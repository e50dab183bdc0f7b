//! The banner every page shows while a tab is in a trainer's workshop: it says the work
//! is practice and never touches the real journal, and links to the workshop's cases
//! and to "End workshop". It is in the first load, so it is static markup only; its
//! moving parts (a link back to the case being worked on, and large text for a
//! projector) are [`crate::ui::pages::workshop::banner::BannerExtras`], loaded with the
//! workshop's chunk once a workshop tab starts. If that chunk cannot be fetched, the
//! banner still says everything it must. The case being worked on is shared through
//! [`Exercise`] as its address and title only, so no vignette text is in the first load.

use leptos::prelude::*;

use crate::ui::state::use_app_state;

/// The case the trainee is working on in this tab: its address and title.
#[derive(Clone, Copy)]
pub struct Exercise(pub RwSignal<Option<(String, String)>>);

impl Exercise {
    /// Called once by the app, so the banner and the workshop pages share it.
    pub fn provide() {
        provide_context(Exercise(RwSignal::new(None)));
    }
}

#[component]
pub fn WorkshopBanner() -> impl IntoView {
    let state = use_app_state();
    if !state.in_workshop() {
        return None;
    }
    // The extras are built once their chunk has arrived, under this component's owner
    // (they read the `Exercise` context), and shown once.
    let extras = StoredValue::new_local(None::<AnyView>);
    let ready = RwSignal::new(false);
    leptos::task::spawn_local_scoped(async move {
        if let Some(view) = extras_view().await {
            extras.set_value(Some(view));
            ready.set(true);
        }
    });
    Some(view! {
        <div class="nhsuk-notification-banner" role="region" aria-labelledby="workshop-banner-title" id="workshop-banner">
            <div class="nhsuk-notification-banner__header">
                <h2 class="nhsuk-notification-banner__title" id="workshop-banner-title">"Workshop"</h2>
            </div>
            <div class="nhsuk-notification-banner__content">
                <p class="nhsuk-notification-banner__heading">"You are in a workshop: everything here is practice."</p>
                <p>"Reflections written in this tab are kept apart from the real journal on this device. The real journal is not opened, read or changed."</p>
                <ul class="nhsuk-list app-workshop-actions">
                    <li><a href="/workshop">"Workshop cases"</a></li>
                    <li><a href="/workshop/end">"End workshop"</a></li>
                </ul>
                {move || {
                    ready.track();
                    extras.try_update_value(Option::take).flatten()
                }}
            </div>
        </div>
    })
}

#[cfg(not(feature = "split"))]
async fn extras_view() -> Option<AnyView> {
    use crate::ui::pages::workshop::banner::BannerExtras;
    Some(view! { <BannerExtras/> }.into_any())
}

/// The extras from the workshop's chunk, or none if it cannot be fetched.
#[cfg(feature = "split")]
async fn extras_view() -> Option<AnyView> {
    use leptos::wasm_split::wasm_split;
    #[wasm_split(workshop, wasm_split_path = ::leptos::wasm_split, fallible)]
    fn workshop_banner_extras() -> Result<AnyView, ::leptos::wasm_split::SplitLoaderError> {
        use crate::ui::pages::workshop::banner::BannerExtras;
        Ok(view! { <BannerExtras/> }.into_any())
    }
    workshop_banner_extras().await.ok()
}
