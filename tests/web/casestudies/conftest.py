"""Fixtures of the case-study tests: the demo (with its three synthetic case studies), the
personas, and a JPEG from a phone with its GPS position in EXIF."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from PIL import Image

from personas import Personas, personas

# Ulaanbaatar's Sükhbaatar Square, as a phone writes it: degrees, minutes, seconds.
GPS = {1: "N", 2: (47.0, 55.0, 9.0), 3: "E", 4: (106.0, 55.0, 3.0)}


def phone_jpeg(size: tuple[int, int] = (640, 480)) -> bytes:
    image = Image.new("RGB", size, (120, 160, 90))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0132] = "2025:06:10 10:00:00"  # DateTime
    exif[0x8825] = GPS
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


@pytest.fixture
def people(demo_db) -> Personas:  # type: ignore[no-untyped-def]
    return personas()


def signed_in(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    if user is not None and user.is_authenticated:
        client.force_login(user)
    return client
