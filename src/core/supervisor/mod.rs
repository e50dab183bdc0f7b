//! The supervisor view's pure logic (issue 12): opening workers' summary files, keeping
//! the set that is open, and everything the pages show from it. A supervisor (often a GP
//! or a senior link worker) opens several workers' exported summaries to see patterns
//! before and during supervision.
//!
//! - [`open`]: one file in, fully validated, or one clear error; nothing half-opened.
//! - [`Library`]: the summaries open now, each once (a file opened twice is noticed by
//!   its content, not its name), grouped by the name or initials the worker put on it.
//! - [`views`]: one worker's timeline, and the across-worker charts and tables.
//! - [`prompts`]: discussion prompts grouped by Proctor's three functions.
//!
//! Summaries are grouped only by the worker's name on the file. Pseudonyms ("Person A")
//! are per export, so nothing is ever joined on them; a summary without a name stands
//! alone. This module never sees the worker's journal.

pub mod kept;
pub mod open;
pub mod prompts;
pub mod views;

use std::collections::HashSet;

pub use open::{check_size, open, OpenError, Opened, MAX_FILE_BYTES};

use crate::core::summary::{week_label, worker_slug};

/// What happened to each file of one opening.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OpenReport {
    /// Files now open, by name.
    pub opened: Vec<String>,
    /// Files that were the same summary as one already open: (this file, the open one).
    pub duplicates: Vec<(String, String)>,
    /// Files that could not be opened: (file name, the whole sentence to show).
    pub errors: Vec<(String, String)>,
    /// Protected (sealed) files, waiting for their passphrase: (file name, its text).
    /// Nothing from them is read until [`open_protected`] opens one.
    pub protected: Vec<(String, String)>,
}

/// Opens a protected summary file with the passphrase the worker told the supervisor:
/// its contents as a file to open, or the sentence to show. A wrong passphrase changes
/// nothing. The passphrase is used as given (the page normalises it to NFC, as the
/// worker's page did when sealing; spaces count).
pub fn open_protected(name: &str, text: &str, passphrase: &str) -> Result<FileInput, String> {
    use crate::core::crypto::{open_file, CryptoError, Purpose};
    match open_file(text, Purpose::Summary, passphrase) {
        Ok(plain) => match String::from_utf8(plain.to_vec()) {
            Ok(text) => Ok(FileInput::Text {
                name: name.to_owned(),
                text,
            }),
            Err(_) => Err(format!(
                "‘{name}’ opened with the passphrase, but what is inside is not a summary. Nothing from it was opened. Ask the worker to download the summary again."
            )),
        },
        Err(CryptoError::WrongPassphrase) => Err(format!(
            "The passphrase does not open ‘{name}’. Check it with the worker: it is the one they told you in person. Nothing from the file was opened."
        )),
        Err(CryptoError::EmptyPassphrase) => {
            Err(format!("Enter the passphrase for ‘{name}’"))
        }
        Err(e) => Err(format!(
            "‘{name}’ cannot be opened because {e}. Nothing from it was opened. Ask the worker to download the summary again."
        )),
    }
}

/// A file as the shell read it: its name, and its text, or its size when it was too big
/// to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileInput {
    Text { name: String, text: String },
    TooBig { name: String, bytes: u64 },
    Unreadable { name: String },
}

/// Cuts the bytes of several files read as one (the shell joins a batch of files into one
/// blob, which reads far faster than a read per file) back into each file's text, given
/// each file's size in bytes. Each text is decoded as `Blob.text()` decodes a file: UTF-8,
/// a leading byte order mark dropped, any invalid sequence replaced with U+FFFD (and then
/// refused by the JSON checks, with the file named). `None` if the sizes do not add up to
/// the bytes read: the shell then reads each file on its own.
pub fn split_read(bytes: &[u8], sizes: &[u64]) -> Option<Vec<String>> {
    let total = sizes.iter().try_fold(0u64, |sum, &n| sum.checked_add(n))?;
    if total != bytes.len() as u64 {
        return None;
    }
    let mut rest = bytes;
    let mut texts = Vec::with_capacity(sizes.len());
    for &size in sizes {
        let (file, after) = rest.split_at(usize::try_from(size).ok()?);
        rest = after;
        let file = file.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(file);
        texts.push(String::from_utf8_lossy(file).into_owned());
    }
    Some(texts)
}

/// The summaries open now, oldest period first within each worker.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Library {
    items: Vec<Opened>,
    seen: HashSet<u64>,
}

impl Library {
    pub fn new() -> Library {
        Library::default()
    }

    pub fn summaries(&self) -> &[Opened] {
        &self.items
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Opens every file: the good ones join the library, each bad one gets its own
    /// sentence, and a summary already open (or twice in this batch) is opened once.
    pub fn open_files(&mut self, files: Vec<FileInput>) -> OpenReport {
        let mut report = OpenReport::default();
        for file in files {
            let (name, result) = match file {
                // A protected file is not a summary until it is opened with its
                // passphrase. Asked only of a file that does not open as a summary:
                // asking every file first read each one twice.
                FileInput::Text { name, text } => match open(&name, &text) {
                    Err(_) if crate::core::crypto::is_sealed_file(&text) => {
                        report.protected.push((name, text));
                        continue;
                    }
                    result => (name, result),
                },
                FileInput::TooBig { name, bytes } => {
                    let result = Err(OpenError::TooBig {
                        size: open::size_label(bytes),
                    });
                    (name, result)
                }
                FileInput::Unreadable { name } => {
                    let message = format!(
                        "‘{name}’ could not be read from this device. Nothing from it was opened. Check the file is still there and open it again."
                    );
                    report.errors.push((name, message));
                    continue;
                }
            };
            match result {
                // Checked against what is open and what this batch opened before it.
                Ok(opened) => {
                    if self.seen.contains(&opened.fingerprint) {
                        let of = self
                            .items
                            .iter()
                            .find(|o| o.fingerprint == opened.fingerprint)
                            .map_or_else(String::new, |o| o.file_name.clone());
                        report.duplicates.push((name, of));
                    } else {
                        self.seen.insert(opened.fingerprint);
                        self.items.push(opened);
                        report.opened.push(name);
                    }
                }
                Err(e) => {
                    let message = e.message(&name);
                    report.errors.push((name, message));
                }
            }
        }
        self.sort();
        report
    }

    /// Workers in order, each one's summaries oldest first. Once per batch: inserting
    /// each file in place cost a quadratic number of moves for a year of summaries.
    fn sort(&mut self) {
        self.items
            .sort_by_cached_key(|o| (WorkerKey::of(o), o.summary.period.first_week));
    }

    /// Adds an already validated summary (one kept on this device), unless it is open.
    pub fn insert(&mut self, opened: Opened) -> bool {
        if !self.seen.insert(opened.fingerprint) {
            return false;
        }
        self.items.push(opened);
        self.sort();
        true
    }

    /// Closes one summary (by fingerprint). Whether it was open.
    pub fn remove(&mut self, fingerprint: u64) -> bool {
        let before = self.items.len();
        self.items.retain(|o| o.fingerprint != fingerprint);
        self.seen.remove(&fingerprint);
        before != self.items.len()
    }

    /// Every worker with their summaries, in the order of their names; summaries without
    /// a name after them, each on its own.
    pub fn workers(&self) -> Vec<Worker<'_>> {
        let mut out: Vec<Worker<'_>> = Vec::new();
        for o in &self.items {
            let key = WorkerKey::of(o);
            match out.last_mut() {
                Some(w) if w.key == key => w.summaries.push(o),
                _ => out.push(Worker {
                    label: key.label(o),
                    key,
                    summaries: vec![o],
                }),
            }
        }
        out
    }

    /// One worker, by the id in their timeline's address.
    pub fn worker(&self, id: &str) -> Option<Worker<'_>> {
        self.workers().into_iter().find(|w| w.key.id() == id)
    }
}

/// Whose summaries belong together: the same name or initials (ignoring case, spacing and
/// punctuation, as the file name does), or, without a name, this one file alone.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WorkerKey {
    Named(String),
    Unnamed(u64),
}

impl WorkerKey {
    pub fn of(o: &Opened) -> WorkerKey {
        match &o.summary.worker {
            Some(name) => WorkerKey::Named(worker_slug(name)),
            None => WorkerKey::Unnamed(o.fingerprint),
        }
    }

    /// For addresses and HTML ids: the name's slug, or `file-` and the fingerprint.
    pub fn id(&self) -> String {
        match self {
            WorkerKey::Named(slug) => slug.clone(),
            WorkerKey::Unnamed(f) => format!("file-{f:016x}"),
        }
    }

    fn label(&self, first: &Opened) -> String {
        match (&first.summary.worker, self) {
            (Some(name), _) => name.clone(),
            (None, _) => format!(
                "No name given ({}, {})",
                week_label(first.summary.period.first_week),
                first.file_name
            ),
        }
    }
}

/// One worker's summaries, oldest period first.
#[derive(Clone, Debug, PartialEq)]
pub struct Worker<'a> {
    pub key: WorkerKey,
    /// Their name or initials as written on their first summary.
    pub label: String,
    pub summaries: Vec<&'a Opened>,
}

impl Worker<'_> {
    /// Whether two of their summaries cover a week in common: their counts may then
    /// include the same reflections twice, and the pages say so.
    pub fn overlapping(&self) -> bool {
        let mut reached: Option<chrono::NaiveDate> = None;
        for o in &self.summaries {
            let p = &o.summary.period;
            if reached.is_some_and(|r| p.first_week <= r) {
                return true;
            }
            reached = Some(reached.map_or(p.last_week, |r| r.max(p.last_week)));
        }
        false
    }
}

#[cfg(test)]
mod tests;
