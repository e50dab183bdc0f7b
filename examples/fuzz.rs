//! A fuzz harness for the backup decoder, every record decoder and the storage frame
//! reader, on stable Rust (cargo-fuzz needs a nightly toolchain). It starts from the
//! frozen fixtures and mutates them with a seeded PRNG, both as bytes (flip, insert,
//! delete, duplicate, truncate, splice a JSON token) and as JSON structure (replace a
//! node with another type, an extreme number, a hostile string; drop or duplicate a
//! member; nest deeply), then hands each result to its decoder. Any panic stops the
//! run, saves the input to `target/fuzz-crash-<seed>-<run>.txt` and exits with 1.
//!
//! ```sh
//! cargo run --release --example fuzz -- 10000000        # runs (default 10 million)
//! cargo run --release --example fuzz -- 10000000 42     # and a seed (default 1)
//! ```
//!
//! It prints runs, time and how many inputs each decoder accepted, so a run that only
//! ever produced unreadable JSON would show.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

use anchorpoint::core::backup::read_plain;
use anchorpoint::core::record::{
    decode_draft, decode_embeddedness, decode_entry, decode_index, decode_preferences,
    decode_settings, decode_templates, decode_threads, decode_vocabulary, decode_wellbeing,
};
use anchorpoint::storage::codec::open;
use anchorpoint::storage::{Compact, PlainJson};
use serde_json::Value;

/// SplitMix64: small, fast and good enough to choose mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "null",
    "true",
    "-0",
    "1e999",
    "18446744073709551616",
    "-9223372036854775809",
    "\"app\"",
    "\"anchorpoint\"",
    "\"kind\"",
    "\"backup\"",
    "\"sealed\"",
    "\"entry\"",
    "\"v\"",
    "\"data\"",
    "\"id\"",
    "\\u0000",
    "\\ud800",
    "\u{feff}",
    "é",
    "👩🏽‍⚕️",
    "<script>",
    "AP4;z;1;",
    "AP4;j;",
    "\u{3400}",
    "\u{b3ff}",
];

const STRINGS: &[&str] = &[
    "",
    "a",
    "-",
    "new",
    "custom-1",
    "emi4x2k1c-3v3",
    "2026-02-30",
    "2026-12-06T10:00:00Z",
    "0000-01-01",
    "+275760-09-13T00:00:00Z",
    "<img src=x onerror=alert(1)>",
    "\u{0}",
    "\u{202e}",
    "A\u{301}",
    "learning",
    "action",
    "yes",
    "weekly",
];

fn random_scalar(rng: &mut Rng) -> Value {
    match rng.below(9) {
        0 => Value::Null,
        1 => Value::Bool(rng.chance(2)),
        2 => Value::from(rng.next()),
        3 => Value::from(-(rng.below(1 << 20) as i64)),
        4 => Value::from(rng.below(10) as u64),
        5 => {
            serde_json::Number::from_f64(rng.next() as f64 / 7.0).map_or(Value::Null, Value::Number)
        }
        6 => Value::String(STRINGS[rng.below(STRINGS.len())].to_owned()),
        7 => Value::String("x".repeat(rng.below(70_000))),
        _ => {
            if rng.chance(2) {
                Value::Array(vec![])
            } else {
                Value::Object(Default::default())
            }
        }
    }
}

/// Counts the nodes of a JSON value.
fn count(v: &Value) -> usize {
    1 + match v {
        Value::Array(a) => a.iter().map(count).sum(),
        Value::Object(o) => o.values().map(count).sum(),
        _ => 0,
    }
}

/// The `n`th node, depth first.
fn nth(v: &mut Value, n: &mut usize) -> Option<*mut Value> {
    if *n == 0 {
        return Some(v as *mut Value);
    }
    *n -= 1;
    match v {
        Value::Array(a) => a.iter_mut().find_map(|c| nth(c, n)),
        Value::Object(o) => o.values_mut().find_map(|c| nth(c, n)),
        _ => None,
    }
}

fn mutate_structure(rng: &mut Rng, mut value: Value) -> String {
    for _ in 0..=rng.below(3) {
        let total = count(&value);
        let mut n = rng.below(total);
        let Some(node) = nth(&mut value, &mut n) else {
            continue;
        };
        // SAFETY: `node` points into `value`, which is not otherwise borrowed here.
        let node = unsafe { &mut *node };
        match rng.below(7) {
            0..=2 => *node = random_scalar(rng),
            3 => {
                if let Value::Object(o) = node {
                    if let Some(k) = o.keys().nth(rng.below(o.len())).cloned() {
                        o.remove(&k);
                    }
                }
            }
            4 => {
                if let Value::Array(a) = node {
                    if let Some(x) = a.get(rng.below(a.len())).cloned() {
                        a.push(x);
                    }
                }
            }
            5 => {
                if let Value::Object(o) = node {
                    let key = STRINGS[rng.below(STRINGS.len())].to_owned();
                    o.insert(key, random_scalar(rng));
                }
            }
            _ => {
                let mut inner = node.take();
                for _ in 0..rng.below(200) {
                    inner = Value::Array(vec![inner]);
                }
                *node = inner;
            }
        }
    }
    value.to_string()
}

fn mutate_bytes(rng: &mut Rng, text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..=rng.below(4) {
        let len = bytes.len().max(1);
        let at = rng.below(len).min(bytes.len());
        match rng.below(6) {
            0 => {
                if let Some(b) = bytes.get_mut(at) {
                    *b ^= 1 << rng.below(8);
                }
            }
            1 => bytes.insert(at, rng.next() as u8),
            2 => {
                let end = (at + rng.below(64)).min(bytes.len());
                bytes.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(64)).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                let to = rng.below(bytes.len().max(1)).min(bytes.len());
                bytes.splice(to..to, copy);
            }
            4 => bytes.truncate(at),
            _ => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                bytes.splice(at..at, token.iter().copied());
            }
        }
    }
    // Decoders take text: the browser hands the page a file as a JS string, so invalid
    // UTF-8 never reaches them; keep it as the lossy text the browser would give.
    String::from_utf8_lossy(&bytes).into_owned()
}

type Decoder = fn(&str) -> bool;

fn fixture(rel: &str) -> String {
    let path = format!("{}/tests/fixtures/{rel}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .trim_end()
        .to_owned()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let runs: u64 = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000_000);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);

    let stored = fixture("v4/stored/entry.txt");
    let frame_value = stored
        .split_once('\n')
        .map(|(_, v)| v.to_owned())
        .unwrap_or_default();
    let targets: Vec<(&str, String, Decoder)> = vec![
        ("backup", fixture("backup/v1/plain.json"), |t| {
            read_plain(t).is_ok()
        }),
        ("entry", fixture("v4/entry.json"), |t| {
            decode_entry(t).is_ok()
        }),
        ("entry v1", fixture("v1/entry.json"), |t| {
            decode_entry(t).is_ok()
        }),
        ("entry v2", fixture("v2/entry.json"), |t| {
            decode_entry(t).is_ok()
        }),
        ("draft", fixture("v4/draft-edit.json"), |t| {
            decode_draft(t).is_ok()
        }),
        ("draft v1", fixture("v1/draft.json"), |t| {
            decode_draft(t).is_ok()
        }),
        ("index", fixture("v4/index.json"), |t| {
            decode_index(t).is_ok()
        }),
        ("settings", fixture("v4/settings.json"), |t| {
            decode_settings(t).is_ok()
        }),
        ("preferences", fixture("v4/preferences.json"), |t| {
            decode_preferences(t).is_ok()
        }),
        ("vocabulary", fixture("v4/vocabulary.json"), |t| {
            decode_vocabulary(t).is_ok()
        }),
        ("templates", fixture("v4/templates.json"), |t| {
            decode_templates(t).is_ok()
        }),
        ("threads", fixture("v4/threads.json"), |t| {
            decode_threads(t).is_ok()
        }),
        ("embeddedness", fixture("v4/embeddedness.json"), |t| {
            decode_embeddedness(t).is_ok()
        }),
        ("wellbeing", fixture("v4/wellbeing.json"), |t| {
            decode_wellbeing(t).is_ok()
        }),
        ("stored frame", frame_value, |t| {
            // The frame reader with both codecs, then the entry decoder on what it opens.
            let codecs: [&dyn anchorpoint::storage::Codec; 2] = [&Compact, &PlainJson];
            open("anchorpoint.entry.emi4x2k1c-3v3", t, &codecs)
                .is_ok_and(|o| decode_entry(&o.json).is_ok())
        }),
    ];
    let parsed: Vec<Option<Value>> = targets
        .iter()
        .map(|(_, t, _)| serde_json::from_str(t).ok())
        .collect();

    // Quiet panics: a panic is reported once, below, with its input saved.
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng(seed);
    let mut accepted = vec![0u64; targets.len()];
    let mut tried = vec![0u64; targets.len()];
    let start = Instant::now();
    for run in 0..runs {
        let which = (run % targets.len() as u64) as usize;
        let (name, seed_text, decode) = &targets[which];
        let input = match (&parsed[which], rng.below(3)) {
            (Some(value), 0) => mutate_structure(&mut rng, value.clone()),
            _ => mutate_bytes(&mut rng, seed_text),
        };
        tried[which] += 1;
        match catch_unwind(AssertUnwindSafe(|| decode(&input))) {
            Ok(true) => accepted[which] += 1,
            Ok(false) => {}
            Err(_) => {
                let path = format!(
                    "{}/target/fuzz-crash-{seed}-{run}.txt",
                    env!("CARGO_MANIFEST_DIR")
                );
                let _ = std::fs::write(&path, &input);
                eprintln!("PANIC in the {name} decoder at run {run}; input saved to {path}");
                std::process::exit(1);
            }
        }
        if run > 0 && run % 1_000_000 == 0 {
            eprintln!("{run} runs, {:.1} s", start.elapsed().as_secs_f64());
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{runs} runs, seed {seed}, no panic, {secs:.1} s ({:.0} runs/s)",
        runs as f64 / secs
    );
    for (i, (name, _, _)) in targets.iter().enumerate() {
        println!(
            "  {name:<13} {:>9} runs, {:>8} accepted",
            tried[i], accepted[i]
        );
    }
}
