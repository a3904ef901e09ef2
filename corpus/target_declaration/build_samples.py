"""Build the Word and PDF samples of the target declaration and execution-monitoring forms.

Run from the repository root: `python corpus/target_declaration/build_samples.py`. The forms'
content is written out below, cell by cell, as offices fill them in; the family generator's
writers only draw it (Word: merged cells; PDF: ruled table, STSong-Light). The expected records
beside the documents are written and checked by hand, never produced here.

A cell is `text`, `text|C` (C columns wide), `text|CxR` (and R rows tall), `^` (covered by a
cell above); a leading `#` marks a label.

- `target_declaration/word_local_with_execution.docx`: two forms in one Word file — a
  部门预算项目支出绩效目标表 (资金总额 | 其中：财政拨款 | 其他资金 over 中期 / 年度 rows, the 中期
  and 年度 indicator tables one under the other, 项目属性 ☑延续项目) and a 项目支出绩效目标执行
  监控表 for 1-6月 with each box group in one cell, one 完成目标可能性 written as text.
- `target_declaration/pdf_national_pairs.pdf`: the 财预〔2015〕88号 layout: 中期资金总额 | … |
  年度资金总额 | … pairs, the 中期 and 年度 indicators side by side.
- `execution_monitoring/pdf_subcolumns_ticks.pdf`: the 财预〔2019〕136号 layout for 1-7月,
  偏差原因分析 and 完成目标可能性 one sub-column per option, ticked with √.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from corpus.generator.family.layout import CONT, Cell, Grid
from corpus.generator.family.writers import Part

HERE = Path(__file__).resolve().parent

MEILONG_DECLARATION = ("部门预算项目支出绩效目标表（2025年度）", [
    ["#项目名称", "2025年梅陇镇社区微更新项目|5"],
    ["#主管部门", "上海市闵行区梅陇镇人民政府|2", "#实施单位", "梅陇镇规划建设和环境保护办公室|2"],
    ["#项目属性", "☐新增项目  ☑延续项目|2", "#项目期", "2023年—2025年|2"],
    ["#项目资金（万元）|1x3", "#", "#资金总额", "#其中：财政拨款", "#其他资金|2"],
    ["^", "#中期", "1,860.00", "1,800.00", "60.00|2"],
    ["^", "#年度", "620.00", "600.00", "20.00|2"],
    ["#总体目标|1x2", "#中期目标（2023年—2025年）|2", "#年度目标|3"],
    ["^", "三年内完成全镇42个小区公共空间微更新，居民满意度不低于90%。|2",
     "完成14个小区公共空间微更新，新增休憩座椅不少于120处，居民满意度不低于90%。|3"],
    ["#中期绩效指标|1x6", "#一级指标", "#二级指标", "#三级指标", "#指标值|2"],
    ["^", "#产出指标|1x3", "#数量指标|1x2", "微更新小区数量", "42个|2"],
    ["^", "^", "^", "新增休憩座椅", "≥360处|2"],
    ["^", "^", "#质量指标", "工程验收合格率", "100%|2"],
    ["^", "#效益指标", "#社会效益指标", "社区公共空间品质", "明显提升|2"],
    ["^", "#满意度指标", "#服务对象满意度指标", "居民满意度", "≥90%|2"],
    ["#年度绩效指标|1x7", "#一级指标", "#二级指标", "#三级指标", "#指标值|2"],
    ["^", "#产出指标|1x4", "#数量指标|1x2", "微更新小区数量", "14个|2"],
    ["^", "^", "^", "新增休憩座椅", "≥120处|2"],
    ["^", "^", "#质量指标", "工程验收合格率", "100%|2"],
    ["^", "^", "#时效指标", "年度完工时间", "2025年11月底前|2"],
    ["^", "#效益指标", "#社会效益指标", "社区公共空间品质", "明显提升|2"],
    ["^", "#满意度指标", "#服务对象满意度指标", "居民满意度", "≥90%|2"],
])

MEILONG_EXECUTION = ("项目支出绩效目标执行监控表（2025年度）", [
    ["#项目名称", "2025年梅陇镇社区微更新项目|10"],
    ["#主管部门及代码", "上海市闵行区梅陇镇人民政府|4", "#实施单位", "梅陇镇规划建设和环境保护办公室|5"],
    ["#项目资金（万元）|1x4", "#|2", "#年初预算数|3", "#1-6月执行数|3", "#1-6月执行率|2"],
    ["^", "#年度资金总额|2", "620.00|3", "248.00|3", "40.00%|2"],
    ["^", "#其中：财政拨款|2", "600.00|3", "240.00|3", "40.00%|2"],
    ["^", "#其他资金|2", "20.00|3", "8.00|3", "40.00%|2"],
    ["#年度总体目标|1x2", "#年初目标|5", "#1-6月执行情况|5"],
    ["^", "完成14个小区公共空间微更新，新增休憩座椅不少于120处，居民满意度不低于90%。|5",
     "已完成6个小区微更新，新增休憩座椅52处，其余8个小区完成设计招标。|5"],
    ["#绩效指标|1x6", "#一级指标", "#二级指标", "#三级指标", "#年度指标值", "#1-6月执行情况", "#全年预计完成情况",
     "#偏差原因分析", "#原因说明", "#完成目标可能性", "#备注"],
    ["^", "#产出指标|1x3", "#数量指标|1x2", "微更新小区数量", "14个", "6个", "14个",
     "☐经费保障 ☐制度保障 ☐人员保障 ☐硬件条件保障 ☐其他", "", "☑确定能 ☐有可能 ☐完全不可能", ""],
    ["^", "^", "^", "新增休憩座椅", "≥120处", "52处", "110处",
     "☑经费保障 ☐制度保障 ☐人员保障 ☑硬件条件保障 ☐其他", "部分小区场地需管线迁改，追加资金待批复", "☐确定能 ☑有可能 ☐完全不可能",
     "已申请追加预算"],
    ["^", "^", "#质量指标", "工程验收合格率", "100%", "100%", "100%",
     "☐经费保障 ☐制度保障 ☐人员保障 ☐硬件条件保障 ☐其他", "", "确定能", ""],
    ["^", "#效益指标", "#社会效益指标", "社区公共空间品质", "明显提升", "有所提升", "明显提升",
     "☐经费保障 ☐制度保障 ☐人员保障 ☐硬件条件保障 ☐其他", "", "☑确定能 ☐有可能 ☐完全不可能", ""],
    ["^", "#满意度指标", "#服务对象满意度指标", "居民满意度", "≥90%", "93%", "≥90%",
     "☐经费保障 ☐制度保障 ☐人员保障 ☐硬件条件保障 ☐其他", "", "☑确定能 ☐有可能 ☐完全不可能", ""],
])

XINZHUANG_NATIONAL = ("项目支出绩效目标申报表（2024年度）", [
    ["#项目名称", "2024年莘庄镇雨污混接改造项目|7"],
    ["#主管部门及代码", "上海市闵行区莘庄镇人民政府（312001）|3", "#实施单位", "莘庄镇水务管理所|3"],
    ["#项目属性", "■新增项目  □延续项目|3", "#项目期", "2024年1月—2025年12月|3"],
    ["#项目资金（万元）|1x3", "#中期资金总额：|2", "2,400.00|2", "#年度资金总额：|2", "1,500.00"],
    ["^", "#其中：财政拨款|2", "2,400.00|2", "#其中：财政拨款|2", "1,500.00"],
    ["^", "#其他资金|2", "—|2", "#其他资金|2", "—"],
    ["#总体目标|1x2", "#中期目标（2024年—2025年）|3", "#年度目标|4"],
    ["^", "两年内完成全镇雨污混接点改造，雨水排口旱天无污水直排。|3",
     "完成60个小区雨污混接改造，改造后混接点复查合格率不低于95%。|4"],
    ["#绩效指标|1x6", "#一级指标", "#二级指标", "#三级指标", "#指标值", "#二级指标", "#三级指标", "#指标值"],
    ["^", "#产出指标|1x3", "#数量指标", "改造小区数量", "96个", "#数量指标", "改造小区数量", "60个"],
    ["^", "^", "#质量指标", "混接点复查合格率", "≥95%", "#质量指标", "混接点复查合格率", "≥95%"],
    ["^", "^", "#时效指标", "改造完成时间", "2025年12月底前", "#时效指标", "年度改造完成时间", "2024年12月底前"],
    ["^", "#效益指标", "#生态效益指标", "雨水排口旱天污水直排", "消除", "#生态效益指标", "雨水排口旱天污水直排", "明显减少"],
    ["^", "#满意度指标", "#服务对象满意度指标", "居民满意度", "≥85%", "#服务对象满意度指标", "居民满意度", "≥85%"],
])

JIANGCHUAN_EXECUTION = ("项目支出绩效目标执行监控表（2024年度）", [
    ["#项目名称", "2024年江川路街道为老服务中心运营项目|15"],
    ["#主管部门及代码", "上海市闵行区江川路街道办事处|7", "#实施单位", "江川路街道社区服务中心|7"],
    ["#项目资金（万元）|1x3", "#|2", "#年初预算数|4", "#1-7月执行数|4", "#1-7月执行率|5"],
    ["^", "#年度资金总额|2", "180.00|4", "96.00|4", "53.33%|5"],
    ["^", "#其中：财政拨款|2", "180.00|4", "96.00|4", "53.33%|5"],
    ["#年度总体目标|1x2", "#年初目标|7", "#1-7月执行情况|8"],
    ["^", "为老服务中心全年开放不少于300天，提供日间照料服务不少于2万人次，老人满意度不低于90%。|7",
     "中心正常开放176天，提供日间照料服务1.1万人次。|8"],
    ["#绩效指标|1x7", "#一级指标", "#二级指标", "#三级指标", "#年度指标值", "#1-7月执行情况", "#全年预计完成情况",
     "#偏差原因分析|5", "#完成目标可能性|3", "#备注"],
    ["^", "#", "#", "#", "#", "#", "#", "#经费保障", "#制度保障", "#人员保障", "#硬件条件保障", "#其他",
     "#确定能", "#有可能", "#完全不可能", "#"],
    ["^", "#产出指标|1x3", "#数量指标|1x2", "中心开放天数", "≥300天", "176天", "300天", "", "", "", "", "", "√", "", "", ""],
    ["^", "^", "^", "日间照料服务人次", "≥2万人次", "1.1万人次", "1.8万人次", "", "", "√", "", "", "", "√", "",
     "护理员缺编2人，正在招聘"],
    ["^", "^", "#质量指标", "安全责任事故", "0起", "0起", "0起", "", "", "", "", "", "√", "", "", ""],
    ["^", "#效益指标", "#社会效益指标", "老人生活便利程度", "明显提升", "有所提升", "明显提升", "", "", "", "", "", "√", "", "", ""],
    ["^", "#满意度指标", "#服务对象满意度指标", "老人满意度", "≥90%", "94%", "≥90%", "", "", "", "", "", "√", "", "", ""],
])


def _cell(text: str) -> Cell:
    if text == "^":
        return CONT
    role = "label" if text.startswith("#") else "value"
    text = text.removeprefix("#")
    span = rowspan = 1
    if "|" in text:
        text, size = text.rsplit("|", 1)
        if "x" in size:
            columns, rows = size.split("x")
            span, rowspan = int(columns), int(rows)
        else:
            span = int(size)
    return Cell(text, span, rowspan, role)


def grid(form: tuple[str, list[list[str]]]) -> Grid:
    """A hand-written form as the writers' grid."""
    title, rows = form
    cells = [[_cell(text) for text in row] for row in rows]
    widths = {sum(c.span for c in row) for row in cells}
    assert len(widths) == 1, (title, widths)
    return Grid([title], cells, [], widths.pop())


def main() -> None:
    """Write the three documents (fixed RNG seeds: the files are reproducible)."""
    from corpus.generator.family.writers import pdf, word

    word.write([Part("form", None, grid(MEILONG_DECLARATION)), Part("form", None, grid(MEILONG_EXECUTION))],
               HERE / "word_local_with_execution", random.Random(3))
    pdf.write([Part("form", None, grid(XINZHUANG_NATIONAL))], HERE / "pdf_national_pairs", random.Random(1))
    pdf.write([Part("form", None, grid(JIANGCHUAN_EXECUTION))],
              HERE.parent / "execution_monitoring" / "pdf_subcolumns_ticks", random.Random(1))


if __name__ == "__main__":
    main()
