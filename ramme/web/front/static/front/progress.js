// A page that waits for a background computation: polls its status and reloads when done.
// The box names the status URL and the JSON field that counts what is done:
//   <div data-progress-url="..." data-progress-count="done">
//     <span data-progress-text>3</span> <progress value="3" max="12">
// Done is the forecasts' {"ready": true} or the accuracy report's status "done" or "failed".
// A file of ramme's own, so the CSP needs no nonce for it (script-src 'self').
(function () {
  "use strict";
  var INTERVAL_MS = 1500;

  function finished(s) {
    return s.ready === true || s.status === "done" || s.status === "failed";
  }

  function watch(box) {
    var bar = box.querySelector("progress"), text = box.querySelector("[data-progress-text]");
    var field = box.dataset.progressCount;
    function poll() {
      fetch(box.dataset.progressUrl, {credentials: "same-origin"}).then(function (r) { return r.json(); }).then(function (s) {
        if (finished(s)) { window.location.reload(); return; }
        if (bar) bar.value = s[field];
        if (text) text.textContent = s[field];
        setTimeout(poll, INTERVAL_MS);
      });
    }
    setTimeout(poll, INTERVAL_MS);
  }

  document.querySelectorAll("[data-progress-url]").forEach(watch);
})();
