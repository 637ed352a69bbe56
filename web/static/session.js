// The session's deadline (SPEC §4): two minutes before the session ends,
// a warning with "Forlæng", which touches the session without leaving the
// page; when it has ended, the page is loaded again, so that the server
// says why the caseworker was logged out. The top bar says when the
// session ends, with or without JavaScript.
(function () {
  "use strict";
  var ends = document.querySelector("[data-session-seconds]");
  var warning = document.querySelector("[data-testid=session-warning]");
  if (!ends || !warning) {
    return;
  }
  var WARN_BEFORE = 120 * 1000;
  var text = warning.querySelector("[data-session-warning-text]");
  var form = warning.querySelector("form[data-session-extend]");
  var warnTimer, endTimer;

  function schedule(seconds, idle, at) {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    var left = seconds * 1000;
    warnTimer = setTimeout(function () { warn(idle, at); }, Math.max(0, left - WARN_BEFORE));
    // A moment after the deadline, so that the server has seen it pass.
    endTimer = setTimeout(function () { window.location.replace(window.location.href); }, left + 2000);
  }

  function warn(idle, at) {
    warning.hidden = false;
    // Filled in after it is shown, so that screen readers announce it.
    setTimeout(function () {
      text.textContent = idle
        ? "Du har ikke været aktiv i et stykke tid. Du bliver logget ud " + at + ", medmindre du vælger Forlæng."
        : "Du bliver logget ud " + at + ", fordi du har været logget ind i 8 timer.";
      var button = form && form.querySelector("button");
      if (button) {
        button.focus();
      }
    }, 50);
  }

  function update(data) {
    ends.querySelector("[data-session-ends]").textContent = data.ends;
    warning.hidden = true;
    text.textContent = "";
    schedule(data.seconds, data.idle, data.ends);
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      fetch(form.action, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Accept": "application/json" },
        body: new URLSearchParams(new FormData(form))
      }).then(function (res) {
        var json = (res.headers.get("Content-Type") || "").indexOf("application/json") === 0;
        if (!res.ok || !json) {
          throw new Error("extend: " + res.status);
        }
        return res.json();
      }).then(update, function () {
        // The session ended meanwhile, or the server is away: load the
        // page, which says what happened.
        window.location.replace(window.location.href);
      });
    });
  }

  schedule(parseInt(ends.getAttribute("data-session-seconds"), 10),
    ends.getAttribute("data-session-idle") === "true",
    ends.querySelector("[data-session-ends]").textContent);
})();
