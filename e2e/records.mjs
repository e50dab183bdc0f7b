// Reads Anchorpoint's stored values the way the app does, so journeys can check what was
// written. From storage format 4 a value is a frame `AP4;<codec>;<revision>;<body>`
// (src/storage/codec.rs): codec `j` holds the JSON envelope as it is, codec `z` holds it
// compressed with DEFLATE and packed 15 bits to a UTF-16 character from U+3400. Values
// from formats 1 to 3 are the JSON envelope itself.

import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** The first code point of the 15-bit alphabet. */
const BASE = 0x3400;

/** Unpacks a dense body into bytes, or throws if it is not one. */
function unpack(body) {
  const pad = body.charCodeAt(0) - 'a'.charCodeAt(0);
  let acc = 0;
  let have = 0;
  const out = [];
  for (let i = 1; i < body.length; i += 1) {
    const value = body.charCodeAt(i) - BASE;
    if (value < 0 || value >= 0x8000) throw new Error(`not a dense body at ${i}`);
    acc = (acc << 15) | value;
    have += 15;
    while (have >= 8) {
      have -= 8;
      out.push((acc >> have) & 0xff);
      acc &= (1 << have) - 1;
    }
  }
  const keep = ((body.length - 1) * 15 - pad) / 8;
  return Buffer.from(out.slice(0, keep));
}

/**
 * The JSON envelope inside a stored value (as text), and its revision. Values that are
 * not frames come back as they are, with revision 0.
 */
export function openStored(raw) {
  const match = /^AP(\d+);([a-z]);(\d+);/.exec(raw ?? '');
  if (!match) return { json: raw, revision: 0, codec: null };
  const body = raw.slice(match[0].length);
  const codec = match[2];
  try {
    const json = codec === 'z' ? inflateRawSync(unpack(body)).toString('utf8') : body;
    return { json, revision: Number(match[3]), codec };
  } catch {
    // A damaged frame (as some journeys plant) is shown as it is stored.
    return { json: raw, revision: Number(match[3]), codec };
  }
}

/** The JSON envelope inside a stored value, parsed; null when absent. */
export function storedRecord(raw) {
  if (raw === null || raw === undefined) return null;
  return JSON.parse(openStored(raw).json);
}

/**
 * Local storage's keys and values for a journal as storage format 3 wrote it (plain JSON
 * envelopes and one index), for journeys that start from reflections already written.
 * Each entry gives `id`, `about` (YYYY-MM-DD) and `text`; it may give `written_at` (also
 * its `updated_at`; by default 18:00 on `about`), `tags` and `template`.
 */
export function v3Journal(entries) {
  const envelope = (kind, data) => JSON.stringify({ app: 'anchorpoint', kind, v: 3, data });
  const pairs = entries.map(({ id, about, text, written_at = `${about}T18:00:00Z`, tags = [], template }) => {
    const data = {
      id, written_at, updated_at: written_at, about,
      sections: [{ prompt: null, text }], tags, dismissed: [],
    };
    if (template) data.template = template;
    return [`anchorpoint.entry.${id}`, envelope('entry', data)];
  });
  pairs.push(['anchorpoint.index', envelope('index', { ids: entries.map((e) => e.id) })]);
  return pairs;
}

/** Puts keys and values straight into the page's local storage. */
export function putStored(page, pairs) {
  return page.evaluate((all) => all.forEach(([k, v]) => localStorage.setItem(k, v)), pairs);
}

// --- Writing, as the app writes from storage format 4 ------------------------------

/** Bytes packed 15 bits to a UTF-16 code unit; the first character gives the padding bits. */
export function pack(bytes) {
  const bits = bytes.length * 8;
  const units = Math.ceil(bits / 15);
  const pad = units * 15 - bits;
  const codes = [97 + pad]; // 'a' + padding bits
  let acc = 0;
  let have = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b; // at most 22 bits: fits a 32-bit integer
    have += 8;
    if (have >= 15) {
      have -= 15;
      codes.push(BASE + ((acc >> have) & 0x7fff));
      acc &= (1 << have) - 1;
    }
  }
  if (have > 0) codes.push(BASE + ((acc << (15 - have)) & 0x7fff));
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) {
    out += String.fromCharCode(...codes.slice(i, i + 8192));
  }
  return out;
}

/** A record's JSON envelope as the app stores it: a compact frame at `revision`. */
export function compactFrame(json, revision = 1) {
  const packed = deflateRawSync(Buffer.from(json, 'utf8'), { level: 9 });
  return `AP4;z;${revision};${pack(packed)}`;
}

/** Which index shard an id is listed in: FNV-1a of its text, mod 256. */
export function shardOf(id) {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(id, 'utf8')) {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  return hash % 256;
}

/** A format 4 envelope's JSON. */
export const v4Envelope = (kind, data) => JSON.stringify({ app: 'anchorpoint', kind, v: 4, data });

/**
 * The index shards listing `entries` ({ id, about, written_at }), as [key, stored value]
 * pairs. Each shard gives every listed reflection's place (the day it is about and when
 * it was written) beside its id, as the app writes it since issue 11; with
 * `{ places: false }`, ids only, as versions before that wrote it.
 */
export function indexShards(entries, { places = true } = {}) {
  const shards = new Map();
  for (const entry of entries) {
    const shard = shardOf(entry.id);
    if (!shards.has(shard)) shards.set(shard, []);
    shards.get(shard).push(entry);
  }
  return [...shards.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([shard, list]) => {
      list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const data = { ids: list.map((e) => e.id) };
      if (places) data.order = list.map((e) => [e.about, e.written_at]);
      return [`anchorpoint.index.${String(shard).padStart(2, '0')}`, compactFrame(v4Envelope('index', data))];
    });
}


/**
 * Local storage's keys and values for a journal as the app writes it from storage format
 * 4: each reflection a compact frame, and the index in shards giving each one's place
 * (with `{ places: false }`, ids only, as versions before places wrote them). Each entry
 * gives `id`, `about` (YYYY-MM-DD) and `text`, and may give `written_at` (by default
 * 18:00 on `about`).
 */
export function v4Journal(entries, { places = true } = {}) {
  const listed = entries.map(({ id, about, text, written_at = `${about}T18:00:00Z` }) => ({
    id, about, written_at,
    value: compactFrame(v4Envelope('entry', {
      id, written_at, updated_at: written_at, about,
      sections: [{ prompt: null, text }], tags: [], dismissed: [],
    })),
  }));
  return [
    ...listed.map((e) => [`anchorpoint.entry.${e.id}`, e.value]),
    ...indexShards(listed, { places }),
  ];
}
