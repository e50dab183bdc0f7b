//! UK postcodes: full ones ("OX4 3AB", "SW1A 1AA", "ox43ab", "GIR 0AA", "BFPO 801")
//! anywhere, and outward-only ones ("OX4") where the context shows a place ("lives in OX4",
//! "the OX4 area"), since a district can identify someone in a small community. Outward
//! codes must start with one of the 121 real postcode areas, which keeps "A34" (a road) and
//! "Q1" out, and every letter must be one the Royal Mail rules (BS 7666) allow in its
//! position, which keeps "B12 2mg" (a dose: M never appears in an inward code) out.

use super::text::{Token, ALL_UPPER, HAS_ALPHA, HAS_DIGIT};
use super::{Kind, Span};

const AREAS: &[&str] = &[
    "AB", "AL", "B", "BA", "BB", "BD", "BF", "BH", "BL", "BN", "BR", "BS", "BT", "BX", "CA", "CB",
    "CF", "CH", "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT",
    "DY", "E", "EC", "EH", "EN", "EX", "FK", "FY", "G", "GL", "GU", "GY", "HA", "HD", "HG", "HP",
    "HR", "HS", "HU", "HX", "IG", "IM", "IP", "IV", "JE", "KA", "KT", "KW", "KY", "L", "LA", "LD",
    "LE", "LL", "LN", "LS", "LU", "M", "ME", "MK", "ML", "N", "NE", "NG", "NN", "NP", "NR", "NW",
    "OL", "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S", "SA", "SE", "SG", "SK",
    "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR",
    "TS", "TW", "UB", "W", "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO", "ZE",
];

/// Parses an outward code ("OX4", "SW1A", "M1"); returns whether its area is a real one.
fn outward(t: &str) -> Option<bool> {
    let b = t.as_bytes();
    if !t.is_ascii() || !(2..=4).contains(&b.len()) {
        return None;
    }
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if !(1..=2).contains(&letters) || !b.get(letters).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let rest = &b[letters + 1..];
    let ok = match rest {
        [] => true,
        [c] => c.is_ascii_alphanumeric(),
        _ => false,
    };
    if !ok {
        return None;
    }
    let up = t.to_ascii_uppercase();
    let u = up.as_bytes();
    // BS 7666 letter rules: Q, V, X never start a postcode; I, J, Z are never second; a
    // letter after the district digit is one of a short list, which differs for A9A and
    // AA9A.
    if b"QVX".contains(&u[0]) || (letters == 2 && b"IJZ".contains(&u[1])) {
        return None;
    }
    if let [c] = rest {
        if c.is_ascii_alphabetic() {
            let allowed: &[u8] = if letters == 1 {
                b"ABCDEFGHJKPSTUW"
            } else {
                b"ABEHMNPRVWXY"
            };
            if !allowed.contains(&c.to_ascii_uppercase()) {
                return None;
            }
        }
    }
    Some(AREAS.contains(&&up[..letters]))
}

/// An inward code: digit, letter, letter, where the letters are never C, I, K, M, O or V
/// (Royal Mail leaves out the ones that look like digits or other letters when written).
fn inward(t: &str) -> bool {
    let b = t.as_bytes();
    let letter_ok = |c: u8| c.is_ascii_alphabetic() && !b"CIKMOV".contains(&c.to_ascii_uppercase());
    b.len() == 3 && b[0].is_ascii_digit() && letter_ok(b[1]) && letter_ok(b[2])
}

/// The gap inside a full postcode: one space (or a no-break space), or two when typed
/// carelessly, or a hyphen, or none.
fn postcode_gap(g: &str) -> bool {
    matches!(g, "" | " " | "\u{a0}" | "  " | "-")
}

/// Postcodes of the British Overseas Territories in the UK format (Ascension, British
/// Antarctic Territory, British Indian Ocean Territory, Falklands, Pitcairn, South Georgia,
/// St Helena, Tristan da Cunha, Turks and Caicos; all with the inward code "1ZZ") and the
/// non-geographic specials (Girobank "GIR 0AA", Santa's "SAN TA1", "XM4 5HQ").
const SPECIAL: &[(&str, &str)] = &[
    ("ASCN", "1ZZ"),
    ("BIQQ", "1ZZ"),
    ("BBND", "1ZZ"),
    ("FIQQ", "1ZZ"),
    ("PCRN", "1ZZ"),
    ("SIQQ", "1ZZ"),
    ("STHL", "1ZZ"),
    ("TDCU", "1ZZ"),
    ("TKCA", "1ZZ"),
    ("GIR", "0AA"),
    ("SAN", "TA1"),
    ("XM4", "5HQ"),
];

/// Overseas territories with their own codes: Cayman "KY1-1001", British Virgin Islands
/// "VG1110", Anguilla "AI-2640", Montserrat "MSR 1110". Returns the byte length matched
/// from the start of `t` (a token) and the number of tokens (one or two).
fn territory(s: &str, toks: &[Token], i: usize) -> Option<usize> {
    let t = toks[i];
    let raw = t.text(s);
    // Every territory code starts with one of these letters and is at most 7 long.
    if raw.len() > 7
        || !matches!(
            raw.as_bytes()[0].to_ascii_uppercase(),
            b'K' | b'V' | b'A' | b'M'
        )
    {
        return None;
    }
    let w = raw.to_ascii_uppercase();
    let next = toks.get(i + 1);
    let gap = next.map(|n| &s[t.end..n.start]).unwrap_or("");
    let digits = |n: &Token, k: usize| n.is_number() && n.len() == k;
    // KY1-1001: "KY" + one digit, a hyphen, four digits.
    if w.len() == 3 && w.starts_with("KY") && w.as_bytes()[2].is_ascii_digit() {
        if let Some(n) = next {
            if matches!(gap, "-" | " ") && digits(n, 4) {
                return Some(n.end);
            }
        }
    }
    // VG1110 (joined) or VG 1110.
    if w.len() == 6 && w.starts_with("VG") && w[2..].bytes().all(|b| b.is_ascii_digit()) {
        return Some(t.end);
    }
    if matches!(w.as_str(), "VG" | "AI" | "MSR") {
        if let Some(n) = next {
            if matches!(gap, "-" | " ") && digits(n, 4) {
                return Some(n.end);
            }
        }
    }
    if w.len() == 7 && w.starts_with("MSR") && w[3..].bytes().all(|b| b.is_ascii_digit()) {
        return Some(t.end);
    }
    None
}

const BEFORE: &[&str] = &[
    // Not "the": "off the M6" is a motorway; "the OX4 area" is caught by what follows.
    "in", "from", "near", "around", "postcode", "of", "to", "at", "lives", "live", "living",
    "moved", "an", "within", "covering", "into", "across", "outside", "round", "district", "area",
];
const AFTER: &[&str] = &[
    "area", "postcode", "district", "way", "side", "patch", "estate", "end",
];

pub(crate) fn scan(s: &str, toks: &[Token], out: &mut Vec<Span>) {
    for i in 0..toks.len() {
        let t = toks[i];
        let text = t.text(s);
        if let Some(end) = territory(s, toks, i) {
            out.push(Span::new(t.start, end, Kind::Postcode));
            continue;
        }
        let special_start = |c: u8| b"ABFPSTGX".contains(&c.to_ascii_uppercase());
        if (3..=4).contains(&text.len()) && special_start(text.as_bytes()[0]) {
            let up = text.to_ascii_uppercase();
            if let Some(n) = toks.get(i + 1) {
                let gap = &s[t.end..n.start];
                let inw = n.text(s).to_ascii_uppercase();
                // "SAN TA1" in lower case is ordinary words: the specials in capitals, or
                // the territories (four letters) in any case.
                let special = SPECIAL.iter().any(|(o, w)| *o == up && *w == inw);
                if special && postcode_gap(gap) && (t.is(ALL_UPPER) || up.len() == 4) {
                    out.push(Span::new(t.start, n.end, Kind::Postcode));
                    continue;
                }
            }
        }
        if (6..=7).contains(&text.len()) && special_start(text.as_bytes()[0]) {
            let up = text.to_ascii_uppercase();
            if SPECIAL
                .iter()
                .any(|(o, w)| up.len() == o.len() + 3 && up.starts_with(o) && up.ends_with(w))
            {
                out.push(Span::new(t.start, t.end, Kind::Postcode));
                continue;
            }
        }
        // British Forces Post Office: "BFPO 801", "BFPO 1234" (forces postcodes that
        // route to a unit, so they place a person as surely as a street).
        if text.eq_ignore_ascii_case("bfpo") {
            if let Some(n) = toks.get(i + 1) {
                if postcode_gap(&s[t.end..n.start]) && n.is_number() && (1..=4).contains(&n.len()) {
                    out.push(Span::new(t.start, n.end, Kind::Postcode));
                }
            }
            continue;
        }
        if !t.is(HAS_ALPHA) || !t.is(HAS_DIGIT) && !text.eq_ignore_ascii_case("gir") {
            continue;
        }
        // Joined: "OX43AB" (5-7 chars: outward + inward).
        if (5..=7).contains(&text.len()) && text.is_ascii() {
            let (o, inw) = text.split_at(text.len() - 3);
            let girobank = o.eq_ignore_ascii_case("gir") && inw.eq_ignore_ascii_case("0aa");
            if girobank || inward(inw) && outward(o).is_some_and(|real| real || t.is(ALL_UPPER)) {
                out.push(Span::new(t.start, t.end, Kind::Postcode));
                continue;
            }
        }
        let real = if text.eq_ignore_ascii_case("gir") {
            Some(true)
        } else {
            outward(text)
        };
        let Some(real) = real else { continue };
        // Full with a space: "OX4 3AB". Upper case, or a real area in any case.
        if let Some(n) = toks.get(i + 1) {
            let gap = &s[t.end..n.start];
            if postcode_gap(gap) && inward(n.text(s)) && (real || t.is(ALL_UPPER)) {
                out.push(Span::new(t.start, n.end, Kind::Postcode));
                continue;
            }
        }
        // Outward only: real area, upper case, with a place-like context.
        if real && t.is(ALL_UPPER) {
            let prev = i
                .checked_sub(1)
                .map(|p| toks[p].text(s).to_ascii_lowercase());
            let next = toks.get(i + 1).map(|n| n.text(s).to_ascii_lowercase());
            let ctx = prev.as_deref().is_some_and(|p| BEFORE.contains(&p))
                || next.as_deref().is_some_and(|n| AFTER.contains(&n))
                // "Oxford OX4," after a capitalised place name.
                // "Cowley OX4": after a place name, for two-letter areas ("Vitamin B12" is not).
                || (i > 0
                    && toks[i - 1].is_title()
                    && s[toks[i - 1].end..t.start].trim().is_empty()
                    && text.bytes().take_while(u8::is_ascii_alphabetic).count() == 2);
            if ctx {
                out.push(Span::new(t.start, t.end, Kind::Postcode));
            }
        }
    }
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
    fn every_outward_shape_is_found_spaced_joined_and_in_any_case() {
        for pc in [
            "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX", "EC1A 1BB", "SW1A1AA",
            "sw1a 1aa", "Ls6 2ab", "CV1  2AB",
        ] {
            assert_eq!(found(&format!("at {pc} today")), [pc], "{pc}");
        }
    }

    #[test]
    fn girobank_and_forces_postcodes_are_found() {
        assert_eq!(found("to GIR 0AA"), ["GIR 0AA"]);
        assert_eq!(found("to gir0aa"), ["gir0aa"]);
        assert_eq!(found("post to BFPO 801 weekly"), ["BFPO 801"]);
    }

    #[test]
    fn overseas_territory_and_special_postcodes_are_found() {
        for pc in [
            "ASCN 1ZZ", "STHL 1ZZ", "TDCU 1ZZ", "FIQQ 1ZZ", "BIQQ 1ZZ", "BBND 1ZZ", "PCRN 1ZZ",
            "SIQQ 1ZZ", "TKCA 1ZZ", "fiqq1zz", "GX11 1AA", "KY1-1001", "VG1110", "AI-2640",
            "MSR 1110", "SAN TA1", "XM4 5HQ", "OX4-3AB",
        ] {
            assert_eq!(found(&format!("post to {pc} now")), [pc], "{pc}");
        }
        // Lower-case "san" before a word is not Santa's postcode.
        assert!(found("san ta1").is_empty());
    }

    #[test]
    fn letters_the_royal_mail_never_uses_are_not_postcodes() {
        // Inward letters exclude C, I, K, M, O, V: "2mg" is a dose.
        assert!(found("vitamin B12 2mg daily").is_empty());
        assert!(!inward("1CA") && !inward("2AM") && inward("2AB"));
        // A9A allows only ABCDEFGHJKPSTUW third; AA9A only ABEHMNPRVWXY fourth.
        assert_eq!(outward("W1A"), Some(true));
        assert_eq!(outward("W1L"), None);
        assert_eq!(outward("EC1A"), Some(true));
        assert_eq!(outward("EC1C"), None);
        // Q, V, X never start one; I, J, Z are never second.
        assert_eq!(outward("QA1"), None);
        assert_eq!(outward("AZ1"), None);
    }

    #[test]
    fn roads_rooms_and_scores_are_not_postcodes() {
        assert!(found("drove up the M6 to see her").is_empty());
        assert!(found("down the A1 road").is_empty());
        assert!(found("met in room B12").is_empty());
        assert!(found("scored PHQ9 12 today").is_empty());
    }
}
