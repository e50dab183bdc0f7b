//! Names, found four ways: (1) the worker's private list of names and places, matched
//! case-insensitively as whole words, with possessives ("O'Neill's", "Okafor’s", "James'")
//! and initials ("J. Okafor", "Mrs J Okafor"); (2) honorifics ("Mrs", "Dr", "Nurse", "Cllr")
//! followed by capitalised words; (3) capitalised words found in the forename/surname
//! gazetteer, where names that are also everyday words ("Will", "May", "Hope", "Brown") or
//! months need more evidence: not starting a sentence, or a cue such as a neighbouring name,
//! "said", "her son", a possessive; and capitalised words outside the gazetteer that sit in
//! such a cue ("her son Tendai", "Tendai said"); (4) all-capital and lower-case forms of
//! listed names (by the case-insensitive match) and all-capital gazetteer names ("JOHN").

use super::dates::{is_month_word, is_weekday};
use super::gazetteer::{is_ambiguous_name, is_common_word, is_name, nickname_variants};
use super::text::{
    fold, fold_into, gap_before, is_space_gap, possessive_len, strip_possessive, tokenize, Token,
    ALL_LOWER, ALL_UPPER, SENTENCE_START,
};
use super::{Kind, Span};
use std::collections::BTreeMap;

/// Titles that introduce a name. Compared folded, without a trailing full stop.
pub(crate) fn is_honorific(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mrs"
            | "ms"
            | "miss"
            | "mx"
            | "dr"
            | "doctor"
            | "nurse"
            | "prof"
            | "professor"
            | "rev"
            | "revd"
            | "reverend"
            | "sister"
            | "brother"
            | "father"
            | "fr"
            | "cllr"
            | "councillor"
            | "sir"
            | "dame"
            | "lady"
            | "lord"
            | "canon"
            | "pastor"
            | "imam"
            | "rabbi"
            | "sgt"
            | "sergeant"
            | "pc"
            | "captain"
            | "capt"
            | "matron"
            | "midwife"
            | "auntie"
            | "aunty"
            | "uncle"
            | "nan"
            | "nana"
            | "grandma"
            | "grandad"
            | "mrs."
            | "mr."
            | "master"
            | "madam"
            | "mme"
            | "herr"
            | "frau"
            | "sr"
            | "bro"
    )
}

/// A word kept out of names elsewhere that is also a surname or given name in the
/// gazetteer ("Hall", "Ward", "Costa", "Parkinson"): taken as one in a name's place,
/// after a title or a given name. Days and months never are ("June" is in the gazetteer).
pub(crate) fn is_surname_stop_word(w: &str) -> bool {
    w.len() >= 3 && is_stop_word(w) && is_name(w) && !is_weekday(w) && !is_month_word(w)
}

/// Conditions named after someone ("Parkinson's", "Addison's disease"): everyday words in
/// notes only as the condition, with "'s" or before "disease" or "syndrome". Otherwise
/// the surname or given name ("Sam Parkinson", "Met Addison").
fn is_eponym(w: &str) -> bool {
    matches!(
        w,
        "addison"
            | "parkinson"
            | "huntington"
            | "cushing"
            | "hodgkin"
            | "crohn"
            | "tourette"
            | "alzheimer"
            | "asperger"
            | "raynaud"
            | "meniere"
            | "korsakoff"
    )
}

/// Capitalised words that are never names on their own: pronouns, sentence starters, the
/// vocabulary of services and measures. (The worker's own list still wins over this.)
pub(crate) fn is_stop_word(w: &str) -> bool {
    is_weekday(w)
        || is_month_word(w)
        || matches!(
            w,
            "i" | "i'm"
                | "i've"
                | "i'd"
                | "i'll"
                | "he"
                | "she"
                | "they"
                | "we"
                | "you"
                | "it"
                | "he's"
                | "she's"
                | "they're"
                | "we're"
                | "it's"
                | "that's"
                | "there's"
                | "what's"
                | "his"
                | "her"
                | "their"
                | "our"
                | "my"
                | "your"
                | "its"
                | "him"
                | "them"
                | "us"
                | "the"
                | "a"
                | "an"
                | "this"
                | "that"
                | "these"
                | "those"
                | "there"
                | "here"
                | "and"
                | "but"
                | "or"
                | "so"
                | "then"
                | "also"
                | "if"
                | "when"
                | "while"
                | "after"
                | "before"
                | "because"
                | "although"
                | "though"
                | "as"
                | "at"
                | "on"
                | "in"
                | "to"
                | "of"
                | "for"
                | "with"
                | "by"
                | "from"
                | "about"
                | "into"
                | "over"
                | "under"
                | "not"
                | "no"
                | "yes"
                | "ok"
                | "okay"
                | "today"
                | "yesterday"
                | "tomorrow"
                | "tonight"
                | "morning"
                | "afternoon"
                | "evening"
                | "later"
                | "earlier"
                | "next"
                | "last"
                | "first"
                | "second"
                | "third"
                | "finally"
                | "overall"
                | "still"
                | "just"
                | "everyone"
                | "someone"
                | "somebody"
                | "nobody"
                | "anyone"
                | "everybody"
                | "nothing"
                | "something"
                | "anything"
                | "everything"
                | "who"
                | "what"
                | "which"
                | "where"
                | "why"
                | "how"
                | "mum"
                | "dad"
                | "mom"
                | "gran"
                | "granny"
                | "nan"
                | "god"
                | "jesus"
                | "allah"
                | "lord"
                | "christmas"
                | "easter"
                | "ramadan"
                | "eid"
                | "diwali"
                | "hanukkah"
                | "boxing"
                | "new"
                | "year"
                | "bank"
                | "holiday"
                | "nhs"
                // Note-taking shorthand that starts a line ("Appt moved to Weds").
                | "appt"
                | "appts"
                | "hv"
                | "tel"
                | "f2f"
                | "dna"
                | "dnas"
                | "gp"
                | "gps"
                | "pcn"
                | "a&e"
                | "ae"
                | "ccg"
                | "icb"
                | "ics"
                | "dwp"
                | "hmrc"
                | "pip"
                | "esa"
                | "uc"
                | "dla"
                | "universal"
                | "credit"
                | "council"
                | "housing"
                | "services"
                | "service"
                | "team"
                | "trust"
                | "foundation"
                | "hospital"
                | "clinic"
                | "surgery"
                | "practice"
                | "centre"
                | "center"
                | "church"
                | "mosque"
                | "temple"
                | "gurdwara"
                | "synagogue"
                | "school"
                | "college"
                | "university"
                | "library"
                | "group"
                | "club"
                | "society"
                | "network"
                | "hub"
                | "project"
                | "charity"
                | "advice"
                | "citizens"
                | "job"
                | "jobcentre"
                | "plus"
                | "mental"
                | "health"
                | "social"
                | "care"
                | "home"
                | "support"
                | "community"
                | "food"
                | "age"
                | "uk"
                | "mind"
                | "samaritans"
                | "macmillan"
                | "shelter"
                | "curie"
                | "oxfam"
                | "barnardo's"
                | "talking"
                | "therapies"
                | "phq"
                | "gad"
                | "wemwbs"
                | "swemwbs"
                | "ons"
                | "ons4"
                | "mycaw"
                | "english"
                | "british"
                | "welsh"
                | "scottish"
                | "irish"
                | "polish"
                | "european"
                | "zoom"
                | "teams"
                | "whatsapp"
                | "facebook"
                | "google"
                | "tesco"
                | "asda"
                | "aldi"
                | "lidl"
                | "boots"
                | "greggs"
                | "costa"
                | "sainsbury's"
                | "morrisons"
                | "reception"
                | "receptionist"
                | "staff"
                | "manager"
                | "supervisor"
                | "patient"
                | "client"
                | "doctor"
                | "nurse"
                | "dr"
                | "mr"
                | "mrs"
                | "ms"
                | "miss"
                | "mx"
                | "note"
                | "notes"
                | "plan"
                | "action"
                | "actions"
                | "feelings"
                | "description"
                | "evaluation"
                | "analysis"
                | "conclusion"
                | "now"
                | "session"
                | "sessions"
                | "week"
                | "weeks"
                | "month"
                | "months"
                | "road"
                | "street"
                | "avenue"
                | "lane"
                | "estate"
                | "hall"
                | "house"
                | "flat"
                | "room"
                | "unit"
                | "ward"
                | "floor"
                | "building"
                | "park"
                | "wellbeing"
                | "anchor"
                | "point"
                | "link"
                | "worker"
                | "workers"
                | "prescribing"
                | "prescriber"
                | "referral"
                | "referred"
                | "self"
                | "safeguarding"
                | "update"
                | "follow"
                | "re"
                | "fw"
                | "fwd"
                | "cc"
                | "ps"
                | "nb"
                | "eg"
                | "ie"
                | "etc"
                | "am"
                | "pm"
                | "dear"
                | "hi"
                | "hello"
                | "thanks"
                | "thank"
                | "regards"
                | "best"
                | "kind"
                | "went"
                | "came"
                | "felt"
                | "said"
                | "told"
                | "asked"
                | "spoke"
                | "rang"
                | "met"
                | "saw"
                | "had"
                | "has"
                | "have"
                | "was"
                | "were"
                | "is"
                | "are"
                | "be"
                | "would"
                | "could"
                | "should"
                | "might"
                | "must"
                | "can"
                | "did"
                | "do"
                | "does"
                | "don't"
                | "didn't"
                | "won't"
                | "can't"
                | "let's"
                | "maybe"
                | "perhaps"
                | "hopefully"
                | "unfortunately"
                | "luckily"
                | "sadly"
                | "really"
                | "very"
                // People named by their role, not their name ("Neighbour said").
                | "neighbour"
                | "neighbours"
                | "neighbor"
                | "landlord"
                | "landlady"
                | "carer"
                | "carers"
                | "husband"
                | "wife"
                | "partner"
                | "son"
                | "daughter"
                | "friend"
                | "family"
                | "mother"
                | "father"
                | "grandson"
                | "granddaughter"
                | "nephew"
                | "niece"
                | "cousin"
                | "officer"
                | "volunteer"
                | "volunteers"
                | "counsellor"
                | "therapist"
                | "pharmacist"
                | "tenant"
                | "resident"
                | "residents"
                | "police"
                | "paramedic"
                | "paramedics"
                | "consultant"
                | "physio"
                | "dietitian"
                | "interpreter"
                | "translator"
                | "advocate"
                | "solicitor"
                | "judge"
                | "teacher"
                | "headteacher"
                | "senco"
                | "befriender"
                | "keyworker"
                | "caseworker"
                | "coordinator"
                | "clients"
                | "patients"
                | "kids"
                | "children"
                | "baby"
                | "parents"
                | "sister-in-law"
                | "everyone's"
                // Eponyms of conditions ("Parkinson's", "Crohn's"): `quasi` warns about these.
                | "parkinson"
                | "parkinsons"
                | "alzheimer"
                | "alzheimers"
                | "crohn"
                | "crohns"
                | "huntington"
                | "huntingtons"
                | "asperger"
                | "aspergers"
                | "hodgkin"
                | "tourette"
                | "tourettes"
                | "raynaud"
                | "addison"
                | "cushing"
                | "meniere"
                | "korsakoff"
                | "bell's"
                | "down's"
        )
}

/// All-capital abbreviations common in notes that are also gazetteer names ("CAT" therapy,
/// "MAC" address, "JAN" as a month).
fn is_acronym(w: &str) -> bool {
    matches!(
        w,
        "cat"
            | "mac"
            | "jan"
            | "rob"
            | "van"
            | "les"
            | "sue"
            | "don"
            | "ned"
            | "lea"
            | "dee"
            | "cam"
            // The Patient Activation Measure ("PAM score 52"); "Pam" is a name.
            | "pam"
    )
}

/// A capitalised sentence starter that is a verb or adverb, not a name ("Visited Doris",
/// "Helped Sandra", "Apparently Dean..."): names rarely end like this, and the ones that do
/// ("Fleming", "Golding") are in the gazetteer, which is asked first.
fn looks_like_verb_or_adverb(w: &str) -> bool {
    (w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly")))
        // "Haven't heard from Stefan", "Didn't see Kemi".
        || w.ends_with("n't")
        || w.ends_with("n\u{2019}t")
        // "Sent Rhiannon the link", "Gave Tunde the voucher": irregular past tenses that
        // start a note's sentence, which the endings above miss.
        || is_left_cue(w)
        || matches!(
            w,
            "sent"
                | "gave"
                | "got"
                | "went"
                | "came"
                | "made"
                | "found"
                | "left"
                | "brought"
                | "kept"
                | "heard"
                | "felt"
                | "thought"
                | "bought"
                | "paid"
                | "held"
                | "let"
                | "put"
                | "sat"
                | "spoke"
                | "wrote"
                | "spent"
                | "lent"
                | "knew"
                | "forgot"
                | "began"
                | "chose"
                | "gives"
                | "give"
                | "send"
                | "sends"
                | "meet"
                | "let's"
                | "caught"
                | "taught"
        )
}

/// "jan", "jun", "sept": month abbreviations that are also gazetteer names.
fn is_month_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Lower-case words after which a capitalised word is probably a person ("her son Tendai").
fn is_left_cue(w: &str) -> bool {
    matches!(
        w,
        "called"
            | "named"
            | "son"
            | "daughter"
            | "wife"
            | "husband"
            | "partner"
            | "mum"
            | "mom"
            | "dad"
            | "mother"
            | "father"
            | "brother"
            | "sister"
            | "sibling"
            | "grandson"
            | "granddaughter"
            | "grandmother"
            | "grandfather"
            | "nan"
            | "nana"
            | "nanna"
            | "gran"
            | "granny"
            | "grandma"
            | "grandad"
            | "grandpa"
            | "friend"
            | "neighbour"
            | "neighbor"
            | "carer"
            | "uncle"
            | "aunt"
            | "auntie"
            | "aunty"
            | "cousin"
            | "niece"
            | "nephew"
            | "boyfriend"
            | "girlfriend"
            | "fiancé"
            | "fiance"
            | "fiancee"
            | "fiancée"
            | "colleague"
            | "client"
            | "patient"
            | "met"
            | "saw"
            | "visited"
            | "phoned"
            | "rang"
            | "texted"
            | "emailed"
            | "told"
            | "asked"
            | "thanked"
            | "supporting"
            | "supported"
            | "helped"
            | "introduced"
            | "referred"
            | "seeing"
            | "meeting"
            | "mr"
            | "mrs"
            | "ms"
            | "stepson"
            | "stepdaughter"
            | "stepbrother"
            | "stepsister"
            | "godson"
            | "goddaughter"
            | "twin"
            // "youngest Kayden is five": a child named after their place in the family.
            | "youngest"
            | "eldest"
            | "oldest"
            | "stepmum"
            | "stepdad"
            | "ex"
            | "lodger"
            | "flatmate"
            // Verbs whose object is nearly always a person ("Took Zephyrine to the shops").
            | "took"
            | "drove"
            | "accompanied"
            | "collected"
            | "reassured"
            | "encouraged"
            | "signposted"
            | "advised"
            | "reminded"
            | "invited"
            | "welcomed"
            | "greeted"
            | "hugged"
            | "contacted"
            | "messaged"
            | "chased"
            | "phone"
            | "ring"
            | "call"
            | "text"
            | "email"
            | "visit"
            | "see"
            | "tell"
            | "telling"
            | "ask"
            | "mate"
            | "pal"
            | "bestie"
            | "hubby"
            | "missus"
            | "with"
            | "housemate"
            | "landlord"
            | "landlady"
            | "befriender"
            | "volunteer"
    )
}

/// Lower-case words before which a capitalised word is probably a person ("Tendai said").
fn is_right_cue(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "told"
            | "tells"
            | "asked"
            | "asks"
            | "mentioned"
            | "explained"
            | "felt"
            | "feels"
            | "wants"
            | "wanted"
            | "cried"
            | "phoned"
            | "rang"
            | "emailed"
            | "texted"
            | "arrived"
            | "agreed"
            | "admitted"
            | "disclosed"
            | "shared"
            | "seemed"
            | "looked"
            | "laughed"
            | "smiled"
            | "replied"
            | "talked"
            | "spoke"
            | "came"
            | "went"
            | "lives"
            | "lived"
            | "died"
            | "passed"
            | "thinks"
            | "thought"
            | "hopes"
            | "hoped"
            | "struggles"
            | "struggled"
            | "attended"
            | "missed"
            | "booked"
            | "cancelled"
            | "declined"
            | "refused"
            | "opened"
            | "became"
            | "described"
            | "reported"
            | "admits"
            | "worries"
            | "worried"
            | "misses"
            | "visits"
            | "visited"
            | "cares"
            | "cared"
            | "joined"
            | "left"
            | "moved"
            | "turned"
            | "mentions"
            | "explains"
            // Verbs whose subject is nearly always a person ("Tendai hasn't eaten"); not
            // "has", which places and services do too ("Oxford has a new scheme").
            | "hasn't"
            | "hasnt"
            | "didnt"
            | "doesnt"
            | "cant"
            | "hadn't"
            | "didn't"
            | "doesn't"
            | "wasn't"
            | "isn't"
            | "can't"
            | "won't"
            | "couldn't"
            | "wouldn't"
            | "needs"
            | "needed"
            | "seems"
            | "got"
            | "gets"
            | "loves"
            | "loved"
            | "likes"
            | "liked"
            | "hates"
            | "enjoys"
            | "enjoyed"
            | "finds"
            | "found"
            | "knows"
            | "knew"
            | "keeps"
            | "kept"
            | "tried"
            | "tries"
            | "brought"
            | "took"
            | "gave"
            | "heard"
            | "stayed"
            | "stays"
            | "sleeps"
            | "slept"
            | "drinks"
            | "drank"
            | "works"
            | "worked"
            | "lost"
            | "managed"
            | "forgot"
            | "remembered"
            | "apologised"
            | "sighed"
            | "shouted"
            | "whispered"
            | "nodded"
            | "sobbed"
            | "texts"
            | "calls"
    )
}

/// Words that make a listed name a place rather than a person (so its pseudonym is
/// "Place A") and keep its parts from matching alone ("surgery" must not be redacted
/// everywhere because "Rose Hill Surgery" is listed).
fn is_place_word(w: &str) -> bool {
    matches!(
        w,
        "road"
            | "street"
            | "avenue"
            | "lane"
            | "close"
            | "drive"
            | "crescent"
            | "estate"
            | "surgery"
            | "practice"
            | "centre"
            | "center"
            | "hall"
            | "court"
            | "park"
            | "church"
            | "school"
            | "club"
            | "group"
            | "house"
            | "farm"
            | "village"
            | "library"
            | "cafe"
            | "café"
            | "pub"
            | "mosque"
            | "temple"
            | "gurdwara"
            | "community"
            | "ward"
            | "unit"
            | "hospital"
            | "clinic"
            | "medical"
            | "health"
            | "pcn"
            | "hub"
            | "project"
            | "trust"
            | "foundation"
            | "way"
            | "place"
            | "gardens"
            | "green"
            | "square"
            | "terrace"
            | "tower"
            | "towers"
            | "lodge"
            | "hostel"
            | "flats"
            | "manor"
            | "bank"
            | "shop"
            | "store"
            | "market"
            | "hotel"
            | "inn"
            | "arms"
            | "chapel"
            | "academy"
            | "nursery"
            | "home"
            | "homes"
            | "team"
            | "services"
            | "service"
            | "society"
            | "association"
            | "partnership"
            | "town"
            | "city"
            | "borough"
            | "leys"
            | "hill"
            | "the"
            | "of"
    )
}

#[derive(Debug, Clone)]
struct Entry {
    /// Folded words of the entry ("joy", "okafor").
    words: Vec<String>,
    key: String,
    place: bool,
}

/// The worker's private list of names and places, prepared for matching.
#[derive(Debug, Clone, Default)]
pub(crate) struct NameList {
    entries: Vec<Entry>,
    /// First folded word -> entries starting with it (longest first).
    by_first: BTreeMap<String, Vec<usize>>,
    /// Single words that match on their own: whole one-word entries, and the name parts
    /// of multi-word person entries.
    parts: BTreeMap<String, usize>,
    /// Nicknames and full forms of listed forenames ("Maggie" and "Peggy" for a listed
    /// "Margaret Okafor", "Margaret" for a listed "Maggie"): they match like name parts.
    nicknames: BTreeMap<String, usize>,
    /// Entry key -> index, so a list of thousands of names is prepared in n log n.
    keys: BTreeMap<String, usize>,
}

impl NameList {
    /// The worker's list, with the nicknames and full forms of its forenames.
    pub(crate) fn new<S: AsRef<str>>(names: &[S]) -> NameList {
        NameList::build(names, true)
    }

    /// Exactly the given phrases, without nicknames: how the review step finds one phrase
    /// the worker chose ("Bill" must not also redact "William").
    pub(crate) fn exact<S: AsRef<str>>(names: &[S]) -> NameList {
        NameList::build(names, false)
    }

    fn build<S: AsRef<str>>(names: &[S], nicknames: bool) -> NameList {
        let mut list = NameList::default();
        for raw in names {
            let raw = raw.as_ref();
            let toks = tokenize(raw);
            let words: Vec<String> = toks
                .iter()
                .map(|t| strip_possessive(&fold(t.text(raw))).to_string())
                .collect();
            if words.is_empty() {
                continue;
            }
            let key = words.join(" ");
            if list.keys.contains_key(&key) {
                continue;
            }
            let place = words.len() > 1 && words.iter().any(|w| is_place_word(w));
            let id = list.entries.len();
            list.keys.insert(key.clone(), id);
            if !place && nicknames {
                // The forename's nicknames and full forms: the first word that is not an
                // honorific or an initial.
                if let Some(first) = words
                    .iter()
                    .find(|w| w.chars().count() > 1 && !is_honorific(w))
                {
                    for v in nickname_variants(first) {
                        list.nicknames.entry(v.to_string()).or_insert(id);
                    }
                }
            }
            list.by_first.entry(words[0].clone()).or_default().push(id);
            if words.len() == 1 {
                // A one-word entry always matches, overriding a part of an earlier entry.
                list.parts.insert(words[0].clone(), id);
            } else if !place {
                for w in &words {
                    let initial = w.chars().count() < 2;
                    if !initial
                        && !is_honorific(w)
                        && !matches!(
                            w.as_str(),
                            "and"
                                | "of"
                                | "the"
                                | "de"
                                | "van"
                                | "von"
                                | "da"
                                | "bin"
                                | "al"
                                | "el"
                        )
                    {
                        list.parts.entry(w.clone()).or_insert(id);
                    }
                }
            }
            list.entries.push(Entry { words, key, place });
        }
        for ids in list.by_first.values_mut() {
            let entries = &list.entries;
            ids.sort_by_key(|&i| std::cmp::Reverse(entries[i].words.len()));
        }
        list
    }

    /// Whether `key` (from [`person_key`]) names a listed place.
    pub(crate) fn is_place(&self, key: &str) -> bool {
        self.keys.get(key).is_some_and(|&i| self.entries[i].place)
    }

    /// The listed entry `key` refers to, so every mention of a listed person shares one
    /// pseudonym ("Joy Okafor", "Mrs Okafor", "Joy").
    pub(crate) fn canonical(&self, key: &str, parts: &[String]) -> Option<String> {
        if self.keys.contains_key(key) {
            return Some(key.to_string());
        }
        parts.iter().rev().find_map(|p| {
            self.parts
                .get(p)
                .or_else(|| self.nicknames.get(p))
                .map(|&i| self.entries[i].key.clone())
        })
    }
}

/// The pseudonym key of a NAME span's text: folded words without honorifics, initials and
/// possessives. Returns the key and its words.
pub(crate) fn person_key(raw: &str) -> (String, Vec<String>) {
    let toks = tokenize(raw);
    let mut parts: Vec<String> = Vec::new();
    let all: Vec<String> = toks
        .iter()
        .map(|t| strip_possessive(&fold(t.text(raw))).to_string())
        .collect();
    for w in &all {
        if is_honorific(w) || w.chars().count() < 2 {
            continue;
        }
        parts.push(w.clone());
    }
    if parts.is_empty() {
        parts = all;
    }
    (parts.join(" "), parts)
}

fn gap_ok_in_name(g: &str) -> bool {
    !g.is_empty() && g.len() <= 3 && g.chars().all(|c| matches!(c, ' ' | '-' | '.' | '\u{a0}'))
}

/// Extends a person match leftwards over an initial ("J. Okafor") and an honorific.
fn extend_left(s: &str, toks: &[Token], mut i: usize) -> usize {
    let initial_gap = |g: &str| matches!(g, " " | ". " | "." | "\u{a0}");
    if i > 0 {
        let p = toks[i - 1];
        let pt = p.text(s);
        if pt.chars().count() == 1 && p.is(ALL_UPPER) && initial_gap(gap_before(s, toks, i)) {
            i -= 1;
        }
    }
    if i > 0 {
        let p = toks[i - 1];
        let g = gap_before(s, toks, i);
        if (p.is_capitalised()) && is_honorific(&fold(p.text(s))) && initial_gap(g) {
            i -= 1;
        }
    }
    i
}

/// Matches only the worker's list (also used by [`super::find_phrase`]).
pub(crate) fn scan_list_only(s: &str, toks: &[Token], list: &NameList, out: &mut Vec<Span>) {
    if list.entries.is_empty() {
        return;
    }
    let mut buf = String::new();
    let folded: Vec<String> = toks
        .iter()
        .map(|t| {
            fold_into(t.text(s), &mut buf);
            buf.clone()
        })
        .collect();
    for i in 0..toks.len() {
        let f = &folded[i];
        let core = strip_possessive(f);
        let end_of = |k: usize| toks[k].end - possessive_len(toks[k].text(s));
        // Multi-word entries, longest first.
        let mut matched = false;
        if let Some(ids) = list
            .by_first
            .get(core)
            .or_else(|| list.by_first.get(f.as_str()))
        {
            for &id in ids {
                let e = &list.entries[id];
                let n = e.words.len();
                if n == 1 || i + n > toks.len() {
                    continue;
                }
                let ok = (0..n).all(|k| {
                    let w = if k + 1 == n {
                        strip_possessive(&folded[i + k])
                    } else {
                        folded[i + k].as_str()
                    };
                    w == e.words[k] && (k == 0 || gap_ok_in_name(gap_before(s, toks, i + k)))
                });
                if ok {
                    let start = if e.place { i } else { extend_left(s, toks, i) };
                    out.push(Span::new(toks[start].start, end_of(i + n - 1), Kind::Name));
                    matched = true;
                    break;
                }
            }
        }
        if matched {
            continue;
        }
        let part = list.parts.get(core).map(|&id| (id, false));
        if let Some((id, nickname)) =
            part.or_else(|| list.nicknames.get(core).map(|&id| (id, true)))
        {
            let e = &list.entries[id];
            // A part of a multi-word name that is also an everyday word ("Joy", "Rose")
            // matches only when capitalised; a whole one-word entry matches in any case; a
            // nickname is treated like a part ("Bill" for a listed "William").
            let part_of_longer = e.words.len() > 1 || nickname;
            let everyday = is_common_word(core) || is_ambiguous_name(core) || is_stop_word(core);
            if part_of_longer && everyday && toks[i].is(ALL_LOWER) {
                continue;
            }
            let start = extend_left(s, toks, i);
            out.push(Span::new(toks[start].start, end_of(i), Kind::Name));
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    None,
    /// In the gazetteer and not an everyday word.
    Strong,
    /// In the gazetteer but also an everyday word, or a month.
    Ambiguous,
    /// Capitalised, not in the gazetteer, not a common or stop word.
    Unknown,
    /// An all-capital gazetteer name that is also a word ("JOHN", "SMITH"): only beside
    /// another name.
    UpperAmbiguous,
    /// A lower-case gazetteer name that is not an everyday word ("kwame", "okafor"): with a
    /// cue, beside another name, or in a note written all in lower case.
    Lower,
}

pub(crate) fn scan(s: &str, toks: &[Token], list: &NameList, out: &mut Vec<Span>) {
    scan_list_only(s, toks, list, out);
    honorifics(s, toks, out);
    let n = toks.len();
    let mut buf = String::new();
    let mut class = vec![Class::None; n];
    let mut cores: Vec<String> = Vec::with_capacity(n);
    // A note typed without capitals ("saw kwame today. she said...") names people in
    // lower case too: most of its sentences start with a lower-case word.
    let (mut lower_starts, mut upper_starts) = (0usize, 0usize);
    for t in toks.iter().filter(|t| t.is(SENTENCE_START) && t.is_word()) {
        if t.is(ALL_LOWER) {
            lower_starts += 1;
        } else {
            upper_starts += 1;
        }
    }
    let lower_style = lower_starts > upper_starts;
    // Outside such a note, a lower-case name is only looked up beside a cue ("her son
    // kwame", "kwame said"), which keeps the gazetteer out of the way of ordinary words.
    // (An all-lower-case token is already folded for these ASCII cue words.)
    let lower_word_at = |k: usize, cue: fn(&str) -> bool| {
        toks.get(k)
            .is_some_and(|t| t.is(ALL_LOWER) && t.len() <= 12 && cue(t.text(s)))
    };
    for (i, t) in toks.iter().enumerate() {
        fold_into(t.text(s), &mut buf);
        let core = strip_possessive(&buf).to_string();
        // "Reg plate", "Reg no": a registration, not Reginald.
        // "Reg AB51 XYZ": the plate itself after it (capitals and digits) says so too.
        let reg_word = core == "reg"
            && toks.get(i + 1).is_some_and(|n| {
                let next = n.text(s);
                matches!(
                    next.to_ascii_lowercase().as_str(),
                    "plate" | "no" | "number" | "num" | "mark"
                ) || (next.bytes().any(|b| b.is_ascii_digit())
                    && next
                        .bytes()
                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()))
            });
        // "Marie Curie" (the charity and its nurses) is not a person; Marie alone is.
        let charity = core == "marie"
            && toks
                .get(i + 1)
                .is_some_and(|n| n.text(s).eq_ignore_ascii_case("curie"));
        // "Sam Parkinson" is a person; "Parkinson's" and "Parkinson disease" are not.
        let person_eponym = is_eponym(&core)
            && possessive_len(t.text(s)) == 0
            && !toks.get(i + 1).is_some_and(|n| {
                matches!(
                    n.text(s).to_ascii_lowercase().as_str(),
                    "disease" | "syndrome" | "'s" | "s"
                )
            });
        if t.is_capitalised() && core.chars().count() >= 2 && !reg_word && !charity {
            let stop = is_stop_word(&core) && !person_eponym;
            let upper = t.is(ALL_UPPER);
            class[i] = if upper {
                // All-capital words: only unambiguous gazetteer names of three letters or more.
                if core.len() < 3 || stop || is_acronym(&core) || !is_name(&core) {
                    Class::None
                } else if is_ambiguous_name(&core) || is_common_word(&core) {
                    Class::UpperAmbiguous
                } else {
                    Class::Strong
                }
            } else if is_month_word(&core) || is_month_abbreviation(&core) {
                // April, June, August... are names too, but need a cue; so does "Jan",
                // which notes use for January far more often ("2nd wk of Jan").
                Class::Ambiguous
            } else if stop {
                Class::None
            } else if is_name(&core) {
                if is_ambiguous_name(&core) || is_common_word(&core) {
                    Class::Ambiguous
                } else {
                    Class::Strong
                }
            } else if is_common_word(&core)
                || core.chars().any(|c| c.is_ascii_digit())
                || (t.is(SENTENCE_START) && looks_like_verb_or_adverb(&core))
            {
                Class::None
            } else {
                Class::Unknown
            };
        } else if t.is(ALL_LOWER)
            && core.len() >= 3
            && (lower_style
                || (i > 0 && lower_word_at(i - 1, is_left_cue))
                || lower_word_at(i + 1, is_right_cue))
            && !is_stop_word(&core)
            && !is_acronym(&core)
            && !is_month_abbreviation(&core)
            && !is_common_word(&core)
            && is_name(&core)
            && !is_ambiguous_name(&core)
        {
            class[i] = Class::Lower;
        }
        cores.push(core);
    }
    let lower_at = |k: usize| -> Option<&str> {
        let t = toks.get(k)?;
        t.is(ALL_LOWER).then(|| cores[k].as_str())
    };
    let space_before = |k: usize| k > 0 && k < n && is_space_gap(gap_before(s, toks, k));
    let mut flagged = vec![false; n];
    for i in 0..n {
        let c = class[i];
        if c == Class::None {
            continue;
        }
        let start = toks[i].is(SENTENCE_START);
        let possessive = possessive_len(toks[i].text(s)) > 0;
        let right_cue = space_before(i + 1) && lower_at(i + 1).is_some_and(is_right_cue);
        // A cue word is lower case, or capitalised as the first word ("Took Zephyrine").
        let cue_at = |k: usize| -> Option<&str> {
            let t = toks.get(k)?;
            (t.is(ALL_LOWER) || (t.is(SENTENCE_START) && t.is_title())).then(|| cores[k].as_str())
        };
        // "Daughter: Zuzia (5)": a cue word may end in a colon, as in a list of family.
        let cue_gap = space_before(i) || (i > 0 && gap_before(s, toks, i) == ": ");
        let left_cue = (cue_gap && i > 0 && cue_at(i - 1).is_some_and(is_left_cue))
            // "spoke to Bola", "talked to Olu": "to" after a verb of talking.
            || (i >= 2
                && space_before(i)
                && space_before(i - 1)
                && lower_at(i - 1) == Some("to")
                && lower_at(i - 2).is_some_and(|w| {
                    matches!(
                        w,
                        "spoke" | "talked" | "chatted" | "wrote" | "listened" | "explained"
                            | "said" | "sent" | "mentioned" | "introduced" | "speaking"
                            | "talking" | "chatting" | "reached" | "spoken" | "talk" | "speak"
                    )
                }));
        // "Jade (client)", "Bola (service user)": a role in brackets right after.
        let role_after = i + 1 < n
            && gap_before(s, toks, i + 1) == " ("
            && lower_at(i + 1).is_some_and(|w| {
                matches!(
                    w,
                    "client"
                        | "patient"
                        | "service"
                        | "volunteer"
                        | "carer"
                        | "son"
                        | "daughter"
                        | "wife"
                        | "husband"
                        | "partner"
                        | "mum"
                        | "dad"
                        | "neighbour"
                        | "friend"
                        | "sister"
                        | "brother"
                        | "pt"
                        | "su"
                        | "cousin"
                        | "aunt"
                        | "uncle"
                )
            });
        let right_cue = right_cue || role_after;
        let next_strong = space_before(i + 1) && class.get(i + 1) == Some(&Class::Strong);
        let prev_strong = i > 0 && space_before(i) && class[i - 1] == Class::Strong;
        let upper_pair = (space_before(i + 1)
            && matches!(
                class.get(i + 1),
                Some(Class::UpperAmbiguous | Class::Strong)
            )
            && toks[i + 1].is(ALL_UPPER))
            || (i > 0
                && space_before(i)
                && matches!(class[i - 1], Class::UpperAmbiguous | Class::Strong)
                && toks[i - 1].is(ALL_UPPER));
        let month = is_month_word(&cores[i]) || is_month_abbreviation(&cores[i]);
        flagged[i] = match c {
            Class::Strong => true,
            Class::Ambiguous => {
                // "Lasting Power of Attorney", "Bank of England": an everyday word before
                // "of" is part of a title, not a name.
                let before_of = space_before(i + 1) && lower_at(i + 1) == Some("of");
                // "the Deputy Head", "Acting Chair": a role, not a person.
                let role = i > 0
                    && matches!(
                        cores[i - 1].as_str(),
                        "deputy"
                            | "assistant"
                            | "acting"
                            | "senior"
                            | "chief"
                            | "lead"
                            | "vice"
                            | "head"
                            | "principal"
                    );
                // "Caseworker at Citizens Advice (Rob)": a name alone in brackets.
                let closes = if i + 1 < n {
                    gap_before(s, toks, i + 1).starts_with(')')
                } else {
                    s[toks[i].end..].starts_with(')')
                };
                let alone_in_brackets = i > 0 && gap_before(s, toks, i).ends_with('(') && closes;
                if role {
                    false
                } else if alone_in_brackets && !month && !is_weekday(&cores[i]) {
                    true
                } else {
                    (!start && !month && !is_weekday(&cores[i]) && !before_of)
                        || right_cue
                        || left_cue
                        || next_strong
                        || prev_strong
                        || (possessive && !month)
                }
            }
            // "Rashida's benefits stopped": a possessive starting a sentence is a name more
            // often than not, but not an abbreviation ("Pt's") or an abstract noun with
            // "is" run in ("Anxiety's worse").
            Class::Unknown => {
                let abstract_noun = [
                    "ity", "ety", "ness", "ment", "tion", "sion", "ing", "ism", "ance", "ence",
                    "ship", "hood",
                ]
                .iter()
                .any(|end| cores[i].ends_with(end));
                right_cue
                    || left_cue
                    || next_strong
                    || prev_strong
                    || (possessive && (!start || (cores[i].len() >= 4 && !abstract_noun)))
            }
            Class::UpperAmbiguous => upper_pair,
            Class::Lower => {
                let name_at = |k: usize| matches!(class.get(k), Some(Class::Lower | Class::Strong));
                right_cue
                    || left_cue
                    || (space_before(i + 1) && name_at(i + 1))
                    || (i > 0 && space_before(i) && name_at(i - 1))
                    || (lower_style && cores[i].len() >= 4)
            }
            Class::None => false,
        };
    }
    // Spread along chains: "Grace Okonkwo-Adeyemi", "Tendai and Farai".
    for i in 0..n {
        if !flagged[i] {
            continue;
        }
        let mut j = i + 1;
        while j < n
            && !flagged[j]
            && (class[j] != Class::None
                || (j == i + 1
                    && toks[j].is_title()
                    && is_space_gap(gap_before(s, toks, j))
                    && is_surname_stop_word(&cores[j])))
            && !is_month_word(&cores[j])
            && gap_ok_in_name(gap_before(s, toks, j))
            && !gap_before(s, toks, j).contains('.')
        {
            flagged[j] = true;
            j += 1;
        }
        if j + 1 < n
            && matches!(cores.get(j).map(String::as_str), Some("and" | "&"))
            && class[j + 1] != Class::None
            && space_before(j)
            && space_before(j + 1)
        {
            flagged[j + 1] = true;
        }
    }
    // "Margaret (Peggy) Whitworth", "Margaret \"Peggy\" Whitworth": a nickname in brackets
    // or quotes between a forename and a surname. The surname is taken when both around it
    // are names, so an unknown surname after a known nickname is not left behind.
    for k in 1..n.saturating_sub(1) {
        let opens = matches!(
            gap_before(s, toks, k),
            " (" | " \"" | " \u{201c}" | " '" | " \u{2018}"
        );
        let closes = matches!(
            gap_before(s, toks, k + 1),
            ") " | "\" " | "\u{201d} " | "' " | "\u{2019} "
        );
        if opens
            && closes
            && flagged[k - 1]
            && flagged[k]
            && !flagged[k + 1]
            && matches!(
                class[k + 1],
                Class::Unknown | Class::Ambiguous | Class::Strong
            )
            && toks[k + 1].is_title()
        {
            flagged[k + 1] = true;
        }
    }
    // "Marie-Claire", "Anne-Marie": the chains above spread forwards; a hyphenated name
    // whose second part was taken takes its first part too.
    for k in (1..n).rev() {
        if flagged[k]
            && !flagged[k - 1]
            && gap_before(s, toks, k) == "-"
            && class[k - 1] != Class::None
            && toks[k - 1].is_capitalised()
        {
            flagged[k - 1] = true;
        }
    }
    // A word taken as a name once names the same person where it comes again in the note
    // ("Saw Jan and Marek Kowalczyk together, Jan translating"): an everyday or month word
    // has no cue the second time. Only capitalised words, and never a month word beside a
    // number ("Jan 5th", "5 Jan"), which is the date, and never in capitals ("Pam", then
    // "PAM score 52", the measure).
    let named: Vec<&str> = (0..n)
        .filter(|&k| flagged[k] && toks[k].is_title())
        .map(|k| cores[k].as_str())
        .collect();
    if !named.is_empty() {
        let digits_at = |k: usize| {
            toks.get(k)
                .is_some_and(|t| t.text(s).starts_with(|c: char| c.is_ascii_digit()))
        };
        for k in 0..n {
            if !flagged[k]
                && class[k] != Class::None
                && toks[k].is_title()
                && named.contains(&cores[k].as_str())
                && !(k > 0 && digits_at(k - 1))
                && !digits_at(k + 1)
            {
                flagged[k] = true;
            }
        }
    }
    // Emit runs of flagged tokens as single spans, with initials and honorifics.
    let mut i = 0;
    while i < n {
        if !flagged[i] {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < n
            && flagged[j + 1]
            && gap_ok_in_name(gap_before(s, toks, j + 1))
            && possessive_len(toks[j].text(s)) == 0
        {
            j += 1;
        }
        // "Rose Hill Surgery", "Marston Medical Centre": words before a practice word name
        // the GP practice, which `quasi` warns about rather than redacting (DOMAIN.md D3).
        let practice_after = toks.get(j + 1).is_some_and(|nt| {
            nt.is_title()
                && is_space_gap(gap_before(s, toks, j + 1))
                && possessive_len(toks[j].text(s)) == 0
                && matches!(cores[j + 1].as_str(), "surgery" | "practice" | "medical")
        });
        if !practice_after {
            let start = extend_left(s, toks, i);
            let end = toks[j].end - possessive_len(toks[j].text(s));
            out.push(Span::new(toks[start].start, end, Kind::Name));
        }
        i = j + 1;
    }
}

/// Honorific + capitalised words: "Mrs Okafor", "Dr. A. Patel", "Nurse Jo", "Cllr Smith-Jones".
fn honorifics(s: &str, toks: &[Token], out: &mut Vec<Span>) {
    let n = toks.len();
    for i in 0..n {
        let t = toks[i];
        // "mrs adeyemi", "mr brown": a lower-case title before a lower-case gazetteer name.
        if t.is(ALL_LOWER) && matches!(t.text(s), "mr" | "mrs" | "ms" | "miss" | "mx" | "dr") {
            if let Some(nt) = toks.get(i + 1) {
                let g = gap_before(s, toks, i + 1);
                let core = fold(nt.text(s));
                let core = strip_possessive(&core);
                if matches!(g, " " | ". " | "\u{a0}")
                    && nt.is(ALL_LOWER)
                    && is_name(core)
                    && !is_stop_word(core)
                {
                    let end = nt.end - possessive_len(nt.text(s));
                    out.push(Span::new(t.start, end, Kind::Name));
                }
            }
            continue;
        }
        if !t.is_capitalised() {
            continue;
        }
        let f = fold(t.text(s));
        if !is_honorific(&f) {
            continue;
        }
        let mut j = i + 1;
        let mut last = None;
        let mut words = 0;
        while j < n && words < 4 {
            let g = gap_before(s, toks, j);
            let nt = toks[j];
            let initial = nt.text(s).chars().count() == 1 && nt.is(ALL_UPPER);
            let okgap = if j == i + 1 {
                matches!(g, " " | ". " | "." | "\u{a0}")
            } else {
                gap_ok_in_name(g)
            };
            if !okgap || !nt.is_capitalised() {
                break;
            }
            let core = fold(nt.text(s));
            let core = strip_possessive(&core);
            // "Mrs Hall", "Mr Ward": right after the title, a word that is also a surname
            // is the surname, even where it is an everyday word elsewhere.
            let surname_here = j == i + 1 && is_surname_stop_word(core);
            if !initial && !surname_here && (is_stop_word(core) || is_honorific(core)) {
                break;
            }
            last = Some(j);
            words += 1;
            if possessive_len(nt.text(s)) > 0 {
                break;
            }
            j += 1;
        }
        if let Some(l) = last {
            let end = toks[l].end - possessive_len(toks[l].text(s));
            out.push(Span::new(t.start, end, Kind::Name));
        }
    }
}
