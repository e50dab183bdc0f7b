//! Email addresses, web addresses and IP addresses (v4 and v6). Hand-written scanners
//! rather than the `regex` crate, which would add far more to the browser bundle than these
//! few shapes are worth. Web addresses are caught with a scheme ("https://"), with "www.",
//! or as a bare domain ending in a common top-level domain ("facebook.com/jo.bloggs");
//! social media handles ("@lorraine.hebden62") as web addresses too.

use super::{Kind, Span};

fn is_local_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-' | b'\'')
}

fn is_domain_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-' || c == b'.'
}

/// Characters a URL path may contain (we stop at spaces, quotes and angle brackets).
fn is_url_char(c: u8) -> bool {
    c > b' '
        && !matches!(
            c,
            b'"' | b'<' | b'>' | b'`' | b'{' | b'}' | b'|' | b'\\' | b'^'
        )
        && c < 0x7f
}

const TLDS: &[&str] = &[
    "com", "org", "net", "uk", "io", "co", "info", "gov", "nhs", "ac", "me", "app", "ly", "ie",
    "eu", "tv", "biz", "us", "scot", "wales", "cymru", "london", "online", "site", "xyz", "edu",
    "int", "dev", "ai", "fm", "be", "to", "de", "fr", "in", "pk", "ng", "au", "ca", "nz",
];

pub(crate) fn scan(s: &str, out: &mut Vec<Span>) {
    let b = s.as_bytes();
    let n = b.len();
    // Emails: expand around every '@'.
    for (at, _) in s.match_indices('@') {
        let mut l = at;
        while l > 0 && is_local_char(b[l - 1]) {
            l -= 1;
        }
        while l < at && matches!(b[l], b'.' | b'\'' | b'-') {
            l += 1;
        }
        let mut r = at + 1;
        while r < n && is_domain_char(b[r]) {
            r += 1;
        }
        while r > at + 1 && matches!(b[r - 1], b'.' | b'-') {
            r -= 1;
        }
        let domain = &s[at + 1..r];
        if l < at && domain.contains('.') && !domain.starts_with('.') {
            out.push(Span::new(l, r, Kind::Email));
        } else if l == at && (at == 0 || !is_local_char(b[at - 1])) {
            social_handle(s, at, out);
        }
    }
    // URLs and bare domains: look at each maximal run of non-space URL characters.
    let mut i = 0;
    while i < n {
        if !is_url_char(b[i]) || (i > 0 && is_url_char(b[i - 1])) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && is_url_char(b[j]) {
            j += 1;
        }
        url_in_chunk(s, i, j, out);
        ip_in_chunk(s, i, j, out);
        i = j;
    }
}

/// A social media handle ("her Facebook is @lorraine.hebden62"): "@" and then letters,
/// digits, dots and underscores, starting with a letter or underscore ("meet @3pm" is a
/// time). It is an online address, so it is redacted as one.
fn social_handle(s: &str, at: usize, out: &mut Vec<Span>) {
    let b = s.as_bytes();
    let mut r = at + 1;
    while r < b.len() && (b[r].is_ascii_alphanumeric() || matches!(b[r], b'.' | b'_')) {
        r += 1;
    }
    while r > at + 1 && b[r - 1] == b'.' {
        r -= 1;
    }
    let handle = &b[at + 1..r];
    if (2..=30).contains(&handle.len()) && (handle[0].is_ascii_alphabetic() || handle[0] == b'_') {
        out.push(Span::new(at, r, Kind::Url));
    }
}

/// Trims punctuation that ends a sentence rather than a URL.
fn trim_end(s: &str, start: usize, mut end: usize) -> usize {
    let b = s.as_bytes();
    while end > start
        && matches!(
            b[end - 1],
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b'\'' | b']'
        )
    {
        // Keep a closing bracket that has an opening one inside the URL.
        if b[end - 1] == b')' && s[start..end].contains('(') {
            break;
        }
        end -= 1;
    }
    end
}

fn url_in_chunk(s: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let chunk = &s[start..end];
    let lower = chunk.to_ascii_lowercase();
    // Skip leading brackets/quotes.
    let lead = chunk.len() - chunk.trim_start_matches(['(', '[', '\'']).len();
    let body = &lower[lead..];
    let st = start + lead;
    if body.starts_with("http://")
        || body.starts_with("https://")
        || body.starts_with("www.")
        || body.starts_with("ftp://")
    {
        let e = trim_end(s, st, end);
        if e > st + 4 {
            out.push(Span::new(st, e, Kind::Url));
        }
        return;
    }
    // Bare domain: labels of [a-z0-9-] joined by dots, last label a known TLD, then
    // optionally a path.
    let bb = body.as_bytes();
    let mut k = 0;
    let mut labels = 0;
    let mut last_label = (0, 0);
    let mut has_letter_label = false;
    while k < bb.len() {
        let ls = k;
        while k < bb.len() && (bb[k].is_ascii_alphanumeric() || bb[k] == b'-') {
            k += 1;
        }
        if k == ls {
            break;
        }
        labels += 1;
        last_label = (ls, k);
        if bb[ls..k].iter().filter(|c| c.is_ascii_alphabetic()).count() >= 2 {
            has_letter_label = true;
        }
        if k < bb.len() && bb[k] == b'.' && k + 1 < bb.len() && bb[k + 1].is_ascii_alphanumeric() {
            k += 1;
            continue;
        }
        break;
    }
    let tld = &body[last_label.0..last_label.1];
    if labels >= 2 && has_letter_label && TLDS.contains(&tld) {
        // The first label must have two letters: "e.g", "i.e", "a.m" are not domains.
        let first_len = bb
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
            .count();
        if first_len < 2 {
            return;
        }
        let mut e = st + k;
        if k < bb.len() && bb[k] == b'/' {
            e = trim_end(s, st, end);
        }
        out.push(Span::new(st, e, Kind::Url));
    }
}

fn ip_in_chunk(s: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let chunk = &s[start..end];
    // IPv4: find dotted quads anywhere in the chunk.
    let b = chunk.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit()
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric() && b[i - 1] != b'.')
        {
            let mut k = i;
            let mut parts = 0;
            let mut ok = true;
            loop {
                let ps = k;
                while k < b.len() && b[k].is_ascii_digit() {
                    k += 1;
                }
                let len = k - ps;
                if len == 0 || len > 3 || chunk[ps..k].parse::<u16>().map_or(true, |v| v > 255) {
                    ok = false;
                    break;
                }
                parts += 1;
                if parts == 4 {
                    break;
                }
                if k + 1 < b.len() && b[k] == b'.' && b[k + 1].is_ascii_digit() {
                    k += 1;
                } else {
                    ok = false;
                    break;
                }
            }
            let boundary = k >= b.len()
                || !(b[k].is_ascii_alphanumeric()
                    || (b[k] == b'.' && k + 1 < b.len() && b[k + 1].is_ascii_digit()));
            if ok && parts == 4 && boundary {
                out.push(Span::new(start + i, start + k, Kind::IpAddress));
                i = k;
                continue;
            }
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            continue;
        }
        i += 1;
    }
    // IPv6: a run of hex digits and colons with at least two colons, either with "::" or
    // with at least six groups (so times like "10:30:45" are left alone).
    let trimmed_start = chunk.len() - chunk.trim_start_matches(['(', '[']).len();
    let body = &chunk[trimmed_start..];
    let run = body
        .bytes()
        .take_while(|c| c.is_ascii_hexdigit() || *c == b':' || *c == b'.')
        .count();
    let cand = body[..run].trim_end_matches(['.', ':']);
    let cand = if body[..run].ends_with("::") {
        &body[..run]
    } else {
        cand
    };
    if cand.bytes().filter(|&c| c == b':').count() >= 2 {
        let groups: Vec<&str> = cand.split(':').collect();
        let double = cand.contains("::");
        let groups_ok = groups.iter().all(|g| g.len() <= 4 || g.contains('.'));
        let nonempty = groups.iter().filter(|g| !g.is_empty()).count();
        let has_hex_letter = cand.bytes().any(|c| c.is_ascii_alphabetic());
        let after_ok = run == body.len() || !body.as_bytes()[run].is_ascii_alphanumeric();
        if groups_ok
            && after_ok
            && ((double
                && nonempty >= 1
                && (has_hex_letter || nonempty >= 2 || cand.starts_with("::")))
                || nonempty >= 6)
        {
            let st = start + trimmed_start;
            out.push(Span::new(st, st + cand.len(), Kind::IpAddress));
        }
    }
}
