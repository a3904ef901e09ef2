(function () {
  "use strict";
  // Read documents sit in <template class="page"> elements (parsed, never laid out): one page
  // is shown at a time; while a filter is set every page is shown so the filter sees them all.
  // The failed-documents table is outside the pages and stays visible whatever the filters.
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
  var holder = document.getElementById("documents");
  var templates = Array.prototype.slice.call(document.querySelectorAll("template.page"));
  var prev = document.getElementById("page-prev");
  var next = document.getElementById("page-next");
  var pageNumber = document.getElementById("page-number");
  var page = 0, shownAll = false;

  function render(all) {
    holder.textContent = "";
    (all ? templates : [templates[page]]).forEach(function (t) {
      if (t) { holder.appendChild(document.importNode(t.content, true)); }
    });
    shownAll = all;
  }
  function filtering() {
    return Boolean(ruleSelect.value) || sevBoxes.some(function (b) { return !b.checked; }) || onlyIssues.checked;
  }
  function apply() {
    var filtered = filtering();
    if (filtered !== shownAll) { render(filtered); }
    var sevs = {};
    sevBoxes.forEach(function (box) { sevs[box.value] = box.checked; });
    var rule = ruleSelect.value;
    var shownRows = 0, shownDocs = 0;
    holder.querySelectorAll("section.doc").forEach(function (doc) {
      var visible = 0;
      doc.querySelectorAll("tr.disc").forEach(function (row) {
        var show = sevs[row.getAttribute("data-severity")] && (!rule || row.getAttribute("data-rule") === rule);
        row.classList.toggle("hidden", !show);
        if (show) { visible += 1; }
      });
      var showDoc = visible > 0 || !filtered;
      doc.classList.toggle("hidden", !showDoc);
      if (showDoc) { shownDocs += 1; }
      shownRows += visible;
    });
    var failed = document.querySelectorAll("tr.failed-doc").length;
    counter.textContent = "显示 " + shownDocs + " 个文档，" + shownRows + " 条问题" +
      (failed ? "（另有 " + failed + " 个读取失败的文档，见上表）" : "");
    pageNumber.textContent = filtered ? "全部" : (page + 1) + " / " + data.pages;
    prev.disabled = filtered || page === 0;
    next.disabled = filtered || page >= data.pages - 1;
  }
  function go(step) {
    page = Math.min(Math.max(page + step, 0), data.pages - 1);
    render(false);
    apply();
    holder.scrollIntoView();
  }
  prev.addEventListener("click", function () { go(-1); });
  next.addEventListener("click", function () { go(1); });
  sevBoxes.forEach(function (box) { box.addEventListener("change", apply); });
  ruleSelect.addEventListener("change", apply);
  onlyIssues.addEventListener("change", apply);
  render(false);
  apply();
})();
