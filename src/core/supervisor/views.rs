//! What the supervisor pages show, worked out here so the pages only render: one
//! worker's timeline across their summaries, and four across-worker views, each a
//! [`Chart`] (a summary sentence, a data table and SVG geometry, as the insights page
//! draws them): micro-discretions and boundaries, holding load and drivers, the
//! embeddedness trend and the wellbeing trend.
//!
//! A worker's figures add up their summaries. Where two of their summaries cover the
//! same weeks the sums may count a reflection twice, so the sentences say so; weekly
//! series (wellbeing, embeddedness) take each week once, from the later summary.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

use super::Worker;
use crate::core::insights::{
    one_decimal, short_date, Anchor, Chart, Label, Plot, Rect, Rule, Table,
};
use crate::core::plural;
use crate::core::summary::json::{SummaryV2, TagCount};
use crate::core::summary::week_label;
use crate::core::tags::Embeddedness;
use crate::core::templates::PromptRole;
use crate::core::threads::DurationBand;

const WIDTH: u32 = crate::core::insights::WIDTH;
const NAME_W: u32 = 176;
const ROW: u32 = 28;
const LEFT: u32 = 96;
const RIGHT: u32 = 120;
const TOP: u32 = 24;
const BOTTOM: u32 = 208;
const HEIGHT: u32 = 240;

/// A count of one tag in a list of tag counts (zero when absent).
pub fn tag(tags: &[TagCount], id: &str) -> usize {
    tags.iter().filter(|t| t.tag == id).map(|t| t.count).sum()
}

/// One worker's figures added up over their summaries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub summaries: usize,
    pub weeks: u32,
    pub reflections: usize,
    pub shared: usize,
    pub md_patient: usize,
    pub md_staff: usize,
    pub md_community: usize,
    pub held: usize,
    pub stretched: usize,
    pub escalations: usize,
    pub learning: usize,
    pub actions: usize,
    pub checks: usize,
    pub heavy: usize,
    /// Summaries with something the worker wants to bring.
    pub bring: usize,
}

impl Totals {
    pub fn micro_discretions(&self) -> usize {
        self.md_patient + self.md_staff + self.md_community
    }
}

pub fn totals(w: &Worker<'_>) -> Totals {
    let mut t = Totals::default();
    for o in &w.summaries {
        let s = &o.summary;
        let n = &s.normative.tags;
        t.summaries += 1;
        t.weeks = t.weeks.saturating_add(s.period.weeks);
        t.reflections = t.reflections.saturating_add(s.overview.entries);
        t.shared = t.shared.saturating_add(s.overview.entries_shared);
        t.md_patient = t.md_patient.saturating_add(tag(n, "md-patient"));
        t.md_staff = t.md_staff.saturating_add(tag(n, "md-staff"));
        t.md_community = t.md_community.saturating_add(tag(n, "md-community"));
        t.held = t.held.saturating_add(tag(n, "boundary-held"));
        t.stretched = t.stretched.saturating_add(tag(n, "boundary-stretched"));
        t.escalations = t.escalations.saturating_add(s.normative.escalations);
        let (learning, actions) = formative(s);
        t.learning = t.learning.saturating_add(learning);
        t.actions = t.actions.saturating_add(actions);
        t.checks = t.checks.saturating_add(s.restorative.wellbeing.checks);
        t.heavy = t
            .heavy
            .saturating_add(s.restorative.wellbeing.emotional_load.heavy);
        t.bring += usize::from(s.bring.is_some());
    }
    t
}

/// Learning points and actions in one summary.
pub fn formative(s: &SummaryV2) -> (usize, usize) {
    let items = s.formative.weeks.iter().flat_map(|w| &w.items);
    let (mut learning, mut actions) = (0, 0);
    for item in items {
        match item.role {
            PromptRole::Action => actions += 1,
            _ => learning += 1,
        }
    }
    (learning, actions)
}

/// "w/c 2 Nov 2026 to w/c 30 Nov 2026 (5 weeks)".
pub fn period_label(s: &SummaryV2) -> String {
    let p = &s.period;
    if p.weeks == 1 {
        format!("{} (1 week)", week_label(p.first_week))
    } else {
        format!(
            "{} to {} ({} weeks)",
            week_label(p.first_week),
            week_label(p.last_week),
            p.weeks
        )
    }
}

/// The latest embeddedness rating in a summary.
pub fn latest_embeddedness(s: &SummaryV2) -> Option<Embeddedness> {
    s.restorative
        .embeddedness
        .iter()
        .max_by_key(|e| e.week)
        .map(|e| e.rating)
}

/// Open holding threads that had run three months or more at the end of a summary.
pub fn long_holding(s: &SummaryV2) -> usize {
    s.restorative
        .holding
        .by_duration
        .iter()
        .filter(|b| {
            matches!(
                b.band,
                DurationBand::ThreeToSixMonths | DurationBand::OverSixMonths
            )
        })
        .map(|b| b.count)
        .sum()
}

/// One worker's summaries as a table, one row per summary, oldest first.
pub fn timeline(w: &Worker<'_>) -> Table {
    let head = [
        "Summary",
        "Reflections",
        "Words shared",
        "Micro-discretions",
        "Boundaries stretched",
        "Escalated elsewhere",
        "Learning points and actions",
        "Wellbeing (1 to 5)",
        "Heavy emotional load",
        "Open holding threads",
        "Embeddedness (latest)",
    ];
    let rows = w
        .summaries
        .iter()
        .map(|o| {
            let s = &o.summary;
            let n = &s.normative.tags;
            let md = tag(n, "md-patient") + tag(n, "md-staff") + tag(n, "md-community");
            let (learning, actions) = formative(s);
            vec![
                period_label(s),
                s.overview.entries.to_string(),
                s.overview.entries_shared.to_string(),
                md.to_string(),
                tag(n, "boundary-stretched").to_string(),
                s.normative.escalations.to_string(),
                (learning + actions).to_string(),
                s.restorative
                    .wellbeing
                    .average
                    .map_or_else(|| "No checks".to_owned(), |a| format!("{a:.1}")),
                s.restorative.wellbeing.emotional_load.heavy.to_string(),
                s.restorative.holding.open.to_string(),
                latest_embeddedness(s)
                    .map_or("No check-in", Embeddedness::label)
                    .to_owned(),
            ]
        })
        .collect();
    Table {
        caption: format!(
            "{}: {}",
            w.label,
            plural(w.summaries.len(), "summary", "summaries")
        ),
        head: head.iter().map(|h| (*h).to_owned()).collect(),
        rows,
        numeric: false,
    }
}

/// The four across-worker views, in the order the page shows them.
pub fn across(workers: &[Worker<'_>]) -> Vec<Chart> {
    vec![
        discretions(workers),
        holding(workers),
        embeddedness(workers),
        wellbeing(workers),
    ]
}

fn overlap_note(workers: &[Worker<'_>]) -> String {
    let overlapping: Vec<&str> = workers
        .iter()
        .filter(|w| w.overlapping())
        .map(|w| w.label.as_str())
        .collect();
    if overlapping.is_empty() {
        String::new()
    } else {
        format!(
            " Some summaries from {} cover the same weeks, so their counts may include a reflection twice.",
            overlapping.join(", ")
        )
    }
}

/// Micro-discretions (with patients, practice staff, community organisations) and
/// boundaries held and stretched, per worker.
pub fn discretions(workers: &[Worker<'_>]) -> Chart {
    let totals: Vec<(String, Totals)> = workers
        .iter()
        .map(|w| (w.label.clone(), totals(w)))
        .collect();
    let table = Table {
        caption: "Micro-discretions and boundaries by worker, over all their summaries".to_owned(),
        head: [
            "Worker",
            "With a patient",
            "With practice staff",
            "With a community organisation",
            "Boundary held",
            "Boundary stretched",
        ]
        .iter()
        .map(|h| (*h).to_owned())
        .collect(),
        rows: totals
            .iter()
            .map(|(name, t)| {
                vec![
                    name.clone(),
                    t.md_patient.to_string(),
                    t.md_staff.to_string(),
                    t.md_community.to_string(),
                    t.held.to_string(),
                    t.stretched.to_string(),
                ]
            })
            .collect(),
        numeric: true,
    };
    let most = totals.iter().max_by_key(|(_, t)| t.stretched);
    let any = totals
        .iter()
        .any(|(_, t)| t.micro_discretions() + t.stretched > 0);
    let summary = match most {
        _ if !any => {
            "No micro-discretions or stretched boundaries are tagged in the summaries open."
                .to_owned()
        }
        Some((name, t)) if t.stretched > 0 => format!(
            "{name} has the most stretched boundaries: {}.{}",
            plural(t.stretched, "reflection", "reflections"),
            overlap_note(workers)
        ),
        _ => format!(
            "Micro-discretions are tagged, but no boundary was stretched.{}",
            overlap_note(workers)
        ),
    };
    let plot = any.then(|| {
        let rows: Vec<(String, usize)> = totals
            .iter()
            .flat_map(|(name, t)| {
                [
                    (
                        format!("{}: discretions", short_name(name)),
                        t.micro_discretions(),
                    ),
                    (format!("{}: stretched", short_name(name)), t.stretched),
                ]
            })
            .collect();
        bars(
            &rows,
            "Bar chart with two bars for each worker: micro-discretions, and boundaries stretched.",
        )
    });
    Chart {
        id: "sup-discretions",
        title: "Micro-discretions and boundaries",
        summary,
        table,
        plot,
    }
}

/// Holding load as each worker's latest summary gives it: open threads, long ones, and
/// why they are holding (the four drivers).
pub fn holding(workers: &[Worker<'_>]) -> Chart {
    const DRIVERS: [&str; 4] = [
        "driver-no-provision",
        "driver-readiness",
        "driver-protecting-staff",
        "driver-cant-fix",
    ];
    let latest: Vec<(&str, &SummaryV2)> = workers
        .iter()
        .filter_map(|w| {
            w.summaries
                .iter()
                .max_by_key(|o| o.summary.period.last_week)
                .map(|o| (w.label.as_str(), &o.summary))
        })
        .collect();
    let table = Table {
        caption: "Holding load by worker, from each worker’s latest summary".to_owned(),
        head: [
            "Worker",
            "Open threads",
            "Open 3 months or more",
            "No provision",
            "Readiness or capacity",
            "Protecting staff",
            "Can’t be fixed",
        ]
        .iter()
        .map(|h| (*h).to_owned())
        .collect(),
        rows: latest
            .iter()
            .map(|(name, s)| {
                let h = &s.restorative.holding;
                let mut row = vec![
                    (*name).to_owned(),
                    h.open.to_string(),
                    long_holding(s).to_string(),
                ];
                row.extend(DRIVERS.iter().map(|d| tag(&h.by_driver, d).to_string()));
                row
            })
            .collect(),
        numeric: true,
    };
    let total: usize = latest.iter().map(|(_, s)| s.restorative.holding.open).sum();
    let no_provision: usize = latest
        .iter()
        .map(|(_, s)| tag(&s.restorative.holding.by_driver, DRIVERS[0]))
        .sum();
    let summary = if total == 0 {
        "No holding threads are open in the latest summaries.".to_owned()
    } else {
        let most = latest
            .iter()
            .max_by_key(|(_, s)| s.restorative.holding.open)
            .map_or("", |(n, _)| *n);
        format!(
            "{} open across {}; {most} holds the most. {} held for lack of community provision.",
            plural(total, "holding thread", "holding threads"),
            plural(latest.len(), "worker", "workers"),
            plural(no_provision, "thread is", "threads are")
        )
    };
    let plot = (total > 0).then(|| {
        let rows: Vec<(String, usize)> = latest
            .iter()
            .map(|(n, s)| (short_name(n), s.restorative.holding.open))
            .collect();
        bars(
            &rows,
            "Bar chart with one bar for each worker, showing their open holding threads.",
        )
    });
    Chart {
        id: "sup-holding",
        title: "Holding load and drivers",
        summary,
        table,
        plot,
    }
}

/// Each worker's weekly series of one measure, each week once (the later summary wins).
fn series<T: Copy>(
    w: &Worker<'_>,
    points: impl Fn(&SummaryV2) -> Vec<(NaiveDate, T)>,
) -> Vec<(NaiveDate, T)> {
    let mut by_week = BTreeMap::new();
    for o in &w.summaries {
        for (week, v) in points(&o.summary) {
            by_week.insert(week, v);
        }
    }
    by_week.into_iter().collect()
}

/// Embeddedness ratings over time, one line per worker.
pub fn embeddedness(workers: &[Worker<'_>]) -> Chart {
    let all: Vec<(String, Vec<(NaiveDate, Embeddedness)>)> = workers
        .iter()
        .map(|w| {
            let points = series(w, |s| {
                s.restorative
                    .embeddedness
                    .iter()
                    .map(|e| (e.week, e.rating))
                    .collect()
            });
            (w.label.clone(), points)
        })
        .collect();
    let mut rows = Vec::new();
    for (name, points) in &all {
        for (week, rating) in points {
            rows.push(vec![
                name.clone(),
                week_label(*week),
                rating.label().to_owned(),
            ]);
        }
    }
    let table = Table {
        caption: "Embeddedness check-ins by worker and week".to_owned(),
        head: vec!["Worker".to_owned(), "Week".to_owned(), "Rating".to_owned()],
        rows,
        numeric: false,
    };
    let latest: Vec<(&str, Embeddedness)> = all
        .iter()
        .filter_map(|(n, p)| p.last().map(|(_, r)| (n.as_str(), *r)))
        .collect();
    let bolted: Vec<&str> = latest
        .iter()
        .filter(|(_, r)| *r == Embeddedness::BoltedOn)
        .map(|(n, _)| *n)
        .collect();
    let summary = if latest.is_empty() {
        "No embeddedness check-ins in the summaries open.".to_owned()
    } else if bolted.is_empty() {
        format!(
            "{} checked in. Nobody’s latest rating is bolted on.",
            plural(latest.len(), "worker", "workers")
        )
    } else {
        format!(
            "{} checked in. Latest rating bolted on: {}.",
            plural(latest.len(), "worker", "workers"),
            bolted.join(", ")
        )
    };
    let plot = (!latest.is_empty()).then(|| {
        let lines: Vec<(String, Vec<(NaiveDate, u32)>)> = all
            .iter()
            .map(|(n, p)| {
                let values = p.iter().map(|(w, r)| (*w, u32::from(r.position()))).collect();
                (short_name(n), values)
            })
            .collect();
        let ticks: Vec<(u32, String)> = Embeddedness::ALL
            .iter()
            .map(|e| (u32::from(e.position()), e.label().to_owned()))
            .collect();
        line_chart(
            &lines,
            1,
            Embeddedness::ALL.len() as u32,
            &ticks,
            "Line chart of each worker’s embeddedness check-ins over time, from bolted on at the bottom to belonging at the top.",
        )
    });
    Chart {
        id: "sup-embeddedness",
        title: "Embeddedness trend",
        summary,
        table,
        plot,
    }
}

/// A worker's weeks: (Monday, (average, checks, heavy days)).
type WeeklyWellbeing = Vec<(NaiveDate, (f64, usize, usize))>;

/// The weekly wellbeing average (1 very low to 5 very good), one line per worker.
pub fn wellbeing(workers: &[Worker<'_>]) -> Chart {
    let all: Vec<(String, WeeklyWellbeing)> = workers
        .iter()
        .map(|w| {
            let points = series(w, |s| {
                s.restorative
                    .wellbeing
                    .weeks
                    .iter()
                    .map(|x| (x.week, (x.average, x.checks, x.heavy_days)))
                    .collect()
            });
            (w.label.clone(), points)
        })
        .collect();
    let mut rows = Vec::new();
    for (name, points) in &all {
        for (week, (avg, checks, heavy)) in points {
            rows.push(vec![
                name.clone(),
                week_label(*week),
                checks.to_string(),
                format!("{avg:.1}"),
                heavy.to_string(),
            ]);
        }
    }
    let table = Table {
        caption: "Wellbeing checks by worker and week".to_owned(),
        head: [
            "Worker",
            "Week",
            "Checks",
            "Average (1 to 5)",
            "Days with a heavy load",
        ]
        .iter()
        .map(|h| (*h).to_owned())
        .collect(),
        rows,
        numeric: false,
    };
    let falling: Vec<String> = all
        .iter()
        .filter_map(|(n, p)| match (p.first(), p.last()) {
            (Some((_, (a, ..))), Some((_, (b, ..)))) if p.len() > 1 && a - b >= 1.0 => {
                Some(format!("{n} ({a:.1} to {b:.1})"))
            }
            _ => None,
        })
        .collect();
    let any = all.iter().any(|(_, p)| !p.is_empty());
    let summary = if !any {
        "No wellbeing checks in the summaries open.".to_owned()
    } else if falling.is_empty() {
        "No worker’s weekly wellbeing fell by a point or more from their first week to their latest.".to_owned()
    } else {
        format!(
            "Weekly wellbeing fell by a point or more for {}.",
            falling.join(", ")
        )
    };
    let plot = any.then(|| {
        let lines: Vec<(String, Vec<(NaiveDate, u32)>)> = all
            .iter()
            .map(|(n, p)| {
                let values = p
                    .iter()
                    .map(|(w, (avg, ..))| (*w, (avg * 10.0).round() as u32))
                    .collect();
                (short_name(n), values)
            })
            .collect();
        let ticks: Vec<(u32, String)> = (1..=5).map(|v| (v * 10, one_decimal(v * 10))).collect();
        line_chart(
            &lines,
            10,
            50,
            &ticks,
            "Line chart of each worker’s weekly wellbeing average, from 1 (very low) at the bottom to 5 (very good) at the top.",
        )
    });
    Chart {
        id: "sup-wellbeing",
        title: "Wellbeing trend",
        summary,
        table,
        plot,
    }
}

/// A name short enough to label a bar or a line; the table has it in full.
fn short_name(name: &str) -> String {
    if name.chars().count() <= 16 {
        name.to_owned()
    } else {
        let mut s: String = name.chars().take(15).collect();
        s.push('…');
        s
    }
}

fn scale(value: u32, lo: u32, hi: u32, span: u32) -> u32 {
    let value = u64::from(value.clamp(lo, hi) - lo);
    let range = u64::from(hi.saturating_sub(lo).max(1));
    ((value * u64::from(span) + range / 2) / range) as u32
}

/// Horizontal bars, one per row, the longest reaching the full width.
fn bars(rows: &[(String, usize)], alt: &str) -> Plot {
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1) as u32;
    let width = WIDTH - NAME_W - 48;
    let height = ROW * rows.len() as u32 + 16;
    let mut plot = Plot {
        width: WIDTH,
        height,
        alt: alt.to_owned(),
        ..Plot::default()
    };
    plot.rules.push(Rule {
        x1: NAME_W,
        y1: 8,
        x2: NAME_W,
        y2: height - 8,
        axis: true,
    });
    for (i, (label, n)) in rows.iter().enumerate() {
        let top = 8 + ROW * i as u32;
        let length = scale(*n as u32, 0, max, width);
        plot.bars.push(Rect {
            x: NAME_W,
            y: top + 6,
            width: length,
            height: ROW - 12,
        });
        plot.labels.push(Label {
            x: NAME_W - 8,
            y: top + 19,
            anchor: Anchor::End,
            text: label.clone(),
        });
        plot.labels.push(Label {
            x: NAME_W + length + 6,
            y: top + 19,
            anchor: Anchor::Start,
            text: n.to_string(),
        });
    }
    plot
}

/// Lines over the weeks from the first point of any line to the last, one per series,
/// each named at its last point; `lo..=hi` is the value axis with its `ticks`.
fn line_chart(
    series: &[(String, Vec<(NaiveDate, u32)>)],
    lo: u32,
    hi: u32,
    ticks: &[(u32, String)],
    alt: &str,
) -> Plot {
    let mut plot = Plot {
        width: WIDTH,
        height: HEIGHT,
        alt: alt.to_owned(),
        ..Plot::default()
    };
    let weeks = series.iter().flat_map(|(_, p)| p.iter().map(|(w, _)| *w));
    let (Some(first), Some(last)) = (weeks.clone().min(), weeks.max()) else {
        return plot;
    };
    let n = ((last - first).num_days() / 7 + 1).max(1) as u32;
    let plot_w = WIDTH - LEFT - RIGHT;
    let x = |week: NaiveDate| {
        let i = ((week - first).num_days() / 7).clamp(0, i64::from(n) - 1) as u32;
        LEFT + (2 * i + 1) * plot_w / (2 * n)
    };
    let y = |v: u32| BOTTOM - scale(v, lo, hi, BOTTOM - TOP);
    for (v, text) in ticks {
        plot.rules.push(Rule {
            x1: LEFT,
            y1: y(*v),
            x2: WIDTH - RIGHT,
            y2: y(*v),
            axis: false,
        });
        plot.labels.push(Label {
            x: LEFT - 8,
            y: y(*v) + 4,
            anchor: Anchor::End,
            text: text.clone(),
        });
    }
    plot.rules.push(Rule {
        x1: LEFT,
        y1: BOTTOM,
        x2: WIDTH - RIGHT,
        y2: BOTTOM,
        axis: true,
    });
    // At most six week labels, always the first and the last.
    let step = n.div_ceil(6).max(1);
    for i in (0..n).filter(|i| i % step == 0 || *i == n - 1) {
        if i != n - 1 && n - 1 - i < step {
            continue;
        }
        let week = first
            .checked_add_days(Days::new(u64::from(i) * 7))
            .unwrap_or(first);
        plot.labels.push(Label {
            x: x(week),
            y: BOTTOM + 20,
            anchor: Anchor::Middle,
            text: short_date(week),
        });
    }
    for (name, points) in series {
        let xy: Vec<(u32, u32)> = points.iter().map(|(w, v)| (x(*w), y(*v))).collect();
        if xy.len() > 1 {
            let line: Vec<String> = xy.iter().map(|(a, b)| format!("{a},{b}")).collect();
            plot.lines.push(line.join(" "));
        }
        if let Some(&(lx, ly)) = xy.last() {
            plot.labels.push(Label {
                x: lx + 8,
                y: ly + 4,
                anchor: Anchor::Start,
                text: name.clone(),
            });
        }
        plot.dots.extend(xy);
    }
    plot
}
