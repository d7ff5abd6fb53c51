"""The survey sheet of the bundled ILO 2022 method: every question in English and Mongolian.

Groups are pages (``field-list``); questions that only make sense for some entities carry a
``relevant`` (no surplus questions without a surplus, no worker questions without paid workers, no
board questions without a board, no member questions without members: a foundation is asked about
the participation of the people it serves instead). Questions that other questions depend on are
required; the others are optional. Most choice lists offer "Don't know", which scores as "no" (see
``choices``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """One row of the survey sheet."""

    type: str
    name: str = ""
    en: str = ""
    mn: str = ""
    hint_en: str = ""
    hint_mn: str = ""
    required: bool = False
    relevant: str = ""
    constraint: str = ""
    msg_en: str = ""
    msg_mn: str = ""
    appearance: str = ""


@dataclass(frozen=True)
class Check:
    """A constraint with its message in both languages."""

    expr: str
    en: str
    mn: str


def group(name: str, en: str, mn: str, relevant: str = "") -> Row:
    """A group shown as one page (ODK Collect ``field-list``; Enketo ``pages`` style)."""
    return Row("begin_group", name, en, mn, relevant=relevant, appearance="field-list")


def q(
    type_: str,
    name: str,
    en: str,
    mn: str,
    check: Check | None = None,
    *,
    hint_en: str = "",
    hint_mn: str = "",
    required: bool = False,
    relevant: str = "",
    appearance: str = "",
) -> Row:
    """A question row; ``check`` fills the constraint and its messages."""
    c = check or Check("", "", "")
    return Row(
        type_, name, en, mn, hint_en, hint_mn, required, relevant, c.expr, c.en, c.mn, appearance
    )


END = Row("end_group")

PERCENT = Check(
    ". >= 0 and . <= 100",
    "Enter a percentage from 0 to 100.",
    "0-ээс 100 хүртэлх хувь оруулна уу.",
)
PEOPLE = Check(
    ". >= 0 and . <= 100000",
    "Enter a number from 0 to 100,000.",
    "0-ээс 100 000 хүртэлх тоо оруулна уу.",
)
NONE_ALONE = Check(
    "not(selected(., 'none') and count-selected(.) > 1)",
    "“None” cannot be chosen together with other answers.",
    "«Аль нь ч биш», «Байхгүй» гэсэн хариултыг бусад хариулттай хамт сонгож болохгүй.",
)
ALL_EN = " (choose all that apply)"
ALL_MN = " (тохирох бүгдийг сонгоно уу)"

NO_INCOME = "${income_band} != 'none'"
# The member counts are required, so this gate is always decided: 0 members is a foundation or an
# NGO without members, which is asked about participation instead of member democracy.
HAS_MEMBERS = "${members_women} + ${members_men} > 0"
NO_MEMBERS = "${members_women} + ${members_men} = 0"
ASSEMBLY = f"{HAS_MEMBERS} and ${{assembly_held}} = 'yes'"
HAS_SURPLUS = "${had_surplus} = 'yes'"
HAS_BOARD = "${has_board} = 'yes'"

INTRO = [
    group("intro", "About this self-assessment", "Энэ асуулгын тухай"),
    q(
        "note",
        "intro_note",
        "This self-assessment asks how your organisation works: who can join, how decisions are "
        "made, how money is used, and how you care for people and nature. Answer for the last 12 "
        "months. The questions ask about facts your leaders can check in the charter, the minutes "
        "or the books: if you do not know, ask them. “Don't know” counts as “no” in the scores. "
        "There are no right or wrong answers: the results help your organisation and those who "
        "support it see its strengths and what to improve.",
        "Энэ асуулгаар танай байгууллага хэрхэн ажилладгийг өөрсдөө үнэлнэ: хэн гишүүн болж болох, "
        "шийдвэрийг хэрхэн гаргадаг, мөнгийг хэрхэн зарцуулдаг, хүн ба байгальд хэрхэн анхаардаг. "
        "Сүүлийн 12 сарын байдлаар хариулна уу. Асуултууд нь удирдлагын дүрэм, хурлын тэмдэглэл, "
        "санхүүгийн бүртгэлээс шалгаж болох баримтын тухай: мэдэхгүй бол тэднээс асуугаарай. "
        "«Мэдэхгүй» гэсэн хариултыг оноонд «үгүй» гэж тооцно. Зөв буруу хариулт гэж үгүй: үр дүн "
        "нь танай байгууллага болон түүнийг дэмжигчдэд давуу тал, сайжруулах зүйлээ олж харахад "
        "тусална.",
    ),
    q(
        "integer",
        "report_year",
        "For which year are you answering?",
        "Та аль оны байдлаар хариулж байна вэ?",
        Check(
            ". >= 2000 and . <= 2100",
            "Enter a year such as 2026.",
            "Он оруулна уу, жишээ нь 2026.",
        ),
        hint_en="The year in which the last 12 months end, for example 2026.",
        hint_mn="Сүүлийн 12 сар дуусах он, жишээ нь 2026.",
        required=True,
    ),
    q(
        "select_one role",
        "respondent_role",
        "What is your role in the organisation?",
        "Та байгууллагадаа ямар үүрэгтэй вэ?",
    ),
    END,
]

PROFILE = [
    group("profile", "About your organisation", "Танай байгууллагын тухай"),
    q("text", "org_name", "Name of the organisation", "Байгууллагын нэр", required=True),
    q(
        "select_one legal_form",
        "legal_form",
        "How is your organisation registered (its legal form)?",
        "Танай байгууллага ямар хэлбэрээр бүртгэлтэй вэ (хуулийн этгээдийн хэлбэр)?",
        hint_en="If you are not registered, choose the form that fits best, e.g. herder group.",
        hint_mn="Бүртгэлгүй бол хамгийн ойр хэлбэрийг сонгоно уу, жишээ нь малчдын бүлэг.",
        required=True,
        appearance="minimal",
    ),
    q(
        "text",
        "legal_form_other",
        "Which other form?",
        "Өөр ямар хэлбэр вэ?",
        relevant="${legal_form} = 'other'",
    ),
    q(
        "select_one aimag",
        "aimag",
        "In which aimag, or in the capital, is the organisation based?",
        "Байгууллага аль аймагт, эсвэл нийслэлд байрладаг вэ?",
        required=True,
        appearance="minimal",
    ),
    q(
        "text",
        "soum",
        "In which soum (or, in Ulaanbaatar, which district)?",
        "Аль суманд (Улаанбаатар бол аль дүүрэгт) байрладаг вэ?",
    ),
    q(
        "select_one sector",
        "sector",
        "What is your main activity?",
        "Танай үндсэн үйл ажиллагаа аль салбарт хамаарах вэ?",
        required=True,
        appearance="minimal",
    ),
    q(
        "integer",
        "year_founded",
        "In which year was the organisation founded?",
        "Байгууллага хэдэн онд байгуулагдсан бэ?",
        Check(
            ". >= 1900 and . <= ${report_year}",
            "Enter a year from 1900 up to the year you are answering for.",
            "1900 оноос хариулж буй он хүртэлх он оруулна уу.",
        ),
        required=True,
    ),
    q(
        "integer",
        "members_women",
        "How many members are women?",
        "Гишүүдийн хэд нь эмэгтэй вэ?",
        PEOPLE,
        hint_en="Count people. For a union, count the people in your member organisations "
        "as far as you know. 0 if the organisation has no members (e.g. a foundation).",
        hint_mn="Хүний тоогоор тоолно уу. Холбоо бол гишүүн байгууллагуудынхаа хүмүүсийг "
        "мэдэх хэрээрээ тоолно уу. Байгууллага гишүүнгүй бол (жишээ нь сан) 0.",
        required=True,
    ),
    q(
        "integer",
        "members_men",
        "How many members are men?",
        "Гишүүдийн хэд нь эрэгтэй вэ?",
        PEOPLE,
        hint_en="0 if the organisation has no members.",
        hint_mn="Байгууллага гишүүнгүй бол 0.",
        required=True,
    ),
    q(
        "integer",
        "workers_paid",
        "How many people does the organisation pay for their work now?",
        "Одоо байгууллага хэдэн хүнд цалин хөлс өгч ажиллуулж байна вэ?",
        PEOPLE,
        hint_en="Employees, including members who are employed. 0 if nobody is paid.",
        hint_mn="Ажилчид, үүнд цалинтай ажилладаг гишүүд орно. Хэнд ч цалин өгдөггүй бол 0.",
        required=True,
    ),
    q(
        "select_one gender",
        "chair_gender",
        "Is the head of the organisation (chair or director) a woman or a man?",
        "Байгууллагын дарга (тэргүүн, захирал) эмэгтэй юу, эрэгтэй юу?",
    ),
    q(
        "select_one income_band",
        "income_band",
        "What was the organisation's total income in the last 12 months?",
        "Сүүлийн 12 сард байгууллагын нийт орлого хэд байсан бэ?",
        required=True,
    ),
    q(
        "select_multiple income_source",
        "income_sources",
        "Where did the organisation's money come from in the last 12 months?" + ALL_EN,
        "Сүүлийн 12 сард байгууллагын мөнгө хаанаас орж ирсэн бэ?" + ALL_MN,
        relevant=NO_INCOME,
    ),
    END,
]

PURPOSE = [
    group("purpose", "Purpose", "Зорилго"),
    q(
        "select_one purpose_written",
        "purpose_written",
        "Does your charter or founding document say which social, economic or environmental "
        "aims you serve, beyond making a profit?",
        "Танай дүрэм эсвэл үүсгэн байгуулах баримт бичигт ашиг олохоос гадна нийгэм, эдийн засаг, "
        "байгаль орчны ямар зорилгод үйлчлэхийг бичсэн үү?",
    ),
    q(
        "select_one beneficiaries",
        "beneficiaries",
        "Who mainly benefits from what your organisation does?",
        "Танай байгууллагын үйл ажиллагааны үр шимийг голчлон хэн хүртдэг вэ?",
    ),
    q(
        "select_multiple activity",
        "purpose_activities",
        "What did your activities do for people in the last 12 months?" + ALL_EN,
        "Сүүлийн 12 сард танай үйл ажиллагаа хүмүүст юугаар тус болсон бэ?" + ALL_MN,
        NONE_ALONE,
    ),
    END,
]

MEMBERSHIP = [
    group(
        "membership",
        "Voluntary cooperation and mutual aid",
        "Сайн дурын хамтын ажиллагаа, харилцан туслалцаа",
    ),
    q(
        "select_one join",
        "join_open",
        "Who can become a member?",
        "Хэн гишүүн болж болох вэ?",
        relevant=HAS_MEMBERS,
    ),
    q(
        "select_one access",
        "open_participation",
        "Who can take part in your activities or benefit from them?",
        "Танай үйл ажиллагаанд хэн оролцож, үр шимийг нь хүртэж болох вэ?",
        relevant=NO_MEMBERS,
    ),
    q(
        "select_one refusal",
        "join_refused",
        "In the last 12 months, did you turn down anyone who asked to join?",
        "Сүүлийн 12 сард гишүүнээр элсэх хүсэлт гаргасан хэн нэгнээс татгалзсан уу?",
        relevant=HAS_MEMBERS,
    ),
    q(
        "select_one exit",
        "exit_free",
        "Can a member leave when they want to?",
        "Гишүүн хүссэн үедээ гарч болох уу?",
        relevant=HAS_MEMBERS,
    ),
    q(
        "select_multiple aid",
        "mutual_aid",
        "How did people help each other through the organisation in the last 12 months?" + ALL_EN,
        "Сүүлийн 12 сард хүмүүс байгууллагаараа дамжуулан бие биедээ хэрхэн тусалсан бэ?" + ALL_MN,
        NONE_ALONE,
        hint_en="Members, volunteers and the people you serve alike.",
        hint_mn="Гишүүд, сайн дурынхан, үйлчлүүлэгчид бүгд хамаарна.",
    ),
    q(
        "select_multiple voluntary",
        "voluntary_work",
        "In the last 12 months, how did people take part in your work of their own free will?"
        + ALL_EN,
        "Сүүлийн 12 сард хүмүүс танай ажилд өөрсдийн сайн дураар хэрхэн оролцсон бэ?" + ALL_MN,
        NONE_ALONE,
    ),
    END,
]

GOVERNANCE = [
    group("governance", "Decisions and leadership", "Шийдвэр гаргалт ба удирдлага"),
    q(
        "select_one vote",
        "voting_rule",
        "When members vote, how are the votes counted?",
        "Гишүүд санал өгөхдөө саналыг хэрхэн тоолдог вэ?",
        relevant=HAS_MEMBERS,
    ),
    q(
        "select_one yes_no_dk",
        "assembly_held",
        "Did the members meet in a general assembly in the last 12 months?",
        "Сүүлийн 12 сард гишүүдийн нийт хурал болсон уу?",
        required=True,
        relevant=HAS_MEMBERS,
    ),
    q(
        "integer",
        "assembly_attendees",
        "How many members took part in the last general assembly?",
        "Гишүүдийн сүүлийн нийт хуралд хэдэн гишүүн оролцсон бэ?",
        Check(
            ". >= 0 and . <= ${members_women} + ${members_men}",
            "Enter a number no larger than the number of members.",
            "Гишүүдийн тооноос ихгүй тоо оруулна уу.",
        ),
        hint_en="Count those who came in person and those who voted through a proxy.",
        hint_mn="Биечлэн ирсэн болон итгэмжлэлээр санал өгсөн гишүүдийг тоолно уу.",
        relevant=ASSEMBLY,
    ),
    q(
        "integer",
        "assembly_women",
        "How many of them were women?",
        "Тэдний хэд нь эмэгтэй байсан бэ?",
        Check(
            ". >= 0 and . <= ${assembly_attendees}",
            "This cannot be more than the number who took part.",
            "Оролцогчдын тооноос их байж болохгүй.",
        ),
        relevant=ASSEMBLY,
    ),
    q(
        "select_multiple say",
        "member_say",
        "Which of these do the members decide, at the general assembly or by a vote?" + ALL_EN,
        "Дараахаас алийг нь гишүүд нийт хурлаар эсвэл санал хураалтаар шийддэг вэ?" + ALL_MN,
        NONE_ALONE,
        relevant=HAS_MEMBERS,
    ),
    q(
        "select_multiple stakeholders",
        "stakeholder_seats",
        "Who has a seat or a vote where the main decisions are taken (the board, a council or "
        "the general assembly)?" + ALL_EN,
        "Гол шийдвэр гаргадаг газарт (удирдах зөвлөл, зөвлөл эсвэл нийт хурал) хэн суудалтай, "
        "эсвэл санал өгөх эрхтэй вэ?" + ALL_MN,
        NONE_ALONE,
    ),
    q(
        "select_multiple consulted",
        "stakeholder_consulted",
        "In the last 12 months, how did you ask the people you serve, your workers or the "
        "community for their views before important decisions?" + ALL_EN,
        "Сүүлийн 12 сард чухал шийдвэр гаргахаасаа өмнө үйлчлүүлэгчид, ажилчид эсвэл нутгийн "
        "иргэдээсээ санал бодлыг нь хэрхэн асуусан бэ?" + ALL_MN,
        NONE_ALONE,
    ),
    q(
        "select_one report_back",
        "stakeholder_report",
        "Did you tell the people you serve, your workers and the community what was decided and "
        "how the money was used?",
        "Юу шийдсэн, мөнгийг хэрхэн зарцуулснаа үйлчлүүлэгчид, ажилчид, нутгийн иргэддээ "
        "мэдээлсэн үү?",
    ),
    q(
        "select_one yes_no",
        "has_board",
        "Is there a board or council that runs the organisation (between general assemblies, if "
        "you hold them)?",
        "Байгууллагыг удирддаг удирдах зөвлөл (нийт хурал хийдэг бол хурал хоорондын хугацаанд) "
        "байдаг уу?",
        required=True,
    ),
    q(
        "integer",
        "board_size",
        "How many people are on the board?",
        "Удирдах зөвлөлд хэдэн хүн байдаг вэ?",
        Check(
            ". >= 1 and . <= 100",
            "Enter a number from 1 to 100.",
            "1-ээс 100 хүртэлх тоо оруулна уу.",
        ),
        relevant=HAS_BOARD,
    ),
    q(
        "integer",
        "women_on_board",
        "How many of them are women?",
        "Тэдний хэд нь эмэгтэй вэ?",
        Check(
            ". >= 0 and . <= ${board_size}",
            "This cannot be more than the number of people on the board.",
            "Удирдах зөвлөлийн гишүүдийн тооноос их байж болохгүй.",
        ),
        relevant=HAS_BOARD,
    ),
    q(
        "select_one control",
        "control_committee",
        "Is there a control committee (or an auditor) that checks the leaders' work and the money?",
        "Удирдлагын ажил, мөнгө санхүүг шалгадаг хяналтын зөвлөл (эсвэл хянагч) байдаг уу?",
    ),
    q(
        "integer",
        "last_election_years",
        "How many years ago did the members last elect or confirm the leaders?",
        "Удирдлагыг гишүүд хамгийн сүүлд хэдэн жилийн өмнө сонгож, эсвэл баталгаажуулсан бэ?",
        Check(
            ". >= 0 and . <= 100",
            "Enter a number of years from 0 to 100.",
            "0-ээс 100 хүртэлх жил оруулна уу.",
        ),
        hint_en="0 means this year. If members have never elected the leaders, enter the number "
        "of years since the organisation was founded.",
        hint_mn="Энэ жил бол 0. Удирдлагыг гишүүд хэзээ ч сонгож байгаагүй бол байгууллага "
        "байгуулагдсанаас хойш хэдэн жил болсныг бичнэ үү.",
        relevant=HAS_MEMBERS,
    ),
    q(
        "select_one charter",
        "charter_adopted_by",
        "Who adopted your charter (your rules), and who can change it?",
        "Танай дүрмийг хэн баталсан бэ, хэн өөрчилж болох вэ?",
    ),
    END,
]

INDEPENDENCE = [
    group("independence", "Independence", "Бие даасан байдал"),
    q(
        "select_one appoint",
        "leader_appointed_by",
        "Who chooses the head of the organisation (chair or director)?",
        "Байгууллагын даргыг (тэргүүн, захирал) хэн сонгож, томилдог вэ?",
    ),
    q(
        "select_one overrule",
        "outside_overrule",
        "Can a government body, a donor, a company or another outside organisation overrule "
        "what your members or board decide?",
        "Төрийн байгууллага, хандивлагч, компани эсвэл өөр гадны байгууллага танай гишүүд, "
        "удирдах зөвлөлийн гаргасан шийдвэрийг өөрчилж, хүчингүй болгож чаддаг уу?",
        required=True,
    ),
    q(
        "select_multiple outsider",
        "overrule_who",
        "Who can overrule your decisions?" + ALL_EN,
        "Танай шийдвэрийг хэн өөрчилж чаддаг вэ?" + ALL_MN,
        relevant="${outside_overrule} = 'grant_terms' or ${outside_overrule} = 'yes_some' "
        "or ${outside_overrule} = 'yes_general'",
    ),
    END,
]

MONEY = [
    group("money", "Income and surplus", "Орлого ба ашиг"),
    q(
        "integer",
        "income_sales_pct",
        "About what share of the income came from selling goods or services? (%)",
        "Орлогын ойролцоогоор хэдэн хувь нь бараа, үйлчилгээ борлуулснаас орсон бэ? (%)",
        PERCENT,
        hint_en="Grants, donations, member fees and loans are not sales. 0 if you sold nothing.",
        hint_mn="Буцалтгүй тусламж, хандив, гишүүнчлэлийн хураамж, зээл борлуулалтад орохгүй. "
        "Юу ч борлуулаагүй бол 0.",
        relevant=NO_INCOME,
    ),
    q(
        "integer",
        "largest_funder_pct",
        "About what share of the income came from your largest outside funder (one donor, one "
        "government programme, one company or one parent organisation)? (%)",
        "Орлогын ойролцоогоор хэдэн хувь нь гаднаас санхүүжүүлдэг хамгийн том ганц эх "
        "үүсвэрээс (нэг хандивлагч, төрийн нэг хөтөлбөр, нэг компани эсвэл толгой байгууллага) "
        "орсон бэ? (%)",
        Check(
            ". >= 0 and . + coalesce(${income_sales_pct}, 0) <= 100",
            "Sales and the largest funder together cannot be more than 100%.",
            "Борлуулалт болон хамгийн том санхүүжүүлэгчийн хувийн нийлбэр 100%-иас хэтэрч "
            "болохгүй.",
        ),
        hint_en="Sales and member fees are your own income, not an outside funder. Loans are not "
        "income. 0 if no outside funder gave you money.",
        hint_mn="Борлуулалт, гишүүнчлэлийн хураамж бол танай өөрийн орлого, гадны санхүүжүүлэгч "
        "биш. Зээл орлогод орохгүй. Гадны санхүүжүүлэгчээс мөнгө аваагүй бол 0.",
        relevant=NO_INCOME,
    ),
    q(
        "select_one surplus",
        "had_surplus",
        "In the last financial year, was there a surplus (income higher than costs)?",
        "Өнгөрсөн санхүүгийн жилд ашиг гарсан уу (орлого зардлаас их байсан уу)?",
        required=True,
    ),
    q(
        "integer",
        "surplus_reinvested_pct",
        "What share of the surplus did you keep in the organisation "
        "(reserves, investment, social aims)? (%)",
        "Ашгийн хэдэн хувийг байгууллагадаа үлдээсэн бэ "
        "(нөөц сан, хөрөнгө оруулалт, нийгмийн зорилго)? (%)",
        PERCENT,
        relevant=HAS_SURPLUS,
    ),
    q(
        "integer",
        "surplus_members_pct",
        "What share did you pay back to members according to how much they used the "
        "organisation, sold through it or worked in it? (%)",
        "Хэдэн хувийг гишүүдэд байгууллагаар хэр их үйлчлүүлсэн, бүтээгдэхүүнээ хэр их "
        "борлуулсан, хэр их ажилласнаар нь хуваарилсан бэ? (%)",
        PERCENT,
        relevant=f"{HAS_SURPLUS} and {HAS_MEMBERS}",
    ),
    q(
        "integer",
        "surplus_investors_pct",
        "What share did you pay to owners or investors according to the money or shares they "
        "put in (dividends)? (%)",
        "Хэдэн хувийг эзэмшигч, хөрөнгө оруулагчдад оруулсан мөнгө, хувьцааных нь хэмжээгээр "
        "(ногдол ашиг) хуваарилсан бэ? (%)",
        Check(
            ". >= 0 and . + coalesce(${surplus_reinvested_pct}, 0) "
            "+ coalesce(${surplus_members_pct}, 0) <= 100",
            "The three shares together cannot be more than 100%.",
            "Гурван хувийн нийлбэр 100%-иас хэтэрч болохгүй.",
        ),
        relevant=HAS_SURPLUS,
    ),
    q(
        "select_one profit_rule",
        "profit_rule",
        "Do your charter or the law limit how much of the surplus may be paid out on money "
        "invested?",
        "Танай дүрэм эсвэл хуулиар ашгаас оруулсан хөрөнгөд ногдуулан олгох хэмжээг "
        "хязгаарласан уу?",
    ),
    q(
        "select_one asset_lock",
        "asset_lock",
        "If the organisation closes, what happens to what is left after its debts are paid?",
        "Байгууллага татан буугдвал өр төлбөрөө барагдуулсны дараа үлдсэн хөрөнгө юу болох вэ?",
    ),
    END,
]

# The pages of the purpose and the principles, in form order (``survey_values`` has the rest).
FIRST_PAGES: list[Row] = [
    *INTRO,
    *PROFILE,
    *PURPOSE,
    *MEMBERSHIP,
    *GOVERNANCE,
    *INDEPENDENCE,
    *MONEY,
]
