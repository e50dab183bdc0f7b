// Filling and freeing the browser's local storage, for the journeys that check what
// happens when it is full. One copy, so every journey fills it the same, strict way.

/**
 * Fills local storage to its quota with junk under keys that are not Anchorpoint's.
 * After the last failed chunk, one-character keys with empty values take up whatever
 * room is left, so even a slightly longer value cannot fit. Returns how many junk
 * chunks were written.
 */
export function fillStorage(page) {
  return page.evaluate(() => {
    let chunk = 1 << 20;
    let count = 0;
    while (chunk >= 1) {
      try {
        localStorage.setItem(`junk.${count}`, 'x'.repeat(chunk));
        count += 1;
      } catch (error) {
        if (error.name !== 'QuotaExceededError') throw error;
        chunk = Math.floor(chunk / 2);
      }
    }
    for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') {
      try {
        localStorage.setItem(c, '');
      } catch {
        break;
      }
    }
    return count;
  });
}

/** Removes everything `fillStorage` wrote, leaving Anchorpoint's own keys alone. */
export function freeStorage(page) {
  return page.evaluate(() => {
    for (const key of Object.keys(localStorage)) {
      if (!key.startsWith('anchorpoint.')) localStorage.removeItem(key);
    }
  });
}

/**
 * Makes the browser refuse every local storage write as full, as it does for any write
 * that needs more room. `fillStorage` alone cannot fail a write that makes a record
 * smaller (Chromium counts only growth against the quota), such as a merge that drops a
 * tag. Undone by `allowWrites` or a new page.
 */
export function refuseWrites(page) {
  return page.evaluate(() => {
    window.__setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function refused() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
}

/** Undoes `refuseWrites`. */
export function allowWrites(page) {
  return page.evaluate(() => {
    if (window.__setItem) Storage.prototype.setItem = window.__setItem;
  });
}
