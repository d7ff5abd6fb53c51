"""Answer lists of the bundled ILO 2022 method for the values, the aspirations and the outlook.

The lists of the purpose and the principles are in ``choices``, with the conventions both share:
``score`` from 0 to 1, blank for "not scored", "Don't know" at 0 in every scored list.
"""

from __future__ import annotations

from ilo_method.choices import DK, DK_UNSCORED, NONE_OF, OTHER, Choice

VALUE_CHOICES: dict[str, list[Choice]] = {
    # --- V6 attainment of decent work and livelihoods, V2 equality and fairness -----------------
    # Questions about a harm (child or forced labour): "No" is the good answer.
    "no_yes_dk": [Choice("no", "No", "Үгүй", 1), Choice("yes", "Yes", "Тийм", 0), DK],
    "family_work": [
        Choice("no", "No", "Үгүй", 1),
        Choice("sometimes", "Yes, now and then", "Тийм, хааяа", 0.5),
        Choice("regularly", "Yes, regularly", "Тийм, байнга", 0),
        DK,
    ],
    "safety": [
        Choice(
            "training",
            "Trained them to work safely",
            "Аюулгүй ажиллах сургалтад хамруулсан",
            0.25,
        ),
        Choice(
            "equipment",
            "Gave protective clothing and equipment free of charge",
            "Хамгаалалтын хувцас, хэрэгслийг үнэ төлбөргүй олгосон",
            0.25,
        ),
        Choice(
            "first_aid",
            "Kept a first-aid kit, with someone trained to use it",
            "Анхны тусламжийн хэрэгсэлтэй, түүнийг хэрэглэж чадах хүнтэй байсан",
            0.25,
        ),
        Choice(
            "risks",
            "Checked the workplace for dangers and removed them",
            "Ажлын байрны аюулыг шалгаж, арилгасан",
            0.25,
        ),
        Choice(
            "accidents",
            "Recorded accidents and what was done about them",
            "Осол, гэмтлийг бүртгэж, авсан арга хэмжээгээ тэмдэглэсэн",
            0.25,
        ),
        NONE_OF,
    ],
    "wage": [
        Choice("all", "Yes, all of them", "Тийм, бүгд", 1),
        Choice("most", "Most of them", "Ихэнх нь", 0.5),
        Choice("few", "Few or none of them", "Цөөхөн нь, эсвэл хэн нь ч үгүй", 0),
        DK,
    ],
    "equality": [
        Choice(
            "equal_pay",
            "Women and men get the same pay, or the same price, for the same work or product",
            "Ижил ажил, бүтээгдэхүүнд эмэгтэй, эрэгтэй хүнд ижил цалин, үнэ олгодог",
            0.25,
        ),
        Choice(
            "rule",
            "A written rule against unfair treatment (discrimination)",
            "Ялгаварлан гадуурхахыг хориглосон бичмэл журамтай",
            0.25,
        ),
        Choice(
            "access",
            "Help for members with disabilities and older members to take part",
            "Хөгжлийн бэрхшээлтэй болон ахмад гишүүдийг оролцоход нь тусалдаг",
            0.25,
        ),
        Choice(
            "low_fee",
            "People with little money can join (low fee, or paid in parts)",
            "Мөнгө багатай хүн ч элсэж болно (бага хураамж, эсвэл хэсэгчлэн төлөх)",
            0.25,
        ),
        Choice(
            "youth",
            "Young people are encouraged to join and to lead",
            "Залуучуудыг гишүүн болох, удирдлагад орохыг дэмждэг",
            0.25,
        ),
        NONE_OF,
    ],
    "member_share": [
        Choice("all", "All or almost all", "Бүгд, эсвэл бараг бүгд", 1),
        Choice("most", "More than half", "Талаас илүү нь", 0.75),
        Choice("some", "Less than half", "Талаас бага нь", 0.25),
        Choice("none", "None", "Хэн нь ч үгүй", 0),
        DK,
    ],
    "livelihood": [
        Choice("much", "Yes, a lot", "Тийм, их тус болсон", 1),
        Choice("some", "Yes, a little", "Тийм, бага зэрэг", 0.6),
        Choice("no_change", "It made no difference", "Ялгаа гараагүй", 0.2),
        Choice("worse", "Things got worse", "Муудсан", 0),
        DK,
    ],
    # --- V1 care for people and planet -----------------------------------------------------------
    "env": [
        Choice(
            "pasture_rotation",
            "Moved or rested pastures so they can recover",
            "Бэлчээрээ сэлгэж, амрааж нөхөн сэргээсэн",
            0.25,
        ),
        Choice(
            "herd_size",
            "Kept the number of animals within what the pasture can carry",
            "Малын тоо толгойг бэлчээрийн даацад тохируулсан",
            0.25,
        ),
        Choice(
            "waste",
            "Reduced, sorted or recycled waste",
            "Хог хаягдлаа багасгаж, ангилж, дахин ашигласан",
            0.25,
        ),
        Choice(
            "energy",
            "Saved energy, or used solar or other clean energy",
            "Эрчим хүч хэмнэсэн, нарны болон бусад цэвэр эрчим хүч ашигласан",
            0.25,
        ),
        Choice(
            "water",
            "Saved water, or protected springs, rivers or wells",
            "Ус хэмнэсэн, булаг шанд, гол, худгаа хамгаалсан",
            0.25,
        ),
        Choice(
            "trees", "Planted trees or restored land", "Мод тарьсан, газар нөхөн сэргээсэн", 0.25
        ),
        Choice(
            "chemicals",
            "Used fewer chemicals or less plastic",
            "Химийн бодис, хуванцар хэрэглээгээ багасгасан",
            0.25,
        ),
        NONE_OF,
    ],
    "community": [
        Choice(
            "vulnerable",
            "Helped older people, people with disabilities or poor households",
            "Ахмад настан, хөгжлийн бэрхшээлтэй иргэд, ядуу өрхөд тусалсан",
            0.34,
        ),
        Choice(
            "disaster",
            "Helped during dzud, drought, floods or other disasters",
            "Зуд, ган, үер болон бусад гамшгийн үед тусалсан",
            0.34,
        ),
        Choice(
            "projects",
            "Took part in local projects (school, clinic, well, clean-up)",
            "Орон нутгийн ажилд оролцсон (сургууль, эмнэлэг, худаг, цэвэрлэгээ)",
            0.34,
        ),
        Choice(
            "jobs",
            "Gave work to people who find it hard to get a job",
            "Ажил олоход бэрхшээлтэй хүмүүсийг ажилд авсан",
            0.34,
        ),
        Choice(
            "fair_prices",
            "Sold goods or services to local people at fair prices",
            "Нутгийн иргэдэд бараа, үйлчилгээг боломжийн үнээр хүргэсэн",
            0.34,
        ),
        NONE_OF,
    ],
    # --- V3 interdependence, V4 training ---------------------------------------------------------
    "network": [
        Choice(
            "local_union",
            "A soum or aimag union of cooperatives or of NGOs",
            "Сум, аймгийн хоршоодын эсвэл ТББ-уудын холбоо",
            0.5,
        ),
        Choice(
            "national",
            "A national association or federation",
            "Улсын хэмжээний холбоо, нэгдэл",
            0.5,
        ),
        Choice("international", "An international network", "Олон улсын сүлжээ", 0.5),
        Choice(
            "business",
            "A business association or chamber of commerce",
            "Бизнесийн холбоо эсвэл худалдаа, аж үйлдвэрийн танхим",
            0.25,
        ),
        NONE_OF,
    ],
    "joint": [
        Choice("buying", "Bought inputs together", "Түүхий эд, бараа хамтран худалдан авсан", 0.34),
        Choice(
            "selling",
            "Sold products together (e.g. at fairs)",
            "Бүтээгдэхүүнээ хамтран борлуулсан (жишээ нь үзэсгэлэн худалдаанд)",
            0.34,
        ),
        Choice(
            "sharing",
            "Shared equipment, storage or transport",
            "Техник, агуулах, тээврийн хэрэгслээ хамтран ашигласан",
            0.34,
        ),
        Choice(
            "training",
            "Organised training or exchange visits together",
            "Сургалт, туршлага судлах аялал хамтран зохион байгуулсан",
            0.34,
        ),
        Choice(
            "finance",
            "Lent or borrowed money between organisations",
            "Байгууллага хооронд мөнгө зээлдүүлсэн, зээлсэн",
            0.34,
        ),
        Choice(
            "advocacy",
            "Raised shared problems with the government together",
            "Нийтлэг асуудлаа төрийн байгууллагад хамтдаа тавьсан",
            0.34,
        ),
        NONE_OF,
    ],
    "training": [
        Choice(
            "governance",
            "How a cooperative or member organisation works (rules, rights, meetings)",
            "Хоршоо, гишүүнчлэлтэй байгууллага хэрхэн ажилладаг (дүрэм, эрх, хурал)",
            0.34,
        ),
        Choice(
            "finance",
            "Bookkeeping and managing money",
            "Нягтлан бодох бүртгэл, мөнгө санхүүгээ удирдах",
            0.34,
        ),
        Choice(
            "technical",
            "Technical skills (animal health, processing, crops)",
            "Мэргэжлийн ур чадвар (малын эрүүл мэнд, боловсруулалт, тариалан)",
            0.34,
        ),
        Choice(
            "marketing",
            "Marketing and selling, including online",
            "Маркетинг, борлуулалт, үүнд онлайн худалдаа",
            0.34,
        ),
        NONE_OF,
    ],
    # --- V5 transparency and accountability ------------------------------------------------------
    "accounts": [
        Choice(
            "audited",
            "Written accounts, checked by an independent auditor",
            "Бичмэл бүртгэлтэй, хараат бус аудитор шалгадаг",
            1,
        ),
        Choice(
            "checked",
            "Written accounts, checked by our control committee",
            "Бичмэл бүртгэлтэй, хяналтын зөвлөл маань шалгадаг",
            0.75,
        ),
        Choice(
            "unchecked",
            "Written accounts that nobody checks",
            "Бичмэл бүртгэлтэй, гэхдээ хэн ч шалгадаггүй",
            0.4,
        ),
        Choice("none", "No written accounts", "Бичмэл бүртгэл байхгүй", 0),
        DK,
    ],
    "report": [
        Choice(
            "assembly",
            "Presented a yearly report at the general assembly",
            "Нийт хурлаар жилийн тайлангаа тавьсан",
            0.34,
        ),
        Choice(
            "to_members",
            "Gave the accounts to every member (on paper, by phone or in a group chat)",
            "Санхүүгийн тайлангаа гишүүн бүрт хүргэсэн (цаасаар, утсаар эсвэл группээр)",
            0.34,
        ),
        Choice(
            "public",
            "Made them public (notice board, website, Facebook page)",
            "Олон нийтэд нээлттэй тавьсан (мэдээллийн самбар, вэб сайт, фэйсбүүк хуудас)",
            0.34,
        ),
        Choice(
            "authorities",
            "Filed reports with the tax office or the registry",
            "Татварын алба эсвэл бүртгэлийн байгууллагад тайлан өгсөн",
            0.34,
        ),
        NONE_OF,
    ],
    "open_books": [
        Choice("yes", "Yes", "Тийм", 1),
        Choice("some", "Only some documents", "Зөвхөн зарим баримт бичгийг", 0.5),
        Choice(
            "leaders_only", "No, only the leaders can see them", "Үгүй, зөвхөн удирдлага харна", 0
        ),
        DK,
    ],
    # --- AS aspirations ----------------------------------------------------------------------
    "registered": [
        Choice("yes", "Yes", "Тийм", 1),
        # Pasture user groups and community нөхөрлөл under a contract with the soum governor are
        # formal in law without being in the state registry (Law on Environmental Protection).
        Choice(
            "governor",
            "Not in the state registry, but recognised by the soum governor (a contract or a "
            "decision, e.g. a pasture user group or a community нөхөрлөл)",
            "Улсын бүртгэлд бүртгэлгүй, гэхдээ сумын Засаг дарга гэрээ эсвэл захирамжаар хүлээн "
            "зөвшөөрсөн (жишээ нь бэлчээр ашиглагчдын бүлэг, нутгийн иргэдийн нөхөрлөл)",
            1,
        ),
        Choice("in_progress", "Registration is under way", "Бүртгүүлж байгаа", 0.5),
        Choice("no", "No", "Үгүй", 0),
        DK,
    ],
    "plan": [
        Choice("long", "Yes, for 3 years or more", "Тийм, 3 ба түүнээс дээш жилийн", 1),
        Choice("year", "Only for this year", "Зөвхөн энэ жилийн", 0.5),
        Choice("none", "No written plan", "Бичмэл төлөвлөгөө байхгүй", 0),
        DK,
    ],
    "reserve": [
        Choice(
            "enough",
            "Yes, enough to cover at least 3 months of costs",
            "Тийм, дор хаяж 3 сарын зардлыг нөхөхүйц",
            1,
        ),
        Choice("small", "Yes, but a small one", "Тийм, гэхдээ бага", 0.5),
        Choice("none", "No", "Үгүй", 0),
        DK,
    ],
    # --- awareness of the SSE (not scored; findings by type and aimag) -------------------------
    "sse_known": [
        Choice("yes", "Yes, and I know what it means", "Тийм, утгыг нь мэднэ"),
        Choice(
            "heard",
            "I have heard it but am not sure what it means",
            "Сонсож байсан, гэхдээ утгыг нь сайн мэдэхгүй",
        ),
        Choice("no", "No, this is the first time", "Үгүй, анх удаа сонсож байна"),
    ],
    "sse_part": [
        Choice("yes", "Yes", "Тийм"),
        Choice("no", "No", "Үгүй"),
        DK_UNSCORED,
    ],
    # --- challenges and opportunities (not scored; reused by case studies) ---------------------
    "challenge": [
        Choice("finance", "Getting loans or finance", "Зээл, санхүүжилт авахад хүндрэлтэй"),
        Choice(
            "markets",
            "Selling products; low or unstable prices",
            "Бүтээгдэхүүнээ борлуулах; үнэ бага эсвэл тогтворгүй",
        ),
        Choice(
            "legal",
            "Legal recognition, unclear rules",
            "Хууль эрх зүйн хүлээн зөвшөөрөлт, тодорхойгүй зохицуулалт",
        ),
        Choice(
            "skills",
            "Management and bookkeeping skills",
            "Удирдлага, нягтлан бодох бүртгэлийн ур чадвар",
        ),
        Choice(
            "infrastructure",
            "Roads, electricity, water or storage",
            "Зам, цахилгаан, ус, агуулах",
        ),
        Choice("digital", "Internet and digital skills", "Интернэт, цахим ур чадвар"),
        Choice(
            "climate",
            "Climate change, dzud and drought",
            "Уур амьсгалын өөрчлөлт, зуд, ган",
        ),
        Choice(
            "governance",
            "Disputes or weak leadership inside the organisation",
            "Байгууллага доторх маргаан, сул удирдлага",
        ),
        Choice("transport", "Long distances and transport costs", "Хол зай, тээврийн зардал"),
        Choice("participation", "Members take little part", "Гишүүдийн оролцоо бага"),
        Choice(
            "workers",
            "Finding and keeping workers or young people",
            "Ажилчид, залуучуудыг татах, тогтвортой ажиллуулах",
        ),
        Choice("taxes", "Taxes and paperwork", "Татвар, бичиг цаасны ажил"),
        Choice(
            "awareness",
            "People do not know what cooperatives or the SSE are",
            "Хоршоо, нийгмийн болон эв санааны эдийн засаг гэж юу болохыг хүмүүс мэддэггүй",
        ),
        OTHER,
        Choice("none", "No major challenge", "Томоохон хүндрэл байхгүй"),
    ],
    "opportunity": [
        Choice(
            "markets", "New buyers or markets in Mongolia", "Дотоодын шинэ худалдан авагч, зах зээл"
        ),
        Choice("export", "Export", "Экспорт"),
        Choice(
            "processing",
            "Processing to add value (wool, cashmere, milk, meat)",
            "Боловсруулалт хийж нэмүү өртөг шингээх (ноос, ноолуур, сүү, мах)",
        ),
        Choice("tourism", "Tourism", "Аялал жуулчлал"),
        Choice("online", "Selling online", "Онлайн худалдаа"),
        Choice(
            "government",
            "Government support programmes or public purchasing",
            "Төрийн дэмжлэгийн хөтөлбөр, төрийн худалдан авалт",
        ),
        Choice("donors", "Donor or development projects", "Хандивлагч, хөгжлийн төслүүд"),
        Choice(
            "cooperation",
            "Working with other cooperatives or a union",
            "Бусад хоршоо эсвэл холбоотой хамтран ажиллах",
        ),
        Choice("green", "Green or climate finance", "Ногоон болон уур амьсгалын санхүүжилт"),
        Choice(
            "youth",
            "Young people joining or coming back",
            "Залуучууд элсэх, нутагтаа эргэн ирэх",
        ),
        Choice("training", "Training and advice", "Сургалт, зөвлөгөө"),
        OTHER,
        Choice("none", "None at the moment", "Одоогоор байхгүй"),
    ],
}
