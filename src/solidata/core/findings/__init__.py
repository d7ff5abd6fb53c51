"""Solidata's findings: a survey's scored submissions as tables, for readers who may not see all.

The rule that splits this package from :mod:`solidata.core.stats`: a module belongs here when it
knows something Solidata-specific -- the classification of the entities (aimag, ILO entity type,
legal form, sector), a method's scores, definitions and questions, which readers may see small
groups, or the countries' entity types. :mod:`solidata.core.stats` holds the design-based survey
statistics that would serve any survey (R's ``survey`` package is their reference) and never
imports this package (a test holds it).

The pipeline: :mod:`~solidata.core.findings.dataset` (a survey's scored submissions as one wide
table) -> :mod:`~solidata.core.findings.crosstabs` (tables by any two variables, with
:mod:`solidata.core.stats.frames` for weights from a sampling frame and
:mod:`solidata.core.stats.estimates` for design-based estimates) ->
:mod:`~solidata.core.findings.tables` (cells that may be hidden, CSV and JSON shapes).
:mod:`~solidata.core.findings.suppression` and :mod:`~solidata.core.findings.guard` decide which
cells a reader who may not see small groups may see; :mod:`~solidata.core.findings.answers` (one
question's answers by group), :mod:`~solidata.core.findings.absent` (entity types absent in a
country) and :mod:`~solidata.core.findings.benchmarks` (peer benchmarks from the same group
statistics) build on them.

Example::

    >>> from solidata.core.findings.crosstabs import Findings, Query
    >>> table = Findings(data).counts(Query(rows="entity_type"))
    >>> [(row.label, row.cells[0].value) for row in table.rows][:2]
    [('association', 27.0), ('cooperative', 81.0)]
"""
