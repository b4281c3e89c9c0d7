// Notes that survive a lost connection on a workshop's phone page
// (templates/seminars/live.html). A note is first kept on the phone (IndexedDB),
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
        var field = form.elements["note-body"];
        if (field.value.trim() && !window.confirm(texts.replaceText)) return;
        field.value = note.body;
        forget(note.key).then(render).then(function () { field.focus(); });
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
    var found = doc.querySelector(".live-note-form .field-errors li, .live-note-form .error-summary li, .live-note-form .error-summary p");
    return found ? found.textContent.trim() : "";
  }

  // Resolves with the address to show after a sent note, or null.
  function sendOne(note, token) {
    var data = new URLSearchParams(note.fields);
    data.set("note-csrf_token", token);
    data.set("note-submit", "1");
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
    var field = form.elements["note-body"];
    // An empty note goes to the server as before, which says what is missing.
    if (!field.value.trim()) return;
    event.preventDefault();
    var fields = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== "note-csrf_token" && name !== "note-submit") fields.push([name, value]);
    });
    var note = {
      key: form.elements["note-submission_key"].value,
      action: form.action,
      page: window.location.pathname,
      fields: fields,
      body: field.value,
      status: "waiting",
      created: Date.now()
    };
    keep(note)
      .then(function () {
        // The text is safe on the phone: the form is ready for the next note.
        field.value = "";
        form.elements["note-submission_key"].value = newKey();
        return render();
      })
      .then(sendWaiting)
      .then(function (url) {
        // Sent at once: show the page with the note, as a plain post would.
        if (url) window.location.assign(url + "#notes");
      });
  });

  window.addEventListener("online", function () { render().then(sendWaiting); });
  window.addEventListener("offline", render);
  render().then(sendWaiting);
})();
