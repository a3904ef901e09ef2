"""The words jixiao says to people, in one place: status and severity names, the summary line,
usage-error style, table column headers — in Chinese (`zh`, the default, for the auditors who
read them) and English (`en`, `--lang en`).

One line speaks one language. The CLI (`extract`, `check`, `batch`), report.html and the
workbook all take their status and severity names from here, so `ok` is always 读取完整
("read completely", which is not "passed review") and the review result is said beside it:
`读取完整 · 发现 6 个错误`. Record keys and values (`status: ok`, `severity: error`, the
column keys of fields.csv) are the contract's and never translated.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
SEVERITY_ORDER = ("error", "warning", "info")
STATUS_ORDER = ("ok", "partial", "failed")

STATUS_NAMES: dict[str, dict[Lang, str]] = {
    "ok": {"zh": "读取完整", "en": "read completely"},
    "partial": {"zh": "部分读取", "en": "partly read"},
    "failed": {"zh": "读取失败", "en": "not read"},
}
SEVERITY_NAMES: dict[str, dict[Lang, str]] = {
    "error": {"zh": "错误", "en": "error"},
    "warning": {"zh": "警告", "en": "warning"},
    "info": {"zh": "提示", "en": "note"},
}
_PLURAL_EN = {"error": "errors", "warning": "warnings", "info": "notes"}

MESSAGES: dict[str, dict[Lang, str]] = {
    "usage": {"zh": "jixiao {command}: {message}", "en": "jixiao {command}: {message}"},
    "missing-input": {"zh": "输入路径不存在: {paths}", "en": "input path does not exist: {paths}"},
    "no-input": {"zh": "没有给出输入文件或文件夹", "en": "no input file or folder given"},
    "bad-config": {"zh": "配置文件无效: {detail}", "en": "invalid settings file: {detail}"},
    "bad-choice": {"zh": "{option} 的取值“{value}”无效，可用: {choices}",
                   "en": "invalid value '{value}' for {option}; choose from: {choices}"},
    "bad-number": {"zh": "{option} 必须{rule}（收到 {value}）", "en": "{option} must be {rule} (got {value})"},
    "no-documents": {"zh": "没有找到可读取的文件（.txt .md .html .htm .docx .pdf）",
                     "en": "no readable files found (.txt .md .html .htm .docx .pdf)"},
    "cannot-write": {"zh": "无法写入 {path}: {reason}；换一个可写的位置再运行",
                     "en": "cannot write {path}: {reason}; choose a writable location and run again"},
    "documents": {"zh": "{n} 个文档", "en": "{n} documents"},
    "files-forms": {"zh": "{files} 个文件、{n} 张表", "en": "{files} files, {n} forms"},
    "problems": {"zh": "问题", "en": "problems"},
    "records-in": {"zh": "记录写入 {path}", "en": "records in {path}"},
    "records-stdout": {"zh": "记录输出到标准输出", "en": "records on standard output"},
    "no-problems": {"zh": "未发现问题", "en": "no problems found"},
    "found": {"zh": "发现 {items}", "en": "found {items}"},
    "not-checked": {"zh": "未能审核", "en": "not checked"},
    "project": {"zh": "项目", "en": "project"},
    "no-project-name": {"zh": "（未读到项目名称）", "en": "(no project name read)"},
    "part-of-file": {"zh": "（第{index}/{count}张表）", "en": " (form {index} of {count})"},
    "status": {"zh": "状态", "en": "status"},
    "note": {"zh": "说明", "en": "note"},
    "page-line": {"zh": "第{page}页第{line}行", "en": "page {page} line {line}"},
}

# Column headers for people (`--headers zh`); the keys are the contract's and stay the default.
HEADERS_ZH: dict[str, str] = {
    "path": "文件路径", "sha256": "SHA-256", "format": "格式", "status": "读取状态",
    "error_codes": "错误代码", "form_variant": "表格类型", "title": "标题",
    "project_name": "项目名称", "rule": "规则", "severity": "严重程度", "fields": "字段",
    "message": "说明", "evidence": "证据", "location": "位置",
    "n_error": "错误数", "n_warning": "警告数", "n_info": "提示数",
    "jixiao_version": "jixiao 版本", "schema_version": "记录版本",
    "tracking_period_start": "跟踪期起", "tracking_period_end": "跟踪期止",
}
HEADER_SUFFIXES_ZH = {"_yuan": "（元）", "_raw": "（原文）", "_stated_unit": "（标注单位）",
                      "_unit": "（单位）", "_unit_inferred": "（单位系推断）"}


def text(key: str, lang: Lang = "zh", **values: object) -> str:
    """The message `key` in `lang`, filled with `values`."""
    return MESSAGES[key][lang].format(**values)


def status_name(status: str, lang: Lang = "zh") -> str:
    """读取完整 / 部分读取 / 读取失败 (an unknown status is shown as it is)."""
    return STATUS_NAMES.get(status, {}).get(lang, status)


def severity_name(severity: str, lang: Lang = "zh") -> str:
    """错误 / 警告 / 提示."""
    return SEVERITY_NAMES.get(severity, {}).get(lang, severity)


def usage_error(command: str, message: str, lang: Lang = "zh") -> str:
    """The one usage-error style: `jixiao check: 输入路径不存在: x.txt`."""
    return text("usage", lang, command=command, message=message)


def _count(severity: str, n: int, lang: Lang) -> str:
    if lang == "en":
        return f"{n} {_PLURAL_EN[severity] if n != 1 else severity_name(severity, 'en')}"
    return f"{n} 个{severity_name(severity, 'zh')}"


def review_result(counts: Mapping[str, int], lang: Lang = "zh") -> str:
    """`发现 6 个错误、2 个警告` / `未发现问题` (info counted only when nothing worse was found)."""
    shown = [s for s in SEVERITY_ORDER if counts.get(s)]
    if not shown:
        return text("no-problems", lang)
    joiner = "、" if lang == "zh" else ", "
    return text("found", lang, items=joiner.join(_count(s, counts[s], lang) for s in shown))


def document_state(status: str, counts: Mapping[str, int], lang: Lang = "zh") -> str:
    """Read status and review result together: `读取完整 · 发现 6 个错误`."""
    if status == "failed":
        return f"{status_name(status, lang)} · {text('not-checked', lang)}"
    return f"{status_name(status, lang)} · {review_result(counts, lang)}"


def totals_text(statuses: Mapping[str, int], severities: Mapping[str, int], lang: Lang = "zh",
                files: int | None = None) -> str:
    """`3 个文档：读取完整 1 · 部分读取 1 · 读取失败 1；问题：错误 6 · 警告 2 · 提示 1`; with
    `files` fewer than the records counted (a file of several forms): `2 个文件、3 张表：…`."""
    documents = sum(statuses.get(s, 0) for s in STATUS_ORDER)
    colon, semi = ("：", "；") if lang == "zh" else (": ", "; ")
    head = text("documents", lang, n=documents) if documents != 1 or lang == "zh" else "1 document"
    if files is not None and files != documents:
        head = text("files-forms", lang, files=files, n=documents)
    by_status = " · ".join(f"{status_name(s, lang)} {statuses.get(s, 0)}" for s in STATUS_ORDER)
    by_severity = " · ".join(f"{severity_name(s, lang)} {severities.get(s, 0)}" for s in SEVERITY_ORDER)
    return (f"{head}{colon}{by_status}{semi}"
            f"{text('problems', lang)}{colon}{by_severity}")


def header(key: str, headers: str = "keys") -> str:
    """A table column's header: the contract key, or its Chinese name under `--headers zh`."""
    if headers != "zh":
        return key
    if key in HEADERS_ZH:
        return HEADERS_ZH[key]
    from parsers.forms import template_for  # local: templates are read only when asked for

    template = template_for("monitoring")

    def known(name: str) -> str | None:
        found = template.label_of(name)
        return found if found != name else None

    for suffix, words in HEADER_SUFFIXES_ZH.items():
        if key.endswith(suffix) and (base := known(key[: -len(suffix)])) is not None:
            return base + words
    return known(key) or key
