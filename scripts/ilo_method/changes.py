"""The change notes of the bundled ILO 2022 method, written to its ``changes`` sheet.

Solidata does not read this sheet (nor do survey tools): it tells researchers, in both languages,
what changed from the previous version and why, so that a rescored submission can be explained.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    version: str
    id: str
    en: str
    mn: str


CHANGES = [
    Change(
        "2026.2",
        "participatory",
        'P2 now follows the resolution\'s "democratic and/or participatory governance": three '
        "participatory indicators asked of every entity (P2_STAKEHOLDERS: who has a seat where "
        "decisions are taken; P2_CONSULT: how those affected are consulted; P2_REPORT_BACK: "
        "whether they are told what was decided and how money was used). An entity without "
        "members (a foundation) is no longer asked member questions and can reach the P2 "
        "threshold on participation alone.",
        "P2 тогтоолын «ардчилсан болон/эсвэл оролцооны засаглал» гэсэн үгийг дагана: бүх "
        "байгууллагаас асуух оролцооны гурван үзүүлэлт нэмэв (P2_STAKEHOLDERS: шийдвэр гаргадаг "
        "газарт хэн суудалтай; P2_CONSULT: оролцогч талуудаас хэрхэн санал авдаг; P2_REPORT_BACK: "
        "юу шийдсэн, мөнгөө хэрхэн зарцуулснаа тэдэнд мэдээлдэг эсэх). Гишүүнгүй байгууллагаас "
        "(сан) гишүүдийн тухай асуухаа болив; ийм байгууллага зөвхөн оролцооны үзүүлэлтээр P2-ын "
        "босгыг давж чадна.",
    ),
    Change(
        "2026.2",
        "members_gate",
        "Member questions (joining, leaving, votes, the general assembly, member decisions, "
        "elections, members' insurance and livelihoods, the books, surplus paid to members) are "
        "asked only when the organisation counts members. Entities without members answer "
        "open_participation (P1_OPEN) instead. mutual_aid is now asked of everyone; the new "
        "voluntary_work feeds P1_VOLUNTARY.",
        "Гишүүдийн тухай асуултыг (элсэх, гарах, санал, нийт хурал, гишүүдийн шийдвэр, сонгууль, "
        "гишүүдийн даатгал, амьжиргаа, санхүүгийн баримт, гишүүдэд хуваарилсан ашиг) зөвхөн "
        "гишүүнтэй байгууллагаас асууна. Гишүүнгүй байгууллага оронд нь open_participation "
        "(P1_OPEN) асуултад хариулна. mutual_aid асуултыг бүх байгууллагаас асууна; шинэ "
        "voluntary_work асуулт P1_VOLUNTARY үзүүлэлтэд орно.",
    ),
    Change(
        "2026.2",
        "autonomy_income",
        "P3_INCOME measures dependence on the largest outside funder (largest_funder_pct: 25% or "
        "less scores 100, 75% or more scores 0). Member fees and sales are the entity's own "
        "income; before, only sales counted and fees counted as dependence.",
        "P3_INCOME нь гадны хамгийн том санхүүжүүлэгчээс хамаарах байдлыг хэмжинэ "
        "(largest_funder_pct: 25% ба түүнээс бага бол 100, 75% ба түүнээс их бол 0). "
        "Гишүүнчлэлийн хураамж, борлуулалт бол байгууллагын өөрийн орлого; өмнө нь зөвхөн "
        "борлуулалтыг тооцож, хураамжийг хараат байдал гэж үздэг байв.",
    ),
    Change(
        "2026.2",
        "decent_work",
        "V6 adds freedom of association, child labour and forced labour (V6_RIGHTS), safety and "
        "health at work (V6_SAFETY) and unpaid family labour (V6_FAMILY).",
        "V6-д эвлэлдэн нэгдэх эрх, хүүхдийн хөдөлмөр, албадан хөдөлмөр (V6_RIGHTS), хөдөлмөрийн "
        "аюулгүй байдал, эрүүл ахуй (V6_SAFETY), цалингүй гэр бүлийн хөдөлмөр (V6_FAMILY) нэмэв.",
    ),
    Change(
        "2026.2",
        "women",
        "Women's participation is scored under V2 equality and fairness: the chair's gender "
        'joins the board\'s share of women in V2_WOMEN_BOARD (now "women in leadership"), and '
        "V2_WOMEN_ASSEMBLY scores the share of women among those at the last general assembly.",
        "Эмэгтэйчүүдийн оролцоог V2 тэгш байдал, шударга ёсны дор үнэлнэ: даргын хүйсийг удирдах "
        "зөвлөл дэх эмэгтэйчүүдийн хувьтай хамт V2_WOMEN_BOARD («удирдлага дахь эмэгтэйчүүд») "
        "үзүүлэлтэд тооцож, V2_WOMEN_ASSEMBLY нь сүүлийн нийт хуралд оролцогчдын дундах "
        "эмэгтэйчүүдийн хувийг үнэлнэ.",
    ),
    Change(
        "2026.2",
        "dont_know",
        '"Don\'t know" scores 0 in every scored list. It used to count as missing, which left '
        'the other answers to carry the dimension, so "Don\'t know" could score higher than the '
        'honest "no" (V5 of one submission rose from 45 to 67). The questions ask about facts '
        "the leaders can check.",
        "«Мэдэхгүй» хариулт оноотой бүх жагсаалтад 0 оноо авна. Өмнө нь дутуу хариулт гэж "
        "тооцогддог байсан тул хэмжигдэхүүний оноог бусад хариулт тодорхойлж, «мэдэхгүй» гэсэн "
        "хариулт үнэн «үгүй»-гээс өндөр оноо авах боломжтой байв (нэг хариултын V5 45-аас 67 "
        "болж өссөн). Асуултууд удирдлагын шалгаж болох баримтын тухай.",
    ),
    Change(
        "2026.2",
        "legal_forms",
        "Legal forms: a union of cooperatives is a (secondary) cooperative; a for-profit "
        "partnership (Law on Partnerships) is apart from a community нөхөрлөл; a limited "
        "liability company (ХХК) can be a social enterprise; NGOs follow the Law on "
        "Non-Governmental Organizations (1997), public or mutual benefit. Pasture user groups "
        "and community нөхөрлөл recognised by the soum governor count as formal (registered: "
        "governor).",
        "Хуулийн этгээдийн хэлбэр: хоршооны холбоо нь (хоёрдугаар шатны) хоршоо; ашгийн төлөөх "
        "нөхөрлөл (Нөхөрлөлийн тухай хууль) нутгийн иргэдийн нөхөрлөлөөс тусдаа; хязгаарлагдмал "
        "хариуцлагатай компани (ХХК) нийгмийн аж ахуйн нэгж байж болно; ТББ нь Төрийн бус "
        "байгууллагын тухай хуулиар (1997) нийтэд болон гишүүддээ үйлчилдэг. Сумын Засаг дарга "
        "хүлээн зөвшөөрсөн бэлчээр ашиглагчдын бүлэг, нутгийн иргэдийн нөхөрлөлийг албан ёсны "
        "гэж тооцно (registered: governor).",
    ),
    Change(
        "2026.2",
        "wording",
        'Names follow the resolution: "voluntary cooperation and mutual aid", "democratic '
        'and/or participatory governance", "equality and fairness", "primacy of people and '
        'social purpose over capital", "attainment of decent work and livelihoods".',
        "Нэрсийг тогтоолын дагуу бичив: «сайн дурын хамтын ажиллагаа, харилцан туслалцаа», "
        "«ардчилсан болон/эсвэл оролцооны засаглал», «тэгш байдал, шударга ёс», «хөрөнгөөс илүү "
        "хүн ба нийгмийн зорилгыг эрхэмлэх», «зохистой хөдөлмөр, амьжиргааг хангах».",
    ),
    Change(
        "2026.2",
        "translations",
        "Mongolian: the method's title, and the training tools and texts recommendations point "
        "to, are given in Mongolian too (the glossary row form_title; resource::Mongolian (mn)). "
        "P4 reads «Капиталаас илүү хүн ба нийгмийн зорилгыг эрхэмлэх» («капитал», not «хөрөнгө», "
        "which also means assets); V4 reads «Өөрөө өөрийгөө удирдах ёс».",
        "Монгол хэл: аргачлалын нэр, зөвлөмжид заасан сургалтын хэрэглэгдэхүүн, баримт бичгийг "
        "монголоор өгөв (глоссарийн form_title мөр; resource::Mongolian (mn) багана). P4: "
        "«Капиталаас илүү хүн ба нийгмийн зорилгыг эрхэмлэх» («хөрөнгө» нь эд хөрөнгө гэсэн "
        "утгатай тул «капитал» гэж бичив); V4: «Өөрөө өөрийгөө удирдах ёс».",
    ),
    Change(
        "2026.2",
        "awareness",
        "Two unscored questions at the end ask whether the respondent knew the term \"social "
        "and solidarity economy\" before (sse_known: yes / heard but unsure / no) and whether "
        "they see their organisation as part of it (sse_part: yes / no / don't know). The "
        "findings show them by entity type and aimag, for the national advisory committee.",
        "Төгсгөлд оноогүй хоёр асуулт нэмэв: хариулагч «нийгмийн болон эв санааны эдийн засаг» "
        "гэсэн нэр томьёог өмнө нь мэддэг байсан эсэх (sse_known: тийм / сонссон ч сайн "
        "мэдэхгүй / үгүй), байгууллагаа түүний нэг хэсэг гэж үздэг эсэх (sse_part: тийм / үгүй "
        "/ мэдэхгүй). Үр дүнд байгууллагын төрөл, аймгаар нь үндэсний зөвлөх хороонд харуулна.",
    ),
]
