// Notes (and discussion comments) that survive a lost connection: a workshop's phone
// page (templates/seminars/live.html) and a discussion's thread page
// (templates/discussions/thread.html). The form names its fields' prefix in
// data-offline-notes ("note-" on the phone page, "" on the thread page).
// A note is first kept on the phone (IndexedDB),
// then sent; while the connection is down it waits, shown as "waiting to be sent",
// and goes when the connection returns, with a fresh CSRF token (/csrf-token). The
// queue survives a reload (static/js/live-sw.js answers the page from its copy). The
// note's submission key makes the server keep one copy however often it is sent
// (two tabs, a retry after a lost answer). A refused note stays with its reason and
// its text. Without this script the form posts as before.
(function () {
  "use strict";

  var DB_NAME = "osallistamo-offline";
  var STORE = "notes";
  var RETRY_MS = 15000;

  var form = document.querySelector("form[data-offline-notes]");
  var box = document.getElementById("offline-notes");
  if (!form || !box || !window.indexedDB || !window.fetch || !window.URLSearchParams) return;
  var prefix = form.getAttribute("data-offline-notes") || "";
  function field(name) { return form.elements[prefix + name]; }

  var list = box.querySelector("ul");
  var status = document.getElementById("offline-status");
  var texts = box.dataset;
  var sending = false;
  var retryTimer = null;

  if ("serviceWorker" in navigator && box.dataset.worker) {
    // Its scope is its own folder (/p/): the phone pages under it.
    var scope = new URL(".", new URL(box.dataset.worker, window.location.href)).pathname;
    navigator.serviceWorker.register(box.dataset.worker, { scope: scope }).catch(function () {});
  }

  // IndexedDB ----------------------------------------------------------------
  var opened = null;
  function database() {
    if (!opened) {
      opened = new Promise(function (resolve, reject) {
        var request = indexedDB.open(DB_NAME, 1);
        request.onupgradeneeded = function () {
          request.result.createObjectStore(STORE, { keyPath: "key" });
        };
        request.onsuccess = function () { resolve(request.result); };
        request.onerror = function () { reject(request.error); };
      });
    }
    return opened;
  }

  function transact(mode, work) {
    return database().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var result = work(tx.objectStore(STORE));
        tx.oncomplete = function () { resolve(result && "result" in result ? result.result : undefined); };
        tx.onerror = function () { reject(tx.error); };
      });
    });
  }

  function allNotes() { return transact("readonly", function (store) { return store.getAll(); }); }
  function keep(note) { return transact("readwrite", function (store) { store.put(note); }); }
  function forget(key) { return transact("readwrite", function (store) { store.delete(key); }); }

  // The list of notes kept on this phone (this page's only) ------------------
  function newKey() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function button(label, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "button button-secondary";
    b.textContent = label;
    b.addEventListener("click", onClick);
    return b;
  }

  function item(note) {
    var li = document.createElement("li");
    li.className = "offline-note offline-note-" + note.status;
    var state = document.createElement("p");
    state.className = "offline-note-state";
    var label = document.createElement("strong");
    label.textContent = note.status === "refused" ? texts.refusedText : texts.waitingText;
    state.appendChild(label);
    if (note.status === "refused" && note.reason) {
      state.appendChild(document.createTextNode(" " + note.reason));
    }
    var body = document.createElement("p");
    body.className = "offline-note-body";
    body.textContent = note.body;
    li.appendChild(state);
    li.appendChild(body);
    if (note.status === "refused") {
      var actions = document.createElement("p");
      actions.className = "offline-note-actions";
      actions.appendChild(button(texts.editText, function () {
        var body = field("body");
        if (body.value.trim() && !window.confirm(texts.replaceText)) return;
        body.value = note.body;
        forget(note.key).then(render).then(function () { body.focus(); });
      }));
      actions.appendChild(button(texts.discardText, function () {
        if (window.confirm(texts.discardConfirmText)) forget(note.key).then(render);
      }));
      li.appendChild(actions);
    }
    return li;
  }

  function render() {
    return allNotes().then(function (notes) {
      var here = notes
        .filter(function (note) { return note.page === window.location.pathname; })
        .sort(function (a, b) { return a.created - b.created; });
      list.replaceChildren.apply(list, here.map(item));
      box.hidden = here.length === 0 && navigator.onLine;
      status.textContent = navigator.onLine ? "" : texts.offlineText;
      return notes;
    });
  }

  // Sending --------------------------------------------------------------------
  function freshToken() {
    return fetch(texts.tokenUrl, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (!response.ok) throw new Error("token " + response.status);
        return response.json();
      })
      .then(function (data) { return data.csrf_token; });
  }

  function reasonIn(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var found = doc.querySelector("form[data-offline-notes] .field-errors li, .error-summary li, .error-summary p");
    return found ? found.textContent.trim() : "";
  }

  // Resolves with the address to show after a sent note, or null.
  function sendOne(note, token) {
    var data = new URLSearchParams(note.fields);
    data.set(prefix + "csrf_token", token);
    data.set(prefix + "submit", "1");
    return fetch(note.action, { method: "POST", body: data, credentials: "same-origin" }).then(function (response) {
      var path = new URL(response.url).pathname;
      if (response.ok && response.redirected && path === note.page) {
        return forget(note.key).then(function () { return response.url; });
      }
      if (response.redirected && path !== note.page) {
        // Signed out (the sign-in page): the note waits until the person is back.
        note.reason = texts.signedOutText;
        return keep(note).then(function () { throw new Error("signed out"); });
      }
      if (response.status === 400 || response.status === 403 || response.status === 404 || response.status === 422) {
        return response.text().then(function (html) {
          note.status = "refused";
          note.reason = reasonIn(html) || texts.notAcceptedText;
          return keep(note).then(function () { return null; });
        });
      }
      throw new Error("HTTP " + response.status); // busy or failing: try again later
    });
  }

  function sendWaiting() {
    if (sending || !navigator.onLine) return Promise.resolve(null);
    sending = true;
    var shown = null;
    return allNotes()
      .then(function (notes) {
        var waiting = notes.filter(function (note) { return note.status === "waiting"; });
        if (!waiting.length) return null;
        return freshToken().then(function (token) {
          return waiting.reduce(function (previous, note) {
            return previous.then(function () {
              return sendOne(note, token).then(function (url) {
                if (url && note.page === window.location.pathname) shown = url;
              });
            });
          }, Promise.resolve());
        });
      })
      .catch(function () { scheduleRetry(); })
      .then(function () {
        sending = false;
        return render();
      })
      .then(function (notes) {
        if (notes && notes.some(function (note) { return note.status === "waiting"; })) scheduleRetry();
        return shown;
      });
  }

  function scheduleRetry() {
    window.clearTimeout(retryTimer);
    retryTimer = window.setTimeout(sendWaiting, RETRY_MS);
  }

  form.addEventListener("submit", function (event) {
    var body = field("body");
    // An empty note goes to the server as before, which says what is missing.
    if (!body.value.trim()) return;
    // The thread page (data-queue="offline") posts as usual while online: its
    // message, draft and focus handling stay the page's own.
    if (texts.queue === "offline" && navigator.onLine) return;
    event.preventDefault();
    var fields = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== prefix + "csrf_token" && name !== prefix + "submit") fields.push([name, value]);
    });
    var note = {
      key: field("submission_key").value,
      action: form.action,
      page: window.location.pathname,
      fields: fields,
      body: body.value,
      status: "waiting",
      created: Date.now()
    };
    keep(note)
      .then(function () {
        // The text is safe on the phone: the form is ready for the next note.
        body.value = "";
        field("submission_key").value = newKey();
        // Tell the page's other scripts (comments.js: the draft, the counter) that
        // the box is empty, and that the form may be sent again.
        body.dispatchEvent(new Event("input", { bubbles: true }));
        form.dataset.submitting = "false";
        var send = form.querySelector("[type=submit]");
        if (send) send.removeAttribute("aria-disabled");
        return render();
      })
      .then(sendWaiting)
      .then(function (url) {
        // Sent at once: show the page with the note, as a plain post would.
        if (url) window.location.assign(url + (texts.sentAnchor || ""));
      });
  });

  // Sent later, by itself: the phone page's poll brings the note in; a page without
  // a poll (the thread page, data-show-sent="reload") is loaded again to show it.
  function showSent(url) {
    if (url && texts.showSent === "reload") {
      window.location.assign(url + (texts.sentAnchor || ""));
    }
  }

  // A page answered offline is the service worker's copy, with the submission key
  // it had then: if a kept note already has that key, the form gets a new one (or
  // the next note would replace it here and be taken for a resend by the server).
  function freshKeyIfUsed(notes) {
    var key = field("submission_key");
    if (key && notes.some(function (note) { return note.key === key.value; })) {
      key.value = newKey();
    }
  }

  window.addEventListener("online", function () { render().then(sendWaiting).then(showSent); });
  window.addEventListener("offline", render);
  render().then(function (notes) {
    freshKeyIfUsed(notes);
    return sendWaiting();
  }).then(showSent);
})();
