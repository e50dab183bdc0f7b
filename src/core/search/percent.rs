//! Percent-encoding for the search page's query string, written by hand so the core
//! needs no URL crate. It follows `application/x-www-form-urlencoded`, which is what a
//! GET form submits and what the browser's `URLSearchParams` reads: a space may be `+`,
//! anything outside the unreserved ASCII set is the `%XX` of its UTF-8 bytes. Decoding
//! never fails, because a hand-edited or truncated URL must still open the page.

/// Appends `value` to `out`, encoded for a query-string value or name.
pub(crate) fn encode_into(value: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &byte in value.as_bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(char::from(byte));
            }
            // `+` reads better in an address bar than `%20`; a literal `+` is `%2B`.
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push(char::from(HEX[usize::from(byte >> 4)]));
                out.push(char::from(HEX[usize::from(byte & 0x0F)]));
            }
        }
    }
}

/// Decodes one query-string value or name. `+` is a space; a `%` not followed by two hex
/// digits is kept as it is (as browsers do); bytes that are not UTF-8 become U+FFFD.
pub(crate) fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let high = bytes.get(i + 1).copied().and_then(hex_value);
                let low = bytes.get(i + 2).copied().and_then(hex_value);
                if let (Some(high), Some(low)) = (high, low) {
                    out.push(high << 4 | low);
                    i += 2;
                } else {
                    out.push(b'%');
                }
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_value(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

/// The decoded `(name, value)` pairs of a query string, in order. A leading `?` is
/// skipped, empty pieces (`a=1&&b=2`) are ignored and a piece without `=` has an empty
/// value, as `URLSearchParams` does.
pub(crate) fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    let query = query.strip_prefix('?').unwrap_or(query);
    query
        .split('&')
        .filter(|piece| !piece.is_empty())
        .map(|piece| match piece.split_once('=') {
            Some((name, value)) => (decode(name), decode(value)),
            None => (decode(piece), String::new()),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(value: &str) -> String {
        let mut out = String::new();
        encode_into(value, &mut out);
        out
    }

    /// One line per case: the text, how it is encoded, and that it decodes back.
    fn check(text: &str, expected: &str) {
        assert_eq!(encoded(text), expected, "encoding {text:?}");
        assert_eq!(decode(expected), text, "decoding {expected:?}");
    }

    #[test]
    fn text_is_encoded_as_a_form_would_encode_it_and_decodes_back() {
        check("waiting", "waiting");
        check("waiting list", "waiting+list");
        check("a+b", "a%2Bb");
        check("50%", "50%25");
        check("q=1&tag=x", "q%3D1%26tag%3Dx");
        check("don’t", "don%E2%80%99t");
        check("café", "caf%C3%A9");
        check("🙂", "%F0%9F%99%82");
        check("-._~", "-._~");
        check("", "");
    }

    #[test]
    fn decoding_forgives_what_a_hand_edited_url_might_hold() {
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%4"), "%4");
        assert_eq!(decode("%e2%80%99"), "’");
        assert_eq!(decode("%20"), " ");
        // A lone continuation byte is not UTF-8: it shows as a replacement character.
        assert_eq!(decode("a%80b"), "a\u{FFFD}b");
        // Unencoded UTF-8 pasted straight into the address bar still reads.
        assert_eq!(decode("café"), "café");
    }

    #[test]
    fn pairs_skip_the_question_mark_and_empty_pieces() {
        let got: Vec<(String, String)> = pairs("?q=a+b&&tag=x&flag&=v").collect();
        let want = [("q", "a b"), ("tag", "x"), ("flag", ""), ("", "v")];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(got, want);
        assert_eq!(pairs("").count(), 0);
        assert_eq!(pairs("?").count(), 0);
    }
}
