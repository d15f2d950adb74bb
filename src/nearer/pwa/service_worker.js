// Nearer's service worker. The server puts `const NEARER = {...}` above this text:
//   version  — changes whenever a static file's hashed name changes (a new release)
//   statics  — the static files' URLs, as WhiteNoise names them (content-hashed)
//   offline  — the offline page's URL;  help — the "Get help now" page's URL
//   static_prefix — where static files live
//
// What it keeps, and what it never keeps:
// * Static files (style sheet, scripts, icons): the same for everyone, kept in a cache
//   named after the release, so a new release never mixes with the old one.
// * The offline page and the help page, fetched WITHOUT cookies: the versions anyone
//   not logged in sees, holding nothing of a person.
// * Never a person's pages. Navigations go to the network; only when that fails is the
//   offline page (or the kept help page) shown. Nothing a person wrote or saw is put in
//   the cache, and other requests (forms, fetches) are left to the browser untouched.
"use strict";

const CACHE = "nearer-" + NEARER.version;

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      const anonymous = [NEARER.offline, NEARER.help].map(function (url) {
        return fetch(new Request(url, { credentials: "omit", cache: "no-store" })).then(
          function (response) {
            if (!response.ok) { throw new Error("could not keep " + url); }
            return cache.put(url, response);
          }
        );
      });
      return Promise.all([cache.addAll(NEARER.statics)].concat(anonymous));
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  // Navigation preload: the browser asks the network for a page while this worker
  // starts, so passing navigations through costs (almost) no time.
  const preload = self.registration.navigationPreload
    ? self.registration.navigationPreload.enable() : Promise.resolve();
  event.waitUntil(
    preload.then(function () { return caches.keys(); }).then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("nearer-") === 0 && name !== CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

function isStatic(url) {
  return url.origin === self.location.origin && url.pathname.indexOf(NEARER.static_prefix) === 0;
}

self.addEventListener("fetch", function (event) {
  const request = event.request;
  const url = new URL(request.url);
  if (request.mode === "navigate") {
    // The network always: a person's pages are private and never kept. Only when it
    // cannot be reached is the kept offline page (or the help page) shown instead.
    const fromNetwork = Promise.resolve(event.preloadResponse).then(function (preloaded) {
      return preloaded || fetch(request);
    });
    event.respondWith(fromNetwork.catch(function () {
      return caches.open(CACHE).then(function (cache) {
        const wanted = request.method === "GET" && url.pathname === NEARER.help
          ? NEARER.help : NEARER.offline;
        return cache.match(wanted);
      }).then(function (kept) {
        return kept || Response.error();
      });
    }));
    return;
  }
  if (request.method === "GET" && isStatic(url)) {
    // Static names carry a hash of their content, so a kept copy is never stale.
    event.respondWith(caches.open(CACHE).then(function (cache) {
      return cache.match(request).then(function (kept) {
        return kept || fetch(request).then(function (response) {
          if (response.ok && response.type === "basic") { cache.put(request, response.clone()); }
          return response;
        });
      });
    }));
  }
  // Anything else (form posts, the manifest, other requests): not ours to answer.
});
