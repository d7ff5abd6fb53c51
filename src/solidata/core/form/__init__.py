"""Filling in a method's form one answer set at a time: steps, relevance, checks.

This is what the web self-assessment needs from a method workbook, kept free of any web framework:
``steps`` cuts the form into pages (one per top-level group) and ``filled`` checks one person's
answers (types, ``required``, ``relevant``, ``constraint``, ``calculation``) with the same
expression evaluator that scores submissions.

Example::

    >>> from solidata.core.form import FilledForm, form_steps
    >>> from solidata.core.method import bundled_method_path, read_method
    >>> method = read_method(bundled_method_path())
    >>> step = form_steps(method)[0]
    >>> FilledForm(method, {"report_year": "1999"}).issues(step.questions)
    [Issue(question='report_year', code='constraint')]
"""

from __future__ import annotations

from solidata.core.form.filled import FilledForm, Issue, IssueCode, normalise, selected
from solidata.core.form.steps import SILENT_TYPES, Section, Step, form_steps, is_shown

__all__ = [
    "SILENT_TYPES",
    "FilledForm",
    "Issue",
    "IssueCode",
    "Section",
    "Step",
    "form_steps",
    "is_shown",
    "normalise",
    "selected",
]
