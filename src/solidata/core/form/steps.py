"""A method's form cut into steps: each top-level group is one step, as a phone shows it.

Questions outside any group are gathered into steps of their own (one per run of consecutive
ungrouped questions). Inside a step, nested groups become sections. What a person never fills in is
left out: calculations (computed from the other answers), metadata (``start``, ``deviceid`` ...)
and questions inside repeats, which the web form does not support.

Example::

    >>> from solidata.core.method.model import Group, Method, Question
    >>> m = Method(id="m", version="1", groups=(Group("a"), Group("b")), questions=(
    ...     Question("q1", "text", group=("a",)), Question("q2", "integer", group=("b",)),
    ...     Question("c", "calculate", calculation="${q2} * 2", group=("b",))))
    >>> [(s.number, s.name, [q.name for q in s.questions]) for s in form_steps(m)]
    [(1, 'a', ['q1']), (2, 'b', ['q2'])]
"""

from __future__ import annotations

from dataclasses import dataclass

from solidata.core.method.model import METADATA_TYPES, Group, Method, Question

# Types a person never answers in the form: computed, or filled in by a data-collection device.
SILENT_TYPES = frozenset({"calculate", "hidden"}) | METADATA_TYPES


@dataclass(frozen=True)
class Section:
    """Questions in a row that share a group path; ``group`` is the innermost one (a legend)."""

    path: tuple[str, ...]
    group: Group | None
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Step:
    """One page of the form. ``number`` counts from 1; ``name`` is the top-level group's name."""

    number: int
    name: str
    group: Group | None
    sections: tuple[Section, ...]

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for s in self.sections for q in s.questions)


def is_shown(question: Question) -> bool:
    """True for the questions and notes a person sees in the web form."""
    return question.type not in SILENT_TYPES and not question.in_repeat


def form_steps(method: Method) -> tuple[Step, ...]:
    """The steps of ``method``'s form in form order (empty groups make no step)."""
    runs: list[tuple[str, list[Question]]] = []
    for question in method.questions:
        if not is_shown(question):
            continue
        top = question.group[0] if question.group else ""
        if runs and runs[-1][0] == top:
            runs[-1][1].append(question)
        else:
            runs.append((top, [question]))
    steps = []
    for number, (top, questions) in enumerate(runs, 1):
        steps.append(
            Step(
                number=number,
                name=top,
                group=method.group(top) if top else None,
                sections=_sections(method, questions),
            )
        )
    return tuple(steps)


def _sections(method: Method, questions: list[Question]) -> tuple[Section, ...]:
    out: list[tuple[tuple[str, ...], list[Question]]] = []
    for question in questions:
        if out and out[-1][0] == question.group:
            out[-1][1].append(question)
        else:
            out.append((question.group, [question]))
    return tuple(
        Section(
            path=path, group=method.group(path[-1]) if len(path) > 1 else None, questions=tuple(qs)
        )
        for path, qs in out
    )
