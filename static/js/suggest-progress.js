// "Suggest themes" runs on the server for a while (the first time after a start it
// also loads the language data): instead of a silent wait, say what is happening and
// how long it has taken so far, with an indeterminate progress bar. The form is sent
// as usual, so everything also works without this file; only the display needs it.
(function () {
  "use strict";

  var form = document.querySelector("[data-suggest-progress]");
  if (!form) return;
  var area = form.querySelector("[data-progress-area]");
  var button = form.querySelector("button[type=submit]");

  form.addEventListener("submit", function (event) {
    if (form.dataset.sent) {
      event.preventDefault(); // one run at a time
      return;
    }
    form.dataset.sent = "1";
    var started = Date.now();
    var bar = document.createElement("progress"); // no value: indeterminate
    bar.setAttribute("aria-label", form.dataset.working);
    var said = document.createElement("p");
    said.textContent = form.dataset.working + " " + form.dataset.firstTime;
    // The seconds change every second: shown, not announced each time.
    var elapsed = document.createElement("p");
    elapsed.className = "hint";
    elapsed.setAttribute("aria-hidden", "true");
    area.replaceChildren(bar, said, elapsed);
    // Not disabled: a disabled button would leave the form without a value to
    // send and move the focus; a second press is stopped above instead.
    button.setAttribute("aria-disabled", "true");
    window.setInterval(function () {
      var seconds = Math.round((Date.now() - started) / 1000);
      elapsed.textContent = form.dataset.elapsed.replace("{seconds}", String(seconds));
    }, 1000);
  });
})();
