/* The site's service worker: the pages a patient may need with no signal open offline.
   overrides/hooks/service_worker.py fills in BUILD and PRECACHE at every build: BUILD names the
   cache after the built site's content, so a new build installs a new cache and the old ones are
   deleted; PRECACHE lists the pages saved at the first visit (home, urgent help, the planner, the
   diaries) with the files they need. Every other page is saved as it is read.

   Network first, always: online, a reader gets the page as it is now, and the saved copy is
   refreshed; only when the network fails does the saved copy answer. Only this site's own GET
   requests are handled; nothing typed into the tools is ever in a request. */
"use strict";

var BUILD = "__BUILD__";
var PRECACHE = __PRECACHE__;
var CACHE_PREFIX = "botox-migraine-";
var CACHE = CACHE_PREFIX + BUILD;
var SCOPE = self.registration.scope;

// Said when a page was never saved and there is no connection; plain, with nothing to load.
var OFFLINE_PAGE = '<!doctype html><html lang="en"><meta charset="utf-8">' +
  '<meta name="viewport" content="width=device-width, initial-scale=1"><title>No connection</title>' +
  "<h1>No connection</h1><p>This page was not saved on this device, and there is no internet connection.</p>" +
  "<p>If you need urgent help, phone 999 in the UK or 911 in the US.</p>" +
  '<p>Pages you have opened before still work. So do the <a href="' + SCOPE + '">home page</a>, the ' +
  '<a href="' + SCOPE + 'treatment-planner/">treatment planner</a> and the ' +
  '<a href="' + SCOPE + 'headache-diary/">headache diary</a>.</p></html>';

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE)
      .then(function (cache) {
        // Through the browser's cache: the files the page has just loaded are not downloaded again.
        return cache.addAll(PRECACHE.map(function (path) { return SCOPE + path; }));
      })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys()
      .then(function (names) {
        return Promise.all(names.filter(function (name) {
          return name.indexOf(CACHE_PREFIX) === 0 && name !== CACHE;
        }).map(function (name) { return caches.delete(name); }));
      })
      .then(function () { return self.clients.claim(); })
  );
});

function fromNetwork(request) {
  return fetch(request).then(function (response) {
    if (response.ok && response.type === "basic") {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { return cache.put(request, copy); });
    }
    return response;
  });
}

function fromCache(request) {
  return caches.open(CACHE).then(function (cache) {
    // A page's address with "#section" or "?q=" is the same saved page.
    return cache.match(request, { ignoreSearch: request.mode === "navigate" });
  }).then(function (saved) {
    if (saved) return saved;
    if (request.mode === "navigate") {
      return new Response(OFFLINE_PAGE, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
    }
    return Response.error();
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(SCOPE) !== 0) return;
  event.respondWith(fromNetwork(request).catch(function () { return fromCache(request); }));
});
