//! The supervisor space (`Namespace::SUPERVISOR`, `anchorpoint-supervisor.`): the
//! summaries a supervisor chose to keep on this device, one key each, and that choice.
//! It never reads or writes a key outside its namespace, so the worker's journal is
//! never touched. Values go through the same codec seam as the journal's: compact
//! frames, or sealed with the journal's data key while its lock is on and this tab is
//! unlocked (so kept summaries are no more readable than the journal while it is
//! locked). The records are `core::supervisor::kept`'s.
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
    /// What it writes with; it reads that, compact and plain frames.
    codec: Box<dyn Codec>,
}

impl<B: Backend> SupervisorSpace<B> {
    /// The space with compact frames, as when the journal's lock is off.
    pub fn new(backend: B) -> SupervisorSpace<B> {
        SupervisorSpace::with_codec(backend, Box::new(Compact))
    }

    /// The space writing with `codec`: the journal store's own copy, so that while the
    /// lock is on kept summaries are sealed with the journal's data key.
    pub fn with_codec(backend: B, codec: Box<dyn Codec>) -> SupervisorSpace<B> {
        SupervisorSpace {
            backend,
            ns: Namespace::SUPERVISOR,
            codec,
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
        let codecs: [&dyn Codec; 3] = [self.codec.as_ref(), &Compact, &PlainJson];
        codec::open(key, raw, &codecs)
            .map(|o| o.json)
            .map_err(|e| e.to_string())
    }

    /// Every key of the space, sorted.
    fn own_keys(&self) -> Result<Vec<String>, StorageError> {
        let mut keys: Vec<String> = self
            .backend
            .keys()?
            .into_iter()
            .filter(|k| self.ns.owns(k))
            .collect();
        keys.sort();
        Ok(keys)
    }

    /// Reads the whole space, writing nothing.
    pub fn load(&self) -> Result<Kept, StorageError> {
        let mut kept = Kept::default();
        for key in self.own_keys()? {
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
        let mut writes = vec![(key.clone(), self.codec.encode(&key, 1, &encode_keep(true))?)];
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
                let value = self.codec.encode(&key, 1, &encode_kept(o))?;
                writes.push((key, value));
            }
        }
        Ok(writes)
    }

    /// Writes every value of the space again with this space's codec, having opened it
    /// with `from` (or a compact or plain frame): sealing kept summaries when the
    /// journal's lock is turned on, unsealing them before it is turned off. All or
    /// nothing, each write read back. A value that cannot be opened is left exactly as
    /// it is; returns how many were.
    pub fn reencode(&self, from: &dyn Codec) -> Result<usize, StorageError> {
        let codecs: [&dyn Codec; 3] = [from, &Compact, &PlainJson];
        let keys = self.own_keys()?;
        let mut writes = Vec::with_capacity(keys.len());
        let mut left = 0;
        for key in keys {
            let Some(raw) = self.backend.get(&key)? else {
                continue;
            };
            match codec::open(&key, &raw, &codecs) {
                Ok(opened) => {
                    let value = self
                        .codec
                        .encode(&key, opened.revision.max(1), &opened.json)?;
                    writes.push((key, value));
                }
                Err(_) => left += 1,
            }
        }
        self.write_all(writes)?;
        Ok(left)
    }

    /// Stops keeping one summary.
    pub fn remove(&self, fingerprint: u64) -> Result<(), StorageError> {
        Ok(self.backend.remove(&self.summary_key(fingerprint))?)
    }

    /// Lets every kept summary go and the choice with them: removes every key of the
    /// space (and only of the space). How many were removed.
    pub fn forget_all(&self) -> Result<usize, StorageError> {
        let keys = self.own_keys()?;
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

    /// A backend holding what this space's holds now, to open it with another codec.
    fn copy_of(space: &SupervisorSpace<MemoryBackend>, quota: Option<usize>) -> MemoryBackend {
        let copy = quota.map_or_else(MemoryBackend::new, MemoryBackend::with_quota);
        for (k, v) in space.backend().snapshot() {
            copy.set(&k, &v).expect("copied");
        }
        copy
    }

    fn sealing() -> crate::storage::Sealed {
        use crate::core::crypto::{Key, KEY_BYTES};
        crate::storage::Sealed::new(Key::from_random(&mut [7u8; KEY_BYTES]))
    }

    #[test]
    fn with_the_lock_on_kept_summaries_are_sealed_and_unsealed_as_a_whole() {
        let backend = with_neighbours(MemoryBackend::new());
        // Kept before the lock was turned on: compact frames, readable by anyone.
        let plain = SupervisorSpace::new(backend);
        plain.keep(&two()).expect("kept");
        let before = plain.load().expect("loads");
        let outside = neighbours(&plain);

        // Turning the lock on seals every kept value with the journal's data key.
        let sealed = SupervisorSpace::with_codec(copy_of(&plain, None), Box::new(sealing()));
        assert_eq!(sealed.reencode(&Compact).expect("sealed"), 0);
        let stored = sealed.backend().snapshot();
        let ours: Vec<_> = stored
            .iter()
            .filter(|(k, _)| Namespace::SUPERVISOR.owns(k))
            .collect();
        assert_eq!(ours.len(), 3, "the choice and two summaries");
        for (key, value) in &ours {
            assert!(value.starts_with("AP4;s;1;"), "{key} is not sealed");
        }
        assert_eq!(
            sealed.load().expect("loads"),
            before,
            "it reads back the same"
        );
        // Without the key nothing opens; nothing is written by trying.
        let locked = SupervisorSpace::new(copy_of(&sealed, None));
        assert_eq!(locked.load().expect("loads").unreadable.len(), 3);
        assert_eq!(locked.backend().snapshot(), stored);
        // New summaries are sealed as they are kept.
        sealed.remove(two()[0].fingerprint).expect("removed");
        sealed.add(&two()).expect("kept again");
        assert!(sealed
            .backend()
            .snapshot()
            .iter()
            .filter(|(k, _)| Namespace::SUPERVISOR.owns(k))
            .all(|(_, v)| v.starts_with("AP4;s;")));

        // Turning it off opens them with the old key and writes compact frames again.
        let unsealed = SupervisorSpace::new(copy_of(&sealed, None));
        assert_eq!(unsealed.reencode(&sealing()).expect("unsealed"), 0);
        assert_eq!(unsealed.load().expect("loads"), before);
        assert_eq!(
            neighbours(&unsealed),
            outside,
            "nothing outside the space changed"
        );
    }

    #[test]
    fn sealing_the_space_with_a_full_quota_changes_nothing() {
        let plain = SupervisorSpace::new(MemoryBackend::new());
        plain.keep(&two()[..1]).expect("kept");
        let before = plain.backend().snapshot();
        // Room for what is kept and a little more, not for sealed copies (a third larger).
        let used: usize = before
            .iter()
            .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
            .sum();
        let sealed =
            SupervisorSpace::with_codec(copy_of(&plain, Some(used + 20)), Box::new(sealing()));
        assert_eq!(sealed.reencode(&Compact), Err(StorageError::Full));
        assert_eq!(sealed.backend().snapshot(), before, "all or nothing");
    }
}
