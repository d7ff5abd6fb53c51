"""Readable sources of the bundled method "SSE self-assessment (ILO 2022)", version 2026.2.

``survey`` and ``survey_values`` hold the questions, ``choices`` and ``choices_values`` the answer
lists with their scores, ``scoring`` the scoring sheets (dimensions, indicators, rules, levels,
definitions), ``advice`` the recommendations and the glossary, ``changes`` the change notes of each
version.
``scripts/build_ilo_method.py`` writes them to ``src/solidata/core/data/methods/ilo-2022.xlsx``.
"""
