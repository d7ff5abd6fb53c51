"""The names the docstring examples in ``src/solidata`` are run with (``--doctest-modules``).

An example that needs a method, answers or a survey's data uses these names instead of building
them in every docstring, as NumPy's examples use ``np``:

- ``method``: the bundled method workbook, read (:func:`solidata.core.method.read_method`);
- ``answers``: the seeded synthetic demo answers of 156 invented organisations (text columns);
- ``answers_csv``: the same answers as a plain answers CSV (a path);
- ``groups``: their classification (``instance_id`` and the findings' classifiers);
- ``data``: the survey's data as the findings and the definition workbench read it;
- ``apistrat_csv``: R's ``apistrat`` sample (tests/data/survey), R ``survey``'s own example data.

They are built once per test process, the first time an example runs. The demo data is synthetic,
never the Mongolian survey.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
from _pytest.doctest import DoctestItem

HERE = Path(__file__).resolve().parent


@cache
def _names(folder: Path) -> dict[str, Any]:
    import pandas as pd

    from solidata.core.demo import synthetic_organisations
    from solidata.core.demo_answers import synthetic_answers, write_answers_csv
    from solidata.core.findings.dataset import CLASSIFIERS, survey_data
    from solidata.core.method import bundled_method_path, read_method

    path = bundled_method_path()
    assert path is not None
    method = read_method(path)
    orgs = synthetic_organisations()
    answers = synthetic_answers(orgs).astype("string")
    groups = pd.DataFrame(
        {
            "instance_id": answers["instance_id"],
            **{c: [getattr(o, c) for o in orgs] for c in CLASSIFIERS},
        }
    )
    answers_csv = folder / "answers.csv"
    write_answers_csv(answers, answers_csv)
    labels = dict(zip(answers["instance_id"], [o.name for o in orgs], strict=True))
    return {
        "method": method,
        "answers": answers,
        "answers_csv": answers_csv,
        "groups": groups,
        "data": survey_data(method, answers, groups, labels=labels),
        "apistrat_csv": HERE / "tests" / "data" / "survey" / "apistrat.csv",
    }


@pytest.fixture(autouse=True)
def _doctest_names(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> None:
    if isinstance(request.node, DoctestItem):
        namespace = request.getfixturevalue("doctest_namespace")
        namespace.update(_names(tmp_path_factory.getbasetemp()))
