// Link a finding in the side list with its highlights in the text (and back).
(function () {
  "use strict";
  function marks(id) { return document.querySelectorAll('mark[data-d~="' + id + '"]'); }
  function flash(id) {
    document.querySelectorAll(".flash, .active").forEach(function (el) { el.classList.remove("flash", "active"); });
    marks(id).forEach(function (m) { m.classList.add("flash"); });
    var item = document.getElementById(id);
    if (item) { item.classList.add("active"); }
  }
  document.addEventListener("click", function (event) {
    var item = event.target.closest("li[id]");
    if (item) { flash(item.id); return; }
    var mark = event.target.closest("mark[data-d]");
    if (mark) {
      var id = mark.getAttribute("data-d").split(" ")[0];
      flash(id);
      var entry = document.getElementById(id);
      if (entry) { entry.scrollIntoView({ block: "nearest" }); }
    }
  });
  document.addEventListener("mouseover", function (event) {
    var mark = event.target.closest("mark[data-d]");
    if (!mark) { return; }
    mark.getAttribute("data-d").split(" ").forEach(function (id) {
      var entry = document.getElementById(id);
      if (entry) { entry.classList.add("active"); }
    });
  });
  document.addEventListener("mouseout", function (event) {
    var mark = event.target.closest("mark[data-d]");
    if (!mark) { return; }
    mark.getAttribute("data-d").split(" ").forEach(function (id) {
      var entry = document.getElementById(id);
      if (entry) { entry.classList.remove("active"); }
    });
  });
  var toggle = document.getElementById("errors-only");
  if (toggle) {
    toggle.addEventListener("change", function () { document.body.classList.toggle("errors-only", toggle.checked); });
  }
  document.documentElement.setAttribute("data-ready", "1");
})();
