"""report.html with hundreds of documents: totals by code and form, every failed document in
one compact table, the read documents as data the page renders one page at a time (and parses
one block of a page's documents at a time)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from benchmarks.report_data import write_records
from extract.outputs.index import build_index
from extract.outputs.report_html import PAGE_SIZE, read_documents, write_report

N = 250  # documents; every tenth a failed one (benchmarks/report_data.py)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report-scale")
    write_records(folder, N)
    write_report(build_index(folder), {"jixiao_version": "test", "schema_version": "1"})
    return folder / "report.html"


def test_a_large_report_lists_every_failed_document_compactly(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    failed_rows = re.findall(r'<tr class="failed-doc"><td class="path">([^<]+)</td>', page)
    assert len(failed_rows) == N // 10 and all(p.endswith(".pdf") for p in failed_rows)
    assert len(set(failed_rows)) == N // 10
    assert f"读取失败的文档（{N // 10}）" in page
    assert "<section" not in page  # no document is markup in the file: the script renders them

    documents = read_documents(page)
    assert len(documents) == N - N // 10  # every read document, each once, no failed one
    assert len({document[1] for document in documents}) == len(documents)
    assert all(document[1].endswith(".txt") and document[3] != "failed" for document in documents)
    assert all(len(document[5]) == len(documents[0][5]) > 0 for document in documents)

    codes = dict(re.findall(r'<tr><td><code>([a-z-]+)</code></td><td class="n">(\d+)</td></tr>',
                            page.split('id="totals-code"')[1].split("</table>")[0]))
    assert sum(map(int, codes.values())) == N // 10 and set(codes) <= {
        "corrupt", "not-a-document", "empty", "encrypted", "unknown-encoding"}
    forms = page.split('id="totals-form"')[1].split("</table>")[0]
    assert f'<code>monitoring（key）</code></td><td class="n">{N - N // 10}<' in forms
    assert f'<code>（未识别）</code></td><td class="n">{N // 10}<' in forms
    assert "读取完整" in page and "错误" in page  # the vocabulary's names


def test_the_browser_renders_one_page_and_every_failed_document(report: Path, tmp_path: Path) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium); .ci/run installs it")
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run",
               f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=5000",
               "--dump-dom", report.resolve().as_uri()]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    assert dom.count('<tr class="failed-doc">') == N // 10
    assert dom.count('<section class="doc') == PAGE_SIZE  # one page of cards, not all of them
    read = N - N // 10
    rows = read * len(read_documents(report.read_text(encoding="utf-8"))[0][5])
    assert f"显示 {read} 个文档，{rows} 条问题（另有 {N // 10} 个读取失败的文档，见上表）" in dom
    assert f"1 / {-(-read // PAGE_SIZE)}" in dom
    assert 'id="jixiao-docs-0"' not in dom  # the first page's block was read once and dropped
    assert 'id="jixiao-docs-1"' in dom  # the next page's is read when it is shown, not on opening


FILTER_SCRIPT = """<script>
var out = [], rule = document.getElementById("filter-rule");
document.getElementById("page-next").click();
out.push(document.querySelectorAll("section.doc").length + " " + document.getElementById("page-number").textContent);
rule.value = "adjustment-flag"; rule.dispatchEvent(new Event("change"));
out.push(document.getElementById("visible-count").textContent + " " + document.querySelectorAll("tr.disc").length);
out.push(String(document.querySelectorAll("tr.failed-doc").length));
document.documentElement.setAttribute("data-check", out.join(";"));
</script></body>"""


def test_paging_and_filters_keep_every_failed_document_in_view(report: Path, tmp_path: Path) -> None:
    """The page's controls, driven by a script added to a copy: the next page, then a rule."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium); .ci/run installs it")
    driven = tmp_path / "driven.html"
    driven.write_text(report.read_text(encoding="utf-8").replace("</body>", FILTER_SCRIPT), encoding="utf-8")
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run",
               f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=5000",
               "--dump-dom", driven.resolve().as_uri()]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    found = re.search(r'data-check="([^"]*)"', result.stdout)
    assert found is not None, "the driving script did not run"
    second_page, filtered, failed = found.group(1).split(";")
    read = N - N // 10
    assert second_page == f"{PAGE_SIZE} 2 / {-(-read // PAGE_SIZE)}"
    # every read document has one adjustment-flag row: all of them match, one row each, paged
    assert filtered == f"显示 {read} 个文档，{read} 条问题（另有 {N // 10} 个读取失败的文档，见上表） {PAGE_SIZE}"
    assert failed == str(N // 10)
