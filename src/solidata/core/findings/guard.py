"""What a reader who may not see small groups may see of one survey: one guard per dataset.

The guard computes, once per dataset, the :func:`~solidata.core.findings.suppression.protect`
decisions for the classification of the entities (aimag, entity type, legal form, sector), and
once per *measure* (a score's level, a definition's result, a choice ticked or not) the decisions
for the classification and that measure together, keeping the classification's decisions fixed.
Every page, CSV file and API answer asks the same guard, so a set is shown or hidden the same way
everywhere.

Measures are keyed by the partition of the entities they make, not by their name: a rule typed in
the workbench that splits the entities exactly as a method definition does gets the same
decisions, so the two cannot be played against each other.

Example::

    >>> import pandas as pd
    >>> groups = pd.DataFrame({"entity_type": ["coop"] * 12 + ["ngo"] * 2 + ["fund"] * 4})
    >>> guard = Guard(groups, variables=("entity_type",), min_count=5)
    >>> guard.shows({"entity_type": "coop"}), guard.shows({"entity_type": "ngo"})
    (True, False)
    >>> result = ["meets"] * 6 + ["does_not_meet"] * 6 + ["meets"] * 6
    >>> guard.shows({"entity_type": "coop"}, measure=result, category="meets")
    True
"""

from __future__ import annotations

import dataclasses
import hashlib
import threading
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from solidata.core.findings.suppression import Protection, protect

Categories = Sequence[Any] | npt.NDArray[Any]  # one category per entity
_Canonical = tuple[npt.NDArray[np.intp], dict[str, str], str]  # codes, code of each label, digest
KEEP = 512  # measures kept per dataset; one recomputed later gets the same decisions
MEASURE = "measure"
SECOND = "measure2"
SEEN = 16  # measures whose codes are remembered by identity (see Guard._canonical)
ABSENT = "-"  # the code of a category no entity is in (an empty set, decided as zeros are)


class Guard:
    """Suppression decisions for one dataset, computed on first use and kept."""

    def __init__(self, groups: pd.DataFrame, *, variables: Sequence[str], min_count: int) -> None:
        self.variables = tuple(variables)
        self.groups = groups[list(self.variables)].reset_index(drop=True).astype(str)
        self.min_count = min_count
        self._classes: Protection | None = None
        self._measures: dict[str, Protection] = {}
        self._pairs: dict[tuple[str, str], Protection] = {}
        self._within: dict[str, Protection] = {}
        self._seen: list[tuple[object, _Canonical]] = []
        self._lock = threading.Lock()

    def _canonical(self, values: Categories) -> _Canonical:
        """:func:`_canonical` of ``values``, remembered for the last few objects asked about.

        A report asks about the same measure (one array) thousands of times, once per cell;
        factorising 100,000 texts each time took most of a committee report's time. Objects are
        matched by identity and kept alive here, so an identity cannot be reused by another
        object; a measure must not be changed in place once asked about (none is: measures come
        from the survey's data, which nothing changes once built)."""
        with self._lock:
            for seen, found in self._seen:
                if seen is values:
                    return found
        found = _canonical(values)
        with self._lock:
            self._seen.insert(0, (values, found))
            del self._seen[SEEN:]
        return found

    def classes(self) -> Protection:
        """Decisions for sets defined by the classification alone."""
        with self._lock:
            if self._classes is None:
                self._classes = protect(self.groups, self.variables, min_count=self.min_count)
            return self._classes

    def measure(
        self, values: Categories, known: Sequence[str] = ()
    ) -> tuple[Protection, dict[str, str]]:
        """Decisions for the classification and a measure (one category per entity), with the
        code of each category in the protection. Sets in a ``known`` category are always shown
        (e.g. entities without a score: that they gave too few answers says nothing of a score).
        """
        codes, labels, digest = self._canonical(values)
        shown = sorted(labels[k] for k in known if k in labels)
        digest += "/" + ",".join(shown)
        classes = self.classes()
        with self._lock:
            if digest not in self._measures:
                frame = self.groups.assign(**{MEASURE: codes.astype(str)})
                self._measures[digest] = protect(
                    frame,
                    (*self.variables, MEASURE),
                    min_count=self.min_count,
                    fixed=[classes],
                    known={MEASURE: shown},
                )
                if len(self._measures) > KEEP:
                    self._measures.pop(next(iter(self._measures)))
            return self._measures[digest], labels

    def within(self, members: Categories) -> Protection:
        """Decisions for the classification of a sub-population (``members``: True for the
        entities in it), e.g. the entities with a score for one dimension. A mean is the sum of
        its group's scores over their number, so two groups' means can be subtracted like counts:
        the groups must be protected as counts of the entities that *have* a score."""
        mask = np.asarray(members, dtype=bool)
        digest = hashlib.sha256(np.packbits(mask).tobytes() + str(len(mask)).encode()).hexdigest()
        with self._lock:
            if digest not in self._within:
                self._within[digest] = protect(
                    self.groups[mask], self.variables, min_count=self.min_count
                )
                if len(self._within) > KEEP:
                    self._within.pop(next(iter(self._within)))
            return self._within[digest]

    def pair(
        self, first: Categories, second: Categories
    ) -> tuple[Protection, dict[str, str], dict[str, str]]:
        """Decisions for the cross-tabulation of two measures over all entities (no breakdown),
        with the two measures' own decisions fixed."""
        a, a_labels = self.measure(first)
        b, b_labels = self.measure(second)
        a_codes, _, a_digest = self._canonical(first)
        b_codes, _, b_digest = self._canonical(second)
        renamed = dataclasses.replace(
            b,
            variables=(*self.variables, SECOND),
            frame=b.frame.rename(columns={MEASURE: SECOND}),
        )
        with self._lock:
            key = (a_digest, b_digest)
            if key not in self._pairs:
                frame = self.groups.assign(
                    **{MEASURE: a_codes.astype(str), SECOND: b_codes.astype(str)}
                )
                self._pairs[key] = protect(
                    frame,
                    (*self.variables, MEASURE, SECOND),
                    min_count=self.min_count,
                    views=[[], [MEASURE], [SECOND], [MEASURE, SECOND]],
                    fixed=[a, renamed],
                )
            return self._pairs[key], a_labels, b_labels

    def shows(
        self,
        conditions: Mapping[str, str | None],
        *,
        measure: Categories | None = None,
        category: str | None = None,
        known: Sequence[str] = (),
    ) -> bool:
        """Whether the count of entities meeting ``conditions`` (and, with a ``measure``, in its
        ``category``) may be shown."""
        wanted = {k: v for k, v in conditions.items() if v is not None}
        if measure is None:
            return self.classes().shows(wanted)
        protection, labels = self.measure(measure, known)
        if category is not None:
            wanted[MEASURE] = labels.get(category, ABSENT)
        return protection.shows(wanted)

    def shows_pair(
        self, first: Categories, second: Categories, a: str | None, b: str | None
    ) -> bool:
        protection, a_labels, b_labels = self.pair(first, second)
        wanted: dict[str, str | None] = {}
        if a is not None:
            wanted[MEASURE] = a_labels.get(a, ABSENT)
        if b is not None:
            wanted[SECOND] = b_labels.get(b, ABSENT)
        return protection.shows(wanted)


def _canonical(values: Categories) -> _Canonical:
    """Codes by first appearance (as integers: text only when a protection is computed), so that
    two measures making the same partition match."""
    # Vectorised: a report asks thousands of times over 100,000 entities.
    if isinstance(values, np.ndarray) and values.dtype.kind == "U":
        found = values
    else:
        found = np.asarray(
            list(values) if not isinstance(values, np.ndarray) else values, dtype=object
        )
    codes, uniques = pd.factorize(found, use_na_sentinel=False)
    labels = {str(u): str(i) for i, u in enumerate(uniques)}
    digest = hashlib.sha256(np.asarray(codes, dtype=np.int64).tobytes()).hexdigest()
    return codes, labels, digest
