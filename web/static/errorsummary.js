// A page with validation errors opens with the error summary in focus, so
// a screen reader reads what is wrong first; its links lead to the fields.
(function () {
  "use strict";
  var summary = document.querySelector("[data-testid=error-summary]");
  if (summary) {
    summary.focus();
  }
})();
