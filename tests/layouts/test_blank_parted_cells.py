"""A scraped page whose table cells are paragraphs parted by blank lines: an empty cell is a
line of only spaces, a header cell may wrap over two paragraphs (`年度` / `指标值`) and a
label's unit over two lines of one cell (`项目资金` / `(万元)`), a level label before its last
word (`经济效益` / `指标`)."""

from __future__ import annotations

from tests.layouts.local_forms import extract_text

EMPTY = " "
_HEAD = ["项目支出绩效自评表", "(2022年度)", "项目名称", "老旧小区改造", "主管部门", "示范区住建局", "实施单位",
         "示范区房屋管理所"]
_FUNDS = ["项目资金\n(万元)", EMPTY, "年初", "预算数", "全年", "预算数", "全年", "执行数", "分值", "执行率", "得分",
          "年度资金总额", "43.2", "43.2", "37.24", "10", "86%", "8.6",
          "其中:当年财政拨款", "43.2", "43.2", "37.24", EMPTY, EMPTY, EMPTY,
          "上年结转资金", EMPTY, EMPTY, EMPTY, EMPTY, EMPTY, EMPTY]
_INDICATORS = ["一级指标", "二级指标", "三级指标", "年度", "指标值", "实际", "完成值", "分值", "得分",
               "偏差原因分析及改进措施",
               "产出指标", "数量指标", "改造楼栋数", "12", "12", "20", "20", EMPTY,
               "指标2", EMPTY, EMPTY, EMPTY, EMPTY, EMPTY,
               "……", EMPTY, EMPTY, EMPTY, EMPTY, EMPTY,
               "质量指标", "验收合格率", "100", "98", "20", "18", "两栋返修",
               "效益指标", "社会效益", "指标", "居民出行改善户数", "300", "320", "30", "30", "0",
               "满意度", "指标", "服务对象满意度", "指标", "居民满意度", "90", "92", "20", "20", EMPTY]


def _page(cells: list[str]) -> str:
    return "\n\n".join(cells) + "\n"


def test_cells_parted_by_blank_lines(tmp_path):
    # Read before: the funds in 元 (the (万元) line was no cell's), the indicators shifted
    # by every empty cell and by the headers wrapped over two paragraphs, 效益指标's rows
    # named 经济效益 and 指标.
    (record,) = extract_text(tmp_path, _page(_HEAD + _FUNDS + _INDICATORS))
    fields = record.fields
    total = fields.funds.total
    assert (total.initial_budget.yuan, total.executed.yuan, total.rate_pct, total.score) == (
        "432000.00", "372400.00", "86", "8.6")
    rows = [(i.level1, i.level2, i.name, i.target.raw, i.actual.raw, i.weight, i.score, i.deviation_reason)
            for i in fields.indicators]
    assert rows == [
        ("产出指标", "数量指标", "改造楼栋数", "12", "12", "20", "20", None),
        ("产出指标", "质量指标", "验收合格率", "100", "98", "20", "18", "两栋返修"),
        ("效益指标", "社会效益指标", "居民出行改善户数", "300", "320", "30", "30", "0"),
        ("满意度指标", "服务对象满意度指标", "居民满意度", "90", "92", "20", "20", None),
    ]


def test_lines_of_spaces_are_no_cells_where_blank_lines_do_not_part_the_cells(tmp_path):
    # The same form a cell a line: its lines of spaces are nothing (here they stand between
    # a row's cells, where an empty cell would shift the figures).
    cells = [c for c in _HEAD + _FUNDS[:18] if c != EMPTY]
    text = "\n".join(cell.replace("\n", "") for cell in cells).replace("年度资金总额\n43.2", "年度资金总额\n \n43.2") + "\n"
    (record,) = extract_text(tmp_path, text)
    assert record.fields.funds.total.initial_budget.yuan == "432000.00"
