"""The words of reports in each language, and numbers and dates formatted the language's way.

The core never imports Django, so the reports keep their own small catalogue, keyed by language
(English and Mongolian; another language falls back to English word by word). Labels of the
method (dimensions, levels, choices, definitions) come from the method workbook in each language;
names of aimags and entity types from the reference data or the edge's registry.

Example::

    >>> words("mn")["summary"]
    'Хураангуй'
    >>> number(12345.6, "score", "en"), number(0.256, "share", "mn")
    ('12,345.6', '26%')
"""

from __future__ import annotations

import datetime
import math

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

LANGUAGES = ("en", "mn")

EN: dict[str, str] = {
    "report_title": "Findings of the SSE self-assessment survey",
    "entity_title": "Self-assessment result",
    "generated": "Prepared on {date} by Solidata {version}.",
    "edition_full": "Full edition for researchers: every cell is shown. Not for publication.",
    "edition_suppressed": (
        "Edition for the committee and publication: groups of fewer than {n} entities are "
        "hidden (x), and so is every number from which one could be worked out."
    ),
    "synthetic": (
        "SYNTHETIC DATA: the entities and answers in this report are invented for demonstration. "
        "They are not the Mongolian survey of SSE entities and must not be cited as findings."
    ),
    "contents": "Contents",
    "figure": "Figure {n}",
    "table": "Table {n}",
    "page": "Page",
    "summary": "Summary",
    "method": "Method and sample",
    "profile": "Respondents' profile",
    "results": "Results by purpose, principle and value",
    "by_group": "Results by entity type and aimag",
    "definitions": "Definitions of an SSE entity and the workbench comparison",
    "challenges": "Challenges and opportunities",
    "boundaries_credit": "Boundaries: Natural Earth (public domain), via Apache Superset "
    "(Apache-2.0)",
    "boxes_intro": (
        "Case studies from the field, coded with the same lists of challenges and opportunities "
        "as the survey's questions. Quoted with the consent of the people interviewed."
    ),
    "box_title": "Case study {n}: {title}",
    "box_where": "{entity_type}, {place}",
    "box_challenges": "Challenges: {codes}",
    "box_opportunities": "Opportunities: {codes}",
    "box_synthetic": "Synthetic case study, invented for the demonstration.",
    "annex": "Annex tables",
    "limitations": "Limitations",
    "summary_size": (
        "{n} entities in {areas} aimags and the capital answered the self-assessment "
        "({survey}, method {method} version {version})."
    ),
    "summary_types": "The largest group is {label}: {count} entities.",
    "summary_high": "The highest median score is for {label} ({value} of 100); the lowest for "
    "{low} ({low_value}).",
    "summary_definition": "{share} of the entities whose result is determined meet the definition "
    "\u201c{label}\u201d.",
    "summary_weighted": "Tables add estimates weighted to a sampling frame, with standard errors "
    "and 95% confidence intervals; the medians and shares above describe the entities that "
    "answered.",
    "summary_unweighted": "Figures are not weighted: they describe the entities that answered, "
    "not all SSE entities of the country.",
    "method_text": (
        "Each entity assessed itself with the method \u201c{method}\u201d (version {version}). "
        "Every scored answer gives a number from 0 to 1; indicators are weighted means of their "
        "answers (0-100), and the purpose, the four principles, the six values and the aspirations "
        "are weighted means of their indicators. A dimension with too few answers has no score "
        "rather than a low one. Scores fall into the levels {levels}."
    ),
    "sample_text": (
        "The findings count {n} approved, scored submissions. {pending} submissions awaiting "
        "review are left out."
    ),
    "weighting_text": "Estimates are weighted to the sampling frame \u201c{frame}\u201d.",
    "no_frame_text": (
        "No sampling frame is applied: the figures describe the sample, and differences between "
        "groups are not tested for significance."
    ),
    "frame_problem": "The sampling frame could not be applied: {problem}",
    "limit_self": (
        "The scores are self-assessments: they say how entities describe themselves, not what an "
        "auditor would find."
    ),
    "limit_sample": (
        "The entities that answered were reached through registries and networks; those without "
        "either are under-represented."
    ),
    "limit_small": "Groups of fewer than {n} entities are too small for statistics and are hidden.",
    "limit_synthetic": (
        "This edition rests on synthetic demonstration data (see the notice on the cover)."
    ),
    "absent": "absent in {country}",
    "absent_note": (
        "Entity types marked \u201cabsent in {country}\u201d do not exist there as a distinct "
        "form; they are not zero counts."
    ),
    "count_entities": "Entities",
    "by_type": "Entities by ILO entity type",
    "by_legal_form": "Entities by legal form",
    "by_sector": "Entities by sector",
    "by_area": "Entities by aimag",
    "by_type_area": "Entities by aimag and ILO entity type",
    "chart_by_type": "Entities by ILO entity type (number)",
    "spread_caption": "Scores of {group}: median (dot) and middle half of the entities (bar)",
    "spread_axis": "Score (0-100)",
    "spread_alt": "{label}: median {median}, middle half from {p25} to {p75}.",
    "hidden_alt": "{label}: hidden (too few entities).",
    "bar_alt": "{label}: {value}.",
    "group_purpose": "the purpose and the principles",
    "group_value": "the values",
    "group_aspiration": "the aspirations",
    "overview_table": "Scores of every dimension: all entities",
    "means_by": "Mean score of each dimension by {variable}",
    "map_caption": "Share of entities meeting \u201c{label}\u201d, by aimag",
    "map_alt": "The map shows the shares of Table {n}.",
    "definitions_text": "Each definition is a rule over the scores and answers: {rules}",
    "definitions_table": "Entities meeting each definition",
    "definition": "Definition",
    "meets": "meets",
    "does_not_meet": "does not meet",
    "undetermined": "undetermined",
    "share_meets": "Share that meets",
    "moves_table": "From \u201c{a}\u201d (rows) to \u201c{b}\u201d (columns): entities",
    "moves_text": "The workbench compares the first two definitions of the method entity by "
    "entity: {moved_in} entities meet only the second, {moved_out} only the first.",
    "no_definitions": "The method defines no SSE entity.",
    "choices_caption": "{question}: share of entities",
    "choices_table": "{question}",
    "no_choices": (
        "The method asks no multiple-choice question about challenges or opportunities; the "
        "section is empty."
    ),
    "share_axis": "Share of entities (%)",
    "hidden": "hidden",
    "hidden_mark": "x",
    "dash": "–",
    "note_hidden": "x: hidden, fewer than {n} entities (or a cell from which one could be worked "
    "out).",
    "annex_text": "The tables below give the full detail behind the figures.",
    "entity_intro": "{name} assessed itself in the survey \u201c{survey}\u201d with the method "
    "\u201c{method}\u201d (version {version}).",
    "entity_scores": "Scores of {name} and of its peers",
    "entity_chart": "{name}: score (diamond) and the peers' median (dot) and middle half (bar)",
    "entity_own": "Score",
    "entity_level": "Level",
    "entity_peer_median": "Peers' median",
    "entity_peer_range": "Peers' middle half",
    "entity_definitions": "Definitions of an SSE entity",
    "entity_result": "Result",
    "entity_recommendations": "Recommendations",
    "entity_no_score": "no score (too few answers)",
    "entity_more": "{n} more recommendations are on the result page of the self-assessment.",
    "entity_peers": "Peers: the {n} entities of the survey with an approved, scored submission.",
    "dimension": "Dimension",
}

MN: dict[str, str] = {
    "report_title": "НЭЗ-ийн өөрийн үнэлгээний судалгааны дүн",
    "entity_title": "Өөрийн үнэлгээний дүн",
    "generated": "{date}-нд Solidata {version} программаар бэлтгэв.",
    "edition_full": "Судлаачдад зориулсан бүрэн хувилбар: бүх нүдийг харуулсан. Нийтлэхгүй.",
    "edition_suppressed": (
        "Хороо болон нийтлэлд зориулсан хувилбар: {n}-аас цөөн байгууллагатай бүлгийг нуусан (x), "
        "мөн үүнийг тооцоолж гаргах боломжтой тоо бүрийг нуусан."
    ),
    "synthetic": (
        "ЗОХИОМОЛ ӨГӨГДӨЛ: энэ тайлангийн байгууллага, хариултууд нь үзүүлэнд зориулан зохиосон. "
        "Тэдгээр нь Монголын НЭЗ-ийн байгууллагуудын судалгаа биш бөгөөд судалгааны дүн болгон "
        "иш татаж болохгүй."
    ),
    "contents": "Гарчиг",
    "figure": "Зураг {n}",
    "table": "Хүснэгт {n}",
    "page": "Хуудас",
    "summary": "Хураангуй",
    "method": "Арга зүй ба түүвэр",
    "profile": "Оролцогчдын бүтэц",
    "results": "Зорилго, зарчим, үнэт зүйлсээрх үр дүн",
    "by_group": "Байгууллагын төрөл ба аймгаарх үр дүн",
    "definitions": "НЭЗ-ийн байгууллагын тодорхойлолтууд ба ажлын талбарын харьцуулалт",
    "challenges": "Хүндрэл ба боломж",
    "boundaries_credit": "Хил хязгаар: Natural Earth (нийтийн өмч), Apache Superset-ээр дамжуулан "
    "(Apache-2.0)",
    "boxes_intro": (
        "Хээрийн тохиолдлын судалгаанууд; судалгааны асуултуудын хүндрэл, боломжийн ижил "
        "жагсаалтаар кодолсон. Ярилцлага өгсөн хүмүүсийн зөвшөөрлөөр иш татав."
    ),
    "box_title": "Тохиолдлын судалгаа {n}: {title}",
    "box_where": "{entity_type}, {place}",
    "box_challenges": "Хүндрэл: {codes}",
    "box_opportunities": "Боломж: {codes}",
    "box_synthetic": "Зохиомол тохиолдлын судалгаа, үзүүлэн болгон зохиосон.",
    "annex": "Хавсралт хүснэгтүүд",
    "limitations": "Хязгаарлалт",
    "summary_size": (
        "{areas} аймаг, нийслэлийн {n} байгууллага өөрийн үнэлгээг бөглөсөн ({survey}, "
        "{method} арга зүй, {version} хувилбар)."
    ),
    "summary_types": "Хамгийн том бүлэг нь {label}: {count} байгууллага.",
    "summary_high": "Медиан оноо хамгийн өндөр нь {label} ({value}/100); хамгийн бага нь "
    "{low} ({low_value}).",
    "summary_definition": "Дүн нь тодорхой гарсан байгууллагуудын {share} нь "
    "\u201c{label}\u201d тодорхойлолтыг хангаж байна.",
    "summary_weighted": "Хүснэгтүүдэд түүврийн хүрээгээр жигнэсэн үнэлгээг стандарт алдаа, 95% "
    "итгэх интервалын хамт нэмсэн; дээрх медиан, хувь нь хариулсан байгууллагуудыг илэрхийлнэ.",
    "summary_unweighted": "Тоо баримтыг жигнээгүй: улсын бүх НЭЗ-ийн байгууллагыг бус, "
    "хариулсан байгууллагуудыг илэрхийлнэ.",
    "method_text": (
        "Байгууллага бүр \u201c{method}\u201d арга зүйгээр ({version} хувилбар) өөрийгөө "
        "үнэлсэн. Оноотой хариулт бүр 0-ээс 1 хүртэлх тоо өгнө; үзүүлэлт нь хариултуудынхаа "
        "жигнэсэн дундаж (0-100), зорилго, дөрвөн зарчим, зургаан үнэт зүйл, хүсэл эрмэлзэл нь "
        "үзүүлэлтүүдийнхээ жигнэсэн дундаж. Хариулт хангалтгүй хэмжээс бага оноо биш, оноогүй "
        "үлдэнэ. Оноо нь {levels} гэсэн түвшинд хуваагдана."
    ),
    "sample_text": (
        "Судалгааны дүнд батлагдсан, оноо өгсөн {n} материалыг тооцсон. Хянагдахыг хүлээж буй "
        "{pending} материалыг оруулаагүй."
    ),
    "weighting_text": "Үнэлгээг \u201c{frame}\u201d түүврийн хүрээгээр жигнэсэн.",
    "no_frame_text": (
        "Түүврийн хүрээ ашиглаагүй: тоо баримт нь түүврийг илэрхийлэх бөгөөд бүлгүүдийн "
        "ялгааны ач холбогдлыг шалгаагүй."
    ),
    "frame_problem": "Түүврийн хүрээг ашиглаж чадсангүй: {problem}",
    "limit_self": (
        "Оноо нь өөрийн үнэлгээ: аудитор юу олохыг бус, байгууллага өөрийгөө хэрхэн "
        "тодорхойлж буйг харуулна."
    ),
    "limit_sample": (
        "Хариулсан байгууллагуудыг бүртгэл, сүлжээгээр дамжуулан хамруулсан; аль алинд нь "
        "хамрагдаагүй байгууллагууд дутуу төлөөлөгдсөн."
    ),
    "limit_small": "{n}-аас цөөн байгууллагатай бүлэг статистикт хэт жижиг тул нуусан.",
    "limit_synthetic": "Энэ хувилбар зохиомол, үзүүлэнгийн өгөгдөлд тулгуурласан (нүүрэн "
    "хуудасны анхааруулгыг үзнэ үү).",
    "absent": "{country} байхгүй",
    "absent_note": (
        "\u201c{country} байхгүй\u201d гэж тэмдэглэсэн төрөл тэнд тусдаа хэлбэрээр байдаггүй; "
        "энэ нь тэг тоо биш."
    ),
    "count_entities": "Байгууллагууд",
    "by_type": "ОУХБ-ын ангиллын байгууллагын төрлөөр",
    "by_legal_form": "Хуулийн этгээдийн хэлбэрээр",
    "by_sector": "Салбараар",
    "by_area": "Аймгаар",
    "by_type_area": "Аймаг ба ОУХБ-ын ангиллын байгууллагын төрлөөр",
    "chart_by_type": "ОУХБ-ын ангиллын байгууллагын төрлөөр (тоо)",
    "spread_caption": "Оноо — {group}: медиан (цэг) ба байгууллагуудын дунд хагас (зураас)",
    "spread_axis": "Оноо (0-100)",
    "spread_alt": "{label}: медиан {median}, дунд хагас нь {p25}-аас {p75} хүртэл.",
    "hidden_alt": "{label}: нуусан (байгууллага хэт цөөн).",
    "bar_alt": "{label}: {value}.",
    "group_purpose": "Зорилго ба зарчмууд",
    "group_value": "Үнэт зүйлс",
    "group_aspiration": "Хүсэл эрмэлзэл",
    "overview_table": "Хэмжээс бүрийн оноо: бүх байгууллага",
    "means_by": "Хэмжээс бүрийн дундаж оноо, {variable}",
    "map_caption": "\u201c{label}\u201d-ыг хангаж буй байгууллагын хувь, аймгаар",
    "map_alt": "Газрын зураг нь Хүснэгт {n}-ийн хувийг харуулна.",
    "definitions_text": "Тодорхойлолт бүр нь оноо, хариултын дүрэм: {rules}",
    "definitions_table": "Тодорхойлолт бүрийг хангаж буй байгууллагууд",
    "definition": "Тодорхойлолт",
    "meets": "хангана",
    "does_not_meet": "хангахгүй",
    "undetermined": "тодорхойгүй",
    "share_meets": "Хангаж буй хувь",
    "moves_table": "\u201c{a}\u201d (мөр)-аас \u201c{b}\u201d (багана) руу: байгууллагууд",
    "moves_text": "Ажлын талбар нь арга зүйн эхний хоёр тодорхойлолтыг байгууллага бүрээр "
    "харьцуулна: {moved_in} байгууллага зөвхөн хоёрдугаарыг, {moved_out} нь зөвхөн эхнийхийг "
    "хангана.",
    "no_definitions": "Арга зүйд НЭЗ-ийн байгууллагын тодорхойлолт алга.",
    "choices_caption": "{question}: байгууллагын хувь",
    "choices_table": "{question}",
    "no_choices": (
        "Арга зүйд хүндрэл, боломжийн талаар олон сонголттой асуулт алга; энэ хэсэг хоосон."
    ),
    "share_axis": "Байгууллагын хувь (%)",
    "hidden": "нуусан",
    "hidden_mark": "x",
    "dash": "–",
    "note_hidden": "x: нуусан — {n}-аас цөөн байгууллага (эсвэл үүнийг тооцоолж гаргах "
    "боломжтой нүд).",
    "annex_text": "Доорх хүснэгтүүд зургуудын ард буй бүрэн мэдээллийг өгнө.",
    "entity_intro": "{name} \u201c{survey}\u201d судалгаанд \u201c{method}\u201d арга зүйгээр "
    "({version} хувилбар) өөрийгөө үнэлсэн.",
    "entity_scores": "{name} болон түүний ижил төстэй байгууллагуудын оноо",
    "entity_chart": "{name}: оноо (ромбо), ижил төстэй байгууллагуудын медиан (цэг) ба дунд "
    "хагас (зураас)",
    "entity_own": "Оноо",
    "entity_level": "Түвшин",
    "entity_peer_median": "Ижил төстэй байгууллагуудын медиан",
    "entity_peer_range": "Ижил төстэй байгууллагуудын дунд хагас",
    "entity_definitions": "НЭЗ-ийн байгууллагын тодорхойлолтууд",
    "entity_result": "Дүн",
    "entity_recommendations": "Зөвлөмж",
    "entity_no_score": "оноогүй (хариулт хангалтгүй)",
    "entity_more": "Өөр {n} зөвлөмжийг өөрийн үнэлгээний дүнгийн хуудаснаас үзнэ үү.",
    "entity_peers": "Ижил төстэй байгууллагууд: судалгаанд батлагдсан, оноо өгсөн {n} байгууллага.",
    "dimension": "Хэмжээс",
}

CATALOGUE: dict[str, dict[str, str]] = {"en": EN, "mn": MN}
# "in <country>" in Mongolian takes the locative case, which depends on the name.
IN_COUNTRY = {
    "mn": {"MN": "Монголд", "KH": "Камбожид", "KG": "Киргизэд", "TH": "Тайландад", "VN": "Вьетнамд"}
}


def words(lang: str) -> dict[str, str]:
    """The report's words in ``lang``, English for any word (or language) not translated."""
    return {**EN, **CATALOGUE.get(lang, {})}


def number(value: float | None, kind: str, lang: str) -> str:
    """A table value as text in ``lang``: shares as percentages, scores to one decimal, counts and
    totals grouped by thousands; "–" when there is nothing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if kind == "share":
        return str(format_percent(value, "#,##0%", locale=lang))
    if kind == "score":
        return str(format_decimal(round(value, 1), "#,##0.0", locale=lang))
    if kind == "total" and abs(value - round(value)) > 1e-9:
        return str(format_decimal(round(value, 1), "#,##0.0", locale=lang))
    return str(format_decimal(round(value), "#,##0", locale=lang))


def date_text(day: datetime.date, lang: str) -> str:
    """``day`` in the long form of ``lang``."""
    return str(format_date(day, format="long", locale=lang))
