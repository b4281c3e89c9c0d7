// Writing comments, enhanced: a live character counter, a draft kept in
// localStorage until the comment is posted, and one submission per click.
// Every page works without this file; the server checks the length and
// ignores a form sent twice.
(function () {
  "use strict";

  var DRAFT_PREFIX = "osallistamo:draft:";
  var PENDING_PREFIX = "osallistamo:pending:";

  function texts() {
    var el = document.getElementById("comment-texts");
    return el ? el.dataset : {};
  }

  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (_, name) {
      return values[name] !== undefined ? values[name] : "";
    });
  }

  function storage(kind) {
    try {
      var store = window[kind];
      var probe = "osallistamo:probe";
      store.setItem(probe, "1");
      store.removeItem(probe);
      return store;
    } catch (error) {
      return null; // private mode or storage disabled: no drafts, nothing breaks
    }
  }

  // Character counter -------------------------------------------------------
  function addCounter(textarea, t) {
    var max = parseInt(textarea.dataset.maxLength, 10);
    if (!max) return;
    var counter = document.createElement("p");
    counter.id = textarea.id + "-counter";
    counter.className = "char-counter";
    counter.setAttribute("aria-live", "polite");
    textarea.insertAdjacentElement("afterend", counter);
    var described = textarea.getAttribute("aria-describedby");
    textarea.setAttribute(
      "aria-describedby", (described ? described + " " : "") + counter.id
    );
    var timer = null;
    function update() {
      // Characters as the server counts them (Python's len): code points, so an
      // emoji is one, not the two UTF-16 units of value.length; newlines are one.
      var count = Array.from(textarea.value).length;
      var over = count > max;
      counter.textContent = over
        ? fill(t.over, { count: count - max, max: max })
        : fill(t.count, { count: count, max: max });
      counter.classList.toggle("is-over", over);
    }
    update();
    // Update the announcement after a pause, not on every key press.
    textarea.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, 400);
    });
  }

  // Drafts -------------------------------------------------------------------
  function draftKey(form) {
    return DRAFT_PREFIX + window.location.pathname + ":" + form.dataset.draftKey;
  }

  function keepDraft(form, local, session, t) {
    var textarea = form.querySelector("textarea");
    if (!textarea) return;
    var key = draftKey(form);
    var saved = local.getItem(key);
    if (saved && !textarea.value.trim()) {
      textarea.value = saved;
      var note = document.createElement("p");
      note.className = "hint draft-note";
      note.textContent = t.restored || "";
      textarea.insertAdjacentElement("beforebegin", note);
      var details = form.closest("details");
      if (details) details.open = true;
    }
    textarea.addEventListener("input", function () {
      if (textarea.value.trim()) local.setItem(key, textarea.value);
      else local.removeItem(key);
    });
    form.addEventListener("submit", function () {
      if (session) session.setItem(PENDING_PREFIX + key, "1");
    });
  }

  // A draft is forgotten only when the server says the comment was posted.
  function forgetPostedDrafts(local, session) {
    if (!session || !document.querySelector(".flash.posted")) return;
    for (var i = session.length - 1; i >= 0; i--) {
      var name = session.key(i);
      if (name && name.indexOf(PENDING_PREFIX) === 0) {
        local.removeItem(name.slice(PENDING_PREFIX.length));
        session.removeItem(name);
      }
    }
  }

  // One submission per click --------------------------------------------------
  function submitOnce(form) {
    form.addEventListener("submit", function (event) {
      if (form.dataset.submitting === "true") {
        event.preventDefault();
        return;
      }
      form.dataset.submitting = "true";
      var button = form.querySelector("button[type=submit]");
      if (button) button.setAttribute("aria-disabled", "true");
    });
    // Back/forward cache: a page shown again must be usable again.
    window.addEventListener("pageshow", function () {
      form.dataset.submitting = "false";
      var button = form.querySelector("button[type=submit]");
      if (button) button.removeAttribute("aria-disabled");
    });
  }

  function init() {
    var t = texts();
    var local = storage("localStorage");
    var session = storage("sessionStorage");
    if (local) forgetPostedDrafts(local, session);
    document.querySelectorAll("textarea[data-max-length]").forEach(function (el) {
      addCounter(el, t);
    });
    document.querySelectorAll("form[data-draft-key]").forEach(function (form) {
      if (local) keepDraft(form, local, session, t);
    });
    document.querySelectorAll("form[data-submit-once]").forEach(submitOnce);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
