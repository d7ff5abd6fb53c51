"""Small template helpers for the findings pages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: Mapping[str, Any] | None, key: str) -> Any:
    """``mapping[key]``, or "" when absent (``{{ query.filters|get_item:v }}``)."""
    if not mapping:
        return ""
    return mapping.get(key, "")


@register.filter
def percent(value: float | None) -> str:
    """A share (0-1) as a whole percentage, "–" when missing."""
    if value is None:
        return "–"
    return f"{round(100 * value)}%"
