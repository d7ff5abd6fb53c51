"""Findings pages, their CSV downloads and the JSON API: each asks the rights, builds tables from
the core and renders them one of three ways. Small cells are hidden for every reader who may not
see them (rights.sees_small_cells), on the page, in the CSV and in the JSON alike."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from solidata.core.definitions import RuleCheck, check_rule
from solidata.core.errors import SolidataError
from solidata.core.findings.absent import with_absent, with_absent_columns
from solidata.core.findings.crosstabs import Findings, Query
from solidata.core.findings.dataset import CLASSIFIERS
from solidata.core.findings.tables import Table, table_csv, table_records
from solidata.core.reports.page_charts import page_chart
from solidata.core.reports.render import FORMATS, MEDIA_TYPES
from solidata.core.reports.render import render as render_report
from solidata.web.accounts import rights
from solidata.web.accounts.signed_in import SignedInRequest
from solidata.web.committee.selectors import open_draft_for
from solidata.web.findings import services
from solidata.web.findings.forms import DefinitionSaveForm, FrameImportForm, param_of, query_from
from solidata.web.findings.models import SamplingFrame
from solidata.web.findings.presenters import VARIABLES, Names, absent_word, shown, words
from solidata.web.findings.reports import LANGUAGES, entity_document, findings_document
from solidata.web.findings.rule_codes import rule_codes
from solidata.web.findings.selectors import (
    Dataset,
    population_frame,
    survey_dataset,
    surveys_with_findings,
)
from solidata.web.findings.workbench import Reader, bench
from solidata.web.problems import shown_all
from solidata.web.problems import text as problem_text
from solidata.web.registry.models import EntityTypePresence, Organisation
from solidata.web.surveys.models import Survey


@dataclasses.dataclass
class Page:
    """What every findings view needs: the survey, its data and the reader's view of them."""

    request: HttpRequest
    survey: Survey
    dataset: Dataset
    names: Names
    sees_small: bool
    as_json: bool

    @property
    def absent_word(self) -> str:
        return absent_word(self.survey.country_id)

    def with_absent(self, table: Table, rows: str | None, columns: str | None = None) -> Table:
        """Entity types that do not exist in the survey's country, as rows (or columns) saying
        so."""
        if "entity_type" not in (rows, columns):
            return table
        codes = EntityTypePresence.objects.filter(
            country_id=self.survey.country_id, exists=EntityTypePresence.Exists.NO
        ).values_list("entity_type_id", flat=True)
        absent = [(code, self.names("entity_type", code)) for code in codes]
        order = self.names.order["entity_type"]
        if rows == "entity_type":
            return with_absent(table, absent, order)
        return with_absent_columns(table, absent, order)

    @property
    def guard(self) -> Any:
        return None if self.sees_small else self.dataset.guard

    def findings(self) -> Findings:
        return Findings(
            self.dataset.data,
            guard=self.guard,
            weighting=self.dataset.weighting,
            name=self.names,
            words=words(),
            order=self.names.order,
        )

    def context(self, **extra: Any) -> dict[str, Any]:
        query = extra.get("query")
        return {
            "selected": {v: param_of(c) for v, c in query.filters.items()} if query else {},
            "survey": self.survey,
            "dataset": self.dataset,
            "sees_small": self.sees_small,
            "min_cell": self.dataset.guard.min_count,
            "variables": [(v, VARIABLES[v]) for v in CLASSIFIERS],
            "categories": {
                v: [(param_of(c), self.names(v, c)) for c in self.findings().categories(v)]
                for v in CLASSIFIERS
            },
            "can_change_method": rights.can_change_method(self.request.user, self.survey),
            "can_manage_frame": rights.can_manage_frame(self.request.user, self.survey),
            "committee_draft": open_draft_for(self.survey, self.request.user),
            **extra,
        }


def findings_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Sign-in and rights for a survey's findings; hands the view a :class:`Page`. Visitors are
    sent to sign in (the JSON API answers 401 instead)."""

    @wraps(view)
    def wrapper(request: HttpRequest, slug: str, *args: Any, fmt: str = "", **kw: Any) -> Any:
        if fmt == "json" and not request.user.is_authenticated:
            return JsonResponse({"error": "sign in first"}, status=401)
        return signed_in(request, slug, *args, fmt=fmt, **kw)

    @login_required
    def signed_in(request: HttpRequest, slug: str, *args: Any, fmt: str = "", **kw: Any) -> Any:
        survey = get_object_or_404(Survey.objects.select_related("method", "country"), slug=slug)
        if not rights.can_see_aggregates(request.user, survey):
            raise PermissionDenied
        dataset = survey_dataset(survey)
        lang = (get_language() or "en").split("-")[0]
        page = Page(
            request=request,
            survey=survey,
            dataset=dataset,
            names=Names(dataset.data.method, lang),
            sees_small=rights.sees_small_cells(request.user),
            as_json=fmt == "json",
        )
        return view(page, *args, **kw)

    return wrapper


def respond(page: Page, tables: Sequence[Table], template: str, **extra: Any) -> HttpResponse:
    """The page, one of its tables as CSV (``?format=csv&table=ID``) or all of them as JSON."""
    fmt = "json" if page.as_json else page.request.GET.get("format", "")
    if fmt == "json":
        return JsonResponse(
            {
                "survey": page.survey.slug,
                "weighted": page.dataset.weighting is not None,
                "small_cells_hidden": not page.sees_small,
                "min_cell": page.dataset.guard.min_count,
                "tables": [table_records(t) for t in tables],
            },
            json_dumps_params={"ensure_ascii": False},
        )
    if fmt == "csv":
        wanted = page.request.GET.get("table", tables[0].id if tables else "")
        table = next((t for t in tables if t.id == wanted), None)
        if table is None:
            return HttpResponse(status=404)
        # A byte order mark first: Excel then reads the file as UTF-8 and shows Cyrillic.
        response = HttpResponse("\ufeff" + table_csv(table), content_type="text/csv; charset=utf-8")
        name = f"{page.survey.slug}-{table.id}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    rendered = [_rendered(t, page) for t in tables]
    return render(page.request, template, page.context(tables=rendered, **extra))


def _rendered(table: Table, page: Page) -> dict[str, Any]:
    params = page.request.GET.copy()
    params["format"] = "csv"
    params["table"] = table.id
    return {
        "table": table,
        "rows": [
            (
                row,
                [
                    shown(c, col, page.absent_word)
                    for c, col in zip(row.cells, table.columns, strict=True)
                ],
            )
            for row in table.rows
        ],
        "csv": "?" + params.urlencode(),
        "chart": page_chart(table, _("Entities"), _("Score (0-100)")),
    }


def _named(table: Table, new_id: str) -> Table:
    return dataclasses.replace(table, id=new_id)


# --- pages ---------------------------------------------------------------------------------------


@login_required
def index(request: SignedInRequest) -> HttpResponse:
    surveys = surveys_with_findings(request.user)
    if not surveys and not rights.role_of(request.user):
        raise PermissionDenied
    return render(request, "findings/index.html", {"surveys": surveys})


@findings_page
def overview(page: Page) -> HttpResponse:
    findings = page.findings()
    query = query_from(page.request.GET, rows=None, columns=False)
    filters = dict(query.filters)
    tables = [
        _named(
            page.with_absent(
                findings.counts(
                    Query(rows=v, filters={k: x for k, x in filters.items() if k != v})
                ),
                v,
            ),
            f"counts-{v}",
        )
        for v in CLASSIFIERS
    ]
    measures = [m for m, _, is_dimension in page.names.measures() if is_dimension]
    tables.append(findings.overview(Query(filters=filters), measures))
    return respond(page, tables, "findings/overview.html", query=query, section="overview")


@findings_page
def counts(page: Page) -> HttpResponse:
    query = query_from(page.request.GET, rows="entity_type")
    table = page.with_absent(page.findings().counts(query), query.rows, query.columns)
    return respond(page, [table], "findings/counts.html", query=query, section="counts")


@findings_page
def scores(page: Page) -> HttpResponse:
    query = query_from(page.request.GET, rows="entity_type")
    measures = page.names.measures()
    measure = page.request.GET.get("measure", measures[0][0] if measures else "")
    if measure not in {m for m, _, _ in measures}:
        measure = measures[0][0]
    table = page.findings().scores(measure, query)
    return respond(
        page,
        [table],
        "findings/scores.html",
        query=query,
        measures=measures,
        measure=measure,
        section="scores",
    )


@findings_page
def choices(page: Page) -> HttpResponse:
    query = query_from(page.request.GET, rows="entity_type", columns=False)
    questions = [(q.name, page.names("question", q.name)) for q in page.dataset.data.multiples()]
    if not questions:
        return respond(
            page, [], "findings/choices.html", query=query, questions=[], section="choices"
        )
    wanted = page.request.GET.get("question", "")
    names = [q for q, _ in questions]
    question = wanted if wanted in names else ("challenges" if "challenges" in names else names[0])
    table = page.with_absent(page.findings().choices(question, query), query.rows)
    return respond(
        page,
        [table],
        "findings/choices.html",
        query=query,
        questions=questions,
        question=question,
        section="choices",
    )


@findings_page
def definitions(page: Page) -> HttpResponse:
    query = query_from(page.request.GET, rows="entity_type", columns=False)
    method = page.dataset.data.method
    options = [(d.id, method.text(d.labels, page.names.lang) or d.id) for d in method.definitions]
    if not options:
        return respond(
            page, [], "findings/definitions.html", query=query, options=[], section="definitions"
        )
    wanted = page.request.GET.get("definition", options[0][0])
    chosen = next((o for o in options if o[0] == wanted), options[0])
    results = page.dataset.data.table.definitions[chosen[0]].astype(str).to_numpy()
    table = page.findings().results(results, query, title=chosen[1])
    found = method.definitions[[o[0] for o in options].index(chosen[0])]
    return respond(
        page,
        [table],
        "findings/definitions.html",
        query=query,
        options=options,
        chosen=chosen,
        definition=found,
        section="definitions",
    )


# --- the workbench -------------------------------------------------------------------------------


def _rules(page: Page) -> tuple[tuple[str, str], tuple[str, str] | None, RuleCheck | None]:
    """The definition compared with (``a``: a method definition; a method without definitions
    compares with "everyone") and the candidate (``b``: a method definition, or the typed
    ``rule``), as ``(label, rule)``, with the typed rule's check."""
    method = page.dataset.data.method
    params = page.request.GET
    rules = {
        d.id: (method.text(d.labels, page.names.lang) or d.id, d.rule) for d in method.definitions
    }
    first = rules.get(str(params.get("a")), next(iter(rules.values()), (_("Everyone"), "true()")))
    typed = params.get("rule", "").strip()
    if typed:
        check = check_rule(method, typed, answers_allowed=page.sees_small)
        return first, ((_("Candidate rule"), check.rule) if check.ok else None), check
    return first, rules.get(str(params.get("b"))), None


@findings_page
def workbench(page: Page) -> HttpResponse:
    first, second, check = _rules(page)
    reader = Reader(page.dataset, page.guard, page.names)
    found = bench(reader, first, second) if page.dataset.data.size else None
    if page.as_json or page.request.GET.get("format") == "json":
        payload = dataclasses.asdict(found) if found else {}
        for side in ("first", "second"):
            if payload.get(side):
                payload[side].pop("map_svg", None)
        return JsonResponse(
            {
                "survey": page.survey.slug,
                "small_cells_hidden": not page.sees_small,
                "min_cell": page.dataset.guard.min_count,
                "problems": [problem_text(p) for p in check.problems] if check else [],
                "workbench": payload,
            },
            json_dumps_params={"ensure_ascii": False},
        )
    method = page.dataset.data.method
    htmx = bool(getattr(page.request, "htmx", False))
    template = "findings/_results.html" if htmx else "findings/workbench.html"
    save = DefinitionSaveForm(initial={"rule": second[1] if second else ""})
    return render(
        page.request,
        template,
        page.context(
            bench=found,
            check=check,
            check_problems=shown_all(check.problems) if check else [],
            definitions=[
                (d.id, method.text(d.labels, page.names.lang) or d.id, d.rule)
                for d in method.definitions
            ],
            a=page.request.GET.get("a", ""),
            b=page.request.GET.get("b", ""),
            rule=page.request.GET.get("rule", ""),
            save_form=save,
            codes=rule_codes(method, page.names.lang, answers_allowed=page.sees_small),
            section="workbench",
        ),
    )


@findings_page
def workbench_check(page: Page) -> HttpResponse:
    """The typed rule checked as one types (htmx): the problems, and the results updated."""
    first, second, check = _rules(page)
    reader = Reader(page.dataset, page.guard, page.names)
    found = bench(reader, first, second) if page.dataset.data.size else None
    return render(
        page.request,
        "findings/_check.html",
        page.context(
            bench=found,
            check=check,
            check_problems=shown_all(check.problems) if check else [],
            rule=page.request.GET.get("rule", ""),
        ),
    )


@require_POST
@findings_page
def workbench_save(page: Page) -> HttpResponse:
    if not rights.can_change_method(page.request.user, page.survey):
        raise PermissionDenied
    form = DefinitionSaveForm(page.request.POST)
    back = reverse("findings:workbench", args=[page.survey.slug])
    if not form.is_valid():
        for field, errors in form.errors.items():
            messages.error(page.request, f"{field}: {' '.join(str(e) for e in errors)}")
        return redirect(back)
    data = form.cleaned_data
    try:
        stored = services.definition_save(
            survey=page.survey,
            identifier=data["identifier"],
            rule=data["rule"],
            labels={"en": data["label_en"], "mn": data["label_mn"]},
            descriptions={"en": data["description_en"], "mn": data["description_mn"]},
            apply=data["apply"],
        )
    except SolidataError as error:
        for p in error.problems:
            messages.error(page.request, problem_text(p))
        return redirect(back)
    messages.success(
        page.request,
        _("Saved as method %(method)s version %(version)s.")
        % {"method": stored.method_id, "version": stored.version},
    )
    return redirect(f"{back}?b={data['identifier']}" if data["apply"] else back)


# --- the report ----------------------------------------------------------------------------------


@findings_page
def report(page: Page) -> HttpResponse:
    """The findings report as PDF, DOCX, XLSX or HTML, in the chosen language, for this reader."""
    lang = page.request.GET.get("lang", page.names.lang)
    fmt = page.request.GET.get("format", "pdf")
    if lang not in LANGUAGES or fmt not in FORMATS:
        return HttpResponse(
            _("Choose a language (mn, en) and a format (pdf, docx, xlsx, html)."),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    document = findings_document(
        survey=page.survey, dataset=page.dataset, lang=lang, suppressed=not page.sees_small
    )
    response = HttpResponse(render_report(document, fmt), content_type=MEDIA_TYPES[fmt])
    edition = "full" if page.sees_small else "suppressed"
    name = f"{page.survey.slug}-findings-{lang}-{edition}.{fmt}"
    if fmt != "html":
        response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def entity_report_pdf(request: SignedInRequest, pk: int) -> HttpResponse:
    """An organisation's own result as a PDF, for its representatives, researchers and admins."""
    organisation = get_object_or_404(Organisation.objects.select_related("country"), pk=pk)
    if not rights.can_download_entity_report(request.user, organisation):
        raise PermissionDenied
    lang = request.GET.get("lang") or None
    if lang is not None and lang not in LANGUAGES:
        return HttpResponse(_("Choose a language (mn, en)."), status=400)
    try:
        document = entity_document(organisation=organisation, lang=lang)
    except SolidataError as error:
        return HttpResponse(error.problems[0].text(), status=404, content_type="text/plain")
    response = HttpResponse(render_report(document, "pdf"), content_type=MEDIA_TYPES["pdf"])
    response["Content-Disposition"] = f'attachment; filename="organisation-{pk}-result.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


# --- the sampling frame --------------------------------------------------------------------------


@findings_page
def frame(page: Page) -> HttpResponse:
    form = FrameImportForm()
    if page.request.method == "POST":
        if not rights.can_manage_frame(page.request.user, page.survey):
            raise PermissionDenied
        form = FrameImportForm(page.request.POST, page.request.FILES)
        if form.is_valid():
            try:
                services.sampling_frame_import(
                    survey=page.survey,
                    data=form.cleaned_data["file"].read(),
                    kind=form.cleaned_data["kind"],
                    description=form.cleaned_data["description"],
                    source=form.cleaned_data["source"],
                )
            except SolidataError as error:
                for p in error.problems[:20]:
                    messages.error(page.request, problem_text(p))
            else:
                messages.success(page.request, _("The sampling frame was imported."))
                return redirect("findings:frame", page.survey.slug)
    try:
        population = population_frame(page.survey)
    except SolidataError as error:
        population = None
        messages.error(page.request, problem_text(error.problems[0]))
    strata = []
    if population is not None:
        strata = [
            (
                " / ".join(
                    page.names(v, c) for v, c in zip(population.variables, key, strict=True)
                ),
                n,
            )
            for key, n in population.counts.items()
        ]
    return render(
        page.request,
        "findings/frame.html",
        page.context(
            population=population,
            strata=strata,
            frame_variables=[VARIABLES[v] for v in population.variables] if population else [],
            frame_is_synthetic=SamplingFrame.objects.filter(
                survey=page.survey, is_synthetic=True
            ).exists(),
            form=form,
            section="frame",
        ),
    )
