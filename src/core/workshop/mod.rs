//! Trainer workshop mode's pure part: the fictional vignettes a trainee reflects on, and
//! the comparison of the tags the trainee chose with the ones the facilitator suggests.
//! The vignettes are static data written for Anchorpoint (see [`vignettes`]); together
//! they cover the four findings of the research the app is built on (holding with all
//! four drivers, micro-discretions with patients, staff and community groups, the anchor
//! point, and embeddedness from bolted on to belonging), which the tests check against
//! the built-in vocabulary so a renamed tag can never leave a vignette pointing nowhere.
//! Nothing here is stored: a workshop's reflections are ordinary entries in the
//! workshop's own storage space.

mod vignettes;

#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use super::ids::TagId;
use super::tags::{builtin_tag, BuiltinTag, Embeddedness, Family};

pub use vignettes::VIGNETTES;

/// One fictional case for a workshop: what happened, in a link worker's words, and
/// what the facilitator brings to the discussion afterwards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Vignette {
    /// Stable, for the page's address: `/workshop/vignettes/<id>`.
    pub id: &'static str,
    pub title: &'static str,
    /// One line for the list of vignettes.
    pub summary: &'static str,
    /// The case, a paragraph each, as a link worker would tell it.
    pub story: &'static [&'static str],
    /// Built-in tag ids the facilitator would expect, in picker order.
    pub suggested_tags: &'static [&'static str],
    /// Where on the continuum the worker in the case sits, when the case is about that.
    pub embeddedness: Option<Embeddedness>,
    /// The facilitator's perspective, a paragraph each, revealed after the reflection.
    pub facilitator_notes: &'static [&'static str],
    pub questions: &'static [&'static str],
}

/// The four findings the app's vocabulary comes from (`DOMAIN.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Finding {
    Holding,
    MicroDiscretions,
    AnchorPoint,
    Embeddedness,
}

impl Finding {
    pub const ALL: [Finding; 4] = [
        Finding::Holding,
        Finding::MicroDiscretions,
        Finding::AnchorPoint,
        Finding::Embeddedness,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Finding::Holding => "Holding",
            Finding::MicroDiscretions => "Micro-discretions",
            Finding::AnchorPoint => "Being an anchor point",
            Finding::Embeddedness => "Embeddedness in the practice",
        }
    }
}

impl Vignette {
    /// The suggested tags as built-in tags; an id that is not one is left out (the
    /// tests make sure there is none).
    pub fn suggested(&self) -> impl Iterator<Item = &'static BuiltinTag> {
        self.suggested_tags.iter().filter_map(|id| builtin_tag(id))
    }

    pub fn suggested_ids(&self) -> Vec<TagId> {
        self.suggested().map(BuiltinTag::tag_id).collect()
    }

    /// Which findings the case is about, from its suggested tags and embeddedness.
    pub fn findings(&self) -> Vec<Finding> {
        let families: BTreeSet<Family> = self.suggested().map(|t| t.family).collect();
        let has = |f: Family| families.contains(&f);
        let mut found = Vec::new();
        if has(Family::HoldingFunction) || has(Family::HoldingDriver) {
            found.push(Finding::Holding);
        }
        if has(Family::MicroDiscretion) {
            found.push(Finding::MicroDiscretions);
        }
        if has(Family::AnchorPoint) {
            found.push(Finding::AnchorPoint);
        }
        if self.embeddedness.is_some() {
            found.push(Finding::Embeddedness);
        }
        found
    }
}

/// The vignette with this id.
pub fn vignette(id: &str) -> Option<&'static Vignette> {
    VIGNETTES.iter().find(|v| v.id == id)
}

/// The trainee's tags against the facilitator's, each list in the order given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TagComparison {
    /// Chosen by the trainee and suggested.
    pub both: Vec<TagId>,
    /// Chosen by the trainee, not suggested: worth talking about, not wrong.
    pub only_yours: Vec<TagId>,
    /// Suggested, not chosen by the trainee.
    pub only_suggested: Vec<TagId>,
}

/// Compares the trainee's tags with the suggested ones. Duplicates count once; `both`
/// and `only_yours` keep the trainee's order, `only_suggested` the facilitator's.
pub fn compare(yours: &[TagId], suggested: &[TagId]) -> TagComparison {
    let mut seen = BTreeSet::new();
    let mut result = TagComparison::default();
    for tag in yours {
        if !seen.insert(tag) {
            continue;
        }
        if suggested.contains(tag) {
            result.both.push(tag.clone());
        } else {
            result.only_yours.push(tag.clone());
        }
    }
    let mut listed = BTreeSet::new();
    for tag in suggested {
        if !yours.contains(tag) && listed.insert(tag) {
            result.only_suggested.push(tag.clone());
        }
    }
    result
}
