// Coding with one keystroke: when a comment card (or a button in it) has focus,
// "a" accepts and "r" rejects the card's first suggestion, "j" and "k" move to the
// next and previous comment. The keys submit the card's own forms, so everything
// also works without this file. Keys typed into inputs and selects are left alone.
(function () {
  "use strict";

  var list = document.querySelector("[data-coding-list]");
  if (!list) return;
  var help = document.getElementById("coding-keys");
  var live = document.getElementById("coding-announce");
  var texts = help ? help.dataset : {};
  if (help) help.hidden = false; // the keys work only with this file: say so now

  function cards() {
    return Array.prototype.slice.call(list.querySelectorAll(".coding-card"));
  }

  function announce(message) {
    if (!live || !message) return;
    // Clear first so the same message is announced again on a second key press.
    live.textContent = "";
    window.setTimeout(function () { live.textContent = message; }, 50);
  }

  function typing(element) {
    var name = element.tagName;
    return (
      element.isContentEditable ||
      name === "INPUT" ||
      name === "SELECT" ||
      name === "TEXTAREA"
    );
  }

  function submit(form) {
    if (form.dataset.sent) return; // one submission per key press
    form.dataset.sent = "1";
    if (form.requestSubmit) form.requestSubmit();
    else form.submit();
  }

  function move(card, step) {
    var all = cards();
    var next = all[all.indexOf(card) + step];
    if (next) {
      next.focus();
    } else {
      announce(step > 0 ? texts.last : texts.first);
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var target = event.target;
    if (!target || typing(target) || !target.closest) return;
    var card = target.closest(".coding-card");
    if (!card || !list.contains(card)) return;
    var key = event.key;
    if (key === "a" || key === "r") {
      event.preventDefault();
      var form = card.querySelector('[data-pending] form[data-key="' + key + '"]');
      if (form) submit(form);
      else announce(texts.noSuggestion);
    } else if (key === "j" || key === "k") {
      event.preventDefault();
      move(card, key === "j" ? 1 : -1);
    }
  });

  // After a decision the page comes back at the card's anchor: focus the card so
  // the next key press goes on from there.
  if (window.location.hash) {
    var target = document.getElementById(window.location.hash.slice(1));
    if (target && target.classList.contains("coding-card")) {
      target.focus();
    } else if (target && target === list) {
      var first = cards()[0];
      if (first) first.focus();
    }
  }
})();
