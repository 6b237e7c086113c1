// Tables that fit and travel. Progressive: without JavaScript every table is shown whole
// and ?excel=<id> still downloads it.
// - every table with an id gets an Excel link (the page's figures, as numbers);
// - a table with data-collapsible: each group (tbody with a .group-head row) folds;
// - a table with data-choose-columns: the user picks the columns (remembered per table).
(function () {
  "use strict";

  function nameOf(table) {
    var caption = table.querySelector("caption");
    if (caption) return caption.textContent.trim();
    var box = table.closest(".table-scroll") || table;
    var el = box.previousElementSibling;
    while (el && !/^H[1-4]$/.test(el.tagName)) el = el.previousElementSibling;
    return el ? el.textContent.trim() : "tabellen";
  }

  function excelLinks() {
    document.querySelectorAll("main table[id]").forEach(function (table) {
      var query = new URLSearchParams(window.location.search);
      query.set("excel", table.id);
      var link = document.createElement("a");
      link.className = "excel-link";
      link.href = "?" + query.toString();
      link.setAttribute("download", "");
      link.textContent = "Hent «" + nameOf(table) + "» i Excel";
      var box = table.closest(".table-scroll") || table;
      box.parentNode.insertBefore(link, box);
    });
  }

  function collapsible(table) {
    table.querySelectorAll("tbody tr.group-head").forEach(function (head) {
      var cell = head.firstElementChild;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "group-toggle";
      button.setAttribute("aria-expanded", "true");
      button.textContent = cell.textContent.trim();
      cell.textContent = "";
      cell.appendChild(button);
      button.addEventListener("click", function () {
        var open = button.getAttribute("aria-expanded") !== "true";
        button.setAttribute("aria-expanded", String(open));
        head.parentElement.querySelectorAll("tr:not(.group-head):not(.subtotal)")
          .forEach(function (row) { row.hidden = !open; });
      });
    });
  }

  function cellsAt(row, index) {
    var position = 0, found = [];
    Array.prototype.forEach.call(row.cells, function (cell) {
      if (position === index && cell.colSpan === 1) found.push(cell);
      position += cell.colSpan;
    });
    return found;
  }

  function chooser(table) {
    var key = "ramme-kolonner-" + table.id;
    var hidden = JSON.parse(window.localStorage.getItem(key) || "[]");
    var heads = table.tHead.rows[table.tHead.rows.length - 1].cells;
    var box = document.createElement("details");
    box.className = "column-chooser";
    box.innerHTML = "<summary>Vælg kolonner</summary>";
    var set = document.createElement("fieldset");
    set.innerHTML = "<legend>Vis kolonnerne</legend>";
    function apply(index, show) {
      Array.prototype.forEach.call(table.rows, function (row) {
        cellsAt(row, index).forEach(function (cell) { cell.classList.toggle("col-hidden", !show); });
      });
    }
    Array.prototype.forEach.call(heads, function (head, index) {
      if (index === 0) return;
      var id = table.id + "-kol-" + index;
      var label = document.createElement("label");
      var box_ = document.createElement("input");
      box_.type = "checkbox"; box_.id = id; box_.checked = hidden.indexOf(index) < 0;
      label.htmlFor = id;
      label.textContent = " " + head.textContent.trim();
      box_.addEventListener("change", function () {
        apply(index, box_.checked);
        hidden = hidden.filter(function (i) { return i !== index; });
        if (!box_.checked) hidden.push(index);
        window.localStorage.setItem(key, JSON.stringify(hidden));
      });
      var span = document.createElement("span");
      span.appendChild(box_); span.appendChild(label); set.appendChild(span);
      if (!box_.checked) apply(index, false);
    });
    box.appendChild(set);
    var target = table.closest(".table-scroll") || table;
    target.parentNode.insertBefore(box, target);
  }

  document.querySelectorAll("table[data-collapsible]").forEach(collapsible);
  document.querySelectorAll("table[data-choose-columns]").forEach(chooser);
  excelLinks();
})();
