(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("jixiao-data").textContent);
  var ruleSelect = document.getElementById("filter-rule");
  data.rules.forEach(function (rule) {
    var option = document.createElement("option");
    option.value = rule;
    option.textContent = rule;  // textContent: never parsed as HTML
    ruleSelect.appendChild(option);
  });
  var sevBoxes = Array.prototype.slice.call(document.querySelectorAll("input.filter-sev"));
  var onlyIssues = document.getElementById("filter-issues");
  var counter = document.getElementById("visible-count");
  function apply() {
    var sevs = {};
    sevBoxes.forEach(function (box) { sevs[box.value] = box.checked; });
    var rule = ruleSelect.value;
    var shownRows = 0, shownDocs = 0;
    document.querySelectorAll("section.doc").forEach(function (doc) {
      var visible = 0;
      doc.querySelectorAll("tr.disc").forEach(function (row) {
        var show = sevs[row.getAttribute("data-severity")] && (!rule || row.getAttribute("data-rule") === rule);
        row.classList.toggle("hidden", !show);
        if (show) { visible += 1; }
      });
      var filtered = rule || sevBoxes.some(function (b) { return !b.checked; }) || onlyIssues.checked;
      var showDoc = visible > 0 || !filtered;
      doc.classList.toggle("hidden", !showDoc);
      if (showDoc) { shownDocs += 1; }
      shownRows += visible;
    });
    counter.textContent = "显示 " + shownDocs + " 个文档，" + shownRows + " 条问题";
  }
  sevBoxes.forEach(function (box) { box.addEventListener("change", apply); });
  ruleSelect.addEventListener("change", apply);
  onlyIssues.addEventListener("change", apply);
  apply();
})();
