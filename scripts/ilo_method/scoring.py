"""The scoring sheets of the bundled ILO 2022 method, in English and Mongolian (advice: advice.py).

Dimensions follow the ILC 2022 definition: the purpose (PUR), the four principles (P1-P4), the six
values (V1-V6) and the aspirations (AS). Each indicator rests on practices a respondent can check
(a vote, a meeting held, a share of surplus, a written contract), not on opinions about the SSE.
Labels use the resolution's own words ("voluntary cooperation and mutual aid", "democratic and/or
participatory governance", "equality and fairness").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Dimension:
    id: str
    kind: str
    en: str
    mn: str
    desc_en: str
    desc_mn: str


@dataclass(frozen=True)
class Indicator:
    id: str
    dimension: str
    en: str
    mn: str


@dataclass(frozen=True)
class Score:
    """One row of the scoring sheet: ``question`` or ``value`` (an expression), and a rule."""

    indicator: str
    rule: str
    question: str = ""
    value: str = ""


@dataclass(frozen=True)
class Level:
    min: int
    id: str
    en: str
    mn: str


@dataclass(frozen=True)
class Definition:
    id: str
    en: str
    mn: str
    desc_en: str
    desc_mn: str
    rule: str


DIMENSIONS = [
    Dimension(
        "PUR",
        "purpose",
        "Purpose: the collective and/or general interest",
        "Зорилго: хамтын болон/эсвэл нийтийн ашиг сонирхол",
        "Carries out economic, social and environmental activities to serve the collective "
        "and/or general interest.",
        "Хамтын болон/эсвэл нийтийн ашиг сонирхолд үйлчлэх зорилгоор эдийн засаг, нийгэм, "
        "байгаль орчны үйл ажиллагаа явуулдаг.",
    ),
    Dimension(
        "P1",
        "principle",
        "Voluntary cooperation and mutual aid",
        "Сайн дурын хамтын ажиллагаа, харилцан туслалцаа",
        "People take part of their own free will (they join and leave freely, volunteer, give) and "
        "help each other through the organisation (mutual aid).",
        "Хүмүүс өөрсдийн сайн дураар оролцдог (чөлөөтэй элсэж, гардаг, сайн дураар ажилладаг, "
        "хандивладаг) бөгөөд байгууллагаараа дамжуулан бие биедээ тусалдаг (харилцан туслалцаа).",
    ),
    Dimension(
        "P2",
        "principle",
        "Democratic and/or participatory governance",
        "Ардчилсан болон/эсвэл оролцооны засаглал",
        "Members control the organisation democratically (one member one vote, a general "
        "assembly every year, a say in the main decisions), and/or the people it serves, its "
        "workers and the community take part in decisions, are consulted and are told what was "
        "decided. An entity without members is scored on participation alone.",
        "Байгууллагыг гишүүд ардчилсан журмаар хянадаг (нэг гишүүн - нэг санал, жил бүр болдог "
        "нийт хурал, гол шийдвэрт оролцох эрх), болон/эсвэл үйлчлүүлэгчид, ажилчид, нутгийн "
        "иргэд шийдвэр гаргалтад оролцож, санал нь асуугдаж, юу шийдсэнийг мэдэж байдаг. "
        "Гишүүнгүй байгууллагыг зөвхөн оролцооны үзүүлэлтээр үнэлнэ.",
    ),
    Dimension(
        "P3",
        "principle",
        "Autonomy and independence",
        "Бие даасан байдал, хараат бус байдал",
        "Members choose their leaders and take their own decisions, without control by the "
        "government, donors or companies.",
        "Гишүүд удирдлагаа өөрсдөө сонгож, шийдвэрээ төр, хандивлагч, компанийн хяналтгүйгээр "
        "өөрсдөө гаргадаг.",
    ),
    Dimension(
        "P4",
        "principle",
        "Primacy of people and social purpose over capital",
        "Капиталаас илүү хүн ба нийгмийн зорилгыг эрхэмлэх",
        "Surpluses and assets serve the members and the social purpose, not returns on capital.",
        "Ашиг, хөрөнгийг хөрөнгө оруулалтын өгөөжид бус, гишүүд болон нийгмийн зорилгод "
        "зарцуулдаг.",
    ),
    Dimension(
        "V1",
        "value",
        "Care for people and planet",
        "Хүн ба байгаль дэлхийд анхаарал халамж тавих",
        "Looks after nature and the community around it.",
        "Байгаль орчин болон нутгийн иргэддээ анхаарал халамж тавьдаг.",
    ),
    Dimension(
        "V2",
        "value",
        "Equality and fairness",
        "Тэгш байдал, шударга ёс",
        "Women and men, richer and poorer people are treated equally and fairly: women take part "
        "in leadership and in assemblies, and pay gaps are small.",
        "Эмэгтэй, эрэгтэй, чинээлэг, ядуу хүмүүст тэгш, шударга ханддаг: эмэгтэйчүүд удирдлага, "
        "хурал цуглаанд оролцдог, цалингийн зөрүү бага.",
    ),
    Dimension(
        "V3",
        "value",
        "Interdependence",
        "Харилцан хамаарал",
        "Works with other cooperatives, associations and groups: unions, networks and joint "
        "activities.",
        "Бусад хоршоо, холбоо, бүлэгтэй хамтран ажилладаг: холбоо, сүлжээнд гишүүнээр элсэх, "
        "хамтарсан үйл ажиллагаа.",
    ),
    Dimension(
        "V4",
        "value",
        "Self-governance",
        "Өөрөө өөрийгөө удирдах ёс",
        "Members make and check their own rules: a charter adopted by members, a control "
        "committee, regular elections, training.",
        "Гишүүд дүрмээ өөрсдөө тогтоож, хэрэгжилтийг нь хянадаг: гишүүдийн баталсан дүрэм, "
        "хяналтын зөвлөл, тогтмол сонгууль, сургалт.",
    ),
    Dimension(
        "V5",
        "value",
        "Transparency and accountability",
        "Ил тод байдал, хариуцлага",
        "Accounts are kept, checked and shown to the members and the public.",
        "Санхүүгийн бүртгэл хөтөлж, шалгуулж, гишүүд болон олон нийтэд танилцуулдаг.",
    ),
    Dimension(
        "V6",
        "value",
        "Attainment of decent work and livelihoods",
        "Зохистой хөдөлмөр, амьжиргааг хангах",
        "Workers have contracts, social insurance, fair pay, safe work and the right to organise; "
        "no child labour, forced labour or unpaid family labour; members earn a better living.",
        "Ажилчид хөдөлмөрийн гэрээтэй, нийгмийн даатгалтай, шударга цалинтай, аюулгүй нөхцөлд "
        "ажилладаг, эвлэлдэн нэгдэх эрхтэй; хүүхдийн хөдөлмөр, албадан хөдөлмөр, цалингүй гэр "
        "бүлийн хөдөлмөр байхгүй; гишүүдийн амьжиргаа дээшилдэг.",
    ),
    Dimension(
        "AS",
        "aspiration",
        "Long-term viability and sustainability; transition to the formal economy",
        "Урт хугацааны оршин тогтнох чадвар, тогтвортой байдал; албан эдийн засагт шилжих",
        "Aspirations of SSE entities: to last, to plan ahead and to move from the informal to "
        "the formal economy.",
        "Эдгээр байгууллагын эрмэлзэл: удаан оршин тогтнох, ирээдүйгээ төлөвлөх, албан бус "
        "эдийн засгаас албан эдийн засагт шилжих.",
    ),
]

INDICATORS = [
    Indicator(
        "PUR_AIM", "PUR", "Social aim written in the charter", "Нийгмийн зорилгоо дүрэмдээ бичсэн"
    ),
    Indicator("PUR_BENEFIT", "PUR", "Who benefits", "Үр шимийг хэн хүртдэг"),
    Indicator(
        "PUR_ACTIVITY",
        "PUR",
        "Economic, social and environmental activities",
        "Эдийн засаг, нийгэм, байгаль орчны үйл ажиллагаа",
    ),
    Indicator("P1_OPEN", "P1", "Open and voluntary membership", "Нээлттэй, сайн дурын гишүүнчлэл"),
    Indicator("P1_EXIT", "P1", "Members are free to leave", "Гишүүн чөлөөтэй гарах боломжтой"),
    Indicator("P1_AID", "P1", "Mutual aid", "Харилцан туслалцаа"),
    Indicator("P1_VOLUNTARY", "P1", "Voluntary participation", "Сайн дурын оролцоо"),
    Indicator("P2_VOTE", "P2", "One member, one vote", "Нэг гишүүн - нэг санал"),
    Indicator(
        "P2_ASSEMBLY",
        "P2",
        "General assembly held and attended",
        "Нийт хурал хийж, гишүүд оролцсон",
    ),
    Indicator(
        "P2_SAY",
        "P2",
        "Members decide the main matters",
        "Гол асуудлыг гишүүд шийддэг",
    ),
    Indicator(
        "P2_STAKEHOLDERS",
        "P2",
        "Those it serves, its workers and the community have a seat in decisions",
        "Үйлчлүүлэгчид, ажилчид, нутгийн иргэд шийдвэр гаргалтад суудалтай",
    ),
    Indicator(
        "P2_CONSULT",
        "P2",
        "Those affected are consulted before decisions",
        "Шийдвэр гаргахаас өмнө оролцогч талуудаас санал авдаг",
    ),
    Indicator(
        "P2_REPORT_BACK",
        "P2",
        "Those affected are told what was decided and how money was used",
        "Шийдвэр, мөнгөний зарцуулалтаа оролцогч талуудад мэдээлдэг",
    ),
    Indicator(
        "P3_LEADERS",
        "P3",
        "Leaders chosen by the members",
        "Удирдлагаа гишүүд сонгодог",
    ),
    Indicator(
        "P3_CONTROL",
        "P3",
        "No outside body overrules decisions",
        "Гадны байгууллага шийдвэрийг өөрчилдөггүй",
    ),
    Indicator(
        "P3_INCOME",
        "P3",
        "Not dependent on one outside funder",
        "Гадны ганц санхүүжүүлэгчээс хараат бус",
    ),
    Indicator(
        "P4_SURPLUS",
        "P4",
        "Surplus kept or shared by use, not by capital",
        "Ашгийг хөрөнгөөр бус, оролцоогоор хуваарилдаг эсвэл байгууллагадаа үлдээдэг",
    ),
    Indicator(
        "P4_RULE",
        "P4",
        "Limits on paying out profit",
        "Ашиг хуваарилахад тогтоосон хязгаар",
    ),
    Indicator(
        "P4_ASSETS",
        "P4",
        "Assets are not shared out on closing (asset lock)",
        "Татан буугдахад хөрөнгийг хувааж авдаггүй",
    ),
    Indicator("V1_ENV", "V1", "Practices that protect nature", "Байгаль хамгаалах арга хэмжээ"),
    Indicator(
        "V1_COMMUNITY",
        "V1",
        "Support for the community",
        "Нутгийн иргэдэд үзүүлсэн дэмжлэг",
    ),
    Indicator(
        "V2_WOMEN_BOARD",
        "V2",
        "Women in leadership: the board and the head",
        "Удирдлага дахь эмэгтэйчүүд: удирдах зөвлөл ба дарга",
    ),
    Indicator(
        "V2_WOMEN_ASSEMBLY",
        "V2",
        "Women taking part in the general assembly",
        "Нийт хуралд оролцсон эмэгтэйчүүд",
    ),
    Indicator("V2_WOMEN_MEMBERS", "V2", "Women among the members", "Гишүүдийн дундах эмэгтэйчүүд"),
    Indicator(
        "V2_PAY",
        "V2",
        "Small gap between the highest and lowest pay",
        "Хамгийн өндөр, хамгийн бага цалингийн бага зөрүү",
    ),
    Indicator(
        "V2_FAIR",
        "V2",
        "Fair access and equal treatment",
        "Тэгш хүртээмж, ижил хандлага",
    ),
    Indicator(
        "V3_NETWORK",
        "V3",
        "Member of a union or network",
        "Холбоо, сүлжээний гишүүн",
    ),
    Indicator(
        "V3_JOINT",
        "V3",
        "Joint activities with other SSE entities",
        "Бусад байгууллагатай хамтарсан үйл ажиллагаа",
    ),
    Indicator(
        "V4_CHARTER",
        "V4",
        "Members adopt their own charter",
        "Дүрмээ гишүүд өөрсдөө баталдаг",
    ),
    Indicator(
        "V4_CONTROL",
        "V4",
        "A control committee elected by members",
        "Гишүүдийн сонгосон хяналтын зөвлөл",
    ),
    Indicator("V4_ELECTIONS", "V4", "Regular elections", "Тогтмол сонгууль"),
    Indicator("V4_TRAINING", "V4", "Training of members and leaders", "Гишүүд, удирдлагын сургалт"),
    Indicator(
        "V5_ACCOUNTS",
        "V5",
        "Accounts kept and checked",
        "Санхүүгийн бүртгэл хөтөлж, шалгуулдаг",
    ),
    Indicator(
        "V5_REPORTING",
        "V5",
        "Reporting to members and the public",
        "Гишүүд болон олон нийтэд тайлагнах",
    ),
    Indicator(
        "V5_OPEN_BOOKS",
        "V5",
        "Members can see the books",
        "Гишүүд санхүүгийн баримттай танилцаж болно",
    ),
    Indicator(
        "V6_WORKERS",
        "V6",
        "Written contracts and social insurance for workers",
        "Ажилчдын хөдөлмөрийн гэрээ, нийгмийн даатгал",
    ),
    Indicator(
        "V6_WAGE",
        "V6",
        "Wages at or above the minimum wage",
        "Хөдөлмөрийн хөлсний доод хэмжээнээс багагүй цалин",
    ),
    Indicator(
        "V6_RIGHTS",
        "V6",
        "Rights at work: freedom of association, no child labour, no forced labour",
        "Хөдөлмөрийн эрх: эвлэлдэн нэгдэх эрх, хүүхдийн хөдөлмөр, албадан хөдөлмөр байхгүй",
    ),
    Indicator(
        "V6_SAFETY",
        "V6",
        "Safety and health at work",
        "Хөдөлмөрийн аюулгүй байдал, эрүүл ахуй",
    ),
    Indicator(
        "V6_FAMILY",
        "V6",
        "No unpaid family labour",
        "Цалингүй гэр бүлийн хөдөлмөр байхгүй",
    ),
    Indicator(
        "V6_MEMBER_INSURANCE",
        "V6",
        "Members covered by social insurance",
        "Гишүүд нийгмийн даатгалд хамрагдсан",
    ),
    Indicator(
        "V6_LIVELIHOOD",
        "V6",
        "Better livelihoods for members",
        "Гишүүдийн амьжиргаа дээшилсэн",
    ),
    Indicator(
        "AS_FORMAL",
        "AS",
        "Registered (or recognised by the soum governor) and filing taxes",
        "Улсын бүртгэлтэй (эсвэл сумын Засаг дарга хүлээн зөвшөөрсөн), татварын тайлан өгдөг",
    ),
    Indicator("AS_AGE", "AS", "Years in operation", "Үйл ажиллагаа явуулсан жил"),
    Indicator(
        "AS_PLAN",
        "AS",
        "Plans and reserves for the long term",
        "Урт хугацааны төлөвлөгөө, нөөц",
    ),
]

MEMBERS = "(${members_women} + ${members_men})"

SCORING = [
    Score("PUR_AIM", "choice", "purpose_written"),
    Score("PUR_BENEFIT", "choice", "beneficiaries"),
    Score("PUR_ACTIVITY", "choice", "purpose_activities"),
    Score("P1_OPEN", "choice", "join_open"),
    Score("P1_OPEN", "choice", "join_refused"),
    # Entities without members: open access to what they do (the member rows are then skipped).
    Score("P1_OPEN", "choice", "open_participation"),
    Score("P1_EXIT", "choice", "exit_free"),
    Score("P1_AID", "choice", "mutual_aid"),
    Score("P1_VOLUNTARY", "choice", "voluntary_work"),
    Score("P2_VOTE", "choice", "voting_rule"),
    Score("P2_ASSEMBLY", "choice", "assembly_held"),
    # A majority of members present or represented: the usual quorum of a general assembly.
    Score("P2_ASSEMBLY", "at_least 0.5", value=f"${{assembly_attendees}} div {MEMBERS}"),
    Score("P2_SAY", "choice", "member_say"),
    # Participatory governance, asked of every entity: the route to P2 for one without members.
    Score("P2_STAKEHOLDERS", "choice", "stakeholder_seats"),
    Score("P2_CONSULT", "choice", "stakeholder_consulted"),
    Score("P2_REPORT_BACK", "choice", "stakeholder_report"),
    Score("P3_LEADERS", "choice", "leader_appointed_by"),
    Score("P3_CONTROL", "choice", "outside_overrule"),
    # Dependence is on the largest outside funder; sales and member fees are the entity's own
    # income. Lower is better: 25% or less from one funder scores 1, 75% or more scores 0.
    Score("P3_INCOME", "linear 75 25", "largest_funder_pct"),
    # Lower is better: nothing paid on capital scores 1, half of the surplus or more scores 0.
    Score("P4_SURPLUS", "linear 50 0", "surplus_investors_pct"),
    # Without members, nothing is paid back to members (the question is not asked).
    Score(
        "P4_SURPLUS",
        "at_least 70",
        value="${surplus_reinvested_pct} + coalesce(${surplus_members_pct}, 0)",
    ),
    Score("P4_RULE", "choice", "profit_rule"),
    Score("P4_ASSETS", "choice", "asset_lock"),
    Score("V1_ENV", "choice", "env_practices"),
    Score("V1_COMMUNITY", "choice", "community_support"),
    # Parity is not the bar: 40% women (the usual "critical mass") gives the full score.
    Score("V2_WOMEN_BOARD", "linear 0 0.4", value="${women_on_board} div ${board_size}"),
    Score("V2_WOMEN_BOARD", "choice", "chair_gender"),
    Score("V2_WOMEN_ASSEMBLY", "linear 0 0.4", value="${assembly_women} div ${assembly_attendees}"),
    Score("V2_WOMEN_MEMBERS", "linear 0 0.4", value=f"${{members_women}} div {MEMBERS}"),
    # Lower is better: a ratio of 3 or less scores 1, 10 or more scores 0.
    Score("V2_PAY", "linear 10 3", value="${pay_highest} div ${pay_lowest}"),
    Score("V2_FAIR", "choice", "equality_practices"),
    Score("V3_NETWORK", "choice", "networks"),
    Score("V3_JOINT", "choice", "joint_activities"),
    Score("V4_CHARTER", "choice", "charter_adopted_by"),
    Score("V4_CONTROL", "choice", "control_committee"),
    # Mongolian cooperatives and NGOs usually elect their boards for terms of up to 4 years.
    Score("V4_ELECTIONS", "at_most 4", "last_election_years"),
    Score("V4_TRAINING", "choice", "training_topics"),
    Score("V5_ACCOUNTS", "choice", "accounts"),
    Score("V5_REPORTING", "choice", "report_channels"),
    Score("V5_OPEN_BOOKS", "choice", "books_open"),
    Score("V6_WORKERS", "bands 0.5 1", value="${workers_contract} div ${workers_paid}"),
    Score("V6_WORKERS", "linear 0 1", value="${workers_insured} div ${workers_paid}"),
    Score("V6_WAGE", "choice", "wage_min"),
    Score("V6_RIGHTS", "choice", "workers_union"),
    Score("V6_RIGHTS", "choice", "child_labour"),
    Score("V6_RIGHTS", "choice", "forced_labour"),
    Score("V6_SAFETY", "choice", "safety_practices"),
    Score("V6_FAMILY", "choice", "unpaid_family"),
    Score("V6_MEMBER_INSURANCE", "choice", "members_insured"),
    Score("V6_LIVELIHOOD", "choice", "member_income_change"),
    Score("AS_FORMAL", "choice", "registered"),
    Score("AS_FORMAL", "choice", "tax_registered"),
    Score("AS_AGE", "bands 2 5 10", value="${report_year} - ${year_founded}"),
    Score("AS_PLAN", "choice", "has_plan"),
    Score("AS_PLAN", "choice", "reserve_fund"),
]

LEVELS = [
    Level(0, "emerging", "Emerging", "Эхэлж буй"),
    Level(40, "developing", "Developing", "Хөгжиж буй"),
    Level(60, "established", "Established", "Төлөвшсөн"),
    Level(80, "leading", "Leading", "Тэргүүлэгч"),
]


def _all_at_least(ids: list[str], threshold: int) -> str:
    return " and ".join(f"score('{i}') >= {threshold}" for i in ids)


PRINCIPLES = ["PUR", "P1", "P2", "P3", "P4"]
VALUES = ["V1", "V2", "V3", "V4", "V5", "V6"]

DEFINITIONS = [
    Definition(
        "ilo-2022-core",
        "ILO 2022: purpose and the four principles",
        "ОУХБ 2022: зорилго ба дөрвөн зарчим",
        "The purpose and each of the four principles of the ILC 2022 definition score 50 or more.",
        "ОУХБ-ын 2022 оны тодорхойлолтын зорилго болон дөрвөн зарчим тус бүр 50 ба түүнээс дээш "
        "оноотой.",
        _all_at_least(PRINCIPLES, 50),
    ),
    Definition(
        "ilo-2022-broad",
        "ILO 2022, broad: on the way",
        "ОУХБ 2022, өргөн хүрээ: хөгжлийн замдаа",
        "The purpose, autonomy and independence, and the primacy of people over capital score 40 "
        "or more, and so does either voluntary cooperation and mutual aid or democratic and/or "
        "participatory governance. It lets in young entities still building some practices.",
        "Зорилго, бие даасан байдал, хараат бус байдал, хөрөнгөөс илүү хүнийг эрхэмлэх зарчим 40 "
        "ба түүнээс дээш оноотой, мөн сайн дурын хамтын ажиллагаа, харилцан туслалцаа эсвэл "
        "ардчилсан болон/эсвэл оролцооны засаглалын аль нэг нь 40 ба түүнээс дээш оноотой. Зарим "
        "үйл ажиллагаагаа дөнгөж төлөвшүүлж буй шинэ байгууллагууд хамрагдана.",
        "score('PUR') >= 40 and score('P3') >= 40 and score('P4') >= 40 "
        "and (score('P1') >= 40 or score('P2') >= 40)",
    ),
    Definition(
        "ilo-2022-strict",
        "ILO 2022, strict: principles and values",
        "ОУХБ 2022, хатуу: зарчим ба үнэт зүйлс",
        "The purpose and each principle score 60 or more, and each of the six values scores 40 "
        "or more.",
        "Зорилго болон зарчим тус бүр 60 ба түүнээс дээш, зургаан үнэт зүйл тус бүр 40 ба "
        "түүнээс дээш оноотой.",
        _all_at_least(PRINCIPLES, 60) + " and " + _all_at_least(VALUES, 40),
    ),
    Definition(
        "th-sepa-2019",
        "Thailand, Social Enterprise Promotion Act 2019 (financial tests)",
        "Тайланд, Нийгмийн аж ахуйн нэгжийг дэмжих тухай хууль, 2019 (санхүүгийн шалгуур)",
        "At least 50% of income from selling goods or services; of any surplus, at least 70% "
        "reinvested and at most 30% paid out. Shown for comparison: it is not a Mongolian "
        "legal test.",
        "Орлогын дор хаяж 50% нь бараа, үйлчилгээ борлуулснаас; ашиг гарсан бол түүний дор хаяж "
        "70%-ийг эргүүлэн хөрөнгө оруулж, 30%-иас ихгүйг хуваарилсан. Харьцуулах зорилгоор "
        "харуулав: Монголын хуулийн шалгуур биш.",
        "${income_sales_pct} >= 50 "
        "and (${had_surplus} = 'no' or ${surplus_reinvested_pct} >= 70) "
        "and (${had_surplus} = 'no' "
        "or coalesce(${surplus_members_pct}, 0) + ${surplus_investors_pct} <= 30)",
    ),
]
