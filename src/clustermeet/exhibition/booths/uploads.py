"""The checks of the exhibition's uploads, by content and not only by name: logos and hall
plans (PNG, JPEG or SVG without scripts, entities or outside links) and booth documents (PDF,
PNG, JPEG and the Office Open XML files PPTX, DOCX, XLSX). A refused file raises
`ExhibitionError` with a sentence for the uploader, before anything is stored."""

import re
import zipfile

from django.utils.translation import gettext as _

from clustermeet.exhibition.errors import ExhibitionError

MB = 1024 * 1024
MAX_LOGO_BYTES = 2 * MB
MAX_PLAN_BYTES = 5 * MB
MAX_DOCUMENT_BYTES = 20 * MB
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"
PDF_SIGNATURE = b"%PDF-"
SVG_REFUSED = re.compile(rb"<!ENTITY|<script|\son\w+\s*=|xlink:href\s*=\s*[\"'](?!#|data:)", re.I)
# An Office Open XML file is a ZIP holding [Content_Types].xml and its part's folder.
OFFICE_PARTS = {".pptx": "ppt/", ".docx": "word/", ".xlsx": "xl/"}
DOCUMENT_SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg", ".pptx", ".docx", ".xlsx")


def _read(upload) -> bytes:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def _suffix(upload) -> str:
    name = (upload.name or "").lower()
    return name[name.rfind(".") :] if "." in name else ""


def _image_ok(suffix: str, data: bytes) -> bool:
    if suffix == ".png":
        return data.startswith(PNG_SIGNATURE)
    if suffix in (".jpg", ".jpeg"):
        return data.startswith(JPEG_SIGNATURE)
    if suffix == ".svg":
        return b"<svg" in data[:4096].lower() and not SVG_REFUSED.search(data)
    return False


def check_image(upload, *, max_bytes: int) -> None:
    """A logo (2 MB) or a hall plan (5 MB): PNG, JPEG or a safe SVG."""
    suffix = _suffix(upload)
    if suffix not in (".png", ".jpg", ".jpeg", ".svg"):
        raise ExhibitionError("image_type", _("Upload the image as PNG, JPEG or SVG."))
    if upload.size > max_bytes:
        raise ExhibitionError(
            "image_size",
            _("The image may be at most %(megabytes)s MB.") % {"megabytes": max_bytes // MB},
        )
    if not _image_ok(suffix, _read(upload)):
        raise ExhibitionError(
            "image_content",
            _("This file is not a PNG, JPEG or SVG image (SVG without scripts or outside links)."),
        )


def check_logo(upload) -> None:
    check_image(upload, max_bytes=MAX_LOGO_BYTES)


def check_plan(upload) -> None:
    check_image(upload, max_bytes=MAX_PLAN_BYTES)


def _office_ok(upload, suffix: str) -> bool:
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)
    return "[Content_Types].xml" in names and any(n.startswith(OFFICE_PARTS[suffix]) for n in names)


def check_document(upload) -> None:
    """A booth document: PDF, PNG, JPEG, PPTX, DOCX or XLSX, at most 20 MB."""
    suffix = _suffix(upload)
    if suffix not in DOCUMENT_SUFFIXES:
        raise ExhibitionError(
            "document_type", _("Upload the document as PDF, PNG, JPEG, PPTX, DOCX or XLSX.")
        )
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ExhibitionError("document_size", _("A document may be at most 20 MB."))
    if suffix == ".pdf":
        ok = _read(upload)[:1024].lstrip().startswith(PDF_SIGNATURE)
    elif suffix in OFFICE_PARTS:
        ok = _office_ok(upload, suffix)
    else:
        ok = _image_ok(suffix, _read(upload)[:16])
    if not ok:
        raise ExhibitionError(
            "document_content",
            _("The file's content does not match its name: it is not a %(kind)s file.")
            % {"kind": suffix[1:].upper()},
        )
