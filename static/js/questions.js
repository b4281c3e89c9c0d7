// Questions to the speakers, enhanced: a like button sends its small form with
// fetch and changes in place (aria-pressed, the count in words), and the change is
// announced in the page's status region. Without this file (or when the request
// fails) the form posts as usual and the page comes back to the question.
(function () {
  "use strict";

  function announce(text) {
    var status = document.getElementById("question-status");
    if (!status || !text) return;
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = text;
    }, 50);
  }

  function send(form) {
    var button = form.querySelector("button[type=submit]");
    var liked = form.querySelector("input[name=liked]");
    if (!button || !liked || button.disabled) return;
    button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      redirect: "error" // signed out: let the ordinary post take the person there
    })
      .then(function (response) {
        if (response.status !== 200 && response.status !== 422) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        if (typeof data.liked === "boolean") {
          button.setAttribute("aria-pressed", data.liked ? "true" : "false");
          liked.value = data.liked ? "0" : "1";
          var item = form.closest(".question");
          var count = item && item.querySelector(".question-likes");
          if (count && data.likes_text) count.textContent = data.likes_text;
        }
        announce(data.message);
        button.disabled = false;
      })
      .catch(function () {
        button.disabled = false;
        form.submit(); // the page without JavaScript's way
      });
  }

  function init() {
    if (!window.fetch || !window.FormData || !Element.prototype.closest) return;
    // On the document: the polled list is replaced now and then.
    document.addEventListener("submit", function (event) {
      var form = event.target;
      if (form.classList && form.classList.contains("question-like-form")) {
        event.preventDefault();
        send(form);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
