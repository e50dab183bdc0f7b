//! The tag vocabulary: the built-in families and tags that name what the research found
//! link workers rarely get to name (micro-discretions, boundaries, holding, anchor-point
//! moments), the worker's own custom tags, and the pure operations that create, rename,
//! merge and delete custom tags without corrupting the entries that carry them. The
//! built-in vocabulary is static data with stable ids; only custom tags are stored, and
//! an entry refers to any tag by its [`TagId`] alone, so a rename never touches entries
//! and a merge or delete is applied to them through [`retag`]. Embeddedness is here too,
//! as its own type: it is a periodic self-rating, never a per-entry tag.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::entry::Entry;
use super::ids::{name_key, one_line, tidy_name, IdSeed, TagId};

/// The longest custom tag name, in characters. Tags are shown as small labels in lists
/// and chips; a longer name would wrap and stop being a tag.
pub const MAX_TAG_NAME_CHARS: usize = 40;

/// The longest custom tag definition, in characters: one line of help text.
pub const MAX_TAG_DEFINITION_CHARS: usize = 200;

/// The most custom tags a worker may keep. A picker with hundreds of tags is no longer
/// keyboard-first, and the cap keeps one storage record small.
pub const MAX_CUSTOM_TAGS: usize = 200;

// ---------------------------------------------------------------------------------------
// Tag ids
// ---------------------------------------------------------------------------------------

/// What only the built-in vocabulary knows about a tag id.
impl TagId {
    /// True for ids of the built-in vocabulary.
    pub fn is_builtin(&self) -> bool {
        builtin_tag(self.as_str()).is_some()
    }

    /// The built-in tag with this id, if it is one.
    pub fn builtin(&self) -> Option<&'static BuiltinTag> {
        builtin_tag(self.as_str())
    }
}

// ---------------------------------------------------------------------------------------
// Built-in vocabulary
// ---------------------------------------------------------------------------------------

/// A group of built-in tags, in the order the tag picker shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    MicroDiscretion,
    Boundary,
    HoldingFunction,
    HoldingDriver,
    AnchorPoint,
    Barrier,
    OwnWellbeing,
    EscalateElsewhere,
}

impl Family {
    /// Every family, in picker order.
    pub const ALL: [Family; 8] = [
        Family::MicroDiscretion,
        Family::Boundary,
        Family::HoldingFunction,
        Family::HoldingDriver,
        Family::AnchorPoint,
        Family::Barrier,
        Family::OwnWellbeing,
        Family::EscalateElsewhere,
    ];

    /// A stable id, for URLs and HTML ids.
    pub fn id(self) -> &'static str {
        match self {
            Family::MicroDiscretion => "micro-discretion",
            Family::Boundary => "boundary",
            Family::HoldingFunction => "holding-function",
            Family::HoldingDriver => "holding-driver",
            Family::AnchorPoint => "anchor-point",
            Family::Barrier => "barrier",
            Family::OwnWellbeing => "own-wellbeing",
            Family::EscalateElsewhere => "escalate-elsewhere",
        }
    }

    /// The family's name in the words of the domain brief.
    pub fn label(self) -> &'static str {
        match self {
            Family::MicroDiscretion => "micro-discretion",
            Family::Boundary => "boundary",
            Family::HoldingFunction => "holding: function",
            Family::HoldingDriver => "holding: driver",
            Family::AnchorPoint => "anchor point",
            Family::Barrier => "barrier",
            Family::OwnWellbeing => "own wellbeing",
            Family::EscalateElsewhere => "escalate elsewhere",
        }
    }

    /// One line explaining the family, shown as the group's hint in the picker.
    pub fn definition(self) -> &'static str {
        match self {
            Family::MicroDiscretion => {
                "Actions or advice based on your own judgement of a situation, which may not \
                 always reflect explicit guidance or protocols."
            }
            Family::Boundary => "Where the edge of your role was tested: held, or stretched.",
            Family::HoldingFunction => {
                "What holding did for the person: you became the support yourself, for a while."
            }
            Family::HoldingDriver => "Why you were holding the person rather than referring on.",
            Family::AnchorPoint => {
                "Being a reliable, consistent source of support the person could offload to, \
                 and prompting a step towards change when they were ready."
            }
            Family::Barrier => "Something in the system, not the person, that stood in the way.",
            Family::OwnWellbeing => "What the work cost you: notice it so supervision can help.",
            Family::EscalateElsewhere => {
                "A safeguarding or incident concern. It belongs in another channel, not here."
            }
        }
    }

    /// The family's tags, in picker order.
    pub fn tags(self) -> impl Iterator<Item = &'static BuiltinTag> {
        BUILTIN_TAGS.iter().filter(move |t| t.family == self)
    }
}

/// One tag of the built-in vocabulary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BuiltinTag {
    /// Stable id stored in entries. Never change one; add a new tag instead.
    pub id: &'static str,
    pub family: Family,
    /// The tag's name within its family, in the domain brief's words.
    pub label: &'static str,
    /// One line shown where the worker chooses tags.
    pub definition: &'static str,
    /// A phrase of the kind a worker might write, shown as an example.
    pub example: &'static str,
    /// Extra guidance shown whenever the tag is chosen (only "escalate elsewhere" has any).
    pub guidance: Option<&'static str>,
}

impl BuiltinTag {
    pub fn tag_id(&self) -> TagId {
        TagId::of_builtin(self.id)
    }

    /// The family and tag together, for places that show a tag out of its group
    /// ("micro-discretion: with a patient").
    pub fn full_label(&self) -> String {
        if self.family.tags().count() == 1 {
            // A family with a single tag reads better under the family's name alone.
            self.family.label().to_owned()
        } else {
            format!("{}: {}", self.family.label(), self.label)
        }
    }
}

/// What the app says whenever an "escalate elsewhere" tag is chosen or suggested.
pub const ESCALATE_GUIDANCE: &str = "Use the proper safeguarding or incident channel and keep \
     case facts out of the journal.";

const fn tag(
    id: &'static str,
    family: Family,
    label: &'static str,
    definition: &'static str,
    example: &'static str,
) -> BuiltinTag {
    BuiltinTag {
        id,
        family,
        label,
        definition,
        example,
        guidance: None,
    }
}

/// The built-in vocabulary from the domain brief, in picker order.
pub static BUILTIN_TAGS: &[BuiltinTag] = &[
    // micro-discretion
    tag(
        "md-patient",
        Family::MicroDiscretion,
        "with a patient",
        "A judgement call about how you supported a patient: how often, how long, how intensively.",
        "offered a fourth session",
    ),
    tag(
        "md-staff",
        Family::MicroDiscretion,
        "with practice staff",
        "A judgement call with a GP, nurse or other practice colleague, such as taking on a request.",
        "took a non-medical request from the GP",
    ),
    tag(
        "md-community",
        Family::MicroDiscretion,
        "with a community organisation",
        "A judgement call with a group, charity or service outside the practice.",
        "rang my contact at the food bank directly",
    ),
    // boundary
    tag(
        "boundary-held",
        Family::Boundary,
        "held",
        "You kept to the edge of your role, even though it was hard or someone wanted more.",
        "said no to a task outside my remit",
    ),
    tag(
        "boundary-stretched",
        Family::Boundary,
        "stretched",
        "You went past the usual edge of your role, your hours or your remit.",
        "answered a message after hours",
    ),
    // holding: function
    tag(
        "holding-waiting",
        Family::HoldingFunction,
        "waiting for services",
        "Supporting someone while they wait for a service they have been referred to.",
        "the waiting list is months, so we keep in touch",
    ),
    tag(
        "holding-preparing",
        Family::HoldingFunction,
        "preparing for change",
        "Sustaining someone while they build up to a change they are not yet ready to make.",
        "we're working up to her trying the walking group",
    ),
    tag(
        "holding-easing-load",
        Family::HoldingFunction,
        "easing clinicians' load",
        "Taking on non-medical needs so that they no longer fall on GPs and other clinicians.",
        "he comes to me now instead of booking the GP every week",
    ),
    tag(
        "holding-witness",
        Family::HoldingFunction,
        "bearing witness",
        "Being alongside someone's distress when there is nothing to fix.",
        "nothing to fix, I listened",
    ),
    // holding: driver
    tag(
        "driver-no-provision",
        Family::HoldingDriver,
        "no provision",
        "There is no community service or group to refer the person on to.",
        "nowhere to refer her: the carers' group closed last year",
    ),
    tag(
        "driver-readiness",
        Family::HoldingDriver,
        "readiness/capacity",
        "The person is not yet ready, or has no capacity right now, to take a step.",
        "he's not ready to think about the debt yet",
    ),
    tag(
        "driver-protecting-staff",
        Family::HoldingDriver,
        "protecting staff",
        "Holding keeps non-medical needs away from stretched healthcare staff.",
        "if I let go she'd be back at reception every day",
    ),
    tag(
        "driver-cant-fix",
        Family::HoldingDriver,
        "can't be fixed",
        "The problem cannot be solved, only lived with, so there is nowhere to move on to.",
        "the loss can't be fixed; the support is just being there",
    ),
    // anchor point
    tag(
        "anchor-at-ease",
        Family::AnchorPoint,
        "put at ease",
        "The person relaxed and trusted you enough to talk.",
        "she laughed for the first time and seemed more relaxed",
    ),
    tag(
        "anchor-space",
        Family::AnchorPoint,
        "space and permission",
        "You gave the permission, space and sense of safety to talk about non-medical needs.",
        "first time they mentioned the debt",
    ),
    tag(
        "anchor-step",
        Family::AnchorPoint,
        "prompting a step",
        "You prompted a step towards change when the person was ready for it.",
        "they booked the group themselves",
    ),
    tag(
        "anchor-presence",
        Family::AnchorPoint,
        "consistent presence",
        "Being a reliable, consistent source of support the person can offload to.",
        "she said I'm the one person she can offload to",
    ),
    // barrier
    tag(
        "barrier-structural",
        Family::Barrier,
        "structural (housing, benefits, waiting lists)",
        "A problem in housing, benefits, waiting lists or other systems that the person cannot solve alone.",
        "the PIP decision has been delayed again",
    ),
    // own wellbeing
    tag(
        "wellbeing-load",
        Family::OwnWellbeing,
        "emotional load",
        "The session stayed with you or took an emotional toll.",
        "I felt drained afterwards and couldn't switch off",
    ),
    tag(
        "wellbeing-caseload",
        Family::OwnWellbeing,
        "caseload pressure",
        "The number or pace of referrals is putting you under pressure.",
        "back-to-back all day and behind on my notes",
    ),
    tag(
        "wellbeing-isolation",
        Family::OwnWellbeing,
        "isolation",
        "You felt on your own in the role, without colleagues or supervision to turn to.",
        "no one to debrief with after a hard call",
    ),
    // escalate elsewhere
    BuiltinTag {
        id: "escalate-elsewhere",
        family: Family::EscalateElsewhere,
        label: "safeguarding or incident concern",
        definition: "A safeguarding or incident concern that needs the proper channel, not the journal.",
        example: "raised a safeguarding concern today (details are in the proper record)",
        guidance: Some(ESCALATE_GUIDANCE),
    },
];

/// The built-in tag with this id.
pub fn builtin_tag(id: &str) -> Option<&'static BuiltinTag> {
    BUILTIN_TAGS.iter().find(|t| t.id == id)
}

// ---------------------------------------------------------------------------------------
// Embeddedness
// ---------------------------------------------------------------------------------------

/// Where the worker feels they sit on the continuum of embeddedness in the practice. A
/// periodic self-rating, recorded in its own check-in, never attached to an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Embeddedness {
    BoltedOn,
    FittingIn,
    Belonging,
}

impl Embeddedness {
    /// The continuum, from least to most embedded.
    pub const ALL: [Embeddedness; 3] = [
        Embeddedness::BoltedOn,
        Embeddedness::FittingIn,
        Embeddedness::Belonging,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Embeddedness::BoltedOn => "bolted-on",
            Embeddedness::FittingIn => "fitting-in",
            Embeddedness::Belonging => "belonging",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Embeddedness::BoltedOn => "Bolted on",
            Embeddedness::FittingIn => "Fitting in",
            Embeddedness::Belonging => "Belonging",
        }
    }

    pub fn definition(self) -> &'static str {
        match self {
            Embeddedness::BoltedOn => "Added to the practice without much consideration.",
            Embeddedness::FittingIn => {
                "Shaping what you deliver so that the practice can accommodate it."
            }
            Embeddedness::Belonging => "Accepted as a legitimate source of support.",
        }
    }

    /// 1 (bolted on) to 3 (belonging), for charts of the rating over time.
    pub fn position(self) -> u8 {
        match self {
            Embeddedness::BoltedOn => 1,
            Embeddedness::FittingIn => 2,
            Embeddedness::Belonging => 3,
        }
    }
}

/// The four things underneath embeddedness, offered as optional notes in the check-in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EmbeddednessConcept {
    Power,
    Identity,
    Effect,
    Infrastructure,
}

impl EmbeddednessConcept {
    pub const ALL: [EmbeddednessConcept; 4] = [
        EmbeddednessConcept::Power,
        EmbeddednessConcept::Identity,
        EmbeddednessConcept::Effect,
        EmbeddednessConcept::Infrastructure,
    ];

    pub fn id(self) -> &'static str {
        match self {
            EmbeddednessConcept::Power => "power",
            EmbeddednessConcept::Identity => "identity",
            EmbeddednessConcept::Effect => "effect",
            EmbeddednessConcept::Infrastructure => "infrastructure",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            EmbeddednessConcept::Power => "Centralising or diffusing power",
            EmbeddednessConcept::Identity => "Forging an identity in general practice",
            EmbeddednessConcept::Effect => "Demonstrating effect",
            EmbeddednessConcept::Infrastructure => "Building a facilitative infrastructure",
        }
    }

    /// A question to prompt the optional note.
    pub fn definition(self) -> &'static str {
        match self {
            EmbeddednessConcept::Power => {
                "Who decides what you do and who is referred to you: is it held by one person \
                 or shared across the practice?"
            }
            EmbeddednessConcept::Identity => {
                "Do colleagues understand what a link worker is and does, and how do you show them?"
            }
            EmbeddednessConcept::Effect => {
                "Can you and the practice see the difference your work makes?"
            }
            EmbeddednessConcept::Infrastructure => {
                "Do you have what lets the role work: a room, system access, a supervisor, \
                 a place in meetings?"
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Custom tags
// ---------------------------------------------------------------------------------------

/// A tag the worker made. Stored; keep its shape simple: `{"id","label","definition"?}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomTag {
    pub id: TagId,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<String>,
}

/// A checked custom tag name: trimmed, inner whitespace collapsed to single spaces,
/// control characters removed, 1 to 40 characters. Duplicates are checked by
/// [`Vocabulary`], which knows the other names.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TagName(String);

impl TagName {
    pub fn parse(raw: &str) -> Result<TagName, TagError> {
        let name = tidy_name(raw);
        if name.is_empty() {
            Err(TagError::EmptyName)
        } else if name.chars().count() > MAX_TAG_NAME_CHARS {
            Err(TagError::NameTooLong)
        } else {
            Ok(TagName(name))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The part of a tag form an error points at. Each has a stable HTML id so the error
/// summary can link to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TagField {
    Name,
    Definition,
    MergeTarget,
}

impl TagField {
    pub fn html_id(self) -> &'static str {
        match self {
            TagField::Name => "tag-name",
            TagField::Definition => "tag-definition",
            TagField::MergeTarget => "tag-merge-into",
        }
    }
}

/// Why a change to the custom tags was refused. Nothing is changed when one is returned.
/// Field errors are worded GOV.UK-style for the error summary.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum TagError {
    #[error("Enter a tag name")]
    EmptyName,
    #[error("A tag called \u{2018}{0}\u{2019} already exists")]
    DuplicateName(String),
    #[error("Tag name must be 40 characters or fewer")]
    NameTooLong,
    #[error("Definition must be 200 characters or fewer")]
    DefinitionTooLong,
    #[error(
        "That tag could not be found, so nothing was changed. Go back to your tags and try again"
    )]
    UnknownTag(TagId),
    #[error("Built-in tags cannot be renamed, merged or deleted, so nothing was changed. Create your own tag instead")]
    BuiltIn(TagId),
    #[error("Choose a different tag to merge into")]
    MergeIntoItself,
    #[error("You have 200 tags of your own, the most Anchorpoint can keep. Merge or delete one to add another")]
    TooManyTags,
}

impl TagError {
    /// The form field to mark, if the error is about one.
    pub fn field(&self) -> Option<TagField> {
        match self {
            TagError::EmptyName
            | TagError::DuplicateName(_)
            | TagError::NameTooLong
            | TagError::TooManyTags => Some(TagField::Name),
            TagError::DefinitionTooLong => Some(TagField::Definition),
            TagError::MergeIntoItself => Some(TagField::MergeTarget),
            TagError::UnknownTag(_) | TagError::BuiltIn(_) => None,
        }
    }
}

/// A change to the vocabulary that entries may need to follow. Returned by the
/// operations on [`Vocabulary`]; the shell passes it to [`retag`] for each entry whose
/// tags [`retag_needed`] says are affected, and saves those entries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TagChange {
    /// Same id, new label: entries need no change.
    Renamed(TagId),
    /// `from` no longer exists; entries carrying it now carry `into`.
    Merged { from: TagId, into: TagId },
    /// The tag no longer exists; entries lose it and keep every other tag.
    Deleted(TagId),
}

/// True if `tags` (one entry's tags) would change under `change`.
pub fn retag_needed(tags: &[TagId], change: &TagChange) -> bool {
    match change {
        TagChange::Renamed(_) => false,
        TagChange::Merged { from, .. } | TagChange::Deleted(from) => tags.contains(from),
    }
}

/// One entry's tags after `change`. A merge replaces the old tag with the new one where
/// it stood and drops the repeat if the entry already had both; a delete removes that
/// tag only. Order is otherwise kept, so the entry reads the same.
pub fn retag(tags: &[TagId], change: &TagChange) -> Vec<TagId> {
    match change {
        TagChange::Renamed(_) => tags.to_vec(),
        TagChange::Deleted(gone) => tags.iter().filter(|t| *t != gone).cloned().collect(),
        TagChange::Merged { from, into } => {
            let mut out: Vec<TagId> = Vec::with_capacity(tags.len());
            for tag in tags {
                let tag = if tag == from { into } else { tag };
                if !out.contains(tag) {
                    out.push(tag.clone());
                }
            }
            out
        }
    }
}

/// A tag of either kind, as the UI shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag<'a> {
    Builtin(&'static BuiltinTag),
    Custom(&'a CustomTag),
}

impl<'a> Tag<'a> {
    pub fn id(&self) -> &'a str {
        match self {
            Tag::Builtin(t) => t.id,
            Tag::Custom(t) => t.id.as_str(),
        }
    }

    pub fn label(&self) -> &'a str {
        match self {
            Tag::Builtin(t) => t.label,
            Tag::Custom(t) => &t.label,
        }
    }

    pub fn definition(&self) -> Option<&'a str> {
        match self {
            Tag::Builtin(t) => Some(t.definition),
            Tag::Custom(t) => t.definition.as_deref(),
        }
    }

    pub fn example(&self) -> Option<&'static str> {
        match self {
            Tag::Builtin(t) => Some(t.example),
            Tag::Custom(_) => None,
        }
    }

    /// The built-in family, or none for the worker's own tags (shown as "Your tags").
    pub fn family(&self) -> Option<Family> {
        match self {
            Tag::Builtin(t) => Some(t.family),
            Tag::Custom(_) => None,
        }
    }
}

/// The worker's custom tags beside the built-in vocabulary. Stored as
/// `{"custom":[...],"next_number":n}`. A new tag's id is made from the time and a random
/// number the shell supplies, so tags made on two devices or in two tabs keep apart;
/// `next_number` only counts, and is still stored because the format is frozen. Ids made
/// before that are `custom-<n>`, and still work. Every operation checks everything first
/// and changes nothing when it returns an error.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vocabulary {
    #[serde(default)]
    custom: Vec<CustomTag>,
    #[serde(default)]
    next_number: u32,
}

impl Vocabulary {
    pub fn new() -> Vocabulary {
        Vocabulary::default()
    }

    /// The worker's tags, oldest first.
    pub fn custom(&self) -> &[CustomTag] {
        &self.custom
    }

    /// A count that grows by one with every custom tag made (a merge of two tabs keeps the
    /// larger). Old ids (`custom-<n>`) were made from it; new ids no longer are, but it is
    /// still stored because the format is frozen.
    pub fn next_number(&self) -> u32 {
        self.next_number
    }

    /// Rebuilds a vocabulary from its stored parts (see `core::frozen`).
    pub fn from_parts(custom: Vec<CustomTag>, next_number: u32) -> Vocabulary {
        Vocabulary {
            custom,
            next_number,
        }
    }

    /// Any tag by id: built-in or custom.
    pub fn get(&self, id: &TagId) -> Option<Tag<'_>> {
        if let Some(t) = builtin_tag(id.as_str()) {
            return Some(Tag::Builtin(t));
        }
        self.custom.iter().find(|t| &t.id == id).map(Tag::Custom)
    }

    /// The name a tag is shown by: a built-in tag's family and label ("boundary:
    /// held"), a custom tag's name. None for an id that is neither, such as a tag
    /// deleted while a draft still held it.
    pub fn display_name(&self, id: &TagId) -> Option<String> {
        match self.get(id)? {
            Tag::Builtin(t) => Some(t.full_label()),
            Tag::Custom(t) => Some(t.label.clone()),
        }
    }

    /// All tags: built-in in picker order, then custom.
    pub fn all(&self) -> impl Iterator<Item = Tag<'_>> {
        BUILTIN_TAGS
            .iter()
            .map(Tag::Builtin)
            .chain(self.custom.iter().map(Tag::Custom))
    }

    /// The tag a name would clash with, if any: a custom tag's name, or a built-in tag's
    /// label or family-qualified label, compared ignoring case and spacing.
    pub fn find_by_name(&self, name: &str) -> Option<Tag<'_>> {
        let key = name_key(name);
        if key.is_empty() {
            return None;
        }
        let builtin = BUILTIN_TAGS
            .iter()
            .find(|t| name_key(t.label) == key || name_key(&t.full_label()) == key);
        if let Some(t) = builtin {
            return Some(Tag::Builtin(t));
        }
        self.custom
            .iter()
            .find(|t| name_key(&t.label) == key)
            .map(Tag::Custom)
    }

    /// Creates a tag and returns its new id, made from `seed` (the shell's time and random
    /// number). `definition` may be empty.
    pub fn create(
        &mut self,
        seed: IdSeed,
        name: &str,
        definition: &str,
    ) -> Result<TagId, TagError> {
        let name = self.check_name(name, None)?;
        let definition = check_definition(definition)?;
        if self.custom.len() >= MAX_CUSTOM_TAGS {
            return Err(TagError::TooManyTags);
        }
        let id = self.fresh_id(seed);
        self.custom.push(CustomTag {
            id: id.clone(),
            label: name.0,
            definition,
        });
        Ok(id)
    }

    /// Renames a custom tag. Changing only its case or spacing is allowed.
    pub fn rename(&mut self, id: &TagId, name: &str) -> Result<TagChange, TagError> {
        let index = self.custom_index(id)?;
        let name = self.check_name(name, Some(id))?;
        self.custom[index].label = name.0;
        Ok(TagChange::Renamed(id.clone()))
    }

    /// Replaces a custom tag's definition; an empty one removes it.
    pub fn set_definition(&mut self, id: &TagId, definition: &str) -> Result<(), TagError> {
        let index = self.custom_index(id)?;
        self.custom[index].definition = check_definition(definition)?;
        Ok(())
    }

    /// Merges custom tag `from` into `into` (custom or built-in): `from` stops existing
    /// and entries that carried it carry `into` (apply the returned change with [`retag`]).
    pub fn merge(&mut self, from: &TagId, into: &TagId) -> Result<TagChange, TagError> {
        let index = self.custom_index(from)?;
        if from == into {
            return Err(TagError::MergeIntoItself);
        }
        if self.get(into).is_none() {
            return Err(TagError::UnknownTag(into.clone()));
        }
        self.custom.remove(index);
        Ok(TagChange::Merged {
            from: from.clone(),
            into: into.clone(),
        })
    }

    /// Deletes a custom tag. Entries lose that tag only (apply the change with [`retag`]).
    pub fn delete(&mut self, id: &TagId) -> Result<TagChange, TagError> {
        let index = self.custom_index(id)?;
        self.custom.remove(index);
        Ok(TagChange::Deleted(id.clone()))
    }

    fn custom_index(&self, id: &TagId) -> Result<usize, TagError> {
        if id.is_builtin() {
            return Err(TagError::BuiltIn(id.clone()));
        }
        self.custom
            .iter()
            .position(|t| &t.id == id)
            .ok_or_else(|| TagError::UnknownTag(id.clone()))
    }

    /// Parses a name and checks it against every other tag; `renaming` is the tag whose
    /// own current name does not count as a clash.
    fn check_name(&self, raw: &str, renaming: Option<&TagId>) -> Result<TagName, TagError> {
        let name = TagName::parse(raw)?;
        match self.find_by_name(name.as_str()) {
            Some(Tag::Custom(t)) if Some(&t.id) == renaming => Ok(name),
            Some(_) => Err(TagError::DuplicateName(name.0)),
            None => Ok(name),
        }
    }

    /// The id for a new tag, from the shell's seed, counting it in `next_number`. Two
    /// tags made in one millisecond with one random number (only ever in tests) still
    /// differ: an id in use moves on to the next random number, and at most every tag
    /// here can be in the way.
    fn fresh_id(&mut self, mut seed: IdSeed) -> TagId {
        self.next_number = self.next_number.saturating_add(1);
        loop {
            let id = TagId::custom(seed);
            if !self.custom.iter().any(|t| t.id == id) {
                return id;
            }
            seed = seed.next();
        }
    }
}

/// The entries `change` alters, each with its new tags and nothing else changed: its
/// words, dates and "last changed" time stay as the worker left them, because only the
/// vocabulary changed. Pass them, with the new vocabulary, to one all-or-nothing save.
pub fn retag_entries<'a>(
    entries: impl IntoIterator<Item = &'a Entry>,
    change: &TagChange,
) -> Vec<Entry> {
    entries
        .into_iter()
        .filter(|e| retag_needed(&e.tags, change))
        .map(|e| Entry {
            tags: retag(&e.tags, change),
            ..e.clone()
        })
        .collect()
}

/// How many of `entries` carry `tag`: what a merge or delete would touch.
pub fn count_tagged<'a>(entries: impl IntoIterator<Item = &'a Entry>, tag: &TagId) -> usize {
    entries.into_iter().filter(|e| e.tags.contains(tag)).count()
}

fn check_definition(raw: &str) -> Result<Option<String>, TagError> {
    let text = one_line(raw);
    if text.is_empty() {
        Ok(None)
    } else if text.chars().count() > MAX_TAG_DEFINITION_CHARS {
        Err(TagError::DefinitionTooLong)
    } else {
        Ok(Some(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ids::CUSTOM_PREFIX;
    use std::collections::HashSet;

    /// The shell's time and random number, for tests whose ids do not matter: tags made
    /// from one seed still get different ids.
    const NOW: IdSeed = IdSeed {
        millis: 1_764_000_000_000,
        random: 7,
    };

    fn id(s: &str) -> TagId {
        TagId::parse(s).expect("test ids are valid")
    }

    fn ids(list: &[&str]) -> Vec<TagId> {
        list.iter().map(|s| id(s)).collect()
    }

    fn entry_with(id_: &str, tags: &[&str]) -> Entry {
        use chrono::{DateTime, NaiveDate};
        Entry {
            id: crate::core::ids::EntryId::parse(id_).unwrap(),
            written_at: DateTime::UNIX_EPOCH,
            updated_at: DateTime::UNIX_EPOCH,
            about: NaiveDate::from_ymd_opt(2026, 3, 9).unwrap(),
            sections: vec![crate::core::entry::Section::free("Rang the food bank.")],
            tags: ids(tags),
            dismissed: ids(&["md-patient"]),
            template: None,
            judgement_call: None,
        }
    }

    #[test]
    fn retag_entries_returns_only_the_touched_entries_with_only_their_tags_changed() {
        let mut vocab = Vocabulary::new();
        let food = vocab.create(NOW, "Food bank", "").unwrap();
        let entries = vec![
            entry_with("e1", &[food.as_str(), "boundary-held"]),
            entry_with("e2", &["boundary-held"]),
            entry_with("e3", &["md-community", food.as_str()]),
        ];
        assert_eq!(count_tagged(&entries, &food), 2);
        assert_eq!(count_tagged(&entries, &id("boundary-held")), 2);

        let change = vocab.clone().merge(&food, &id("md-community")).unwrap();
        let merged = retag_entries(&entries, &change);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].tags, ids(&["md-community", "boundary-held"]));
        assert_eq!(merged[1].tags, ids(&["md-community"]));
        for (after, before) in merged.iter().zip([&entries[0], &entries[2]]) {
            assert_eq!(after.sections, before.sections);
            assert_eq!(after.updated_at, before.updated_at);
            assert_eq!(after.dismissed, before.dismissed);
            assert_eq!(after.id, before.id);
        }

        let change = vocab.clone().delete(&food).unwrap();
        let deleted = retag_entries(&entries, &change);
        assert_eq!(deleted.len(), 2);
        assert_eq!(deleted[0].tags, ids(&["boundary-held"]));
        assert_eq!(deleted[1].tags, ids(&["md-community"]));

        let change = vocab.rename(&food, "Food banks").unwrap();
        assert!(retag_entries(&entries, &change).is_empty());
    }

    #[test]
    fn display_names_are_family_qualified_for_built_ins_and_as_typed_for_custom_tags() {
        let mut vocab = Vocabulary::new();
        let food = vocab.create(NOW, "  Food   bank ", "").unwrap();
        assert_eq!(vocab.display_name(&food).as_deref(), Some("Food bank"));
        assert_eq!(
            vocab.display_name(&id("boundary-held")).as_deref(),
            Some("boundary: held")
        );
        assert_eq!(
            vocab.display_name(&id("barrier-structural")).as_deref(),
            Some("barrier")
        );
        vocab.delete(&food).unwrap();
        assert_eq!(vocab.display_name(&food), None);
    }

    #[test]
    fn every_builtin_tag_has_a_unique_valid_id_and_full_help_text() {
        let mut seen = HashSet::new();
        for t in BUILTIN_TAGS {
            assert!(TagId::parse(t.id).is_some(), "{}", t.id);
            assert!(seen.insert(t.id), "duplicate id {}", t.id);
            assert!(!t.id.starts_with(CUSTOM_PREFIX), "{}", t.id);
            assert!(!t.label.is_empty() && !t.definition.is_empty() && !t.example.is_empty());
            assert!(t.definition.ends_with('.'), "{}", t.id);
        }
    }

    #[test]
    fn every_family_has_at_least_one_tag_and_the_ids_are_the_documented_ones() {
        for family in Family::ALL {
            assert!(family.tags().count() > 0, "{family:?}");
        }
        let all: Vec<&str> = BUILTIN_TAGS.iter().map(|t| t.id).collect();
        assert_eq!(
            all,
            [
                "md-patient",
                "md-staff",
                "md-community",
                "boundary-held",
                "boundary-stretched",
                "holding-waiting",
                "holding-preparing",
                "holding-easing-load",
                "holding-witness",
                "driver-no-provision",
                "driver-readiness",
                "driver-protecting-staff",
                "driver-cant-fix",
                "anchor-at-ease",
                "anchor-space",
                "anchor-step",
                "anchor-presence",
                "barrier-structural",
                "wellbeing-load",
                "wellbeing-caseload",
                "wellbeing-isolation",
                "escalate-elsewhere",
            ],
            "built-in ids are stored in entries: never change or reorder them casually"
        );
    }

    #[test]
    fn escalate_elsewhere_tells_the_worker_to_use_the_proper_channel() {
        let t = builtin_tag("escalate-elsewhere").expect("exists");
        assert!(t
            .guidance
            .is_some_and(|g| g.contains("keep case facts out of the journal")));
        assert_eq!(t.full_label(), "escalate elsewhere");
        assert_eq!(
            builtin_tag("md-patient").map(|t| t.full_label()),
            Some("micro-discretion: with a patient".to_owned())
        );
    }

    #[test]
    fn tag_ids_parse_only_lowercase_slugs_and_serialise_as_plain_strings() {
        for good in ["md-patient", "custom-12", "a"] {
            assert!(TagId::parse(good).is_some(), "{good}");
        }
        for bad in [
            "",
            "MD-patient",
            "md patient",
            "md_patient",
            "é",
            &"a".repeat(65),
        ] {
            assert!(TagId::parse(bad).is_none(), "{bad}");
        }
        assert_eq!(
            serde_json::to_string(&id("md-staff")).ok(),
            Some("\"md-staff\"".into())
        );
        assert!(serde_json::from_str::<TagId>("\"Not An Id\"").is_err());
    }

    #[test]
    fn embeddedness_runs_from_bolted_on_to_belonging_and_has_four_concepts() {
        let positions: Vec<u8> = Embeddedness::ALL.iter().map(|e| e.position()).collect();
        assert_eq!(positions, [1, 2, 3]);
        assert_eq!(
            serde_json::to_string(&Embeddedness::FittingIn).ok(),
            Some("\"fitting-in\"".into())
        );
        assert_eq!(EmbeddednessConcept::ALL.len(), 4);
        assert_eq!(
            EmbeddednessConcept::Identity.label(),
            "Forging an identity in general practice"
        );
    }

    /// One line per case: the existing custom names, the name typed, and the error
    /// message expected (empty for success).
    fn check_create(existing: &[&str], typed: &str, expected: &str) {
        let mut vocab = Vocabulary::new();
        for name in existing {
            vocab.create(NOW, name, "").expect("setup names are valid");
        }
        let before = vocab.clone();
        let message = match vocab.create(NOW, typed, "") {
            Ok(_) => String::new(),
            Err(e) => {
                assert_eq!(vocab, before, "a refused create changes nothing");
                e.to_string()
            }
        };
        assert_eq!(message, expected, "creating {typed:?} beside {existing:?}");
    }

    #[test]
    fn creating_a_tag_checks_empty_duplicate_and_huge_names() {
        check_create(&[], "Food bank", "");
        check_create(&[], "  Food   bank \n", "");
        check_create(&[], "", "Enter a tag name");
        check_create(&[], "   \t\n ", "Enter a tag name");
        check_create(
            &["Food bank"],
            "food BANK",
            "A tag called ‘food BANK’ already exists",
        );
        check_create(
            &["Food bank"],
            "Food  bank",
            "A tag called ‘Food bank’ already exists",
        );
        check_create(
            &["Mum’s carer"],
            "mum's carer",
            "A tag called ‘mum's carer’ already exists",
        );
        check_create(&[], "Stretched", "A tag called ‘Stretched’ already exists");
        check_create(
            &[],
            "with a patient",
            "A tag called ‘with a patient’ already exists",
        );
        check_create(
            &[],
            "Micro-discretion: with a patient",
            "A tag called ‘Micro-discretion: with a patient’ already exists",
        );
        check_create(&[], &"x".repeat(40), "");
        check_create(&[], &"é".repeat(40), "");
        check_create(
            &[],
            &"x".repeat(41),
            "Tag name must be 40 characters or fewer",
        );
        check_create(
            &[],
            &"x".repeat(10_000),
            "Tag name must be 40 characters or fewer",
        );
    }

    #[test]
    fn errors_point_at_the_field_they_are_about() {
        assert_eq!(
            TagError::EmptyName.field().map(TagField::html_id),
            Some("tag-name")
        );
        assert_eq!(
            TagError::DefinitionTooLong.field().map(TagField::html_id),
            Some("tag-definition")
        );
        assert_eq!(TagError::UnknownTag(id("custom-1")).field(), None);
    }

    #[test]
    fn a_new_tag_id_is_made_from_the_time_and_random_number_and_counted() {
        let mut vocab = Vocabulary::new();
        let a = vocab
            .create(
                IdSeed::new(1_764_000_000_000, 123_456),
                "Food bank",
                "Anything about food banks",
            )
            .expect("valid");
        assert_eq!(a.as_str(), "custom-midc1z40-2n9c");
        // Another tab or device, the same millisecond, another random number.
        let b = vocab
            .create(IdSeed::new(1_764_000_000_000, 123_457), "Carers", "")
            .expect("valid");
        assert_eq!(b.as_str(), "custom-midc1z40-2n9d");
        assert_eq!(vocab.next_number(), 2, "next_number still counts");
        assert!(!a.is_builtin() && !b.is_builtin());
        assert_eq!(
            vocab.get(&a).and_then(|t| t.definition()),
            Some("Anything about food banks")
        );
    }

    #[test]
    fn two_tags_made_from_one_seed_still_get_different_ids() {
        let mut vocab = Vocabulary::new();
        let a = vocab.create(NOW, "Food bank", "").expect("valid");
        let b = vocab.create(NOW, "Carers", "").expect("valid");
        assert_eq!(
            (a.as_str(), b.as_str()),
            ("custom-midc1z40-7", "custom-midc1z40-8")
        );
    }

    #[test]
    fn old_numbered_ids_still_work_beside_new_ones() {
        // A vocabulary stored before ids were unique across devices, with a damaged
        // counter for good measure.
        let raw = r#"{"custom":[{"id":"custom-3","label":"Home visit"}],"next_number":0}"#;
        let mut vocab: Vocabulary = serde_json::from_str(raw).expect("valid json");
        let old = id("custom-3");
        assert!(!old.is_builtin());
        assert!(matches!(vocab.get(&old), Some(Tag::Custom(_))));
        let new = vocab.create(NOW, "Interpreter", "").expect("valid");
        assert_ne!(new, old);
        assert_eq!(vocab.next_number(), 1);
        assert_eq!(
            vocab.rename(&old, "Home visits"),
            Ok(TagChange::Renamed(old.clone()))
        );
        assert_eq!(vocab.display_name(&old).as_deref(), Some("Home visits"));
        assert_eq!(
            vocab.merge(&old, &new),
            Ok(TagChange::Merged {
                from: old.clone(),
                into: new.clone()
            })
        );
        assert_eq!(vocab.custom().len(), 1);
    }

    #[test]
    fn renaming_keeps_the_id_allows_a_case_change_and_refuses_clashes() {
        let mut vocab = Vocabulary::new();
        let a = vocab.create(NOW, "food bank", "").expect("valid");
        vocab.create(NOW, "Carers", "").expect("valid");
        assert_eq!(
            vocab.rename(&a, "Food Bank"),
            Ok(TagChange::Renamed(a.clone()))
        );
        assert_eq!(vocab.get(&a).map(|t| t.label()), Some("Food Bank"));
        assert_eq!(
            vocab.rename(&a, "carers").map_err(|e| e.to_string()),
            Err("A tag called ‘carers’ already exists".into())
        );
        assert_eq!(vocab.rename(&a, ""), Err(TagError::EmptyName));
        assert_eq!(
            vocab.rename(&id("custom-99"), "x"),
            Err(TagError::UnknownTag(id("custom-99")))
        );
        assert_eq!(
            vocab.rename(&id("md-patient"), "x"),
            Err(TagError::BuiltIn(id("md-patient")))
        );
        assert_eq!(vocab.get(&a).map(|t| t.label()), Some("Food Bank"));
    }

    #[test]
    fn merging_removes_the_old_tag_and_refuses_unknown_builtin_or_self() {
        let mut vocab = Vocabulary::new();
        let a = vocab.create(NOW, "Extra mile", "").expect("valid");
        let b = vocab.create(NOW, "Went beyond", "").expect("valid");
        assert_eq!(vocab.merge(&a, &a), Err(TagError::MergeIntoItself));
        assert_eq!(
            vocab.merge(&a, &id("custom-9")),
            Err(TagError::UnknownTag(id("custom-9")))
        );
        assert_eq!(
            vocab.merge(&id("md-patient"), &a),
            Err(TagError::BuiltIn(id("md-patient")))
        );
        assert_eq!(vocab.custom().len(), 2);
        assert_eq!(
            vocab.merge(&a, &b),
            Ok(TagChange::Merged {
                from: a.clone(),
                into: b.clone()
            })
        );
        assert!(vocab.get(&a).is_none());
        let into_builtin = vocab.merge(&b, &id("boundary-stretched"));
        assert!(into_builtin.is_ok());
        assert!(vocab.custom().is_empty());
    }

    #[test]
    fn deleting_refuses_builtin_and_unknown_tags() {
        let mut vocab = Vocabulary::new();
        assert_eq!(
            vocab.delete(&id("escalate-elsewhere")),
            Err(TagError::BuiltIn(id("escalate-elsewhere")))
        );
        assert_eq!(
            vocab.delete(&id("custom-1")),
            Err(TagError::UnknownTag(id("custom-1")))
        );
    }

    #[test]
    fn definitions_are_optional_and_limited_to_one_line() {
        let mut vocab = Vocabulary::new();
        let a = vocab.create(NOW, "A", "  ").expect("valid");
        assert_eq!(vocab.get(&a).and_then(|t| t.definition()), None);
        assert_eq!(
            vocab.create(NOW, "B", &"d".repeat(201)),
            Err(TagError::DefinitionTooLong)
        );
        assert_eq!(vocab.set_definition(&a, "Line one\nline two"), Ok(()));
        assert_eq!(
            vocab.get(&a).and_then(|t| t.definition()),
            Some("Line one line two")
        );
    }

    #[test]
    fn the_custom_tag_cap_is_enforced() {
        let mut vocab = Vocabulary::new();
        for n in 0..MAX_CUSTOM_TAGS {
            vocab
                .create(NOW, &format!("tag {n}"), "")
                .expect("under the cap");
        }
        assert_eq!(
            vocab.create(NOW, "one more", ""),
            Err(TagError::TooManyTags)
        );
    }

    /// One line per case: an entry's tags, a change, and the tags expected afterwards.
    fn check_retag(before: &[&str], change: TagChange, after: &[&str]) {
        assert_eq!(
            retag(&ids(before), &change),
            ids(after),
            "{before:?} {change:?}"
        );
        assert_eq!(
            retag_needed(&ids(before), &change),
            ids(before) != ids(after),
            "retag_needed agrees with retag for {before:?} {change:?}"
        );
    }

    #[test]
    fn retagging_entries_never_loses_or_duplicates_other_tags() {
        use TagChange::*;
        let merged = |a: &str, b: &str| Merged {
            from: id(a),
            into: id(b),
        };
        check_retag(
            &["custom-1", "md-patient"],
            Renamed(id("custom-1")),
            &["custom-1", "md-patient"],
        );
        check_retag(
            &["custom-1", "md-patient"],
            merged("custom-1", "custom-2"),
            &["custom-2", "md-patient"],
        );
        check_retag(
            &["custom-1", "custom-2"],
            merged("custom-1", "custom-2"),
            &["custom-2"],
        );
        check_retag(
            &["custom-2", "custom-1"],
            merged("custom-1", "custom-2"),
            &["custom-2"],
        );
        check_retag(&["md-staff"], merged("custom-1", "custom-2"), &["md-staff"]);
        check_retag(
            &["custom-1", "md-staff"],
            merged("custom-1", "md-staff"),
            &["md-staff"],
        );
        check_retag(&[], merged("custom-1", "custom-2"), &[]);
        check_retag(
            &["custom-1", "md-patient", "custom-3"],
            Deleted(id("custom-1")),
            &["md-patient", "custom-3"],
        );
        check_retag(&["md-patient"], Deleted(id("custom-1")), &["md-patient"]);
        check_retag(&["custom-1"], Deleted(id("custom-1")), &[]);
    }

    #[test]
    fn a_vocabulary_round_trips_through_json_with_a_simple_shape() {
        let mut vocab = Vocabulary::new();
        vocab
            .create(NOW, "Food bank", "Food parcels and vouchers")
            .expect("valid");
        vocab.create(NOW, "Carers", "").expect("valid");
        let json = serde_json::to_string(&vocab).expect("serialises");
        assert_eq!(
            json,
            r#"{"custom":[{"id":"custom-midc1z40-7","label":"Food bank","definition":"Food parcels and vouchers"},{"id":"custom-midc1z40-8","label":"Carers"}],"next_number":2}"#
        );
        let back: Vocabulary = serde_json::from_str(&json).expect("deserialises");
        assert_eq!(back, vocab);
    }
}
