//! Table-driven specifications for the cue detector: one line per sentence a worker
//! might write and the tags it should suggest, in order of first appearance.

use super::*;
use crate::core::tags::BUILTIN_TAGS;
use chrono::NaiveDate;

/// The tags suggested for `text`, in order, must be exactly `expected`.
#[track_caller]
fn check(text: &str, expected: &[&str]) {
    let got: Vec<String> = detect_cues(text)
        .iter()
        .map(|c| c.tag.to_string())
        .collect();
    assert_eq!(got, expected, "for {text:?}");
}

/// The words shown as the trigger for `tag` in `text` must be `trigger`.
#[track_caller]
fn check_trigger(text: &str, tag: &str, trigger: &str) {
    let cues = detect_cues(text);
    let cue = cues.iter().find(|c| c.tag.as_str() == tag);
    assert_eq!(cue.map(|c| c.trigger(text)), Some(trigger), "for {text:?}");
}

#[test]
fn every_phrase_in_the_table_compiles() {
    let mut tags = Vec::new();
    for group in GROUPS {
        for phrase in group.phrases {
            assert_eq!(
                compile(group.tag, group.negation, phrase, &mut tags).err(),
                None,
                "{}: {phrase:?}",
                group.tag
            );
        }
    }
}

#[test]
fn every_suggested_tag_is_a_builtin_tag_with_its_own_question() {
    for group in GROUPS {
        assert!(builtin_tag(group.tag).is_some(), "{}", group.tag);
        assert_ne!(
            question_for(group.tag),
            question_for("not-a-tag"),
            "{}",
            group.tag
        );
    }
}

#[test]
fn every_builtin_tag_can_be_suggested() {
    for tag in BUILTIN_TAGS {
        assert!(
            GROUPS.iter().any(|g| g.tag == tag.id),
            "no phrases for {}",
            tag.id
        );
    }
}

#[test]
fn bad_phrases_are_reported_not_compiled() {
    let mut tags = Vec::new();
    let mut err = |tag, phrase| compile(tag, Negation::Ignored, phrase, &mut tags).err();
    assert_eq!(err("nope", "word"), Some(PhraseError::UnknownTag("nope")));
    assert_eq!(err("md-patient", ""), Some(PhraseError::Empty));
    assert_eq!(
        err("md-patient", "?maybe word"),
        Some(PhraseError::BadStart)
    );
    assert_eq!(err("md-patient", "... word"), Some(PhraseError::BadStart));
    assert_eq!(
        err("md-patient", "word ..."),
        Some(PhraseError::EndsWithGap)
    );
    assert_eq!(
        err("md-patient", "@nope"),
        Some(PhraseError::UnknownSet("nope".into()))
    );
    assert_eq!(
        err("md-patient", "self-harm"),
        Some(PhraseError::BadWord("self-harm".into()))
    );
    assert_eq!(
        err("md-patient", "Capital"),
        Some(PhraseError::BadWord("Capital".into()))
    );
}

#[test]
fn the_cues_named_in_the_domain_brief_are_found() {
    check("I decided to offer her a lift.", &["md-patient"]);
    check("I went with them to the walking group.", &["md-patient"]);
    check("Answered a message after hours.", &["boundary-stretched"]);
    check("He really opened up today.", &["anchor-space"]);
    check("The waiting list is months long.", &["holding-waiting"]);
}

#[test]
fn judgement_calls_with_patients_are_noticed() {
    check("Decided to extend the session.", &["md-patient"]);
    check("I chose to see him at the library.", &["md-patient"]);
    check("I eventually decided against it.", &["md-patient"]);
    check("I'd decided before she arrived.", &["md-patient"]);
    check("It was a judgement call.", &["md-patient"]);
    check("I made a call on the spot.", &["md-patient"]);
    check("Made the call.", &["md-patient"]);
    check("I bent the rules a little.", &["md-patient"]);
    check("Went slightly outside the protocol.", &["md-patient"]);
    check("Used my discretion about the forms.", &["md-patient"]);
    check("Trusted my gut.", &["md-patient"]);
    check("I accompanied her to the group.", &["md-patient"]);
    check("Went along with him to the library.", &["md-patient"]);
    check("Drove him home afterwards.", &["md-patient"]);
    check("Offered a fourth session.", &["md-patient"]);
    check("I offered her an extra appointment.", &["md-patient"]);
    check("Made an exception for her.", &["md-patient"]);
    check("I paid for her bus fare.", &["md-patient"]);
}

#[test]
fn judgement_calls_with_staff_and_community_organisations_are_noticed() {
    check("Took a non-medical request from the GP.", &["md-staff"]);
    check("The GP asked me to chase a housing letter.", &["md-staff"]);
    check("Covered for the receptionist at lunch.", &["md-staff"]);
    check(
        "Rang my contact at the food bank directly.",
        &["md-community"],
    );
    check("I phoned the pantry manager directly.", &["md-community"]);
    check("Called in a favour with the Men's Shed.", &["md-community"]);
    check("They fast-tracked her onto the course.", &["md-community"]);
    check("The café squeezed him in on Friday.", &["md-community"]);
}

#[test]
fn boundaries_stretched_and_held_are_noticed() {
    check("Texted them on my day off.", &["boundary-stretched"]);
    check(
        "Stayed late to finish the form with her.",
        &["boundary-stretched"],
    );
    check("Replied out of hours.", &["boundary-stretched"]);
    check(
        "Gave her my personal mobile number.",
        &["boundary-stretched"],
    );
    check(
        "It wasn't really my job, but I did it anyway.",
        &["boundary-stretched"],
    );
    check("Felt I couldn't say no.", &["boundary-stretched"]);
    check("Went above and beyond again.", &["boundary-stretched"]);
    check("I worry I'm getting too involved.", &["boundary-stretched"]);
    check("Said no to a task outside my remit.", &["boundary-held"]);
    check("I said no politely.", &["boundary-held"]);
    check("Held the line on home visits.", &["boundary-held"]);
    check(
        "Explained that form-filling is not my role.",
        &["boundary-held"],
    );
    check("Pushed back on the extra referrals.", &["boundary-held"]);
}

#[test]
fn holding_functions_are_noticed() {
    check("She's waiting for counselling.", &["holding-waiting"]);
    check(
        "Still waiting on the housing decision.",
        &["holding-waiting"],
    );
    check(
        "Waiting for the council to reply about the flat.",
        &["holding-waiting"],
    );
    check(
        "It's an 18 month wait, so in the meantime we talk.",
        &["holding-waiting"],
    );
    check("I'm still holding him.", &["holding-waiting"]);
    check(
        "We're working up to the walking group.",
        &["holding-preparing"],
    );
    check("Slowly building her confidence.", &["holding-preparing"]);
    check("Going at his own pace.", &["holding-preparing"]);
    check(
        "A frequent attender at the surgery.",
        &["holding-easing-load"],
    );
    check(
        "She calls me now instead of the GP.",
        &["holding-easing-load"],
    );
    check("Nothing to fix, I listened.", &["holding-witness"]);
    check("I just listened.", &["holding-witness"]);
    check("Sat with her for a while.", &["holding-witness"]);
    check("He was in tears for most of it.", &["holding-witness"]);
}

#[test]
fn holding_drivers_are_noticed() {
    check(
        "There's no service for men his age.",
        &["driver-no-provision"],
    );
    check("Nowhere to refer her.", &["driver-no-provision"]);
    check("Nothing locally for carers.", &["driver-no-provision"]);
    check(
        "The lunch club closed in the spring.",
        &["driver-no-provision"],
    );
    check("The project lost its funding.", &["driver-no-provision"]);
    check("He's not ready.", &["driver-readiness"]);
    check("She isn't quite ready yet.", &["driver-readiness"]);
    check(
        "Too much going on for her right now.",
        &["driver-readiness"],
    );
    check("We'll look at it when he's ready.", &["driver-readiness"]);
    check(
        "It keeps her away from the GP.",
        &["driver-protecting-staff"],
    );
    check(
        "Protecting the GPs from the social stuff.",
        &["driver-protecting-staff"],
    );
    check("Grief can't be fixed.", &["driver-cant-fix"]);
    check(
        "There's no solution to the loneliness.",
        &["driver-cant-fix"],
    );
    check("Nothing I can really do about it.", &["driver-cant-fix"]);
}

#[test]
fn anchor_point_moments_are_noticed() {
    check("First time they mentioned the debt.", &["anchor-space"]);
    check(
        "It was the first time she talked about her son.",
        &["anchor-space"],
    );
    check("She confided in me about the letters.", &["anchor-space"]);
    check("He felt safe enough to say it.", &["anchor-space"]);
    check("They booked the group themselves.", &["anchor-step"]);
    check("She rang the café herself.", &["anchor-step"]);
    check("He went to the allotment on his own.", &["anchor-step"]);
    check("A small step, but a real one.", &["anchor-step"]);
    check("She agreed to try the choir.", &["anchor-step"]);
    check("She seemed more relaxed today.", &["anchor-at-ease"]);
    check("We're building rapport.", &["anchor-at-ease"]);
    check("We keep in touch every fortnight.", &["anchor-presence"]);
    check("She says I'm a rock.", &["anchor-presence"]);
    check("He just needed to offload.", &["anchor-presence"]);
}

#[test]
fn structural_barriers_are_noticed() {
    check("His PIP was stopped last month.", &["barrier-structural"]);
    check("Facing eviction.", &["barrier-structural"]);
    check("She was sanctioned again.", &["barrier-structural"]);
    check("He can't afford the bus.", &["barrier-structural"]);
    check(
        "No internet at home, so no online forms.",
        &["barrier-structural"],
    );
    check("Red tape everywhere.", &["barrier-structural"]);
}

#[test]
fn the_workers_own_wellbeing_is_noticed() {
    check("Exhausted.", &["wellbeing-load"]);
    check("I felt drained afterwards.", &["wellbeing-load"]);
    check("I'm so tired and a bit low.", &["wellbeing-load"]);
    check("It really got to me.", &["wellbeing-load"]);
    check("Couldn't switch off tonight.", &["wellbeing-load"]);
    check("That left me feeling helpless.", &["wellbeing-load"]);
    check("I cried in the car.", &["wellbeing-load"]);
    check("My caseload is huge.", &["wellbeing-caseload"]);
    check("Back-to-back all day.", &["wellbeing-caseload"]);
    check("Behind on my notes again.", &["wellbeing-caseload"]);
    check("Snowed under.", &["wellbeing-caseload"]);
    check(
        "I feel really isolated at this practice.",
        &["wellbeing-isolation"],
    );
    check("I had no one to debrief with.", &["wellbeing-isolation"]);
    check("Supervision was cancelled again.", &["wellbeing-isolation"]);
    check("Still feel bolted on.", &["wellbeing-isolation"]);
}

#[test]
fn safeguarding_and_incident_words_point_to_another_channel() {
    check("This is a safeguarding issue.", &["escalate-elsewhere"]);
    check("She mentioned self-harm.", &["escalate-elsewhere"]);
    check("He talked about self harming.", &["escalate-elsewhere"]);
    check("Suicidal thoughts last week.", &["escalate-elsewhere"]);
    check(
        "Possible financial abuse by a relative.",
        &["escalate-elsewhere"],
    );
    check("She's unsafe at home.", &["escalate-elsewhere"]);
    check("She said she's not safe at home.", &["escalate-elsewhere"]);
    check("She doesn't feel safe with him.", &["escalate-elsewhere"]);
    check("Disclosed domestic violence.", &["escalate-elsewhere"]);
    check(
        "Talked about wanting to end it all.",
        &["escalate-elsewhere"],
    );
    check("Worried about self-neglect.", &["escalate-elsewhere"]);
    check("Filled in an incident form.", &["escalate-elsewhere"]);
    check("SAFEGUARDING referral made.", &["escalate-elsewhere"]);
}

#[test]
fn safeguarding_cues_ignore_distant_negation_and_only_a_close_no_cancels_the_word() {
    check(
        "He had never mentioned the abuse before.",
        &["anchor-space", "escalate-elsewhere"],
    );
    check(
        "She didn't say it, but she hinted at self-harm.",
        &["escalate-elsewhere"],
    );
    check("No safeguarding concerns.", &[]);
    check("There were no safeguarding concerns today.", &[]);
    check("Not a safeguarding issue.", &[]);
}

#[test]
fn negated_cues_are_not_suggested() {
    check("I didn't go with them this time.", &[]);
    check("Didn't go with her.", &[]);
    check("I never stay late.", &[]);
    check("Did not offer an extra session.", &[]);
    check("She isn't on a waiting list.", &[]);
    check("He hasn't opened up yet.", &[]);
    check("I don't feel drained.", &[]);
    check("Not exhausted at all.", &[]);
}

#[test]
fn negation_stops_at_a_clause_or_a_but() {
    check("Didn't want to, but I went with them.", &["md-patient"]);
    check("No, I went with them.", &["md-patient"]);
    check(
        "It wasn't planned but I stayed late.",
        &["boundary-stretched"],
    );
}

#[test]
fn ordinary_sentences_do_not_trigger_anything() {
    check("", &[]);
    check("   \n\n  ", &[]);
    check("Saw a new referral this morning.", &[]);
    check("Talked about her garden and the weather.", &[]);
    check("She decided the blue one was nicer.", &[]);
    check("I went with her suggestion.", &[]);
    check("We went with the second option.", &[]);
    check("Went with my colleague's plan.", &[]);
    check("I made a call to the council about the bins.", &[]);
    check("She is an unpaid carer for her husband.", &[]);
    check("The group meets on Tuesdays at the library.", &[]);
    check("Phoned, no answer.", &[]);
    check("Her husband is on leave from the army.", &[]);
    check("The room was ready at ten.", &[]);
    check("She stayed on the ward overnight.", &[]);
    check("I listed the options and she picked one.", &[]);
    check("The hours are flexible.", &[]);
    check("He helped out at the church fete.", &[]);
    check("They were waiting for the bus.", &[]);
    check("Killing time before the appointment.", &[]);
    check("His late wife loved the choir.", &[]);
    check("Filled in the attendance sheet.", &[]);
    check("We decided together that she'd try the choir.", &[]);
}

#[test]
fn more_everyday_phrasings_are_noticed() {
    check("Made a judgement call about the visit.", &["md-patient"]);
    check("I opted to see her at home.", &["md-patient"]);
    check("Walked her to the bus stop.", &["md-patient"]);
    check("The nurse asked if I could see him.", &["md-staff"]);
    check("Gave him my number.", &["boundary-stretched"]);
    check(
        "Messaged her while on annual leave.",
        &["boundary-stretched"],
    );
    check("Answered her call in my own time.", &["boundary-stretched"]);
    check("He's on the list for a flat.", &["holding-waiting"]);
    check(
        "Bridging support until the team picks her up.",
        &["holding-waiting"],
    );
    check("Not in the right headspace.", &["driver-readiness"]);
    check("She got it off her chest.", &["anchor-space"]);
    check("He took the first step.", &["anchor-step"]);
    check("I'm the only person she talks to.", &["anchor-presence"]);
    check(
        "Universal Credit payment delayed again.",
        &["barrier-structural"],
    );
    check("Burnt out.", &["wellbeing-load"]);
    check("Compassion fatigue creeping in.", &["wellbeing-load"]);
    check("Lone working again today.", &["wellbeing-isolation"]);
    check("He overdosed last year.", &["escalate-elsewhere"]);
    check("Her son threatened her.", &["escalate-elsewhere"]);
    check("Worried for her safety.", &["escalate-elsewhere"]);
    check("Possible cuckooing at the flat.", &["escalate-elsewhere"]);
}

#[test]
fn more_ordinary_sentences_stay_quiet() {
    check("We discussed her benefits.", &[]);
    check("Booked the room for Thursday.", &[]);
    check("He lives on his own.", &[]);
    check("The group is open to everyone.", &[]);
    check("Talked about her holiday.", &[]);
    check("The practice is closed on Friday afternoons.", &[]);
    check("We checked the bus times.", &[]);
    check("I called the surgery to book a room.", &[]);
    check("We went with the flow.", &[]);
    check("Nothing else to report.", &[]);
    check("She's waiting for her daughter.", &[]);
    check("Read about the history of the building.", &[]);
    check("Talked about her late husband.", &[]);
    check("The session ran over a bit.", &[]);
    check("Signed the form.", &[]);
    check("Thank-you card from a patient.", &[]);
}

#[test]
fn cues_across_sentences_are_not_joined() {
    check(
        "I rang the housing office. Directly after, I wrote notes.",
        &[],
    );
    check("Nothing. I fixed the printer.", &[]);
    check("It was the first time. She mentioned nothing else.", &[]);
}

#[test]
fn a_richer_entry_suggests_each_tag_once_in_order_of_appearance() {
    let text = "Second session with Person A. She opened up about the debt for the first \
                time. I decided to ring my contact at the advice centre directly. The \
                waiting list for counselling is five months, so we keep in touch. I \
                decided to go with her to the group next week. Exhausted by the end.";
    check(
        text,
        &[
            "anchor-space",
            "md-patient",
            "md-community",
            "holding-waiting",
            "anchor-presence",
            "wellbeing-load",
        ],
    );
    let cues = detect_cues(text);
    let md = cues.iter().find(|c| c.tag.as_str() == "md-patient");
    assert_eq!(
        md.map(|c| c.count),
        Some(3),
        "three places: 'I decided' twice, and 'go with her'"
    );
    assert_eq!(md.map(|c| c.trigger(text)), Some("I decided"));
}

#[test]
fn triggers_are_the_original_words_with_their_case_and_punctuation() {
    check_trigger("Then I DECIDED to ring.", "md-patient", "I DECIDED");
    check_trigger(
        "They booked the group themselves!",
        "anchor-step",
        "booked the group themselves",
    );
    check_trigger(
        "We didn’t. He’s not ready.",
        "driver-readiness",
        "not ready",
    );
    check_trigger("Talked about self-harm.", "escalate-elsewhere", "self-harm");
    check_trigger(
        "Nothing to fix — I listened.",
        "holding-witness",
        "Nothing to fix",
    );
    check_trigger("Zoë opened up.", "anchor-space", "opened up");
    check_trigger(
        "İstanbul trip. I went with them.",
        "md-patient",
        "went with them",
    );
}

#[test]
fn curly_apostrophes_count_as_straight_ones() {
    check("I didn’t go with them.", &[]);
    check("I’d decided already.", &["md-patient"]);
    check("She’s waiting for housing.", &["holding-waiting"]);
}

#[test]
fn every_cue_carries_its_question() {
    let cues = detect_cues("I decided. Safeguarding concern raised. She opened up. Waiting list.");
    let questions: Vec<&str> = cues.iter().map(|c| c.question).collect();
    assert_eq!(
        questions,
        [
            "Was this a judgement call?",
            "This sounds like a safeguarding concern: use your organisation's safeguarding \
             channel and keep case facts out of the journal.",
            "Was this an anchor-point moment?",
            "Are you holding this person while they wait?",
        ]
    );
    assert!(cues[1].is_escalation() && !cues[0].is_escalation());
}

#[test]
fn sections_are_scanned_together_with_one_cue_per_tag_for_the_entry() {
    let sections = vec![
        Section {
            prompt: Some("What?".into()),
            ..Section::free("She opened up. I stayed late.")
        },
        Section {
            prompt: Some("So what?".into()),
            ..Section::free("I stayed late again; I'm exhausted.")
        },
    ];
    let cues = detect_cues_in_sections(&sections);
    let summary: Vec<(usize, String, usize)> = cues
        .iter()
        .map(|c| (c.section, c.cue.tag.to_string(), c.cue.count))
        .collect();
    assert_eq!(
        summary,
        [
            (0, "anchor-space".to_string(), 1),
            (0, "boundary-stretched".to_string(), 2),
            (1, "wellbeing-load".to_string(), 1),
        ]
    );
    assert_eq!(cues[2].cue.trigger(&sections[1].text), "I'm exhausted");
}

#[test]
fn huge_and_odd_input_does_not_panic() {
    let long = "I decided. ".repeat(5_000);
    assert_eq!(detect_cues(&long).first().map(|c| c.count), Some(5_000));
    for odd in [
        "'",
        "’’’",
        "a'",
        "'a",
        "—",
        "..",
        "$",
        "@obj",
        "é'",
        "\u{0}",
        "🙂 went with them 🙂",
    ] {
        let _ = detect_cues(odd);
    }
    check("🙂 went with them 🙂", &["md-patient"]);
}

#[test]
fn the_quoted_words_follow_the_text_as_it_is_typed() {
    let sentence = "Today I decided to phone the housing officer.";
    let mut last = String::new();
    for (end, _) in sentence.char_indices().skip(1) {
        let typed = &sentence[..end];
        if let Some(cue) = detect_cues(typed)
            .iter()
            .find(|c| c.tag.as_str() == "md-patient")
        {
            last = cue.trigger(typed).to_owned();
        }
    }
    assert_eq!(last, "I decided");
    check_trigger(sentence, "md-patient", "I decided");
}

/// The day a reflection is about, today, and the end-of-entry question expected.
#[track_caller]
fn check_question(about: &str, today: &str, expected: &str) {
    let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test dates are valid");
    assert_eq!(
        end_of_entry_question(Some(date(about)), date(today)),
        expected,
        "{about} seen on {today}"
    );
}

#[test]
fn the_end_of_entry_question_asks_about_the_day_the_reflection_is_about() {
    check_question(
        "2026-12-02",
        "2026-12-02",
        "Did you make a judgement call today?",
    );
    check_question(
        "2026-12-01",
        "2026-12-02",
        "Did you make a judgement call yesterday?",
    );
    check_question(
        "2026-11-30",
        "2026-12-02",
        "Did you make a judgement call on Monday 30 November?",
    );
    check_question(
        "2025-12-30",
        "2026-01-02",
        "Did you make a judgement call on Tuesday 30 December 2025?",
    );
    let today = NaiveDate::from_ymd_opt(2026, 12, 2).expect("a valid date");
    // While the date boxes do not yet hold a date, the question is about today.
    assert_eq!(end_of_entry_question(None, today), END_OF_ENTRY_QUESTION);
}
