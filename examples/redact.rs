//! Command for audits and benchmarks: reads JSON lines `{"text": "...", "names": ["..."]}`
//! on stdin and writes, for each, one JSON line `{"text": "<redacted>", "spans": [{"start":
//! <byte offset>, "end": <byte offset>, "kind": "<KIND>"}]}` with offsets into the input's
//! UTF-8. Each line is anonymised on its own (a fresh pseudonym table), like a separate
//! export. A malformed line produces `{"error": "..."}` and the run carries on.
//!
//! Usage: `cargo run --release --example redact < notes.jsonl`

use anchorpoint::core::anonymise::{anonymise, Span};
use serde::{Deserialize, Serialize};
use std::io::{self, BufRead, BufWriter, Write};

#[derive(Deserialize)]
struct Input {
    text: String,
    #[serde(default)]
    names: Vec<String>,
}

#[derive(Serialize)]
struct Output<'a> {
    text: &'a str,
    spans: &'a [Span],
}

#[derive(Serialize)]
struct Failure {
    error: String,
}

fn main() -> io::Result<()> {
    let stdin = io::stdin();
    let mut out = BufWriter::new(io::stdout().lock());
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            // Invalid UTF-8 on stdin: report it and carry on with the next line.
            Err(e) => {
                write_failure(&mut out, format!("line {}: could not read: {e}", n + 1))?;
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Input>(&line) {
            Ok(input) => {
                let result = anonymise(&input.text, &input.names);
                let spans = result.spans();
                let json = serde_json::to_string(&Output {
                    text: &result.text,
                    spans: &spans,
                })
                .unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string()));
                writeln!(out, "{json}")?;
            }
            Err(e) => write_failure(
                &mut out,
                format!(
                    "line {}: not a JSON object with a \"text\" string: {e}",
                    n + 1
                ),
            )?,
        }
    }
    out.flush()
}

fn write_failure(out: &mut impl Write, error: String) -> io::Result<()> {
    let json = serde_json::to_string(&Failure { error })
        .unwrap_or_else(|_| "{\"error\":\"unprintable error\"}".into());
    writeln!(out, "{json}")
}
