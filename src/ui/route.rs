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

#[cfg(test)]
mod tests {
    use super::*;

    fn id(page: Page, id: &str) -> (Page, Params) {
        (
            page,
            Params {
                id: Some(id.into()),
                action: None,
            },
        )
    }

    fn plain(page: Page) -> (Page, Params) {
        (page, Params::default())
    }

    #[test]
    fn every_address_the_app_links_to_has_its_page() {
        use Page::*;
        let cases = [
            ("/", plain(Journal)),
            ("/write", plain(Write)),
            ("/entries/e1", id(Entry, "e1")),
            ("/entries/e1/edit", id(Edit, "e1")),
            ("/entries/e1/delete", id(Delete, "e1")),
            ("/entries/e1/wellbeing", id(Wellbeing, "e1")),
            ("/insights", plain(Insights)),
            ("/check-in", plain(CheckIn)),
            ("/threads", plain(Threads)),
            ("/threads/new", plain(NewThread)),
            ("/threads/t1", id(Thread, "t1")),
            ("/summary", plain(Summary)),
            ("/summary/review", plain(SummaryReview)),
            ("/summary/done", plain(SummaryDone)),
            ("/supervisor", plain(Supervisor)),
            ("/supervisor/workers/w1", id(SupervisorWorker, "w1")),
            ("/supervisor/patterns", plain(SupervisorPatterns)),
            ("/supervisor/prompts", plain(SupervisorPrompts)),
            ("/supervisor/print", plain(SupervisorPrint)),
            ("/settings", plain(Settings)),
            ("/settings/backup", plain(Backup)),
            ("/settings/restore", plain(Restore)),
            ("/settings/tags", plain(Tags)),
            ("/settings/tags/new", plain(NewTag)),
            ("/settings/tags/g1/rename", id(RenameTag, "g1")),
            ("/settings/tags/g1/merge", id(MergeTag, "g1")),
            ("/settings/tags/g1/delete", id(DeleteTag, "g1")),
            ("/settings/templates", plain(Templates)),
            ("/settings/templates/new", plain(NewTemplate)),
            ("/settings/templates/p1/edit", id(EditTemplate, "p1")),
            ("/settings/templates/p1/delete", id(DeleteTemplate, "p1")),
            ("/settings/lock", plain(LockAction)),
            ("/workshop", plain(Workshop)),
            ("/workshop/cases/c1", id(Case, "c1")),
            ("/workshop/cases/c1/compare", id(Compare, "c1")),
            ("/workshop/end", plain(EndWorkshop)),
        ];
        for (path, expected) in cases {
            assert_eq!(page_of(path), expected, "{path}");
        }
    }

    #[test]
    fn actions_are_named_by_the_last_segment() {
        let thread = page_of("/threads/t1/close");
        assert_eq!(thread.0, Page::ThreadAction);
        assert_eq!(thread.1.id.as_deref(), Some("t1"));
        assert_eq!(thread.1.action.as_deref(), Some("close"));
        let lock = page_of("/settings/lock/off");
        assert_eq!(
            lock,
            (
                Page::LockAction,
                Params {
                    id: None,
                    action: Some("off".into())
                }
            )
        );
    }

    #[test]
    fn a_trailing_slash_names_the_same_page() {
        assert_eq!(page_of("/threads/"), plain(Page::Threads));
        assert_eq!(page_of("/entries/e1/"), id(Page::Entry, "e1"));
    }

    #[test]
    fn anything_else_is_not_found() {
        for path in [
            "/nowhere",
            "/entries",
            "/entries/e1/print",
            "/entries/e1/edit/more",
            "/settings/lock/off/now",
            "/settings/tags/g1",
            "/summary/other",
            "/workshop/cases",
            "/supervisor/workers",
        ] {
            assert_eq!(page_of(path).0, Page::NotFound, "{path}");
        }
    }
}
