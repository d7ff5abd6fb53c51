"""The survey pages of the bundled ILO 2022 method on the values, the aspirations and the outlook.

The helpers, the gates (members, surplus, board) and the first pages are in ``survey``; ``SURVEY``
here is the whole form in order.
"""

from __future__ import annotations

from ilo_method.survey import (
    ALL_EN,
    ALL_MN,
    END,
    FIRST_PAGES,
    HAS_MEMBERS,
    NONE_ALONE,
    Check,
    Row,
    group,
    q,
)

WORKERS = [
    group("workers", "Paid workers", "Цалинтай ажилчид", relevant="${workers_paid} > 0"),
    q(
        "integer",
        "workers_contract",
        "How many of the paid workers have a written employment contract?",
        "Цалинтай ажилчдын хэд нь бичгээр байгуулсан хөдөлмөрийн гэрээтэй вэ?",
        Check(
            ". >= 0 and . <= ${workers_paid}",
            "This cannot be more than the number of paid workers.",
            "Цалинтай ажилчдын тооноос их байж болохгүй.",
        ),
    ),
    q(
        "integer",
        "workers_insured",
        "For how many of them does the organisation pay social insurance contributions?",
        "Тэдний хэдийнх нь нийгмийн даатгалын шимтгэлийг байгууллага төлдөг вэ?",
        Check(
            ". >= 0 and . <= ${workers_paid}",
            "This cannot be more than the number of paid workers.",
            "Цалинтай ажилчдын тооноос их байж болохгүй.",
        ),
    ),
    q(
        "select_one wage",
        "wage_min",
        "Do all paid workers earn at least the national minimum wage for full-time work?",
        "Бүтэн цагаар ажилладаг бүх ажилчин хөдөлмөрийн хөлсний доод хэмжээнээс багагүй цалин "
        "авдаг уу?",
    ),
    q(
        "integer",
        "pay_lowest",
        "What is the lowest monthly pay for full-time work in the organisation? (₮)",
        "Танай байгууллагад бүтэн цагаар ажилладаг хүний хамгийн бага сарын цалин хэд вэ? (₮)",
        Check(". > 0", "Enter an amount above 0.", "0-ээс их дүн оруулна уу."),
    ),
    q(
        "integer",
        "pay_highest",
        "And the highest monthly pay, including the director? (₮)",
        "Харин дарга, захирлыг оруулаад хамгийн өндөр сарын цалин хэд вэ? (₮)",
        Check(
            ". >= ${pay_lowest}",
            "The highest pay cannot be lower than the lowest pay.",
            "Хамгийн өндөр цалин хамгийн бага цалингаас бага байж болохгүй.",
        ),
    ),
    q(
        "select_one yes_no_dk",
        "workers_union",
        "Can workers join a trade union, or choose their own representatives to speak with the "
        "management, without fear of being punished?",
        "Ажилчид шийтгэл хүлээхээс айхгүйгээр үйлдвэрчний эвлэлд элсэх, эсвэл удирдлагатай "
        "ярилцах төлөөлөгчөө өөрсдөө сонгох боломжтой юу?",
    ),
    q(
        "select_multiple safety",
        "safety_practices",
        "Which of these did you do in the last 12 months for the safety and health of the people "
        "who work for you?" + ALL_EN,
        "Сүүлийн 12 сард ажиллагсдынхаа аюулгүй байдал, эрүүл мэндийн төлөө дараахаас алийг нь "
        "хийсэн бэ?" + ALL_MN,
        NONE_ALONE,
    ),
    END,
]

FAIRNESS = [
    group("fairness", "Equality and fairness", "Тэгш байдал, шударга ёс"),
    q(
        "select_multiple equality",
        "equality_practices",
        "Which of these does your organisation do?" + ALL_EN,
        "Танай байгууллага дараахаас алийг нь хэрэгжүүлдэг вэ?" + ALL_MN,
        NONE_ALONE,
    ),
    END,
]

DECENT_WORK = [
    group("decent_work", "Decent work and livelihoods", "Зохистой хөдөлмөр, амьжиргаа"),
    q(
        "select_one no_yes_dk",
        "child_labour",
        "In the last 12 months, did any child under 15 work for the organisation, or anyone "
        "under 18 do dangerous work for it (e.g. racing horses, carrying heavy loads, handling "
        "chemicals, working at night)?",
        "Сүүлийн 12 сард 15-аас доош насны хүүхэд байгууллагад ажилласан, эсвэл 18-аас доош "
        "насны хүн байгууллагын аюултай ажил (жишээ нь морь уралдуулах, хүнд ачаа зөөх, химийн "
        "бодистой харьцах, шөнө ажиллах) хийсэн үү?",
        hint_en="Count work for the organisation itself and work it organises for members, paid "
        "or not.",
        hint_mn="Байгууллагын өөрийн ажил болон гишүүдэд зориулан зохион байгуулсан ажлыг "
        "цалинтай, цалингүйг нь оролцуулан тооцно уу.",
    ),
    q(
        "select_one no_yes_dk",
        "forced_labour",
        "In the last 12 months, was anyone made to work for the organisation against their will: "
        "to pay off a debt, because their identity papers were kept, or under threat of a "
        "penalty?",
        "Сүүлийн 12 сард хэн нэгнийг өр төлүүлэх, бичиг баримтыг нь барьцаалах, эсвэл шийтгэлээр "
        "сүрдүүлэх замаар хүсэл зоригийнх нь эсрэг байгууллагад ажиллуулсан уу?",
    ),
    q(
        "select_one family_work",
        "unpaid_family",
        "Do relatives of members, workers or leaders work for the organisation without pay "
        "(e.g. helping in the shop or with processing)?",
        "Гишүүд, ажилчид, удирдлагын гэр бүлийн хүмүүс байгууллагад цалингүй ажилладаг уу "
        "(жишээ нь дэлгүүрт туслах, боловсруулалтад оролцох)?",
        hint_en="Work members do for their own household's herd or farm does not count.",
        hint_mn="Гишүүд өөрийн өрхийн мал, аж ахуйд хийдэг ажил үүнд хамаарахгүй.",
    ),
    q(
        "select_one member_share",
        "members_insured",
        "How many of your members are covered by social and health insurance "
        "(including the voluntary insurance for herders)?",
        "Танай гишүүдийн хэд нь нийгмийн болон эрүүл мэндийн даатгалд хамрагддаг вэ "
        "(малчдын сайн дурын даатгал орно)?",
        relevant=HAS_MEMBERS,
    ),
    q(
        "select_one livelihood",
        "member_income_change",
        "Over the last 3 years, has being a member helped members earn a better living?",
        "Сүүлийн 3 жилд гишүүн байх нь гишүүдийн орлого, амьжиргааг дээшлүүлэхэд тус болсон уу?",
        relevant=HAS_MEMBERS,
    ),
    END,
]

CARE = [
    group("care", "Care for people and nature", "Хүн ба байгальд анхаарал тавих"),
    q(
        "select_multiple env",
        "env_practices",
        "Which of these did you do in the last 12 months to protect nature?" + ALL_EN,
        "Сүүлийн 12 сард байгаль хамгаалах чиглэлээр дараахаас алийг нь хийсэн бэ?" + ALL_MN,
        NONE_ALONE,
    ),
    q(
        "select_multiple community",
        "community_support",
        "How did your organisation support the wider community in the last 12 months?" + ALL_EN,
        "Сүүлийн 12 сард танай байгууллага нутгийн иргэдэд хэрхэн дэмжлэг үзүүлсэн бэ?" + ALL_MN,
        NONE_ALONE,
    ),
    END,
]

COOPERATION = [
    group("cooperation", "Working with others and learning", "Бусадтай хамтрах ба суралцах"),
    q(
        "select_multiple network",
        "networks",
        "Which of these is your organisation a member of?" + ALL_EN,
        "Танай байгууллага дараахаас алинд нь гишүүнээр элссэн бэ?" + ALL_MN,
        NONE_ALONE,
    ),
    q(
        "select_multiple joint",
        "joint_activities",
        "In the last 12 months, what did you do together with other cooperatives, NGOs or "
        "groups?" + ALL_EN,
        "Сүүлийн 12 сард бусад хоршоо, ТББ, бүлэгтэй хамтран юу хийсэн бэ?" + ALL_MN,
        NONE_ALONE,
    ),
    q(
        "select_multiple training",
        "training_topics",
        "In the last 12 months, on which topics did members or leaders get training?" + ALL_EN,
        "Сүүлийн 12 сард гишүүд эсвэл удирдлага ямар сэдвээр сургалтад хамрагдсан бэ?" + ALL_MN,
        NONE_ALONE,
    ),
    END,
]

TRANSPARENCY = [
    group("transparency", "Accounts and information", "Санхүү ба мэдээлэл"),
    q(
        "select_one accounts",
        "accounts",
        "How are the accounts kept and checked?",
        "Танай санхүүгийн бүртгэлийг хэрхэн хөтөлж, шалгадаг вэ?",
    ),
    q(
        "select_multiple report",
        "report_channels",
        "How did you share your results and accounts in the last 12 months?" + ALL_EN,
        "Сүүлийн 12 сард үйл ажиллагааны үр дүн, санхүүгийн тайлангаа хэрхэн танилцуулсан бэ?"
        + ALL_MN,
        NONE_ALONE,
    ),
    q(
        "select_one open_books",
        "books_open",
        "Can any member see the accounts and the minutes of meetings when they ask?",
        "Аль ч гишүүн хүссэн үедээ санхүүгийн тайлан, хурлын тэмдэглэлтэй танилцаж болох уу?",
        relevant=HAS_MEMBERS,
    ),
    END,
]

FUTURE = [
    group("future", "Registration and the future", "Бүртгэл ба ирээдүй"),
    q(
        "select_one registered",
        "registered",
        "Is the organisation registered with the state registration office?",
        "Байгууллага улсын бүртгэлд бүртгэгдсэн үү?",
        hint_en="A pasture user group or a community нөхөрлөл under a contract with the soum "
        "governor counts as formal.",
        hint_mn="Сумын Засаг даргатай гэрээ байгуулсан бэлчээр ашиглагчдын бүлэг, нутгийн "
        "иргэдийн нөхөрлөл албан ёсны гэж тооцогдоно.",
        required=True,
    ),
    q(
        "select_one yes_no_dk",
        "tax_registered",
        "Is it registered with the tax office, and does it file tax reports?",
        "Татварын албанд бүртгэлтэй юу, татварын тайлангаа өгдөг үү?",
        relevant="${registered} = 'yes'",
    ),
    q(
        "select_one plan",
        "has_plan",
        "Do you have a written plan for the coming years?",
        "Ирэх жилүүдийн бичмэл төлөвлөгөө байгаа юу?",
    ),
    q(
        "select_one reserve",
        "reserve_fund",
        "Do you keep a reserve fund for hard years (dzud, low prices)?",
        "Хүнд жилд (зуд, үнийн уналт) зориулсан нөөц сан байгаа юу?",
    ),
    END,
]

OUTLOOK = [
    group("outlook", "Challenges and opportunities", "Хүндрэл ба боломж"),
    q(
        "select_multiple challenge",
        "challenges",
        "What are the main challenges for your organisation now?" + ALL_EN,
        "Танай байгууллагад одоо тулгарч буй гол хүндрэлүүд юу вэ?" + ALL_MN,
        NONE_ALONE,
    ),
    q(
        "select_multiple opportunity",
        "opportunities",
        "Which opportunities could help your organisation grow?" + ALL_EN,
        "Танай байгууллагыг хөгжүүлэхэд ямар боломжууд тус болох вэ?" + ALL_MN,
        NONE_ALONE,
    ),
    q(
        "select_one sse_known",
        "sse_known",
        "Before today, had you heard the term “social and solidarity economy”?",
        "Өнөөдрөөс өмнө та «нийгмийн болон эв санааны эдийн засаг» гэсэн нэр томьёог сонсож "
        "байсан уу?",
        hint_en="It is not scored: it tells the national committee how well the term is known.",
        hint_mn="Үүнд оноо өгөхгүй: нэр томьёо хэр танигдсаныг үндэсний хороонд харуулна.",
    ),
    q(
        "select_one sse_part",
        "sse_part",
        "Do you see your organisation as part of the social and solidarity economy?",
        "Та байгууллагаа нийгмийн болон эв санааны эдийн засгийн нэг хэсэг гэж үздэг үү?",
        hint_en="Not scored.",
        hint_mn="Үүнд оноо өгөхгүй.",
    ),
    q(
        "text",
        "comments",
        "Is there anything else you would like to tell us?",
        "Өөр хэлэх зүйл байна уу?",
        appearance="multiline",
    ),
    END,
]

SURVEY: list[Row] = [
    *FIRST_PAGES,
    *WORKERS,
    *FAIRNESS,
    *DECENT_WORK,
    *CARE,
    *COOPERATION,
    *TRANSPARENCY,
    *FUTURE,
    *OUTLOOK,
]
