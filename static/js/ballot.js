// Voting, enhanced: live feedback on the ballot's limits while choosing
// ("2 of 3 chosen", "4 of 10 points left", places already used). Nothing is
// disabled or blocked: keyboard and screen-reader users must be able to change
// any choice, and the server checks every limit when the vote is sent.
(function () {
  "use strict";

  function texts() {
    var el = document.getElementById("ballot-texts");
    return el ? el.dataset : {};
  }

  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (_, name) {
      return values[name] !== undefined ? values[name] : "";
    });
  }

  function number(value) {
    var parsed = parseInt(value, 10);
    return isNaN(parsed) || parsed < 0 ? 0 : parsed;
  }

  function range(from, to) {
    var values = [];
    for (var i = from; i <= to; i++) values.push(i);
    return values;
  }

  // Pick up to k -----------------------------------------------------------------
  function pickMessage(form, t, max) {
    var count = form.querySelectorAll("input[type=checkbox]:checked").length;
    var values = { count: count, max: max };
    if (count > max) return { text: fill(t.chosenOver, values), over: true };
    if (count === max) return { text: fill(t.chosenMax, values), over: false };
    return { text: fill(t.chosen, values), over: false };
  }

  // Points: N in all, at most m per theme -----------------------------------------
  function pointsMessage(form, t, total, perTheme) {
    var given = 0;
    var themeOver = false;
    form.querySelectorAll("input[type=number]").forEach(function (input) {
      var value = number(input.value);
      given += value;
      if (value > perTheme) themeOver = true;
    });
    var text;
    if (given > total) text = fill(t.pointsOver, { given: given, total: total });
    else if (given === total) text = fill(t.pointsNoneLeft, { total: total });
    else text = fill(t.pointsLeft, { left: total - given, total: total });
    if (themeOver) text += " " + fill(t.pointsThemeOver, { max: perTheme });
    return { text: text, over: given > total || themeOver };
  }

  // Ranking: places 1..k, each once -------------------------------------------------
  function markUsedPlaces(selects, counts, t) {
    selects.forEach(function (select) {
      Array.prototype.forEach.call(select.options, function (option) {
        if (!option.value) return;
        var others = (counts[option.value] || 0) - (select.value === option.value ? 1 : 0);
        option.textContent = others > 0
          ? fill(t.placeUsed, { place: option.value })
          : option.value;
      });
    });
  }

  function rankingMessage(form, t, max) {
    var selects = Array.prototype.slice.call(
      form.querySelectorAll("select[data-place-select]")
    );
    var counts = {};
    selects.forEach(function (select) {
      if (select.value) counts[select.value] = (counts[select.value] || 0) + 1;
    });
    markUsedPlaces(selects, counts, t);
    var places = range(1, max);
    var used = places.filter(function (place) { return counts[place]; });
    var free = places.filter(function (place) { return !counts[place]; });
    var twice = used.filter(function (place) { return counts[place] > 1; });
    var highest = used.length ? used[used.length - 1] : 0;
    var gap = free.filter(function (place) { return place < highest; });
    if (twice.length) {
      return { text: fill(t.placeDuplicate, { place: twice[0] }), over: true };
    }
    if (gap.length) return { text: fill(t.placeGap, { place: gap[0] }), over: true };
    if (!used.length) {
      return { text: fill(t.placesNone, { free: free.join(", ") }), over: false };
    }
    if (!free.length) {
      return { text: fill(t.placesAll, { used: used.join(", ") }), over: false };
    }
    return {
      text: fill(t.places, { used: used.join(", "), free: free.join(", ") }),
      over: false,
    };
  }

  function enhance(form, t) {
    var output = form.querySelector(".ballot-feedback");
    if (!output) return;
    var method = form.dataset.method;
    var max = number(form.dataset.maxChoices);
    var total = number(form.dataset.totalPoints);
    var perTheme = number(form.dataset.maxPerTheme);

    function update() {
      var message;
      if (method === "pick") message = pickMessage(form, t, max);
      else if (method === "points") message = pointsMessage(form, t, total, perTheme);
      else message = rankingMessage(form, t, max);
      // Only a changed text is announced again.
      if (output.textContent !== message.text) output.textContent = message.text;
      output.classList.toggle("is-over", message.over);
    }

    var timer = null;
    // Numbers are announced after a pause in typing, not on every key press.
    form.addEventListener("input", function (event) {
      if (event.target.type !== "number") return;
      window.clearTimeout(timer);
      timer = window.setTimeout(update, 400);
    });
    form.addEventListener("change", update);
    update();
  }

  function init() {
    var t = texts();
    document.querySelectorAll("form[data-ballot-form]").forEach(function (form) {
      enhance(form, t);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
