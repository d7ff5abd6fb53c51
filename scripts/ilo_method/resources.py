"""The Mongolian names of the training tools and texts that recommendations point to.

A recommendation's resource is written in English in ``advice.py``, its parts joined by "; ". The
workbook carries it in both languages (``resource::English (en)``, ``resource::Mongolian (mn)``);
each part is translated here, and the build fails on a part without a translation. Tool names that
are brands (Think.COOP, Start.COOP, Manage.COOP, My.COOP) stay in Latin letters, as the ILO's
Mongolian training materials keep them. ОУХБ is the ILO, ОУХХ the International Cooperative
Alliance (ICA).
"""

from __future__ import annotations

_ICA = "Олон улсын хоршооны холбооны (ОУХХ) хоршооны {n}-р зарчим ({name})"
_MY = "ОУХБ My.COOP: хөдөө аж ахуйн хоршоогоо удирдах нь, {n}-р модуль ({name})"

MONGOLIAN = {
    "ICA cooperative principle 1 (voluntary and open membership)": _ICA.format(
        n=1, name="сайн дурын, нээлттэй гишүүнчлэл"
    ),
    "ICA cooperative principle 2 (democratic member control)": _ICA.format(
        n=2, name="гишүүдийн ардчилсан хяналт"
    ),
    "ICA cooperative principle 3 (member economic participation)": _ICA.format(
        n=3, name="гишүүдийн эдийн засгийн оролцоо"
    ),
    "ICA cooperative principle 4 (autonomy and independence)": _ICA.format(
        n=4, name="бие даасан, хараат бус байдал"
    ),
    "ICA cooperative principle 5 (education, training and information)": _ICA.format(
        n=5, name="боловсрол, сургалт, мэдээлэл"
    ),
    "ICA cooperative principle 6 (cooperation among cooperatives)": _ICA.format(
        n=6, name="хоршоо хоорондын хамтын ажиллагаа"
    ),
    "ICA cooperative principle 7 (concern for community)": _ICA.format(
        n=7, name="орон нутгийнхаа төлөө санаа тавих"
    ),
    "ILO Manage.COOP: business and market growth": "ОУХБ Manage.COOP: бизнес ба зах зээлийн өсөлт",
    "ILO Manage.COOP: effective and open communication": (
        "ОУХБ Manage.COOP: үр дүнтэй, нээлттэй харилцаа"
    ),
    "ILO Manage.COOP: financial management": "ОУХБ Manage.COOP: санхүүгийн удирдлага",
    "ILO Manage.COOP: governance and leadership": "ОУХБ Manage.COOP: засаглал ба манлайлал",
    "ILO Manage.COOP: human resource management": "ОУХБ Manage.COOP: хүний нөөцийн удирдлага",
    "ILO My.COOP: managing your agricultural cooperative, module 1 (basics)": _MY.format(
        n=1, name="үндсэн ойлголт"
    ),
    "ILO My.COOP: managing your agricultural cooperative, module 3 (supply of farm inputs)": (
        _MY.format(n=3, name="үйлдвэрлэлийн орцын хангамж")
    ),
    "ILO My.COOP: managing your agricultural cooperative, module 4 (collective marketing)": (
        _MY.format(n=4, name="хамтын борлуулалт")
    ),
    "ILO Recommendation No. 204 on the transition from the informal to the formal economy "
    "(2015)": "ОУХБ-ын 204 дүгээр зөвлөмж: албан бус эдийн засгаас албан эдийн засагт шилжих "
    "тухай (2015)",
    "ILO Start.COOP: a participatory tool for launching a cooperative (2018)": (
        "ОУХБ Start.COOP: хоршоо байгуулах оролцооны хэрэгсэл (2018)"
    ),
    "ILO Think.COOP: an orientation on the cooperative business model (2018)": (
        "ОУХБ Think.COOP: хоршооны бизнесийн загварын танилцуулга (2018)"
    ),
    "ILO and ICA: Advancing gender equality, the co-operative way (2015)": (
        "ОУХБ ба ОУХХ: Жендэрийн тэгш байдлыг хоршооны замаар ахиулах нь (2015)"
    ),
    "ILO Convention No. 155 (occupational safety and health)": (
        "ОУХБ-ын 155 дугаар конвенц (хөдөлмөрийн аюулгүй байдал, эрүүл ахуй)"
    ),
    "ILO Conventions No. 87 (freedom of association), No. 29 (forced labour), No. 138 and "
    "No. 182 (child labour)": "ОУХБ-ын конвенцууд: 87 дугаар (эвлэлдэн нэгдэх эрх), 29 дүгээр "
    "(албадан хөдөлмөр), 138 ба 182 дугаар (хүүхдийн хөдөлмөр)",
    "ILO Declaration on Fundamental Principles and Rights at Work (1998, amended 2022)": (
        "ОУХБ-ын Хөдөлмөрийн салбар дахь үндсэн зарчим, эрхийн тухай тунхаглал (1998, 2022 онд "
        "нэмэлт өөрчлөлт оруулсан)"
    ),
    "Mongolia, Law on Occupational Safety and Health (2008)": (
        "Монгол Улсын Хөдөлмөрийн аюулгүй байдал, эрүүл ахуйн тухай хууль (2008)"
    ),
    "The social insurance office of your soum or district": (
        "Сум, дүүргийнхээ нийгмийн даатгалын хэлтэс"
    ),
}


def in_mongolian(resource: str) -> str:
    """``resource`` in Mongolian, part by part; a part without a translation stops the build."""
    missing = [p for p in resource.split("; ") if p and p not in MONGOLIAN]
    if missing:
        raise SystemExit(f"no Mongolian name for the resource {missing[0]!r}: add it to {__file__}")
    return "; ".join(MONGOLIAN[p] for p in resource.split("; ") if p)
