"""Images trainers upload (course covers, pictures inside lessons): proven, shrunk and re-encoded.

An upload is only trusted after Pillow has decoded every pixel of it. The server then writes a fresh WebP
file from those pixels: metadata (EXIF, including GPS positions) and anything hidden after the image data
are dropped, and large photos are scaled down so that trainees on slow connections download little. The
size limit on the upload is LESSON_IMAGE_MAX_BYTES (default 5 MB); the pixel limit guards against
decompression bombs.
"""

import io
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
MAX_PIXELS = 40_000_000
WEBP_QUALITY = 80


@dataclass(frozen=True)
class EncodedImage:
    content: ContentFile
    width: int
    height: int


def max_upload_bytes() -> int:
    return getattr(settings, "LESSON_IMAGE_MAX_BYTES", 5 * 1024 * 1024)


def reencode(upload, *, max_side: int = 1600) -> EncodedImage:
    """Return the upload as a new WebP image no wider or taller than max_side; ValidationError if unfit."""
    limit = max_upload_bytes()
    if upload.size > limit:
        raise ValidationError(
            _("The image is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    not_an_image = ValidationError(
        _("This file is not an image we can use. Upload a JPEG, PNG, GIF or WebP picture.")
    )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            if probe.format not in ALLOWED_FORMATS:
                raise not_an_image
            if probe.width * probe.height > MAX_PIXELS:
                raise ValidationError(_("The image has too many pixels. Make it smaller and try again."))
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()  # decodes every pixel: a truncated or corrupted file fails here
            image = ImageOps.exif_transpose(image)
            image.thumbnail((max_side, max_side))
            mode = "RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB"
            image = image.convert(mode)
            out = io.BytesIO()
            image.save(out, format="WEBP", quality=WEBP_QUALITY, method=4)
            width, height = image.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise not_an_image from exc
    finally:
        upload.seek(0)
    return EncodedImage(ContentFile(out.getvalue()), width, height)
