// Prints the person-name lists of some @faker-js/faker locales as JSON, for derive.py.
// Usage: node fakerjs.mjs /path/to/unpacked/package > fakerjs.json
const root = process.argv[2];
const m = await import(`${root}/dist/index.js`);
const LOCALES = ['en_GH', 'en_HK', 'en_NG', 'en_ZA', 'zu_ZA', 'yo_NG', 'en_IN', 'en_NP', 'fr_SN',
  'ku_kmr_latin', 'sr_RS_latin', 'pl', 'ro', 'sk', 'sl_SI', 'hu', 'lv', 'vi', 'cy', 'uk', 'ru'];
const flat = (v) => (v == null ? [] : Array.isArray(v) ? v : Object.values(v).flat());
const out = {};
for (const l of LOCALES) {
  const d = m.allLocales[l]?.person ?? {};
  out[l] = { first: flat(d.first_name), last: flat(d.last_name) };
}
console.log(JSON.stringify(out));
