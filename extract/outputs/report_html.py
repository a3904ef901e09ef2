"""report.html: one self-contained review page (inline CSS and JS, no external resources).

Totals by severity and by rule come first, then every document with its discrepancies and
the quoted evidence, documents with errors first; checkboxes and a select filter the rows.
The page is written incrementally, one document at a time from `StoreIndex`, so it never
holds every record. Every piece of document text goes through `safety.esc` (element text
and attributes) or `safety.json_for_script` (the one JSON block the script reads).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from extract.checks.base import FIELD_LABELS
from extract.outputs.flatten import SEVERITIES, location_text
from extract.outputs.index import StoreIndex, Totals, atomic_output
from extract.outputs.safety import esc, json_for_script

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
STATUS_ZH = {"ok": "完整", "partial": "部分", "failed": "失败"}


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


def _filters(out: TextIO) -> None:
    boxes = "".join(f'<label><input type="checkbox" class="filter-sev" value="{s}" checked> '
                    f"{SEVERITY_ZH[s]}</label>" for s in SEVERITIES)
    out.write(f'<div class="filters">{boxes}<label>规则 <select id="filter-rule">'
              '<option value="">全部</option></select></label>'
              '<label><input type="checkbox" id="filter-issues"> 只看有问题的文档</label>'
              '<span id="visible-count"></span></div>\n')


def _evidence(items: list[dict[str, Any]]) -> str:
    parts = []
    for item in items:
        loc = location_text(item.get("location"))
        parts.append(f'<blockquote>{esc(item.get("text"))}</blockquote>'
                     + (f'<span class="loc">{esc(loc)}</span>' if loc else ""))
    return "".join(parts)


def _discrepancy_row(item: dict[str, Any]) -> str:
    sev = str(item.get("severity"))
    sev_class = sev if sev in SEVERITY_ZH else "info"
    return (f'<tr class="disc" data-rule="{esc(item.get("rule"))}" data-severity="{esc(sev)}">'
            f'<td><span class="sev sev-{sev_class}">{esc(SEVERITY_ZH.get(sev, sev))}</span></td>'
            f'<td>{esc(item.get("rule"))}</td><td>{esc(_field_names(item.get("fields")))}</td>'
            f'<td>{esc(item.get("message"))}</td><td>{_evidence(item.get("evidence") or [])}</td></tr>\n')


def _document(out: TextIO, record: dict[str, Any]) -> None:
    source = record.get("source") or {}
    items = sorted(record.get("discrepancies") or [],
                   key=lambda d: SEVERITIES.index(d.get("severity")) if d.get("severity") in SEVERITIES else 3)
    sevs = {str(d.get("severity")) for d in items}
    classes = " ".join(["doc"] + [f"has-{s}" for s in SEVERITIES if s in sevs])
    status = str(record.get("status"))
    name = (record.get("fields") or {}).get("project_name") or source.get("path")
    out.write(f'<section class="{classes}" data-status="{esc(status)}">\n<h2>{esc(name)}</h2>\n'
              f'<div class="path">{esc(source.get("path"))}</div>\n'
              f'<div>状态 <span class="status-{esc(status)}">{esc(STATUS_ZH.get(status, status))}</span>')
    out.write("".join(f' · <code>{esc(error.get("code"))}</code> {esc(error.get("message"))}'
                      for error in record.get("errors") or []))
    out.write("</div>\n")
    if items:
        out.write("<table><tr><th>严重程度</th><th>规则</th><th>字段</th><th>说明</th><th>证据</th></tr>\n")
        out.write("".join(_discrepancy_row(item) for item in items))
        out.write("</table>\n")
    elif status != "failed":
        out.write('<p class="clean">未发现问题</p>\n')
    out.write("</section>\n")


def write_report(index: StoreIndex, meta: dict[str, Any]) -> None:
    """Write OUTDIR/report.html from the store."""
    meta = {"generated": datetime.now().isoformat(timespec="seconds"), **meta}
    final = index.path.parent / "report.html"
    with atomic_output(final) as tmp, tmp.open("w", encoding="utf-8") as out:
        _head(out, meta)
        _totals(out, index.totals)
        _filters(out)
        out.write('<div id="documents">\n')
        with index.reader() as fh:
            for entry in sorted(index.entries, key=lambda e: e.review_rank):
                _document(out, index.record_at(fh, entry))
        out.write("</div>\n")
        data = {"rules": sorted(index.totals.rules), "documents": index.totals.documents}
        out.write(f'<script type="application/json" id="jixiao-data">{json_for_script(data)}</script>\n')
        out.write("<script>\n" + _asset("report.js") + "</script>\n</body></html>\n")


def _field_names(fields: object) -> str:
    """Field keys as reviewers read them: `当年预算数（annual_budget）`."""
    if not isinstance(fields, list):
        return ""
    return "、".join(f"{FIELD_LABELS.get(str(key), str(key))}（{key}）" for key in fields)
