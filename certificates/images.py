"""Images uploaded for certificate templates (partner logos, signatures): proven, shrunk and re-encoded.

The upload is trusted only after Pillow has decoded every pixel of it. The server then writes a fresh PNG
from those pixels (PNG keeps a signature's transparent background and prints sharp in the PDF): metadata and
anything hidden after the image data are dropped, and large images are scaled down, since a logo is printed
at most 130 points wide. Size limit: CERTIFICATE_IMAGE_MAX_BYTES (default 2 MB); the pixel limit guards
against decompression bombs.
"""

import io
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
MAX_PIXELS = 40_000_000
MAX_SIDE = 1200


def max_upload_bytes() -> int:
    return getattr(settings, "CERTIFICATE_IMAGE_MAX_BYTES", 2 * 1024 * 1024)


def reencode_png(upload, *, max_side: int = MAX_SIDE) -> ContentFile:
    """The upload as a new PNG no wider or taller than max_side; ValidationError if it is not fit."""
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
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
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
                has_alpha = image.mode in ("RGBA", "LA") or (
                    image.mode == "P" and "transparency" in image.info
                )
                image = image.convert("RGBA" if has_alpha else "RGB")
                image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
                out = io.BytesIO()
                image.save(out, format="PNG", optimize=True)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise not_an_image from exc
    except Image.DecompressionBombWarning as exc:
        raise ValidationError(_("The image has too many pixels. Make it smaller and try again.")) from exc
    finally:
        upload.seek(0)
    return ContentFile(out.getvalue(), name="image.png")
