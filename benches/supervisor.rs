//! The supervisor view's core at scale (issue 12): 50 workers x 52 weekly summaries, made
//! from the frozen v2 fixture exactly as `bench/supervisor-browser.mjs` makes them (one
//! week, one reflection to discuss, one other, one week of learning points, each file
//! pretty-printed), about 30 MB. It times each step of opening them, so the Chromium
//! figure can be split into its parts:
//!
//! - parse: serde_json into the frozen `SummaryV2` only;
//! - open: `core::supervisor::open` per file (parse, every check, the fingerprint);
//! - library: `Library::open_files` on the whole batch (open, de-duplicate, sort);
//! - overview: the open page's per-worker totals (`Library::workers` + `totals`);
//! - patterns: the four across-worker charts (`views::across`).
//!
//! Run: `cargo bench --bench supervisor` (WORKERS=, WEEKS=, ROUNDS= to change it).

use std::hint::black_box;
use std::time::{Duration, Instant};

use anchorpoint::core::summary::json::SummaryV2;
use anchorpoint::core::supervisor::views::{across, totals};
use anchorpoint::core::supervisor::{open, FileInput, Library};
use chrono::{Days, NaiveDate};
use serde_json::{json, Value};

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Keeps the first item of an array (or none), with its `week` set.
fn first_with_week(v: &mut Value, week: &str) {
    if let Some(list) = v.as_array_mut() {
        list.truncate(1);
        for x in list {
            x["week"] = json!(week);
        }
    }
}

/// The same files as the browser bench's `dropAll`.
fn files(workers: usize, weeks: usize) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/export/v2/summary.json"
    ))
    .expect("the v2 fixture");
    let base: Value = serde_json::from_str(&text).expect("JSON");
    let monday = NaiveDate::from_ymd_opt(2025, 11, 3).expect("a date");
    let mut out = Vec::with_capacity(workers * weeks);
    for w in 0..workers {
        for i in 0..weeks {
            let mut s = base.clone();
            let week = monday
                .checked_add_days(Days::new(7 * i as u64))
                .expect("a date")
                .to_string();
            s["worker"] = json!(format!("Worker {:02}", w + 1));
            s["period"] = json!({ "first_week": week, "last_week": week, "weeks": 1 });
            first_with_week(&mut s["overview"]["weeks"], &week);
            first_with_week(&mut s["normative"]["reflections"], &week);
            first_with_week(&mut s["other_reflections"], &week);
            first_with_week(&mut s["formative"]["weeks"], &week);
            s["restorative"]["wellbeing"]["weeks"] = json!([{
                "week": week, "checks": 3, "average": (1 + (w + i) % 5) as f64,
                "heavy_days": (w * i) % 3
            }]);
            s["restorative"]["wellbeing"]["average"] = json!(3.0);
            s["restorative"]["embeddedness"] = if i % 4 == 0 {
                let rating = ["bolted-on", "fitting-in", "belonging"][(w + i) % 3];
                json!([{ "week": week, "rating": rating }])
            } else {
                json!([])
            };
            if let Some(rows) = s["tag_counts"].as_array_mut() {
                for row in rows {
                    row["week"] = json!(week);
                }
            }
            if let Some(tags) = s["normative"]["tags"].as_array_mut() {
                for t in tags {
                    let len = t["tag"].as_str().map_or(0, str::len);
                    t["count"] = json!((w + i + len) % 4);
                }
            }
            s["restorative"]["holding"]["open"] = json!((w + i) % 6);
            let name = format!("anchorpoint-summary-worker-{}-{week}.json", w + 1);
            out.push((name, serde_json::to_string_pretty(&s).expect("JSON")));
        }
    }
    out
}

fn median(mut v: Vec<Duration>) -> f64 {
    v.sort();
    v[v.len() / 2].as_secs_f64() * 1e3
}

fn time<T>(rounds: usize, mut f: impl FnMut() -> T) -> f64 {
    black_box(f());
    median(
        (0..rounds)
            .map(|_| {
                let t = Instant::now();
                black_box(f());
                t.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let workers = env("WORKERS", 50);
    let weeks = env("WEEKS", 52);
    let rounds = env("ROUNDS", 5);
    let files = files(workers, weeks);
    let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
    println!(
        "Supervisor core, native: {workers} workers x {weeks} weeks = {} files, {:.1} MB (median of {rounds})",
        files.len(),
        bytes as f64 / 1024.0 / 1024.0
    );

    let parse = time(rounds, || {
        files
            .iter()
            .map(|(_, t)| serde_json::from_str::<SummaryV2>(t).is_ok())
            .filter(|ok| *ok)
            .count()
    });
    let opened = time(rounds, || {
        files
            .iter()
            .map(|(n, t)| open(n, t).is_ok())
            .filter(|ok| *ok)
            .count()
    });
    let inputs = || -> Vec<FileInput> {
        files
            .iter()
            .map(|(name, text)| FileInput::Text {
                name: name.clone(),
                text: text.clone(),
            })
            .collect()
    };
    let library = time(rounds, || {
        let mut lib = Library::new();
        let report = lib.open_files(inputs());
        assert_eq!(
            report.opened.len(),
            files.len(),
            "{:?}",
            report.errors.first()
        );
        lib
    });
    let mut lib = Library::new();
    lib.open_files(inputs());
    let overview = time(rounds, || {
        lib.workers()
            .iter()
            .map(|w| totals(w).shared)
            .sum::<usize>()
    });
    let patterns = time(rounds, || across(&lib.workers()).len());
    println!("  parse (serde_json into SummaryV2):        {parse:8.1} ms");
    println!("  open (parse, check, fingerprint):         {opened:8.1} ms");
    println!("  library (open_files: open, dedupe, sort): {library:8.1} ms");
    println!("  overview (workers + totals):              {overview:8.1} ms");
    println!("  patterns (the four across-worker charts): {patterns:8.1} ms");
}
