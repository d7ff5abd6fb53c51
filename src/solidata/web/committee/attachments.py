"""Minutes attached to decisions: PDF, DOCX, ODT or plain text, checked by name and by content.

The file is stored under a random name of our own (models.minutes_path); the uploader's name is
kept only as a cleaned label for the download. A file whose content does not match its type (an
executable renamed ``.pdf``) is refused, and downloads are served as attachments, never inline.
"""

from __future__ import annotations

import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import get_valid_filename

from solidata.core.errors import SolidataError

CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".txt": "text/plain; charset=utf-8",
}


def limit() -> int:
    """The largest minutes file accepted, in bytes (SOLIDATA_MINUTES_MAX_MB)."""
    return int(settings.SOLIDATA_MINUTES_MAX_MB) * 1024 * 1024


def checked_attachment(upload: UploadedFile[bytes]) -> tuple[str, ContentFile[bytes]]:
    """``(clean name, content)`` of an uploaded minutes file, or ``committee.attachment_*``."""
    raw_name = PurePath(upload.name or "minutes").name
    suffix = PurePath(raw_name).suffix.lower()
    if suffix not in CONTENT_TYPES:
        raise SolidataError.of("committee.attachment_type", name=raw_name)
    size = upload.size or 0
    if size > limit():
        raise SolidataError.of("file.too_large", size=size, limit=limit())
    data = upload.read(limit() + 1)
    if len(data) > limit():
        raise SolidataError.of("file.too_large", size=len(data), limit=limit())
    reason = _content_problem(suffix, data)
    if reason:
        raise SolidataError.of("committee.attachment_content", name=raw_name, reason=reason)
    name = get_valid_filename(raw_name)[:150] or f"minutes{suffix}"
    return name, ContentFile(data, name=name)


def _content_problem(suffix: str, data: bytes) -> str:
    if suffix == ".pdf":
        return "" if data.startswith(b"%PDF-") else "it does not start as a PDF does"
    if suffix == ".txt":
        if b"\x00" in data:
            return "it is not plain text"
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return "it is not UTF-8 text"
        return ""
    return _office_problem(suffix, data)


def _office_problem(suffix: str, data: bytes) -> str:
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if suffix == ".docx":
                return "" if "word/document.xml" in names else "it is not a Word document"
            mimetype = archive.read("mimetype") if "mimetype" in names else b""
            ok = mimetype.strip() == b"application/vnd.oasis.opendocument.text"
            return "" if ok else "it is not an OpenDocument text"
    except zipfile.BadZipFile:
        return "it is not a document archive"


def content_type(name: str) -> str:
    return CONTENT_TYPES.get(PurePath(name).suffix.lower(), "application/octet-stream")
