// The phone pages' service worker (a workshop's notes, a discussion's thread) (served as /p/live-sw.js by
// app/seminars/routes_offline.py, so its scope is /p/). Network first: a phone page
// or a static file that arrives is also kept here; without a connection the last
// copy kept is answered instead, so a reload shows the page and the notes waiting on
// the phone (static/js/live-offline.js). Nothing else is looked after: other pages,
// the polls and every POST go to the network as without this worker.
"use strict";

var CACHE = "osallistamo-live-v1";
// A workshop's phone page and a discussion's thread page (its comment form).
var PHONE_PAGE = /^\/p\/[^/]+\/(workshops\/\d+\/live|discussions\/\d+\/prompts\/\d+\/)$/;

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(
        names
          .filter(function (name) { return name.indexOf("osallistamo-live-") === 0 && name !== CACHE; })
          .map(function (name) { return caches.delete(name); })
      );
    }).then(function () { return self.clients.claim(); })
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  var page = request.mode === "navigate" && PHONE_PAGE.test(url.pathname);
  var asset = url.pathname.indexOf("/static/") === 0;
  if (!page && !asset) return;
  // One copy per phone page, whatever prompt it showed.
  var key = page ? url.origin + url.pathname : request;
  event.respondWith(
    fetch(request)
      .then(function (response) {
        if (response.ok && !response.redirected) {
          var copy = response.clone();
          event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.put(key, copy); }));
        }
        return response;
      })
      .catch(function () {
        return caches.match(key).then(function (kept) { return kept || Response.error(); });
      })
  );
});
