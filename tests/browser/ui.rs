//! The UI's own unit tests: pure functions in `src/ui` (the set-aside download, the
//! chart and table markup writers, the route table, where an update may reload). They
//! lived beside the code as native `#[test]`s; the UI is now compiled for the browser
//! only (see src/lib.rs), so they run here, in the browser suite, with the same names
//! and assertions. One module per source module.

use wasm_bindgen_test::wasm_bindgen_test;

/// `src/ui/components.rs`.
mod components {
    use super::*;
    use anchorpoint::core::insights::{Anchor, Chart, Label, Plot, Rect, Table};
    use anchorpoint::ui::components::{chart_markup, escape, set_aside_json, table_markup};

    /// The hand-written download must match what the `json!` + `to_string_pretty` code it
    /// replaced produced, escapes and non-ASCII included.
    #[wasm_bindgen_test]
    fn set_aside_json_matches_serde_json_pretty() {
        let cases: Vec<Vec<(String, String)>> = vec![
            vec![],
            vec![("anchorpoint.entry.e1".into(), "{\"app\":1}".into())],
            vec![
                (
                    "a".into(),
                    "line\nbreak\ttab \\ \u{1} \u{7f} “quote” café 🙂".into(),
                ),
                ("b".into(), String::new()),
            ],
        ];
        for values in cases {
            let expected = serde_json::to_string_pretty(
                &values
                    .iter()
                    .map(|(key, value)| serde_json::json!({ "key": key, "value": value }))
                    .collect::<Vec<_>>(),
            )
            .unwrap();
            assert_eq!(set_aside_json(&values), expected);
        }
    }

    fn table(numeric: bool) -> Table {
        Table {
            caption: "Jo & <Sam>".to_owned(),
            head: vec!["Worker".to_owned(), "Count".to_owned()],
            rows: vec![vec!["\"Jo\"".to_owned(), "3".to_owned()]],
            numeric,
        }
    }

    #[wasm_bindgen_test]
    fn text_is_escaped() {
        assert_eq!(
            escape(r#"<b>"Tom & Jerry"</b>"#),
            "&lt;b&gt;&quot;Tom &amp; Jerry&quot;&lt;/b&gt;"
        );
    }

    /// The markup the supervisor view wrote with its own loop before the writer was
    /// shared: unchanged.
    #[wasm_bindgen_test]
    fn a_table_is_nhs_table_markup_in_a_scrolling_region() {
        let mut out = String::new();
        table_markup(&mut out, "timeline", &table(false));
        assert_eq!(
            out,
            "<div class=\"app-table-scroll\" role=\"region\" aria-labelledby=\"timeline-caption\" \
             tabindex=\"0\"><table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption\" \
             id=\"timeline-caption\">Jo &amp; &lt;Sam&gt;</caption><thead class=\"nhsuk-table__head\">\
             <tr class=\"nhsuk-table__row\"><th scope=\"col\" class=\"nhsuk-table__header\">Worker</th>\
             <th scope=\"col\" class=\"nhsuk-table__header\">Count</th></tr></thead>\
             <tbody class=\"nhsuk-table__body\"><tr class=\"nhsuk-table__row\"><th scope=\"row\" \
             class=\"nhsuk-table__header\">&quot;Jo&quot;</th><td class=\"nhsuk-table__cell\">3</td>\
             </tr></tbody></table></div>"
        );
    }

    /// The insights page's markup before the writer was shared: unchanged.
    #[wasm_bindgen_test]
    fn a_chart_is_a_figure_with_its_svg_summary_and_data_behind_show_the_data() {
        let chart = Chart {
            id: "c",
            title: "Holding by driver",
            summary: "One <b>".to_owned(),
            table: table(true),
            plot: Some(Plot {
                width: 10,
                height: 20,
                alt: "Bars".to_owned(),
                bars: vec![Rect {
                    x: 1,
                    y: 2,
                    width: 3,
                    height: 4,
                }],
                labels: vec![Label {
                    x: 5,
                    y: 6,
                    anchor: Anchor::End,
                    text: "a&b".to_owned(),
                }],
                ..Plot::default()
            }),
        };
        let mut out = String::new();
        chart_markup(&mut out, &chart);
        assert_eq!(
            out,
            "<h2 class=\"nhsuk-heading-m\" id=\"c-heading\">Holding by driver</h2>\
             <figure class=\"app-chart\" aria-labelledby=\"c-heading\">\
             <svg class=\"app-chart__svg\" viewBox=\"0 0 10 20\" role=\"img\" \
             aria-labelledby=\"c-title\" aria-describedby=\"c-desc\">\
             <title id=\"c-title\">Holding by driver</title><desc id=\"c-desc\">Bars</desc>\
             <rect class=\"app-chart__bar\" x=\"1\" y=\"2\" width=\"3\" height=\"4\"/>\
             <text x=\"5\" y=\"6\" text-anchor=\"end\">a&amp;b</text></svg>\
             <figcaption class=\"app-chart__summary\">One &lt;b&gt;</figcaption>\
             <details class=\"nhsuk-details\"><summary class=\"nhsuk-details__summary\">\
             <span class=\"nhsuk-details__summary-text\">Show the data\
             <span class=\"nhsuk-u-visually-hidden\"> for holding by driver</span></span></summary>\
             <div class=\"nhsuk-details__text\"><div class=\"app-table-scroll\" role=\"region\" \
             aria-labelledby=\"c-caption\" tabindex=\"0\"><table class=\"nhsuk-table\">\
             <caption class=\"nhsuk-table__caption\" id=\"c-caption\">Jo &amp; &lt;Sam&gt;</caption>\
             <thead class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row\">\
             <th scope=\"col\" class=\"nhsuk-table__header\">Worker</th>\
             <th scope=\"col\" class=\"nhsuk-table__header nhsuk-table__header--numeric\">Count</th>\
             </tr></thead><tbody class=\"nhsuk-table__body\"><tr class=\"nhsuk-table__row\">\
             <th scope=\"row\" class=\"nhsuk-table__header\">&quot;Jo&quot;</th>\
             <td class=\"nhsuk-table__cell nhsuk-table__cell--numeric\">3</td></tr></tbody>\
             </table></div></div></details></figure>"
        );
    }
}

/// `src/ui/route.rs`.
mod route {
    use super::*;
    use anchorpoint::ui::route::{page_of, Page, Params};

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

    #[wasm_bindgen_test]
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

    #[wasm_bindgen_test]
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

    #[wasm_bindgen_test]
    fn a_trailing_slash_names_the_same_page() {
        assert_eq!(page_of("/threads/"), plain(Page::Threads));
        assert_eq!(page_of("/entries/e1/"), id(Page::Entry, "e1"));
    }

    #[wasm_bindgen_test]
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

/// `src/ui/offline.rs`.
mod offline {
    use super::*;
    use anchorpoint::ui::offline::safe_to_reload;

    #[wasm_bindgen_test]
    fn the_new_version_is_offered_only_where_nothing_typed_can_be_lost() {
        for path in [
            "/",
            "/insights",
            "/threads",
            "/entries/e-1",
            "/settings/tags",
        ] {
            assert!(safe_to_reload(path), "{path}");
        }
        for path in [
            "/write",
            "/entries/e-1/edit",
            "/entries/e-1/wellbeing",
            "/summary/review",
            "/summary",
            "/check-in",
            "/settings",
            "/threads/new",
            "/settings/tags/new",
        ] {
            assert!(!safe_to_reload(path), "{path}");
        }
    }
}

/// `src/ui/pages/insights.rs`.
mod insights {
    use super::*;
    use anchorpoint::core::checkins::EmbeddednessHistory;
    use anchorpoint::core::checkins::WellbeingLog;
    use anchorpoint::core::insights::{insights, Period, DEFAULT_WEEKS};
    use anchorpoint::core::journal::Journal;
    use anchorpoint::core::threads::Threads;
    use anchorpoint::ui::components::{chart_markup, table_markup};

    #[wasm_bindgen_test]
    fn an_empty_chart_is_a_heading_and_a_sentence_and_a_table_has_headers_and_a_caption() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let charts = insights(
            &Journal::new(),
            &Threads::new(),
            &EmbeddednessHistory::new(),
            &WellbeingLog::new(),
            Period::ending(today, DEFAULT_WEEKS),
        );
        let mut out = String::new();
        chart_markup(&mut out, &charts[3]);
        assert_eq!(
            out,
            "<h2 class=\"nhsuk-heading-m\" id=\"wellbeing-heading\">Wellbeing trend</h2>\
             <p class=\"app-chart-empty\">No wellbeing checks yet. After saving a reflection \
             you can say how you are.</p>"
        );
        let mut out = String::new();
        table_markup(&mut out, charts[0].id, &charts[0].table);
        assert!(out.contains(
            "<caption class=\"nhsuk-table__caption\" id=\"tags-per-week-caption\">Tags per \
             week, w/c 7 Sep to w/c 23 Nov</caption>"
        ));
        assert!(out.contains("<th scope=\"col\" class=\"nhsuk-table__header\">Week</th>"));
        assert!(out.contains(
            "<tr class=\"nhsuk-table__row\"><th scope=\"row\" class=\"nhsuk-table__header\">\
             w/c 7 Sep</th><td class=\"nhsuk-table__cell nhsuk-table__cell--numeric\">0</td>\
             </tr>"
        ));
    }
}
