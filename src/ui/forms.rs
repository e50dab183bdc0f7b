//! The one GOV.UK form kit in NHS.UK markup, shared by every page with a form: a page's
//! [`Problems`] (the one way form errors are tracked: the error summary's lines, each
//! naming the field it is about, and after a failed save what to do), a checkbox or
//! radio, a fieldset with its hint and inline error, a group of [`Radios`], a labelled
//! [`TextField`] and a date input. One builder each, taking type-erased signals: each
//! distinct closure or element tree in a Leptos view compiles to its own code, so
//! sharing shapes keeps the pages from weighing on the bundle.

use leptos::prelude::*;

use crate::core::entry::{Field, FieldError};
use crate::storage::StorageError;
use crate::ui::browser;
use crate::ui::components::{storage_failure, ErrorSummary, SummaryItem, ERROR_SUMMARY_ID};

/// A page's problems: the error summary's lines and, after a failed save, what to do.
#[derive(Clone, Copy)]
pub struct Problems {
    items: RwSignal<Vec<SummaryItem>>,
    detail: RwSignal<Vec<String>>,
}

impl Problems {
    pub(crate) fn new(title: Signal<String>) -> Problems {
        let problems = Problems {
            items: RwSignal::new(Vec::new()),
            detail: RwSignal::new(Vec::new()),
        };
        Effect::new(move |_| browser::set_title(&title.read(), !problems.items.read().is_empty()));
        problems
    }

    pub(crate) fn clear(self) {
        self.items.set(Vec::new());
        self.detail.set(Vec::new());
    }

    /// Shows the problems and moves focus to the summary, as GOV.UK forms do.
    pub(crate) fn show(self, items: Vec<SummaryItem>, detail: Vec<String>) {
        self.items.set(items);
        self.detail.set(detail);
        browser::focus_id(ERROR_SUMMARY_ID);
    }

    pub(crate) fn one(self, target: &str, message: String) {
        self.show(vec![item(target, message)], Vec::new());
    }

    pub(crate) fn storage(self, target: &str, what: &str, e: &StorageError) {
        let (message, detail) = storage_failure(what, e);
        self.show(vec![item(target, message)], detail);
    }

    /// A failed save on a page that is not the editor: the shared wording speaks of the
    /// editor, so `safe` says what is safe here instead ("your saved settings have not
    /// changed").
    pub(crate) fn storage_kept(self, target: &str, what: &str, e: &StorageError, safe: &str) {
        let (message, mut detail) = storage_failure(what, e);
        if let Some(first) = detail.first_mut() {
            *first = safe.to_owned();
        }
        self.show(vec![item(target, message)], detail);
    }

    /// The message for the field with this id, for its inline error.
    pub(crate) fn message_for(self, target: impl Into<String>) -> Signal<Option<String>> {
        let target = target.into();
        Signal::derive(move || {
            self.items
                .read()
                .iter()
                .find(|i| i.target == target)
                .map(|i| i.message.clone())
        })
    }

    pub(crate) fn summary(self) -> impl IntoView {
        view! { <ErrorSummary items=self.items detail=self.detail/> }
    }
}

pub(crate) fn item(target: &str, message: String) -> SummaryItem {
    SummaryItem {
        target: target.to_owned(),
        message,
    }
}

pub(crate) fn group_class(error: Signal<Option<String>>) -> impl Fn() -> &'static str + Copy {
    move || {
        if error.read().is_some() {
            "nhsuk-form-group nhsuk-form-group--error"
        } else {
            "nhsuk-form-group"
        }
    }
}

/// The inline error for a field, shown while it has one.
pub(crate) fn inline_error(id: String, error: Signal<Option<String>>) -> impl IntoView {
    move || {
        let id = id.clone();
        error.get().map(|message| {
            view! {
                <span class="nhsuk-error-message" id=id>
                    <span class="nhsuk-u-visually-hidden">"Error: "</span>{message}
                </span>
            }
        })
    }
}

/// `aria-describedby` for a field: its hint, and its error while it has one.
pub(crate) fn described_by(
    hint: Option<String>,
    error_id: String,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> {
    move || {
        let error = error.read().is_some().then(|| error_id.clone());
        match (hint.clone(), error) {
            (Some(h), Some(e)) => Some(format!("{h} {e}")),
            (h, e) => h.or(e),
        }
    }
}

/// A checkbox or a radio button. Both share one builder; only the literal classes differ.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum ChoiceKind {
    Checkbox,
    Radio,
}

impl ChoiceKind {
    pub(crate) fn group(self) -> &'static str {
        match self {
            ChoiceKind::Checkbox => "nhsuk-checkboxes",
            ChoiceKind::Radio => "nhsuk-radios",
        }
    }
}

/// One checkbox or radio with its label and an optional hint.
pub(crate) fn choice(
    kind: ChoiceKind,
    name: &'static str,
    id: String,
    label: String,
    hint: Option<String>,
    checked: Signal<bool>,
    on_change: Callback<bool>,
) -> impl IntoView {
    let (item, input, label_class, hint_class, kind_attr) = match kind {
        ChoiceKind::Checkbox => (
            "nhsuk-checkboxes__item",
            "nhsuk-checkboxes__input",
            "nhsuk-label nhsuk-checkboxes__label",
            "nhsuk-hint nhsuk-checkboxes__hint",
            "checkbox",
        ),
        ChoiceKind::Radio => (
            "nhsuk-radios__item",
            "nhsuk-radios__input",
            "nhsuk-label nhsuk-radios__label",
            "nhsuk-hint nhsuk-radios__hint",
            "radio",
        ),
    };
    // Not `{id}-hint`: the first choice's id is its question's, whose hint that is.
    let hint_id = hint.as_ref().map(|_| format!("{id}-item-hint"));
    view! {
        <div class=item>
            <input class=input id=id.clone() name=name type=kind_attr aria-describedby=hint_id.clone()
                prop:checked=checked on:change=move |ev| on_change.run(event_target_checked(&ev))/>
            <label class=label_class for=id>{label}</label>
            {hint.map(|h| view! { <div class=hint_class id=hint_id>{h}</div> })}
        </div>
    }
}

/// A question made of several inputs: a fieldset with a legend, an optional hint, its
/// error, and the inputs inside a container of the given (literal) class. The inputs'
/// ids start with `base`, and the first one's id is `base` itself, so an error summary
/// link lands on it.
pub(crate) fn fieldset(
    base: &'static str,
    legend: &'static str,
    hint: Option<&'static str>,
    error: Signal<Option<String>>,
    container: &'static str,
    inputs: AnyView,
) -> impl IntoView {
    question(Question {
        base: base.to_owned(),
        legend: legend.to_owned(),
        legend_class: LEGEND_S,
        hint: hint.map(str::to_owned),
        error,
        container,
        inputs,
    })
}

/// The small legend most questions use.
const LEGEND_S: &str = "nhsuk-fieldset__legend nhsuk-fieldset__legend--s";

/// Everything a question made of several inputs needs (see [`fieldset`]).
pub(crate) struct Question {
    /// The first input's id; the hint and error ids add `-hint` and `-error`.
    pub base: String,
    pub legend: String,
    /// The legend's classes, written out in full for the CSS purge.
    pub legend_class: &'static str,
    pub hint: Option<String>,
    pub error: Signal<Option<String>>,
    /// The (literal) class of the inputs' container.
    pub container: &'static str,
    pub inputs: AnyView,
}

/// A question made of several inputs, in a fieldset (see [`fieldset`]).
pub(crate) fn question(q: Question) -> impl IntoView {
    let Question {
        base,
        legend,
        legend_class,
        hint,
        error,
        container,
        inputs,
    } = q;
    let hint_id = format!("{base}-hint");
    let error_id = format!("{base}-error");
    let describe = described_by(
        hint.as_ref().map(|_| hint_id.clone()),
        error_id.clone(),
        error,
    );
    let hint = hint.map(|h| view! { <div class="nhsuk-hint" id=hint_id>{h}</div> });
    view! {
        <div class=group_class(error)>
            <fieldset class="nhsuk-fieldset" aria-describedby=describe>
                <legend class=legend_class>{legend}</legend>
                {hint}
                {inline_error(error_id, error)}
                <div class=container>{inputs}</div>
            </fieldset>
        </div>
    }
}

/// One radio of a [`Radios`] group: the value it stands for, its label and an optional
/// hint.
#[derive(Clone, Copy)]
pub struct Choice {
    pub value: &'static str,
    pub label: &'static str,
    pub hint: Option<&'static str>,
}

/// A question answered with radios, in a fieldset with its hint and, when `errors` has
/// one for `name`, its inline error. The first radio's id is `name`, so an error summary
/// can link to the question; the others add their value.
#[component]
pub fn Radios(
    #[prop(into)] name: String,
    #[prop(into)] legend: String,
    /// The legend's classes, written out in full for the CSS purge; small by default.
    #[prop(optional)]
    legend_class: Option<&'static str>,
    #[prop(optional, into)] hint: Option<String>,
    choices: Vec<Choice>,
    value: RwSignal<String>,
    /// The page's problems, when this question can have one.
    #[prop(optional)]
    errors: Option<Problems>,
    #[prop(optional)] inline: bool,
) -> impl IntoView {
    let error = match errors {
        Some(errors) => errors.message_for(name.clone()),
        None => Signal::stored(None),
    };
    let items = choices
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let id = choice_id(&name, i, &c.value);
            // Not `{id}-hint`: the first radio's id is the question's, whose hint that is.
            let item_hint = format!("{id}-item-hint");
            view! {
                <div class="nhsuk-radios__item">
                    <input class="nhsuk-radios__input" id=id.clone() name=name.clone() type="radio"
                        value=c.value
                        aria-describedby=c.hint.map(|_| item_hint.clone())
                        prop:checked=move || *value.read() == c.value
                        on:change=move |_| value.set(c.value.to_owned())/>
                    <label class="nhsuk-label nhsuk-radios__label" for=id>{c.label}</label>
                    {c.hint.map(|h| view! {
                        <div class="nhsuk-hint nhsuk-radios__hint" id=item_hint>{h}</div>
                    })}
                </div>
            }
        })
        .collect_view();
    question(Question {
        base: name,
        legend,
        legend_class: legend_class.unwrap_or(LEGEND_S),
        hint,
        error,
        container: if inline {
            "nhsuk-radios nhsuk-radios--inline"
        } else {
            "nhsuk-radios"
        },
        inputs: items.into_any(),
    })
}

/// A labelled text input, a textarea when `rows` is given, or a select when `options`
/// are, with its hint and inline error; the error summary links to it by `id`.
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    label: &'static str,
    /// The label's classes, written out in full for the CSS purge.
    #[prop(optional)]
    label_class: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
    value: RwSignal<String>,
    errors: Problems,
    #[prop(optional)] rows: u32,
    #[prop(optional)] options: Option<AnyView>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let error = errors.message_for(id.clone());
    let describe = described_by(hint.map(|_| hint_id.clone()), error_id.clone(), error);
    let bad = move || error.read().is_some();
    let input = move |ev| value.set(event_target_value(&ev));
    // A select fires `input` too, so one handler serves all three.
    let control = if let Some(options) = options {
        view! {
            <select
                class=move || if bad() { "nhsuk-select nhsuk-select--error" } else { "nhsuk-select" }
                id=id.clone() name=id.clone() aria-describedby=describe
                prop:value=move || value.get() on:input=input
            >{options}</select>
        }
        .into_any()
    } else if rows > 0 {
        view! {
            <textarea
                class=move || if bad() { "nhsuk-textarea nhsuk-textarea--error" } else { "nhsuk-textarea" }
                id=id.clone() name=id.clone() rows=rows aria-describedby=describe
                prop:value=move || value.get() on:input=input
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                class=move || if bad() { "nhsuk-input nhsuk-input--error" } else { "nhsuk-input" }
                id=id.clone() name=id.clone() type="text" autocomplete="off" spellcheck="true"
                aria-describedby=describe
                prop:value=move || value.get() on:input=input
            />
        }
        .into_any()
    };
    view! {
        <div class=group_class(error)>
            <label class=label_class.unwrap_or("nhsuk-label") for=id>{label}</label>
            {hint.map(|h| view! { <div class="nhsuk-hint" id=hint_id>{h}</div> })}
            {inline_error(error_id, error)}
            {control}
        </div>
    }
}

/// The id of choice `i` in a group: the first takes `base` itself, so an error summary
/// link to the question lands on it; the others add their own value.
pub(crate) fn choice_id(base: &str, i: usize, value: &dyn std::fmt::Display) -> String {
    if i == 0 {
        base.to_owned()
    } else {
        format!("{base}-{value}")
    }
}

/// A mistake in a date input: the message, and which of day, month and year to mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DateError {
    pub message: String,
    pub marked: [bool; 3],
}

impl From<&FieldError> for DateError {
    fn from(e: &FieldError) -> DateError {
        let parts = [Field::AboutDay, Field::AboutMonth, Field::AboutYear];
        DateError {
            message: e.message.clone(),
            marked: parts.map(|p| e.highlights.contains(&p)),
        }
    }
}

/// The id of box `part` (0 day, 1 month, 2 year) of a date input: the day box takes
/// `base` itself, so an error summary link lands on it.
pub(crate) fn date_part_id(base: &str, part: usize) -> String {
    match part {
        1 => format!("{base}-month"),
        2 => format!("{base}-year"),
        _ => base.to_owned(),
    }
}

/// An NHS date input: day, month and year boxes in a fieldset, as in the editor.
pub(crate) fn date_input(
    base: &'static str,
    legend: &'static str,
    hint: &'static str,
    parts: RwSignal<[String; 3]>,
    error: Signal<Option<DateError>>,
) -> impl IntoView {
    let boxes = ["Day", "Month", "Year"]
        .into_iter()
        .enumerate()
        .map(|(i, label)| {
            let id = date_part_id(base, i);
            let class = move || {
                let marked = error.read().as_ref().is_some_and(|e| e.marked[i]);
                match (i == 2, marked) {
                    (false, false) => "nhsuk-input nhsuk-date-input__input nhsuk-input--width-2",
                    (false, true) => {
                        "nhsuk-input nhsuk-date-input__input nhsuk-input--width-2 nhsuk-input--error"
                    }
                    (true, false) => "nhsuk-input nhsuk-date-input__input nhsuk-input--width-4",
                    (true, true) => {
                        "nhsuk-input nhsuk-date-input__input nhsuk-input--width-4 nhsuk-input--error"
                    }
                }
            };
            view! {
                <div class="nhsuk-date-input__item">
                    <div class="nhsuk-form-group">
                        <label class="nhsuk-label nhsuk-date-input__label" for=id.clone()>{label}</label>
                        <input class=class id=id.clone() name=id type="text" inputmode="numeric" autocomplete="off"
                            prop:value=move || parts.with(|p| p[i].clone())
                            on:input=move |ev| {
                                let value = event_target_value(&ev);
                                parts.update(|p| p[i] = value);
                            }/>
                    </div>
                </div>
            }
        })
        .collect_view();
    let message = Signal::derive(move || error.read().as_ref().map(|e| e.message.clone()));
    fieldset(
        base,
        legend,
        Some(hint),
        message,
        "nhsuk-date-input",
        boxes.into_any(),
    )
}
