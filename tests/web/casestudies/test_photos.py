"""Photos lose their EXIF (so their GPS position) when stored, unless consent covers location."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from solidata.core.casestudies import clean_photo
from solidata.core.casestudies import photos as photo_limits
from solidata.core.errors import SolidataError
from web.casestudies.conftest import phone_jpeg


def test_the_test_photo_really_carries_a_gps_position() -> None:
    exif = Image.open(io.BytesIO(phone_jpeg())).getexif()
    assert exif.get_ifd(0x8825)[2] == (47.0, 55.0, 9.0)


def test_a_cleaned_jpeg_has_no_exif_and_no_gps() -> None:
    clean = clean_photo(phone_jpeg())
    stored = Image.open(io.BytesIO(clean.data))
    assert dict(stored.getexif()) == {}
    assert "exif" not in stored.info
    assert b"PhoneMaker" not in clean.data
    assert (clean.latitude, clean.longitude) == (None, None)
    assert clean.content_type == "image/jpeg"


def test_with_location_consent_the_position_is_kept_beside_the_file_not_in_it() -> None:
    clean = clean_photo(phone_jpeg(), keep_location=True)
    assert clean.latitude == pytest.approx(47.919167, abs=1e-5)
    assert clean.longitude == pytest.approx(106.917500, abs=1e-5)
    assert dict(Image.open(io.BytesIO(clean.data)).getexif()) == {}


def test_large_photos_are_scaled_down() -> None:
    clean = clean_photo(phone_jpeg((3000, 1500)))
    assert (clean.width, clean.height) == (2000, 1000)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"not an image at all", "file.unreadable"),
        (b"\xff\xd8\xff\xe0 truncated jpeg", "file.unreadable"),
    ],
)
def test_files_that_are_not_images_are_refused(data: bytes, code: str) -> None:
    with pytest.raises(SolidataError) as error:
        clean_photo(data, name="x.jpg")
    assert error.value.codes == [code]


def test_a_gif_is_refused_as_a_format_not_accepted() -> None:
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, "GIF")
    with pytest.raises(SolidataError) as error:
        clean_photo(out.getvalue(), name="x.gif")
    assert error.value.codes == ["casestudy.photo_format"]


def test_a_decompression_bomb_is_refused_before_it_is_decoded(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A PNG that claims more pixels than the limit (the limit lowered so the test stays small).
    monkeypatch.setattr(photo_limits, "MAX_PIXELS", 100 * 100)
    out = io.BytesIO()
    Image.new("L", (200, 200)).save(out, "PNG")
    with pytest.raises(SolidataError) as error:
        clean_photo(out.getvalue(), name="bomb.png")
    assert error.value.codes == ["casestudy.photo_too_large"]


def test_files_over_the_size_limit_are_refused_unread(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(photo_limits, "MAX_BYTES", 100)
    with pytest.raises(SolidataError) as error:
        clean_photo(phone_jpeg())
    assert error.value.codes == ["file.too_large"]
