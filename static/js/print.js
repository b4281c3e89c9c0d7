// The printable summary's print button (templates/exports/printable.html): shown
// only when this script runs, it opens the browser's print dialog. Without the
// script the page says to use the browser's Print command instead.
(function () {
  "use strict";
  function ready() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
    document.querySelectorAll("[data-print-hint]").forEach(function (hint) {
      hint.hidden = true;
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
