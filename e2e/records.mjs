// Reads Anchorpoint's stored values the way the app does, so journeys can check what was
// written. From storage format 4 a value is a frame `AP4;<codec>;<revision>;<body>`
// (src/storage/codec.rs): codec `j` holds the JSON envelope as it is, codec `z` holds it
// compressed with DEFLATE and packed 15 bits to a UTF-16 character from U+3400. Values
// from formats 1 to 3 are the JSON envelope itself.

import { inflateRawSync } from 'node:zlib';

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
