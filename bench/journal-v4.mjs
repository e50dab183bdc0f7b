// A fictional journal stored the way the app stores it from storage format 4, made in
// Node for the start-up benchmark (bench/browser.mjs). Every reflection is about 1,000
// characters of ordinary prose with 3 tags, written as a compact frame
// `AP4;z;1;<body>`: the JSON envelope compressed with raw DEFLATE at level 9 and packed
// 15 bits to a UTF-16 character from U+3400 (src/storage/codec.rs, `Compact` and
// `dense::encode`). The index is written as the app writes it, in shards
// `anchorpoint.index.NN` (NN = FNV-1a of the id mod 256, `shard_of` in
// src/storage/store.rs), also compact frames. Loading finds every entry key with or
// without the index; the shards make the journal exactly what the app would have left.
//
// The prose comes from a fixed generator: sentence patterns with slots filled from
// lists, so a reflection is made of many distinct sentences (tens of thousands are
// possible) rather than a few repeated ones, and compresses as real writing would, not
// better. The same seed gives the same journal every run.

import { openStored, compactFrame, indexShards, v4Envelope as envelope } from '../e2e/records.mjs';

// The encoder and the index shards are the journeys' too (e2e/records.mjs).
export { pack, compactFrame, shardOf, indexShards } from '../e2e/records.mjs';

/**
 * Checks the encoder against the e2e tests' decoder (e2e/records.mjs): every length near
 * a unit boundary, non-ASCII text, and the given sample records. Throws on a mismatch.
 */
export function checkEncoder(samples = []) {
  const cases = [...samples];
  for (let n = 0; n < 40; n += 1) {
    cases.push(`{"n":${n},"t":"${'é’ x'.repeat(n)}"}`);
  }
  for (const [i, json] of cases.entries()) {
    const revision = i % 5;
    const opened = openStored(compactFrame(json, revision));
    if (opened.codec !== 'z' || opened.revision !== revision || opened.json !== json) {
      throw new Error(`the compact encoder does not round-trip case ${i}: ${json.slice(0, 80)}`);
    }
  }
  return cases.length;
}

// --- The prose ---------------------------------------------------------------------

const PEOPLE = [
  'Person A', 'Person B', 'Person C', 'Person D', 'Person E', 'Person F', 'Person G',
  'Person H', 'Person J', 'Person K', 'Person L', 'Person M', 'the man from the Tuesday clinic',
  'the woman who was referred by the pharmacist', 'the young mum from the family hub',
  'the retired teacher', 'the new referral from the practice nurse',
];
const STAFF = [
  'the GP', 'the practice nurse', 'the housing officer', 'the volunteer coordinator',
  'my supervisor', 'the social worker', 'the pharmacist', 'the receptionist',
  'the occupational therapist', 'the health visitor', 'the community matron',
  'the practice manager', 'a colleague from the next surgery',
];
const PLACES = [
  'the community café', 'the library', 'the surgery', 'the leisure centre', 'the church hall',
  'the food bank', 'the allotments', 'the job centre', 'their flat', 'the kitchen table',
  'the bench by the pond in the park', 'the family hub', 'the café at the bus station',
  'the garden centre', 'the community centre on the estate', 'the market',
];
const TOPICS = [
  'the rent arrears', "a sister's illness", 'the new medication', 'the benefits review',
  'the damp in the bedroom', 'going back to work', 'the loneliness since the move', 'the dog',
  'the hospital appointment', 'the council tax letter', 'a late husband', 'the grandchildren',
  'the knee operation', 'the noise from next door', 'learning to cook for one', 'the bus pass',
  "the carer's assessment", 'the college course', 'money for the electric meter',
  'the bereavement group', 'sleeping badly', 'an old friendship that has faded',
  'the stairs at home', 'a son who lives abroad', 'the hearing aid', 'Christmas on their own',
  'the cost of the school uniform', 'a falling-out with the neighbours', 'driving again',
  'the volunteering they used to do', 'the letter from the court', 'the food parcel',
];
const FEELINGS = [
  'tired', 'hopeful', 'uneasy', 'flat', 'quietly pleased', 'stretched',
  'frustrated with the system', 'moved', 'unsure I had done enough', 'calmer than I expected',
  'a bit out of my depth', 'proud of them', 'restless', 'heavy', 'lighter than in the morning',
  'worried about the weekend', 'glad I had made the time',
];
const MOODS = [
  'quieter', 'brighter', 'more anxious', 'tired and short with me', 'distracted',
  'more settled', 'low', 'chattier', 'on edge', 'more confident',
];
const GROUPS = [
  'the walking group', "the men's shed", 'the knit and natter group', 'the community choir',
  'the gardening club', 'the chair-based exercise class', 'the digital skills drop-in',
  'the art group at the library', 'the peer support group', 'the cooking course',
  'the befriending service', 'the swimming sessions', 'the reading group', 'the repair café',
  'the singing for the brain session', 'the coffee morning at the church',
];
const SERVICES = [
  'Citizens Advice', 'the debt advice line', 'talking therapies', 'the housing team',
  'adult social care', 'the falls service', "the carers' centre",
  'the community mental health team', 'the warm spaces scheme', 'the energy advice service',
  'the wheelchair service', 'the welfare rights team', 'the local food partnership',
  'the blue badge team', 'the memory clinic', 'the employment support service',
];
const DAYS = [
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'next week', 'the end of the month',
  'the day after the bank holiday', 'the next clinic', 'tomorrow morning',
];
const WEATHER = [
  'wet and cold', 'bright but windy', 'close and warm', 'grey all day', 'icy underfoot',
  'the first proper sunshine for weeks',
];

const PATTERNS = [
  (r) => `Met ${r.of(PEOPLE)} at ${r.of(PLACES)} and we talked mostly about ${r.of(TOPICS)}.`,
  (r) => `${cap(r.of(PEOPLE))} told me about ${r.of(TOPICS)}, which I had not heard about before.`,
  (r) => `I rang ${r.of(SERVICES)} for ${r.of(PEOPLE)} and was told to expect a call by ${r.of(DAYS)}.`,
  (r) => `We agreed that ${r.of(PEOPLE)} would try ${r.of(GROUPS)} on ${r.of(DAYS)}, and I said I would go along the first time.`,
  (r) => `Afterwards I felt ${r.of(FEELINGS)}, and it stayed with me on the way home.`,
  (r) => `${cap(r.of(PEOPLE))} did not come to ${r.of(GROUPS)}; I will phone on ${r.of(DAYS)} to check that all is well.`,
  (r) => `The referral to ${r.of(SERVICES)} came back with a wait of ${3 + r.below(20)} weeks, which is longer than last time.`,
  (r) => `${cap(r.of(PEOPLE))} laughed when we got on to ${r.of(TOPICS)}, the first time I have seen that.`,
  (r) => `I spent ${10 + r.below(50)} minutes on hold to ${r.of(SERVICES)} before giving up and sending an email instead.`,
  (r) => `In supervision I want to talk about ${r.of(TOPICS)} and how far I should go with it.`,
  (r) => `${cap(r.of(PEOPLE))} brought a list of questions about ${r.of(TOPICS)}, which made the session easier.`,
  (r) => `It was hard to keep to time because ${r.of(PEOPLE)} wanted to keep talking about ${r.of(TOPICS)}.`,
  (r) => `I wrote up my notes at ${r.of(PLACES)} and checked the referral inbox before lunch.`,
  (r) => `${cap(r.of(PEOPLE))} asked whether I could help with ${r.of(TOPICS)}, which is outside what I can do, so I explained who can.`,
  (r) => `We sat at ${r.of(PLACES)} for a while without saying much, and that seemed to be what was needed.`,
  (r) => `${cap(r.of(STAFF))} asked me to see ${r.of(PEOPLE)} about ${r.of(TOPICS)}.`,
  (r) => `Next time I want to ask about ${r.of(TOPICS)} and whether ${r.of(GROUPS)} is still of interest.`,
  (r) => `${cap(r.of(PEOPLE))} has started going to ${r.of(GROUPS)} and says the people there are kind.`,
  (r) => `The weather was ${r.of(WEATHER)}, so we stayed at ${r.of(PLACES)} rather than walking.`,
  (r) => `By the afternoon I was ${r.of(FEELINGS)}, after ${2 + r.below(5)} sessions back to back.`,
  (r) => `${cap(r.of(SERVICES))} has changed its opening hours again and nobody told us.`,
  (r) => `${cap(r.of(PEOPLE))} mentioned ${r.of(TOPICS)} almost in passing at the end, and I think it matters more than it seemed.`,
  (r) => `I left a message for ${r.of(STAFF)} about ${r.of(TOPICS)} and will chase it on ${r.of(DAYS)}.`,
  (r) => `${cap(r.of(PEOPLE))} said the hardest part of the week had been ${r.of(TOPICS)}.`,
  (r) => `We filled in the form for ${r.of(SERVICES)} together, which took most of the hour.`,
  (r) => `I did not try to fix anything today; I listened while ${r.of(PEOPLE)} talked about ${r.of(TOPICS)}.`,
  (r) => `${cap(r.of(STAFF))} and I disagreed about ${r.of(TOPICS)}, and I am still not sure who was right.`,
  (r) => `There is nowhere to refer on for ${r.of(TOPICS)} since ${r.of(GROUPS)} closed.`,
  (r) => `${cap(r.of(PEOPLE))} seemed ${r.of(MOODS)} today, which is not like them.`,
  (r) => `I walked with ${r.of(PEOPLE)} to ${r.of(PLACES)} so the first visit would feel less daunting.`,
  (r) => `It was the ${ORDINALS[r.below(ORDINALS.length)]} session, and we are still mostly talking about ${r.of(TOPICS)}.`,
  (r) => `I noticed I answered a message from ${r.of(PEOPLE)} after hours again, and I need to stop doing that.`,
];
const ORDINALS = ['second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'];

const PLAIN = [
  'Nothing to fix today.',
  'Team meeting ran over and we never reached caseloads.',
  'Back-to-back all afternoon and behind on my notes.',
  'A good day, on the whole.',
  'I am not sure the plan we made is realistic, but it was theirs, which matters.',
  'Small steps, but real ones.',
  'I should have asked more about how things are at home.',
  'The new referral form is longer than the old one and asks the same things twice.',
  'I kept thinking about this on the drive home.',
  'Need to remember to update the directory of local groups.',
];

const TAGS = [
  'md-patient', 'md-staff', 'md-community', 'boundary-held', 'boundary-stretched',
  'holding-waiting', 'holding-preparing', 'holding-easing-load', 'holding-witness',
  'driver-no-provision', 'driver-readiness', 'anchor-at-ease', 'anchor-space',
  'anchor-step', 'anchor-presence', 'barrier-structural', 'wellbeing-load',
  'wellbeing-caseload',
];

const cap = (s) => s[0].toUpperCase() + s.slice(1);

function random(seed) {
  let state = seed;
  const next = () => {
    // A 32-bit xorshift: the same journal every run, no library needed.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const below = (k) => Math.floor(next() * k);
  return { next, below, of: (list) => list[below(list.length)] };
}

const base36 = (n) => n.toString(36);

/**
 * Local storage's keys and values for `entries` (from `makeJournal`) as the app leaves
 * them: each reflection a compact frame, then the index shards.
 */
export function storedPairs(entries) {
  return [...entries.map((e) => [e.key, compactFrame(e.json)]), ...indexShards(entries)];
}

/**
 * `n` reflections, newest first, one to four a day back from late 2026: each
 * { id, key, json, text } with 900 to about 1,150 characters of text (1,000 on average) and 3 tags. The first
 * `k` of `makeJournal(n)` are `makeJournal(k)`.
 */
export function makeJournal(n, seed = 0x5eed1234) {
  const r = random(seed);
  const start = Date.UTC(2026, 10, 24);
  const entries = [];
  const ids = new Set();
  for (let i = 0; i < n; i += 1) {
    const day = start - Math.floor(i / 3.5) * 86400000;
    const about = new Date(day).toISOString().slice(0, 10);
    const millis = day + (8 + r.below(10)) * 3600000 + r.below(3600) * 1000;
    const at = new Date(millis).toISOString().replace('.000Z', 'Z');
    const want = 900 + r.below(101); // about 1,000 once the last sentence is in
    let text = '';
    while (text.length < want) {
      const sentence = r.below(8) === 0 ? r.of(PLAIN) : r.of(PATTERNS)(r);
      text += (text ? (r.below(5) === 0 ? '\n\n' : ' ') : '') + sentence;
    }
    const tags = [];
    while (tags.length < 3) {
      const tag = r.of(TAGS);
      if (!tags.includes(tag)) tags.push(tag);
    }
    let id = `e${base36(millis)}-${base36(r.below(2 ** 31))}`;
    while (ids.has(id)) id += 'x';
    ids.add(id);
    const json = envelope('entry', {
      id,
      written_at: at,
      updated_at: at,
      about,
      sections: [{ prompt: null, text }],
      tags,
      dismissed: [],
    });
    entries.push({ id, about, written_at: at, key: `anchorpoint.entry.${id}`, json, text });
  }
  return entries;
}
