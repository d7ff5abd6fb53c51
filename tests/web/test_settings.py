"""Settings come from the environment through typed helpers that fail loudly."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from solidata.web import env

DOCS = Path(__file__).resolve().parents[2] / "docs" / "settings.md"


def test_a_boolean_setting_accepts_the_usual_spellings(monkeypatch: pytest.MonkeyPatch) -> None:
    for text, value in [("1", True), ("yes", True), ("off", False), ("FALSE", False)]:
        monkeypatch.setenv("SOLIDATA_DEBUG", text)
        assert env.envbool("SOLIDATA_DEBUG", not value) is value


def test_a_bad_boolean_stops_start_up_with_the_variable_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOLIDATA_DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="SOLIDATA_DEBUG"):
        env.envbool("SOLIDATA_DEBUG", False)


def test_a_bad_number_and_a_bad_choice_fail_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOLIDATA_MIN_CELL", "five")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env.envint("SOLIDATA_MIN_CELL", 5)
    monkeypatch.setenv("SOLIDATA_MIN_CELL", "0")
    with pytest.raises(ImproperlyConfigured, match="at least 1"):
        env.envint("SOLIDATA_MIN_CELL", 5, minimum=1)
    monkeypatch.setenv("DB", "mysql")
    with pytest.raises(ImproperlyConfigured, match="sqlite, postgres"):
        env.envchoice("DB", "sqlite", ("sqlite", "postgres"))


def test_a_secret_can_come_from_a_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    secret = tmp_path / "key"
    secret.write_text("s3cret\n")
    monkeypatch.delenv("SOLIDATA_SECRET_KEY", raising=False)
    monkeypatch.setenv("SOLIDATA_SECRET_KEY_FILE", str(secret))
    assert env.envsecret("SOLIDATA_SECRET_KEY") == "s3cret"
    monkeypatch.setenv("SOLIDATA_SECRET_KEY", "other")
    with pytest.raises(ImproperlyConfigured, match="not both"):
        env.envsecret("SOLIDATA_SECRET_KEY")


def test_reading_an_undeclared_setting_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        env.envstr("SOLIDATA_NOT_A_SETTING", "")


def test_the_local_secret_key_is_generated_once_and_kept(tmp_path: Path) -> None:
    first = env.local_secret_key(tmp_path / "home")
    assert len(first) > 40
    assert env.local_secret_key(tmp_path / "home") == first


def test_debug_is_off_unless_asked_for() -> None:
    from django.conf import settings

    assert settings.DEBUG is False


def test_every_setting_is_documented() -> None:
    text = DOCS.read_text("utf-8")
    assert [name for name in env.SETTINGS if f"`{name}`" not in text] == []
