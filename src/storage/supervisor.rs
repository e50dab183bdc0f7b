//! The supervisor space (`Namespace::SUPERVISOR`, `anchorpoint-supervisor.`): the
//! summaries a supervisor chose to keep on this device, one key each, and that choice.
//! It never reads or writes a key outside its namespace, so the worker's journal is
//! never touched. Values go through the same codec seam as the journal's (compact
//! frames); the records are `core::supervisor::kept`'s.
//!
//! A summary's key is its content's fingerprint, so the same summary is one key
//! whichever tab keeps it, and two tabs keeping summaries never overwrite each other's
//! work with something different. Every write is read back; a batch that fails part way
//! puts back what it had written, so a full quota changes nothing. Loading never
//! writes: a value that cannot be read is reported and left where it is.
//!
//! Room: a typical weekly summary takes about 900 UTF-16 code units stored
//! (`tests/supervisor_space.rs`), so a year for ten workers (520) takes under a tenth of
//! the site's 5 MiB, beside a journal of up to about 11,000 reflections.

use super::backend::Backend;
use super::codec::{self, Codec, Compact, PlainJson};
use super::store::{Namespace, StorageError};
use crate::core::supervisor::kept::{decode_keep, decode_kept, encode_keep, encode_kept};
use crate::core::supervisor::Opened;

/// What the space holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Kept {
    /// Whether the supervisor chose to keep summaries on this device.
    pub keep: bool,
    pub summaries: Vec<Opened>,
    /// Keys of kept values that could not be read, each with the reason. Left as they are.
    pub unreadable: Vec<(String, String)>,
}

pub struct SupervisorSpace<B: Backend> {
    backend: B,
    ns: Namespace,
}

impl<B: Backend> SupervisorSpace<B> {
    pub fn new(backend: B) -> SupervisorSpace<B> {
        SupervisorSpace {
            backend,
            ns: Namespace::SUPERVISOR,
        }
    }

    pub fn backend(&self) -> &B {
        &self.backend
    }

    fn keep_key(&self) -> String {
        format!("{}keep", self.ns.prefix())
    }

    /// The key of one kept summary.
    pub fn summary_key(&self, fingerprint: u64) -> String {
        format!("{}summary.{fingerprint:016x}", self.ns.prefix())
    }

    fn open_value(&self, key: &str, raw: &str) -> Result<String, String> {
        let codecs: [&dyn Codec; 2] = [&Compact, &PlainJson];
        codec::open(key, raw, &codecs)
            .map(|o| o.json)
            .map_err(|e| e.to_string())
    }

    /// Reads the whole space, writing nothing.
    pub fn load(&self) -> Result<Kept, StorageError> {
        let mut kept = Kept::default();
        let mut keys: Vec<String> = self
            .backend
            .keys()?
            .into_iter()
            .filter(|k| self.ns.owns(k))
            .collect();
        keys.sort();
        for key in keys {
            let Some(raw) = self.backend.get(&key)? else {
                continue;
            };
            if key == self.keep_key() {
                match self
                    .open_value(&key, &raw)
                    .and_then(|j| decode_keep(&j).map_err(|e| e.to_string()))
                {
                    Ok(keep) => kept.keep = keep,
                    Err(why) => kept.unreadable.push((key, why)),
                }
            } else {
                match self
                    .open_value(&key, &raw)
                    .and_then(|j| decode_kept(&j).map_err(|e| e.to_string()))
                {
                    Ok(o) => kept.summaries.push(o),
                    Err(why) => kept.unreadable.push((key, why)),
                }
            }
        }
        Ok(kept)
    }

    /// Writes each `(key, value)`, reading each back; on any failure puts every key
    /// back as it was and returns the error.
    fn write_all(&self, writes: Vec<(String, String)>) -> Result<(), StorageError> {
        let mut before: Vec<(String, Option<String>)> = Vec::with_capacity(writes.len());
        let mut result = Ok(());
        for (key, value) in writes {
            let old = match self.backend.get(&key) {
                Ok(old) => old,
                Err(e) => {
                    result = Err(e.into());
                    break;
                }
            };
            before.push((key.clone(), old));
            if let Err(e) = self.backend.set(&key, &value) {
                result = Err(e.into());
                break;
            }
            if self.backend.get(&key).ok().flatten().as_deref() != Some(value.as_str()) {
                result = Err(StorageError::NotVerified);
                break;
            }
        }
        if result.is_err() {
            for (key, old) in before.into_iter().rev() {
                let _ = match old {
                    Some(v) => self.backend.set(&key, &v),
                    None => self.backend.remove(&key),
                };
            }
        }
        result
    }

    /// Chooses to keep summaries, and keeps `open` (those not kept yet), all or nothing.
    pub fn keep(&self, open: &[Opened]) -> Result<(), StorageError> {
        let key = self.keep_key();
        let mut writes = vec![(key.clone(), Compact.encode(&key, 1, &encode_keep(true))?)];
        writes.extend(self.new_writes(open)?);
        self.write_all(writes)
    }

    /// Keeps more summaries (the supervisor already chose to keep), all or nothing.
    pub fn add(&self, opened: &[Opened]) -> Result<(), StorageError> {
        let writes = self.new_writes(opened)?;
        self.write_all(writes)
    }

    fn new_writes(&self, opened: &[Opened]) -> Result<Vec<(String, String)>, StorageError> {
        let mut writes = Vec::new();
        for o in opened {
            let key = self.summary_key(o.fingerprint);
            if self.backend.get(&key)?.is_none() {
                let value = Compact.encode(&key, 1, &encode_kept(o))?;
                writes.push((key, value));
            }
        }
        Ok(writes)
    }

    /// Stops keeping one summary.
    pub fn remove(&self, fingerprint: u64) -> Result<(), StorageError> {
        Ok(self.backend.remove(&self.summary_key(fingerprint))?)
    }

    /// Lets every kept summary go and the choice with them: removes every key of the
    /// space (and only of the space). How many were removed.
    pub fn forget_all(&self) -> Result<usize, StorageError> {
        let keys: Vec<String> = self
            .backend
            .keys()?
            .into_iter()
            .filter(|k| self.ns.owns(k))
            .collect();
        for key in &keys {
            self.backend.remove(key)?;
        }
        Ok(keys.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryBackend;

    const V1: &str = include_str!("../../tests/fixtures/export/v1/summary.json");
    const V2: &str = include_str!("../../tests/fixtures/export/v2/summary.json");

    fn two() -> Vec<Opened> {
        vec![
            crate::core::supervisor::open("v1.json", V1).expect("opens"),
            crate::core::supervisor::open("v2.json", V2).expect("opens"),
        ]
    }

    /// A backend holding a journal key and another app's key, which must never change.
    fn with_neighbours(backend: MemoryBackend) -> MemoryBackend {
        backend
            .set("anchorpoint.entry.e1", "AP4;z;1;journal")
            .expect("set");
        backend
            .set("anchorpoint-workshop.entry.w1", "workshop")
            .expect("set");
        backend.set("other-app", "theirs").expect("set");
        backend
    }

    fn neighbours(space: &SupervisorSpace<MemoryBackend>) -> Vec<(String, String)> {
        space
            .backend()
            .snapshot()
            .into_iter()
            .filter(|(k, _)| !Namespace::SUPERVISOR.owns(k))
            .collect()
    }

    #[test]
    fn kept_summaries_load_back_exactly_and_nothing_else_is_touched() {
        let space = SupervisorSpace::new(with_neighbours(MemoryBackend::new()));
        let before = neighbours(&space);
        assert_eq!(space.load().expect("loads"), Kept::default());
        let open = two();
        space.keep(&open).expect("kept");
        let kept = space.load().expect("loads");
        assert!(kept.keep);
        assert!(kept.unreadable.is_empty());
        let mut expected = open.clone();
        expected.sort_by_key(|o| space.summary_key(o.fingerprint));
        assert_eq!(kept.summaries, expected);
        // Keeping again writes nothing new; removing one removes only it.
        space.add(&open).expect("no-op");
        space.remove(open[0].fingerprint).expect("removed");
        assert_eq!(space.load().expect("loads").summaries.len(), 1);
        assert_eq!(space.forget_all().expect("forgotten"), 2);
        assert_eq!(space.load().expect("loads"), Kept::default());
        assert_eq!(
            neighbours(&space),
            before,
            "the journal and others are as they were"
        );
    }

    #[test]
    fn a_full_quota_keeps_nothing_and_says_so() {
        let backend = with_neighbours(MemoryBackend::with_quota(1_200));
        let space = SupervisorSpace::new(backend);
        let before = space.backend().snapshot();
        assert_eq!(space.keep(&two()), Err(StorageError::Full));
        assert_eq!(space.backend().snapshot(), before, "all or nothing");
    }

    #[test]
    fn a_write_that_fails_part_way_puts_back_what_it_wrote() {
        let backend = MemoryBackend::new();
        backend.fail_write_number(3);
        let space = SupervisorSpace::new(backend);
        assert!(space.keep(&two()).is_err());
        assert!(space.backend().snapshot().is_empty());
        let backend = MemoryBackend::new();
        backend.corrupt_next_write();
        let space = SupervisorSpace::new(backend);
        assert_eq!(space.keep(&two()), Err(StorageError::NotVerified));
        assert!(space.backend().snapshot().is_empty());
    }

    #[test]
    fn a_damaged_kept_value_is_reported_and_left_where_it_is() {
        let space = SupervisorSpace::new(MemoryBackend::new());
        space.keep(&two()).expect("kept");
        let key = space.summary_key(two()[0].fingerprint);
        space.backend().set(&key, "AP4;z;1;garbage").expect("set");
        let kept = space.load().expect("loads");
        assert_eq!(kept.summaries.len(), 1);
        assert_eq!(kept.unreadable.len(), 1);
        assert_eq!(kept.unreadable[0].0, key);
        assert_eq!(
            space.backend().get(&key).expect("get").as_deref(),
            Some("AP4;z;1;garbage")
        );
    }
}
