//! Addresses: a house number with a street ("14 Acacia Road", "14a, Mill Lane"), a street
//! named on its own ("lives on Acacia Road"), flats and units ("Flat 3", "Apt 4B"), and
//! named estates, halls and blocks ("the Blackbird Leys estate", "Cherwell Hall",
//! "Foxglove Court"), and named venues that place a person ("St Mary's Church Hall",
//! "Riverside Leisure Centre", "the Ebenezer Chapel"). Street and building names of several
//! words are taken whole ("12 Upper Mill Lane", "14a Church Hill Close", "Maple Court
//! Community Centre"). "Room 3" is deliberately not an address: it is where a session was.
//! A GP practice ("Oakwood Medical Centre", "Rose Hill Surgery") is not redacted here: the
//! practice is a quasi-identifier the review step warns about (see `quasi`), as DOMAIN.md
//! asks, since it is usually the worker's own base rather than where a person lives.

use super::names::is_stop_word;
use super::text::{is_space_gap, Token};
use super::{Kind, Span};

/// Street words strong enough to mark a street after any capitalised word.
const STRONG: &[&str] = &[
    "road",
    "rd",
    "street",
    "st",
    "avenue",
    "ave",
    "lane",
    "ln",
    "drive",
    "close",
    "crescent",
    "cres",
    "terrace",
    "gardens",
    "gdns",
    "grove",
    "mews",
    "boulevard",
    "crt",
    "wharf",
    "parade",
];
/// Street words that also name other things ("Family Court", "Safe Place"): these need a
/// house number, or a first word that is not an everyday word.
const WEAK: &[&str] = &[
    "way",
    "place",
    "pl",
    "court",
    "ct",
    "walk",
    "row",
    "square",
    "sq",
    "hill",
    "rise",
    "view",
    "green",
    "park",
    "mead",
    "vale",
    "yard",
    "meadow",
    "meadows",
    "fields",
    "croft",
    "gate",
    "chase",
    "approach",
    "broadway",
    "circus",
    "embankment",
    "esplanade",
    "promenade",
    "quay",
    "causeway",
    "villas",
    "cottages",
    "end",
    "side",
    "heights",
    "copse",
    "dene",
    "garth",
    "wynd",
    "moor",
    "heath",
    "common",
];
/// Words that end the name of a building or estate.
const BUILDINGS: &[&str] = &[
    "Cowley Walking Group",
    "Shree Ram Mandir",
    "St Joseph's Primary
    // School",
    "academy",
    "allotments",
    "arms",
    "association",
    "baths",
    "block",
    "brownies",
    "buildings",
    "bungalow",
    "cafe",
    "café",
    "carnival",
    "cathedral",
    "center",
    "centre",
    "chapel",
    "choir",
    "church",
    "cinema",
    "club",
    "collective",
    "college",
    "cottage",
    "cottages",
    "court",
    "estate",
    "farm",
    "fc",
    "festival",
    "flats",
    "foodbank",
    "forum",
    "fridge",
    "gallery",
    "group",
    "guides",
    "gurdwara",
    "hall",
    "halls",
    "heights",
    "hospice",
    "hospital",
    "hostel",
    "hotel",
    "house",
    "hub",
    "infirmary",
    "inn",
    "institute",
    "kingdom",
    "kitchen",
    "larder",
    "library",
    "lodge",
    "mandir",
    "manor",
    "mansions",
    "market",
    "masjid",
    "mosque",
    "museum",
    "nursery",
    "pantry",
    "pavilion",
    "pharmacy",
    "players",
    "primary",
    "project",
    "pub",
    "rectory",
    "school",
    "scouts",
    "shed",
    "singers",
    "station",
    "synagogue",
    "tavern",
    "temple",
    "the Kings Arms",
    "theatre",
    "tower",
    "towers",
    "u3a",
    "vicarage",
    "vihara",
    "villas",
    "wi",
];

/// The last words of common pub names, which need no "Pub" or "Inn": "the Red Lion", "the
/// Royal Oak", "the Rose and Crown", "the King's Head". Only after "the" and capitalised.
const PUB_NOUNS: &[&str] = &[
    "lion",
    "oak",
    "hart",
    "horse",
    "swan",
    "crown",
    "plough",
    "bell",
    "wheatsheaf",
    "anchor",
    "fox",
    "hound",
    "hounds",
    "bull",
    "ship",
    "eagle",
    "feathers",
    "greyhound",
    "chequers",
    "keys",
    "globe",
    "falcon",
    "mitre",
    "unicorn",
    "talbot",
    "pheasant",
    "ram",
    "harrow",
    "compasses",
    "bear",
    "boar",
    "stag",
    "dragon",
    "grapes",
    "mow",
    "cock",
    "cricketers",
    "albion",
    "vaults",
    "spoon",
    "wagon",
    "magpie",
    "pelican",
    "peacock",
    "woolpack",
];
/// Words that describe a venue without naming it: "the Village Hall", "Community Centre"
/// alone say nothing about where, so a building name made only of these is left alone.
const GENERIC: &[&str] = &[
    "Carers Centre",
    "adult",
    "advice",
    "art",
    "arts",
    "asylum",
    "bank",
    "baptist",
    "bereavement",
    "bingo",
    "book",
    "bowls",
    "cancer",
    "carers",
    "carers'",
    "catholic",
    "central",
    "chair",
    "children's",
    "church",
    "civic",
    "club",
    "coffee",
    "college",
    "community",
    "cooking",
    "county",
    "craft",
    "crafts",
    "cycling",
    "day",
    "dementia",
    "district",
    "drop",
    "drop-in",
    "employment",
    "exercise",
    "family",
    "food",
    "football",
    "free",
    "friendship",
    "garden",
    "gardening",
    "general",
    "grammar",
    "group",
    "health",
    "high",
    "homeless",
    "hospital",
    "housing",
    "hub",
    "infant",
    "infants",
    "information",
    "job",
    "jobs",
    "junior",
    "knit",
    "knitting",
    "learning",
    "leisure",
    "local",
    "lunch",
    "luncheon",
    "medical",
    "memorial",
    "memory",
    "men's",
    "mens",
    "mental",
    "methodist",
    "mosque",
    "neighbourhood",
    "new",
    "nursery",
    "old",
    "parent",
    "parents",
    "parish",
    "peer",
    "primary",
    "public",
    "reading",
    "recovery",
    "reformed",
    "refugee",
    "residents",
    "resource",
    "royal",
    "running",
    "school",
    "scout",
    "secondary",
    "singing",
    "skills",
    "social",
    "sports",
    "start",
    "stroke",
    "support",
    "sure",
    "swimming",
    "temple",
    "tenants",
    "the",
    "the Walking Group",
    "toddler",
    "toddlers",
    "town",
    "training",
    "united",
    "veterans",
    "village",
    "volunteer",
    "volunteering",
    "volunteers",
    "walking",
    "wellbeing",
    "women's",
    "womens",
    "yoga",
    "youth",
];
/// `BUILDINGS` and `GENERIC` are kept sorted (a test checks) so these are binary searches:
/// the venue scanner asks them of every capitalised word.
/// Streets named with "the" ("The Oval", "The Paddocks"), after a house number.
fn is_street_named_with_the(w: &str) -> bool {
    STRONG.contains(&w)
        || WEAK.contains(&w)
        || matches!(
            w,
            "oval"
                | "paddock"
                | "paddocks"
                | "orchard"
                | "orchards"
                | "spinney"
                | "willows"
                | "limes"
                | "laurels"
                | "beeches"
                | "elms"
                | "poplars"
                | "maltings"
                | "ridings"
                | "meadows"
                | "chase"
                | "circus"
                | "glade"
                | "glebe"
                | "croft"
                | "fold"
                | "garth"
                | "nook"
                | "hollies"
                | "pastures"
                | "cloisters"
                | "coppice"
                | "copse"
                | "downs"
                | "leys"
                | "lawns"
                | "hawthorns"
                | "firs"
                | "pines"
                | "cedars"
                | "oaks"
                | "sycamores"
                | "birches"
                | "rowans"
                | "links"
                | "strand"
                | "quadrant"
                | "broadway"
        )
}

fn is_compass(w: &str) -> bool {
    matches!(w, "north" | "south" | "east" | "west")
}

/// Churches known by their dedication alone ("attends Holy Trinity"), as lower-case words.
/// A dedication is a venue only after a word of going or being somewhere ("at", "to"), so
/// "the doctrine of the Holy Trinity" and "All Saints Day" are left alone.
const DEDICATIONS: &[&[&str]] = &[
    &["all", "hallows"],
    &["all", "saints"],
    &["all", "souls"],
    &["blessed", "sacrament"],
    &["christ", "church"],
    &["christ", "the", "king"],
    &["holy", "cross"],
    &["holy", "family"],
    &["holy", "name"],
    &["holy", "redeemer"],
    &["holy", "rood"],
    &["holy", "spirit"],
    &["holy", "trinity"],
    &["our", "lady"],
    &["sacred", "heart"],
];

/// Words before a venue that say someone goes or is there.
fn is_locative(w: &str) -> bool {
    matches!(
        w,
        "at" | "to" | "from" | "attends" | "attend" | "attended" | "attending" | "joined" | "joins"
    )
}

/// A dedication starting at token `i` ("Holy Trinity", "Our Lady of Lourdes", "Christ
/// Church Hall"): the index of its last word.
fn dedication_at(s: &str, toks: &[Token], i: usize) -> Option<usize> {
    if i == 0 || !is_space_gap(&s[toks[i - 1].end..toks[i].start]) {
        return None;
    }
    let before = toks[i - 1];
    if !before.is(super::text::ALL_LOWER) || !is_locative(&lower(&before, s)) {
        return None;
    }
    let words = DEDICATIONS.iter().find(|d| {
        d.iter().enumerate().all(|(k, w)| {
            toks.get(i + k).is_some_and(|t| {
                (k == 0 || is_space_gap(&s[toks[i + k - 1].end..t.start]))
                    && (t.is_title() || *w == "the")
                    && lower(t, s) == *w
            })
        })
    })?;
    let mut end = i + words.len() - 1;
    // "Our Lady of Lourdes", "Our Lady of Perpetual Succour".
    if let (Some(of), Some(_)) = (toks.get(end + 1), toks.get(end + 2)) {
        if lower(of, s) == "of" && is_space_gap(&s[toks[end].end..of.start]) {
            let mut k = end + 2;
            while k < toks.len()
                && k <= end + 3
                && toks[k].is_title()
                && is_space_gap(&s[toks[k - 1].end..toks[k].start])
            {
                k += 1;
            }
            if k > end + 2 {
                end = k - 1;
            }
        }
    }
    // "Holy Trinity Church", "Christ Church Hall".
    while let Some(n) = toks.get(end + 1) {
        if !(n.is_title() && is_space_gap(&s[toks[end].end..n.start]) && is_building(&lower(n, s)))
        {
            break;
        }
        end += 1;
    }
    Some(end)
}

fn is_building(w: &str) -> bool {
    BUILDINGS.binary_search(&w).is_ok()
}

fn is_generic(w: &str) -> bool {
    GENERIC.binary_search(&w).is_ok()
}

/// Words after a place name that make it a GP practice, which `quasi` warns about instead.
const PRACTICE: &[&str] = &["surgery", "practice", "medical", "health", "pcn"];
const FLAT_WORDS: &[&str] = &["flat", "apartment", "apt", "unit", "maisonette", "bedsit"];

fn lower(t: &Token, s: &str) -> String {
    t.text(s).to_lowercase()
}

/// A house number: "14", "14a", "14A" (and the first of "14-16").
fn is_house_number(t: &Token, s: &str) -> bool {
    let w = t.text(s);
    let d = w.bytes().take_while(u8::is_ascii_digit).count();
    (1..=4).contains(&d)
        && (w.len() == d || (w.len() == d + 1 && w.as_bytes()[d].is_ascii_alphabetic()))
}

pub(crate) fn scan(s: &str, toks: &[Token], out: &mut Vec<Span>) {
    for i in 0..toks.len() {
        let t = toks[i];
        let lw = lower(&t, s);
        // Flat 3, Apt 4B, Unit 5.
        if FLAT_WORDS.contains(&lw.as_str()) {
            if let Some(n) = toks.get(i + 1) {
                let g = &s[t.end..n.start];
                if (g == " " || g == " no. " || g == " no ") && is_house_number(n, s) {
                    out.push(Span::new(t.start, n.end, Kind::Address));
                }
            }
        }
        // House number + 1..3 name words + street word.
        if is_house_number(&t, s) {
            let mut j = i + 1;
            // "14-16 Acacia Road".
            if toks.get(j).is_some_and(|n| is_house_number(n, s)) && &s[t.end..toks[j].start] == "-"
            {
                j += 1;
            }
            let first = j;
            let g = toks
                .get(first)
                .map(|_| &s[toks[first - 1].end..toks[first].start])
                .unwrap_or("");
            if matches!(g, " " | ", " | "\u{a0}") {
                if let Some(end) = street_after(s, toks, first, true) {
                    out.push(Span::new(t.start, toks[end].end, Kind::Address));
                    continue;
                }
            }
        }
        // "5 the Oval", "12 The Crescent": a street named with "the".
        if is_house_number(&t, s) {
            if let (Some(the), Some(n)) = (toks.get(i + 1), toks.get(i + 2)) {
                if lower(the, s) == "the"
                    && &s[t.end..the.start] == " "
                    && is_space_gap(&s[the.end..n.start])
                    && n.is_title()
                    && is_street_named_with_the(&lower(n, s))
                {
                    out.push(Span::new(t.start, n.end, Kind::Address));
                }
            }
        }
        // "St Luke's", "Saint Anne's": a church or school named for a saint, with no
        // building word after it.
        if matches!(lw.as_str(), "st" | "saint" | "st." | "sts") && t.is_title() {
            if let Some(n) = toks.get(i + 1) {
                let g = &s[t.end..n.start];
                if matches!(g, " " | ". " | "\u{a0}")
                    && n.is_title()
                    && super::text::possessive_len(n.text(s)) > 0
                {
                    out.push(Span::new(t.start, n.end, Kind::Address));
                }
            }
        }
        // "HMP Leeds", "HMYOI Wetherby": a prison places a person as surely as an address.
        if matches!(t.text(s), "HMP" | "HMYOI" | "HMPYOI") {
            let mut j = i;
            while j + 1 < toks.len()
                && j < i + 2
                && toks[j + 1].is_title()
                && is_space_gap(&s[toks[j].end..toks[j + 1].start])
                && !is_stop_word(&lower(&toks[j + 1], s))
            {
                j += 1;
            }
            if j > i {
                out.push(Span::new(t.start, toks[j].end, Kind::Address));
            }
        }
        if t.is_title() {
            if let Some(end) = dedication_at(s, toks, i) {
                out.push(Span::new(t.start, toks[end].end, Kind::Address));
            }
        }
        // "Meadowbank care home", "Elm Court nursing home": a named home in lower case.
        if t.is_title() && !is_stop_word(&lw) {
            let mut j = i;
            while j + 1 < toks.len()
                && j < i + 2
                && toks[j + 1].is_title()
                && is_space_gap(&s[toks[j].end..toks[j + 1].start])
            {
                j += 1;
            }
            if let (Some(a), Some(b)) = (toks.get(j + 1), toks.get(j + 2)) {
                let kind = a.text(s);
                if ["care", "nursing", "residential", "children's"]
                    .iter()
                    .any(|k| k.eq_ignore_ascii_case(kind))
                    && b.text(s).eq_ignore_ascii_case("home")
                    && is_space_gap(&s[toks[j].end..a.start])
                    && is_space_gap(&s[a.end..b.start])
                {
                    out.push(Span::new(t.start, b.end, Kind::Address));
                }
            }
        }
        // "Friends of Florence Park": a local group named after the place it looks after.
        if lw == "friends" && t.is_title() {
            if let (Some(of), Some(n)) = (toks.get(i + 1), toks.get(i + 2)) {
                if lower(of, s) == "of" && n.is_title() && !is_stop_word(&lower(n, s)) {
                    let mut j = i + 2;
                    while j + 1 < toks.len()
                        && j < i + 5
                        && toks[j + 1].is_title()
                        && is_space_gap(&s[toks[j].end..toks[j + 1].start])
                    {
                        j += 1;
                    }
                    out.push(Span::new(t.start, toks[j].end, Kind::Address));
                }
            }
        }
        // "the Red Lion", "the Rose and Crown": a pub named after "the".
        if lw == "the" {
            if let Some(end) = pub_after(s, toks, i + 1) {
                out.push(Span::new(toks[i + 1].start, toks[end].end, Kind::Address));
            }
        }
        // A street named on its own, or an estate/hall: only from a capitalised word that
        // starts the name (the previous token is not itself a capitalised part of it).
        if t.is_title() && !is_stop_word(&lw) {
            let prev_title = i > 0
                && toks[i - 1].is_title()
                && is_space_gap(&s[toks[i - 1].end..t.start])
                && !is_stop_word(&lower(&toks[i - 1], s));
            if prev_title {
                continue;
            }
            // The longer reading wins: "Maple Court Community Centre" is a venue, not the
            // street "Maple Court".
            let end = street_after(s, toks, i, false).max(building_after(s, toks, i));
            if let Some(end) = end {
                out.push(Span::new(t.start, toks[end].end, Kind::Address));
            }
        }
    }
}

/// From token `first` (after "the"): one or two capitalised words, or "X and Y", ending in
/// a pub noun. Returns the index of the last word.
fn pub_after(s: &str, toks: &[Token], first: usize) -> Option<usize> {
    let t = toks.get(first)?;
    if !t.is_title() || !is_space_gap(&s[toks[first - 1].end..t.start]) {
        return None;
    }
    let mut j = first;
    for _ in 0..3 {
        let n = toks.get(j + 1)?;
        if !is_space_gap(&s[toks[j].end..n.start]) {
            return None;
        }
        let lw = lower(n, s);
        if lw == "and" || lw == "&" {
            j += 1;
            continue;
        }
        if !n.is_title() {
            return None;
        }
        if PUB_NOUNS.contains(&lw.trim_end_matches("'s")) {
            return Some(j + 1);
        }
        j += 1;
    }
    None
}

/// From token `first`: up to three name words, then a street word. Returns the index of
/// the street word.
fn street_after(s: &str, toks: &[Token], first: usize, numbered: bool) -> Option<usize> {
    let mut j = first;
    let mut names = 0;
    let mut all_title = true;
    let mut first_common = false;
    while j < toks.len() && names <= 3 {
        let t = toks[j];
        if j > first
            && !is_space_gap(&s[toks[j - 1].end..t.start])
            && &s[toks[j - 1].end..t.start] != "-"
        {
            return None;
        }
        if !t.is_word() {
            return None;
        }
        let lw = lower(&t, s);
        if names >= 1 {
            let strong = STRONG.contains(&lw.as_str());
            let weak = WEAK.contains(&lw.as_str());
            if strong || weak {
                let street_ok = t.is_title()
                    || (numbered && all_title)
                    || (numbered && strong && t.is(super::text::ALL_LOWER))
                    || (numbered && strong && t.is(super::text::ALL_UPPER) && t.len() > 2);
                let names_ok = all_title || (numbered && strong);
                if street_ok && names_ok && (strong || numbered || !first_common) {
                    // "St" could be "Saint" before a name: "St Mary's" is not a street, but
                    // "Banstead St East" is.
                    if (lw == "st")
                        && toks.get(j + 1).is_some_and(|n| {
                            n.is_title()
                                && is_space_gap(&s[t.end..n.start])
                                && !is_compass(&lower(n, s))
                        })
                    {
                        return None;
                    }
                    return extend_street(s, toks, j, t.is_title(), numbered);
                }
            }
        }
        if is_stop_word(&lw) && !(numbered && names == 0 && t.is_title()) {
            return None;
        }
        if !t.is_title() {
            all_title = false;
            // A lower-case street only after a number and at most two lower-case words.
            if !numbered {
                return None;
            }
        }
        if names == 0 {
            first_common = super::gazetteer::is_common_word(&lw);
        }
        names += 1;
        j += 1;
    }
    None
}

/// A street word at `j` can be followed by more street words that belong to the same name
/// ("Church Hill Close", "St Andrew's Park Road", "north parade avenue"): takes them all,
/// in the same case, and returns the index of the last; `None` when the name turns out to
/// be a GP practice's.
fn extend_street(
    s: &str,
    toks: &[Token],
    mut j: usize,
    title: bool,
    numbered: bool,
) -> Option<usize> {
    while let Some(n) = toks.get(j + 1) {
        let lw = lower(n, s);
        let street = STRONG.contains(&lw.as_str()) || WEAK.contains(&lw.as_str());
        let same_case = if title {
            n.is_title()
        } else {
            numbered && n.is(super::text::ALL_LOWER)
        };
        if !street || !same_case || !is_space_gap(&s[toks[j].end..n.start]) {
            break;
        }
        j += 1;
    }
    // "Harehills Lane North", "Banstead St East": a compass point ends some street names
    // (but not "Mill Road East of the river").
    if let Some(n) = toks.get(j + 1) {
        let same_case = if title {
            n.is_title()
        } else {
            n.is(super::text::ALL_LOWER)
        };
        let of_after = toks
            .get(j + 2)
            .is_some_and(|o| lower(o, s) == "of" && is_space_gap(&s[n.end..o.start]));
        if same_case
            && is_space_gap(&s[toks[j].end..n.start])
            && is_compass(&lower(n, s))
            && !of_after
        {
            j += 1;
        }
    }
    // "Rose Hill Surgery" is a practice: `quasi` warns about it.
    if !numbered
        && toks.get(j + 1).is_some_and(|n| {
            n.is_title()
                && is_space_gap(&s[toks[j].end..n.start])
                && PRACTICE.contains(&lower(n, s).as_str())
        })
    {
        return None;
    }
    Some(j)
}

/// From capitalised token `first`: up to four capitalised words then one or more building
/// words ("Cherwell Hall", "Blackbird Leys estate", "St Mary's Church Hall", "Maple Court
/// Community Centre"). Returns the index of the last building word.
fn building_after(s: &str, toks: &[Token], first: usize) -> Option<usize> {
    let mut j = first + 1;
    let mut last = None;
    // Whether some word before the building word names the place ("Barton", not "Village").
    let mut named = !is_generic(&lower(&toks[first], s));
    while j < toks.len() && j <= first + 4 {
        let t = toks[j];
        if !is_space_gap(&s[toks[j - 1].end..t.start]) || !t.is_word() {
            break;
        }
        let lw = lower(&t, s);
        // "Cowley Food Bank": a bank is a venue only after "Food".
        let food_bank = lw == "bank" && lower(&toks[j - 1], s) == "food";
        if is_building(&lw) || food_bank {
            // "estate" and "flats" may be lower case; the rest are capitalised names.
            let caps = t.is(super::text::ALL_UPPER) && matches!(lw.as_str(), "fc" | "wi" | "u3a");
            if !(t.is_title() || caps || matches!(lw.as_str(), "estate" | "flats")) {
                break;
            }
            // "Oakwood Medical Centre" is a practice: `quasi` warns about it.
            let practice = matches!(lw.as_str(), "centre" | "center")
                && matches!(lower(&toks[j - 1], s).as_str(), "medical" | "health");
            if practice {
                return None;
            }
            if named {
                last = Some(j);
            }
        } else if last.is_some() && !is_generic(&lw) {
            // Only a describing word can sit between two building words ("Maple Court
            // Community Centre"); "Cherwell Hall Tuesday" ends at "Hall".
            break;
        }
        // "Church", "Community" and "Centre" are stop words for names but belong to a
        // venue's name ("St Mary's Church Hall").
        let descriptive = is_generic(&lw) || is_building(&lw);
        if !t.is_title() || (is_stop_word(&lw) && !descriptive) {
            break;
        }
        named |= !descriptive;
        j += 1;
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(s: &str) -> Vec<&str> {
        super::super::scanned(s, scan)
            .iter()
            .map(|sp| &s[sp.start..sp.end])
            .collect()
    }

    #[test]
    fn the_venue_word_lists_are_sorted_for_binary_search() {
        for list in [BUILDINGS, GENERIC] {
            assert!(list.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn street_names_of_several_words_are_taken_whole() {
        assert_eq!(found("at 12 Upper Mill Lane now"), ["12 Upper Mill Lane"]);
        assert_eq!(found("at 14a Church Hill Close"), ["14a Church Hill Close"]);
        assert_eq!(
            found("at 22 St Andrew's Park Road"),
            ["22 St Andrew's Park Road"]
        );
        assert_eq!(
            found("to 19 north parade avenue"),
            ["19 north parade avenue"]
        );
    }

    #[test]
    fn a_compass_point_after_the_street_word_is_part_of_the_street() {
        assert_eq!(
            found("lives at 44 Banstead St East with"),
            ["44 Banstead St East"]
        );
        assert_eq!(
            found("lives at 44 Banstead Street East with"),
            ["44 Banstead Street East"]
        );
        assert_eq!(
            found("at 12 Harehills Lane North."),
            ["12 Harehills Lane North"]
        );
        assert_eq!(
            found("moved to Mansfield Road South"),
            ["Mansfield Road South"]
        );
        // "St" before another name is still a saint, not a street.
        assert_eq!(found("at 3 St Mary's Close"), ["3 St Mary's Close"]);
    }

    #[test]
    fn a_house_number_before_a_street_named_with_the_is_an_address() {
        assert_eq!(found("moved into 5 the Oval, Beeston"), ["5 the Oval"]);
        assert_eq!(found("lives at 12 The Crescent."), ["12 The Crescent"]);
        assert_eq!(found("at 3 The Paddocks with her son"), ["3 The Paddocks"]);
        assert!(found("scored 5 the first time").is_empty());
        assert!(found("Group 2 The Walking Group").is_empty());
    }

    #[test]
    fn prisons_and_churches_known_by_their_dedication_are_venues() {
        for (text, venue) in [
            ("his brother in HMP Leeds since May", "HMP Leeds"),
            ("he is at HMP Wakefield", "HMP Wakefield"),
            ("moved to HMYOI Wetherby", "HMYOI Wetherby"),
            ("attends Holy Trinity on Sundays", "Holy Trinity"),
            ("goes to All Saints every week", "All Saints"),
            ("the priest at Sacred Heart", "Sacred Heart"),
            ("a coffee morning at Christ Church", "Christ Church"),
            ("she prays at Our Lady of Lourdes", "Our Lady of Lourdes"),
        ] {
            assert_eq!(found(text), [venue], "{text}");
        }
        // The same words not naming a place where someone goes are left alone.
        for text in [
            "the doctrine of the Holy Trinity",
            "All Saints Day is in November",
            "HMP is short for His Majesty's Prison",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn named_venues_are_found_up_to_their_last_building_word() {
        assert_eq!(found("goes to Bramley Baths weekly"), ["Bramley Baths"]);
        assert_eq!(
            found("lunch at Leeds Older People's Forum"),
            ["Leeds Older People's Forum"]
        );
        assert_eq!(found("at St Mary's Church Hall"), ["St Mary's Church Hall"]);
        assert_eq!(
            found("at Maple Court Community Centre"),
            ["Maple Court Community Centre"]
        );
        assert_eq!(found("at the Ebenezer Chapel"), ["Ebenezer Chapel"]);
        assert_eq!(found("at Cowley Library"), ["Cowley Library"]);
    }

    #[test]
    fn schools_places_of_worship_pubs_homes_and_groups_are_venues() {
        for (text, venue) in [
            (
                "from St Joseph's Primary School",
                "St Joseph's Primary School",
            ),
            ("at Shree Ram Mandir weekly", "Shree Ram Mandir"),
            ("drinks at the Red Lion", "Red Lion"),
            ("met at the Rose and Crown", "Rose and Crown"),
            ("at the Kings Arms", "Kings Arms"),
            ("joined the Cowley Walking Group", "Cowley Walking Group"),
            ("in Meadowbank care home", "Meadowbank care home"),
            ("asked at St Anne's", "St Anne's"),
            ("runs on Woodhouse Moor", "Woodhouse Moor"),
            ("helps at Cowley Food Bank", "Cowley Food Bank"),
            (
                "with the Friends of Florence Park",
                "Friends of Florence Park",
            ),
            ("plays for Headington United FC", "Headington United FC"),
        ] {
            assert_eq!(found(text), [venue], "{text}");
        }
    }

    #[test]
    fn generic_groups_and_roles_are_left_alone() {
        for text in [
            "the Walking Group was lovely",
            "went to the Lunch Club",
            "the Food Bank was busy",
            "referred to the Carers Centre",
            "the Deputy Head rang",
            "the New Moon",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn generic_venues_and_gp_practices_are_left_alone() {
        assert!(found("The Village Hall quiz").is_empty());
        assert!(found("at the Community Centre").is_empty());
        // Practices are warned about by `quasi`, not redacted.
        assert!(found("from Oakwood Medical Centre").is_empty());
        assert!(found("to Rose Hill Surgery").is_empty());
    }
}
