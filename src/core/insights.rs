//! The insights page's numbers and pictures: tags per week, holding by driver,
//! embeddedness over time and the wellbeing trend, for the last few ISO weeks (Monday to
//! Sunday) up to the week containing `today`. Every chart comes with a title, a plain
//! English summary a screen reader can use, a data table holding the same numbers, and
//! its SVG geometry already worked out here, in whole units of a fixed `viewBox`, so
//! that the UI only renders and the counting and scaling are tested natively. Nothing
//! here reads a clock: the shell passes `today` in through [`Period::ending`].
//!
//! Geometry is in integers on purpose: the UI writes coordinates with integer
//! formatting, so no float formatting code reaches the browser bundle, and the one
//! decimal an average needs is written by hand ([`tenths`]).

use std::cmp::Reverse;

use chrono::{Datelike, Days, NaiveDate};

use super::checkins::{EmbeddednessHistory, Load, Rating, ReflectionDays, WellbeingLog};
use super::journal::Journal;
use super::plural;
use super::tags::{Embeddedness, Family};
use super::threads::Threads;

/// How many weeks the page looks back over, counting the current week: about a quarter,
/// long enough for a pattern and short enough to fit twelve bars across a phone.
pub const DEFAULT_WEEKS: u32 = 12;

// The viewBox every chart is drawn in: wide and short, so it scales down to a phone and
// still reads on a desktop. The left margin leaves room for "Very good" and "Fitting in".
pub const WIDTH: u32 = 640;
const HEIGHT: u32 = 240;
const LEFT: u32 = 96;
const RIGHT: u32 = 16;
const TOP: u32 = 24;
const BOTTOM: u32 = 208;
const PLOT_W: u32 = WIDTH - LEFT - RIGHT;
const PLOT_H: u32 = BOTTOM - TOP;

// The holding chart lies on its side: driver names are too long to sit under a bar.
const BAR_LEFT: u32 = 176;
const BAR_RIGHT: u32 = 48;
const ROW: u32 = 40;

// ---------------------------------------------------------------------------------------
// The period
// ---------------------------------------------------------------------------------------

/// A run of whole ISO weeks ending with the week that contains "today".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    first: NaiveDate,
    weeks: u32,
}

impl Period {
    /// The `weeks` weeks up to and including the one containing `today`. At least two
    /// (a trend needs two points) and at most two years.
    pub fn ending(today: NaiveDate, weeks: u32) -> Period {
        let weeks = weeks.clamp(2, 104);
        let back = u64::from(today.weekday().num_days_from_monday()) + 7 * u64::from(weeks - 1);
        // Only the first days of chrono's calendar have no Monday that far back.
        let first = today.checked_sub_days(Days::new(back)).unwrap_or(today);
        Period { first, weeks }
    }

    pub fn weeks(self) -> u32 {
        self.weeks
    }

    /// The Monday the period starts on.
    pub fn first_day(self) -> NaiveDate {
        self.first
    }

    /// The Sunday it ends on.
    pub fn last_day(self) -> NaiveDate {
        self.monday(self.weeks as usize - 1) + Days::new(6)
    }

    /// The Monday of week `i`, oldest first.
    pub fn monday(self, i: usize) -> NaiveDate {
        self.first + Days::new(7 * i as u64)
    }

    /// The week (0 = oldest) that `day` falls in, if it is in the period.
    pub fn week_of(self, day: NaiveDate) -> Option<usize> {
        let days = (day - self.first).num_days();
        (0..7 * i64::from(self.weeks))
            .contains(&days)
            .then_some(days as usize / 7)
    }

    /// "the last 12 weeks", for sentences.
    pub fn phrase(self) -> String {
        format!("the last {} weeks", self.weeks)
    }

    /// "w/c 1 Sep to w/c 17 Nov", for captions.
    pub fn range(self) -> String {
        format!(
            "{} to {}",
            week_label(self.first),
            week_label(self.monday(self.weeks as usize - 1))
        )
    }
}

/// "3 Nov". Written by hand like the rest of the core's dates: chrono's strftime costs
/// the bundle about 9 KB. Months are shortened as GOV.UK style does in tables.
pub fn short_date(day: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!("{} {}", day.day(), MONTHS[day.month0() as usize])
}

/// "w/c 3 Nov": the week commencing on that Monday.
pub fn week_label(monday: NaiveDate) -> String {
    format!("w/c {}", short_date(monday))
}

// ---------------------------------------------------------------------------------------
// What the UI renders
// ---------------------------------------------------------------------------------------

/// One chart: everything the page shows for it. With no `plot` there was nothing to
/// draw, and the summary is the empty state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chart {
    /// Stable, for HTML ids: `tags-per-week`, `holding-by-driver`, `embeddedness`,
    /// `wellbeing`.
    pub id: &'static str,
    pub title: &'static str,
    /// One or two sentences that say what the chart shows, for everyone.
    pub summary: String,
    pub table: Table,
    pub plot: Option<Plot>,
}

/// The chart's numbers as a table: the first cell of each row heads that row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub caption: String,
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Whether every column after the first holds numbers (right-aligned).
    pub numeric: bool,
}

/// The picture, as shapes in a `0 0 width height` viewBox. Bars, lines and dots are the
/// data; rules are the axis and grid; labels are every piece of text drawn.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plot {
    pub width: u32,
    pub height: u32,
    /// What the picture is, for the SVG's `<desc>` (the summary says what it shows).
    pub alt: String,
    pub rules: Vec<Rule>,
    pub bars: Vec<Rect>,
    /// Polyline `points` attributes, one per unbroken run of the line.
    pub lines: Vec<String>,
    pub dots: Vec<(u32, u32)>,
    pub labels: Vec<Label>,
}

/// A straight line: `axis` for the baseline and the axis, otherwise a faint grid line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    pub x1: u32,
    pub y1: u32,
    pub x2: u32,
    pub y2: u32,
    pub axis: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rect {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

/// Text at a point (its baseline), aligned by `anchor`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub x: u32,
    pub y: u32,
    pub anchor: Anchor,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    /// The SVG `text-anchor` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

impl Plot {
    fn new(height: u32, alt: String) -> Plot {
        Plot {
            width: WIDTH,
            height,
            alt,
            ..Plot::default()
        }
    }

    fn label(&mut self, x: u32, y: u32, anchor: Anchor, text: impl Into<String>) {
        self.labels.push(Label {
            x,
            y,
            anchor,
            text: text.into(),
        });
    }

    /// A horizontal grid line at `y` with its value written to the left.
    fn y_tick(&mut self, y: u32, text: impl Into<String>) {
        self.rules.push(Rule {
            x1: LEFT,
            y1: y,
            x2: WIDTH - RIGHT,
            y2: y,
            axis: false,
        });
        self.label(LEFT - 8, y + 4, Anchor::End, text);
    }

    /// The baseline and the weeks under it. With more than eight weeks every other one
    /// is written (always including the latest), so the labels never run together; the
    /// table has them all.
    fn week_axis(&mut self, period: Period) {
        self.rules.push(Rule {
            x1: LEFT,
            y1: BOTTOM,
            x2: WIDTH - RIGHT,
            y2: BOTTOM,
            axis: true,
        });
        let n = period.weeks as usize;
        let step = if n > 8 { 2 } else { 1 };
        for i in (0..n).filter(|i| (n - 1 - i).is_multiple_of(step)) {
            let x = week_x(period, i);
            self.label(x, BOTTOM + 20, Anchor::Middle, short_date(period.monday(i)));
        }
    }
}

/// The middle of week `i` across the plot.
fn week_x(period: Period, i: usize) -> u32 {
    LEFT + (2 * i as u32 + 1) * PLOT_W / (2 * period.weeks)
}

/// The middle of a day across the plot, so a check-in sits inside its week's column.
fn day_x(period: Period, day: NaiveDate) -> u32 {
    let days = (day - period.first)
        .num_days()
        .clamp(0, 7 * i64::from(period.weeks) - 1) as u32;
    LEFT + (2 * days + 1) * PLOT_W / (14 * period.weeks)
}

/// The height of `value` on an axis from `lo` to `hi` drawn `span` tall, rounded.
fn scale(value: u32, lo: u32, hi: u32, span: u32) -> u32 {
    let value = u64::from(value.clamp(lo, hi) - lo);
    let range = u64::from(hi.saturating_sub(lo).max(1));
    // At most `span`: the value is clamped to the range first.
    ((value * u64::from(span) + range / 2) / range) as u32
}

/// A count axis: the step between ticks (1, 2 or 5 times a power of ten) and the top,
/// the smallest such step that needs at most five ticks above zero, so the tallest bar
/// fills most of the height and the tick labels stay round numbers.
pub fn count_axis(max: u32) -> (u32, u32) {
    let mut base: u32 = 1;
    loop {
        for step in [base, base.saturating_mul(2), base.saturating_mul(5)] {
            if max.div_ceil(step) <= 5 {
                return (step, max.div_ceil(step).max(1).saturating_mul(step));
            }
        }
        base = base.saturating_mul(10);
    }
}

/// "Holding: driver" from "holding: driver". ASCII only, like the rest of the core, so
/// no Unicode case tables reach the bundle (every label here is ASCII).
fn capitalise(s: &str) -> String {
    let mut out = s.to_owned();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// An average in tenths, rounded half up, in integers: 67 over 20 checks is 3.35, which
/// shows as 3.4 whatever a float would make of it.
pub fn tenths(total: u32, checks: u32) -> u32 {
    let checks = checks.max(1);
    (20 * total + checks) / (2 * checks)
}

/// Sorts a short list in place, keeping equal items in order. Written out rather than
/// `sort_by`: every type the standard sort is used with adds its own few kilobytes to
/// the browser bundle, and these lists hold a handful of items.
fn sort_short<T>(items: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && before(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// "3.5" from 35.
pub fn one_decimal(tenths: u32) -> String {
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Every chart, in the order the page shows them.
pub fn insights(
    journal: &Journal,
    threads: &Threads,
    embeddedness: &EmbeddednessHistory,
    wellbeing: &WellbeingLog,
    period: Period,
) -> [Chart; 4] {
    [
        tags_per_week(journal, period),
        holding_by_driver(threads, period),
        embeddedness_over_time(embeddedness, period),
        wellbeing_trend(wellbeing, &ReflectionDays::of(journal), period),
    ]
}

// ---------------------------------------------------------------------------------------
// Tags per week
// ---------------------------------------------------------------------------------------

/// Where custom tags are counted: after the built-in families.
const OWN: usize = Family::ALL.len();

fn column_name(column: usize) -> String {
    Family::ALL
        .get(column)
        .map_or("Your own tags".to_owned(), |f| capitalise(f.label()))
}

/// How many tags were put on the entries about each week, by family, with custom tags
/// (and any id the vocabulary no longer knows) as "Your own tags". The table has a
/// column for each family used in the period, then the total; the bars show the total.
pub fn tags_per_week(journal: &Journal, period: Period) -> Chart {
    let weeks = period.weeks as usize;
    let mut counts = vec![[0usize; OWN + 1]; weeks];
    for entry in journal.entries_between(period.first_day(), period.last_day()) {
        let Some(week) = period.week_of(entry.about) else {
            continue;
        };
        for tag in &entry.tags {
            let column = tag
                .builtin()
                .and_then(|b| Family::ALL.iter().position(|f| *f == b.family))
                .unwrap_or(OWN);
            counts[week][column] += 1;
        }
    }
    let totals: Vec<usize> = counts.iter().map(|w| w.iter().sum()).collect();
    let mut by_column = [0usize; OWN + 1];
    for week in &counts {
        for (sum, n) in by_column.iter_mut().zip(week) {
            *sum += n;
        }
    }
    let used: Vec<usize> = (0..=OWN).filter(|&c| by_column[c] > 0).collect();
    let total: usize = totals.iter().sum();

    let mut head = vec!["Week".to_owned()];
    head.extend(used.iter().map(|&c| column_name(c)));
    head.push("Total".to_owned());
    let rows = (0..weeks)
        .map(|w| {
            let mut row = vec![week_label(period.monday(w))];
            row.extend(used.iter().map(|&c| counts[w][c].to_string()));
            row.push(totals[w].to_string());
            row
        })
        .collect();
    let table = Table {
        caption: format!("Tags per week, {}", period.range()),
        head,
        rows,
        numeric: true,
    };

    let (summary, plot) = if total == 0 {
        let summary = format!(
            "No tags on reflections about {}. When you choose tags for a reflection, they are \
             counted here in the week the reflection is about.",
            period.phrase()
        );
        (summary, None)
    } else {
        // The latest of equally busy weeks: the one the worker remembers best.
        let busiest = (0..weeks).max_by_key(|&w| (totals[w], w)).unwrap_or(0);
        // The first family in picker order among equally used ones.
        let top = used
            .iter()
            .copied()
            .max_by_key(|&c| (by_column[c], Reverse(c)))
            .unwrap_or(OWN);
        let top_name = if top == OWN {
            "your own tags".to_owned()
        } else {
            format!("{} tags", Family::ALL[top].label())
        };
        let times = match by_column[top] {
            1 => "once".to_owned(),
            n => format!("{n} times"),
        };
        let summary = format!(
            "Over {} you used {}; the busiest week was {}, with {}. You used {top_name} most: \
             {times}.",
            period.phrase(),
            plural(total, "tag", "tags"),
            week_label(period.monday(busiest)),
            totals[busiest],
        );
        (summary, Some(count_bars(period, &totals)))
    };
    Chart {
        id: "tags-per-week",
        title: "Tags per week",
        summary,
        table,
        plot,
    }
}

/// One bar per week on a count axis, each with its number above it.
fn count_bars(period: Period, values: &[usize]) -> Plot {
    let max = values.iter().copied().max().unwrap_or(0) as u32;
    let (step, top) = count_axis(max);
    let mut plot = Plot::new(
        HEIGHT,
        format!(
            "Bar chart with one bar for each week, {}, showing the number of tags.",
            period.range()
        ),
    );
    let mut tick = step;
    while tick <= top {
        plot.y_tick(BOTTOM - scale(tick, 0, top, PLOT_H), tick.to_string());
        tick += step;
    }
    plot.label(LEFT - 8, BOTTOM + 4, Anchor::End, "0");
    let bar = (PLOT_W / period.weeks * 3 / 5).max(1);
    for (i, &value) in values.iter().enumerate() {
        let height = scale(value as u32, 0, top, PLOT_H);
        let x = week_x(period, i);
        plot.bars.push(Rect {
            x: x - bar / 2,
            y: BOTTOM - height,
            width: bar,
            height,
        });
        plot.label(x, BOTTOM - height - 6, Anchor::Middle, value.to_string());
    }
    plot.week_axis(period);
    plot
}

// ---------------------------------------------------------------------------------------
// Holding by driver
// ---------------------------------------------------------------------------------------

/// For each holding driver, how many threads that were open at some point in the
/// period have it. A thread counts if it was opened by the period's last day and not
/// closed before its first: holding that ended early in the period still took its
/// toll in it, and a long thread opened before the period is still being carried. A
/// thread with two drivers counts once under each. Every driver is listed, most used
/// first, then by name, so a driver that is absent shows as 0.
pub fn holding_by_driver(threads: &Threads, period: Period) -> Chart {
    let in_period: Vec<_> = threads
        .all()
        .iter()
        .filter(|t| {
            t.opened <= period.last_day() && t.closed.is_none_or(|c| c.on >= period.first_day())
        })
        .collect();
    let mut rows: Vec<(&'static str, usize)> = Family::HoldingDriver
        .tags()
        .map(|driver| {
            let n = in_period
                .iter()
                .filter(|t| t.drivers.iter().any(|d| d.as_str() == driver.id))
                .count();
            (driver.label, n)
        })
        .collect();
    sort_short(&mut rows, |a, b| a.1 > b.1 || (a.1 == b.1 && a.0 < b.0));

    let table = Table {
        caption: format!("Holding threads by driver, {}", period.range()),
        head: vec!["Driver".to_owned(), "Threads".to_owned()],
        rows: rows
            .iter()
            .map(|(label, n)| vec![capitalise(label), n.to_string()])
            .collect(),
        numeric: true,
    };
    let open = in_period.len();
    let most = rows.first().map_or(0, |r| r.1);
    let was = if open == 1 { "was" } else { "were" };
    let threads_open = format!(
        "{} {was} open at some point in {}",
        plural(open, "holding thread", "holding threads"),
        period.phrase()
    );
    let (summary, plot) = if open == 0 {
        let summary = format!(
            "No holding threads were open in {}. When you open a holding thread and say why \
             you are holding the person, the reasons are counted here.",
            period.phrase()
        );
        (summary, None)
    } else if most == 0 {
        let summary = format!(
            "{}, but none has a driver chosen yet. Choose drivers for a thread to see them \
             counted here.",
            capitalise(&threads_open)
        );
        (summary, None)
    } else {
        let top: Vec<&str> = rows.iter().filter(|r| r.1 == most).map(|r| r.0).collect();
        let which = if top.len() == 1 {
            format!(
                "The driver chosen most often was {}, for {}.",
                top[0],
                plural(most, "thread", "threads")
            )
        } else {
            format!(
                "The drivers chosen most often were {}, for {} each.",
                join_and(&top),
                plural(most, "thread", "threads")
            )
        };
        let summary = format!("{}. {which}", capitalise(&threads_open));
        (summary, Some(driver_bars(&rows, most as u32)))
    };
    Chart {
        id: "holding-by-driver",
        title: "Holding by driver",
        summary,
        table,
        plot,
    }
}

/// "a, b and c".
fn join_and(items: &[&str]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == items.len() { " and " } else { ", " });
        }
        out.push_str(item);
    }
    out
}

/// One bar per driver, lying down, the longest reaching the full width, each with its
/// name to the left and its number at its end.
fn driver_bars(rows: &[(&str, usize)], max: u32) -> Plot {
    let width = WIDTH - BAR_LEFT - BAR_RIGHT;
    let height = ROW * rows.len() as u32 + 16;
    let mut plot = Plot::new(
        height,
        "Bar chart with one bar for each holding driver, showing the number of threads.".to_owned(),
    );
    plot.rules.push(Rule {
        x1: BAR_LEFT,
        y1: 8,
        x2: BAR_LEFT,
        y2: height - 8,
        axis: true,
    });
    for (i, &(label, n)) in rows.iter().enumerate() {
        let top = 8 + ROW * i as u32;
        let length = scale(n as u32, 0, max, width);
        plot.bars.push(Rect {
            x: BAR_LEFT,
            y: top + 8,
            width: length,
            height: ROW - 16,
        });
        plot.label(BAR_LEFT - 8, top + 25, Anchor::End, capitalise(label));
        plot.label(
            BAR_LEFT + length + 6,
            top + 25,
            Anchor::Start,
            n.to_string(),
        );
    }
    plot
}

// ---------------------------------------------------------------------------------------
// Embeddedness over time
// ---------------------------------------------------------------------------------------

/// The embeddedness check-ins made in the period, each placed on its day. Check-ins are
/// monthly by default, so there may be only two or three; the ones before the period
/// belong to an earlier picture, and the page says so when there are none.
pub fn embeddedness_over_time(history: &EmbeddednessHistory, period: Period) -> Chart {
    let mut points: Vec<(NaiveDate, Embeddedness)> = history
        .all()
        .iter()
        .filter(|c| period.week_of(c.on).is_some())
        .map(|c| (c.on, c.rating))
        .collect();
    // A stored history may be out of order; `series` would sort it all with the
    // standard sort, so only the few in the period are sorted here.
    sort_short(&mut points, |a, b| a.0 < b.0);
    let table = Table {
        caption: format!("Embeddedness check-ins, {}", period.range()),
        head: vec!["Date".to_owned(), "How embedded you felt".to_owned()],
        rows: points
            .iter()
            .map(|(day, e)| vec![short_date(*day), e.label().to_owned()])
            .collect(),
        numeric: false,
    };
    let said = |e: Embeddedness| e.label().to_ascii_lowercase();
    let summary = match (points.first(), points.last()) {
        (Some(&(first_day, first)), Some(&(last_day, last))) if points.len() > 1 => {
            let change = if last.position() == first.position() {
                format!(
                    "Your latest rating, on {}, was {}, the same as your first in this period.",
                    short_date(last_day),
                    said(last)
                )
            } else {
                let verb = if last.position() > first.position() {
                    "rose"
                } else {
                    "fell"
                };
                format!(
                    "Your rating {verb} from {} on {} to {} on {}.",
                    said(first),
                    short_date(first_day),
                    said(last),
                    short_date(last_day)
                )
            };
            format!(
                "You checked in {} times in {}. {change}",
                points.len(),
                period.phrase()
            )
        }
        (Some(&(day, rating)), _) => format!(
            "You checked in once in {}, on {}, and felt {}.",
            period.phrase(),
            short_date(day),
            said(rating)
        ),
        _ => format!(
            "No embeddedness check-ins in {}. When you check in on how embedded you feel in \
             the practice, from bolted on to belonging, your ratings are shown here.",
            period.phrase()
        ),
    };
    let plot = (!points.is_empty()).then(|| {
        let mut plot = Plot::new(
            HEIGHT,
            format!(
                "Line chart of your embeddedness check-ins, {}, from bolted on at the bottom \
                 to belonging at the top.",
                period.range()
            ),
        );
        let levels = Embeddedness::ALL.len() as u32;
        let y = |e: Embeddedness| BOTTOM - scale(u32::from(e.position()), 1, levels, PLOT_H);
        for e in Embeddedness::ALL {
            plot.y_tick(y(e), e.label());
        }
        let xy: Vec<(u32, u32)> = points
            .iter()
            .map(|&(day, e)| (day_x(period, day), y(e)))
            .collect();
        if xy.len() > 1 {
            plot.lines.push(polyline(&xy));
        }
        plot.dots = xy;
        plot.week_axis(period);
        plot
    });
    Chart {
        id: "embeddedness",
        title: "Embeddedness over time",
        summary,
        table,
        plot,
    }
}

/// The `points` attribute of an SVG polyline.
fn polyline(points: &[(u32, u32)]) -> String {
    let mut out = String::new();
    for (x, y) in points {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&format!("{x},{y}"));
    }
    out
}

// ---------------------------------------------------------------------------------------
// Wellbeing trend
// ---------------------------------------------------------------------------------------

/// The average answer to "How are you after this?" in each week of the period, 1 to 5,
/// with the days that felt heavy. A week without checks is a gap in the line and
/// "No checks" in the table, never a zero: no answer is not a bad week.
pub fn wellbeing_trend(log: &WellbeingLog, days: &ReflectionDays, period: Period) -> Chart {
    let weeks = period.weeks as usize;
    // Per week: checks, their total and a bit for each day with a heavy load. Counted
    // here, with the same rules as `WellbeingLog::weekly_trend`, rather than through it:
    // its map and float average would add to the bundle what three integers do here.
    let mut sums = vec![(0u32, 0u32, 0u8); weeks];
    for check in log.all() {
        // In the week of the reflection it is about, as `weekly_trend` counts it.
        let on = days.counts_on(check);
        if let Some(i) = period.week_of(on) {
            let week = &mut sums[i];
            week.0 += 1;
            week.1 += u32::from(check.rating.value());
            if check.emotional_load == Some(Load::Heavy) {
                week.2 |= 1 << on.weekday().num_days_from_monday();
            }
        }
    }
    // Per week with checks: (checks, average in tenths, heavy days).
    let by_week: Vec<Option<(usize, u32, usize)>> = sums
        .iter()
        .map(|&(checks, total, heavy)| {
            (checks > 0).then(|| {
                (
                    checks as usize,
                    tenths(total, checks),
                    heavy.count_ones() as usize,
                )
            })
        })
        .collect();
    let table = Table {
        caption: format!("Wellbeing checks per week, {}", period.range()),
        head: vec![
            "Week".to_owned(),
            "Checks".to_owned(),
            "Average (1 to 5)".to_owned(),
            "Heavy days".to_owned(),
        ],
        rows: by_week
            .iter()
            .enumerate()
            .map(|(i, week)| {
                let (checks, average, heavy) = match week {
                    Some((c, t, h)) => (c.to_string(), one_decimal(*t), h.to_string()),
                    None => ("0".to_owned(), "No checks".to_owned(), "0".to_owned()),
                };
                vec![week_label(period.monday(i)), checks, average, heavy]
            })
            .collect(),
        numeric: true,
    };

    let answered: Vec<(usize, (usize, u32, usize))> = by_week
        .iter()
        .enumerate()
        .filter_map(|(i, w)| w.map(|w| (i, w)))
        .collect();
    let summary = match answered.last() {
        None => {
            let when = if log.all().is_empty() {
                "yet".to_owned()
            } else {
                format!("in {}", period.phrase())
            };
            format!(
                "No wellbeing checks {when}. After saving a reflection you can say how you are."
            )
        }
        Some(&(latest, (_, latest_avg, _))) => {
            let checks: usize = answered.iter().map(|(_, w)| w.0).sum();
            let heavy: usize = answered.iter().map(|(_, w)| w.2).sum();
            let mut s = format!(
                "You answered {} in {} of {}. Your latest weekly average was {} out of 5, in {}",
                plural(checks, "wellbeing check", "wellbeing checks"),
                answered.len(),
                period.phrase(),
                one_decimal(latest_avg),
                week_label(period.monday(latest)),
            );
            // The most recent of equally low weeks.
            let lowest = answered
                .iter()
                .rev()
                .min_by_key(|(_, w)| w.1)
                .map_or(latest, |(i, _)| *i);
            if lowest != latest {
                let low = by_week[lowest].map_or(0, |w| w.1);
                s.push_str(&format!(
                    "; your lowest was {}, in {}",
                    one_decimal(low),
                    week_label(period.monday(lowest))
                ));
            }
            s.push_str(&if heavy == 0 {
                ". You did not note a heavy emotional load on any day.".to_owned()
            } else {
                format!(
                    ". You noted a heavy emotional load on {}.",
                    plural(heavy, "day", "days")
                )
            });
            s
        }
    };
    let plot = (!answered.is_empty()).then(|| {
        let mut plot = Plot::new(
            HEIGHT,
            format!(
                "Line chart of your average wellbeing rating each week, {}, from very low (1) \
                 at the bottom to very good (5) at the top. Weeks without checks are gaps in \
                 the line.",
                period.range()
            ),
        );
        let y = |t: u32| BOTTOM - scale(t, 10, 50, PLOT_H);
        for rating in Rating::ALL {
            plot.y_tick(y(u32::from(rating.value()) * 10), rating.label());
        }
        let mut run: Vec<(u32, u32)> = Vec::new();
        for (n, &(i, (_, t, _))) in answered.iter().enumerate() {
            let point = (week_x(period, i), y(t));
            // A week without checks breaks the line.
            if n > 0 && answered[n - 1].0 + 1 != i {
                if run.len() > 1 {
                    plot.lines.push(polyline(&run));
                }
                run.clear();
            }
            run.push(point);
            plot.dots.push(point);
            plot.label(point.0, point.1 - 10, Anchor::Middle, one_decimal(t));
        }
        if run.len() > 1 {
            plot.lines.push(polyline(&run));
        }
        plot.week_axis(period);
        plot
    });
    Chart {
        id: "wellbeing",
        title: "Wellbeing trend",
        summary,
        table,
        plot,
    }
}

#[cfg(test)]
mod tests;
