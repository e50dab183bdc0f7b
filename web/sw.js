// Anchorpoint's service worker: after the first visit it keeps the whole app on this
// device, so the journal opens and saves with no connection (link workers write in
// community venues and between home visits). It caches only the app's own files, never
// the journal: reflections live in local storage and never pass through here.
//
// scripts/offline.mjs writes dist/sw.js from this file after every build, filling in
// VERSION (a hash of every file) and FILES. A new build therefore means a new worker,
// which waits until the person chooses "Use the new version": it never takes over by
// itself, so no page reloads under an open editor.

const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `anchorpoint-${VERSION}`;

self.addEventListener('install', (event) => {
  // Every file or none: a half-filled cache would open a broken app offline.
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('anchorpoint-') && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // Every page of the app is the same index.html: the router draws the page.
  const key = request.mode === 'navigate' ? '/index.html' : request;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => (await cache.match(key)) ?? fetch(request)),
  );
});
