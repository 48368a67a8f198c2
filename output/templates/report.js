// The report's only script: open a row, search, filter and sort the all-actions table.
(function () {
  "use strict";
  function more(tr) {
    var next = tr.nextElementSibling;
    return next && next.classList.contains("more") ? next : null;
  }
  function toggle(button) {
    var row = more(button.closest("tr"));
    if (!row) { return; }
    var opening = row.hidden;
    row.hidden = !opening;
    button.setAttribute("aria-expanded", String(opening));
    row.querySelectorAll(".crop[data-src]").forEach(function (box) {
      if (opening && !box.querySelector("img")) {
        var img = document.createElement("img");
        img.alt = "The row as printed";
        img.src = box.getAttribute("data-src");
        box.insertBefore(img, box.firstChild);
      }
    });
  }
  var all = document.getElementById("all");
  function apply() {
    var words = document.getElementById("search").value.trim().toLowerCase();
    var chosen = {};
    all.querySelectorAll("select[data-filter]").forEach(function (s) { chosen[s.dataset.filter] = s.value; });
    var shown = 0;
    all.querySelectorAll("tbody tr.item").forEach(function (tr) {
      var d = tr.dataset;
      var ok = (!words || tr.textContent.toLowerCase().indexOf(words) >= 0) &&
        (!chosen.plan || d.plan === chosen.plan) && (!chosen.status || d.status === chosen.status) &&
        (!chosen.family || d.family === chosen.family) &&
        (!chosen.lead || d.leads.split("|").indexOf(chosen.lead) >= 0) &&
        (!chosen.overdue || (chosen.overdue === "yes") === (d.days !== ""));
      tr.hidden = !ok;
      var row = more(tr);
      if (row && !ok) { row.hidden = true; tr.querySelector("button.open").setAttribute("aria-expanded", "false"); }
      if (ok) { shown += 1; }
    });
    document.getElementById("shown").textContent = String(shown);
  }
  function key(tr, index, numeric) {
    var cell = tr.children[index];
    var value = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
    return numeric ? parseFloat(value) || 0 : value.toLowerCase();
  }
  function sort(th) {
    var table = th.closest("table"), body = table.tBodies[0];
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var numeric = th.dataset.sort === "num", up = th.getAttribute("aria-sort") !== "ascending";
    th.parentNode.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", up ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.querySelectorAll("tr.item"));
    rows.sort(function (a, b) {
      var x = key(a, index, numeric), y = key(b, index, numeric);
      var order = numeric ? x - y : String(x).localeCompare(String(y), undefined, {numeric: true});
      return up ? order : -order;
    });
    rows.forEach(function (tr) { var row = more(tr); body.appendChild(tr); if (row) { body.appendChild(row); } });
  }
  document.addEventListener("click", function (e) {
    var button = e.target.closest("button.open");
    if (button) { toggle(button); return; }
    var th = e.target.closest("th[data-sort]");
    if (th) { sort(th); }
  });
  if (all) {
    document.getElementById("search").addEventListener("input", apply);
    all.querySelectorAll("select[data-filter]").forEach(function (s) { s.addEventListener("change", apply); });
  }
}());
