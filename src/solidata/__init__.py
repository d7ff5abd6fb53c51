"""Solidata: self-assessment, scoring and findings for the social and solidarity economy."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("solidata")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
