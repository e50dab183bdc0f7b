//! The pure domain core: entries, the journal, validation, the stored record formats,
//! the tag and template vocabulary, the cue detector, search and filter, holding
//! threads, embeddedness and wellbeing check-ins, and the anonymiser.
//! Nothing here imports `leptos`, `web_sys`, `wasm_bindgen` or `gloo`; nothing here reads a
//! clock or a random source. The shell passes "now" and fresh ids in, so every rule can be
//! tested natively and deterministically (see `tests/architecture.rs`).

pub mod anonymise;
pub mod backup;
pub mod capacity;
pub mod checkins;
pub mod crypto;
pub mod cues;
pub mod dismissals;
pub mod entry;
pub mod frozen;
pub mod ids;
pub mod insights;
pub mod journal;
pub mod lock;
pub mod merge;
pub mod record;
pub mod search;
pub mod settings;
pub mod stored_dates;
pub mod summary;
pub mod supervisor;
pub mod tags;
pub mod templates;
pub mod threads;
pub mod workshop;

/// "1 reflection", "3 reflections": a count with its noun, for every sentence the app
/// writes about how many of something there are.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_count_takes_the_noun_that_fits_it() {
        assert_eq!(super::plural(0, "tag", "tags"), "0 tags");
        assert_eq!(super::plural(1, "tag", "tags"), "1 tag");
        assert_eq!(super::plural(2, "person", "people"), "2 people");
    }
}
