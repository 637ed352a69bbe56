// Dagpengetællere: the three gauges as a carousel (seed 001 §5.6), one at a
// time, with "Forrige tæller" and "Næste tæller", the arrow keys inside the
// carousel, and the links above choosing a gauge. Without JavaScript the
// gauges stand one after another and the links lead to each.
(function () {
  "use strict";
  var box = document.querySelector("[data-carousel]");
  if (!box) {
    return;
  }
  var slides = Array.prototype.slice.call(box.querySelectorAll("[data-carousel-slide]"));
  var links = Array.prototype.slice.call(box.querySelectorAll("[data-carousel-link]"));
  var controls = box.querySelector("[data-carousel-controls]");
  var status = box.querySelector("[data-carousel-status]");
  if (slides.length < 2 || !controls || !status) {
    return;
  }
  var current = 0;

  function title(slide) {
    var h = slide.querySelector("h3");
    return h ? h.textContent : "";
  }

  function show(i, focus) {
    current = (i + slides.length) % slides.length;
    slides.forEach(function (s, j) {
      s.hidden = j !== current;
    });
    links.forEach(function (l, j) {
      if (j === current) {
        l.setAttribute("aria-current", "true");
      } else {
        l.removeAttribute("aria-current");
      }
    });
    status.textContent = (current + 1) + " af " + slides.length + ": " + title(slides[current]);
    if (focus) {
      slides[current].focus();
    }
  }

  box.classList.add("dp-carousel");
  controls.hidden = false;
  slides.forEach(function (s) {
    s.setAttribute("tabindex", "-1");
  });
  box.querySelector("[data-carousel-prev]").addEventListener("click", function () {
    show(current - 1, false);
  });
  box.querySelector("[data-carousel-next]").addEventListener("click", function () {
    show(current + 1, false);
  });
  links.forEach(function (l, j) {
    l.addEventListener("click", function (event) {
      show(j, true);
      event.preventDefault();
    });
  });
  box.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    if (event.key === "ArrowLeft") {
      show(current - 1, slides.indexOf(document.activeElement) >= 0);
      event.preventDefault();
    } else if (event.key === "ArrowRight") {
      show(current + 1, slides.indexOf(document.activeElement) >= 0);
      event.preventDefault();
    }
  });
  var start = slides.findIndex(function (s) {
    return "#" + s.id === window.location.hash;
  });
  show(start < 0 ? 0 : start, false);
})();
