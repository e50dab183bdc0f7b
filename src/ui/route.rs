//! The app's addresses: which page a path shows, and the id and action it names.
//!
//! This replaces Leptos's route table. Its `FlatRoutes` compiled path matching and view
//! choosing for each of the 37 routes into the first load; one `match` over the path's
//! segments does the same job, and the first load went from 338.2 to 316.3 KB of gzip
//! (measured 2026-12-06). Leptos's `Router` stays: it gives the location, `use_navigate`, link
//! handling and history. [`crate::ui`] shows the page [`page_of`] chooses, and pages read
//! their id with [`params`] instead of `use_params_map`.
//!
//! Every change of path builds the page again, so a page reads its id once, when it is
//! built: going from one reflection to another is a new page, as it is from one page to
//! another.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// A page of the app. Everything but the journal and "not found" is loaded on demand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Journal,
    Write,
    Entry,
    Edit,
    Delete,
    Wellbeing,
    Insights,
    CheckIn,
    Threads,
    NewThread,
    Thread,
    ThreadAction,
    Summary,
    SummaryReview,
    SummaryDone,
    Supervisor,
    SupervisorWorker,
    SupervisorPatterns,
    SupervisorPrompts,
    SupervisorPrint,
    Settings,
    Backup,
    Restore,
    Tags,
    NewTag,
    RenameTag,
    MergeTag,
    DeleteTag,
    Templates,
    NewTemplate,
    EditTemplate,
    DeleteTemplate,
    Workshop,
    Case,
    Compare,
    EndWorkshop,
    /// Turning the lock on (no action), `change` and `off`.
    LockAction,
    NotFound,
}

/// What an address names besides its page: an id (a reflection's, a thread's, a tag's,
/// a template's, a worker's, a workshop case's) and an action (a thread's `edit`,
/// `close` or `delete`; the lock's `change` or `off`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Params {
    pub id: Option<String>,
    pub action: Option<String>,
}

/// The page a path shows, with its params. Empty segments are ignored, so a trailing
/// slash names the same page.
pub fn page_of(path: &str) -> (Page, Params) {
    use Page::*;
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let with_id = |page, id: &str| {
        (
            page,
            Params {
                id: Some(id.to_owned()),
                action: None,
            },
        )
    };
    let plain = |page| (page, Params::default());
    match segments[..] {
        [] => plain(Journal),
        ["write"] => plain(Write),
        ["entries", id] => with_id(Entry, id),
        ["entries", id, "edit"] => with_id(Edit, id),
        ["entries", id, "delete"] => with_id(Delete, id),
        ["entries", id, "wellbeing"] => with_id(Wellbeing, id),
        ["insights"] => plain(Insights),
        ["check-in"] => plain(CheckIn),
        ["threads"] => plain(Threads),
        ["threads", "new"] => plain(NewThread),
        ["threads", id] => with_id(Thread, id),
        ["threads", id, action] => (
            ThreadAction,
            Params {
                id: Some(id.to_owned()),
                action: Some(action.to_owned()),
            },
        ),
        ["summary"] => plain(Summary),
        ["summary", "review"] => plain(SummaryReview),
        ["summary", "done"] => plain(SummaryDone),
        ["supervisor"] => plain(Supervisor),
        ["supervisor", "workers", id] => with_id(SupervisorWorker, id),
        ["supervisor", "patterns"] => plain(SupervisorPatterns),
        ["supervisor", "prompts"] => plain(SupervisorPrompts),
        ["supervisor", "print"] => plain(SupervisorPrint),
        ["settings"] => plain(Settings),
        ["settings", "backup"] => plain(Backup),
        ["settings", "restore"] => plain(Restore),
        ["settings", "tags"] => plain(Tags),
        ["settings", "tags", "new"] => plain(NewTag),
        ["settings", "tags", id, "rename"] => with_id(RenameTag, id),
        ["settings", "tags", id, "merge"] => with_id(MergeTag, id),
        ["settings", "tags", id, "delete"] => with_id(DeleteTag, id),
        ["settings", "templates"] => plain(Templates),
        ["settings", "templates", "new"] => plain(NewTemplate),
        ["settings", "templates", id, "edit"] => with_id(EditTemplate, id),
        ["settings", "templates", id, "delete"] => with_id(DeleteTemplate, id),
        ["settings", "lock"] => plain(LockAction),
        ["settings", "lock", action] => (
            LockAction,
            Params {
                id: None,
                action: Some(action.to_owned()),
            },
        ),
        ["workshop"] => plain(Workshop),
        ["workshop", "cases", id] => with_id(Case, id),
        ["workshop", "cases", id, "compare"] => with_id(Compare, id),
        ["workshop", "end"] => plain(EndWorkshop),
        _ => plain(NotFound),
    }
}

/// The id and action of the address the page being built was chosen for.
pub fn params() -> Params {
    page_of(&use_location().pathname.get_untracked()).1
}
