"""Photos of case studies, cleaned before they are stored.

A phone's JPEG carries the camera, the time and often the exact place (GPS) in its EXIF block: the
place of a herder family's winter camp is personal data. Every uploaded photo is decoded and
re-encoded from its pixels alone, so no metadata survives; the GPS position is kept (as numbers
returned beside the photo, never inside the file) only when the consent record allows location.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from solidata.core.errors import SolidataError

FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
MAX_BYTES = 10 * 1024 * 1024  # what a phone's photo weighs at most, with room to spare
MAX_PIXELS = 40_000_000  # refuses decompression bombs before decoding (a 20 MP photo is half)
MAX_SIDE = 2000  # stored photos are scaled down to this on their longer side
GPS_IFD = 0x8825


@dataclass(frozen=True)
class CleanPhoto:
    """A photo as stored: re-encoded bytes without metadata, and the place if it may be kept."""

    data: bytes
    content_type: str
    width: int
    height: int
    latitude: float | None = None
    longitude: float | None = None


def clean_photo(data: bytes, *, name: str = "photo", keep_location: bool = False) -> CleanPhoto:
    """Decode, check and re-encode an uploaded photo without its EXIF, XMP or ICC metadata.

    Only JPEG, PNG and WebP are accepted, up to ``MAX_BYTES`` and ``MAX_PIXELS``; the photo is
    turned upright (EXIF orientation) and scaled to ``MAX_SIDE``. With ``keep_location`` the GPS
    position is read from the EXIF and returned beside the photo.

    >>> clean_photo(b"not an image", name="x.jpg")
    Traceback (most recent call last):
    solidata.core.errors.SolidataError: ...
    """
    if len(data) > MAX_BYTES:
        raise SolidataError.of("file.too_large", size=len(data), limit=MAX_BYTES)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            kind = image.format or ""
            if kind not in FORMATS:
                raise SolidataError.of(
                    "casestudy.photo_format", file=name, name=name, found=kind or "?"
                )
            if image.width * image.height > MAX_PIXELS:
                raise SolidataError.of(
                    "casestudy.photo_too_large",
                    file=name,
                    name=name,
                    width=image.width,
                    height=image.height,
                    limit=MAX_PIXELS,
                )
            exif = image.getexif()
            image.load()
    except UnidentifiedImageError as error:
        raise SolidataError.of("file.unreadable", file=name, reason="not an image") from error
    except (OSError, SyntaxError, ValueError) as error:
        raise SolidataError.of(
            "file.unreadable", file=name, reason=str(error) or "no image"
        ) from error
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise SolidataError.of(
            "casestudy.photo_too_large",
            file=name,
            name=name,
            width="?",
            height="?",
            limit=MAX_PIXELS,
        ) from error
    latitude, longitude = _gps(exif) if keep_location else (None, None)
    upright: Image.Image = ImageOps.exif_transpose(image)
    upright.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    # A new image from the pixels alone: nothing of the original's info dict comes along.
    mode = "RGBA" if kind != "JPEG" and upright.mode in ("RGBA", "LA", "P") else "RGB"
    pixels = upright.convert(mode)
    bare = Image.new(mode, pixels.size)
    bare.paste(pixels)
    if kind == "JPEG":
        bare.save(out, "JPEG", quality=85, optimize=True)
    elif kind == "PNG":
        bare.save(out, "PNG", optimize=True)
    else:
        bare.save(out, "WEBP", quality=85)
    return CleanPhoto(out.getvalue(), FORMATS[kind], bare.width, bare.height, latitude, longitude)


def _gps(exif: Image.Exif) -> tuple[float | None, float | None]:
    """Latitude and longitude in degrees from EXIF's GPS block (None when absent or broken)."""
    gps = exif.get_ifd(GPS_IFD)
    try:
        lat = _degrees(gps[2], gps.get(1, "N"))
        lon = _degrees(gps[4], gps.get(3, "E"))
    except (KeyError, TypeError, ValueError, ZeroDivisionError, IndexError):
        return None, None
    return lat, lon


def _degrees(dms: tuple[float, float, float], ref: str) -> float:
    d, m, s = (float(x) for x in dms)
    value = d + m / 60 + s / 3600
    return round(-value if str(ref).upper() in ("S", "W") else value, 6)
