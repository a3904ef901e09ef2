"""report.html: one self-contained review page (inline CSS and JS, no external resources).

Totals come first (by read status, severity, error code, form type and rule), then the
documents that could not be read in one compact table with their codes (always shown,
whatever the filters), then every read document with its discrepancies and the quoted
evidence, documents with errors first. Built for thousands of documents: the read
documents are written in pages of `PAGE_SIZE` inside `<template>` elements, which a browser
parses but does not lay out; the script shows one page at a time and renders every page
only while a filter is set. The page is written incrementally, one document at a time from
`StoreIndex`, so it never holds every record. Every piece of document text goes through
`safety.esc` (element text and attributes) or `safety.json_for_script` (the one JSON block
the script reads). Status and severity names come from `extract.vocabulary`.
"""

from __future__ import annotations

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
PAGE_SIZE = 100  # read documents per page of the report
MESSAGE_CHARS = 160  # a failed document's message in the compact table


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


def _evidence(items: list[dict[str, Any]]) -> str:
    parts = []
    for item in items:
        loc = location_text(item.get("location"))
        parts.append(f'<blockquote>{esc(item.get("text"))}</blockquote>'
                     + (f'<span class="loc">{esc(loc)}</span>' if loc else ""))
    return "".join(parts)


def _discrepancy_row(item: dict[str, Any], form_type: str = "monitoring") -> str:
    sev = str(item.get("severity"))
    sev_class = sev if sev in SEVERITY_ZH else "info"
    return (f'<tr class="disc" data-rule="{esc(item.get("rule"))}" data-severity="{esc(sev)}">'
            f'<td><span class="sev sev-{sev_class}">{esc(SEVERITY_ZH.get(sev, sev))}</span></td>'
            f'<td>{esc(item.get("rule"))}</td><td>{esc(_field_names(item.get("fields"), form_type))}</td>'
            f'<td>{esc(item.get("message"))}</td><td>{_evidence(item.get("evidence") or [])}</td></tr>\n')


def _document(out: TextIO, record: dict[str, Any]) -> None:
    source = record.get("source") or {}
    items = sorted(record.get("discrepancies") or [],
                   key=lambda d: SEVERITIES.index(d.get("severity")) if d.get("severity") in SEVERITIES else 3)
    sevs = {str(d.get("severity")) for d in items}
    classes = " ".join(["doc"] + [f"has-{s}" for s in SEVERITIES if s in sevs])
    status = str(record.get("status"))
    fields = record.get("fields") or {}
    name = fields.get("project_name") or fields.get("department") or source.get("path")
    out.write(f'<section class="{classes}" data-status="{esc(status)}">\n<h2>{esc(name)}</h2>\n'
              f'<div class="path">{esc(document_path(record))}</div>\n' + _form_line(record)
              + f'<div>状态 <span class="status-{esc(status)}">{esc(STATUS_ZH.get(status, status))}</span>')
    out.write("".join(f' · <code>{esc(error.get("code"))}</code> {esc(error.get("message"))}'
                      for error in record.get("errors") or []))
    out.write("</div>\n")
    if items:
        out.write("<table><tr><th>严重程度</th><th>规则</th><th>字段</th><th>说明</th><th>证据</th></tr>\n")
        form_type = str((record.get("form") or {}).get("type") or "monitoring")
        out.write("".join(_discrepancy_row(item, form_type) for item in items))
        out.write("</table>\n")
    elif status != "failed":
        out.write('<p class="clean">未发现问题</p>\n')
    out.write("</section>\n")


def _form_line(record: dict[str, Any]) -> str:
    """The form's type, title as printed, year and place in its file, when it was recognised."""
    form = record.get("form") or {}
    if not form.get("type"):
        return ""
    part = (record.get("source") or {}).get("part") or {}
    bits = [f'表种 <code>{esc(form.get("type"))}</code>']
    bits += [esc(form.get("title"))] if form.get("title") else []
    bits += [f'{esc(form.get("year"))}年度'] if form.get("year") else []
    bits += [f'第{esc(part.get("index"))}/{esc(part.get("count"))}份'] if part.get("index") else []
    return f'<div class="form">{" · ".join(bits)}</div>\n'


def write_report(index: StoreIndex, meta: dict[str, Any]) -> None:
    """Write OUTDIR/report.html from the store."""
    meta = {"generated": datetime.now().isoformat(timespec="seconds"), **meta}
    final = index.path.parent / "report.html"
    read = sorted((e for e in index.entries if e.status != "failed"), key=lambda e: e.review_rank)
    pages = max(1, -(-len(read) // PAGE_SIZE))
    with atomic_output(final) as tmp, tmp.open("w", encoding="utf-8") as out, index.reader() as fh:
        _head(out, meta)
        _totals(out, index.totals)
        _failed_table(out, index, fh)
        out.write(f'<h2>已读取的文档（{len(read)}）</h2>\n')
        _filters(out)
        out.write('<div id="documents"></div>\n')
        for page in range(pages):
            out.write(f'<template class="page" data-page="{page}">\n')
            for entry in read[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]:
                _document(out, index.record_at(fh, entry))
            out.write("</template>\n")
        data = {"rules": sorted(index.totals.rules), "documents": index.totals.documents, "pages": pages}
        out.write(f'<script type="application/json" id="jixiao-data">{json_for_script(data)}</script>\n')
        out.write("<script>\n" + _asset("report.js") + "</script>\n</body></html>\n")


def _field_names(fields: object, form_type: str = "monitoring") -> str:
    """Field keys as reviewers read them, labels from the form's template: `当年预算数（annual_budget）`."""
    if not isinstance(fields, list):
        return ""
    return "、".join(f"{label(str(key), form_type)}（{key}）" for key in fields)
