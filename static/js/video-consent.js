// Embedded videos load only when the reader asks for them: until the button is
// pressed, the page makes no request to the video host. Without JavaScript the
// button stays hidden and the plain link to the video's own page is the way.
(function () {
  "use strict";

  function player(button) {
    var kind = button.getAttribute("data-embed-kind");
    var src = button.getAttribute("data-embed-src") || "";
    var title = button.getAttribute("data-embed-title") || "";
    if (src.indexOf("https://") !== 0) {
      return null;
    }
    var element;
    if (kind === "iframe") {
      element = document.createElement("iframe");
      element.setAttribute("allow", "fullscreen; picture-in-picture");
      element.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      element.setAttribute(
        "sandbox",
        "allow-scripts allow-same-origin allow-presentation allow-popups"
      );
      element.title = title;
    } else {
      element = document.createElement("video");
      element.controls = true;
      element.preload = "metadata";
      element.setAttribute("aria-label", title);
    }
    element.src = src;
    return element;
  }

  function enhance(box) {
    var action = box.querySelector(".video-consent-action");
    var button = action && action.querySelector("button[data-embed-src]");
    var frame = box.parentNode.querySelector(".video-frame");
    if (!button || !frame) {
      return;
    }
    button.addEventListener("click", function () {
      var element = player(button);
      if (!element) {
        return;
      }
      frame.appendChild(element);
      frame.hidden = false;
      action.hidden = true;
      element.focus();
    });
    action.hidden = false;
  }

  var boxes = document.querySelectorAll("[data-video-consent]");
  for (var i = 0; i < boxes.length; i += 1) {
    enhance(boxes[i]);
  }
})();
