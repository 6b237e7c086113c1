// A page that waits for a background computation: polls its status and reloads when done.
// The box names the status URL and the JSON field that counts what is done (and, if the
// count is shown with a unit, its suffix):
//   <div data-progress-url="..." data-progress-count="done" data-progress-suffix=" %">
//     <span data-progress-text>3</span> <progress value="3" max="12">
// Done is the forecasts' {"ready": true}, the accuracy report's status "done" or "failed",
// or an upload's {"running": false}. A count of null (not known yet) leaves the box as it is;
// a failed request is tried again a little later.
// A file of ramme's own, so the CSP needs no nonce for it (script-src 'self').
(function () {
  "use strict";
  var INTERVAL_MS = 1500, RETRY_MS = 3000;

  function finished(s) {
    return s.ready === true || s.status === "done" || s.status === "failed" || s.running === false;
  }

  function watch(box) {
    var bar = box.querySelector("progress"), text = box.querySelector("[data-progress-text]");
    var field = box.dataset.progressCount, suffix = box.dataset.progressSuffix || "";
    function poll() {
      fetch(box.dataset.progressUrl, {credentials: "same-origin"}).then(function (r) { return r.json(); }).then(function (s) {
        if (finished(s)) { window.location.reload(); return; }
        if (s[field] !== null && s[field] !== undefined) {
          if (bar) bar.value = s[field];
          if (text) text.textContent = s[field] + suffix;
        }
        setTimeout(poll, INTERVAL_MS);
      }).catch(function () { setTimeout(poll, RETRY_MS); });
    }
    setTimeout(poll, INTERVAL_MS);
  }

  document.querySelectorAll("[data-progress-url]").forEach(watch);
})();
