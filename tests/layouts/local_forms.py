"""Builders of local printings of the four forms for the layout tests: tab-separated texts
written the way local offices print them (label wordings, bracket widths, spaced labels)."""

from __future__ import annotations

from pathlib import Path

from extract.pipeline import extract_records
from schemas.record import Record


def rows(*cells: tuple[str, ...]) -> str:
    """Tab-joined rows, one a line."""
    return "".join("\t".join(row) + "\n" for row in cells)


def extract_text(tmp_path: Path, text: str, name: str = "form.txt") -> list[Record]:
    """Every record extracted from `text` written as a file."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_records(path)


def self_evaluation_head(project: str = "2023年七宝镇老旧小区综合改造项目", weight_label: str = "分值（分）",
                         total_row: str = "资金总额", extra_head: tuple[str, ...] = (),
                         extra_value: tuple[str, ...] = ()) -> str:
    """Title, identity rows, the funds grid (a 10-point budget line) and the goal block."""
    return "项目支出绩效自评表\n（2023年度）\n" + rows(
        ("项 目 名 称", project),
        ("主管部门", "上海市闵行区七宝镇人民政府", "项目实施单位", "七宝镇城市建设管理事务中心"),
        ("项目资金(万元)", "", "年初预算数", "全年预算数", "全年执行数", weight_label, "执行率", "得分", *extra_head),
        ("", total_row, "500.00", "480.00", "456.00", "10", "95.00%", "9.5", *extra_value),
        ("", "其中：当年财政拨款", "450.00", "430.00", "410.00", "—", "95.35%", "—"),
        ("", "上年结转资金", "50.00", "50.00", "46.00", "—", "92.00%", "—"),
        ("年度总体目标", "预期目标", "实际完成情况"),
        ("", "完成12个小区改造。", "完成12个小区改造。"),
    )


INDICATOR_HEAD = ("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "权重", "得分",
                  "偏差原因分析及改进措施")
INDICATORS = (
    ("", "产出指标", "数量指标", "改造小区数量", "≥12个", "12个", "20", "20", "无"),
    ("", "", "", "改造面积", "不少于5万平方米", "5.2万平方米", "30", "30", "无"),
    ("", "", "质量指标", "竣工验收合格率", "100%", "100%", "10", "10", "无"),
    ("", "效益指标", "社会效益指标", "居民居住环境改善", "有效改善", "有效改善", "30", "30", "无"),
    ("", "满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "96%", "0", "0", "无"),
)


def self_evaluation(grade_row: tuple[str, ...] = ("评价等级", "优☑", "良☐", "中☐", "差☐"), **head: str) -> str:
    """A whole self-evaluation form: 100 points, 99.5 scored, one indicator of 0 points."""
    return (self_evaluation_head(**head) + rows(INDICATOR_HEAD, *INDICATORS)
            + rows(("总分", "100", "99.5"), grade_row))
