//! The passphrase lock's part of the store: reading the lock header, taking and
//! dropping the sealing codec (unlock and lock), and turning the lock on and off, each
//! as one all-or-nothing write of every key in the namespace. The store does no key
//! derivation itself: the lazily loaded lock pages derive keys and build the
//! [`Sealed`](crate::storage::codec::Sealed) codec, and hand the store a checked
//! [`LockHeader`] and the codec.
//!
//! Order matters if a tab is killed half-way. Turning on writes the header *first*: a
//! journal with the header and some records still compact unlocks and reads them all
//! (compact records are always readable). Turning off removes the header *last*, for
//! the same reason. A sealed record with no header could never be opened again, and
//! neither order leaves one.

use super::*;

impl<B: Backend> Store<B> {
    /// The lock header as stored now, checked in full: `None` when the lock is off.
    /// Used by the lock's own (lazily loaded) pages.
    pub fn lock_header(&self) -> Result<Option<LockHeader>, StorageError> {
        match self.backend.get(&self.ns.lock_key())? {
            None => Ok(None),
            Some(text) => LockHeader::decode(&text)
                .map(Some)
                .map_err(|e| StorageError::Failed(format!("the lock's record is damaged: {e}"))),
        }
    }

    /// Whether a lock header is stored (readable or not).
    pub fn lock_present(&self) -> Result<bool, StorageError> {
        Ok(self.backend.get(&self.ns.lock_key())?.is_some())
    }

    /// The stored lock's key id, read without checking the rest of the header, so that
    /// the first load carries no more of the lock than this (a serde decoder here cost
    /// kilobytes of it). The full check is [`LockHeader::decode`], when unlocking.
    /// `None`: no lock.
    fn stored_lock_id(&self) -> Result<Option<String>, StorageError> {
        let Some(text) = self.backend.get(&self.ns.lock_key())? else {
            return Ok(None);
        };
        key_id_of(&text)
            .map(|id| Some(id.to_owned()))
            .ok_or_else(|| StorageError::Failed("the lock's record is damaged".to_owned()))
    }

    /// Whether this store can read and write the namespace: it seals for exactly the
    /// lock that is stored (or there is none and it does not seal).
    pub(super) fn check_lock(&self) -> Result<(), StorageError> {
        if self.stored_lock_id()? == self.lock_id {
            Ok(())
        } else {
            Err(StorageError::Locked)
        }
    }

    /// Whether the stored lock differs from what this store seals for: another tab
    /// turned it on, off or re-made it, or this tab has not unlocked.
    pub fn lock_changed(&self) -> bool {
        matches!(self.check_lock(), Err(StorageError::Locked))
    }

    /// Whether this store is sealing (the lock is on and this tab is unlocked).
    pub fn is_unlocked(&self) -> bool {
        self.lock_id.is_some()
    }

    /// Unlocks: from now on every record is sealed with `codec` (built from the data
    /// key `header` wraps). The caller loads afterwards.
    pub fn unlock(&mut self, header: &LockHeader, codec: Box<dyn Codec>) {
        self.codec = codec;
        self.lock_id = Some(header.key_id().to_owned());
    }

    /// Locks: drops the sealing codec (its key is wiped as it drops) and everything this
    /// tab remembered about the namespace. Loading then refuses until [`Store::unlock`].
    pub fn lock(&mut self) {
        self.codec = Box::new(Compact);
        self.lock_id = None;
        self.forget();
    }

    fn forget(&mut self) {
        self.seen.clear();
        self.index.clear();
        self.unread.clear();
        self.shards.clear();
    }

    /// Every key of this namespace but the lock's own, with its stored value.
    fn all_values(&self) -> Result<Vec<(String, String)>, StorageError> {
        let lock_key = self.ns.lock_key();
        let mut out = Vec::new();
        for key in self.backend.keys()? {
            if self.ns.owns(&key) && key != lock_key {
                if let Some(raw) = self.backend.get(&key)? {
                    out.push((key, raw));
                }
            }
        }
        Ok(out)
    }

    /// Turns the lock on: the header, then every record of the namespace (entries, index
    /// shards, collections, every tab's drafts and the set-aside copies) sealed with
    /// `codec`, in one write checked and undone as a whole. Revisions are kept. A value
    /// that cannot be read is sealed as the text it is, so it too is unreadable while
    /// locked and comes back unchanged when the lock is turned off. Checks the room
    /// first: if the sealed journal would not fit, nothing is written
    /// ([`StorageError::Full`]).
    pub fn turn_lock_on(
        &mut self,
        header: &LockHeader,
        codec: Box<dyn Codec>,
    ) -> Result<(), StorageError> {
        if self.lock_id.is_some() || self.lock_present()? {
            return Err(StorageError::Locked);
        }
        let lock_key = self.ns.lock_key();
        let header_text = header.encode();
        let mut sequence = vec![(lock_key.clone(), Some(header_text.clone()))];
        let (mut before, mut after) = (0usize, units(&lock_key) + units(&header_text));
        for (key, raw) in self.all_values()? {
            let sealed = match self.open(&key, &raw) {
                Ok(opened) => codec.encode(&key, opened.revision, &opened.json)?,
                Err(_) => codec.encode(&key, 0, &raw)?,
            };
            before += units(&raw);
            after += units(&sealed);
            sequence.push((key, Some(sealed)));
        }
        self.check_room(before, after)?;
        self.write_all(&sequence)?;
        self.codec = codec;
        self.lock_id = Some(header.key_id().to_owned());
        self.shards.clear();
        Ok(())
    }

    /// Turns the lock off, after the caller checked the passphrase again: every record
    /// this tab can open is written back compact (revisions kept; a value that was
    /// sealed as unreadable text comes back as that text), then the header is removed,
    /// in one write checked and undone as a whole. A sealed record that does not open
    /// (damaged) is left exactly as it is and counted: it is reported at the next load.
    pub fn turn_lock_off(&mut self) -> Result<usize, StorageError> {
        self.check_lock()?;
        if self.lock_id.is_none() {
            return Err(StorageError::Locked);
        }
        let mut sequence = Vec::new();
        let mut kept = 0;
        let (mut before, mut after) = (0usize, 0usize);
        for (key, raw) in self.all_values()? {
            let plain = match self.open(&key, &raw) {
                Ok(opened) if raw.starts_with("AP4;s;") => {
                    if opened.json.starts_with('{') {
                        Compact.encode(&key, opened.revision, &opened.json)?
                    } else {
                        opened.json
                    }
                }
                // Already compact, or cannot be opened: left as it is.
                Ok(_) => continue,
                Err(_) => {
                    kept += 1;
                    continue;
                }
            };
            before += units(&raw);
            after += units(&plain);
            sequence.push((key, Some(plain)));
        }
        sequence.push((self.ns.lock_key(), None));
        self.check_room(before, after)?;
        self.write_all(&sequence)?;
        self.codec = Box::new(Compact);
        self.lock_id = None;
        self.shards.clear();
        Ok(kept)
    }

    /// Stores a re-made header (a new passphrase for the same data key). Nothing else
    /// is written: every record stays sealed as it is.
    pub fn replace_lock_header(&mut self, header: &LockHeader) -> Result<(), StorageError> {
        self.check_lock()?;
        if self.lock_id.as_deref() != Some(header.key_id()) {
            return Err(StorageError::Locked);
        }
        self.write_checked(&self.ns.lock_key(), &header.encode())
    }

    /// Refuses a rewrite that would take the site past its quota: `before` units are
    /// replaced by `after`.
    fn check_room(&self, before: usize, after: usize) -> Result<(), StorageError> {
        let used = self.usage(0)?.used;
        if after > before && used - before.min(used) + after > QUOTA_UNITS {
            return Err(StorageError::Full);
        }
        Ok(())
    }
}

/// The `key_id` of a header as [`LockHeader::encode`] writes it: base64, so never
/// escaped. Anything else is not a header.
fn key_id_of(text: &str) -> Option<&str> {
    if !text.starts_with('{') || !text.contains("\"kind\":\"lock\"") {
        return None;
    }
    let rest = &text[text.find("\"key_id\":\"")? + 10..];
    let id = &rest[..rest.find('"')?];
    (!id.is_empty()).then_some(id)
}

fn units(text: &str) -> usize {
    text.encode_utf16().count()
}

#[cfg(test)]
mod tests {
    //! The lock against the in-memory backend: nothing readable while locked, turning
    //! on and off all or nothing, a changed passphrase, a bit flipped, and two tabs.
    use super::*;
    use crate::core::crypto::{KdfParams, Key, KEY_BYTES, NONCE_BYTES, SALT_BYTES};
    use crate::core::entry::{Draft, Section};
    use crate::core::lock::{LockRandom, KEY_ID_BYTES};
    use crate::core::settings::Settings;
    use crate::storage::codec::Sealed;
    use crate::storage::MemoryBackend;
    use chrono::{NaiveDate, TimeZone, Utc};
    use std::rc::Rc;

    /// Words that must never be found in storage while the lock is on.
    const SECRET: &str = "Marigold";
    const FAST: KdfParams = KdfParams::OWASP_MINIMUM;

    // Two stores sharing one backend, as two tabs share local storage.
    use crate::storage::store::tests::Shared;

    fn entry(id: &str, text: &str) -> Entry {
        let at = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
        Entry {
            id: EntryId::parse(id).unwrap(),
            written_at: at,
            updated_at: at,
            about: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            sections: vec![Section::free(text)],
            tags: vec![],
            dismissed: vec![],
            template: None,
            judgement_call: None,
        }
    }

    fn data_key() -> Key {
        Key::from_random(&mut [11u8; KEY_BYTES])
    }

    fn header(passphrase: &str) -> LockHeader {
        let random = LockRandom {
            salt: [1; SALT_BYTES],
            nonce: [2; NONCE_BYTES],
        };
        LockHeader::create(passphrase, FAST, &random, &[3; KEY_ID_BYTES], &data_key()).unwrap()
    }

    fn tab(backend: &Shared, name: &str) -> Store<Shared> {
        Store::with(backend.clone(), Namespace::JOURNAL, Box::new(Compact), name)
    }

    /// A journal with entries, a draft, settings naming someone, and a damaged record.
    fn journal(backend: &Shared) -> Store<Shared> {
        let mut s = tab(backend, "t1");
        s.load().unwrap();
        s.commit(
            Batch::new()
                .entry(&s.ns.clone(), &entry("e1", &format!("{SECRET} said no")))
                .entry(&s.ns.clone(), &entry("e2", "second"))
                .collection(
                    &s.ns.clone(),
                    &Settings {
                        private_names: vec![format!("{SECRET} Quillfeather")],
                        ..Settings::default()
                    },
                ),
        )
        .unwrap();
        s.save_draft(&StoredDraft {
            entry: None,
            saved_at: Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap(),
            draft: Draft {
                text: format!("{SECRET} again"),
                ..Draft::default()
            },
            based_on: None,
        })
        .unwrap();
        backend
            .set("anchorpoint.entry.e3", &format!("{{not json {SECRET}"))
            .unwrap();
        s
    }

    fn readable(backend: &Shared) -> Vec<String> {
        // Every value opened with any codec that needs no key: nothing must show.
        backend
            .0
            .snapshot()
            .into_iter()
            .filter(|(_, raw)| {
                raw.contains(SECRET)
                    || codec::open("k", raw, &[&Compact, &PlainJson])
                        .is_ok_and(|o| o.json.contains(SECRET))
            })
            .map(|(k, _)| k)
            .collect()
    }

    fn unlocked(backend: &Shared, name: &str, passphrase: &str) -> Store<Shared> {
        let mut s = tab(backend, name);
        let header = s.lock_header().unwrap().unwrap();
        let key = header.unlock(passphrase).unwrap();
        s.unlock(&header, Box::new(Sealed::new(key)));
        s
    }

    #[test]
    fn turning_the_lock_on_seals_every_record_and_a_locked_tab_reads_nothing() {
        let backend = Shared::default();
        let mut s = journal(&backend);
        assert_eq!(
            readable(&backend).len(),
            4,
            "entry, settings, draft, damaged"
        );
        let before = s.load().unwrap();
        let h = header("blue kettle");
        s.turn_lock_on(&h, Box::new(Sealed::new(data_key())))
            .unwrap();
        assert_eq!(readable(&backend), Vec::<String>::new());
        for (key, raw) in backend.0.snapshot() {
            if key != "anchorpoint.lock" {
                assert!(raw.starts_with("AP4;s;"), "{key}: {raw}");
            }
        }
        // The same journal, problems and all, through the unlocked store.
        assert_eq!(s.load().unwrap(), before);
        // A tab that has not unlocked reads nothing and writes nothing.
        let mut other = tab(&backend, "t2");
        assert_eq!(other.load(), Err(StorageError::Locked));
        assert_eq!(
            other.save_entry(&entry("e9", "plain")),
            Err(StorageError::Locked)
        );
        // With the passphrase, it reads the same journal.
        let mut other = unlocked(&backend, "t2", "blue kettle");
        let loaded = other.load().unwrap();
        assert_eq!(loaded.journal, before.journal);
        assert_eq!(loaded.collections, before.collections);
        // Writes while locked on are sealed too.
        other
            .save_entry(&entry("e4", &format!("{SECRET} new")))
            .unwrap();
        assert_eq!(readable(&backend), Vec::<String>::new());
        // Locking drops the key: nothing can be read until unlocked again.
        other.lock();
        assert_eq!(other.load(), Err(StorageError::Locked));
    }

    #[test]
    fn the_wrong_passphrase_opens_nothing_and_changes_nothing() {
        let backend = Shared::default();
        let mut s = journal(&backend);
        s.turn_lock_on(&header("blue kettle"), Box::new(Sealed::new(data_key())))
            .unwrap();
        let stored = backend.0.snapshot();
        let h = tab(&backend, "t2").lock_header().unwrap().unwrap();
        for wrong in ["blue kettlE", "", " blue kettle", "blue kettle "] {
            assert!(h.unlock(wrong).is_err(), "{wrong:?}");
        }
        assert!(h.unlock(&"é".repeat(10_000)).is_err());
        assert_eq!(backend.0.snapshot(), stored);
    }

    #[test]
    fn a_sealed_record_with_one_bit_changed_is_set_aside_and_reported() {
        let backend = Shared::default();
        let mut s = journal(&backend);
        s.turn_lock_on(&header("pw"), Box::new(Sealed::new(data_key())))
            .unwrap();
        let key = "anchorpoint.entry.e1";
        let raw = backend.get(key).unwrap().unwrap();
        let mut chars: Vec<char> = raw.chars().collect();
        let at = chars.len() - 4;
        chars[at] = char::from_u32(u32::from(chars[at]) ^ 1).unwrap();
        let flipped: String = chars.into_iter().collect();
        backend.set(key, &flipped).unwrap();
        let mut t = unlocked(&backend, "t2", "pw");
        let loaded = t.load().unwrap();
        assert_eq!(loaded.journal.len(), 1, "e2 still loads");
        let problem = loaded
            .problems
            .iter()
            .find(|p| p.key() == Some(key))
            .expect("reported");
        assert!(
            problem.describe().contains("changed or damaged"),
            "{problem:?}"
        );
        assert_eq!(backend.get(key).unwrap().unwrap(), flipped, "left in place");
        // Saving over it first keeps a copy aside, itself still unreadable.
        t.save_entry(&entry("e1", "rewritten")).unwrap();
        assert_eq!(
            backend.get("anchorpoint.setaside.entry.e1.1").unwrap(),
            Some(flipped)
        );
        // A record moved under another key does not open either.
        let e2 = backend.get("anchorpoint.entry.e2").unwrap().unwrap();
        backend.set("anchorpoint.entry.e5", &e2).unwrap();
        let loaded = t.load().unwrap();
        assert!(loaded
            .problems
            .iter()
            .any(|p| p.key() == Some("anchorpoint.entry.e5")));
    }

    #[test]
    fn turning_the_lock_on_with_too_little_room_changes_nothing() {
        // Measured first: with another app's data leaving less room than sealing adds,
        // nothing is even attempted (a write would fail the test's backend).
        let backend = Shared::default();
        let mut s = journal(&backend);
        let used = s.usage(0).unwrap().used;
        let filler = "x".repeat(QUOTA_UNITS - used - 100);
        backend.set("other-app.data", &filler).unwrap();
        let stored = backend.0.snapshot();
        backend.0.fail_write_number(1);
        assert_eq!(
            s.turn_lock_on(&header("pw"), Box::new(Sealed::new(data_key()))),
            Err(StorageError::Full)
        );
        assert_eq!(backend.0.snapshot(), stored);
        assert!(!s.is_unlocked());

        // And when the browser's own quota is smaller than the estimate, its refusal
        // part-way undoes every write.
        let backend = Shared(Rc::new(MemoryBackend::with_quota(800)));
        let mut s = journal(&backend);
        let stored = backend.0.snapshot();
        assert_eq!(
            s.turn_lock_on(&header("pw"), Box::new(Sealed::new(data_key()))),
            Err(StorageError::Full)
        );
        assert_eq!(backend.0.snapshot(), stored);
        assert!(!s.is_unlocked());
        // It still reads and writes as before.
        s.load().unwrap();
        s.save_draft(&StoredDraft {
            entry: None,
            saved_at: Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap(),
            draft: Draft::default(),
            based_on: None,
        })
        .unwrap();
    }

    #[test]
    fn turning_the_lock_off_unseals_everything_back_to_what_it_was() {
        let backend = Shared::default();
        let mut s = journal(&backend);
        let before = s.load().unwrap();
        let plain_damaged = backend.get("anchorpoint.entry.e3").unwrap();
        s.turn_lock_on(&header("pw"), Box::new(Sealed::new(data_key())))
            .unwrap();
        let mut t = unlocked(&backend, "t2", "pw");
        t.load().unwrap();
        assert_eq!(t.turn_lock_off(), Ok(0));
        assert_eq!(backend.get("anchorpoint.lock").unwrap(), None);
        // The damaged value is the same text again (compact), and still set aside.
        let back = backend.get("anchorpoint.entry.e3").unwrap().unwrap();
        assert_eq!(
            codec::open("anchorpoint.entry.e3", &back, &[&Compact]).map(|o| o.json),
            Ok(plain_damaged.unwrap())
        );
        let mut fresh = tab(&backend, "t3");
        let loaded = fresh.load().unwrap();
        assert_eq!(loaded.journal, before.journal);
        assert_eq!(loaded.collections, before.collections);
        assert_eq!(loaded.problems, before.problems);
        // The first tab still seals for a lock that is gone: it must not write.
        assert_eq!(s.save_entry(&entry("e7", "x")), Err(StorageError::Locked));
        assert!(s.lock_changed());
    }

    #[test]
    fn a_failed_write_while_turning_the_lock_off_or_on_puts_every_key_back() {
        let backend = Shared::default();
        let mut s = journal(&backend);
        let plain = backend.0.snapshot();
        backend.0.fail_write_number(3);
        assert!(s
            .turn_lock_on(&header("pw"), Box::new(Sealed::new(data_key())))
            .is_err());
        assert_eq!(backend.0.snapshot(), plain);
        s.turn_lock_on(&header("pw"), Box::new(Sealed::new(data_key())))
            .unwrap();
        let sealed = backend.0.snapshot();
        backend.0.fail_write_number(4);
        assert!(s.turn_lock_off().is_err());
        assert_eq!(backend.0.snapshot(), sealed);
        assert!(s.is_unlocked());
    }

    #[test]
    fn changing_the_passphrase_rewrites_the_header_only() {
        let backend = Shared::default();
        let mut s = journal(&backend);
        let h = header("old words");
        s.turn_lock_on(&h, Box::new(Sealed::new(data_key())))
            .unwrap();
        let before = backend.0.snapshot();
        let key = h.unlock("old words").unwrap();
        let random = LockRandom {
            salt: [8; SALT_BYTES],
            nonce: [9; NONCE_BYTES],
        };
        let new = h.rewrap(&key, "new words", FAST, &random).unwrap();
        s.replace_lock_header(&new).unwrap();
        let after = backend.0.snapshot();
        let changed: Vec<&String> = after
            .iter()
            .zip(&before)
            .filter(|(a, b)| a != b)
            .map(|(a, _)| &a.0)
            .collect();
        assert_eq!(changed, vec!["anchorpoint.lock"]);
        let h2 = tab(&backend, "t2").lock_header().unwrap().unwrap();
        assert!(h2.unlock("old words").is_err());
        let mut t = unlocked(&backend, "t2", "new words");
        assert_eq!(t.load().unwrap().journal.len(), 2);
        // The first tab keeps working: the data key did not change.
        assert!(!s.lock_changed());
        s.save_entry(&entry("e8", "still fine")).unwrap();
    }

    #[test]
    fn a_damaged_or_newer_lock_header_is_reported_and_nothing_is_read_or_written() {
        let backend = Shared::default();
        let mut s = journal(&backend);
        backend
            .set(
                "anchorpoint.lock",
                "{\"app\":\"anchorpoint\",\"kind\":\"lock\",\"v\":9}",
            )
            .unwrap();
        let stored = backend.0.snapshot();
        let damaged = StorageError::Failed("the lock's record is damaged".to_owned());
        assert_eq!(s.load(), Err(damaged.clone()));
        assert_eq!(s.save_entry(&entry("e9", "x")), Err(damaged));
        assert_eq!(backend.0.snapshot(), stored);
    }
}
