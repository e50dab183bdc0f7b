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
//!   character. `s` is the lock's sealing codec ([`Sealed`]): the body is
//!   `dense(nonce || XChaCha20-Poly1305(deflate(envelope)))`, with a fresh random
//!   192-bit nonce on every write and the frame version, codec, revision and storage
//!   key as associated data, so a sealed record cannot be moved under another key or
//!   given another revision unnoticed.
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

use crate::core::crypto::{self, Key, NONCE_BYTES, TAG_BYTES};

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

/// Why a record could not be made into a stored value: only sealing can fail, when the
/// browser gives no random numbers for its nonce. Nothing is written then.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
#[error("this browser could not provide the random numbers sealing needs ({0})")]
pub struct EncodeError(pub String);

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
    fn encode(&self, key: &str, revision: u64, json: &str) -> Result<String, EncodeError>;
    /// Opens a frame whose header has already been read.
    fn decode_body(&self, key: &str, revision: u64, body: &str) -> Result<String, CodecError>;
    /// A copy, for another store that seals with the same key (the supervisor space
    /// while the journal's lock is on).
    fn clone_box(&self) -> Box<dyn Codec>;
}

/// The JSON envelope as it is. Used by tests and fixtures, where readable values help.
#[derive(Clone, Copy, Debug, Default)]
pub struct PlainJson;

impl Codec for PlainJson {
    fn clone_box(&self) -> Box<dyn Codec> {
        Box::new(*self)
    }

    fn id(&self) -> &'static str {
        "j"
    }

    fn encode(&self, _key: &str, revision: u64, json: &str) -> Result<String, EncodeError> {
        Ok(frame("j", revision, json))
    }

    fn decode_body(&self, _key: &str, _revision: u64, body: &str) -> Result<String, CodecError> {
        Ok(body.to_owned())
    }
}

/// DEFLATE, then 15 bits to a character: what the app writes.
#[derive(Clone, Copy, Debug, Default)]
pub struct Compact;

impl Codec for Compact {
    fn clone_box(&self) -> Box<dyn Codec> {
        Box::new(*self)
    }

    fn id(&self) -> &'static str {
        "z"
    }

    fn encode(&self, _key: &str, revision: u64, json: &str) -> Result<String, EncodeError> {
        Ok(Compact::encode_with(compressor::get(), revision, json))
    }

    fn decode_body(&self, _key: &str, _revision: u64, body: &str) -> Result<String, CodecError> {
        inflate(&unpack(body)?)
    }
}

impl Compact {
    /// A compact frame made with `deflate`, or, with none yet, the JSON envelope as it is
    /// (`j`), which every reader of format 4 opens: the record is saved whole either way,
    /// only larger, and its next write compresses it.
    pub fn encode_with(deflate: Option<Deflate>, revision: u64, json: &str) -> String {
        match deflate {
            Some(deflate) => frame("z", revision, &dense::encode(&deflate(json.as_bytes()))),
            None => frame("j", revision, json),
        }
    }
}

/// A DEFLATE compressor: [`deflate`], reached through a pointer when it is in a chunk.
pub type Deflate = fn(&[u8]) -> Vec<u8>;

/// Level 9: records are small, so the best ratio costs well under a millisecond.
pub fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(bytes, 9)
}

/// Where [`Compact`] finds its compressor. Reading needs only the decompressor, and
/// nothing is written before the worker acts, so the release build (`split` feature)
/// leaves the compressor (7.6 KB of the first load's gzip) to a chunk fetched soon after
/// the first frame (`ui::compressor`), which hands it over here. Every other build has it
/// from the start.
pub mod compressor {
    use super::Deflate;

    #[cfg(feature = "split")]
    static ARRIVED: std::sync::OnceLock<Deflate> = std::sync::OnceLock::new();

    /// The compressor, once its chunk has arrived.
    #[cfg(feature = "split")]
    pub fn arrived(deflate: Deflate) {
        let _ = ARRIVED.set(deflate);
    }

    /// Whether writes compress yet.
    pub fn get() -> Option<Deflate> {
        #[cfg(feature = "split")]
        {
            ARRIVED.get().copied()
        }
        #[cfg(not(feature = "split"))]
        {
            Some(super::deflate)
        }
    }
}

fn unpack(body: &str) -> Result<Vec<u8>, CodecError> {
    dense::decode(body)
        .ok_or_else(|| CodecError::Damaged("its characters are not ones Anchorpoint writes".into()))
}

fn inflate(packed: &[u8]) -> Result<String, CodecError> {
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(packed, MAX_RECORD_BYTES)
        .map_err(|e| CodecError::Damaged(format!("it does not decompress: {:?}", e.status)))?;
    String::from_utf8(bytes).map_err(|_| CodecError::Damaged("it is not text".into()))
}

/// The lock's codec: compact, then sealed with the journal's data key. It holds the
/// only copy of the key a tab has while unlocked; dropping it (locking) wipes the key.
/// Built only by the lazily loaded lock pages, so neither it nor the cipher is in the
/// first load.
#[derive(Clone)]
pub struct Sealed {
    /// Shared by the copies a tab makes; wiped when the last one drops (on locking).
    key: std::sync::Arc<Key>,
}

impl Sealed {
    pub fn new(key: Key) -> Sealed {
        Sealed {
            key: std::sync::Arc::new(key),
        }
    }

    /// What each sealed record binds in: the frame version and codec, its revision and
    /// the storage key it lives under.
    fn aad(key: &str, revision: u64) -> Vec<u8> {
        format!("AP{FRAME_VERSION};s;{revision};{key}").into_bytes()
    }
}

impl std::fmt::Debug for Sealed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sealed(…)")
    }
}

impl Codec for Sealed {
    fn clone_box(&self) -> Box<dyn Codec> {
        Box::new(self.clone())
    }

    fn id(&self) -> &'static str {
        "s"
    }

    fn encode(&self, key: &str, revision: u64, json: &str) -> Result<String, EncodeError> {
        let nonce = super::random::nonce().map_err(|e| EncodeError(e.to_string()))?;
        let sealed = crypto::seal(
            &self.key,
            &nonce,
            &Self::aad(key, revision),
            &deflate(json.as_bytes()),
        );
        let mut bytes = Vec::with_capacity(NONCE_BYTES + sealed.len());
        bytes.extend_from_slice(&nonce);
        bytes.extend_from_slice(&sealed);
        Ok(frame("s", revision, &dense::encode(&bytes)))
    }

    fn decode_body(&self, key: &str, revision: u64, body: &str) -> Result<String, CodecError> {
        let bytes = unpack(body)?;
        if bytes.len() < NONCE_BYTES + TAG_BYTES {
            return Err(CodecError::Damaged(
                "its sealed contents are cut short".into(),
            ));
        }
        let (nonce, sealed) = bytes.split_at(NONCE_BYTES);
        let nonce: [u8; NONCE_BYTES] = nonce.try_into().unwrap_or([0; NONCE_BYTES]);
        let packed =
            crypto::open(&self.key, &nonce, &Self::aad(key, revision), sealed).map_err(|_| {
                CodecError::Damaged(
                    "it was changed or damaged after it was sealed, or moved from another record"
                        .into(),
                )
            })?;
        inflate(&packed)
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
        let stored = Compact.encode("anchorpoint.entry.a", 7, ENTRY).unwrap();
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
    fn without_its_compressor_a_compact_codec_saves_the_json_as_it_is() {
        let stored = Compact::encode_with(None, 7, ENTRY);
        assert_eq!(stored, format!("AP4;j;7;{ENTRY}"));
        // What the store reads with: the same record and revision as a compact frame.
        let codecs: [&dyn Codec; 2] = [&Compact, &PlainJson];
        assert_eq!(
            open("anchorpoint.entry.a", &stored, &codecs),
            open(
                "anchorpoint.entry.a",
                &Compact::encode_with(Some(deflate), 7, ENTRY),
                &codecs
            )
        );
        assert!(Compact::encode_with(Some(deflate), 7, ENTRY).starts_with("AP4;z;7;"));
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
        let stored = Compact.encode("k", 1, &json).unwrap();
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
        let good = Compact.encode("k", 1, ENTRY).unwrap();
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

    fn sealed(n: u8) -> Sealed {
        Sealed::new(Key::from_random(&mut [n; crypto::KEY_BYTES]))
    }

    #[test]
    fn a_sealed_frame_opens_to_the_same_json_and_shows_none_of_it() {
        let codec = sealed(1);
        let stored = codec.encode("anchorpoint.entry.a", 7, ENTRY).unwrap();
        assert!(stored.starts_with("AP4;s;7;"), "{stored}");
        assert!(!stored.contains("fourth session"));
        assert_eq!(
            open("anchorpoint.entry.a", &stored, &[&codec, &Compact]),
            Ok(Opened {
                revision: 7,
                json: ENTRY.into()
            })
        );
        // A fresh nonce every time: the same record never seals to the same text.
        assert_ne!(
            stored,
            codec.encode("anchorpoint.entry.a", 7, ENTRY).unwrap()
        );
        // Without the key (a locked tab, or the wrong key), it does not open.
        assert_eq!(
            open("anchorpoint.entry.a", &stored, &[&Compact]),
            Err(CodecError::UnknownCodec("s".into()))
        );
        assert!(matches!(
            open("anchorpoint.entry.a", &stored, &[&sealed(2)]),
            Err(CodecError::Damaged(_))
        ));
    }

    #[test]
    fn a_sealed_record_moved_rolled_back_or_with_any_bit_changed_is_refused() {
        let codec = sealed(1);
        let stored = codec.encode("anchorpoint.entry.a", 7, ENTRY).unwrap();
        let damaged =
            |s: &str, key: &str| matches!(open(key, s, &[&codec]), Err(CodecError::Damaged(_)));
        assert!(damaged(&stored, "anchorpoint.entry.b"), "moved");
        assert!(
            damaged(&stored.replacen(";7;", ";6;", 1), "anchorpoint.entry.a"),
            "another revision"
        );
        // Every bit of every body character.
        let head = "AP4;s;7;".len();
        let chars: Vec<char> = stored[head..].chars().collect();
        for i in 1..chars.len() {
            for bit in 0..15 {
                let mut bad = chars.clone();
                let flipped = ((u32::from(bad[i]) - BASE) ^ (1 << bit)) + BASE;
                bad[i] = char::from_u32(flipped).unwrap();
                let text = format!("AP4;s;7;{}", bad.iter().collect::<String>());
                assert!(damaged(&text, "anchorpoint.entry.a"), "char {i} bit {bit}");
            }
        }
        let cut: String = stored.chars().take(head + 5).collect();
        assert!(damaged(&cut, "anchorpoint.entry.a"));
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
                let stored = Compact.encode(&key, revision, &json).unwrap();
                prop_assert_eq!(open(&key, &stored, &[&Compact]), Ok(Opened { revision, json }));
            }

            #[test]
            fn any_record_survives_the_sealed_codec(json in "\\PC{0,500}", revision in any::<u64>(), key in "[a-z.0-9-]{1,40}") {
                let codec = Sealed::new(Key::from_random(&mut [5; crypto::KEY_BYTES]));
                let stored = codec.encode(&key, revision, &json).unwrap();
                prop_assert_eq!(open(&key, &stored, &[&codec]), Ok(Opened { revision, json }));
            }

            #[test]
            fn no_stored_text_makes_opening_panic(stored in "\\PC{0,300}") {
                let sealed = Sealed::new(Key::from_random(&mut [5; crypto::KEY_BYTES]));
                let _ = open("k", &stored, &[&Compact, &PlainJson, &sealed]);
                let _ = dense::decode(&stored);
            }
        }
    }
}
