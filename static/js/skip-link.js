// The skip link, made dependable: the focus moves to <main> in the click itself,
// not later by the browser's fragment navigation, which in the keyboard journey came
// too late or not at all on a loaded machine (and after a form sent from a page
// reached by the skip link, the address already ends in "#main").
// Without this file the link works as a plain fragment link.
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.skip-link") : null;
    if (!link) return;
    var target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) return;
    event.preventDefault();
    target.focus();
    if (window.location.hash !== link.getAttribute("href")) {
      window.history.pushState(null, "", link.getAttribute("href"));
    }
  });
})();
