// "Udskriv" on "Vis, udskriv eller eksporter mit CV": the browser's print dialog. The button
// is hidden until this runs; without JavaScript the browser's own print does the same.
(function () {
  "use strict";
  document.querySelectorAll("button[data-cv-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
