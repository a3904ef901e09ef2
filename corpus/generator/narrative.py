"""The narrative of a form (sections 一、二、三 with subsections 1、2、) as plain paragraphs.

Owns the wording of the budget sentence, the execution sentence, the optional arithmetic
expression and the stage conclusion; every figure is taken from the spec (table values or
a fault's narrative override), always in 万元 as the seed's narrative writes them.
"""

from __future__ import annotations

from corpus.generator.model import SECTION_1, SECTION_2, SECTION_3, FormSpec, pct, pct_text, wan


def budget_sentence(spec: FormSpec) -> str:
    """本项目2024年初预算安排为58.1万元，调整预算56.1万元，预算调整数2万元，预算调整率3.44%。"""
    annual, adjusted = spec.narrated("annual_budget"), spec.narrated("adjusted_budget")
    head = f"本项目{spec.year}年初预算安排为{wan(annual)}万元"
    if spec.adj_clause == "unadjusted":
        return head + "，年内未作预算调整。"
    if spec.adj_clause == "none":
        return head + f"，调整预算{wan(adjusted)}万元。"
    change = abs(annual - adjusted)
    rate = spec.adj_rate_override if spec.adj_rate_override is not None else pct(change, annual)
    return head + f"，调整预算{wan(adjusted)}万元，预算调整数{wan(change)}万元，预算调整率{pct_text(rate)}%。"


def execution_sentence(spec: FormSpec) -> str:
    """截至跟踪期实际支出49.5万元，预算执行率88.24%。 (+ the optional expression)."""
    executed = spec.narrated("executed")
    text = f"截至跟踪期实际支出{wan(executed)}万元"
    if spec.show_rate:
        adjusted = spec.narrated("adjusted_budget")
        text += f"，预算执行率{pct_text(pct(executed, adjusted))}%"
    text += "。"
    if spec.expression is not None:
        base, percent = spec.expression
        text += (f"上述{wan(executed)}万元为本项目{spec.purpose}按合同约定的{percent}%预付款，"
                 f"即{wan(base)}*{percent}%={wan(executed)}万元。")
    return text


def subsections(spec: FormSpec) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) of sections 一 and 二 and their subsections, in order."""
    parts: list[tuple[str, list[str]]] = [
        (SECTION_1, []),
        ("1、项目背景概况", list(spec.background)),
        ("2、预算安排", [spec.arrangement]),
    ]
    if spec.extra_section:
        parts.append(("3、工作内容和计划时间节点", [spec.extra_section]))
    parts += [
        (SECTION_2, []),
        ("1、预算执行情况", [budget_sentence(spec), execution_sentence(spec)]),
        ("2、阶段性目标完成情况", [spec.progress]),
    ]
    if spec.empty_subsection == SECTION_1:   # a numbered section with no text at all
        end = next(i for i, (h, _t) in enumerate(parts) if h == SECTION_2)
        parts = [(SECTION_1, [])] + parts[end:]
    return [(h, [] if h == spec.empty_subsection else texts) for h, texts in parts]


def paragraphs_12(spec: FormSpec) -> list[str]:
    """Sections 一 and 二 as a flat list of paragraphs (headings are paragraphs too)."""
    out: list[str] = []
    for heading, texts in subsections(spec):
        out.append(heading)
        out.extend(texts)
    return out


def paragraphs_3(spec: FormSpec) -> list[str]:
    """Section 三: heading and conclusion (the conclusion omitted when a fault empties it)."""
    return [SECTION_3] if spec.empty_subsection == SECTION_3 else [SECTION_3, spec.conclusion]
