"""How much free text a web self-assessment, a review note and the JSON API accept.

Without limits, answers of megabytes and names of thousands of characters were stored, and
anonymous drafts could fill the disk. Texts holding a NUL character are refused too: PostgreSQL
cannot store one, and SQLite is held to the same rule so that both databases accept the same data.
Whatever is refused is refused whole: nothing of that save is stored. See docs/self-assessment.md.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from solidata.web.imports.organisations import NAME_QUESTIONS

ANSWER_CHARS = 10_000  # one free-text answer
NAME_CHARS = 200  # the organisation's name
DRAFT_CHARS = 100_000  # all answers of one draft together
NOTE_CHARS = 5_000  # a reviewer's note


def answer_limit(question: str) -> int:
    return NAME_CHARS if question in NAME_QUESTIONS else ANSWER_CHARS


def answer_problem(question: str, value: str) -> str | None:
    """``"nul"`` or ``"too_long"`` when ``value`` cannot be stored as the answer to ``question``."""
    if "\x00" in value:
        return "nul"
    if len(value) > answer_limit(question):
        return "too_long"
    return None


class AnswersRefused(ValidationError):
    """Some answers cannot be stored; ``problems`` maps each question to ``nul`` or ``too_long``
    (or the draft as a whole, ``""``, to ``too_long``)."""

    def __init__(self, problems: Mapping[str, str]) -> None:
        self.problems = dict(problems)
        messages = [problem_message(q, p) for q, p in self.problems.items()]
        super().__init__(messages, code="answers_refused")


def problem_message(question: str, problem: str) -> str:
    if problem == "nul":
        return _("This answer contains a character that cannot be stored (NUL). Type it again.")
    if not question:
        return _(
            "All the answers together are too long (at most %(limit)s characters). "
            "Shorten the longest ones."
        ) % {"limit": f"{DRAFT_CHARS:,}"}
    return _("This answer is too long: shorten it to at most %(limit)s characters.") % {
        "limit": f"{answer_limit(question):,}"
    }


def answers_check(answers: Mapping[str, str], changed: Mapping[str, str]) -> None:
    """Refuse ``changed`` answers that cannot be stored, and a draft (``answers``, after the
    change) too long in all; raises :class:`AnswersRefused`."""
    problems = {q: p for q, value in changed.items() if (p := answer_problem(q, value)) is not None}
    if problems:
        raise AnswersRefused(problems)
    if sum(len(k) + len(v) for k, v in answers.items()) > DRAFT_CHARS:
        raise AnswersRefused({"": "too_long"})


def note_check(note: str) -> None:
    if "\x00" in note:
        raise ValidationError(
            _("The note contains a character that cannot be stored (NUL). Type it again."),
            code="nul",
        )
    if len(note) > NOTE_CHARS:
        raise ValidationError(
            _("The note is too long: shorten it to at most %(limit)s characters.")
            % {"limit": f"{NOTE_CHARS:,}"},
            code="too_long",
        )


# --- anonymous drafts -----------------------------------------------------------------------------

DAY = 24 * 3600
SESSION_STARTS = "assessments.anonymous_starts"


def _recent(times: list[float], now: float) -> list[float]:
    return [t for t in times if t > now - DAY]


def anonymous_start_check(session: SessionBase, address: str, *, now: float) -> None:
    """Refuse a new draft without an account when this browser session, or this address, has
    started SOLIDATA_ANONYMOUS_DRAFTS within a day (unsubmitted ones expire: ``solidata manage
    prune``)."""
    limit = int(settings.SOLIDATA_ANONYMOUS_DRAFTS)
    by_session = _recent(session.get(SESSION_STARTS, []), now)
    by_address = _recent(cache.get(f"drafts:addr:{address}", []), now)
    if len(by_session) >= limit or len(by_address) >= limit:
        raise ValidationError(
            _(
                "Too many assessments were started from here today. Continue one of yours "
                "(below), sign in, or come back tomorrow."
            ),
            code="too_many_drafts",
        )


def anonymous_start_record(session: SessionBase, address: str, *, now: float) -> None:
    session[SESSION_STARTS] = [*_recent(session.get(SESSION_STARTS, []), now), now]
    key = f"drafts:addr:{address}"
    cache.set(key, [*_recent(cache.get(key, []), now), now][-1000:], DAY)
