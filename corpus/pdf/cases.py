"""The data of the PDF corpus cases (see README.md); `build_samples.py` lays them out.

Every case is internally consistent: 调整后 = 当年 − 调减 + 调增; 执行进度 = 执行数 ÷ 调整后
× 100; 是否需要预算调整 is 是 exactly when 调减/调增 is non-zero; the narrative states the
table's figures (in 万元 when the table is in 元); the period lies in the project's year;
every 运行正常 has a rate of 75% or more.
"""

from __future__ import annotations

from build_samples import NORMAL, Case

_REASON = "2024年区委、区政府及本级政府或本部门重点工作项目"

# Background paragraphs without figures, to make a form run onto a second page.
_CONTEXT = [
    "项目立项前，实施单位组织开展了实地调研和需求摸底，听取了相关村居委会、居民代表和行业专家的意见，"
    "形成了项目实施方案，经镇长办公会议审议通过后实施。",
    "项目实施过程中，实施单位严格执行政府采购和合同管理的有关规定，建立了周例会和月报制度，"
    "对实施进度、质量和资金使用情况进行跟踪管理，发现问题及时督促整改。",
    "项目绩效目标包括产出指标、效益指标和满意度指标三类，其中产出指标主要考核完成数量、质量和时效，"
    "效益指标主要考核社会效益和可持续影响，满意度指标通过问卷调查方式取得。",
    "为保证项目资金安全和使用效益，实施单位按照财政资金管理要求设立项目台账，按合同约定的节点支付款项，"
    "每笔支出均经过验收确认和内部审批程序，做到专款专用。",
    "下一阶段，实施单位将继续加强与各相关部门的沟通协调，加快推进剩余工作，确保项目按期完成并发挥预期效益。",
]

CASES = [
    Case(
        name="key_glyphs_yuan_multipage",
        variant="key", unit="元", boxes="glyph",
        town="上海市闵行区梅陇镇人民政府",
        project="2024年梅陇镇应急管理综合能力提升项目",
        budget_unit="梅陇镇应急管理办公室",
        implementing="梅陇镇应急管理办公室",
        period="2024年01月01日---2024年08月31日",
        recurring=True,
        amounts={"annual": "581,000.00", "executed": "512,650.00", "adjusted": "581,000.00",
                 "decrease": "0.00", "increase": "0.00", "review": "600,000.00"},
        progress="88.24%", adjustment=False, reason=_REASON,
        narrative={
            "background": [
                "为提升基层应急处置能力，梅陇镇对辖区应急物资储备库、应急指挥平台和专职救援队伍装备进行综合提升，"
                "重点解决物资储备品种不全、指挥平台与区级系统对接不畅、救援装备老化等问题。",
                "项目由梅陇镇应急管理办公室牵头，会同镇城运中心、各村居委会共同实施，按照统一规划、分步实施的原则，"
                "在2024年内完成物资补充、平台维护和队伍培训三项工作。",
             *_CONTEXT],
            "budget": ["本项目2024年初预算安排为58.1万元，主要用于应急物资采购、指挥平台维护及队伍培训。"],
            "execution": ["本项目2024年初预算安排为58.1万元，未调整预算。",
                          "截至跟踪期实际支出51.265万元，预算执行率88.24%。"],
            "goals": ["截至2024年8月31日，应急物资采购和指挥平台维护已按计划完成，队伍培训完成三期中的两期，"
                      "预计2024年11月底前全部完成。"],
        },
        conclusion=NORMAL, outlook=("确定能完成", "确定能完成"),
    ),
    Case(
        name="general_pua_wanyuan",
        variant="general", unit="万元", boxes="pua", before=True,
        town="上海市闵行区华漕镇人民政府",
        project="2024年华漕镇河道日常养护项目",
        budget_unit="华漕镇水务管理站",
        implementing="华漕镇水务管理站河道养护科",
        period="2024年01月01日---2024年06月30日",
        recurring=True,
        amounts={"annual": "120.50", "executed": "80.00", "adjusted": "100.00",
                 "decrease": "20.50", "increase": "0.00", "review": "118.00"},
        progress="80.00%", adjustment=True, reason=None,
        narrative={
            "background": ["为保持镇管河道水清岸洁，华漕镇对辖区内镇管河道实施日常保洁、绿化养护和设施维修。"],
            "budget": ["本项目2024年初预算安排为120.5万元，用于河道保洁、绿化养护和设施维修。"],
            "execution": ["本项目2024年初预算安排为120.5万元，调整预算100万元，调减20.5万元，预算调整率17.01%。",
                          "截至跟踪期实际支出80万元，预算执行率80.00%。"],
            "goals": ["截至2024年6月30日，河道保洁和绿化养护按月完成，设施维修完成年度计划的六成。"],
        },
        conclusion=NORMAL, outlook=("有可能完成", "确定能完成"),
    ),
    Case(
        name="key_drawn_narrative_outside",
        variant="key", unit="元", boxes="drawn", before=True, narrative_outside=True,
        town="上海市闵行区七宝镇人民政府",
        project="2024年七宝镇老旧小区消防设施改造项目",
        budget_unit="七宝镇城市建设管理事务中心",
        implementing="七宝镇城市建设管理事务中心工程科",
        period="2024年01月01日---2024年09月30日",
        recurring=False,
        amounts={"annual": "1,250,000.00", "executed": "1,120,000.00", "adjusted": "1,400,000.00",
                 "decrease": "0.00", "increase": "150,000.00", "review": "1,300,000.00"},
        progress="80.00%", adjustment=True, reason=_REASON,
        narrative={
            "background": [
                "七宝镇辖区内部分老旧小区建成于上世纪九十年代，消防设施老化、室外消火栓压力不足、"
                "楼道应急照明缺失等问题突出，居民反映强烈。",
                "为消除火灾隐患，镇政府决定对8个老旧小区的消防设施实施改造，包括更换室外消火栓、"
                "增设楼道应急照明和疏散指示标志、疏通消防车通道等内容。",
                "项目实施过程中同步开展消防安全宣传，提高居民的防火意识和自救能力。",
             *_CONTEXT],
            "budget": ["本项目2024年初预算安排为125万元，用于设计、施工及监理费用。"],
            "execution": ["本项目2024年初预算安排为125万元，调整预算140万元，调增15万元，预算调整率12.00%。",
                          "截至跟踪期实际支出112万元，预算执行率80.00%。"],
            "goals": ["截至2024年9月30日，8个小区中已有6个完成改造并通过验收，其余2个正在施工，"
                      "预计2024年11月中旬完工。"],
        },
        conclusion=NORMAL, outlook=("确定能完成", "有可能完成"),
    ),
    Case(
        name="general_widgets_multipage",
        variant="general", unit="元", boxes="widget",
        town="上海市闵行区浦锦街道办事处",
        project="2024年浦锦街道社区文化活动中心运营项目",
        budget_unit="浦锦街道社区服务办公室",
        implementing="浦锦街道社区文化活动中心",
        period="2024年01月01日---2024年08月31日",
        recurring=True,
        amounts={"annual": "860,000.00", "executed": "640,000.00", "adjusted": "800,000.00",
                 "decrease": "60,000.00", "increase": "0.00", "review": "850,000.00"},
        progress="80.00%", adjustment=True, reason=None,
        narrative={
            "background": [
                "浦锦街道社区文化活动中心于2019年建成开放，采用委托第三方专业机构运营的方式，"
                "为辖区居民提供文体活动、培训讲座、阅读借阅等公共文化服务。",
                "根据街道公共文化服务体系建设要求，本项目延续以往的运营模式，由运营方负责场馆日常管理、"
                "活动策划组织、志愿者队伍建设及设施设备日常维护。",
                "运营方每月向街道报送服务台账，街道社区服务办公室按季度开展考核，考核结果与运营经费拨付挂钩。",
                "2024年度计划组织各类文体活动不少于300场次，开设公益培训课程不少于40期，服务居民不少于5万人次。",
             *_CONTEXT],
            "budget": ["本项目2024年初预算安排为86万元，用于场馆运营、活动组织和设施维护。"],
            "execution": ["本项目2024年初预算安排为86万元，调整预算80万元，调减6万元，预算调整率6.98%。",
                          "截至跟踪期实际支出64万元，预算执行率80.00%。"],
            "goals": ["截至2024年8月31日，已组织文体活动210场次，开设公益培训课程28期，服务居民3.6万人次，"
                      "各项指标均按进度完成。"],
        },
        conclusion=NORMAL, outlook=("确定能完成", "确定能完成"),
    ),
    Case(
        name="key_symbol_letters_cross_wanyuan",
        variant="key", unit="万元", boxes="ascii", outlook_boxes="cross",
        town="上海市闵行区江川路街道办事处",
        project="2024年江川路街道智慧安防社区建设项目",
        budget_unit="江川路街道平安办",
        implementing="江川路街道平安建设办公室",
        period="2024年03月01日---2024年08月31日",
        recurring=False,
        amounts={"annual": "95.00", "executed": "76.00", "adjusted": "95.00",
                 "decrease": "0.00", "increase": "0.00", "review": "95.00"},
        progress="80.00%", adjustment=False, reason=_REASON,
        narrative={
            "background": ["为提升社区治安防控水平，江川路街道在辖区12个住宅小区建设智慧安防系统。"],
            "budget": ["本项目2024年初预算安排为95万元，用于前端感知设备采购安装和平台接入。"],
            "execution": ["本项目2024年初预算安排为95万元，未调整预算。",
                          "截至跟踪期实际支出76万元，预算执行率80.00%。"],
            "goals": ["截至2024年8月31日，12个小区中已有9个完成设备安装并接入街道平台。"],
        },
        conclusion=NORMAL, outlook=("有可能完成", "有可能完成"),
    ),
    Case(
        name="key_libreoffice_word",
        variant="key", unit="元", boxes="libreoffice", col_width=72,
        town="上海市闵行区马桥镇人民政府",
        project="2024年马桥镇农村生活污水处理设施运维项目",
        budget_unit="马桥镇农业农村服务中心",
        implementing="马桥镇农业农村服务中心水务科",
        period="2024年01月01日---2024年08月31日",
        recurring=True,
        amounts={"annual": "736,500.00", "executed": "595,000.00", "adjusted": "700,000.00",
                 "decrease": "36,500.00", "increase": "0.00", "review": "720,000.00"},
        progress="85.00%", adjustment=True, reason=_REASON,
        narrative={
            "background": ["马桥镇已建成农村生活污水处理设施46座，覆盖农户约5200户，需要委托专业单位开展日常运维。", *_CONTEXT],
            "budget": ["本项目2024年初预算安排为73.65万元，用于设施巡检、设备维修和水质检测。"],
            "execution": ["本项目2024年初预算安排为73.65万元，调整预算70万元，调减3.65万元，预算调整率4.96%。",
                          "截至跟踪期实际支出59.5万元，预算执行率85.00%。"],
            "goals": ["截至2024年8月31日，46座设施运行正常，出水水质达标率98%，巡检和检测按计划完成。"],
        },
        conclusion=NORMAL, outlook=("确定能完成", "确定能完成"),
    ),
]
