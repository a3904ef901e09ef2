"""Label lookup and value assignment over the document model, the same for every format."""

from parsers.form_parser import parse_document
from parsers.lines import build_document
from schemas.document import Cell, Paragraph, Table
from schemas.record import Source

SOURCE = Source(path="case.txt", format="txt")


def _lines(*texts: str):
    return build_document(SOURCE, [Paragraph(text=t) for t in texts])


def _table(rows: list[list[str]]):
    cells = [Cell(row=r, col=c, text=t) for r, row in enumerate(rows) for c, t in enumerate(row)]
    return build_document(SOURCE, [Table(cells=tuple(cells))])


def test_one_cell_per_line_with_split_and_spaced_labels():
    doc = _lines(
        "财政项目支出绩效运行监控（跟踪评价）（一般）",
        "预 算 单 位", "华漕镇城市运行", "管理中心",
        "具体实施", "(内设机构)", "华漕镇城市运行 管理中心",
        "选择重点跟踪", "理由", "区重点工作",
        "是否为经常性项目", "是 口 否 √",
    )
    fields = parse_document(doc).fields
    assert fields.budget_unit == "华漕镇城市运行管理中心"
    assert fields.implementing_unit == "华漕镇城市运行管理中心"
    assert fields.recurring is False


def test_label_run_then_value_run_is_paired_in_order():
    doc = _lines("当年预算数(元)", "预算执行数(元)", "预算执行进度(%)", "581,000.00", "512,700.00", "88.24%")
    fields = parse_document(doc).fields
    assert fields.annual_budget.yuan == "581000.00"
    assert fields.executed.yuan == "512700.00"
    assert fields.execution_progress_pct == "88.24"


def test_inline_label_and_value():
    doc = _lines("街镇名称：七宝镇人民政府（盖章）", "跟踪时段：2024.01.01-2024.06.30")
    fields = parse_document(doc).fields
    assert fields.town == "七宝镇人民政府"
    assert str(fields.tracking_period.end) == "2024-06-30"


def test_table_value_right_of_label_and_unit_from_label():
    doc = _table([["当年预算数（万元）", "58.1", "调减金额（万元）", "2"], ["项目名称", "2024年测试项目", "", ""]])
    fields = parse_document(doc).fields
    assert (fields.annual_budget.stated_unit, fields.annual_budget.yuan) == ("万元", "581000.00")
    assert fields.decrease.yuan == "20000.00"
    assert fields.project_name == "2024年测试项目"


def test_table_header_row_layout_reads_the_cell_below():
    doc = _table([["当年预算数(元)", "预算执行数(元)"], ["1,000.00", "800.00"]])
    fields = parse_document(doc).fields
    assert (fields.annual_budget.yuan, fields.executed.yuan) == ("1000.00", "800.00")


def test_empty_value_cell_gives_null_not_the_neighbour():
    doc = _table([["项目名称", "", "预算单位", "某中心"]])
    fields = parse_document(doc).fields
    assert fields.project_name is None
    assert fields.budget_unit == "某中心"


def test_provenance_points_at_the_value_line():
    doc = _lines("标题", "项目名称", "2024年测试项目")
    record = parse_document(doc)
    entry = record.provenance["project_name"]
    assert (entry.page, entry.line) == (1, 3)
    assert entry.text == "项目名称\t2024年测试项目"


def test_rows_that_are_no_field_end_the_value_before_them():
    doc = _lines("项目名称", "2024年测试项目", "联系人", "张三", "联系电话：", "12345678", "预算单位", "某中心")
    fields = parse_document(doc).fields
    assert fields.project_name == "2024年测试项目"
    assert fields.budget_unit == "某中心"


def test_no_field_label_in_a_table_row_is_not_a_value():
    doc = _table([["是否为经常性项目", "是☑ 否☐", "联系人", "李四"]])
    record = parse_document(doc)
    assert record.fields.recurring is True
    assert [o.checked for o in record.checkboxes[0].options] == [True, False]


def test_no_field_label_with_its_value_on_one_line_ends_the_value_before():
    doc = _lines("项目名称", "2024年测试项目", "联系人：张三", "预算单位", "某中心")
    assert parse_document(doc).fields.project_name == "2024年测试项目"


def test_outlook_grid_with_options_in_the_header_row():
    doc = _table([
        ["判断内容", "确定能完成", "有可能完成", "确定不能完成"],
        ["年度项目预算完成可能性", "□", "■", "□"],
        ["年度绩效目标完成可能性", "☑", "☐", "☐"],
    ])
    fields = parse_document(doc).fields
    assert (fields.budget_outlook, fields.goal_outlook) == ("有可能完成", "确定能完成")


def test_unit_from_a_caption_above_the_table():
    doc = build_document(SOURCE, [
        Paragraph(text="金额单位：万元"),
        Table(cells=(Cell(row=0, col=0, text="当年预算数"), Cell(row=0, col=1, text="420"),
                     Cell(row=0, col=2, text="预算执行数（元）"), Cell(row=0, col=3, text="1,000"))),
    ])
    fields = parse_document(doc).fields
    assert (fields.annual_budget.stated_unit, fields.annual_budget.yuan) == ("万元", "4200000.00")
    assert fields.executed.stated_unit == "元"


def test_title_wrapped_before_its_variant():
    record = parse_document(_lines("财政项目支出绩效运行监控", "（跟踪评价）（一般）", "项目名称", "x"))
    assert record.form.variant == "general"
    assert record.form.title == "财政项目支出绩效运行监控（跟踪评价）（一般）"


def test_town_label_carrying_the_seal_mark():
    doc = _table([["街镇名称（盖章）", "浦锦街道办事处"]])
    assert parse_document(doc).fields.town == "浦锦街道办事处"


def test_a_form_whose_title_was_lost_is_known_by_its_labels():
    doc = _lines("项目名称", "2024年测试项目", "预算单位", "某中心", "具体实施", "某科", "跟踪时段", "2024.1.1-2024.6.30",
                 "当年预算数(元)", "100", "预算执行数(元)", "50", "预算执行进度(%)", "50%", "调增金额(元)", "0")
    form = parse_document(doc).form
    assert (form.type, form.variant, form.title) == ("monitoring", None, None)


def test_a_text_with_a_few_labels_is_no_form():
    assert parse_document(_lines("项目名称", "某项目", "备注")).form.type is None


def test_labels_spaced_out_unit_included():
    doc = _lines("当 年 预 算 数 （ 万 元 ）", "100", "调 减 金 额   ( 万 元 )", "2")
    fields = parse_document(doc).fields
    assert (fields.annual_budget.stated_unit, fields.annual_budget.yuan) == ("万元", "1000000.00")
    assert fields.decrease.yuan == "20000.00"


def test_a_figure_label_in_a_header_row_reads_the_figure_below_past_an_unknown_head():
    """结余资金 heads a column no field knows: 预算执行进度 beside it still reads its own figure."""
    doc = _table([["当年预算数（万元）", "预算执行进度（%）", "结余资金（万元）"], ["120.5", "71.04%", "34.9"]])
    fields = parse_document(doc).fields
    assert fields.annual_budget.yuan == "1205000.00"
    assert fields.execution_progress_pct == "71.04"


def test_a_figure_label_beside_its_figure_keeps_it():
    doc = _table([["当年预算数（万元）", "120.5", "资金性质"], ["调整后预算数（万元）", "100", "区级"]])
    fields = parse_document(doc).fields
    assert fields.annual_budget.yuan == "1205000.00"
    assert fields.adjusted_budget.yuan == "1000000.00"


def test_the_parser_and_the_checks_share_one_token_stream_and_its_hits():
    """The field parser and the unread-value check walk the same document's tokens and
    look up the same template's labels: read once, and a new document reads afresh."""
    from parsers.forms import monitoring_template
    from parsers.locate import all_hits, label_index
    from parsers.tokens import tokens_of

    doc = _table([["当年预算数(元)", "581,000.00"], ["资金性质", "区级财政"]])
    tokens = tokens_of(doc)
    assert tokens_of(doc) is tokens
    index = label_index(monitoring_template())
    hits = all_hits(tokens, index)
    assert all_hits(tokens, index) is hits
    assert hits[0]["annual_budget"].value_text == "581,000.00"
    other = _table([["当年预算数(元)", "612,000.00"]])
    assert tokens_of(other) is not tokens
    assert all_hits(tokens_of(other), index)[0]["annual_budget"].value_text == "612,000.00"


def test_a_box_inside_a_label_does_not_hide_it():
    # A scan's blur closed 数 into a square read as a ticked box: `调整后预算☑数（元）`.
    doc = _table([
        ["财政项目支出绩效运行监控（跟踪评价）（一般）", ""],
        ["当年预算数（元）", "113100.00"],
        ["调整后预算 \U000f0113数（元）", "110001.00"],
        ["预算执行数（\U000f0113 元）", "7,821,530.00"],
    ])
    fields = parse_document(doc).fields
    assert fields.adjusted_budget is not None and fields.adjusted_budget.yuan == "110001.00"
    assert fields.executed is not None and fields.executed.yuan == "7821530.00"
    assert fields.executed.stated_unit == "元"
    assert fields.annual_budget.yuan == "113100.00"


def test_a_value_ends_where_a_label_that_is_no_field_opens_on_its_line():
    # A PDF prints 街镇名称 and 填报日期 on one line with no gap the reader keeps as a space:
    # the town took in the date (`…人民政府填报日期：2024年9月12日`).
    doc = _lines("财政项目支出绩效运行监控（跟踪评价）（重点）",
                 "街镇名称：上海市闵行区马桥镇人民政府（盖章）填报日期：2024年9月12日",
                 "项目名称：道路养护项目 联系电话：021-64123456")
    fields = parse_document(doc).fields
    assert fields.town == "上海市闵行区马桥镇人民政府"
    assert fields.project_name == "道路养护项目"


# -- rewritten for speed: the same answers as the plain versions ---------------------------
def _plain_table_value(tokens, hit, consumed, is_multi, is_figure=False):
    """The cells beside (or below) a table label, written as lists and filters."""
    from parsers.locate import _is_figure

    label = hit.label
    if label.row is None or label.col is None:
        return []
    row, col, last_row = label.row, label.col, label.row + label.row_span
    following = []
    for token in tokens[label.index + 1 :]:
        if token.block != label.block or token.row is None or token.row > last_row:
            break
        if token.col is not None:
            following.append(token)
    values = []
    for token in [t for t in following if t.row == row and t.col > col]:
        if token.index in consumed:
            break
        values.append(token)
    below = [t for t in following if t.row == row + label.row_span and t.col <= col < t.col + t.col_span
             and t.index not in consumed]
    if values and not is_multi:
        filled = [token for token in values if token.text.strip()]
        if is_figure and filled and not _is_figure(filled[0]) and below and _is_figure(below[0]):
            return below[:1]
        return filled[:1] or values[:1]
    return values or below[:1]


def test_table_value_walk_matches_the_plain_lists():
    import itertools

    from parsers.locate import Hit, _table_value
    from parsers.tokens import Token

    line = _lines("x").lines[0]
    cells = [  # (row, col, col_span, row_span, text): spans, a blank, a header, a figure below
        (0, 0, 1, 1, "当年预算数"), (0, 1, 1, 1, ""), (0, 2, 1, 1, "结余资金"), (0, 3, 2, 1, "12.5"),
        (1, 0, 2, 1, "3,000.00"), (1, 2, 1, 1, "是 ☑"), (1, 3, 1, 1, "4"), (2, 0, 1, 2, "x"), (2, 1, 1, 1, "5"),
        (3, 1, 1, 1, "6"), (4, 0, 1, 1, "7"),
    ]
    tokens = [Token(i, text, line, 0, r, c, cs, rs) for i, (r, c, cs, rs, text) in enumerate(cells)]
    tokens.append(Token(len(tokens), "tail", line, 1, 0, 0))
    checked = 0
    for label, multi, figure in itertools.product(tokens, (False, True), (False, True)):
        for consumed in ({label.index}, {label.index, 2}, {label.index, 4, 6}, set()):
            hit = Hit("f", label, (label.index,), None)
            assert _table_value(tokens, hit, consumed, multi, figure) == _plain_table_value(tokens, hit, consumed, multi, figure)
            checked += 1
    assert checked > 100


def test_inline_match_without_a_separator_in_its_window():
    from parsers.forms import monitoring_template
    from parsers.locate import label_index

    index = label_index(monitoring_template())
    assert index.match_inline("8,406,128.00") is None
    assert index.match_inline("项目名称：甲项目") == ("project_name", None, "甲项目")
    assert index.match_inline("项目名称\u3000甲项目") == ("project_name", None, "甲项目")
    assert index.match_inline("项目名称\x1c甲项目") is None  # str's whitespace, not the pattern's
