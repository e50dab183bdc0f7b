// The journal lists entries newest first by the day they are about, not by
// when they were written.

import assert from 'node:assert/strict';
import { useHarness, longDate, addDays } from './harness.mjs';
import { HARD_CALL, TEAM_MEETING, GROUP_DAY } from './fixtures.mjs';

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
