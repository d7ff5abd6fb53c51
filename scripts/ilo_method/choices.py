"""The choices sheet of the bundled ILO 2022 method: answer lists with their scores.

``score`` runs from 0 to 1; ``None`` (a blank cell) means "not scored": the answer counts as
missing. Since version 2026.2 "Don't know" scores 0 in every scored list: each question asks about a
fact the organisation's leaders can check, and a missing answer leaves the other answers to carry
the dimension, so an unscored "Don't know" raised the score above the honest "no". It stays blank
only in the unscored profile lists (income band, surplus). For select_multiple lists the chosen
scores are summed and capped at 1, so a score of 0.25 means "four of these practices give the full
score".

The profile lists (legal form, aimag, sector) are not typed here: they are generated from the
reference tables shipped with Solidata, so their choice names are the same codes the registry uses
(legal form codes of ``legal_forms.csv``, ISO 3166-2 codes such as ``MN-061``, ISIC sections).
"""

from __future__ import annotations

from dataclasses import dataclass

from solidata.core.reference import load_reference


@dataclass(frozen=True)
class Choice:
    name: str
    en: str
    mn: str
    score: float | None = None


# "Don't know" in a scored list: 0, never more than the honest "no" (see the module docstring).
DK = Choice("dont_know", "Don't know", "Мэдэхгүй", 0)
# "Don't know" in an unscored list (the income band, whether there was a surplus).
DK_UNSCORED = Choice("dont_know", "Don't know", "Мэдэхгүй")
NONE_OF = Choice("none", "None of these", "Эдгээрийн аль нь ч биш", 0)
OTHER = Choice("other", "Other", "Бусад")


def profile_choices() -> dict[str, list[Choice]]:
    """Legal forms, aimags and sectors, keyed by the codes of Solidata's reference tables.

    ISO 3166-2 codes such as ``MN-061`` are valid XLSForm choice names as they are (no space;
    pyxform and ODK Validate accept them), so the aimag choice names are the ISO codes unchanged
    and no mapping is needed.
    """
    ref = load_reference()
    forms = [
        Choice(f.code, f.names["en"], f.names["mn"]) for f in ref.legal_forms if f.country == "MN"
    ]
    areas = [
        Choice(a.code, a.names["en"], a.names["mn"]) for a in ref.admin_areas if a.country == "MN"
    ]
    sectors = [
        Choice(s.code, f"{s.code}. {s.names['en']}", f"{s.code}. {s.names['mn']}")
        for s in ref.sectors
    ]
    return {"legal_form": [*forms, OTHER], "aimag": areas, "sector": sectors}


CHOICES: dict[str, list[Choice]] = {
    "yes_no": [Choice("yes", "Yes", "Тийм", 1), Choice("no", "No", "Үгүй", 0)],
    "yes_no_dk": [Choice("yes", "Yes", "Тийм", 1), Choice("no", "No", "Үгүй", 0), DK],
    "role": [
        Choice("chair", "Chair or director", "Дарга, захирал"),
        Choice("board", "Board member", "Удирдах зөвлөлийн гишүүн"),
        Choice("manager", "Manager or accountant", "Менежер, нягтлан бодогч"),
        Choice("member", "Member", "Гишүүн"),
        Choice("staff", "Employee", "Ажилтан"),
        OTHER,
    ],
    # Scored since 2026.2 (V2_WOMEN_BOARD): women's part in leadership, not a judgement of men.
    "gender": [Choice("woman", "A woman", "Эмэгтэй", 1), Choice("man", "A man", "Эрэгтэй", 0)],
    "income_band": [
        Choice("none", "No income", "Орлого ороогүй"),
        Choice("lt10m", "Less than 10 million ₮", "10 сая төгрөгөөс бага"),
        Choice("m10_50", "10 to 50 million ₮", "10-50 сая төгрөг"),
        Choice("m50_200", "50 to 200 million ₮", "50-200 сая төгрөг"),
        Choice("m200_1000", "200 million to 1 billion ₮", "200 сая - 1 тэрбум төгрөг"),
        Choice("gt1000", "More than 1 billion ₮", "1 тэрбум төгрөгөөс их"),
        DK_UNSCORED,
    ],
    "income_source": [
        Choice("sales", "Selling goods or services", "Бараа, үйлчилгээ борлуулсан орлого"),
        Choice("member_fees", "Member fees and contributions", "Гишүүнчлэлийн хураамж, татвар"),
        Choice("grants", "Grants or donations", "Буцалтгүй тусламж, хандив"),
        Choice("government", "Government funding or contracts", "Төрийн санхүүжилт, захиалга"),
        Choice("loans", "Loans", "Зээл"),
        OTHER,
    ],
    # --- purpose --------------------------------------------------------------------------------
    "purpose_written": [
        Choice("written", "Yes, it is written in the charter", "Тийм, дүрэмд бичсэн", 1),
        Choice(
            "agreed",
            "We agree on it, but it is not written down",
            "Бид тохиролцсон, гэхдээ бичиж баталгаажуулаагүй",
            0.5,
        ),
        Choice(
            "profit_only",
            "No, the aim is mainly profit for the owners",
            "Үгүй, гол зорилго нь эзэмшигчдэдээ ашиг олох",
            0,
        ),
        DK,
    ],
    "beneficiaries": [
        Choice("members", "Our members and their families", "Гишүүд болон тэдний гэр бүл", 1),
        Choice("community", "Our members and the local community", "Гишүүд болон нутгийн иргэд", 1),
        Choice(
            "public",
            "People in need, or the general public",
            "Тусламж хэрэгтэй хүмүүс, эсвэл олон нийт",
            1,
        ),
        Choice(
            "owners",
            "Mainly the owners or investors",
            "Голчлон эзэмшигчид эсвэл хөрөнгө оруулагчид",
            0,
        ),
        DK,
    ],
    "activity": [
        Choice(
            "jobs_income",
            "Jobs or income for members or local people",
            "Гишүүд, нутгийн иргэдэд ажлын байр, орлого бий болгосон",
            0.4,
        ),
        Choice(
            "services",
            "Services people need (health, education, care, finance, water…)",
            "Хүмүүст хэрэгтэй үйлчилгээ үзүүлсэн (эрүүл мэнд, боловсрол, асаргаа, санхүү, ус…)",
            0.4,
        ),
        Choice(
            "environment",
            "Protecting nature (pasture, water, waste, energy)",
            "Байгаль хамгаалсан (бэлчээр, ус, хог хаягдал, эрчим хүч)",
            0.4,
        ),
        Choice(
            "culture", "Keeping culture and traditions alive", "Соёл, уламжлалаа хадгалсан", 0.2
        ),
        NONE_OF,
    ],
    # --- P1 voluntary cooperation and mutual aid -------------------------------------------------
    "join": [
        Choice(
            "open",
            "Anyone who shares our aims and accepts the charter",
            "Бидний зорилгыг хуваалцаж, дүрмийг хүлээн зөвшөөрсөн хэн ч",
            1,
        ),
        Choice(
            "conditions",
            "Only people who meet other conditions (family ties, a large payment, the leader's "
            "approval…)",
            "Зөвхөн өөр болзол хангасан хүн (төрөл садан, их хэмжээний төлбөр, даргын зөвшөөрөл…)",
            0.5,
        ),
        Choice("closed", "Nobody new can join", "Шинээр хэн ч элсэх боломжгүй", 0),
        DK,
    ],
    # Entities without members (a foundation, an NGO without members): who may take part.
    "access": [
        Choice(
            "open",
            "Anyone who needs our services or shares our aims",
            "Бидний үйлчилгээ хэрэгтэй, эсвэл зорилгыг маань хуваалцсан хэн ч",
            1,
        ),
        Choice(
            "target_group",
            "A group of people named in our charter (e.g. children with disabilities in our soum)",
            "Дүрэмд заасан бүлгийн хүмүүс (жишээ нь манай сумын хөгжлийн бэрхшээлтэй хүүхдүүд)",
            1,
        ),
        Choice(
            "chosen",
            "Only people the founders or leaders pick (relatives, friends)",
            "Зөвхөн үүсгэн байгуулагч, удирдлагын сонгосон хүмүүс (төрөл садан, найз нөхөд)",
            0,
        ),
        DK,
    ],
    "voluntary": [
        Choice(
            "volunteers",
            "Volunteers gave their time without pay",
            "Сайн дурынхан цалин хөлсгүйгээр цаг заваа зориулсан",
            0.34,
        ),
        Choice(
            "self_help",
            "The people we serve helped to run activities themselves (e.g. community work days)",
            "Бидний үйлчилдэг хүмүүс үйл ажиллагаанд өөрсдөө гар бие оролцсон "
            "(жишээ нь нийтийн ажлын өдөр)",
            0.34,
        ),
        Choice(
            "donations",
            "People or local businesses gave money, goods or land of their own accord",
            "Иргэд, орон нутгийн аж ахуйн нэгжүүд сайн дураараа мөнгө, эд зүйл, газар хандивласан",
            0.34,
        ),
        Choice(
            "pooling",
            "Worked with other families or organisations as equals, pooling resources",
            "Бусад өрх, байгууллагатай тэгш эрхтэйгээр нөөцөө нэгтгэн хамтран ажилласан",
            0.34,
        ),
        NONE_OF,
    ],
    "refusal": [
        Choice("no_refusal", "No, we turned nobody down", "Үгүй, хэнээс ч татгалзаагүй", 1),
        Choice("no_requests", "Nobody asked to join", "Элсэх хүсэлт ирээгүй"),
        Choice(
            "charter_reason",
            "Yes, for a reason written in the charter (e.g. lives outside our area)",
            "Тийм, дүрэмд заасан шалтгаанаар (жишээ нь манай нутагт амьдардаггүй)",
            1,
        ),
        Choice("other_reason", "Yes, for other reasons", "Тийм, өөр шалтгаанаар", 0),
        DK,
    ],
    "exit": [
        Choice(
            "free_refund",
            "Yes, and they get back their paid-in share, if any, as the charter says",
            "Тийм, оруулсан хувь хөрөнгө байвал дүрмийн дагуу буцааж авна",
            1,
        ),
        Choice(
            "free_no_refund",
            "Yes, but they do not get their share back",
            "Тийм, гэхдээ оруулсан хувь хөрөнгөө буцааж авдаггүй",
            0.5,
        ),
        Choice(
            "hard", "Leaving is difficult or not allowed", "Гарах нь хэцүү, эсвэл зөвшөөрдөггүй", 0
        ),
        DK,
    ],
    "aid": [
        Choice(
            "equipment",
            "Shared machinery, tools or transport",
            "Техник, багаж, унаагаа хамтран ашигласан",
            0.34,
        ),
        Choice(
            "buying",
            "Bought feed, inputs or goods together",
            "Тэжээл, түүхий эд, бараагаа хамтдаа худалдан авсан",
            0.34,
        ),
        Choice("selling", "Sold products together", "Бүтээгдэхүүнээ хамтдаа борлуулсан", 0.34),
        Choice(
            "emergency",
            "Helped one another in hard times (dzud, illness, fire)",
            "Хүнд үед бие биедээ тусалсан (зуд, өвчин, гал түймэр)",
            0.34,
        ),
        Choice(
            "lending",
            "Saved money together and lent it to one another",
            "Хамтдаа мөнгө хуримтлуулж, бие биедээ зээлдүүлсэн",
            0.34,
        ),
        Choice(
            "labour",
            "Worked together (herding, haymaking, shearing, building)",
            "Хамтран ажилласан (мал маллах, өвс хадах, ноос хяргах, барилга барих)",
            0.34,
        ),
        NONE_OF,
    ],
    # --- P2 democratic and/or participatory governance, V4 self-governance ----------------------
    "vote": [
        Choice("one_member", "One member, one vote", "Нэг гишүүн - нэг санал", 1),
        Choice(
            "consensus",
            "We talk until everyone agrees",
            "Бүгд санал нийлтэл ярилцаж шийддэг",
            0.75,
        ),
        Choice(
            "capped",
            "Bigger contributions give more votes, up to a limit",
            "Их хувь нийлүүлсэн гишүүн илүү санал өгдөг, гэхдээ хязгаартай",
            0.5,
        ),
        Choice(
            "by_capital",
            "Votes follow the money or shares each one owns",
            "Эзэмшсэн мөнгө, хувьцааныхаа хэмжээгээр санал өгдөг",
            0,
        ),
        Choice(
            "leader",
            "Members do not vote; the leader or owner decides",
            "Гишүүд санал өгдөггүй, дарга эсвэл эзэн нь шийддэг",
            0,
        ),
        DK,
    ],
    "say": [
        Choice("elect", "Elect the leaders", "Удирдлагаа сонгох", 0.2),
        Choice(
            "plan", "Approve the yearly plan and budget", "Жилийн төлөвлөгөө, төсвөө батлах", 0.2
        ),
        Choice(
            "accounts", "Approve the yearly accounts", "Жилийн санхүүгийн тайлангаа батлах", 0.2
        ),
        Choice("surplus", "Decide how to use the surplus", "Ашгаа хэрхэн зарцуулахыг шийдэх", 0.2),
        Choice("charter", "Change the charter", "Дүрэмдээ өөрчлөлт оруулах", 0.2),
        Choice(
            "agenda",
            "Any member can put a question on the agenda",
            "Аль ч гишүүн хэлэлцэх асуудал санал болгож болно",
            0.2,
        ),
        NONE_OF,
    ],
    # Participatory governance (all entities, with or without members).
    "stakeholders": [
        Choice(
            "members",
            "Members, or representatives they elect",
            "Гишүүд, эсвэл тэдний сонгосон төлөөлөгчид",
            0.5,
        ),
        Choice(
            "served",
            "The people the organisation serves (beneficiaries, users), if they are not members",
            "Байгууллагын үйлчилдэг хүмүүс (ашиг хүртэгчид, хэрэглэгчид), гишүүн биш бол",
            0.5,
        ),
        Choice("workers", "Workers or volunteers", "Ажилчид эсвэл сайн дурынхан", 0.25),
        Choice(
            "community",
            "The local community (residents, elders, the people of the bagh)",
            "Нутгийн иргэд (оршин суугчид, ахмадууд, багийн иргэд)",
            0.25,
        ),
        Choice(
            "none",
            "None of these: the founders, owners or director decide alone",
            "Эдгээрийн аль нь ч биш: үүсгэн байгуулагч, эзэмшигч эсвэл захирал дангаараа шийддэг",
            0,
        ),
    ],
    "consulted": [
        Choice(
            "meeting",
            "Open meetings where they could speak (a general assembly counts)",
            "Тэд үгээ хэлэх боломжтой нээлттэй хурал, уулзалт (нийт хурал орно)",
            0.34,
        ),
        Choice(
            "survey",
            "A survey, interviews or visits to ask their views",
            "Санал асуулга, ярилцлага, айлчлалаар санал бодлыг нь асуусан",
            0.34,
        ),
        Choice(
            "feedback",
            "A way to make suggestions or complaints that gets an answer (a box, a phone line, "
            "a group chat)",
            "Санал, гомдол хүлээн авч, хариу өгдөг арга (хайрцаг, утас, групп чат)",
            0.34,
        ),
        Choice(
            "council",
            "An advisory council of the people served, workers or residents",
            "Үйлчлүүлэгч, ажилчид эсвэл оршин суугчдын зөвлөх зөвлөл",
            0.34,
        ),
        NONE_OF,
    ],
    "report_back": [
        Choice(
            "regularly",
            "Yes, every year or more often",
            "Тийм, жил бүр эсвэл түүнээс олон удаа",
            1,
        ),
        Choice("asked", "Only when someone asked", "Зөвхөн хэн нэгэн асуусан үед", 0.5),
        Choice("no", "No", "Үгүй", 0),
        DK,
    ],
    "control": [
        Choice("elected", "Yes, elected by the members", "Тийм, гишүүд сонгосон", 1),
        Choice(
            "appointed",
            "Yes, appointed by the leaders or by someone else",
            "Тийм, удирдлага эсвэл өөр хүн томилсон",
            0.5,
        ),
        Choice("no", "No", "Үгүй", 0),
        DK,
    ],
    "charter": [
        Choice("members", "The members, at a general assembly", "Гишүүд, нийт хурлаараа", 1),
        Choice("board", "The board", "Удирдах зөвлөл", 0.5),
        Choice(
            "founders",
            "The founders or owners",
            "Үүсгэн байгуулагчид эсвэл эзэмшигчид",
            0.25,
        ),
        Choice(
            "outside",
            "An outside body (government office, donor, parent company)",
            "Гадны байгууллага (төрийн байгууллага, хандивлагч, толгой компани)",
            0,
        ),
        Choice("no_charter", "We have no written rules", "Бичмэл дүрэм байхгүй", 0),
        DK,
    ],
    # --- P3 autonomy and independence ------------------------------------------------------------
    "appoint": [
        Choice("members", "The members, by election", "Гишүүд, сонгуулиар", 1),
        Choice(
            "board",
            "The board that the members elected",
            "Гишүүдийн сонгосон удирдах зөвлөл",
            1,
        ),
        Choice(
            "board_self",
            "The board itself, as the charter says (e.g. a foundation's board of trustees)",
            "Удирдах зөвлөл өөрөө, дүрмийн дагуу (жишээ нь сангийн удирдах зөвлөл)",
            0.75,
        ),
        Choice(
            "founders",
            "The founders or owners",
            "Үүсгэн байгуулагчид эсвэл эзэмшигчид",
            0.25,
        ),
        Choice(
            "government",
            "A government body or official",
            "Төрийн байгууллага эсвэл албан тушаалтан",
            0,
        ),
        Choice(
            "donor",
            "A donor, a project or a parent organisation",
            "Хандивлагч, төсөл эсвэл толгой байгууллага",
            0,
        ),
        DK,
    ],
    "overrule": [
        Choice(
            "no", "No, our own decisions stand", "Үгүй, бидний шийдвэр хүчинтэй хэвээр байна", 1
        ),
        Choice(
            "grant_terms",
            "Only on how a grant or loan is used, as agreed in a contract",
            "Зөвхөн буцалтгүй тусламж, зээлийн зарцуулалтын талаар, гэрээнд тохирсны дагуу",
            0.75,
        ),
        Choice("yes_some", "Yes, on some important matters", "Тийм, зарим чухал асуудлаар", 0.25),
        Choice(
            "yes_general",
            "Yes, they usually have the last word",
            "Тийм, ихэнхдээ эцсийн шийдвэрийг тэд гаргадаг",
            0,
        ),
        DK,
    ],
    "outsider": [
        Choice(
            "government",
            "Government (soum, aimag or national)",
            "Төр (сум, аймаг эсвэл улсын түвшинд)",
        ),
        Choice("donor", "A donor or a project", "Хандивлагч эсвэл төсөл"),
        Choice("company", "A company or an investor", "Компани эсвэл хөрөнгө оруулагч"),
        Choice("party", "A political party or a politician", "Улс төрийн нам эсвэл улс төрч"),
        OTHER,
    ],
    # --- P4 people and purpose before capital ----------------------------------------------------
    "surplus": [
        Choice("yes", "Yes", "Тийм"),
        Choice(
            "no",
            "No, we broke even or made a loss",
            "Үгүй, орлого зардлаа нөхсөн эсвэл алдагдалтай",
        ),
        DK_UNSCORED,
    ],
    "profit_rule": [
        Choice(
            "no_distribution",
            "Yes: no surplus may be paid out (non-profit)",
            "Тийм: ашгийг хуваарилахыг хориглосон (ашгийн бус)",
            1,
        ),
        Choice(
            "capped",
            "Yes: payments on money invested are limited (e.g. a maximum interest on shares)",
            "Тийм: оруулсан хөрөнгөд ногдох төлбөрийг хязгаарласан (жишээ нь хувь хөрөнгийн "
            "хүүгийн дээд хэмжээ)",
            1,
        ),
        Choice("no_limit", "No, there is no limit", "Үгүй, хязгаар байхгүй", 0),
        DK,
    ],
    "asset_lock": [
        Choice(
            "other_sse",
            "It goes to another cooperative, a non-profit or a community purpose "
            "(members get back at most their paid-in shares)",
            "Өөр хоршоо, ашгийн бус байгууллага эсвэл нийтийн зорилгод шилжинэ "
            "(гишүүд зөвхөн оруулсан хувь хөрөнгөө буцааж авна)",
            1,
        ),
        Choice("members", "It is shared among the members", "Гишүүдэд хуваагдана", 0.5),
        Choice(
            "owners",
            "It goes to the owners or investors",
            "Эзэмшигч, хөрөнгө оруулагчдад очно",
            0,
        ),
        Choice(
            "not_set",
            "Nothing is decided or written",
            "Энэ талаар юу ч шийдээгүй, бичээгүй",
            0.25,
        ),
        DK,
    ],
}
