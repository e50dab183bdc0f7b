#![cfg(not(target_arch = "wasm32"))]
//! How much room a supervisor's kept summaries would take in local storage, measured
//! with the codec the app writes (compact frames): a typical weekly summary (one week,
//! two reflections shared, one week of learning points, made from the frozen v2
//! fixture) as its stored frame, against the site's 5 MiB quota. Prints the figures
//! (`cargo test --test supervisor_space -- --nocapture`) and pins them loosely, so a
//! change that makes summaries much bigger to keep shows here.

use anchorpoint::core::capacity::{QUOTA_UNITS, TYPICAL_REFLECTION_UNITS};
use anchorpoint::core::supervisor::open;
use anchorpoint::storage::{Codec, Compact};
use serde_json::{json, Value};

const V2: &str = include_str!("fixtures/export/v2/summary.json");

/// The fixture cut down to one typical week, as the supervisor benchmark makes it.
fn weekly() -> String {
    let mut s: Value = serde_json::from_str(V2).expect("the fixture is JSON");
    let week = json!("2026-11-09");
    s["period"] = json!({"first_week": week, "last_week": week, "weeks": 1});
    let one = |v: &mut Value| {
        let first = v.as_array_mut().and_then(|a| a.first().cloned());
        *v = match first {
            Some(mut x) => {
                x["week"] = week.clone();
                json!([x])
            }
            None => json!([]),
        };
    };
    one(&mut s["overview"]["weeks"]);
    one(&mut s["normative"]["reflections"]);
    one(&mut s["other_reflections"]);
    one(&mut s["formative"]["weeks"]);
    one(&mut s["restorative"]["wellbeing"]["weeks"]);
    one(&mut s["restorative"]["embeddedness"]);
    for row in s["tag_counts"].as_array_mut().expect("rows") {
        row["week"] = week.clone();
    }
    serde_json::to_string_pretty(&s).expect("JSON")
}

#[test]
fn a_typical_weekly_summary_is_small_enough_to_keep_a_year_of_ten_workers_in_an_empty_site() {
    let text = weekly();
    open("weekly.json", &text).expect("the typical week is a valid summary");
    let compact =
        serde_json::to_string(&serde_json::from_str::<Value>(&text).expect("JSON")).expect("JSON");
    let stored = Compact
        .encode(
            "anchorpoint-supervisor.summary.0123456789abcdef",
            1,
            &compact,
        )
        .expect("compact encoding never fails");
    let units = stored.encode_utf16().count() + 48; // and its key
    let fit = QUOTA_UNITS / units;
    println!(
        "typical weekly summary: file {} bytes, compact JSON {} bytes, stored {} UTF-16 units with its key; {} fit in an empty site's 5 MiB; 520 take {:.1}% of it, the room of {} reflections",
        text.len(),
        compact.len(),
        units,
        fit,
        520.0 * units as f64 * 100.0 / QUOTA_UNITS as f64,
        520 * units / TYPICAL_REFLECTION_UNITS
    );
    assert!(units < 4_000, "a weekly summary takes {units} units");
    assert!(fit >= 520);
}
