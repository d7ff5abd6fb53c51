"""Three synthetic case studies of rural organisations for the demo, clearly labelled as invented.

They are attached to demo organisations of three types outside the capital, coded from the
method's lists, with quotes, interview notes and a consent record; the first has a photo drawn
with Pillow here (no network, no real place), cleaned like any upload.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass

from PIL import Image, ImageDraw

from solidata.web.casestudies import services
from solidata.web.casestudies.models import CaseStudy
from solidata.web.registry.models import Organisation
from solidata.web.surveys.models import Survey


@dataclass(frozen=True)
class DemoCase:
    entity_type: str
    title_en: str
    title_mn: str
    summary_en: str
    summary_mn: str
    challenges: tuple[str, ...]
    opportunities: tuple[str, ...]
    quotes: tuple[tuple[str, str, str], ...]  # text, language, speaker's role
    notes_mn: str
    photo: bool = False


CASES = (
    DemoCase(
        "cooperative",
        "Selling wool together after the dzud",
        "Зудын дараа ноосоо хамтдаа борлуулах нь",
        "Invented for the demonstration. Forty herder households formed a cooperative after a "
        "hard winter to sell wool and cashmere together and to buy fodder in bulk. Prices rose, "
        "but the nearest buyer is far away and loans are hard to get.",
        "Үзүүлэнд зориулж зохиосон. Хатуу өвлийн дараа дөчин малчин өрх ноос, ноолуураа хамтдаа "
        "борлуулж, тэжээлээ бөөнөөр авахаар хоршоо байгуулжээ. Үнэ өссөн ч худалдан авагч хол, "
        "зээл авахад хүндрэлтэй.",
        ("climate", "finance", "transport"),
        ("processing", "cooperation"),
        (
            ("Ноосоо хамтдаа зарахаар үнэ нь бараг хоёр дахин өссөн.", "mn", "малчин, гишүүн"),
            ("Зудын жил тэжээлээ хамтдаа авсан нь биднийг аварсан.", "mn", "хоршооны дарга"),
        ),
        "Гишүүд жилд хоёр удаа нийт хурал хийдэг. Банкны зээлд барьцаа шаарддаг тул авч чадаагүй.",
        photo=True,
    ),
    DemoCase(
        "self_help_group",
        "A pasture user group shares its wells",
        "Бэлчээр ашиглагчдын бүлэг худгаа хамтран ашиглах нь",
        "Invented for the demonstration. Twelve families agree each year where to move their "
        "herds and repair two wells together. The soum governor recognises the group, but it has "
        "no legal status of its own, and few members had heard the term SSE.",
        "Үзүүлэнд зориулж зохиосон. Арван хоёр өрх жил бүр малаа хаана нүүлгэхээ тохиролцож, хоёр "
        "худгаа хамтдаа засдаг. Сумын Засаг дарга бүлгийг хүлээн зөвшөөрдөг ч өөрийн хуулийн "
        "статусгүй, гишүүдийн цөөхөн нь нийгмийн болон эв санааны эдийн засаг гэж сонсож байжээ.",
        ("climate", "legal", "awareness"),
        ("government", "green"),
        (("Худгаа хамтдаа засахгүй бол зун бэлчээр хүрэлцэхгүй.", "mn", "малчин эмэгтэй"),),
        "Бүлэг бичмэл дүрэмгүй, тохиролцоогоо амаар хийдэг. Төслийн санхүүжилтээр худаг засжээ.",
    ),
    DemoCase(
        "association",
        "Women's felt crafts for visitors",
        "Эмэгтэйчүүдийн эсгий урлал жуулчдад",
        "Invented for the demonstration. A women's association makes felt goods in a soum centre "
        "and sells them to tourists in summer. The members want to sell online, but the internet "
        "is weak and few know bookkeeping.",
        "Үзүүлэнд зориулж зохиосон. Сумын төвийн эмэгтэйчүүдийн холбоо эсгий эдлэл хийж, зун "
        "жуулчдад борлуулдаг. Гишүүд онлайнаар зарахыг хүсдэг ч интернэт сул, нягтлан бодох "
        "бүртгэл мэддэг хүн цөөн.",
        ("markets", "digital", "skills"),
        ("tourism", "online", "training"),
        (
            ("Өвөл ажил байхгүй үед эсгий урлал бидэнд орлого авчирдаг.", "mn", "гишүүн эмэгтэй"),
            (
                "Онлайнаар зарахыг хүсдэг ч интернэт тасалддаг.",
                "mn",
                "холбооны нарийн бичгийн дарга",
            ),
        ),
        "Холбоо 2015 онд байгуулагдсан, 25 гишүүнтэй. Жуулчны улирал гурван сар үргэлжилдэг.",
    ),
)


def _placeholder_photo() -> bytes:
    """A drawn landscape (steppe, sky, a ger), so the demo shows a photo without a real one."""
    image = Image.new("RGB", (480, 320), (135, 190, 235))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 200, 480, 320), fill=(150, 170, 90))
    draw.ellipse((200, 150, 290, 230), fill=(245, 245, 240))
    draw.rectangle((200, 190, 290, 225), fill=(245, 245, 240))
    draw.rectangle((236, 200, 254, 225), fill=(200, 60, 50))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def case_studies_ensure_demo(*, survey: Survey) -> int:
    """Create the demo's case studies once; returns how many were created."""
    created = 0
    for number, case in enumerate(CASES):
        if CaseStudy.objects.filter(survey=survey, title_en=case.title_en).exists():
            continue
        organisation = (
            Organisation.objects.filter(is_synthetic=True, entity_type_id=case.entity_type)
            .exclude(admin_area_id="MN-1")
            .order_by("registry_id", "pk")
            .first()
        )
        if organisation is None:
            continue
        interview_date = datetime.date(2025, 6, 10) + datetime.timedelta(days=9 * number)
        study = services.case_study_create(
            organisation=organisation,
            survey=survey,
            title_en=case.title_en,
            title_mn=case.title_mn,
            summary_en=case.summary_en,
            summary_mn=case.summary_mn,
            interview_date=interview_date,
            interviewer="Судлаач (үзүүлэн)",
            status=CaseStudy.Status.PUBLISHED,
            is_synthetic=True,
            challenges=list(case.challenges),
            opportunities=list(case.opportunities),
        )
        services.consent_record(
            case_study=study,
            given_by="Байгууллагын дарга (үзүүлэн)",
            given_on=interview_date,
            how="гарын үсэгтэй маягт",
            interview=True,
            quotes=True,
            photos=case.photo,
            location=False,
            publication=True,
        )
        services.interview_add(case_study=study, interviewee_role="дарга", notes=case.notes_mn)
        for text, language, role in case.quotes:
            services.quote_add(
                case_study=study, text=text, language=language, speaker_role=role, consented=True
            )
        if case.photo:
            services.photo_add(
                case_study=study, data=_placeholder_photo(), name="demo.jpg", caption="Үзүүлэн"
            )
        created += 1
    return created
