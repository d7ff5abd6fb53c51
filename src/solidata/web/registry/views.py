"""The public directory of SSE organisations that consented to be listed."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from solidata.web.accounts import rights
from solidata.web.registry.models import AdminArea, EntityType, EntityTypePresence, Organisation
from solidata.web.registry.selectors import organisations_named, organisations_public
from solidata.web.surveys.presenters import profile_of
from solidata.web.surveys.score_records import score_record
from solidata.web.surveys.selectors import (
    latest_organisation_score,
    method_of,
    published_scores,
    reference_method,
)


def organisation_list(request: HttpRequest) -> HttpResponse:
    orgs = organisations_public()
    entity_type = request.GET.get("type", "")
    area = request.GET.get("area", "")
    if entity_type:
        orgs = orgs.filter(entity_type_id=entity_type)
    if area:
        orgs = orgs.filter(admin_area_id=area)
    query = request.GET.get("q", "").strip()[:100]
    page: Page[int] | Page[Organisation]  # the matching ids in search order, or the organisations
    if query:
        page = Paginator(organisations_named(orgs, query), 30).get_page(request.GET.get("page"))
        found = orgs.in_bulk(list(page.object_list))
        listed = [found[pk] for pk in page.object_list]
    else:
        page = Paginator(orgs.order_by("name"), 30).get_page(request.GET.get("page"))
        listed = list(page)
    scores = published_scores([o for o in listed if o.consent_results_public])
    method = reference_method()
    lang = (get_language() or "en").split("-")[0]
    principles = [d for d in method.dimensions if d.kind in ("purpose", "principle")]
    rows = [
        (o, [scores.get(o.pk, {}).get(d.id) for d in principles] if o.pk in scores else None)
        for o in listed
    ]
    return render(
        request,
        "registry/organisation_list.html",
        {
            "page": page,
            "rows": rows,
            "score_columns": [(d.id, method.text(d.labels, lang)) for d in principles],
            "types": EntityType.objects.all(),
            # Types that do not exist in Mongolia are listed as absent, not offered as filters
            # that would always find nobody.
            "absent_types": set(
                EntityTypePresence.objects.filter(
                    country_id="MN", exists=EntityTypePresence.Exists.NO
                ).values_list("entity_type_id", flat=True)
            ),
            "areas": AdminArea.objects.filter(country_id="MN"),
            "selected_type": entity_type,
            "selected_area": area,
            "query": query,
        },
    )


def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    org = get_object_or_404(
        Organisation.objects.select_related("entity_type", "legal_form", "admin_area", "sector"),
        pk=pk,
    )
    staff = request.user.is_staff
    if not (org.consent_public or staff):
        raise Http404
    profile = None
    score = latest_organisation_score(org) if (org.consent_results_public or staff) else None
    if score is not None:
        lang = (get_language() or "en").split("-")[0]
        method = method_of(score.method)
        profile = profile_of(method, score_record(score, lang), lang)
    return render(
        request,
        "registry/organisation_detail.html",
        {
            "org": org,
            "profile": profile,
            "score": score,
            "result_pdf": rights.can_download_entity_report(request.user, org),
        },
    )
