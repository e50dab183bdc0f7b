//! Specifications for the workshop vignettes (each suggested tag exists, together they
//! cover every finding and driver) and for comparing a trainee's tags with the
//! suggested ones: one `check` row per case.

use std::collections::BTreeSet;

use super::*;
use crate::core::tags::BUILTIN_TAGS;

fn ids(list: &[&'static str]) -> Vec<TagId> {
    list.iter().map(|id| TagId::of_builtin(id)).collect()
}

#[test]
fn there_are_at_least_ten_vignettes_with_unique_ids() {
    assert!(VIGNETTES.len() >= 10, "only {} vignettes", VIGNETTES.len());
    let unique: BTreeSet<&str> = VIGNETTES.iter().map(|v| v.id).collect();
    assert_eq!(unique.len(), VIGNETTES.len(), "two vignettes share an id");
    for v in VIGNETTES {
        // The id is the page's address: lower case, digits and hyphens only.
        assert!(
            v.id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{}",
            v.id
        );
        assert_eq!(vignette(v.id), Some(v));
    }
    assert_eq!(vignette("no-such-case"), None);
}

#[test]
fn every_suggested_tag_is_in_the_built_in_vocabulary() {
    for v in VIGNETTES {
        assert!(!v.suggested_tags.is_empty(), "{} suggests no tags", v.id);
        for id in v.suggested_tags {
            assert!(
                builtin_tag(id).is_some(),
                "{} suggests {id}, which is not a built-in tag",
                v.id
            );
        }
        let unique: BTreeSet<&&str> = v.suggested_tags.iter().collect();
        assert_eq!(
            unique.len(),
            v.suggested_tags.len(),
            "{} repeats a tag",
            v.id
        );
        assert_eq!(v.suggested_ids().len(), v.suggested_tags.len());
    }
}

#[test]
fn every_vignette_has_a_story_facilitator_notes_and_questions() {
    for v in VIGNETTES {
        assert!(!v.title.trim().is_empty(), "{}", v.id);
        assert!(!v.summary.trim().is_empty(), "{}", v.id);
        assert!(v.story.len() >= 2, "{}: a story of one paragraph", v.id);
        assert!(!v.facilitator_notes.is_empty(), "{}: no notes", v.id);
        assert!(v.questions.len() >= 2, "{}: fewer than two questions", v.id);
        for q in v.questions {
            assert!(q.ends_with('?'), "{}: not a question: {q}", v.id);
        }
        assert!(!v.findings().is_empty(), "{} covers no finding", v.id);
    }
}

#[test]
fn together_the_vignettes_cover_every_finding() {
    let covered: BTreeSet<Finding> = VIGNETTES.iter().flat_map(|v| v.findings()).collect();
    for finding in Finding::ALL {
        assert!(covered.contains(&finding), "no vignette about {finding:?}");
    }
}

#[test]
fn together_the_vignettes_cover_all_four_holding_drivers() {
    check_family_covered(Family::HoldingDriver);
}

#[test]
fn together_the_vignettes_cover_micro_discretions_with_patients_staff_and_community_groups() {
    check_family_covered(Family::MicroDiscretion);
}

#[test]
fn together_the_vignettes_cover_every_anchor_point_tag_and_holding_function() {
    check_family_covered(Family::AnchorPoint);
    check_family_covered(Family::HoldingFunction);
}

#[test]
fn together_the_vignettes_run_from_bolted_on_to_belonging() {
    let places: BTreeSet<Embeddedness> = VIGNETTES.iter().filter_map(|v| v.embeddedness).collect();
    for place in Embeddedness::ALL {
        assert!(places.contains(&place), "no vignette is {place:?}");
    }
}

/// Every built-in tag of `family` is suggested by at least one vignette.
fn check_family_covered(family: Family) {
    let suggested: BTreeSet<&str> = VIGNETTES
        .iter()
        .flat_map(|v| v.suggested_tags.iter().copied())
        .collect();
    let family_tags: Vec<&str> = BUILTIN_TAGS
        .iter()
        .filter(|t| t.family == family)
        .map(|t| t.id)
        .collect();
    assert!(!family_tags.is_empty());
    for id in family_tags {
        assert!(suggested.contains(id), "no vignette suggests {id}");
    }
}

#[test]
fn a_vignettes_findings_come_from_its_tags_and_embeddedness() {
    let v = vignette("can-you-have-a-word").expect("vignette");
    assert_eq!(
        v.findings(),
        vec![
            Finding::Holding,
            Finding::MicroDiscretions,
            Finding::Embeddedness
        ]
    );
    let v = vignette("the-first-time-she-mentioned-the-debt").expect("vignette");
    assert_eq!(v.findings(), vec![Finding::AnchorPoint]);
}

#[test]
fn vignettes_hold_no_real_looking_identifiers() {
    // Fictional cases only: no digits that could be an NHS number, a phone number or a
    // date of birth, and no postcode-like or email-like text.
    for v in VIGNETTES {
        let text: Vec<&str> = v
            .story
            .iter()
            .chain(v.facilitator_notes)
            .chain(v.questions)
            .copied()
            .collect();
        for paragraph in text {
            let digits: String = paragraph.chars().filter(char::is_ascii_digit).collect();
            assert!(
                digits.len() <= 6,
                "{}: too many digits in {paragraph}",
                v.id
            );
            assert!(!paragraph.contains('@'), "{}", v.id);
        }
    }
}

/// One row of the comparison table: the trainee's tags, the suggested ones, and what
/// should land in both, only yours and only suggested.
fn check(yours: &[&'static str], suggested: &[&'static str], expected: [&[&'static str]; 3]) {
    let got = compare(&ids(yours), &ids(suggested));
    assert_eq!(
        got,
        TagComparison {
            both: ids(expected[0]),
            only_yours: ids(expected[1]),
            only_suggested: ids(expected[2]),
        },
        "yours {yours:?} against {suggested:?}"
    );
}

#[test]
fn comparing_tags_sorts_them_into_both_only_yours_and_only_suggested() {
    check(&[], &[], [&[], &[], &[]]);
    check(&[], &["md-patient"], [&[], &[], &["md-patient"]]);
    check(&["md-patient"], &[], [&[], &["md-patient"], &[]]);
    check(
        &["md-patient"],
        &["md-patient"],
        [&["md-patient"], &[], &[]],
    );
    check(
        &["boundary-held", "md-patient", "anchor-step"],
        &["md-patient", "holding-waiting", "anchor-step"],
        [
            &["md-patient", "anchor-step"],
            &["boundary-held"],
            &["holding-waiting"],
        ],
    );
    // A tag chosen twice, or suggested twice, counts once.
    check(
        &["md-patient", "md-patient"],
        &["md-staff", "md-staff"],
        [&[], &["md-patient"], &["md-staff"]],
    );
}

#[test]
fn a_custom_tag_the_trainee_chose_is_only_theirs() {
    let custom = TagId::parse("custom-1-abc").expect("id");
    let got = compare(
        &[custom.clone(), TagId::of_builtin("md-staff")],
        &ids(&["md-staff"]),
    );
    assert_eq!(got.only_yours, vec![custom]);
    assert_eq!(got.both, ids(&["md-staff"]));
    assert!(got.only_suggested.is_empty());
}
