"""What a findings report prints of a case study: the boxes, built without a database."""

from __future__ import annotations

from solidata.core.casestudies import CaseStudyRecord, QuoteRecord, case_study_boxes
from solidata.core.method import bundled_method_path, read_method


def _record(**changes: object) -> CaseStudyRecord:
    values: dict[str, object] = {
        "titles": {"en": "Wool together", "mn": "Ноосоо хамтдаа"},
        "summaries": {"en": "A herder cooperative."},
        "organisation": "Malchin Coop",
        "organisation_public": False,
        "entity_type": "Хоршоо",
        "admin_area": "Архангай",
        "locality": "Цэцэрлэг",
        "codes": {"challenges": ["climate", "finance"], "opportunities": ["processing"]},
        "quotes": [
            QuoteRecord("Prices doubled.", "en", "herder", True),
            QuoteRecord("Үнэ хоёр дахин өссөн.", "mn", "малчин", True),
            QuoteRecord("Нууц үг.", "mn", "дарга", False),
            QuoteRecord("Бид хамтдаа.", "mn", "гишүүн", True),
        ],
    }
    values.update(changes)
    return CaseStudyRecord(**values)  # type: ignore[arg-type]


def test_a_box_is_in_the_reports_language_with_the_methods_labels_in_list_order() -> None:
    path = bundled_method_path()
    assert path is not None
    box = case_study_boxes([_record()], read_method(path), "mn")[0]
    assert box.title == "Ноосоо хамтдаа"
    assert box.summary == "A herder cooperative."  # no Mongolian summary: English, not nothing
    # finance comes before climate in the method's list, whatever order they were ticked in
    assert box.challenges == (
        "Зээл, санхүүжилт авахад хүндрэлтэй",
        "Уур амьсгалын өөрчлөлт, зуд, ган",
    )
    assert box.codes["challenges"] == ("climate", "finance")


def test_at_most_two_agreed_quotes_go_in_the_reports_language_first() -> None:
    path = bundled_method_path()
    assert path is not None
    box = case_study_boxes([_record()], read_method(path), "mn")[0]
    assert box.quotes == ("“Үнэ хоёр дахин өссөн.” (малчин)", "“Бид хамтдаа.” (гишүүн)")
    assert not any("Нууц" in q for q in box.quotes)


def test_the_organisation_is_named_only_when_it_agreed_to_be_listed() -> None:
    path = bundled_method_path()
    assert path is not None
    method = read_method(path)
    hidden, named = case_study_boxes([_record(), _record(organisation_public=True)], method, "en")
    assert hidden.organisation == "" and named.organisation == "Malchin Coop"
    assert hidden.entity_type == "Хоршоо" and hidden.admin_area == "Архангай"
