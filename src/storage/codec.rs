//! The one seam every stored record passes through. A record's JSON envelope (from
//! [`crate::core::record`]) goes in; the string local storage keeps comes out, and back.
//! The encoders in the core know nothing of this: compression now, and the lock's
//! sealing later, happen here and only here.
//!
//! A stored value of format 4 or later is a short readable header and a body:
//!
//! ```text
//! AP4;z;<revision>;<body>
//! ```
//!
//! - `AP4` is the frame's format version. A larger number was written by a newer app and
//!   is never overwritten.
//! - The codec identifier says how the body was made: `j` is the JSON envelope as it is
//!   (kept for tests and for records too small to gain from compression), `z` is the
//!   envelope compressed with DEFLATE (`miniz_oxide`) and packed 15 bits to a UTF-16
//!   character. Sealing adds its own identifier and header here.
//! - The revision counts the writes of this key, so a tab can tell that another tab
//!   wrote since it last read. It sits outside the body so the lock can authenticate it.
//!
//! Why 15 bits a character: local storage keeps JavaScript strings, and Chromium counts
//! its quota in UTF-16 code units (about 5.2 million). base64 would carry 6 bits in each
//! unit; JSON text carries about 7. Here each unit is one of 32,768 code points from
//! U+3400 to U+B3FF, all below the surrogates, so every string is valid UTF-16 and
//! round-trips through any browser. The body's first character says how many padding
//! bits the last unit carries.
//!
//! Values written before format 4 are plain JSON envelopes (they start with `{`): they
//! are read as revision 0 and migrated on reading by the core's decoders.

use thiserror::Error;

/// The frame version this code writes.
pub const FRAME_VERSION: u32 = 4;

/// Decompressed records larger than this are refused: nothing Anchorpoint writes comes
/// near it, and a hostile value must not make the page allocate without bound.
pub const MAX_RECORD_BYTES: usize = 8 * 1024 * 1024;

/// The first code point of the 15-bit alphabet.
const BASE: u32 = 0x3400;

/// Why a stored value could not be opened. Worded to finish "… could not be read
/// because …", like [`crate::core::record::DecodeError`].
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum CodecError {
    #[error("it was written by a newer version of Anchorpoint (storage format {0}); update the app to read it")]
    Newer(u32),
    #[error("it is not in a format Anchorpoint understands")]
    NotOurs,
    #[error("its contents are damaged ({0})")]
    Damaged(String),
    #[error("it uses a way of storing ({0}) this version of Anchorpoint does not have")]
    UnknownCodec(String),
}

/// A stored value opened: its revision (0 for values written before format 4) and the
/// JSON envelope inside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opened {
    pub revision: u64,
    pub json: String,
}

/// Turns a record's JSON into a stored value and back. The store holds one and passes
/// every record through it; `key` is the storage key the value lives under, which a
/// sealing codec binds into the record.
pub trait Codec: Send + Sync {
    /// The identifier written into every frame this codec makes.
    fn id(&self) -> &'static str;
    fn encode(&self, key: &str, revision: u64, json: &str) -> String;
    /// Opens a frame whose header has already been read.
    fn decode_body(&self, key: &str, revision: u64, body: &str) -> Result<String, CodecError>;
}

/// The JSON envelope as it is. Used by tests and fixtures, where readable values help.
#[derive(Clone, Copy, Debug, Default)]
pub struct PlainJson;

impl Codec for PlainJson {
    fn id(&self) -> &'static str {
        "j"
    }

    fn encode(&self, _key: &str, revision: u64, json: &str) -> String {
        frame("j", revision, json)
    }

    fn decode_body(&self, _key: &str, _revision: u64, body: &str) -> Result<String, CodecError> {
        Ok(body.to_owned())
    }
}

/// DEFLATE, then 15 bits to a character: what the app writes.
#[derive(Clone, Copy, Debug, Default)]
pub struct Compact;

impl Codec for Compact {
    fn id(&self) -> &'static str {
        "z"
    }

    fn encode(&self, _key: &str, revision: u64, json: &str) -> String {
        // Level 9: records are small, so the best ratio costs well under a millisecond.
        let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
        frame("z", revision, &dense::encode(&packed))
    }

    fn decode_body(&self, _key: &str, _revision: u64, body: &str) -> Result<String, CodecError> {
        let packed = dense::decode(body).ok_or_else(|| {
            CodecError::Damaged("its characters are not ones Anchorpoint writes".into())
        })?;
        let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_RECORD_BYTES)
            .map_err(|e| {
            CodecError::Damaged(format!("it does not decompress: {:?}", e.status))
        })?;
        String::from_utf8(bytes).map_err(|_| CodecError::Damaged("it is not text".into()))
    }
}

fn frame(codec: &str, revision: u64, body: &str) -> String {
    format!("AP{FRAME_VERSION};{codec};{revision};{body}")
}

/// A frame's header, read without opening the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header<'a> {
    pub version: u32,
    pub codec: &'a str,
    pub revision: u64,
    pub body: &'a str,
}

/// Reads the header of a format 4 value. `None` when the value is not a frame at all
/// (for example a JSON envelope from format 1 to 3).
pub fn header(stored: &str) -> Option<Result<Header<'_>, CodecError>> {
    let rest = stored.strip_prefix("AP")?;
    let mut parts = rest.splitn(4, ';');
    let version = parts.next()?;
    let parsed = (|| {
        let version: u32 = version
            .parse()
            .map_err(|_| CodecError::Damaged("its header is unreadable".into()))?;
        let codec = parts
            .next()
            .ok_or_else(|| CodecError::Damaged("its header is cut short".into()))?;
        let revision = parts
            .next()
            .and_then(|r| r.parse().ok())
            .ok_or_else(|| CodecError::Damaged("its revision is unreadable".into()))?;
        let body = parts
            .next()
            .ok_or_else(|| CodecError::Damaged("it has no body".into()))?;
        Ok(Header {
            version,
            codec,
            revision,
            body,
        })
    })();
    Some(parsed)
}

/// Opens any stored value: a frame through the codec named in its header (one of
/// `codecs`), or a JSON envelope written before format 4 as revision 0.
pub fn open(key: &str, stored: &str, codecs: &[&dyn Codec]) -> Result<Opened, CodecError> {
    if stored.starts_with('{') {
        return Ok(Opened {
            revision: 0,
            json: stored.to_owned(),
        });
    }
    let header = header(stored).ok_or(CodecError::NotOurs)??;
    if header.version > FRAME_VERSION {
        return Err(CodecError::Newer(header.version));
    }
    if header.version < 4 {
        return Err(CodecError::Damaged(format!(
            "storage format {} has no header",
            header.version
        )));
    }
    let codec = codecs
        .iter()
        .find(|c| c.id() == header.codec)
        .ok_or_else(|| CodecError::UnknownCodec(header.codec.to_owned()))?;
    let json = codec.decode_body(key, header.revision, header.body)?;
    Ok(Opened {
        revision: header.revision,
        json,
    })
}

/// Bytes packed 15 bits to a UTF-16 code unit.
pub mod dense {
    use super::BASE;

    /// Packs bytes. The first character says how many bits of the last unit are padding.
    pub fn encode(bytes: &[u8]) -> String {
        let bits = bytes.len() * 8;
        let units = bits.div_ceil(15);
        let pad = units * 15 - bits;
        let mut out = String::with_capacity(units * 3 + 1);
        out.push(char::from(b'a' + pad as u8));
        let mut acc: u32 = 0;
        let mut have = 0u32;
        for &b in bytes {
            acc = (acc << 8) | u32::from(b);
            have += 8;
            if have >= 15 {
                have -= 15;
                push(&mut out, (acc >> have) & 0x7FFF);
                acc &= (1 << have) - 1;
            }
        }
        if have > 0 {
            push(&mut out, (acc << (15 - have)) & 0x7FFF);
        }
        out
    }

    fn push(out: &mut String, value: u32) {
        // BASE + value is at most U+B3FF: never a surrogate, always a char.
        if let Some(c) = char::from_u32(BASE + value) {
            out.push(c);
        }
    }

    /// Unpacks what [`encode`] made; `None` for anything it could not have made.
    pub fn decode(text: &str) -> Option<Vec<u8>> {
        let mut chars = text.chars();
        let pad = u32::from(chars.next()?).checked_sub(u32::from('a'))?;
        if pad >= 15 {
            return None;
        }
        let mut out = Vec::with_capacity(text.len() * 15 / 8 / 3 + 1);
        let mut acc: u32 = 0;
        let mut have = 0u32;
        let mut units = 0usize;
        for c in chars {
            let value = u32::from(c).checked_sub(BASE).filter(|v| *v < 0x8000)?;
            acc = (acc << 15) | value;
            have += 15;
            units += 1;
            while have >= 8 {
                have -= 8;
                out.push((acc >> have) as u8);
                acc &= (1 << have) - 1;
            }
        }
        // The padding must be exactly what encode would have left.
        let bits = units * 15;
        let pad = pad as usize;
        if bits < pad || !(bits - pad).is_multiple_of(8) {
            return None;
        }
        let keep = (bits - pad) / 8;
        if out.len() < keep || out[keep..].iter().any(|b| *b != 0) || acc != 0 {
            return None;
        }
        out.truncate(keep);
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENTRY: &str = r#"{"app":"anchorpoint","kind":"entry","v":4,"data":{"text":"Offered a fourth session; nothing to fix, I listened."}}"#;

    #[test]
    fn a_compact_frame_opens_to_the_same_json_and_revision() {
        let stored = Compact.encode("anchorpoint.entry.a", 7, ENTRY);
        assert!(stored.starts_with("AP4;z;7;"), "{stored}");
        assert_eq!(
            open("anchorpoint.entry.a", &stored, &[&Compact, &PlainJson]),
            Ok(Opened {
                revision: 7,
                json: ENTRY.into()
            })
        );
    }

    #[test]
    fn a_json_envelope_from_before_format_4_opens_as_revision_0() {
        assert_eq!(
            open("k", ENTRY, &[&Compact]),
            Ok(Opened {
                revision: 0,
                json: ENTRY.into()
            })
        );
    }

    #[test]
    fn compact_frames_use_no_surrogates_and_fewer_units_than_the_json() {
        let prose = "We talked about the waiting list again and what might help while she waits. \
                     I said I would ring the housing officer and check on the bidding. "
            .repeat(6);
        let json =
            format!(r#"{{"app":"anchorpoint","kind":"entry","v":4,"data":{{"text":"{prose}"}}}}"#);
        let stored = Compact.encode("k", 1, &json);
        assert!(stored
            .encode_utf16()
            .all(|u| !(0xD800..0xE000).contains(&u)));
        let units = stored.encode_utf16().count();
        assert!(
            units * 3 < json.len(),
            "{units} units for {} bytes",
            json.len()
        );
    }

    /// One line per case: a stored value and the error it must give.
    fn check(stored: &str, expected: CodecError) {
        assert_eq!(
            open("k", stored, &[&Compact, &PlainJson]),
            Err(expected),
            "{stored:?}"
        );
    }

    #[test]
    fn damaged_foreign_and_newer_frames_are_refused_with_a_reason() {
        check("AP5;z;1;abc", CodecError::Newer(5));
        check("AP12;q;1;abc", CodecError::Newer(12));
        check("hello", CodecError::NotOurs);
        check("", CodecError::NotOurs);
        check("AP4;q;1;x", CodecError::UnknownCodec("q".into()));
        check(
            "AP4;z;x;abc",
            CodecError::Damaged("its revision is unreadable".into()),
        );
        check("AP4;z;1", CodecError::Damaged("it has no body".into()));
        check("AP4", CodecError::Damaged("its header is cut short".into()));
        check(
            "APx;z;1;a",
            CodecError::Damaged("its header is unreadable".into()),
        );
        check(
            "AP4;z;1;hello",
            CodecError::Damaged("its characters are not ones Anchorpoint writes".into()),
        );
        let good = Compact.encode("k", 1, ENTRY);
        let cut: String = good.chars().take(good.chars().count() - 3).collect();
        assert!(matches!(
            open("k", &cut, &[&Compact]),
            Err(CodecError::Damaged(_))
        ));
    }

    #[test]
    fn a_value_that_inflates_past_the_limit_is_refused() {
        let huge = vec![b'a'; MAX_RECORD_BYTES + 1];
        let packed = miniz_oxide::deflate::compress_to_vec(&huge, 9);
        let stored = format!("AP4;z;1;{}", dense::encode(&packed));
        assert!(matches!(
            open("k", &stored, &[&Compact]),
            Err(CodecError::Damaged(_))
        ));
    }

    #[test]
    fn dense_packing_round_trips_every_length_near_a_unit_boundary() {
        for len in 0..64 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(
                dense::decode(&dense::encode(&bytes)),
                Some(bytes),
                "length {len}"
            );
        }
    }

    #[test]
    fn dense_decoding_refuses_what_encoding_could_not_make() {
        assert_eq!(dense::decode(""), None);
        assert_eq!(dense::decode("p"), None); // 15 padding bits
        assert_eq!(dense::decode("aA"), None); // below the alphabet
        assert_eq!(dense::decode("a\u{B400}"), None); // above it
        let mut odd = dense::encode(&[1, 2, 3]);
        odd.replace_range(0..1, "c"); // wrong padding count
        assert_eq!(dense::decode(&odd), None);
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_bytes_survive_dense_packing(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
                prop_assert_eq!(dense::decode(&dense::encode(&bytes)), Some(bytes));
            }

            #[test]
            fn any_record_survives_the_compact_codec(json in "\\PC{0,1500}", revision in any::<u64>(), key in "[a-z.0-9-]{1,40}") {
                let stored = Compact.encode(&key, revision, &json);
                prop_assert_eq!(open(&key, &stored, &[&Compact]), Ok(Opened { revision, json }));
            }

            #[test]
            fn no_stored_text_makes_opening_panic(stored in "\\PC{0,300}") {
                let _ = open("k", &stored, &[&Compact, &PlainJson]);
                let _ = dense::decode(&stored);
            }
        }
    }
}
