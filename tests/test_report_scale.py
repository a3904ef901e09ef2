"""report.html with hundreds of documents: totals by code and form, every failed document in
one compact table, read documents in pages the browser does not lay out until shown."""

from __future__ import annotations

import re
from pathlib import Path

from benchmarks.report_data import write_records
from extract.outputs.index import build_index
from extract.outputs.report_html import PAGE_SIZE, write_report


def test_a_large_report_lists_every_failed_document_compactly(tmp_path: Path) -> None:
    n = 250
    write_records(tmp_path, n)
    index = build_index(tmp_path)
    write_report(index, {"jixiao_version": "test", "schema_version": "1"})
    page = (tmp_path / "report.html").read_text(encoding="utf-8")

    failed_rows = re.findall(r'<tr class="failed-doc"><td class="path">([^<]+)</td>', page)
    assert len(failed_rows) == n // 10 and all(p.endswith(".pdf") for p in failed_rows)
    assert f"读取失败的文档（{n // 10}）" in page
    assert page.count('<section class="doc') == n - n // 10  # failed ones are no card
    assert page.count('<template class="page" data-page=') == -(-(n - n // 10) // PAGE_SIZE)

    codes = dict(re.findall(r'<tr><td><code>([a-z-]+)</code></td><td class="n">(\d+)</td></tr>',
                            page.split('id="totals-code"')[1].split("</table>")[0]))
    assert sum(map(int, codes.values())) == n // 10 and set(codes) <= {
        "corrupt", "not-a-document", "empty", "encrypted", "unknown-encoding"}
    forms = page.split('id="totals-form"')[1].split("</table>")[0]
    assert "monitoring" in forms and "（未识别）" in forms
    assert "读取完整" in page and "错误" in page  # the vocabulary's names
