//! Reflective templates: the nine structured models from the domain brief (Driscoll,
//! Gibbs, Rolfe, Johns, Kolb, Brookfield, an NMC-style account, the micro-discretion
//! quick log and the holding check-in), free writing, and templates the worker defines.
//! Each prompt is its own field with a stable key, a label and a short hint, and a
//! [`PromptRole`] that tells the supervision summary which answers are learning points
//! and actions (its "formative" section). Built-in templates are static data; custom
//! templates are stored, and an entry keeps the prompt text beside each answer, so
//! editing or deleting a template never changes what an entry says.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::entry::Section;
use super::ids::{name_key, one_line, IdSeed, PromptKey, TemplateId};

/// The longest template name, in characters: it has to fit a picker row.
pub const MAX_TEMPLATE_NAME_CHARS: usize = 60;
/// The longest prompt label, in characters: a question, not a paragraph.
pub const MAX_PROMPT_CHARS: usize = 200;
/// The longest prompt hint, in characters.
pub const MAX_HINT_CHARS: usize = 200;
/// The most prompts in one template. Gibbs has six; a tired worker will not answer twenty.
pub const MAX_PROMPTS: usize = 12;
/// The most custom templates a worker may keep, so one storage record stays small.
pub const MAX_CUSTOM_TEMPLATES: usize = 50;

// ---------------------------------------------------------------------------------------
// Prompt roles
// ---------------------------------------------------------------------------------------

/// What an answer is for in the supervision summary. `Learning` and `Action` answers go
/// to the formative section (learning points and actions); `Other` answers are the
/// account itself and are only exported if the worker chooses the entry's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PromptRole {
    Learning,
    Action,
    #[default]
    Other,
}

impl PromptRole {
    /// True for the answers the formative section collects.
    pub fn is_formative(self) -> bool {
        matches!(self, PromptRole::Learning | PromptRole::Action)
    }
}

// ---------------------------------------------------------------------------------------
// Built-in templates
// ---------------------------------------------------------------------------------------

/// One prompt of a built-in template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BuiltinPrompt {
    pub key: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub role: PromptRole,
}

/// A template that ships with the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BuiltinTemplate {
    /// Stable id. Never change one; entries and settings refer to it.
    pub id: &'static str,
    pub name: &'static str,
    /// Where the model comes from and its shape in a line, shown under the name.
    pub description: &'static str,
}

impl BuiltinTemplate {
    /// Its prompts, in order. Empty only for free writing, which is one unlabelled box.
    pub fn prompts(&self) -> &'static [BuiltinPrompt] {
        builtin_prompts(self.id)
    }
}

const fn p(key: &'static str, label: &'static str, hint: &'static str) -> BuiltinPrompt {
    BuiltinPrompt {
        key,
        label,
        hint,
        role: PromptRole::Other,
    }
}

const fn learning(key: &'static str, label: &'static str, hint: &'static str) -> BuiltinPrompt {
    BuiltinPrompt {
        key,
        label,
        hint,
        role: PromptRole::Learning,
    }
}

const fn action(key: &'static str, label: &'static str, hint: &'static str) -> BuiltinPrompt {
    BuiltinPrompt {
        key,
        label,
        hint,
        role: PromptRole::Action,
    }
}

/// The id of free writing, the default for a new entry.
pub const FREE_FORM_ID: &str = "free-form";

/// Free writing, then the nine structured templates, in the order the picker offers them.
pub static BUILTIN_TEMPLATES: &[BuiltinTemplate] = &[
    BuiltinTemplate {
        id: FREE_FORM_ID,
        name: "Free writing",
        description: "Write however you like, in one box.",
    },
    BuiltinTemplate {
        id: "driscoll",
        name: "Driscoll",
        description: "Driscoll (after Borton): What? So what? Now what?",
    },
    BuiltinTemplate {
        id: "gibbs",
        name: "Gibbs",
        description: "Gibbs' reflective cycle (1988), in six stages.",
    },
    BuiltinTemplate {
        id: "rolfe",
        name: "Rolfe, Freshwater and Jasper",
        description: "Rolfe, Freshwater and Jasper (2001): What? So what? Now what?",
    },
    BuiltinTemplate {
        id: "johns",
        name: "Johns",
        description: "Johns' model of structured reflection: looking in, then looking out.",
    },
    BuiltinTemplate {
        id: "kolb",
        name: "Kolb",
        description: "Kolb's learning cycle, from experience to trying something new.",
    },
    BuiltinTemplate {
        id: "brookfield",
        name: "Brookfield's four lenses",
        description:
            "Brookfield's four lenses: your own view, the patient's, colleagues', and theory.",
    },
    BuiltinTemplate {
        id: "nmc-reflective-account",
        name: "NMC-style reflective account",
        description: "A written reflective account in the style of NMC revalidation.",
    },
    BuiltinTemplate {
        id: "micro-discretion-log",
        name: "Micro-discretion quick log",
        description: "A quick note of a judgement call beyond protocol.",
    },
    BuiltinTemplate {
        id: "holding-check-in",
        name: "Holding check-in",
        description: "A check-in on someone you are holding.",
    },
];

/// A built-in template's prompts, by its id (none for free writing or an unknown id).
///
/// Apart from [`BUILTIN_TEMPLATES`] so that the first load, which needs only the
/// templates' names (the journal's template filter), does not carry every prompt's text:
/// the wasm is split with its data, and only the editor, the templates pages and the
/// summary ask for prompts, from their own chunks.
fn builtin_prompts(id: &str) -> &'static [BuiltinPrompt] {
    match id {
        "driscoll" => DRISCOLL,
        "gibbs" => GIBBS,
        "rolfe" => ROLFE,
        "johns" => JOHNS,
        "kolb" => KOLB,
        "brookfield" => BROOKFIELD,
        "nmc-reflective-account" => NMC_REFLECTIVE_ACCOUNT,
        "micro-discretion-log" => MICRO_DISCRETION_LOG,
        "holding-check-in" => HOLDING_CHECK_IN,
        _ => &[],
    }
}

const DRISCOLL: &[BuiltinPrompt] = &[
    p(
        "what",
        "What?",
        "What happened? Who was there, and what did you do?",
    ),
    p(
        "so-what",
        "So what?",
        "Why does it matter? What did you feel and notice?",
    ),
    action(
        "now-what",
        "Now what?",
        "What will you do next, or differently?",
    ),
];

const GIBBS: &[BuiltinPrompt] = &[
    p("description", "Description", "What happened?"),
    p(
        "feelings",
        "Feelings",
        "What were you thinking and feeling?",
    ),
    p(
        "evaluation",
        "Evaluation",
        "What was good and what was difficult?",
    ),
    p("analysis", "Analysis", "What sense can you make of it?"),
    learning(
        "conclusion",
        "Conclusion",
        "What else could you have done? What have you learned?",
    ),
    action(
        "action-plan",
        "Action plan",
        "If it happened again, what would you do?",
    ),
];

const ROLFE: &[BuiltinPrompt] = &[
    p(
        "what",
        "What?",
        "The problem, your role, your actions, the responses, your feelings.",
    ),
    learning(
        "so-what",
        "So what?",
        "What this tells you, and what you based your actions on.",
    ),
    action(
        "now-what",
        "Now what?",
        "What you will do now, and the likely consequences.",
    ),
];

const JOHNS: &[BuiltinPrompt] = &[
    p("looking-in", "Looking in", "Your thoughts and feelings about what happened."),
    p("aesthetics", "Aesthetics", "What were you trying to achieve, and why did you respond as you did?"),
    p("personal", "Personal", "How did you feel, and what made you feel that way?"),
    p("ethics", "Ethics", "Did you act for the best? Which values guided you?"),
    p("empirics", "Empirics", "What knowledge informed you, or could have?"),
    learning("reflexivity", "Reflexivity", "How does this connect with past experience? What would you change, and how has it changed you?"),
];

const KOLB: &[BuiltinPrompt] = &[
    p("experience", "Experience", "What happened?"),
    p(
        "reflective-observation",
        "Reflective observation",
        "Looking back, what did you notice?",
    ),
    learning(
        "abstract-conceptualisation",
        "Abstract conceptualisation",
        "What does it mean? What ideas help explain it?",
    ),
    action(
        "active-experimentation",
        "Active experimentation",
        "What will you try next time?",
    ),
];

const BROOKFIELD: &[BuiltinPrompt] = &[
    p(
        "me",
        "Me",
        "Through your own eyes: what you assumed, felt and did.",
    ),
    p(
        "patient",
        "The patient's eyes",
        "How might the person you supported have seen it?",
    ),
    p(
        "colleagues",
        "Colleagues' eyes",
        "How might a colleague or your supervisor see it?",
    ),
    learning(
        "theory",
        "Theory and evidence",
        "What do research and guidance say, and what have you learned?",
    ),
];

const NMC_REFLECTIVE_ACCOUNT: &[BuiltinPrompt] = &[
    p(
        "what-happened",
        "What happened",
        "A short account, with no identifying details.",
    ),
    learning(
        "what-i-learned",
        "What I learned",
        "What you learned from it.",
    ),
    action(
        "practice-changed",
        "How my practice changed",
        "What you now do differently, or will.",
    ),
    p(
        "professional-code",
        "How it relates to my professional code",
        "Which standards or values of your role it relates to.",
    ),
];

const MICRO_DISCRETION_LOG: &[BuiltinPrompt] = &[
    p(
        "who-with",
        "Who with",
        "A patient, practice staff or a community organisation (no names).",
    ),
    p(
        "what-i-did",
        "What I did beyond protocol",
        "The action or advice, in a sentence.",
    ),
    p("why", "Why", "What made it feel like the right call?"),
    p(
        "what-happened",
        "What happened",
        "How it turned out, so far.",
    ),
    p(
        "which-boundary",
        "Which boundary",
        "Which boundary it touched, and whether it held or stretched.",
    ),
    action(
        "again-or-supervision",
        "Would I do it again / take it to supervision?",
        "Yes, no or not sure, and why.",
    ),
];

const HOLDING_CHECK_IN: &[BuiltinPrompt] = &[
    p(
        "function",
        "Which function",
        "Waiting for services, preparing for change, easing clinicians' load, or bearing witness.",
    ),
    p(
        "driver",
        "Which driver",
        "No provision, readiness or capacity, protecting staff, or can't be fixed.",
    ),
    p(
        "how-long",
        "How long",
        "How long you have been holding, and roughly how many contacts.",
    ),
    action(
        "route-on",
        "What would show readiness or a route on",
        "What you are looking for, and what you will do when you see it.",
    ),
    p(
        "cost",
        "What it is costing me",
        "Time, worry, energy: be honest.",
    ),
];

/// The built-in template with this id.
pub fn builtin_template(id: &str) -> Option<&'static BuiltinTemplate> {
    BUILTIN_TEMPLATES.iter().find(|t| t.id == id)
}

// ---------------------------------------------------------------------------------------
// Custom templates
// ---------------------------------------------------------------------------------------

/// One prompt of a custom template. Stored: `{"key","label","hint"?,"role"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomPrompt {
    pub key: PromptKey,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    #[serde(default)]
    pub role: PromptRole,
}

/// A template the worker defined. Stored: `{"id","name","prompts":[...],"next_prompt"}`.
/// `next_prompt` only grows, so a prompt key is never reused for a different question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomTemplate {
    pub id: TemplateId,
    pub name: String,
    pub prompts: Vec<CustomPrompt>,
    #[serde(default)]
    pub next_prompt: u32,
}

/// What the template form holds, exactly as typed. `key` is the prompt being edited, or
/// none for a new prompt; an unknown or repeated key is treated as a new prompt.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TemplateDraft {
    pub name: String,
    pub prompts: Vec<PromptDraft>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PromptDraft {
    pub key: Option<PromptKey>,
    pub label: String,
    pub hint: String,
    pub role: PromptRole,
}

impl TemplateDraft {
    /// A form filled from an existing template: to edit a custom one, or to start a new
    /// one from a copy of a built-in (whose keys are dropped, as they belong to it).
    pub fn from_template(template: TemplateRef<'_>) -> TemplateDraft {
        let keep_keys = matches!(template, TemplateRef::Custom(_));
        TemplateDraft {
            name: template.name().to_owned(),
            prompts: template
                .prompts()
                .map(|p| PromptDraft {
                    key: if keep_keys {
                        PromptKey::parse(p.key)
                    } else {
                        None
                    },
                    label: p.label.to_owned(),
                    hint: p.hint.unwrap_or_default().to_owned(),
                    role: p.role,
                })
                .collect(),
        }
    }
}

/// The part of a template form an error points at; prompt numbers count from 1 as the
/// worker sees them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TemplateField {
    Name,
    Prompts,
    PromptLabel(usize),
    PromptHint(usize),
}

impl TemplateField {
    /// A stable HTML id so an error summary link can move focus to the field.
    pub fn html_id(self) -> String {
        match self {
            TemplateField::Name => "template-name".into(),
            TemplateField::Prompts => "template-prompts".into(),
            TemplateField::PromptLabel(n) => format!("prompt-{n}-label"),
            TemplateField::PromptHint(n) => format!("prompt-{n}-hint"),
        }
    }
}

/// Why a template change was refused. Nothing is changed when one is returned. Field
/// errors are worded GOV.UK-style; prompt numbers count from 1.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum TemplateError {
    #[error("Enter a template name")]
    EmptyName,
    #[error("A template called \u{2018}{0}\u{2019} already exists")]
    DuplicateName(String),
    #[error("Template name must be 60 characters or fewer")]
    NameTooLong,
    #[error("Add at least one prompt")]
    NoPrompts,
    #[error("A template can have up to 12 prompts")]
    TooManyPrompts,
    #[error("Enter the text of prompt {0}, or remove it")]
    EmptyPrompt(usize),
    #[error("Prompt {0} must be 200 characters or fewer")]
    PromptTooLong(usize),
    #[error("Prompt {0} is the same as prompt {1}")]
    DuplicatePrompt(usize, usize),
    #[error("The hint for prompt {0} must be 200 characters or fewer")]
    HintTooLong(usize),
    #[error("You have 50 templates of your own, the most Anchorpoint can keep. Delete one to add another")]
    TooManyTemplates,
    #[error("That template could not be found, so nothing was changed. Go back to your templates and try again")]
    UnknownTemplate(TemplateId),
    #[error("Built-in templates cannot be changed or deleted, so nothing was changed. Make a copy to change it")]
    BuiltIn(TemplateId),
}

impl TemplateError {
    /// The form field to mark, if the error is about one.
    pub fn field(&self) -> Option<TemplateField> {
        match self {
            TemplateError::EmptyName
            | TemplateError::DuplicateName(_)
            | TemplateError::NameTooLong
            | TemplateError::TooManyTemplates => Some(TemplateField::Name),
            TemplateError::NoPrompts | TemplateError::TooManyPrompts => {
                Some(TemplateField::Prompts)
            }
            TemplateError::EmptyPrompt(n)
            | TemplateError::PromptTooLong(n)
            | TemplateError::DuplicatePrompt(n, _) => Some(TemplateField::PromptLabel(*n)),
            TemplateError::HintTooLong(n) => Some(TemplateField::PromptHint(*n)),
            TemplateError::UnknownTemplate(_) | TemplateError::BuiltIn(_) => None,
        }
    }
}

// ---------------------------------------------------------------------------------------
// A template of any kind
// ---------------------------------------------------------------------------------------

/// A prompt of any template, as the editor and the summary see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PromptRef<'a> {
    pub key: &'a str,
    pub label: &'a str,
    pub hint: Option<&'a str>,
    pub role: PromptRole,
}

/// A template of either kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TemplateRef<'a> {
    Builtin(&'static BuiltinTemplate),
    Custom(&'a CustomTemplate),
}

impl<'a> TemplateRef<'a> {
    pub fn id(&self) -> &'a str {
        match self {
            TemplateRef::Builtin(t) => t.id,
            TemplateRef::Custom(t) => t.id.as_str(),
        }
    }

    pub fn name(&self) -> &'a str {
        match self {
            TemplateRef::Builtin(t) => t.name,
            TemplateRef::Custom(t) => &t.name,
        }
    }

    pub fn description(&self) -> Option<&'static str> {
        match self {
            TemplateRef::Builtin(t) => Some(t.description),
            TemplateRef::Custom(_) => None,
        }
    }

    pub fn is_free_form(&self) -> bool {
        self.id() == FREE_FORM_ID
    }

    pub fn prompts(&self) -> impl Iterator<Item = PromptRef<'a>> + 'a {
        let (builtin, custom): (&'static [BuiltinPrompt], &'a [CustomPrompt]) = match *self {
            TemplateRef::Builtin(t) => (t.prompts(), &[]),
            TemplateRef::Custom(t) => (&[], &t.prompts),
        };
        builtin
            .iter()
            .map(|p| PromptRef {
                key: p.key,
                label: p.label,
                hint: Some(p.hint),
                role: p.role,
            })
            .chain(custom.iter().map(|p| PromptRef {
                key: p.key.as_str(),
                label: &p.label,
                hint: p.hint.as_deref(),
                role: p.role,
            }))
    }

    /// The role of the prompt with this key, if the template has it.
    pub fn role_of(&self, key: &str) -> Option<PromptRole> {
        self.prompts().find(|p| p.key == key).map(|p| p.role)
    }

    /// The prompts whose answers go to the supervision summary's formative section.
    pub fn formative_prompts(&self) -> impl Iterator<Item = PromptRef<'a>> + 'a {
        self.prompts().filter(|p| p.role.is_formative())
    }

    /// Empty sections for a new entry: one per prompt, each carrying its prompt text so
    /// the entry keeps its meaning if the template later changes; one unlabelled section
    /// for free writing.
    pub fn blank_sections(&self) -> Vec<Section> {
        if self.prompts().next().is_none() {
            return vec![Section::free("")];
        }
        self.prompts()
            .map(|p| Section {
                key: PromptKey::parse(p.key),
                prompt: Some(p.label.to_owned()),
                role: p.role,
                text: String::new(),
            })
            .collect()
    }
}

// ---------------------------------------------------------------------------------------
// The library
// ---------------------------------------------------------------------------------------

/// The worker's custom templates beside the built-in ones. Stored as
/// `{"custom":[...],"next_number":n}`. A new template's id is made from the shell's time and
/// random number, like a custom tag's; `next_number` only counts (old ids are
/// `custom-<n>`). Every operation checks everything first and changes nothing when
/// it returns an error.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateLibrary {
    #[serde(default)]
    custom: Vec<CustomTemplate>,
    #[serde(default)]
    next_number: u32,
}

impl TemplateLibrary {
    pub fn new() -> TemplateLibrary {
        TemplateLibrary::default()
    }

    pub fn custom(&self) -> &[CustomTemplate] {
        &self.custom
    }

    /// A count that grows by one with every custom template made (a merge of two tabs
    /// keeps the larger). Old ids (`custom-<n>`) were made from it; new ids no longer are.
    pub fn next_number(&self) -> u32 {
        self.next_number
    }

    /// Rebuilds a library from its stored parts (see `core::frozen`).
    pub fn from_parts(custom: Vec<CustomTemplate>, next_number: u32) -> TemplateLibrary {
        TemplateLibrary {
            custom,
            next_number,
        }
    }

    /// Any template by id. An id that is no longer here (a deleted template) gives none;
    /// entries written with it still show their own saved prompts and answers.
    pub fn get(&self, id: &TemplateId) -> Option<TemplateRef<'_>> {
        if let Some(t) = builtin_template(id.as_str()) {
            return Some(TemplateRef::Builtin(t));
        }
        self.custom
            .iter()
            .find(|t| &t.id == id)
            .map(TemplateRef::Custom)
    }

    /// Free writing, the built-in templates, then the worker's own.
    pub fn all(&self) -> impl Iterator<Item = TemplateRef<'_>> {
        BUILTIN_TEMPLATES
            .iter()
            .map(TemplateRef::Builtin)
            .chain(self.custom.iter().map(TemplateRef::Custom))
    }

    /// Creates a template from a draft and returns its id, made from `seed` (the shell's
    /// time and random number), or every problem found.
    pub fn create(
        &mut self,
        seed: IdSeed,
        draft: &TemplateDraft,
    ) -> Result<TemplateId, Vec<TemplateError>> {
        let mut errors = Vec::new();
        if self.custom.len() >= MAX_CUSTOM_TEMPLATES {
            errors.push(TemplateError::TooManyTemplates);
        }
        let checked = self.check(draft, None, &mut errors);
        let Some((name, prompts)) = checked.filter(|_| errors.is_empty()) else {
            return Err(errors);
        };
        let id = self.fresh_id(seed);
        let mut template = CustomTemplate {
            id: id.clone(),
            name,
            prompts: Vec::new(),
            next_prompt: 0,
        };
        assign_prompts(&mut template, prompts);
        self.custom.push(template);
        Ok(id)
    }

    /// Replaces a custom template's name and prompts. Prompts that keep their key keep
    /// their identity; entries already written are untouched either way.
    pub fn edit(
        &mut self,
        id: &TemplateId,
        draft: &TemplateDraft,
    ) -> Result<(), Vec<TemplateError>> {
        let index = self.custom_index(id).map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        let checked = self.check(draft, Some(id), &mut errors);
        let Some((name, prompts)) = checked.filter(|_| errors.is_empty()) else {
            return Err(errors);
        };
        let template = &mut self.custom[index];
        template.name = name;
        assign_prompts(template, prompts);
        Ok(())
    }

    /// Deletes a custom template and returns it. Entries written with it keep their
    /// prompts and answers, because each section stores its own prompt text.
    pub fn delete(&mut self, id: &TemplateId) -> Result<CustomTemplate, TemplateError> {
        let index = self.custom_index(id)?;
        Ok(self.custom.remove(index))
    }

    fn custom_index(&self, id: &TemplateId) -> Result<usize, TemplateError> {
        if builtin_template(id.as_str()).is_some() {
            return Err(TemplateError::BuiltIn(id.clone()));
        }
        self.custom
            .iter()
            .position(|t| &t.id == id)
            .ok_or_else(|| TemplateError::UnknownTemplate(id.clone()))
    }

    /// Checks a draft, pushing every problem found; returns the cleaned name and prompts.
    fn check(
        &self,
        draft: &TemplateDraft,
        editing: Option<&TemplateId>,
        errors: &mut Vec<TemplateError>,
    ) -> Option<(String, Vec<PromptDraft>)> {
        let name = one_line(&draft.name);
        if name.is_empty() {
            errors.push(TemplateError::EmptyName);
        } else if name.chars().count() > MAX_TEMPLATE_NAME_CHARS {
            errors.push(TemplateError::NameTooLong);
        } else {
            let key = name_key(&name);
            let clash = self
                .all()
                .any(|t| name_key(t.name()) == key && Some(t.id()) != editing.map(|e| e.as_str()));
            if clash {
                errors.push(TemplateError::DuplicateName(name.clone()));
            }
        }
        if draft.prompts.is_empty() {
            errors.push(TemplateError::NoPrompts);
        } else if draft.prompts.len() > MAX_PROMPTS {
            errors.push(TemplateError::TooManyPrompts);
        }
        let mut prompts = Vec::with_capacity(draft.prompts.len());
        for (i, raw) in draft.prompts.iter().enumerate() {
            let n = i + 1;
            let label = one_line(&raw.label);
            let hint = one_line(&raw.hint);
            if label.is_empty() {
                errors.push(TemplateError::EmptyPrompt(n));
            } else if label.chars().count() > MAX_PROMPT_CHARS {
                errors.push(TemplateError::PromptTooLong(n));
            } else if let Some(first) = prompts.iter().position(|p: &PromptDraft| {
                !p.label.is_empty() && name_key(&p.label) == name_key(&label)
            }) {
                // Entries identify answers by their prompt text; two identical prompts
                // would make the answers indistinguishable.
                errors.push(TemplateError::DuplicatePrompt(n, first + 1));
            }
            if hint.chars().count() > MAX_HINT_CHARS {
                errors.push(TemplateError::HintTooLong(n));
            }
            prompts.push(PromptDraft {
                key: raw.key.clone(),
                label,
                hint,
                role: raw.role,
            });
        }
        Some((name, prompts))
    }

    /// The id for a new template, from the shell's seed, counting it in `next_number`;
    /// an id in use moves on to the next random number, as for tags.
    fn fresh_id(&mut self, mut seed: IdSeed) -> TemplateId {
        self.next_number = self.next_number.saturating_add(1);
        loop {
            let id = TemplateId::custom(seed);
            if !self.custom.iter().any(|t| t.id == id) {
                return id;
            }
            seed = seed.next();
        }
    }
}

/// Replaces a template's prompts with checked drafts, keeping keys the template already
/// had and giving every other prompt a fresh one.
fn assign_prompts(template: &mut CustomTemplate, drafts: Vec<PromptDraft>) {
    let old: Vec<PromptKey> = template.prompts.iter().map(|p| p.key.clone()).collect();
    let mut used: Vec<PromptKey> = Vec::with_capacity(drafts.len());
    let mut prompts = Vec::with_capacity(drafts.len());
    for draft in drafts {
        let key = match draft.key {
            Some(k) if old.contains(&k) && !used.contains(&k) => k,
            _ => loop {
                template.next_prompt = template.next_prompt.saturating_add(1);
                let k = PromptKey::numbered(template.next_prompt);
                if (!old.contains(&k) && !used.contains(&k)) || template.next_prompt == u32::MAX {
                    break k;
                }
            },
        };
        used.push(key.clone());
        prompts.push(CustomPrompt {
            key,
            label: draft.label,
            hint: (!draft.hint.is_empty()).then_some(draft.hint),
            role: draft.role,
        });
    }
    template.prompts = prompts;
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// The shell's time and random number, for tests whose ids do not matter: templates
    /// made from one seed still get different ids.
    const NOW: IdSeed = IdSeed {
        millis: 1_764_000_000_000,
        random: 7,
    };

    fn tid(s: &str) -> TemplateId {
        TemplateId::parse(s).expect("test ids are valid")
    }

    fn draft(name: &str, prompts: &[&str]) -> TemplateDraft {
        TemplateDraft {
            name: name.into(),
            prompts: prompts
                .iter()
                .map(|l| PromptDraft {
                    label: (*l).into(),
                    ..PromptDraft::default()
                })
                .collect(),
        }
    }

    #[test]
    fn there_are_free_writing_and_nine_templates_with_the_documented_ids() {
        let ids: Vec<&str> = BUILTIN_TEMPLATES.iter().map(|t| t.id).collect();
        assert_eq!(
            ids,
            [
                "free-form",
                "driscoll",
                "gibbs",
                "rolfe",
                "johns",
                "kolb",
                "brookfield",
                "nmc-reflective-account",
                "micro-discretion-log",
                "holding-check-in",
            ]
        );
    }

    #[test]
    fn every_builtin_prompt_has_a_unique_key_a_label_and_a_hint() {
        for t in BUILTIN_TEMPLATES {
            assert!(TemplateId::parse(t.id).is_some(), "{}", t.id);
            let mut keys = HashSet::new();
            for p in t.prompts() {
                assert!(PromptKey::parse(p.key).is_some(), "{}/{}", t.id, p.key);
                assert!(keys.insert(p.key), "duplicate key {}/{}", t.id, p.key);
                assert!(
                    !p.label.is_empty() && !p.hint.is_empty(),
                    "{}/{}",
                    t.id,
                    p.key
                );
            }
        }
    }

    /// One line per case: a template id and its prompt labels in order.
    fn check_prompts(id: &str, labels: &[&str]) {
        let got: Vec<&str> = builtin_template(id)
            .map(|t| t.prompts().iter().map(|p| p.label).collect())
            .unwrap_or_default();
        assert_eq!(got, labels, "{id}");
    }

    #[test]
    fn builtin_templates_ask_the_prompts_of_their_models() {
        check_prompts("free-form", &[]);
        check_prompts("driscoll", &["What?", "So what?", "Now what?"]);
        check_prompts(
            "gibbs",
            &[
                "Description",
                "Feelings",
                "Evaluation",
                "Analysis",
                "Conclusion",
                "Action plan",
            ],
        );
        check_prompts("rolfe", &["What?", "So what?", "Now what?"]);
        check_prompts(
            "johns",
            &[
                "Looking in",
                "Aesthetics",
                "Personal",
                "Ethics",
                "Empirics",
                "Reflexivity",
            ],
        );
        check_prompts(
            "kolb",
            &[
                "Experience",
                "Reflective observation",
                "Abstract conceptualisation",
                "Active experimentation",
            ],
        );
        check_prompts(
            "brookfield",
            &[
                "Me",
                "The patient's eyes",
                "Colleagues' eyes",
                "Theory and evidence",
            ],
        );
        check_prompts(
            "nmc-reflective-account",
            &[
                "What happened",
                "What I learned",
                "How my practice changed",
                "How it relates to my professional code",
            ],
        );
        check_prompts(
            "micro-discretion-log",
            &[
                "Who with",
                "What I did beyond protocol",
                "Why",
                "What happened",
                "Which boundary",
                "Would I do it again / take it to supervision?",
            ],
        );
        check_prompts(
            "holding-check-in",
            &[
                "Which function",
                "Which driver",
                "How long",
                "What would show readiness or a route on",
                "What it is costing me",
            ],
        );
    }

    /// One line per case: a template id and the keys of its formative prompts.
    fn check_formative(id: &str, keys: &[&str]) {
        let library = TemplateLibrary::new();
        let got: Vec<&str> = library
            .get(&tid(id))
            .map(|t| t.formative_prompts().map(|p| p.key).collect())
            .unwrap_or_default();
        assert_eq!(got, keys, "{id}");
    }

    #[test]
    fn learning_and_action_prompts_are_marked_for_the_formative_section() {
        check_formative("free-form", &[]);
        check_formative("driscoll", &["now-what"]);
        check_formative("gibbs", &["conclusion", "action-plan"]);
        check_formative("rolfe", &["so-what", "now-what"]);
        check_formative("johns", &["reflexivity"]);
        check_formative(
            "kolb",
            &["abstract-conceptualisation", "active-experimentation"],
        );
        check_formative("brookfield", &["theory"]);
        check_formative(
            "nmc-reflective-account",
            &["what-i-learned", "practice-changed"],
        );
        check_formative("micro-discretion-log", &["again-or-supervision"]);
        check_formative("holding-check-in", &["route-on"]);
        let gibbs = TemplateRef::Builtin(builtin_template("gibbs").expect("exists"));
        assert_eq!(gibbs.role_of("action-plan"), Some(PromptRole::Action));
        assert_eq!(gibbs.role_of("conclusion"), Some(PromptRole::Learning));
        assert_eq!(gibbs.role_of("feelings"), Some(PromptRole::Other));
        assert_eq!(gibbs.role_of("nope"), None);
    }

    #[test]
    fn blank_sections_carry_their_prompt_text_and_free_writing_has_one_unlabelled_box() {
        let library = TemplateLibrary::new();
        let free = library.get(&tid("free-form")).map(|t| t.blank_sections());
        assert_eq!(free, Some(vec![Section::free("")]));
        let driscoll = library
            .get(&tid("driscoll"))
            .map(|t| t.blank_sections())
            .unwrap_or_default();
        let prompts: Vec<Option<&str>> = driscoll.iter().map(|s| s.prompt.as_deref()).collect();
        assert_eq!(
            prompts,
            [Some("What?"), Some("So what?"), Some("Now what?")]
        );
    }

    /// One line per case: a draft's name and prompt labels (with existing custom
    /// template "Home visits"), and the error messages expected.
    fn check_create(name: &str, prompts: &[&str], expected: &[&str]) {
        let mut library = TemplateLibrary::new();
        library
            .create(NOW, &draft("Home visits", &["Where", "What"]))
            .expect("setup is valid");
        let before = library.clone();
        let messages: Vec<String> = match library.create(NOW, &draft(name, prompts)) {
            Ok(_) => vec![],
            Err(errors) => {
                assert_eq!(library, before, "a refused create changes nothing");
                errors.iter().map(ToString::to_string).collect()
            }
        };
        assert_eq!(messages, expected, "creating {name:?} {prompts:?}");
    }

    #[test]
    fn creating_a_template_checks_its_name_and_prompts() {
        let twelve: Vec<String> = (1..=12).map(|n| format!("Q{n}")).collect();
        let twelve: Vec<&str> = twelve.iter().map(String::as_str).collect();
        let thirteen: Vec<String> = (1..=13).map(|n| format!("Q{n}")).collect();
        let thirteen: Vec<&str> = thirteen.iter().map(String::as_str).collect();
        check_create("Group visit", &["Who came", "What helped"], &[]);
        check_create("  Group   visit ", &[" Who came "], &[]);
        check_create("", &["Q"], &["Enter a template name"]);
        check_create(" \n ", &["Q"], &["Enter a template name"]);
        check_create(
            "home VISITS",
            &["Q"],
            &["A template called ‘home VISITS’ already exists"],
        );
        check_create(
            "gibbs",
            &["Q"],
            &["A template called ‘gibbs’ already exists"],
        );
        check_create(
            "Free writing",
            &["Q"],
            &["A template called ‘Free writing’ already exists"],
        );
        check_create(&"n".repeat(60), &["Q"], &[]);
        check_create(
            &"n".repeat(61),
            &["Q"],
            &["Template name must be 60 characters or fewer"],
        );
        check_create("Mine", &[], &["Add at least one prompt"]);
        check_create("Mine", &twelve, &[]);
        check_create("Mine", &thirteen, &["A template can have up to 12 prompts"]);
        check_create(
            "Mine",
            &["Q1", "  ", "Q3"],
            &["Enter the text of prompt 2, or remove it"],
        );
        check_create(
            "Mine",
            &["Q1", &"q".repeat(201)],
            &["Prompt 2 must be 200 characters or fewer"],
        );
        check_create(
            "Mine",
            &["Why?", "How?", "why?"],
            &["Prompt 3 is the same as prompt 1"],
        );
        check_create(
            "",
            &["", ""],
            &[
                "Enter a template name",
                "Enter the text of prompt 1, or remove it",
                "Enter the text of prompt 2, or remove it",
            ],
        );
    }

    #[test]
    fn template_errors_point_at_their_fields() {
        let ids: Vec<Option<String>> = [
            TemplateError::EmptyName,
            TemplateError::NoPrompts,
            TemplateError::EmptyPrompt(2),
            TemplateError::HintTooLong(3),
            TemplateError::BuiltIn(tid("gibbs")),
        ]
        .iter()
        .map(|e| e.field().map(TemplateField::html_id))
        .collect();
        assert_eq!(
            ids,
            [
                Some("template-name".into()),
                Some("template-prompts".into()),
                Some("prompt-2-label".into()),
                Some("prompt-3-hint".into()),
                None
            ]
        );
    }

    #[test]
    fn a_long_hint_is_refused() {
        let mut library = TemplateLibrary::new();
        let mut d = draft("Mine", &["Q"]);
        d.prompts[0].hint = "h".repeat(201);
        assert_eq!(
            library.create(NOW, &d),
            Err(vec![TemplateError::HintTooLong(1)])
        );
    }

    #[test]
    fn editing_keeps_prompt_keys_and_gives_new_prompts_fresh_ones() {
        let mut library = TemplateLibrary::new();
        let id = library
            .create(NOW, &draft("Visit", &["Where", "What"]))
            .expect("valid");
        let keys = |l: &TemplateLibrary| -> Vec<(String, String)> {
            l.get(&id)
                .map(|t| {
                    t.prompts()
                        .map(|p| (p.key.to_owned(), p.label.to_owned()))
                        .collect()
                })
                .unwrap_or_default()
        };
        assert_eq!(
            keys(&library),
            [("p1".into(), "Where".into()), ("p2".into(), "What".into())]
        );

        let mut d = library
            .get(&id)
            .map(TemplateDraft::from_template)
            .unwrap_or_default();
        d.prompts.remove(0);
        d.prompts[0].label = "What happened".into();
        d.prompts.push(PromptDraft {
            label: "Next".into(),
            role: PromptRole::Action,
            ..PromptDraft::default()
        });
        d.name = "visit".into();
        assert_eq!(library.edit(&id, &d), Ok(()));
        assert_eq!(
            keys(&library),
            [
                ("p2".into(), "What happened".into()),
                ("p3".into(), "Next".into())
            ]
        );
        assert_eq!(library.get(&id).map(|t| t.name()), Some("visit"));
        assert_eq!(
            library.get(&id).and_then(|t| t.role_of("p3")),
            Some(PromptRole::Action)
        );

        // A removed prompt's key is not handed to a new prompt.
        let mut d = library
            .get(&id)
            .map(TemplateDraft::from_template)
            .unwrap_or_default();
        d.prompts.push(PromptDraft {
            key: PromptKey::parse("p1"),
            label: "Again".into(),
            ..PromptDraft::default()
        });
        assert_eq!(library.edit(&id, &d), Ok(()));
        assert_eq!(keys(&library)[2].0, "p4");
    }

    #[test]
    fn a_builtin_template_can_be_copied_but_not_edited_or_deleted() {
        let mut library = TemplateLibrary::new();
        let gibbs = library
            .get(&tid("gibbs"))
            .map(TemplateDraft::from_template)
            .unwrap_or_default();
        assert!(gibbs.prompts.iter().all(|p| p.key.is_none()));
        assert_eq!(
            library.edit(&tid("gibbs"), &gibbs),
            Err(vec![TemplateError::BuiltIn(tid("gibbs"))])
        );
        assert_eq!(
            library.delete(&tid("gibbs")),
            Err(TemplateError::BuiltIn(tid("gibbs")))
        );
        let mut copy = gibbs.clone();
        copy.name = "My Gibbs".into();
        let id = library.create(NOW, &copy).expect("a renamed copy is valid");
        assert_eq!(
            library.get(&id).and_then(|t| t.role_of("p6")),
            Some(PromptRole::Action),
            "roles are copied with the prompts"
        );
    }

    #[test]
    fn deleting_a_template_leaves_unknown_ids_unknown() {
        let mut library = TemplateLibrary::new();
        let id = library
            .create(NOW, &draft("Visit", &["Where"]))
            .expect("valid");
        assert!(library.delete(&id).is_ok());
        assert!(library.get(&id).is_none());
        assert_eq!(
            library.delete(&id),
            Err(TemplateError::UnknownTemplate(id.clone()))
        );
        assert_eq!(
            library.edit(&id, &draft("Visit", &["Where"])),
            Err(vec![TemplateError::UnknownTemplate(id.clone())])
        );
        // The next template is made later, so it cannot take the deleted one's id.
        let later = IdSeed::new(NOW.millis + 1, NOW.random);
        let again = library
            .create(later, &draft("Visit", &["Where"]))
            .expect("name is free");
        assert_ne!(again, id);
        assert_eq!(library.next_number(), 2);
    }

    #[test]
    fn a_new_template_id_is_made_from_the_time_and_random_number() {
        let mut library = TemplateLibrary::new();
        let a = library
            .create(
                IdSeed::new(1_764_000_000_000, 123_456),
                &draft("Visit", &["Where"]),
            )
            .expect("valid");
        let b = library
            .create(
                IdSeed::new(1_764_000_000_000, 123_457),
                &draft("Call", &["Who"]),
            )
            .expect("valid");
        assert_eq!(a.as_str(), "custom-midc1z40-2n9c");
        assert_eq!(b.as_str(), "custom-midc1z40-2n9d");
        let c = library
            .create(NOW, &draft("Group", &["Where"]))
            .expect("valid");
        let d = library
            .create(NOW, &draft("Walk", &["Where"]))
            .expect("valid");
        assert_ne!(c, d, "one seed twice still gives two ids");
        assert_eq!(library.next_number(), 4);
    }

    #[test]
    fn old_numbered_template_ids_still_work_beside_new_ones() {
        let raw = r#"{"custom":[{"id":"custom-2","name":"Visit","prompts":[{"key":"p1","label":"Where","role":"other"}],"next_prompt":1}],"next_number":2}"#;
        let mut library: TemplateLibrary = serde_json::from_str(raw).expect("valid json");
        let old = tid("custom-2");
        assert!(matches!(library.get(&old), Some(TemplateRef::Custom(_))));
        let new = library
            .create(NOW, &draft("Call", &["Who"]))
            .expect("valid");
        assert_ne!(new, old);
        assert_eq!(library.next_number(), 3);
        assert_eq!(library.edit(&old, &draft("Visits", &["Where"])), Ok(()));
        assert_eq!(
            library.get(&old).map(|t| t.name().to_owned()),
            Some("Visits".into())
        );
        assert!(library.delete(&old).is_ok());
        assert_eq!(library.custom().len(), 1);
    }

    #[test]
    fn the_custom_template_cap_is_enforced() {
        let mut library = TemplateLibrary::new();
        for n in 0..MAX_CUSTOM_TEMPLATES {
            library
                .create(NOW, &draft(&format!("T{n}"), &["Q"]))
                .expect("under the cap");
        }
        assert_eq!(
            library.create(NOW, &draft("One more", &["Q"])),
            Err(vec![TemplateError::TooManyTemplates])
        );
    }

    #[test]
    fn a_library_round_trips_through_json_with_a_simple_shape() {
        let mut library = TemplateLibrary::new();
        let mut d = draft("Visit", &["Where", "Next"]);
        d.prompts[0].hint = "No addresses".into();
        d.prompts[1].role = PromptRole::Action;
        library.create(NOW, &d).expect("valid");
        let json = serde_json::to_string(&library).expect("serialises");
        assert_eq!(
            json,
            r#"{"custom":[{"id":"custom-midc1z40-7","name":"Visit","prompts":[{"key":"p1","label":"Where","hint":"No addresses","role":"other"},{"key":"p2","label":"Next","role":"action"}],"next_prompt":2}],"next_number":1}"#
        );
        let back: TemplateLibrary = serde_json::from_str(&json).expect("deserialises");
        assert_eq!(back, library);
    }
}
