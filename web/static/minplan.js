// Min plan: "Fold alle ud" and "Fold alle ind" open and close every item at
// once without loading the page again. Without JavaScript they are links
// that load the page with every item unfolded (udfold=alle) or folded.
(function () {
  "use strict";
  document.querySelectorAll("a[data-minplan-fold]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var open = link.getAttribute("data-minplan-fold") === "ud";
      document.querySelectorAll("details.mp-item").forEach(function (d) {
        d.open = open;
      });
      if (window.history && window.history.replaceState) {
        window.history.replaceState(null, "", link.href);
      }
      event.preventDefault();
    });
  });
})();
