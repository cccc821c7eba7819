"""Checks for files attached to Knowledge Hub cases.

Images are never stored as uploaded. Pillow must recognise the file as the kind its extension claims, its
pixel count must be sane (a tiny file can declare a huge canvas), and it must decode completely. The server
then re-encodes it: rotated upright, EXIF and other metadata dropped, at most MAX_EDGE pixels on its long
side, saved as JPEG (or PNG when it has transparency) under a name the server chooses. Attachments (reports,
slides, spreadsheets) go through the same type-and-content check as lesson resources.
"""

import io
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image

from courses import images
from courses import uploads as course_uploads

IMAGE_FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP", "gif": "GIF"}
MAX_EDGE = 1600
JPEG_QUALITY = 82


def image_max_bytes() -> int:
    return getattr(settings, "COMMUNITY_IMAGE_MAX_BYTES", 5 * 1024 * 1024)


@dataclass(frozen=True)
class PreparedImage:
    content: ContentFile
    content_type: str
    width: int
    height: int


def prepare_image(upload) -> PreparedImage:
    """Check and re-encode an uploaded image; raises ValidationError with a message for the user."""
    extension = course_uploads.extension_of(upload.name)
    if extension not in IMAGE_FORMATS:
        raise ValidationError(
            _("Images must be JPEG, PNG, WebP or GIF files (not “%(ext)s”).") % {"ext": extension or "?"}
        )
    unreadable = ValidationError(
        _("“%(name)s” is not a readable %(kind)s image. It may be damaged, or not an image at all.")
        % {"name": upload.name[-80:], "kind": IMAGE_FORMATS[extension]}
    )

    def matches_extension(image_format: str | None) -> None:
        if image_format != IMAGE_FORMATS[extension]:
            raise ValidationError(
                _("The file's content does not match its “.%(ext)s” extension.") % {"ext": extension}
            )

    image = images.decoded(
        upload, limit=image_max_bytes(), unreadable=unreadable, check_format=matches_extension
    )
    has_alpha = images.has_transparency(image)
    image = image.convert("RGBA" if has_alpha else "RGB")
    image.thumbnail((MAX_EDGE, MAX_EDGE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if has_alpha:
        image.save(out, format="PNG", optimize=True)
        suffix, content_type = "png", "image/png"
    else:
        image.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
        suffix, content_type = "jpg", "image/jpeg"
    width, height = image.size
    return PreparedImage(ContentFile(out.getvalue(), name=f"image.{suffix}"), content_type, width, height)


def check_attachment(upload) -> str:
    """Type, content and size check for an attachment; returns the content type to store."""
    return course_uploads.validate_resource_file(upload)
