"""The advice sheets of the bundled ILO 2022 method: recommendations and the glossary.

Recommendations point to practical next steps and to the ILO's cooperative training tools
(Think.COOP, Start.COOP, Manage.COOP, My.COOP). The glossary holds the Mongolian names of the SSE,
its purpose, principles and values and the entity types as WORKING TRANSLATIONS: no established
Mongolian term exists yet, and the national advisory committee is to settle them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Recommendation:
    target: str
    below: int
    en: str
    mn: str
    resource: str = ""


@dataclass(frozen=True)
class Term:
    id: str
    en: str
    mn: str
    note: str


THINK = "ILO Think.COOP: an orientation on the cooperative business model (2018)"
START = "ILO Start.COOP: a participatory tool for launching a cooperative (2018)"
MANAGE_GOV = "ILO Manage.COOP: governance and leadership"
MANAGE_COMM = "ILO Manage.COOP: effective and open communication"
MANAGE_FIN = "ILO Manage.COOP: financial management"
MANAGE_HR = "ILO Manage.COOP: human resource management"
MANAGE_MARKET = "ILO Manage.COOP: business and market growth"
MY_INPUTS = "ILO My.COOP: managing your agricultural cooperative, module 3 (supply of farm inputs)"
MY_MARKETING = (
    "ILO My.COOP: managing your agricultural cooperative, module 4 (collective marketing)"
)
MY_BASICS = "ILO My.COOP: managing your agricultural cooperative, module 1 (basics)"
FPRW = (
    "ILO Declaration on Fundamental Principles and Rights at Work (1998, amended 2022); "
    "ILO Conventions No. 87 (freedom of association), No. 29 (forced labour), No. 138 and "
    "No. 182 (child labour)"
)
OSH = (
    "ILO Convention No. 155 (occupational safety and health); Mongolia, Law on Occupational "
    "Safety and Health (2008)"
)

RECOMMENDATIONS = [
    Recommendation(
        "PUR",
        60,
        "Agree with your members whom you serve and what you want to achieve for them, and write "
        "it in your charter. Each year, look back at the general assembly at what you did for "
        "that aim.",
        "Хэнд үйлчилж, тэдэнд юу хүргэхийг зорьж байгаагаа гишүүдтэйгээ тохиролцож, дүрэмдээ "
        "бичээрэй. Энэ зорилгынхоо төлөө юу хийснээ жил бүр нийт хурлаараа дүгнээрэй.",
        THINK,
    ),
    Recommendation(
        "PUR_AIM",
        50,
        "Add a clear social, economic or environmental aim to your charter the next time you "
        "revise it.",
        "Дараагийн удаа дүрмээ шинэчлэхдээ нийгэм, эдийн засаг, байгаль орчны тодорхой зорилго "
        "нэмж оруулаарай.",
        START,
    ),
    Recommendation(
        "P1",
        60,
        "Open membership to everyone who shares your aims and can use your services. Write the "
        "rules for joining and leaving in the charter and explain them to new members.",
        "Зорилгыг тань хуваалцаж, үйлчилгээг тань ашиглаж чадах хүн бүрт гишүүнчлэлээ нээлттэй "
        "болгоорой. Элсэх, гарах журмаа дүрэмдээ бичиж, шинэ гишүүддээ тайлбарлаарай.",
        THINK + "; ICA cooperative principle 1 (voluntary and open membership)",
    ),
    Recommendation(
        "P1_EXIT",
        50,
        "Write in the charter how a member leaves, and when and how their paid-in share is "
        "returned.",
        "Гишүүн хэрхэн гарах, оруулсан хувь хөрөнгийг нь хэзээ, яаж буцаан олгохыг дүрэмдээ "
        "тодорхой бичээрэй.",
        START,
    ),
    Recommendation(
        "P1_AID",
        50,
        "Start with one practical way of helping each other: buying feed together before "
        "winter, sharing a vehicle, or a small emergency fund for dzud.",
        "Харилцан туслах нэг бодит арга хэлбэрээс эхлээрэй: өвөлжилтийн өмнө тэжээлээ хамтдаа "
        "авах, унаагаа хамтран ашиглах, эсвэл зудын үед зориулсан жижиг нөөц сан байгуулах.",
        MY_INPUTS,
    ),
    Recommendation(
        "P2",
        60,
        "Hold a general assembly at least once a year, give each member one vote, and let the "
        "members elect the leaders and approve the plan, the budget and the accounts. Whether or "
        "not you have members, give the people you serve, your workers and the community a seat "
        "where decisions are taken, ask their views before important decisions, and tell them "
        "each year what you decided and how you used the money.",
        "Гишүүдийн нийт хурлыг жилд дор хаяж нэг удаа хийж, гишүүн бүрт нэг санал өгч, удирдлагаа "
        "сонгох, төлөвлөгөө, төсөв, санхүүгийн тайлангаа батлах эрхийг гишүүдэд олгоорой. "
        "Гишүүнтэй эсэхээс үл хамааран үйлчлүүлэгчид, ажилчид, нутгийн иргэддээ шийдвэр "
        "гаргадаг газарт суудал олгож, чухал шийдвэрийн өмнө санал бодлыг нь асууж, юу "
        "шийдсэн, мөнгөө хэрхэн зарцуулснаа жил бүр мэдээлээрэй.",
        MANAGE_GOV + "; ICA cooperative principle 2 (democratic member control)",
    ),
    Recommendation(
        "P2_ASSEMBLY",
        50,
        "To bring more members to the assembly, hold it outside the busy seasons, announce it "
        "early by phone and in group chats, and allow voting by proxy if your charter permits.",
        "Нийт хуралд олон гишүүн оролцуулахын тулд завгүй улирлаас өөр үед товлож, утсаар болон "
        "группээр эрт мэдэгдэж, дүрэмд тань зөвшөөрсөн бол итгэмжлэлээр санал өгөх боломж "
        "олгоорой.",
        MANAGE_COMM,
    ),
    Recommendation(
        "P2_STAKEHOLDERS",
        50,
        "Invite representatives of the people you serve, of your workers and of the community to "
        "sit on your board or on an advisory council.",
        "Үйлчлүүлэгчид, ажилчид, нутгийн иргэдийнхээ төлөөллийг удирдах зөвлөл эсвэл зөвлөх "
        "зөвлөлдөө суулгаарай.",
        MANAGE_GOV,
    ),
    Recommendation(
        "P3",
        60,
        "Make sure the members elect the leaders and that no outside body can overrule the "
        "members' decisions. Put the terms of grants and loans in written contracts that respect "
        "your charter.",
        "Удирдлагаа гишүүд сонгодог байх, гишүүдийн шийдвэрийг гадны ямар ч байгууллага хүчингүй "
        "болгож чадахгүй байхад анхаараарай. Буцалтгүй тусламж, зээлийн нөхцөлийг дүрэмтэйгээ "
        "нийцсэн, бичгээр байгуулсан гэрээнд тусгаарай.",
        MANAGE_GOV + "; ICA cooperative principle 4 (autonomy and independence)",
    ),
    Recommendation(
        "P3_INCOME",
        50,
        "Depending on one funder for most of your income weakens your independence. Find more "
        "funders, and income of your own: member fees, or selling a product or a service your "
        "members already make.",
        "Орлогынхоо ихэнхийг ганц санхүүжүүлэгчээс авах нь бие даасан байдлыг сулруулдаг. Өөр "
        "санхүүжүүлэгчид, мөн гишүүнчлэлийн хураамж, гишүүдийнхээ үйлдвэрлэж буй бүтээгдэхүүн, "
        "үйлчилгээг борлуулах зэргээр өөрсдийн орлогын эх үүсвэр хайгаарай.",
        MANAGE_MARKET + "; " + MY_MARKETING,
    ),
    Recommendation(
        "P4",
        60,
        "Agree in the charter that most of the surplus stays in the organisation or goes back "
        "to members according to how much they used it, that returns on money invested are "
        "limited, and that the assets are not shared out if you close.",
        "Ашгийн ихэнхийг байгууллагадаа үлдээх эсвэл гишүүдэд байгууллагаар хэр их "
        "үйлчлүүлснээр нь буцаан олгох, оруулсан хөрөнгийн өгөөжийг хязгаарлах, татан буугдвал "
        "хөрөнгийг хувааж авахгүй байхыг дүрэмдээ тусгаарай.",
        MANAGE_FIN + "; ICA cooperative principle 3 (member economic participation)",
    ),
    Recommendation(
        "P4_ASSETS",
        50,
        "Add an asset lock to the charter: after the debts and the members' paid-in shares, "
        "whatever is left goes to another cooperative or to a community purpose.",
        "Дүрэмдээ хөрөнгийг хуваахыг хориглох заалт нэмээрэй: өр төлбөр, гишүүдийн оруулсан хувь "
        "хөрөнгийг буцаан олгосны дараа үлдсэн хөрөнгө өөр хоршоо эсвэл нийтийн зорилгод шилжинэ.",
        START,
    ),
    Recommendation(
        "V1",
        60,
        "Choose two or three practical steps for nature and the community, such as a pasture "
        "rotation plan agreed with neighbours, sorting waste, or a fund for vulnerable "
        "households, and report on them every year.",
        "Байгаль орчин, нутгийн иргэдийнхээ төлөө хоёр гурван бодит алхам сонгоорой: жишээ нь "
        "хөршүүдтэйгээ тохирсон бэлчээр сэлгэх төлөвлөгөө, хог хаягдлаа ангилах, эмзэг өрхөд "
        "туслах сан. Эдгээрийнхээ талаар жил бүр тайлагнаарай.",
        "ICA cooperative principle 7 (concern for community)",
    ),
    Recommendation(
        "V2",
        60,
        "Aim for at least 40% women on the board and at the general assembly, support women to "
        "stand as chair, keep the gap between the highest and the lowest pay small, and make "
        "joining affordable for poorer households.",
        "Удирдах зөвлөл болон нийт хуралд оролцогчдын дор хаяж 40%-ийг эмэгтэйчүүд эзлэхийг "
        "зорьж, эмэгтэйчүүдийг дарга болоход нь дэмжиж, хамгийн өндөр, хамгийн бага цалингийн "
        "зөрүүг бага байлгаж, ядуу өрхүүд гишүүнээр элсэх боломжтой байлгаарай.",
        "ILO and ICA: Advancing gender equality, the co-operative way (2015)",
    ),
    Recommendation(
        "V2_WOMEN_BOARD",
        50,
        "At the next election, encourage women members to stand for the board, and hold "
        "meetings at times and places where women can come.",
        "Дараагийн сонгуулиар эмэгтэй гишүүдийг удирдах зөвлөлд нэрээ дэвшүүлэхийг урамшуулж, "
        "хурлаа эмэгтэйчүүд ирэх боломжтой цаг, газарт зохион байгуулаарай.",
        MANAGE_GOV,
    ),
    Recommendation(
        "V2_PAY",
        50,
        "Agree a maximum ratio between the highest and the lowest pay, for example 5 to 1, and "
        "tell the members.",
        "Хамгийн өндөр ба хамгийн бага цалингийн харьцааны дээд хязгаарыг (жишээ нь 5:1) "
        "тогтоож, гишүүддээ мэдэгдээрэй.",
        MANAGE_HR,
    ),
    Recommendation(
        "V3",
        60,
        "Join your soum or aimag union of cooperatives or a national association, and try one "
        "joint activity with a neighbouring organisation, such as selling together at a fair.",
        "Сум, аймгийнхаа хоршоодын холбоо эсвэл улсын хэмжээний холбоонд элсэж, хөрш "
        "байгууллагатайгаа нэг ажлыг, жишээ нь үзэсгэлэн худалдаанд хамтдаа оролцохыг туршаад "
        "үзээрэй.",
        "ICA cooperative principle 6 (cooperation among cooperatives); " + MY_MARKETING,
    ),
    Recommendation(
        "V4",
        60,
        "Have the members adopt the charter at the general assembly, elect a control committee, "
        "hold elections at regular intervals and train new leaders.",
        "Дүрмээ гишүүдийн нийт хурлаар батлуулж, хяналтын зөвлөлөө сонгож, сонгуулиа тогтмол "
        "хугацаанд хийж, шинэ удирдагчдыг бэлтгээрэй.",
        MANAGE_GOV,
    ),
    Recommendation(
        "V4_TRAINING",
        50,
        "Organise at least one training a year for members, for example on how a cooperative "
        "works or on bookkeeping.",
        "Гишүүддээ жилд дор хаяж нэг удаа сургалт зохион байгуулаарай, жишээ нь хоршоо хэрхэн "
        "ажилладаг, эсвэл нягтлан бодох бүртгэлийн талаар.",
        THINK
        + "; "
        + MY_BASICS
        + "; ICA cooperative principle 5 (education, training and information)",
    ),
    Recommendation(
        "V5",
        60,
        "Keep written accounts, have them checked by the control committee or an auditor, and "
        "present them to every member each year.",
        "Санхүүгийн бүртгэлээ бичгээр хөтөлж, хяналтын зөвлөл эсвэл аудитороор шалгуулж, жил бүр "
        "гишүүн бүрт танилцуулаарай.",
        MANAGE_FIN,
    ),
    Recommendation(
        "V5_ACCOUNTS",
        50,
        "Start with a simple cash book of every payment in and out, signed each month by two "
        "people.",
        "Орсон, гарсан төлбөр бүрийг бичдэг энгийн кассын дэвтэр хөтөлж, сар бүр хоёр хүнээр "
        "гарын үсэг зуруулж эхлээрэй.",
        MANAGE_FIN,
    ),
    Recommendation(
        "V6",
        60,
        "Give every worker a written contract, pay social insurance and at least the minimum "
        "wage, keep work safe, respect workers' right to organise, pay relatives who work for "
        "you, and help members join voluntary social insurance.",
        "Ажилтан бүртэй бичгээр хөдөлмөрийн гэрээ байгуулж, нийгмийн даатгалын шимтгэлийг нь "
        "төлж, хөдөлмөрийн хөлсний доод хэмжээнээс багагүй цалин олгоорой. Ажлын аюулгүй байдлыг "
        "хангаж, ажилчдын эвлэлдэн нэгдэх эрхийг хүндэтгэж, танайд ажилладаг гэр бүлийн хүмүүст "
        "цалин олгоорой. Гишүүдээ сайн дурын нийгмийн даатгалд хамрагдахад нь тусалаарай.",
        MANAGE_HR,
    ),
    Recommendation(
        "V6_MEMBER_INSURANCE",
        50,
        "Invite the soum social insurance officer to a members' meeting to explain the voluntary "
        "insurance for herders and the self-employed.",
        "Малчид болон хувиараа хөдөлмөр эрхлэгчдийн сайн дурын даатгалын талаар тайлбарлуулахаар "
        "сумын нийгмийн даатгалын ажилтныг гишүүдийн хуралд урьж оролцуулаарай.",
        "The social insurance office of your soum or district",
    ),
    Recommendation(
        "V6_RIGHTS",
        100,
        "No child under 15 should work for the organisation, nobody under 18 should do "
        "dangerous work, and nobody should be made to work against their will; workers must be "
        "free to join a trade union or to choose their representatives. Ask the labour inspector "
        "of your aimag or district for advice.",
        "15-аас доош насны хүүхэд байгууллагад ажиллах, 18-аас доош насны хүн аюултай ажил хийх, "
        "хэн нэгнийг хүсэл зоригийнх нь эсрэг ажиллуулах ёсгүй; ажилчид үйлдвэрчний эвлэлд "
        "элсэх, төлөөлөгчөө сонгох эрхтэй байх ёстой. Аймаг, дүүргийнхээ хөдөлмөрийн "
        "байцаагчаас зөвлөгөө аваарай.",
        FPRW,
    ),
    Recommendation(
        "V6_SAFETY",
        50,
        "Give protective clothing and equipment free of charge, keep a first-aid kit with "
        "someone trained to use it, and train everyone who works for you to work safely.",
        "Хамгаалалтын хувцас, хэрэгслийг үнэ төлбөргүй олгож, анхны тусламжийн хэрэгсэл, "
        "түүнийг хэрэглэж чадах хүнтэй байж, танайд ажилладаг бүх хүнийг аюулгүй ажиллах "
        "сургалтад хамруулаарай.",
        OSH,
    ),
    Recommendation(
        "AS",
        60,
        "Register the organisation, make a plan for at least three years, and build up a "
        "reserve fund for hard years.",
        "Байгууллагаа улсын бүртгэлд бүртгүүлж, дор хаяж гурван жилийн төлөвлөгөө гаргаж, хүнд "
        "жилд зориулсан нөөц сан бүрдүүлээрэй.",
        START,
    ),
    Recommendation(
        "AS_FORMAL",
        50,
        "Registration gives you legal protection and access to loans and public programmes. Ask "
        "the registration office of your aimag or district which documents you need.",
        "Улсын бүртгэлд бүртгүүлснээр хууль эрх зүйн хамгаалалттай болж, зээл, төрийн "
        "хөтөлбөрт хамрагдах боломж нээгдэнэ. Ямар бичиг баримт хэрэгтэйг аймаг, дүүргийнхээ "
        "бүртгэлийн албанаас лавлаарай.",
        START + "; ILO Recommendation No. 204 on the transition from the informal to the formal "
        "economy (2015)",
    ),
    Recommendation(
        "AS_PLAN",
        50,
        "Set aside a fixed share of each year's surplus in a reserve fund, and write a simple "
        "three-year plan together with your members.",
        "Жил бүрийн ашгийнхаа тогтмол хувийг нөөц санд хуримтлуулж, гишүүдтэйгээ хамт энгийн "
        "гурван жилийн төлөвлөгөө боловсруулаарай.",
        START + "; " + MANAGE_FIN,
    ),
]


def _note(extra: str = "No established Mongolian term exists yet.") -> str:
    return f"WORKING TRANSLATION, for the national advisory committee to settle. {extra}"


GLOSSARY = [
    Term(
        "sse",
        "Social and solidarity economy (SSE)",
        "Нийгмийн болон эв санааны эдийн засаг",
        _note(
            "No established Mongolian term exists yet; also proposed: "
            "«нийгмийн ба эв нэгдлийн эдийн засаг»."
        ),
    ),
    Term(
        "sse_entity",
        "SSE entity",
        "Нийгмийн болон эв санааны эдийн засгийн байгууллага",
        _note(
            "No established term; «байгууллага» is meant to cover every form, including "
            "unregistered groups."
        ),
    ),
    Term(
        "purpose",
        "Purpose: serving the collective and/or general interest",
        "Зорилго: хамтын болон/эсвэл нийтийн ашиг сонирхолд үйлчлэх",
        _note(),
    ),
    Term(
        "p1",
        "Voluntary cooperation and mutual aid",
        "Сайн дурын хамтын ажиллагаа, харилцан туслалцаа",
        _note(),
    ),
    Term(
        "p2",
        "Democratic and/or participatory governance",
        "Ардчилсан болон/эсвэл оролцооны засаглал",
        _note(
            "No established term; «засаглал» (governance) rather than «удирдлага» (management); "
            "«оролцооны засаглал» since version 2026.2 (before: «оролцоонд суурилсан засаглал»)."
        ),
    ),
    Term(
        "p3",
        "Autonomy and independence",
        "Бие даасан байдал, хараат бус байдал",
        _note(),
    ),
    Term(
        "p4",
        "Primacy of people and social purpose over capital in the distribution and use of "
        "surpluses and/or profits, as well as assets",
        "Капиталаас илүү хүн ба нийгмийн зорилгыг ашиг, хөрөнгийг хуваарилах, ашиглахад эрхэмлэх",
        _note(
            "No established term; «капитал» and «хөрөнгө» both render capital, and the survey "
            "questions use the plainer «хөрөнгө»."
        ),
    ),
    Term(
        "v1", "Care for people and planet", "Хүн ба байгаль дэлхийд анхаарал халамж тавих", _note()
    ),
    Term("v2", "Equality and fairness", "Тэгш байдал, шударга ёс", _note()),
    Term(
        "v3",
        "Interdependence",
        "Харилцан хамаарал",
        _note("No established term; alternative: «харилцан хамааралтай байдал»."),
    ),
    Term(
        "v4",
        "Self-governance",
        "Өөрөө өөрийгөө удирдах ёс",
        _note("No established term; shorter alternative: «өөрийгөө удирдах ёс»."),
    ),
    Term("v5", "Transparency and accountability", "Ил тод байдал, хариуцлага", _note()),
    Term(
        "v6",
        "Attainment of decent work and livelihoods",
        "Зохистой хөдөлмөр, амьжиргааг хангах",
        _note(
            "«Зохистой хөдөлмөр» is already in use for the ILO's «decent work»; the whole phrase "
            "is a working translation."
        ),
    ),
    Term(
        "aspirations",
        "Aspirations: long-term viability and sustainability; transition from the informal to "
        "the formal economy",
        "Эрмэлзэл: урт хугацааны оршин тогтнох чадвар, тогтвортой байдал; албан бус эдийн "
        "засгаас албан эдийн засагт шилжих",
        _note(),
    ),
    Term(
        "cooperative",
        "Cooperative",
        "Хоршоо",
        _note(
            "«Хоршоо» is already the legal term (Law on Cooperatives, 2021); listed so that the "
            "committee can confirm it."
        ),
    ),
    Term(
        "association",
        "Association",
        "Холбоо",
        _note(
            "«Холбоо» is the usual word; associations register as non-governmental organisations "
            "(төрийн бус байгууллага)."
        ),
    ),
    Term(
        "mutual_society",
        "Mutual society",
        "Харилцан туслалцах нийгэмлэг",
        _note("No established term, and no such legal form in Mongolia."),
    ),
    Term(
        "foundation",
        "Foundation",
        "Сан",
        _note(
            "«Сан» is the usual word; foundations register as non-governmental organisations "
            "(Law on Non-Governmental Organizations, 1997) and usually have no members."
        ),
    ),
    Term(
        "social_enterprise",
        "Social enterprise",
        "Нийгмийн аж ахуйн нэгж",
        _note("No established term or legal status; «нийгмийн бизнес» is also heard."),
    ),
    Term(
        "self_help_group",
        "Self-help group",
        "Өөртөө туслах бүлэг",
        _note(
            "No established term; in Mongolia mostly herder groups (малчдын бүлэг) and pasture "
            "user groups (бэлчээр ашиглагчдын бүлэг)."
        ),
    ),
    Term(
        "surplus",
        "Surplus",
        "Ашиг",
        _note(
            "«Ашиг» (profit) is the everyday word used in the survey; «илүүдэл» is closer to "
            "«surplus» but little used."
        ),
    ),
    Term(
        "asset_lock",
        "Asset lock",
        "Хөрөнгийг хуваахыг хориглох заалт",
        _note(),
    ),
    Term(
        "participatory_governance",
        "Participatory governance",
        "Оролцооны засаглал",
        _note(
            "New in version 2026.2. The people an entity serves, its workers and the community "
            "take part in its decisions; alternative: «оролцоонд суурилсан засаглал»."
        ),
    ),
    Term(
        "stakeholders",
        "Stakeholders (the people served, workers, the community)",
        "Оролцогч талууд",
        _note("New in version 2026.2; «оролцогч тал» is in common use for «stakeholder»."),
    ),
    Term(
        "freedom_of_association",
        "Freedom of association",
        "Эвлэлдэн нэгдэх эрх",
        _note(
            "New in version 2026.2; the term of the Constitution of Mongolia, listed so that the "
            "committee can confirm it."
        ),
    ),
    Term(
        "child_labour",
        "Child labour",
        "Хүүхдийн хөдөлмөр",
        _note("New in version 2026.2; in use in ILO materials in Mongolian."),
    ),
    Term(
        "forced_labour",
        "Forced labour",
        "Албадан хөдөлмөр",
        _note("New in version 2026.2; in use in ILO materials in Mongolian."),
    ),
    Term(
        "osh",
        "Occupational safety and health",
        "Хөдөлмөрийн аюулгүй байдал, эрүүл ахуй",
        _note("New in version 2026.2; the words of Mongolia's law on the subject (2008)."),
    ),
    Term(
        "unpaid_family_labour",
        "Unpaid family labour",
        "Цалингүй гэр бүлийн хөдөлмөр",
        _note(
            "New in version 2026.2; labour statistics say «contributing family workers» "
            "(«цалингүй гэр бүлийн ажилчин»)."
        ),
    ),
    Term(
        "community_partnership",
        "Community нөхөрлөл (a community group managing natural resources)",
        "Нутгийн иргэдийн нөхөрлөл",
        _note(
            "New in version 2026.2; recognised by a contract with the soum governor (Law on "
            "Environmental Protection), unlike a for-profit partnership (нөхөрлөл) under the Law "
            "on Partnerships."
        ),
    ),
    Term(
        "general_assembly",
        "General assembly",
        "Гишүүдийн нийт хурал",
        _note(
            "«Гишүүдийн нийт хурал» is the usual name of a cooperative's general meeting; listed "
            "so that the committee can confirm it."
        ),
    ),
]
