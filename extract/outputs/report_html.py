"""report.html: one self-contained review page (inline CSS and JS, no external resources).

Totals come first (by read status, severity, error code, form type and rule), then the
documents that could not be read in one compact table with their codes (always shown,
whatever the filters), then every read document with its discrepancies and the quoted
evidence, documents with errors first. Built for thousands of documents: the read documents
are not markup but data, written in blocks of `PAGE_SIZE` (`<script type="application/json"
class="jixiao-docs" id="jixiao-docs-N">`, one compact array per document), and what the
filters need of each (severity and rule of each discrepancy, a few numbers) is in the small
`jixiao-data` block. The page's script parses that block on opening and a documents' block
only when one of its documents is shown, renders one page of `PAGE_SIZE` documents at a time
(the filters work on the index; the pages then walk the documents that match), and the
browser lays out only the cards on screen (`content-visibility`), so opening the page costs
one page of documents, never thousands. The page is written incrementally, one document at a
time from `StoreIndex`, so it never holds every record. Document text reaches the page only
through `safety.esc` (the totals and the failed-documents table) or `safety.json_for_script`
(the JSON blocks, which the script shows with `textContent`, never parsed as HTML). Status
and severity names come from `extract.vocabulary`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from extract.checks.base import label
from extract.outputs.flatten import SEVERITIES, document_path, location_text
from extract.outputs.index import StoreIndex, Totals, atomic_output
from extract.outputs.safety import esc, json_for_script
from extract.vocabulary import SEVERITY_ORDER, STATUS_ORDER, severity_name, status_name

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
SEVERITY_ZH = {sev: severity_name(sev) for sev in SEVERITY_ORDER}
STATUS_ZH = {status: status_name(status) for status in STATUS_ORDER}
PAGE_SIZE = 100  # read documents per page of the report, and per block of their data
MESSAGE_CHARS = 160  # a failed document's message in the compact table
DOCUMENT_KEYS = ("name", "path", "form", "status", "errors", "discrepancies")
"""What each document's array in the `jixiao-docs` block holds, in order (`document_data`)."""


def _asset(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def _head(out: TextIO, meta: dict[str, Any]) -> None:
    out.write('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">\n'
              '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
              "<title>绩效监控表审核报告</title>\n<style>\n" + _asset("report.css") + "</style>\n"
              "</head><body>\n<h1>绩效监控表审核报告</h1>\n")
    out.write(f'<p class="meta">生成于 {esc(meta["generated"])} · jixiao {esc(meta["jixiao_version"])}'
              f' · schema {esc(meta["schema_version"])}</p>\n')


def _totals(out: TextIO, totals: Totals) -> None:
    out.write('<h2>汇总</h2>\n<table id="totals-status"><tr><th>文档</th>')
    out.write("".join(f"<th>{esc(STATUS_ZH[s])} ({s})</th>" for s in STATUS_ZH) + "</tr>\n")
    out.write(f'<tr><td class="n" id="total-documents">{totals.documents}</td>')
    out.write("".join(f'<td class="n">{totals.statuses.get(s, 0)}</td>' for s in STATUS_ZH))
    out.write('</tr></table>\n<table id="totals-severity"><tr><th>严重程度</th><th>问题数</th></tr>\n')
    out.write("".join(f'<tr><td><span class="sev sev-{sev}">{SEVERITY_ZH[sev]}</span> {sev}</td>'
                      f'<td class="n" id="total-{sev}">{totals.severities.get(sev, 0)}</td></tr>\n'
                      for sev in SEVERITIES))
    out.write('</table>\n<table id="totals-rule"><tr><th>规则</th>')
    out.write("".join(f"<th>{SEVERITY_ZH[s]}</th>" for s in SEVERITIES) + "<th>合计</th></tr>\n")
    for rule in sorted(totals.rules):
        counts = totals.rules[rule]
        cells = "".join(f'<td class="n">{counts.get(s, 0)}</td>' for s in SEVERITIES)
        out.write(f'<tr data-rule="{esc(rule)}"><td>{esc(rule)}</td>{cells}'
                  f'<td class="n">{sum(counts.values())}</td></tr>\n')
    out.write("</table>\n")
    _counts(out, "totals-code", "错误代码", totals.error_codes)
    _counts(out, "totals-form", "表格类型", Counter({(k or "（未识别）"): n for k, n in totals.forms.items()}))


def _counts(out: TextIO, table_id: str, what: str, counts: Counter[str]) -> None:
    if not counts:
        return
    out.write(f'<table id="{table_id}"><tr><th>{esc(what)}</th><th>文档数</th></tr>\n')
    out.write("".join(f'<tr><td><code>{esc(key)}</code></td><td class="n">{n}</td></tr>\n'
                      for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))))
    out.write("</table>\n")


def _failed_table(out: TextIO, index: StoreIndex, fh: Any) -> None:
    """The documents that could not be read: one row each (path, codes, message)."""
    failed = [entry for entry in index.entries if entry.status == "failed"]
    out.write(f'<h2 id="failed-heading">读取失败的文档（{len(failed)}）</h2>\n')
    if not failed:
        out.write('<p class="clean">所有文档均已读取</p>\n')
        return
    out.write('<table id="failed"><tr><th>文档</th><th>错误代码</th><th>说明</th></tr>\n')
    for entry in failed:
        record = index.record_at(fh, entry)
        errors = record.get("errors") or []
        codes = "、".join(str(e.get("code")) for e in errors)
        message = " · ".join(str(e.get("message") or "") for e in errors)
        if len(message) > MESSAGE_CHARS:
            message = message[:MESSAGE_CHARS] + "…"
        out.write(f'<tr class="failed-doc"><td class="path">{esc(entry.path)}</td>'
                  f"<td><code>{esc(codes)}</code></td><td>{esc(message)}</td></tr>\n")
    out.write("</table>\n")


def _filters(out: TextIO) -> None:
    boxes = "".join(f'<label><input type="checkbox" class="filter-sev" value="{s}" checked> '
                    f"{SEVERITY_ZH[s]}</label>" for s in SEVERITIES)
    out.write(f'<div class="filters">{boxes}<label>规则 <select id="filter-rule">'
              '<option value="">全部</option></select></label>'
              '<label><input type="checkbox" id="filter-issues"> 只看有问题的文档</label>'
              '<span id="visible-count"></span>'
              '<span id="pager"><button type="button" id="page-prev">上一页</button> '
              '<span id="page-number"></span> <button type="button" id="page-next">下一页</button></span>'
              "</div>\n")


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def document_data(record: dict[str, Any]) -> list[Any]:
    """One read document as the script renders it (`DOCUMENT_KEYS`): its name, path, form line,
    status, errors `[code, message]` and discrepancies `[severity, rule, fields, message,
    [[evidence text, location], …]]`, most severe first. Plain strings, never markup."""
    source = record.get("source") or {}
    fields = record.get("fields") or {}
    name = fields.get("project_name") or fields.get("department") or source.get("path")
    form_type = str((record.get("form") or {}).get("type") or "monitoring")
    items = sorted(record.get("discrepancies") or [],
                   key=lambda d: SEVERITIES.index(d.get("severity")) if d.get("severity") in SEVERITIES else 3)
    discrepancies = [[_text(item.get("severity")), _text(item.get("rule")),
                      _field_names(item.get("fields"), form_type), _text(item.get("message")),
                      [[_text(e.get("text")), location_text(e.get("location"))]
                       for e in item.get("evidence") or [] if isinstance(e, dict)]]
                     for item in items]
    errors = [[_text(e.get("code")), _text(e.get("message"))] for e in record.get("errors") or []]
    return [_text(name), document_path(record), _form_line(record), _text(record.get("status")),
            errors, discrepancies]


def _form_line(record: dict[str, Any]) -> list[str]:
    """The form's type, then its title as printed, year and place in its file, when recognised."""
    form = record.get("form") or {}
    if not form.get("type"):
        return []
    part = (record.get("source") or {}).get("part") or {}
    bits = [_text(form.get("type"))]
    bits += [_text(form.get("title"))] if form.get("title") else []
    bits += [f'{form.get("year")}年度'] if form.get("year") else []
    bits += [f'第{part.get("index")}/{part.get("count")}份'] if part.get("index") else []
    return bits


def write_report(index: StoreIndex, meta: dict[str, Any]) -> None:
    """Write OUTDIR/report.html from the store."""
    meta = {"generated": datetime.now().isoformat(timespec="seconds"), **meta}
    final = index.path.parent / "report.html"
    read = sorted((e for e in index.entries if e.status != "failed"), key=lambda e: e.review_rank)
    with atomic_output(final) as tmp, tmp.open("w", encoding="utf-8") as out, index.reader() as fh:
        _head(out, meta)
        _totals(out, index.totals)
        _failed_table(out, index, fh)
        out.write(f'<h2>已读取的文档（{len(read)}）</h2>\n')
        _filters(out)
        out.write('<div id="documents"></div>\n')
        severities, rules = list(SEVERITIES), sorted(index.totals.rules)
        filters: list[list[int]] = []
        for number, entry in enumerate(read):
            document = document_data(index.record_at(fh, entry))
            filters.append(_filter_entry(document, severities, rules))
            if number % PAGE_SIZE == 0:
                out.write(("]</script>\n" if number else "") + '<script type="application/json" class="jixiao-docs"'
                          f' id="jixiao-docs-{number // PAGE_SIZE}">[')
            out.write(("," if number % PAGE_SIZE else "") + json_for_script(document) + "\n")
        if read:
            out.write("]</script>\n")
        data = {"rules": rules, "documents": index.totals.documents,
                "failed": index.totals.statuses.get("failed", 0), "page_size": PAGE_SIZE,
                "severities": severities, "index": filters,
                "severity_names": SEVERITY_ZH, "status_names": STATUS_ZH}
        out.write(f'<script type="application/json" id="jixiao-data">{json_for_script(data)}</script>\n')
        out.write("<script>\n" + _asset("report.js") + "</script>\n</body></html>\n")


def _filter_entry(document: list[Any], severities: list[str], rules: list[str]) -> list[int]:
    """What the filters read of one document without its block: severity and rule of each
    discrepancy, as positions in `severities` and `rules` (a name not there yet is added)."""
    flat: list[int] = []
    for item in document[5]:
        for value, names in ((item[0], severities), (item[1], rules)):
            if value not in names:
                names.append(value)
            flat.append(names.index(value))
    return flat


_DOCUMENT_BLOCK = re.compile(r'<script type="application/json" class="jixiao-docs" id="jixiao-docs-\d+">')


def read_documents(page: str) -> list[list[Any]]:
    """The read documents a report.html page holds (its `jixiao-docs` blocks, in order), for
    tools and tests."""
    documents: list[list[Any]] = []
    for found in _DOCUMENT_BLOCK.finditer(page):
        body = page[found.end():page.index("</script>", found.end())]
        documents.extend(json.loads(body))
    return documents


def _field_names(fields: object, form_type: str = "monitoring") -> str:
    """Field keys as reviewers read them, labels from the form's template: `当年预算数（annual_budget）`."""
    if not isinstance(fields, list):
        return ""
    return "、".join(f"{label(str(key), form_type)}（{key}）" for key in fields)
