// The desk's only script: live progress of a run (server-sent events), and
// a click on a session of the programme opens that session.
"use strict";
(function () {
  var run = document.getElementById("run");
  if (run && window.EventSource) {
    var wasRunning = run.dataset.running === "true";
    var events = new EventSource("/plan/events");
    events.addEventListener("status", function (e) {
      var s = JSON.parse(e.data);
      if (s.running) {
        wasRunning = true;
        var bar = document.getElementById("progress");
        if (!bar) { location.reload(); return; }
        bar.value = Math.min(s.elapsed, s.seconds);
        document.getElementById("elapsed").textContent = Math.round(s.elapsed);
        document.getElementById("best").textContent = s.best === null ? "—" : s.best;
        document.getElementById("best-certified").textContent =
          s.best_certified === null ? "—" : s.best_certified;
      } else if (wasRunning) {
        events.close();
        location.reload();
      }
    });
  }
  var version = document.querySelector("nav.desk [data-version]");
  if (version) {
    var n = version.dataset.version;
    document.querySelectorAll(".session[data-session]").forEach(function (card) {
      card.tabIndex = 0;
      card.setAttribute("role", "link");
      var open = function (e) {
        if (e.target.closest("a")) return;
        location.href = "/v/" + n + "/session?id=" + encodeURIComponent(card.dataset.session);
      };
      card.addEventListener("click", open);
      card.addEventListener("keydown", function (e) { if (e.key === "Enter") open(e); });
    });
  }
})();
