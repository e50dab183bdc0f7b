// Insights: open the page and read the data behind the charts. The journal is
// seeded in local storage (stored format v2) with fictional reflections dated
// relative to today, so the weeks never go stale; the tags-per-week table is
// opened with the keyboard and its cells checked against what was seeded.

import assert from 'node:assert/strict';
import { useHarness, addDays, normaliseSpace, isoDate } from './harness.mjs';

const { journey } = useHarness();

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "w/c 3 Nov", as the app labels the week commencing on that Monday. */
function weekLabel({ month, day }) {
  return `w/c ${day} ${SHORT_MONTHS[month - 1]}`;
}

/** The Monday of the ISO week containing `date`. */
function mondayOf(date) {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** A stored entry record (format v2), as the app writes it. */
function entryRecord(id, about, tags, text) {
  const at = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return JSON.stringify({
    app: 'anchorpoint',
    kind: 'entry',
    v: 2,
    data: { id, written_at: at, updated_at: at, about: isoDate(about), sections: [{ text }], tags, dismissed: [] },
  });
}

/** Writes the entries and the index straight into local storage. */
async function seed(page, entries) {
  const items = entries.map((e) => [`anchorpoint.entry.${e.id}`, entryRecord(e.id, e.about, e.tags, e.text)]);
  items.push([
    'anchorpoint.index',
    JSON.stringify({ app: 'anchorpoint', kind: 'index', v: 2, data: { ids: entries.map((e) => e.id) } }),
  ]);
  await page.evaluate((pairs) => pairs.forEach(([k, v]) => localStorage.setItem(k, v)), items);
}

/** The table's column headers and its rows (row header first), as text. */
function readTable(table) {
  return table.evaluate((t) => {
    const text = (el) => el.innerText.replace(/\s+/g, ' ').trim();
    return {
      head: [...t.querySelectorAll('thead th')].map(text),
      rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(text)),
    };
  });
}

journey('open insights and read the data table', async ({ app, page, a11y }) => {
  await app.open('/');
  const today = await app.today();
  const monday = mondayOf(today);
  const lastSunday = addDays(monday, -1);
  const threeWeeksAgo = addDays(monday, -21);
  const beforePeriod = addDays(monday, -78); // the Sunday before the 12 weeks begin
  // Fictional reflections: no real names, no identifiers.
  await seed(page, [
    { id: 'ins-a', about: monday, tags: ['md-patient', 'boundary-stretched'], text: 'Went with Person A to the lunch club.' },
    { id: 'ins-b', about: today, tags: ['md-staff', 'custom-1'], text: 'Took a request from the practice nurse.' },
    { id: 'ins-c', about: lastSunday, tags: ['md-community'], text: 'Rang the befriending scheme directly.' },
    { id: 'ins-d', about: threeWeeksAgo, tags: ['anchor-at-ease', 'anchor-step', 'md-patient'], text: 'Person B booked the group.' },
    { id: 'ins-e', about: addDays(monday, -14), tags: [], text: 'A quiet day of admin.' },
    { id: 'ins-f', about: beforePeriod, tags: ['md-patient'], text: 'Too long ago to count.' },
  ]);

  await app.open('/insights');
  await app.expectPage('Insights');
  await a11y('insights, data tables closed');

  // The chart is one image with a name, and its summary is plain text.
  await page.getByRole('img', { name: 'Tags per week' }).waitFor();
  const figure = page.locator('figure[aria-labelledby="tags-per-week-heading"]');
  await app.expectText(
    figure.locator('figcaption'),
    `Over the last 12 weeks you used 8 tags; the busiest week was ${weekLabel(monday)}, with 4. ` +
      'You used micro-discretion tags most: 4 times.',
    { exact: true },
  );
  // No data yet for the others: each says so in plain words, with no empty chart.
  await app.expectVisibleText('No wellbeing checks yet. After saving a reflection you can say how you are.');
  await app.expectVisibleText('No holding threads were open in the last 12 weeks.');
  await app.expectVisibleText('No embeddedness check-ins in the last 12 weeks.');
  assert.equal(await page.getByRole('img').count(), 1, 'only the chart with data is drawn');

  // The data table is behind "Show the data", which opens from the keyboard.
  const table = page.getByRole('table', { name: /^Tags per week, w\/c/ });
  assert.equal(await table.isVisible(), false, 'the table starts hidden');
  const summary = await app.tabTo('"Show the data" for tags per week', (f) =>
    f.tag === 'summary' && f.text.startsWith('Show the data'), { max: 30 });
  assert.equal(normaliseSpace(summary.text), 'Show the data for tags per week');
  await page.keyboard.press('Enter');
  await table.waitFor({ state: 'visible' });
  assert.equal(await figure.locator('details').getAttribute('open'), '');
  await a11y('insights, tags table open');

  const { head, rows } = await readTable(table);
  assert.deepEqual(head, ['Week', 'Micro-discretion', 'Boundary', 'Anchor point', 'Your own tags', 'Total']);
  assert.equal(rows.length, 12, 'one row for each of the 12 weeks, oldest first');
  assert.equal(rows[0][0], weekLabel(addDays(monday, -77)));
  const byWeek = Object.fromEntries(rows.map((r) => [r[0], r.slice(1)]));
  assert.deepEqual(byWeek[weekLabel(monday)], ['2', '1', '0', '1', '4']);
  assert.deepEqual(byWeek[weekLabel(addDays(monday, -7))], ['1', '0', '0', '0', '1']);
  assert.deepEqual(byWeek[weekLabel(threeWeeksAgo)], ['1', '0', '2', '0', '3']);
  assert.deepEqual(byWeek[weekLabel(addDays(monday, -14))], ['0', '0', '0', '0', '0']);
  const total = rows.reduce((sum, r) => sum + Number(r[r.length - 1]), 0);
  assert.equal(total, 8, 'the entry from before the 12 weeks is not counted');
  assert.equal(
    normaliseSpace(await table.locator('caption').innerText()),
    `Tags per week, ${weekLabel(addDays(monday, -77))} to ${weekLabel(monday)}`,
  );
});

journey('insights with an empty journal says there is nothing yet, in plain words', async ({ app, page, a11y }) => {
  await app.open('/insights');
  await app.expectPage('Insights');
  await app.expectVisibleText(
    'No tags on reflections about the last 12 weeks. When you choose tags for a reflection, they are counted here',
  );
  await app.expectVisibleText('No wellbeing checks yet. After saving a reflection you can say how you are.');
  assert.equal(await page.getByRole('img').count(), 0);
  assert.equal(await page.locator('details').count(), 0);
  await a11y('insights, empty journal');
});
