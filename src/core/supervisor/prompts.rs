//! Discussion prompts for supervision, grouped by Proctor's three functions and drawn
//! only from what the open summaries contain: normative (judgement calls, boundaries,
//! escalations), formative (learning points and actions), restorative (wellbeing,
//! emotional load, holding, embeddedness). Each prompt names the worker and the figure it
//! comes from, and asks an open question; none is a verdict.

use super::views::{latest_embeddedness, long_holding, tag, totals};
use super::Worker;
use crate::core::plural;
use crate::core::tags::Embeddedness;

/// Proctor's three functions of supervision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Function {
    Normative,
    Formative,
    Restorative,
}

impl Function {
    pub const ALL: [Function; 3] = [
        Function::Normative,
        Function::Formative,
        Function::Restorative,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Function::Normative => "normative",
            Function::Formative => "formative",
            Function::Restorative => "restorative",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Function::Normative => "Normative: judgement calls and boundaries",
            Function::Formative => "Formative: learning and actions",
            Function::Restorative => "Restorative: wellbeing and load",
        }
    }

    /// What the function is for, in a line.
    pub fn about(self) -> &'static str {
        match self {
            Function::Normative => "Practice, standards and the judgement calls behind them.",
            Function::Formative => "What the worker is learning and what they plan to do.",
            Function::Restorative => "What the work is costing the worker, and support.",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prompt {
    pub function: Function,
    /// The worker's name or initials as on their summaries.
    pub worker: String,
    pub text: String,
}

/// Every prompt, grouped by function in Proctor's order, workers in the library's order.
pub fn prompts(workers: &[Worker<'_>]) -> Vec<(Function, Vec<Prompt>)> {
    let mut all: Vec<Prompt> = Vec::new();
    for w in workers {
        worker_prompts(w, &mut all);
    }
    Function::ALL
        .into_iter()
        .map(|f| (f, all.iter().filter(|p| p.function == f).cloned().collect()))
        .collect()
}

fn worker_prompts(w: &Worker<'_>, out: &mut Vec<Prompt>) {
    let t = totals(w);
    let mut say = |function: Function, text: String| {
        out.push(Prompt {
            function,
            worker: w.label.clone(),
            text,
        })
    };
    let over = plural(t.weeks as usize, "week", "weeks");

    // Normative
    if t.stretched > 0 {
        say(
            Function::Normative,
            format!(
                "Boundaries stretched in {} over {over}. Which were judgement calls worth keeping, and where does a boundary need holding?",
                plural(t.stretched, "reflection", "reflections")
            ),
        );
    }
    if t.micro_discretions() > 0 {
        say(
            Function::Normative,
            format!(
                "{} (with patients {}, practice staff {}, community organisations {}). What guided these judgement calls, and did any go beyond the role?",
                plural(t.micro_discretions(), "micro-discretion", "micro-discretions"),
                t.md_patient,
                t.md_staff,
                t.md_community
            ),
        );
    }
    if t.escalations > 0 {
        say(
            Function::Normative,
            format!(
                "{} escalated elsewhere. Did each reach the proper safeguarding or incident channel? The details stay there, not in the summary.",
                plural(t.escalations, "concern", "concerns")
            ),
        );
    }

    // Formative
    if t.actions > 0 {
        say(
            Function::Formative,
            format!(
                "{} planned. Which have happened, and what got in the way of the others?",
                plural(t.actions, "action", "actions")
            ),
        );
    }
    if t.learning > 0 {
        say(
            Function::Formative,
            format!(
                "{} recorded. Which one is worth building on before the next supervision?",
                plural(t.learning, "learning point", "learning points")
            ),
        );
    }
    if t.shared > 0 && t.learning + t.actions == 0 {
        say(
            Function::Formative,
            "Reflections shared, but no learning points or actions. Would a structured template, such as Gibbs or Driscoll, help draw them out?".to_owned(),
        );
    }
    if t.bring > 0 {
        say(
            Function::Formative,
            format!(
                "Wants to bring something to supervision (in {}): start there.",
                plural(t.bring, "summary", "summaries")
            ),
        );
    }

    // Restorative
    if t.heavy > 0 {
        say(
            Function::Restorative,
            format!(
                "A heavy emotional load after {} of {}. How are they now, and what support is there?",
                plural(t.heavy, "session", "sessions"),
                t.checks
            ),
        );
    }
    let weeks: Vec<f64> = w
        .summaries
        .iter()
        .flat_map(|o| {
            o.summary
                .restorative
                .wellbeing
                .weeks
                .iter()
                .map(|x| x.average)
        })
        .collect();
    if let (Some(first), Some(last)) = (weeks.first(), weeks.last()) {
        if weeks.len() > 1 && first - last >= 1.0 {
            say(
                Function::Restorative,
                format!(
                    "Weekly wellbeing fell from {first:.1} to {last:.1} out of 5. What has changed?"
                ),
            );
        }
    }
    if let Some(latest) = w
        .summaries
        .iter()
        .max_by_key(|o| o.summary.period.last_week)
    {
        let s = &latest.summary;
        let h = &s.restorative.holding;
        let no_provision = tag(&h.by_driver, "driver-no-provision");
        if no_provision > 0 {
            say(
                Function::Restorative,
                format!(
                    "Holding {} for lack of community provision. Where could the gap be raised, and who else could share the load?",
                    plural(no_provision, "person", "people")
                ),
            );
        }
        let long = long_holding(s);
        if long > 0 {
            say(
                Function::Restorative,
                format!(
                    "{} open for three months or more. Is the holding still support, or has it become dependency?",
                    plural(long, "holding thread", "holding threads")
                ),
            );
        }
        if latest_embeddedness(s) == Some(Embeddedness::BoltedOn) {
            say(
                Function::Restorative,
                "Feels bolted on in the practice at the latest check-in. What would help them fit in, or belong?".to_owned(),
            );
        }
        let isolation = tag(&s.restorative.own_wellbeing, "wellbeing-isolation");
        if isolation > 0 {
            say(
                Function::Restorative,
                format!(
                    "Isolation tagged in {}. Who do they talk to between supervisions?",
                    plural(isolation, "reflection", "reflections")
                ),
            );
        }
    }
}
