"""What a form step page shows: each question in the person's language, with its widget, answer,
error and visibility; and the parsing of a posted step back into answers."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.http import QueryDict
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from solidata.core.form import FilledForm, Issue, Step, selected
from solidata.core.method import Method, Question
from solidata.web.assessments import limits
from solidata.web.surveys.wording import answer_text

# Radio buttons up to this many answers; a drop-down above it (or with appearance "minimal").
MAX_RADIOS = 12
_OUTPUT = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_.\-]*)\}")


def form_language(method: Method) -> str:
    """The page's language if the method is translated into it, else the method's default."""
    lang = (get_language() or "en").split("-")[0]
    return lang if lang in method.languages else method.default_language


def switch_languages(method: Method) -> list[tuple[str, str]]:
    """The languages the form can switch to: the method's, where the site speaks them too."""
    site = dict(settings.LANGUAGES)
    return [(code, _local_name(code, site[code])) for code in method.languages if code in site]


def _local_name(code: str, fallback: str) -> str:
    from django.conf.locale import LANG_INFO

    return str(LANG_INFO.get(code, {}).get("name_local", fallback))


def issue_message(method: Method, issue: Issue, lang: str) -> str:
    """What to tell the person about one problem, in the form's language."""
    question = method.question(issue.question)
    if issue.code in ("nul", "too_long"):  # refused by the web layer (limits.py), not the form
        return limits.problem_message(issue.question, str(issue.code))
    if issue.code == "constraint":
        own = method.text(question.constraint_messages, lang) if question else ""
        return own or _(
            "This answer is not possible here. Check it against the question and its hint."
        )
    return {
        "required": _("Please answer this question."),
        "integer": _("Enter a whole number, such as 12."),
        "decimal": _("Enter a number, such as 2.5."),
        "date": _("Enter a date as year-month-day, such as 2024-05-31."),
        "choice": _("Choose from the answers listed."),
    }[issue.code]


@dataclass(frozen=True)
class ChoiceView:
    name: str
    label: str
    checked: bool


@dataclass(frozen=True)
class QuestionView:
    name: str
    type: str
    widget: str  # note, text, textarea, integer, decimal, date, radio, select, checkbox
    label: str
    hint: str
    required: bool
    value: str
    choices: list[ChoiceView] = field(default_factory=list)
    error: str = ""
    hidden: bool = False

    @property
    def described_by(self) -> str:
        """The hint and the error (empty until there is one) describe the field."""
        return f"h-{self.name} e-{self.name}" if self.hint else f"e-{self.name}"

    @property
    def is_choice_group(self) -> bool:
        """Radios and checkboxes sit in a fieldset whose legend is the question."""
        return self.widget in ("radio", "checkbox")


def widget_of(method: Method, question: Question) -> str:
    appearance = (question.appearance or "").split()
    if question.type == "note":
        return "note"
    if question.type == "select_one":
        many = len(method.choice_list(question)) > MAX_RADIOS
        return "select" if many or "minimal" in appearance else "radio"
    if question.type == "select_multiple":
        return "checkbox"
    if question.type in ("integer", "decimal", "date"):
        return question.type
    if question.type == "range":
        return "decimal"
    return "textarea" if "multiline" in appearance else "text"


def with_outputs(text: str, form: FilledForm) -> str:
    """Labels and hints may show answers and calculations, written ``${name}`` as in XLSForm."""
    return _OUTPUT.sub(lambda m: form.display(m.group(1)), text) if "${" in text else text


def question_views(
    method: Method,
    step: Step,
    form: FilledForm,
    values: Mapping[str, str],
    issues: Sequence[Issue],
    lang: str,
) -> list[QuestionView]:
    """The step's questions; ``values`` are the answers as typed (kept even when invalid)."""
    errors = {i.question: issue_message(method, i, lang) for i in issues}
    out = []
    for q in step.questions:
        value = values.get(q.name, "")
        picked = selected(value) if q.is_select else set()
        out.append(
            QuestionView(
                name=q.name,
                type=q.type,
                widget=widget_of(method, q),
                label=with_outputs(method.text(q.labels, lang), form) or q.name,
                hint=with_outputs(method.text(q.hints, lang), form),
                required=q.required,
                value=value,
                choices=[
                    ChoiceView(c.name, method.text(c.labels, lang) or c.name, c.name in picked)
                    for c in method.choice_list(q)
                ],
                error=errors.get(q.name, ""),
                hidden=not form.is_relevant(q),
            )
        )
    return out


def posted_answers(step: Step, data: QueryDict) -> dict[str, str]:
    """The answers of one step from a posted form (a select_multiple posts one value per box)."""
    out = {}
    for q in step.questions:
        if not q.is_answer:
            continue
        if q.type == "select_multiple":
            out[q.name] = " ".join(v.strip() for v in data.getlist(q.name) if v.strip())
        else:
            out[q.name] = data.get(q.name, "")
    return out


@dataclass(frozen=True)
class StepSummary:
    """One step on the check page: its title, answers and the number of problems left."""

    number: int
    title: str
    answers: list[tuple[str, str]]
    problems: int


def summary(
    method: Method, steps: Sequence[Step], form: FilledForm, lang: str
) -> list[StepSummary]:
    out = []
    for step in steps:
        if not form.step_is_relevant(step):
            continue
        rows = [
            (
                method.text(q.labels, lang) or q.name,
                answer_text(method, q, form.valid[q.name], lang),
            )
            for q in step.questions
            if q.name in form.valid and form.is_relevant(q)
        ]
        out.append(
            StepSummary(
                step.number, step_title(method, step, lang), rows, len(form.issues(step.questions))
            )
        )
    return out


def step_title(method: Method, step: Step, lang: str) -> str:
    if step.group is not None:
        return method.text(step.group.labels, lang) or step.group.name
    return method.title_in(lang)
