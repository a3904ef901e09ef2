"""Choosing the content of a clean, internally consistent form from a seeded RNG.

Owns the vocabulary (towns, units, project topics, narrative sentences) and the choice of
amounts, period, boxes and styles. A clean form satisfies every identity of record-v1:
调整后 = 当年 − 调减 + 调增, 执行进度 = 执行数 ÷ 调整后 × 100, 是否需要预算调整 是 iff an
adjustment, narrative = table, period inside the budget year, conclusion fits the rate.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from corpus.generator.model import FormSpec

TOWNS = ("华漕镇", "七宝镇", "梅陇镇", "莘庄镇", "虹桥镇", "马桥镇", "吴泾镇", "浦江镇", "颛桥镇",
         "江川路街道", "古美路街道", "新虹街道", "浦锦街道")
OFFICES = ("城市运行管理中心", "社区事务受理服务中心", "规划建设和环境保护办公室", "社区党群服务中心",
           "公共安全管理办公室", "经济发展办公室", "农业农村办公室", "社区管理办公室",
           "文化体育服务所", "综合行政执法队", "社区卫生服务中心", "网格化综合管理中心")
TOPICS = ("“一网统管”信息化建设及运维", "智能信息数据归集和应用", "垃圾分类日常运营", "河道长效养护",
          "老旧小区综合治理", "公共文化配送服务", "社区食堂运营补贴", "公共绿地养护", "道路保洁及垃圾清运",
          "独居老人关爱服务", "平安社区视频监控运维", "防汛防台物资储备", "农村人居环境整治",
          "消防安全隐患整治", "非机动车充电设施建设", "为老服务中心运营", "城中村改造前期")
KEY_REASONS = ("{y}年区委、区政府及本级政府或本部门重点工作项目", "预算金额较大、社会关注度较高的民生项目",
               "以前年度绩效评价结果一般、需加强跟踪的项目", "{y}年新增的重大项目",
               "涉及公共安全的重点保障项目")
BACKGROUND = (
    "为贯彻落实市委、市政府关于城市精细化管理的工作部署，结合{town}工作实际，实施本项目。",
    "本项目按照“整体设计一步到位、应用实施分步推进”的建设思路，聚焦数据汇聚、系统集成、联勤联动等关键环节。",
    "项目经{town}{y0}年第{n}次镇长办公会议讨论同意实施，并纳入{y}年度部门预算。",
    "项目旨在提升基层治理能力，做实网格前端管理，切实做到实战中管用、基层干部爱用、群众感到受用。",
    "根据《闵行区城市运行“一网统管”建设三年行动计划》要求，加快街镇城运平台建设，强化数据赋能。",
    "项目服务范围覆盖辖区内各居委、村委及重点公共场所，服务对象约{k}万人。",
    "坚持重心下移、资源下沉、减负增能，做实网格前端管理平台，做强街镇联动指挥平台。",
    "通过打通各居委、物业以及各片区网格之间的信息孤岛，实现数据共享和对各片区网格的有效管理。",
    "项目前期建设方案经专家组评估论证，明确了建设标准、应用标准和验收要求。",
    "聚焦重点领域重要场景，围绕“高效处置一件事”，加快系统整合，再造管理流程，创新管理模式。",
    "项目实施有助于推动城市治理由人力密集型向人机交互型转变，由经验判断型向数据分析型转变。",
)
ARRANGEMENT = (
    "项目资金主要用于设备采购、系统运维及第三方服务费用，按合同约定分期支付。",
    "预算资金按照工作进度分季度拨付，主要用于人员服务费、物资采购及日常运维&监理。",
    "资金使用严格执行政府采购程序，项目计划于{y}年12月底前完成全部工作内容。",
)
PROGRESS = (
    "截至{end}，项目已完成阶段性建设任务，各项绩效指标均按计划推进。",
    "截至{end}，施工阶段已全部完成并进入整理验收材料待验收阶段，预计验收时间为{y}年10月中旬。",
    "截至{end}，服务工作按合同有序开展，居民满意度调查将于年底前完成，其余目标均能够完成。",
)
PURPOSES = ("建设监理费", "运维服务费", "设备采购款", "第三方服务费")


def _town_printed(rng: random.Random, town: str) -> str:
    kind = "办事处" if town.endswith("街道") else "人民政府"
    name = rng.choice((f"上海市闵行区{town}{kind}", f"闵行区{town}{kind}", f"{town}{kind}", town))
    return name + rng.choice(("（盖章）", "（盖章）", "(盖章)", " （盖章）", ""))


def _background(rng: random.Random, fmt: dict) -> list[str]:
    """1–4 paragraphs of 1–3 sentences each."""
    sentences = [s.format(**fmt) for s in rng.sample(BACKGROUND, len(BACKGROUND))]
    paragraphs, i = [], 0
    for _ in range(rng.randint(1, 4)):
        k = rng.randint(1, 3)
        if i >= len(sentences):
            break
        paragraphs.append("".join(sentences[i:i + k]))
        i += k
    return paragraphs


def _units(rng: random.Random, town: str) -> tuple[str, str]:
    budget = town + rng.choice(OFFICES)
    implementing = budget if rng.random() < 0.4 else town + rng.choice(OFFICES)
    return budget, implementing


def _project(rng: random.Random, year: int, town: str) -> str:
    topic = rng.choice(TOPICS)
    if rng.random() < 0.3:
        topic += "+" + rng.choice(TOPICS)
    return f"{year}年{town}{topic}项目"


def _round_yuan(rng: random.Random, value: int) -> Decimal:
    """Round to 100, 10 or 1 yuan, so 万元 figures have at most 2, 3 or 4 decimals."""
    step = rng.choice((100, 100, 1000, 10, 1))
    return Decimal(max(step, value // step * step))


def _amounts(rng: random.Random) -> dict[str, Decimal]:
    annual = _round_yuan(rng, rng.randint(20_000, 20_000_000))
    decrease = increase = Decimal(0)
    kind = rng.choice(("none", "none", "decrease", "increase"))
    change = _round_yuan(rng, int(annual * Decimal(rng.uniform(0.02, 0.3))))
    if kind == "decrease":
        decrease = change
    elif kind == "increase":
        increase = change
    adjusted = annual - decrease + increase
    review = _round_yuan(rng, int(annual * Decimal(rng.uniform(0.8, 1.05))))
    return {"annual_budget": annual, "decrease": decrease, "increase": increase,
            "adjusted_budget": adjusted, "executed": Decimal(0), "ex_ante_review_budget": review}


def executed_for_rate(rng: random.Random, adjusted: Decimal, low: float, high: float) -> Decimal:
    """An executed amount (whole 10 yuan when possible) whose rate lies in [low, high]."""
    for _ in range(50):
        value = _round_yuan(rng, int(adjusted * Decimal(rng.uniform(low, high)) / 100))
        if low <= value / adjusted * 100 <= high:
            return value
    return (adjusted * Decimal(str((low + high) / 2)) / 100).quantize(Decimal(1))


BANDS = {"运行正常": (76.0, 100.0), "运行基本正常": (61.0, 74.0), "运行偏差较大": (20.0, 58.0)}


def _period(rng: random.Random, year: int) -> tuple[date, date]:
    start = date(year, 1, 1) if rng.random() < 0.8 else date(year, rng.randint(1, 3), 1)
    month = rng.randint(5, 10)
    end = date(year, month + 1, 1) - timedelta(days=1)
    if rng.random() < 0.2:
        end = date(year, month, rng.randint(10, 28))
    return start, end


def _boxes(rng: random.Random, amounts: dict[str, Decimal]) -> dict[str, list[bool]]:
    adjusting = bool(amounts["decrease"] or amounts["increase"])
    recurring = rng.random() < 0.5
    budget = rng.choice((0, 0, 0, 1, 2))
    goal = rng.choice((0, 0, 0, 1))
    return {"recurring": [recurring, not recurring], "adjustment_needed": [adjusting, not adjusting],
            "budget_outlook": [i == budget for i in range(3)],
            "goal_outlook": [i == goal for i in range(3)]}


def expression_for(rng: random.Random, executed: Decimal) -> tuple[Decimal, int] | None:
    """base × p% = executed with base exact at ≤ 4 decimals of 万元 (whole yuan)."""
    for p in rng.sample((30, 40, 50, 60, 70, 80), 6):
        base = executed * 100 / p
        if base == base.to_integral_value():
            return base.quantize(Decimal(1)), p
    return None


def build_clean(seed: int, variant: str | None = None, unit: str | None = None) -> FormSpec:
    """A clean form for `seed`; `variant` ("key"/"general") and `unit` ("元"/"万元") may be forced."""
    rng = random.Random(seed)
    year = rng.choice((2022, 2023, 2024, 2024, 2025))
    town = rng.choice(TOWNS)
    variant = variant or rng.choice(("key", "general"))
    unit = unit or rng.choice(("元", "元", "万元"))
    amounts = _amounts(rng)
    category = rng.choice(("运行正常", "运行正常", "运行基本正常", "运行偏差较大"))
    amounts["executed"] = executed_for_rate(rng, amounts["adjusted_budget"], *BANDS[category])
    start, end = _period(rng, year)
    budget_unit, implementing_unit = _units(rng, town)
    fmt = {"town": town, "y": year, "y0": year - 1, "n": rng.randint(3, 30), "k": rng.randint(2, 12),
           "end": f"{end.year}年{end.month}月{end.day}日"}
    spec = FormSpec(
        seed=seed, variant=variant, year=year, town=town, town_printed=_town_printed(rng, town),
        project_name=_project(rng, year, town), budget_unit=budget_unit,
        implementing_unit=implementing_unit,
        key_reason=rng.choice(KEY_REASONS).format(y=year) if variant == "key" else None,
        period_start=start, period_end=end, period_style=rng.randrange(5),
        stated_unit=unit, real_unit=unit,
        amount_style=rng.choice(("comma", "comma", "plain2", "plain")),
        pct_style=rng.choice(("sign", "sign", "bare")),
        yuan=amounts, boxes=_boxes(rng, amounts),
        background=_background(rng, fmt),
        arrangement=rng.choice(ARRANGEMENT).format(**fmt),
        progress=rng.choice(PROGRESS).format(**fmt),
        extra_section=("项目计划于{y}年3月启动，6月完成招标采购，11月底前完成验收。".format(**fmt)
                       if rng.random() < 0.4 else None),
    )
    if not (amounts["decrease"] or amounts["increase"]) and rng.random() < 0.4:
        spec.adj_clause = "unadjusted"
    if rng.random() < 0.4:
        spec.expression = expression_for(rng, amounts["executed"])
    spec.purpose = rng.choice(PURPOSES)
    return spec
