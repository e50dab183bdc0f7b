// The journal lists entries newest first by the day they are about, not by
// when they were written.

import assert from 'node:assert/strict';
import { useHarness, longDate, addDays, isoDate } from './harness.mjs';
import { HARD_CALL, TEAM_MEETING, GROUP_DAY } from './fixtures.mjs';
import { v3Journal, putStored } from './records.mjs';

const { journey } = useHarness();

journey('a back-dated reflection sorts by the day it is about', async ({ app, a11y }) => {
  await app.open('/');
  const today = await app.today();
  const lastMonth = addDays(today, -40); // crosses a month boundary
  const threeDaysAgo = addDays(today, -3);

  // Written in this order...
  await app.writeEntry({ about: lastMonth, text: HARD_CALL });
  await app.writeEntry({ about: today, text: TEAM_MEETING });
  await app.writeEntry({ about: threeDaysAgo, text: GROUP_DAY });
  await app.expectPage(`Reflection about ${longDate(threeDaysAgo)}`);

  // ...listed by the day they are about, newest first.
  const expected = [longDate(today), longDate(threeDaysAgo), longDate(lastMonth)];
  await app.open('/');
  assert.deepEqual(await app.listedDays(), expected);
  await a11y('journal, three entries');

  await app.reload();
  assert.deepEqual(await app.listedDays(), expected, 'the same order after a reload');

  // Each link opens the entry it names.
  await app.link(longDate(lastMonth)).click();
  await app.expectPage(`Reflection about ${longDate(lastMonth)}`);
  assert.equal((await app.entryText().textContent()).trim(), HARD_CALL);
});

journey('two reflections about the same day have headings that tell them apart', async ({ app, page, a11y }) => {
  await app.open('/');
  const today = await app.today();
  const iso = isoDate(today);
  // Stored directly, so the two were written hours apart (a test cannot wait that long).
  await putStored(page, v3Journal([
    { id: 'same-day-1', about: iso, written_at: `${iso}T09:05:00Z`, text: TEAM_MEETING },
    { id: 'same-day-2', about: iso, written_at: `${iso}T16:40:00Z`, text: GROUP_DAY },
  ]));
  await app.open('/');

  const days = await app.listedDays();
  assert.equal(days.length, 2);
  assert.notEqual(days[0], days[1], 'the two headings differ');
  for (const day of days) {
    assert.ok(day.startsWith(`${longDate(today)}, written `), day);
  }
  // Each link's name is unique and opens the reflection it names.
  await app.link(days[1]).click();
  await app.expectPage(`Reflection about ${longDate(today)}`);
  assert.equal((await app.entryText().textContent()).trim(), TEAM_MEETING);
  await app.open('/');
  await a11y('journal, two reflections about one day');
});
