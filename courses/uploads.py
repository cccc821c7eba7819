"""Checks for files trainers upload as lesson resources.

The extension decides the allowed type, and the file's first bytes must agree with it, so that an HTML page
renamed to .pdf is refused. Images are opened with Pillow to prove they are images. The size limit comes from
the RESOURCE_MAX_BYTES setting.
"""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

OOXML = {"docx", "xlsx", "pptx"}
OLE = {"doc", "xls", "ppt"}
ODF = {"odt", "ods", "odp"}
IMAGES = {"png": "PNG", "jpg": "JPEG", "jpeg": "JPEG", "gif": "GIF", "webp": "WEBP"}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "ppt": "application/vnd.ms-powerpoint",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
}
OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def validate_resource_file(upload) -> str:
    """Raise ValidationError with a clear message, or return the content type to store."""
    extension = extension_of(upload.name)
    if extension not in CONTENT_TYPES:
        raise ValidationError(
            _("Files of type “%(ext)s” are not allowed. Allowed: %(allowed)s.")
            % {"ext": extension or "?", "allowed": ", ".join(sorted(CONTENT_TYPES))}
        )
    if upload.size > settings.RESOURCE_MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(settings.RESOURCE_MAX_BYTES)}
        )
    if not _content_matches(upload, extension):
        raise ValidationError(
            _("The file's content does not match its “.%(ext)s” extension.") % {"ext": extension}
        )
    upload.seek(0)
    return CONTENT_TYPES[extension]


def _content_matches(upload, extension: str) -> bool:
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension in OLE:
        return head.startswith(OLE_MAGIC)
    if extension in OOXML | ODF:
        if not head.startswith(b"PK\x03\x04"):
            return False
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return False
        finally:
            upload.seek(0)
        return "[Content_Types].xml" in names if extension in OOXML else "mimetype" in names
    if extension in IMAGES:
        try:
            with Image.open(upload) as image:
                image.verify()
                return image.format == IMAGES[extension]
        except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
            return False
        finally:
            upload.seek(0)
    return False
