(function () {
  "use strict";
  // The read documents are data (jixiao-docs-N blocks of page_size documents, one array per
  // document, see report_html.DOCUMENT_KEYS), not markup. The filters read the index in
  // jixiao-data (severity and rule of each discrepancy of each document) and pick the
  // documents and rows that match; only one page of them is turned into elements at a time,
  // and a block is parsed only when one of its documents is shown. Every piece of document
  // text is set with textContent, never parsed as HTML. The failed-documents table is
  // outside the pages and stays visible whatever the filters.
  var data = JSON.parse(document.getElementById("jixiao-data").textContent);
  var index = data.index, blocks = {};
  function docAt(number) {
    var n = Math.floor(number / data.page_size);
    if (!blocks[n]) {
      var block = document.getElementById("jixiao-docs-" + n);
      blocks[n] = JSON.parse(block.textContent);
      block.remove();  // parsed once: the page keeps the data, not a second copy of its text
    }
    return blocks[n][number - n * data.page_size];
  }
  var SEV_ORDER = ["error", "warning", "info"];
  var ruleSelect = document.getElementById("filter-rule");
  data.rules.forEach(function (rule) {
    var option = document.createElement("option");
    option.value = rule;
    option.textContent = rule;
    ruleSelect.appendChild(option);
  });
  var sevBoxes = Array.prototype.slice.call(document.querySelectorAll("input.filter-sev"));
  var onlyIssues = document.getElementById("filter-issues");
  var counter = document.getElementById("visible-count");
  var holder = document.getElementById("documents");
  var prev = document.getElementById("page-prev");
  var next = document.getElementById("page-next");
  var pageNumber = document.getElementById("page-number");
  var size = data.page_size || 100;
  var page = 0, matches = [];

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }
  function sevClass(sev) { return SEV_ORDER.indexOf(sev) >= 0 ? sev : "info"; }
  function sevName(sev) { return data.severity_names[sev] || sev; }

  function renderDoc(doc, rows) {
    var name = doc[0], path = doc[1], form = doc[2], status = doc[3], errors = doc[4], items = doc[5];
    var section = el("section", "doc");
    SEV_ORDER.forEach(function (sev) {
      if (items.some(function (d) { return d[0] === sev; })) { section.classList.add("has-" + sev); }
    });
    section.setAttribute("data-status", status);
    section.appendChild(el("h2", "", name));
    section.appendChild(el("div", "path", path));
    if (form.length) {
      var line = el("div", "form", "表种 ");
      line.appendChild(el("code", "", form[0]));
      form.slice(1).forEach(function (bit) { line.appendChild(document.createTextNode(" · " + bit)); });
      section.appendChild(line);
    }
    var state = el("div", "", "状态 ");
    state.appendChild(el("span", "status-" + status, data.status_names[status] || status));
    errors.forEach(function (error) {
      state.appendChild(document.createTextNode(" · "));
      state.appendChild(el("code", "", error[0]));
      state.appendChild(document.createTextNode(" " + error[1]));
    });
    section.appendChild(state);
    if (items.length) {
      var table = el("table");
      var head = el("tr");
      ["严重程度", "规则", "字段", "说明", "证据"].forEach(function (h) { head.appendChild(el("th", "", h)); });
      table.appendChild(head);
      items.forEach(function (item, i) {
        if (!rows[i]) { return; }
        var tr = el("tr", "disc");
        tr.setAttribute("data-rule", item[1]);
        tr.setAttribute("data-severity", item[0]);
        var sevCell = el("td");
        sevCell.appendChild(el("span", "sev sev-" + sevClass(item[0]), sevName(item[0])));
        tr.appendChild(sevCell);
        tr.appendChild(el("td", "", item[1]));
        tr.appendChild(el("td", "", item[2]));
        tr.appendChild(el("td", "", item[3]));
        var evidence = el("td");
        item[4].forEach(function (ev) {
          evidence.appendChild(el("blockquote", "", ev[0]));
          if (ev[1]) { evidence.appendChild(el("span", "loc", ev[1])); }
        });
        tr.appendChild(evidence);
        table.appendChild(tr);
      });
      section.appendChild(table);
    } else if (status !== "failed") {
      section.appendChild(el("p", "clean", "未发现问题"));
    }
    return section;
  }

  function filtering() {
    return Boolean(ruleSelect.value) || sevBoxes.some(function (b) { return !b.checked; }) || onlyIssues.checked;
  }
  function select() {
    // [document, which of its rows show] for every document the filters keep.
    var filtered = filtering(), sevs = {}, rule = ruleSelect.value, shownRows = 0;
    sevBoxes.forEach(function (box) { sevs[box.value] = box.checked; });
    matches = [];
    index.forEach(function (flat, number) {
      var rows = [], visible = 0;
      for (var i = 0; i < flat.length; i += 2) {
        var shown = Boolean(sevs[data.severities[flat[i]]]) && (!rule || data.rules[flat[i + 1]] === rule);
        rows.push(shown);
        if (shown) { visible += 1; }
      }
      if (visible > 0 || !filtered) {
        matches.push([number, rows]);
        shownRows += visible;
      }
    });
    counter.textContent = "显示 " + matches.length + " 个文档，" + shownRows + " 条问题" +
      (data.failed ? "（另有 " + data.failed + " 个读取失败的文档，见上表）" : "");
  }
  function render() {
    var pages = Math.max(1, Math.ceil(matches.length / size));
    page = Math.min(Math.max(page, 0), pages - 1);
    var fragment = document.createDocumentFragment();
    matches.slice(page * size, (page + 1) * size).forEach(function (m) {
      fragment.appendChild(renderDoc(docAt(m[0]), m[1]));
    });
    holder.textContent = "";
    holder.appendChild(fragment);
    pageNumber.textContent = (page + 1) + " / " + pages;
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }
  function apply() { page = 0; select(); render(); }
  function go(step) { page += step; render(); holder.scrollIntoView(); }
  prev.addEventListener("click", function () { go(-1); });
  next.addEventListener("click", function () { go(1); });
  sevBoxes.forEach(function (box) { box.addEventListener("change", apply); });
  ruleSelect.addEventListener("change", apply);
  onlyIssues.addEventListener("change", apply);
  apply();
})();
