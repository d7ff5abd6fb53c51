"""A valid set of answers to the bundled method, and a way to fill its form with Django's client.

The same answers drive the browser tests. Choices default to each list's first answer; numbers
come from ``NUMBERS`` (they satisfy the method's constraints: women on board <= board size, shares
that add up to at most 100 ...).
"""

from __future__ import annotations

from django.test import Client

from solidata.core.form import FilledForm, Step, form_steps
from solidata.core.method import Method, Question

NUMBERS = {
    "report_year": "2025",
    "year_founded": "2010",
    "members_women": "12",
    "members_men": "10",
    "workers_paid": "3",
    "assembly_attendees": "15",
    "board_size": "5",
    "women_on_board": "2",
    "last_election_years": "1",
    "income_sales_pct": "60",
    "surplus_reinvested_pct": "70",
    "surplus_members_pct": "20",
    "surplus_investors_pct": "0",
    "workers_contract": "3",
    "workers_insured": "2",
    "pay_lowest": "700000",
    "pay_highest": "1500000",
}
CHOICES = {"income_band": "lt10m", "legal_form": "mn_cooperative", "aimag": "MN-073"}


def answer_for(method: Method, question: Question) -> str:
    if question.is_select:
        return CHOICES.get(question.name) or method.choice_list(question)[0].name
    if question.is_numeric:
        return NUMBERS.get(question.name, "1")
    return "Хоршоо Тест" if question.name == "org_name" else "тест"


def step_answers(method: Method, step: Step, so_far: dict[str, str]) -> dict[str, str]:
    """Answers for the questions of ``step`` that are relevant given the answers ``so_far``."""
    form = FilledForm(method, so_far)
    out = {}
    for question in step.questions:
        if question.is_answer and form.is_relevant(question):
            out[question.name] = answer_for(method, question)
            form = FilledForm(method, {**so_far, **out})
    return {k: v for k, v in out.items() if form.is_relevant(method.question(k))}  # type: ignore[arg-type]


def planned_steps(method: Method) -> list[tuple[Step, dict[str, str]]]:
    """Each relevant step with its answers, in order, as filling the form step by step gives them.

    Worked out once per method (object): checking relevance question by question takes a second
    for the bundled method, and many tests fill the same form."""
    kept = _planned.get(id(method))
    if kept is not None and kept[0] is method:
        return kept[1]
    answers: dict[str, str] = {}
    plan = []
    for step in form_steps(method):
        if FilledForm(method, answers).step_is_relevant(step):
            values = step_answers(method, step, answers)
            answers.update(values)
            plan.append((step, values))
    _planned[id(method)] = (method, plan)  # the method kept alive: its id is not reused
    return plan


_planned: dict[int, tuple[Method, list[tuple[Step, dict[str, str]]]]] = {}


def fill_all_steps(client: Client, method: Method, token: str) -> dict[str, str]:
    """Post every relevant step with valid answers, as a browser without JavaScript would."""
    answers: dict[str, str] = {}
    for step, planned in planned_steps(method):
        values = dict(planned)
        answers.update(values)
        data: dict[str, object] = {"action": "next"}
        for name, value in values.items():
            question = method.question(name)
            multiple = question is not None and question.type == "select_multiple"
            data[name] = value.split() if multiple else value
        response = client.post(f"/assess/{token}/step/{step.number}/", data)
        if response.status_code == 200:  # more questions appeared: a person looks, then goes on
            assert response.context["appeared"], step.name
            response = client.post(f"/assess/{token}/step/{step.number}/", data)
        assert response.status_code == 303, (step.name, response.status_code)
    return answers


def complete_answers(method: Method) -> dict[str, str]:
    """Valid answers to every relevant question of the form, as a finished draft holds them."""
    answers: dict[str, str] = {}
    for _, values in planned_steps(method):
        answers.update(values)
    return answers
