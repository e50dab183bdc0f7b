//! Table-driven specifications for the anonymiser: one `check` helper per scanner family,
//! each case one line: the input and exactly what must be redacted, as (kind, text) pairs.

use super::*;

/// What `find` reports for `input` with the worker's list `names`, as (kind, text) pairs.
fn found(input: &str, names: &[&str]) -> Vec<(Kind, String)> {
    Anonymiser::new(names)
        .find(input)
        .spans
        .iter()
        .map(|s| (s.kind, input[s.start..s.end].to_string()))
        .collect()
}

/// Asserts that exactly `expected` is redacted from `input` (no list of names).
fn check(input: &str, expected: &[(Kind, &str)]) {
    check_with(input, &[], expected);
}

fn check_with(input: &str, names: &[&str], expected: &[(Kind, &str)]) {
    let got = found(input, names);
    let want: Vec<(Kind, String)> = expected.iter().map(|(k, t)| (*k, t.to_string())).collect();
    assert_eq!(got, want, "\ninput: {input:?}");
}

use Kind::*;

#[test]
fn nhs_numbers_are_found_in_any_spacing_with_or_without_a_valid_check_digit() {
    check("NHS 999 123 4567 noted", &[(NhsNumber, "999 123 4567")]);
    check("nhs no 9991234567.", &[(NhsNumber, "9991234567")]);
    check("ref 999-123-4560", &[(NhsNumber, "999-123-4560")]);
    check(
        "number 943 476 5919 (valid)",
        &[(NhsNumber, "943 476 5919")],
    );
    check("9 9 9 1 2 3 4 5 6 7", &[(NhsNumber, "9 9 9 1 2 3 4 5 6 7")]);
}

#[test]
fn the_nhs_check_digit_is_computed_as_the_data_dictionary_says() {
    assert!(nhs_check_digit_ok(b"9434765919"));
    assert!(!nhs_check_digit_ok(b"9434765918"));
    assert!(!nhs_check_digit_ok(b"12345"));
}

#[test]
fn chi_numbers_start_with_a_date_of_birth() {
    check("CHI 0101501234 seen", &[(ChiNumber, "0101501234")]);
    check("chi: 311299 1234", &[(ChiNumber, "311299 1234")]);
    check("number 1503641234", &[(ChiNumber, "1503641234")]);
}

#[test]
fn uk_phone_numbers_are_found_in_every_common_form() {
    check("rang 07700 900123 today", &[(Phone, "07700 900123")]);
    check("rang 07700900123", &[(Phone, "07700900123")]);
    check("on +44 7700 900123.", &[(Phone, "+44 7700 900123")]);
    check("on +447700900123", &[(Phone, "+447700900123")]);
    check(
        "call +44 (0)20 7946 0958 now",
        &[(Phone, "+44 (0)20 7946 0958")],
    );
    check("call (020) 7946 0958", &[(Phone, "(020) 7946 0958")]);
    check("call 020-7946-0958", &[(Phone, "020-7946-0958")]);
    check(
        "0113 496 0123 or 0118 496 0999",
        &[(Phone, "0113 496 0123"), (Phone, "0118 496 0999")],
    );
    check("0191 498 0123", &[(Phone, "0191 498 0123")]);
    check("freephone 0800 123 4567", &[(Phone, "0800 123 4567")]);
    check(
        "aged 47 07700 900123",
        &[(Age, "aged 47"), (Phone, "07700 900123")],
    );
}

#[test]
fn an_identifier_in_brackets_leaves_both_brackets_outside_the_redaction() {
    check("rang (07700 900123) today", &[(Phone, "07700 900123")]);
    check("rang (0113 496 0123).", &[(Phone, "0113 496 0123")]);
    check("rang (+44 7700 900123)", &[(Phone, "+44 7700 900123")]);
    check("NHS (999 123 4567)", &[(NhsNumber, "999 123 4567")]);
    check("NHS (9991234567)", &[(NhsNumber, "9991234567")]);
    check("lives at (LS1 4AB)", &[(Postcode, "LS1 4AB")]);
    check(
        "mail (jo.bloggs@example.com)",
        &[(Email, "jo.bloggs@example.com")],
    );
    check("seen (03/03/2025)", &[(Date, "03/03/2025")]);
    check("seen [03/03/2025]", &[(Date, "03/03/2025")]);
    // A bracket that belongs to the number stays with it.
    check("call (020) 7946 0958", &[(Phone, "(020) 7946 0958")]);
    check("call ((020) 7946 0958)", &[(Phone, "(020) 7946 0958")]);
}

#[test]
fn a_redacted_phone_number_in_brackets_keeps_its_brackets_balanced() {
    let out = anonymise("Rang her (07700 900123) twice.", &[] as &[&str]);
    assert_eq!(out.text, "Rang her ([phone]) twice.");
}

#[test]
fn emails_urls_and_ip_addresses_are_found() {
    check(
        "mail jo.bloggs+x@example.co.uk.",
        &[(Email, "jo.bloggs+x@example.co.uk")],
    );
    check(
        "see https://example.org/a?b=c, then",
        &[(Url, "https://example.org/a?b=c")],
    );
    check("see www.example.com.", &[(Url, "www.example.com")]);
    check(
        "on facebook.com/jo.bloggs today",
        &[(Url, "facebook.com/jo.bloggs")],
    );
    check("from 192.168.10.254 at", &[(IpAddress, "192.168.10.254")]);
    check(
        "v6 2001:db8:85a3::8a2e:370:7334 ok",
        &[(IpAddress, "2001:db8:85a3::8a2e:370:7334")],
    );
    check("fe80::1 link", &[(IpAddress, "fe80::1")]);
}

#[test]
fn ni_numbers_passports_and_vehicle_registrations_are_found() {
    check("NI QQ123456C", &[(NiNumber, "QQ123456C")]);
    check("NI: qq 12 34 56 c.", &[(NiNumber, "qq 12 34 56 c")]);
    check("NI AB 123456 D", &[(NiNumber, "AB 123456 D")]);
    check("passport number 123456789", &[(Passport, "123456789")]);
    check("passport no. 987654321 expired", &[(Passport, "987654321")]);
    check("car AB12 CDE outside", &[(VehicleReg, "AB12 CDE")]);
    check("car AB12CDE", &[(VehicleReg, "AB12CDE")]);
    check("old car A123 BCD", &[(VehicleReg, "A123 BCD")]);
    check("older car ABC 123D", &[(VehicleReg, "ABC 123D")]);
}

#[test]
fn hospital_case_and_other_reference_numbers_after_their_name_are_found() {
    check(
        "hosp no RX1234567 on the letter",
        &[(IdNumber, "RX1234567")],
    );
    check("MRN 4412398 at LTHT", &[(IdNumber, "4412398")]);
    check("Her ref is UC-884-221.", &[(IdNumber, "UC-884-221")]);
    check("Tenancy ref: LCC/334/2211", &[(IdNumber, "LCC/334/2211")]);
    check("claim number 55-1029-3 pending", &[(IdNumber, "55-1029-3")]);
    // A reference with too few digits to identify anyone, or none at all, is left.
    check("ref to social prescribing", &[]);
    check("case no longer open", &[]);
    check("see reference 12 in the leaflet", &[]);
}

#[test]
fn a_reg_plate_a_month_abbreviation_and_an_age_after_a_birth_date() {
    check("Reg plate AB12 CDE on her car", &[(VehicleReg, "AB12 CDE")]);
    check("Due back 2nd wk of Jan.", &[]);
    check("Jan said she was tired", &[(Name, "Jan")]);
    check(
        "DOB 1/1/1950 (75), lives alone",
        &[(Date, "1/1/1950"), (Age, "75")],
    );
}

#[test]
fn postcodes_full_and_outward_only_in_context_are_found() {
    check("at OX4 3AB.", &[(Postcode, "OX4 3AB")]);
    check("at SW1A 1AA", &[(Postcode, "SW1A 1AA")]);
    check("at ox4 3ab", &[(Postcode, "ox4 3ab")]);
    check("at OX43AB", &[(Postcode, "OX43AB")]);
    check("lives in OX4 now", &[(Postcode, "OX4")]);
    check("the OX4 area", &[(Postcode, "OX4")]);
    check("moved to LS9 last year", &[(Postcode, "LS9")]);
    check("took the A34 north", &[]);
    check("vitamin B12 levels", &[]);
}

#[test]
fn dates_in_numeric_and_word_forms_are_found() {
    check("seen 03/03/2025.", &[(Date, "03/03/2025")]);
    check("seen 3.3.25", &[(Date, "3.3.25")]);
    check("seen 2025-03-03", &[(Date, "2025-03-03")]);
    check("born 3rd March 1961", &[(Date, "3rd March 1961")]);
    check("on March 3rd we met", &[(Date, "March 3rd")]);
    check("on 3 Mar we met", &[(Date, "3 Mar")]);
    check(
        "on Monday 3rd of March 2025",
        &[(Date, "Monday 3rd of March 2025")],
    );
    check("March 3, 1961 it was", &[(Date, "March 3, 1961")]);
    check("back in March 2024 she", &[(Date, "March 2024")]);
    check("DOB: 03/03/61", &[(Date, "03/03/61")]);
    check("she was born in 1961", &[(Date, "1961")]);
    check("see you on 3/4", &[(Date, "3/4")]);
}

#[test]
fn dates_become_weeks_and_birth_dates_are_removed() {
    let mut a = Anonymiser::new::<&str>(&[]);
    assert_eq!(
        a.anonymise("met on 05/03/2025.").text,
        "met on week of 3 Mar 2025."
    );
    assert_eq!(
        a.anonymise("met on Sunday 9 March 2025").text,
        "met on week of 3 Mar 2025"
    );
    assert_eq!(
        a.anonymise("DOB 3rd March 1961").text,
        "DOB [date of birth]"
    );
    assert_eq!(
        a.anonymise("her birthday is 3 March").text,
        "her birthday is [date of birth]"
    );
    assert_eq!(a.anonymise("on March 3rd").text, "on [date]");
    assert_eq!(a.anonymise("on 31/02/2025").text, "on [date]");
}

#[test]
fn exact_ages_are_found_and_become_life_stages() {
    check("a man aged 47 came", &[(Age, "aged 47")]);
    check("Age: 47", &[(Age, "Age: 47")]);
    check("a 47-year-old man", &[(Age, "47-year-old")]);
    check("she is 47 years old", &[(Age, "47 years old")]);
    check("she's 82 and", &[(Age, "82")]);
    check("47yo male", &[(Age, "47yo")]);
    check("her 50th birthday", &[(Age, "50th")]);
    let mut a = Anonymiser::new::<&str>(&[]);
    assert_eq!(a.anonymise("a man aged 47").text, "a man in their forties");
    assert_eq!(
        a.anonymise("a 47-year-old man").text,
        "a forty-something man"
    );
    assert_eq!(
        a.anonymise("she is 82 years old").text,
        "she is an older adult"
    );
    assert_eq!(a.anonymise("a woman aged 82").text, "a woman in later life");
    assert_eq!(a.anonymise("a 15-year-old").text, "a teenage");
}

#[test]
fn addresses_flats_and_named_estates_are_found() {
    check(
        "lives at 14 Acacia Road now",
        &[(Address, "14 Acacia Road")],
    );
    check("at 14a, Mill Lane", &[(Address, "14a, Mill Lane")]);
    check("at 2 Church Street", &[(Address, "2 Church Street")]);
    check("at 14 acacia road", &[(Address, "14 acacia road")]);
    check("in Flat 3 above", &[(Address, "Flat 3")]);
    check(
        "on the Blackbird Leys estate",
        &[(Address, "Blackbird Leys estate")],
    );
    check("moved into Cherwell Hall", &[(Address, "Cherwell Hall")]);
    check("walks down Acacia Road", &[(Address, "Acacia Road")]);
    check("6 weeks down the road", &[]);
}

#[test]
fn listed_names_match_in_any_case_with_possessives_and_initials() {
    check_with("saw okafor today", &["Okafor"], &[(Name, "okafor")]);
    check_with("OKAFOR rang", &["Okafor"], &[(Name, "OKAFOR")]);
    check_with("O'Neill's dog", &["O'Neill"], &[(Name, "O'Neill")]);
    check_with("Okafor’s flat", &["Okafor"], &[(Name, "Okafor")]);
    check_with("met James' mum", &["James"], &[(Name, "James")]);
    check_with("met J. Okafor", &["Joy Okafor"], &[(Name, "J. Okafor")]);
    check_with(
        "met Mrs J Okafor",
        &["Joy Okafor"],
        &[(Name, "Mrs J Okafor")],
    );
    check_with("zoe came", &["Zoë"], &[(Name, "zoe")]);
    check_with("the Hope group", &["Hope"], &[(Name, "Hope")]);
    check_with("brought her joy", &["Joy Okafor"], &[]);
    check_with(
        "at the Rose Hill Surgery",
        &["Rose Hill Surgery"],
        &[(Name, "Rose Hill Surgery")],
    );
}

#[test]
fn honorifics_introduce_names() {
    check(
        "Mrs Abernathy-Quayle came",
        &[(Name, "Mrs Abernathy-Quayle")],
    );
    check("Dr. Zhadanov rang", &[(Name, "Dr. Zhadanov")]);
    check("asked Nurse Ferreira", &[(Name, "Nurse Ferreira")]);
    check("Cllr Pemberton-Smythe", &[(Name, "Cllr Pemberton-Smythe")]);
    check("Mr A. Quayle", &[(Name, "Mr A. Quayle")]);
    check("the nurse said", &[]);
}

#[test]
fn gazetteer_names_are_found_but_everyday_words_need_a_cue() {
    check("spoke with Margaret today", &[(Name, "Margaret")]);
    check("Priya rang", &[(Name, "Priya")]);
    check("I will see Will again in May.", &[(Name, "Will")]);
    check("Will came to the group.", &[(Name, "Will")]);
    check("Will you come? May we talk?", &[]);
    check("May said she was tired", &[(Name, "May")]);
    check("Hope is what she lacks.", &[]);
    check("JOHN SMITH rang", &[(Name, "JOHN SMITH")]);
    check("Grace Okonkwo-Adeyemi", &[(Name, "Grace Okonkwo-Adeyemi")]);
    check("her son Tendai rang", &[(Name, "Tendai")]);
    check("Tendai said no", &[(Name, "Tendai")]);
    check(
        "Priya and Tendai came",
        &[(Name, "Priya"), (Name, "Tendai")],
    );
    check("on Monday in April", &[]);
    check("Appt moved to Weds", &[]);
    // A verb starting the sentence is not part of the name after it.
    check("Sent Rhiannon the link", &[(Name, "Rhiannon")]);
    check("Gave Tunde the voucher", &[(Name, "Tunde")]);
    check("Drove Shabana to her appointment", &[(Name, "Shabana")]);
    check("Haven't heard from Stefan", &[(Name, "Stefan")]);
    check(
        "I held back from telling Tamsin what to do",
        &[(Name, "Tamsin")],
    );
    check("HV done, Tel call booked", &[]);
}

#[test]
fn younger_peoples_names_and_short_forms_are_known_without_a_cue() {
    for name in [
        "Alfie", "Jayden", "Imogen", "Esme", "Aaliyah", "Tyrese", "Chidera", "Kasia", "Tomek",
        "Jasvir", "Nkem", "Sumaira", "Deeqa", "Gaz",
    ] {
        let text = format!("Worried about how {name} is coping");
        check(&text, &[(Name, name)]);
    }
    // Those that are also everyday words still need a cue.
    check("Summer is hard for her", &[]);
    check("her daughter Poppy rang", &[(Name, "Poppy")]);
}

#[test]
fn eldest_youngest_and_oldest_introduce_a_child_by_name() {
    check("youngest Kayden is five", &[(Name, "Kayden")]);
    check("her eldest Brayden is at college", &[(Name, "Brayden")]);
    check("his oldest Tayla moved out", &[(Name, "Tayla")]);
    check("the youngest is five", &[]);
}

#[test]
fn a_surname_after_a_nickname_in_brackets_or_quotes_is_part_of_the_name() {
    check(
        "Margaret (Peggy) Whitworth is housebound",
        &[(Name, "Margaret"), (Name, "Peggy"), (Name, "Whitworth")],
    );
    check(
        "Margaret \"Peggy\" Whitworth is housebound",
        &[(Name, "Margaret"), (Name, "Peggy"), (Name, "Whitworth")],
    );
    // A place in brackets after a name does not make the next word a name.
    check("Tendai (Leeds) Housing rang", &[(Name, "Tendai")]);
}

#[test]
fn negatives_survive_untouched() {
    for s in [
        "PHQ-9 of 14 and GAD-7 of 9",
        "WEMWBS 42/70, SWEMWBS 21/35, ONS4 scores 6, 7, 5, 4",
        "at 10:30 and 2pm, then 14:45",
        "in Room 3 on the 2nd floor",
        "paid £120 and £1,200.50",
        "6 sessions, 3 of 12 attended",
        "app v2.1.3 crashed",
        "75% of people",
        "Will you ring the food bank?",
        "Citizens Advice and Age UK helped with Universal Credit",
        "I felt tired. We agreed a plan.",
    ] {
        check(s, &[]);
    }
}

#[test]
fn overlapping_candidates_merge_into_the_longest_kind() {
    let spans = resolve(vec![
        Span::new(0, 10, Kind::Name),
        Span::new(5, 20, Kind::Address),
        Span::new(30, 35, Kind::Phone),
        Span::new(30, 35, Kind::IdNumber),
    ]);
    assert_eq!(
        spans,
        vec![
            Span::new(0, 20, Kind::Address),
            Span::new(30, 35, Kind::Phone)
        ]
    );
}

#[test]
fn pseudonyms_stay_consistent_across_texts_of_one_export() {
    let mut a = Anonymiser::new(&["Joy Okafor", "Tom Reece"]);
    assert_eq!(a.anonymise("Joy Okafor rang.").text, "Person A rang.");
    assert_eq!(
        a.anonymise("Tom Reece and Mrs Okafor.").text,
        "Person B and Person A."
    );
    assert_eq!(a.anonymise("Joy's flat").text, "Person A's flat");
    assert_eq!(a.anonymise("Priya met Tom").text, "Person C met Person B");
}

#[test]
fn listed_places_get_place_pseudonyms() {
    let mut a = Anonymiser::new(&["Rose Hill Surgery"]);
    assert_eq!(a.anonymise("at Rose Hill Surgery").text, "at Place A");
}

#[test]
fn the_review_step_can_unredact_and_add_spans() {
    let text = "Priya rang about the bank group";
    let mut a = Anonymiser::new::<&str>(&[]);
    let found = a.find(text).spans;
    assert_eq!(found.len(), 1);
    let mut chosen: Vec<Span> = Vec::new();
    chosen.extend(find_phrase(text, "Bank"));
    assert_eq!(
        a.apply(text, &chosen).text,
        "Priya rang about the [redacted] group"
    );
    chosen.extend(found);
    assert_eq!(
        a.apply(text, &chosen).text,
        "Person A rang about the [redacted] group"
    );
}

#[test]
fn apply_survives_spans_that_are_reversed_out_of_range_or_mid_character() {
    let text = "Zoë é";
    let mut a = Anonymiser::new::<&str>(&[]);
    let out = a.apply(
        text,
        &[
            Span::new(2, 3, Kind::Other),
            Span::new(9, 4, Kind::Other),
            Span::new(100, 200, Kind::Other),
        ],
    );
    assert!(out.text.starts_with("Zo[redacted]"));
}

#[test]
fn kinds_round_trip_through_their_stable_codes() {
    for k in Kind::ALL {
        assert_eq!(Kind::from_code(k.code()), Some(k));
        assert!(!k.label().is_empty());
        let json = serde_json::to_string(&Span::new(1, 2, k)).unwrap_or_default();
        assert!(json.contains(k.code()));
    }
}

#[test]
fn quasi_identifiers_are_warned_about_not_redacted() {
    let text =
        "a Somali Muslim with motor neurone disease, a retired headteacher at Rose Hill Surgery";
    let out = anonymise::<&str>(text, &[]);
    let kinds: Vec<QuasiKind> = out.warnings.iter().map(|w| w.kind).collect();
    assert!(kinds.contains(&QuasiKind::Ethnicity));
    assert!(kinds.contains(&QuasiKind::Religion));
    assert!(kinds.contains(&QuasiKind::Condition));
    assert!(kinds.contains(&QuasiKind::JobTitle));
    assert!(kinds.contains(&QuasiKind::Practice));
    assert!(out.text.contains("Somali Muslim"));
}

#[test]
fn pseudonym_letters_run_past_z() {
    assert_eq!(letters(0), "A");
    assert_eq!(letters(25), "Z");
    assert_eq!(letters(26), "AA");
    assert_eq!(letters(27), "AB");
}

#[test]
fn everyday_words_that_are_names_need_a_context() {
    // Sentence-start "Will", "May", "Grace", "Bill" with no cue are words.
    for text in [
        "Will ring her back tomorrow.",
        "May be worth trying the choir.",
        "Grace period on the loan ends soon.",
        "Lasting Power of Attorney is in place.",
        "the Deputy Head rang about attendance",
    ] {
        check(text, &[]);
    }
    // With a cue they are people.
    check("Bill arrived late.", &[(Name, "Bill")]);
    check("I spoke to Hope about it.", &[(Name, "Hope")]);
    check("her daughter Grace came", &[(Name, "Grace")]);
}

#[test]
fn names_in_lower_case_need_a_lower_case_note_or_a_cue() {
    check("saw kwame today. he said rent is late", &[(Name, "kwame")]);
    check("Met her son kwame today.", &[(Name, "kwame")]);
    check("spoke to mrs adeyemi re housing", &[(Name, "mrs adeyemi")]);
    // In a note written with capitals, a lower-case gazetteer word with no cue is left.
    check("We talked about the amir of the mosque.", &[]);
}

#[test]
fn nicknames_and_full_forms_of_listed_names_are_redacted() {
    check_with(
        "Maggie came, then Peggy rang.",
        &["Margaret Okafor"],
        &[(Name, "Maggie"), (Name, "Peggy")],
    );
    check_with("Margaret rang.", &["Maggie Okafor"], &[(Name, "Margaret")]);
    // A nickname that is an everyday word only counts capitalised ("will" for William).
    check_with("I will ring Will.", &["William Tran"], &[(Name, "Will")]);
    // A phrase the worker adds in the review is matched exactly, without nicknames.
    assert!(find_phrase("William came", "Bill").is_empty());
    assert_eq!(find_phrase("Bill came", "Bill").len(), 1);
    // All three share one pseudonym.
    let mut a = Anonymiser::new(&["Margaret Okafor"]);
    assert_eq!(
        a.anonymise("Margaret Okafor, Maggie and Mrs Okafor").text,
        "Person A, Person A and Person A"
    );
}

#[test]
fn hyphenated_and_double_barrelled_surnames_are_taken_whole() {
    check(
        "Saw Grace Okonkwo-Adeyemi today",
        &[(Name, "Grace Okonkwo-Adeyemi")],
    );
    check("with Mr Bonham Carter", &[(Name, "Mr Bonham Carter")]);
    check("rang Kerry-Ann back", &[(Name, "Kerry-Ann")]);
}

#[test]
fn a_name_found_once_is_found_again_later_in_the_note_but_not_a_date_beside_a_number() {
    // "Jan" gets no cue the second time; its first mention, beside a surname, made it a name.
    check(
        "Saw Jan and Marek Kowalczyk together, Jan translating.",
        &[(Name, "Jan"), (Name, "Marek Kowalczyk"), (Name, "Jan")],
    );
    check(
        "Saw Jan Nowak on 5 Jan, and Jan 12th again; Jan seemed brighter.",
        &[
            (Name, "Jan Nowak"),
            (Date, "5 Jan"),
            (Date, "Jan 12th"),
            (Name, "Jan"),
        ],
    );
    // Nothing named, nothing spread: the month stays a month.
    check("due back 2nd wk of Jan, Jan is busy", &[]);
}

#[test]
fn codes_that_open_a_home_are_redacted() {
    check(
        "Key safe code 0451 by the back door. Keysafe is 1234.",
        &[(IdNumber, "0451"), (IdNumber, "1234")],
    );
    check(
        "Gate code 2580; alarm code is 9999, door code: 4471.",
        &[(IdNumber, "2580"), (IdNumber, "9999"), (IdNumber, "4471")],
    );
    // Under four digits is not a code worth the name, and "code" alone is not one.
    check("the door code 12 and code 4471", &[]);
}

#[test]
fn nine_digits_alone_are_a_reference_and_a_passport_only_when_named() {
    check(
        "UC claim ref 123456789; passport number 987654321.",
        &[(IdNumber, "123456789"), (Passport, "987654321")],
    );
    check("ring back re 123456789", &[(IdNumber, "123456789")]);
}

#[test]
fn a_possessive_starting_a_sentence_is_a_name_but_not_an_abbreviation_or_an_abstract_noun() {
    check(
        "Rashida's benefits stopped last week.",
        &[(Name, "Rashida")],
    );
    check(
        "Pt's NI no is due. Anxiety's worse. Today's session was long.",
        &[],
    );
}

#[test]
fn a_bare_age_after_a_relation_and_a_name() {
    check(
        "lives w grandson Callum 19 who has ADHD",
        &[(Name, "Callum"), (Age, "19")],
    );
    // A count after a name is not an age.
    check("gave grandson Callum 20 quid", &[(Name, "Callum")]);
}

#[test]
fn reg_before_a_plate_is_not_a_name() {
    check(
        "Reg AB51 XYZ, blue badge holder",
        &[(VehicleReg, "AB51 XYZ")],
    );
}

#[test]
fn surnames_that_are_everyday_words_are_taken_after_a_title_or_a_given_name() {
    check(
        "Mrs Hall rang; Mr Ward too",
        &[(Name, "Mrs Hall"), (Name, "Mr Ward")],
    );
    check(
        "Saw Jo Ward and Sam Parkinson, then Grace Costa",
        &[
            (Name, "Jo Ward"),
            (Name, "Sam Parkinson"),
            (Name, "Grace Costa"),
        ],
    );
    // The conditions and the places keep their words.
    check(
        "She has Parkinson's and Addison's disease; met at Costa on Ward 5",
        &[],
    );
}

#[test]
fn names_that_were_kept_out_as_other_words_are_names_again() {
    // "Marie" was kept out for Marie Curie, "Pam" for the Patient Activation Measure.
    check(
        "Saw Marie today, and Pam",
        &[(Name, "Marie"), (Name, "Pam")],
    );
    check(
        "Sister Marie-Claire rings",
        &[(Name, "Sister Marie-Claire")],
    );
    check("The Marie Curie nurse came. PAM score 52", &[]);
    check("Met Addison today", &[(Name, "Addison")]);
}

#[test]
fn a_name_alone_in_brackets_or_after_a_colon_in_a_list_of_family() {
    check(
        "Caseworker at Citizens Advice (Rob) helping with debt",
        &[(Name, "Rob")],
    );
    check(
        "Son: Kacper (8). Daughter: Zuzia (5).",
        &[(Name, "Kacper"), (Age, "8"), (Name, "Zuzia"), (Age, "5")],
    );
    check("Next group (Monday), back in (May)", &[]);
}

#[test]
fn social_media_handles_are_web_addresses_and_times_are_not() {
    check(
        "Her Facebook is @lorraine.hebden62, insta @_kwame_b.",
        &[(Url, "@lorraine.hebden62"), (Url, "@_kwame_b")],
    );
    check("meet @3pm @ the hub", &[]);
}

/// The bad input of issue 13: each must finish (no freeze) without a panic, with sound
/// spans, and still find what it should. How long each takes is measured in
/// `benches/anonymise.rs`, not here.
mod bad_input {
    use super::*;

    fn sound(text: &str, out: &Anonymised) {
        let mut last = 0;
        for r in &out.redactions {
            assert!(r.start < r.end && r.end <= text.len() && r.start >= last);
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            last = r.end;
        }
    }

    #[test]
    fn fifty_thousand_digits_are_one_reference_number_not_a_freeze() {
        let text: String = (0..50_000)
            .map(|i| char::from(b'0' + (i % 10) as u8))
            .collect();
        let out = anonymise::<&str>(&text, &[]);
        sound(&text, &out);
        // Nothing of the digits is left readable.
        assert!(
            !out.text.chars().any(|c| c.is_ascii_digit()),
            "{}",
            &out.text[..80]
        );
    }

    #[test]
    fn an_all_capitals_reflection_keeps_its_words_and_loses_its_identifiers() {
        let text = "SAW ABDULLAHI TODAY AT THE HUB. HE IS 47 AND LIVES AT 14 ACACIA ROAD OX4 3AB. \
                    NHS 999 000 1006, MOBILE 07700 900123. WE TALKED ABOUT THE DEBT AND THE \
                    WAITING LIST, AND I WILL FOLLOW UP WITH THE COUNCIL NEXT WEEK. "
            .repeat(20);
        let out = anonymise::<&str>(&text, &[]);
        sound(&text, &out);
        for gone in [
            "ABDULLAHI",
            "999 000 1006",
            "07700 900123",
            "OX4 3AB",
            "14 ACACIA ROAD",
        ] {
            assert!(
                !out.text.contains(gone),
                "{gone} left in {}",
                &out.text[..300]
            );
        }
        for kept in ["WAITING LIST", "COUNCIL", "DEBT", "FOLLOW UP"] {
            assert!(out.text.contains(kept), "{kept} was redacted");
        }
    }

    #[test]
    fn a_thousand_email_like_tokens_are_each_redacted_once() {
        let text: String = (0..1000)
            .map(|i| format!("user{i}.name@example{}.org; ", i % 7))
            .collect();
        let out = anonymise::<&str>(&text, &[]);
        sound(&text, &out);
        let emails = out.redactions.iter().filter(|r| r.kind == Email).count();
        assert_eq!(emails, 1000);
        // And near-misses with no domain or no user are left alone, without a freeze.
        let junk = "@@@ a@ @b .@. ".repeat(1000);
        let out = anonymise::<&str>(&junk, &[]);
        sound(&junk, &out);
    }

    #[test]
    fn right_to_left_and_combining_characters_keep_spans_on_char_boundaries() {
        let text = "\u{202E}Saw Kwame \u{202C} \u{0627}\u{0644}\u{0633}\u{0644}\u{0627}\u{0645} \
                    rang 07700 900123 \u{05E9}\u{05DC}\u{05D5}\u{05DD} Zo\u{0308}e\u{0301}\u{0301} \
                    Jose\u{0301} O\u{0301}Neill, \u{200F}NHS 999 000 1006\u{200E} a\u{0300}\u{0300}\u{0300}"
            .repeat(50);
        let out = anonymise(&text, &["José"]);
        sound(&text, &out);
        assert!(!out.text.contains("07700 900123"));
        assert!(!out.text.contains("999 000 1006"));
        assert!(!out.text.contains("Kwame"));
    }

    #[test]
    fn a_list_of_two_thousand_overlapping_names_finds_the_longest() {
        // Names that share words: "Ann", "Ann Lee", "Lee Ann Smith", "Mary Ann Lee", ...
        let first = [
            "Ann", "Mary", "Lee", "Jo", "Kwame", "Siobhan", "Priya", "Tomasz",
        ];
        let last = [
            "Lee", "Smith", "Okafor", "Ann", "Patel", "Nowak", "Mensah", "Byrne",
        ];
        let mut names: Vec<String> = Vec::new();
        'fill: for a in 0..60 {
            for (i, f) in first.iter().enumerate() {
                for (j, l) in last.iter().enumerate() {
                    names.push(format!(
                        "{f} {l}{}",
                        if a == 0 {
                            String::new()
                        } else {
                            format!("-{a}x{i}{j}")
                        }
                    ));
                    if names.len() == 2000 {
                        break 'fill;
                    }
                }
            }
        }
        names.push("Ann".into());
        names.push("Mary Ann Lee".into());
        let a = Anonymiser::new(&names);
        let text = "Mary Ann Lee met Ann and Lee Smith; Tomasz Byrne rang.".repeat(40);
        let out = a.clone().anonymise(&text);
        sound(&text, &out);
        for gone in ["Mary", "Ann", "Lee", "Smith", "Tomasz", "Byrne"] {
            assert!(!out.text.contains(gone), "{gone} in {}", &out.text[..120]);
        }
        // Adding one phrase to redact is quick even with the long list (see the bench).
        assert_eq!(find_phrase(&text, "met").len(), 40);
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn arbitrary_input_never_panics_and_spans_sit_on_char_boundaries(text in "\\PC{0,200}", name in "\\PC{0,12}") {
            let mut a = Anonymiser::new(&[name.as_str()]);
            let out = a.anonymise(&text);
            let mut last = 0;
            for r in &out.redactions {
                prop_assert!(r.start < r.end && r.end <= text.len() && r.start >= last);
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                last = r.end;
            }
            for w in &out.warnings {
                prop_assert!(text.is_char_boundary(w.start) && text.is_char_boundary(w.end));
            }
        }

        #[test]
        fn digit_and_punctuation_soup_never_panics(text in "[0-9 +()./:@-]{0,80}") {
            let _ = anonymise::<&str>(&text, &[]);
        }

        #[test]
        fn no_listed_name_survives_whatever_its_case_or_possessive(
            name in "[A-Za-z]{3,10}",
            before in "[a-zA-Z0-9 ,.!?;:()\n]{0,40}",
            after in "[a-zA-Z0-9 ,.!?;:()\n]{0,40}",
            case in 0..4u8,
            possessive in 0..4u8,
        ) {
            let lower = name.to_lowercase();
            prop_assume!(!matches!(lower.as_str(), "person" | "place"));
            let shown = match case { 0 => name.clone(), 1 => name.to_uppercase(), 2 => lower.clone(), _ => {
                let mut c = lower.chars();
                c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
            }};
            let suffix = ["", "'s", "\u{2019}s", "'"][possessive as usize];
            let text = format!("{before} {shown}{suffix} {after}");
            let out = anonymise(&text, &[name.as_str()]);
            let toks = text::tokenize(&out.text);
            for t in toks {
                let w = text::fold(t.text(&out.text));
                prop_assert_ne!(text::strip_possessive(&w), lower.as_str(), "in {:?}", out.text);
            }
        }
    }
}
