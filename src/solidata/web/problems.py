"""Problems of the core's catalogue, said in the language of the page.

The catalogue (``core/errors.py``) holds each problem's message and hint in English, with named
placeholders. The web says them again in the request's language: each template is a gettext message
whose context is the problem's code (``file.too_large``; ``file.too_large (how to fix)`` for the
hint), so a translator sees which problem a text belongs to, and another language needs a
catalogue, not code. ``problem_texts.py`` lists the templates for ``makemessages``;
``scripts/i18n.py extract`` writes it, and a test holds it equal to the catalogue.

A problem read back from storage without its parameters, or a translation whose placeholders do not
match, is shown in English rather than not at all.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal, overload

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, pgettext

from solidata.core.errors import CATALOGUE, Problem

HINT = " (how to fix)"


@dataclass(frozen=True)
class ShownProblem:
    """A problem as a page shows it: every text in the page's language, and as HTML with the
    user's own values (file, column and question names, answers) marked as ``<code>``, since they
    are data, not words of the page's language."""

    code: str
    severity: str
    where: str
    message: str
    hint: str
    where_html: SafeString
    message_html: SafeString
    hint_html: SafeString
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def text(self) -> str:
        prefix = f"{self.where}: " if self.where else ""
        return f"{prefix}{self.message} {self.hint}".strip()


def translated(p: Problem) -> Problem:
    """``p`` with its message and hint in the current language."""
    message, hint = CATALOGUE.get(p.code, (None, None))
    return dataclasses.replace(
        p,
        message=_say(p.code, message, p.params, p.message),
        hint=_say(p.code + HINT, hint, p.params, p.hint),
    )


def shown(p: Problem) -> ShownProblem:
    said = translated(p)
    message, hint = CATALOGUE.get(p.code, (None, None))
    return ShownProblem(
        p.code,
        p.severity,
        where(p),
        said.message,
        said.hint,
        where_html=where(p, html=True),
        message_html=_say_html(p.code, message, p.params, said.message),
        hint_html=_say_html(p.code + HINT, hint, p.params, said.hint),
        file=p.file,
        sheet=p.sheet,
        row=p.row,
        column=p.column,
    )


def shown_all(problems: Iterable[Problem]) -> list[ShownProblem]:
    return [shown(p) for p in problems]


def text(p: Problem) -> str:
    """The whole sentence (where, what, how to fix) in the current language."""
    return shown(p).text()


@overload
def where(p: Problem, *, html: Literal[True]) -> SafeString: ...
@overload
def where(p: Problem, *, html: Literal[False] = False) -> str: ...
def where(p: Problem, *, html: bool = False) -> str:
    """Where the problem is (file, sheet, row, column) in the current language; with ``html``,
    the names are escaped and marked as ``<code>``."""
    mark = _Code if html else str
    parts = []
    if p.file:
        parts.append(_escaped(gettext("file %(name)s"), html) % {"name": mark(p.file)})
    if p.sheet:
        parts.append(_escaped(gettext("sheet %(name)s"), html) % {"name": mark(p.sheet)})
    if p.row is not None:
        parts.append(_escaped(gettext("row %(number)s"), html) % {"number": p.row})
    if p.column:
        parts.append(_escaped(gettext("column %(name)s"), html) % {"name": mark(p.column)})
    joined = ", ".join(parts)
    return mark_safe(joined) if html else joined


def from_stored(data: dict[str, Any]) -> Problem:
    """A problem kept as :meth:`Problem.as_dict` data (parameters may be missing in old rows)."""
    return Problem(
        code=data["code"],
        message=data["message"],
        hint=data["hint"],
        severity=data.get("severity", "error"),
        file=data.get("file"),
        sheet=data.get("sheet"),
        row=data.get("row"),
        column=data.get("column"),
        params=dict(data.get("params") or {}),
    )


def _escaped(text: str, html: bool) -> str:
    return str(escape(text)) if html else text


class _Code(str):
    """A user's value in a message: escaped, and marked as ``<code>`` however it is formatted."""

    def __format__(self, spec: str) -> str:
        return f"<code>{escape(format(str.__str__(self), spec))}</code>"

    def __str__(self) -> str:
        return self.__format__("")

    def __repr__(self) -> str:
        return f"<code>{escape(repr(str.__str__(self)))}</code>"


def _say_html(context: str, template: str | None, params: dict[str, Any], said: str) -> SafeString:
    """The message as HTML: the template escaped, the user's values marked as ``<code>``."""
    if template is None:
        return escape(said)
    translated_template = pgettext(context, template)
    marked = {
        k: v if isinstance(v, int | float) and not isinstance(v, bool) else _Code(str(v))
        for k, v in params.items()
    }
    try:
        return mark_safe(str(escape(translated_template)).format(**marked))
    except (KeyError, IndexError, ValueError, AttributeError):
        return escape(said)


def _say(context: str, template: str | None, params: dict[str, Any], english: str) -> str:
    if template is None:
        return english
    said = pgettext(context, template)
    if said == template:
        return english
    try:
        return said.format(**params)
    except (KeyError, IndexError, ValueError, AttributeError):
        return english
