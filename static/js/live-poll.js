// Live views (a ballot's projector, a workshop's wall and phone page): keep them current.
// Each element with data-live-poll asks its data-live-url every few seconds, sending
// the ETag it already has; the server answers 304 (nothing to do) until a note or a
// move arrives, then 200 with new HTML, already escaped by the server. It pauses
// while the tab is hidden and backs off after errors. The pages work without this
// file: they just do not refresh themselves.
//
// A container with data-hold-while-editing (the control page's notes, full of
// forms) is not replaced while focus is inside it or one of its text fields holds
// typed text: the new HTML waits, the element named by data-held-notice says so,
// and the update happens once the person leaves the fields.
(function () {
  "use strict";

  var MAX_DELAY = 60000; // back off to at most a minute after errors
  var ANNOUNCE_EVERY = 60000; // the update at most once a minute

  function start(container) {
    var url = container.dataset.liveUrl;
    var interval = parseInt(container.dataset.interval, 10) || 3000;
    var etag = container.dataset.etag || "";
    var status = container.dataset.status
      ? document.getElementById(container.dataset.status)
      : null;
    var delay = interval;
    var timer = null;
    var inFlight = false;
    var lastAnnounced = 0;
    var announceTimer = null;
    var holds = "holdWhileEditing" in container.dataset;
    var heldNotice = container.dataset.heldNotice
      ? document.getElementById(container.dataset.heldNotice)
      : null;
    var pending = null; // HTML that arrived while the person was editing

    function editing() {
      if (!holds) return false;
      var active = document.activeElement;
      if (active && active !== document.body && container.contains(active)) return true;
      var fields = container.querySelectorAll("input[type=text], textarea");
      return Array.prototype.some.call(fields, function (field) {
        return field.value !== "";
      });
    }

    function applyPending() {
      if (pending === null || editing()) return;
      swap(pending);
      pending = null;
      if (heldNotice) heldNotice.hidden = true;
      announce();
    }

    if (holds) {
      // After focus has moved on (focusout fires before the next element has it).
      container.addEventListener("focusout", function () {
        window.setTimeout(applyPending, 0);
      });
      container.addEventListener("input", applyPending);
    }

    function announce() {
      if (!status) return;
      var wait = lastAnnounced + ANNOUNCE_EVERY - Date.now();
      if (wait > 0) {
        // Several updates within a minute make one announcement, at its end.
        if (!announceTimer) {
          announceTimer = window.setTimeout(function () {
            announceTimer = null;
            announce();
          }, wait);
        }
        return;
      }
      lastAnnounced = Date.now();
      status.textContent = "";
      window.setTimeout(function () {
        status.textContent = status.dataset.updatedText || "";
      }, 100);
    }

    function swap(html) {
      // Parsed into an inert document (no scripts run), then moved over node by
      // node: no HTML is ever built from strings here.
      var doc = new DOMParser().parseFromString(html, "text/html");
      var nodes = Array.prototype.slice.call(doc.body.childNodes).map(function (node) {
        return document.adoptNode(node);
      });
      container.replaceChildren.apply(container, nodes);
    }

    function schedule() {
      window.clearTimeout(timer);
      timer = null;
      if (document.hidden) return; // paused until the tab is shown again
      timer = window.setTimeout(poll, delay);
    }

    function poll() {
      if (inFlight || document.hidden) return;
      inFlight = true;
      var headers = {};
      if (etag) headers["If-None-Match"] = etag;
      // no-store: the browser cache stays out of the way, so a 304 reaches us
      // as a 304 instead of a silently reused copy.
      fetch(url, {
        headers: headers,
        cache: "no-store",
        credentials: "same-origin",
        redirect: "error" // signed out: a login page is not a live view
      })
        .then(function (response) {
          if (response.status === 304) return null;
          if (!response.ok) throw new Error("HTTP " + response.status);
          var tag = response.headers.get("ETag");
          return response.text().then(function (html) {
            if (tag) etag = tag;
            if (editing()) {
              pending = html;
              if (heldNotice) heldNotice.hidden = false;
              return;
            }
            pending = null;
            swap(html);
            announce();
          });
        })
        .then(function () {
          delay = interval;
        })
        .catch(function () {
          delay = Math.min(delay * 2, MAX_DELAY);
        })
        .then(function () {
          inFlight = false;
          schedule();
        });
    }

    document.addEventListener("visibilitychange", function () {
      if (document.hidden) {
        window.clearTimeout(timer);
        timer = null;
      } else {
        poll(); // catch up at once when the screen is shown again
      }
    });

    schedule();
  }

  function init() {
    if (!window.fetch || !window.DOMParser) return;
    var containers = document.querySelectorAll("[data-live-poll]");
    Array.prototype.forEach.call(containers, function (container) {
      if (container.replaceChildren && container.dataset.liveUrl) start(container);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
