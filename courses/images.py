"""Images trainers upload (course covers, pictures inside lessons): proven, shrunk and re-encoded.

An upload is only trusted after Pillow has decoded every pixel of it. The server then writes a fresh WebP
file from those pixels: metadata (EXIF, including GPS positions) and anything hidden after the image data
are dropped, and large photos are scaled down so that trainees on slow connections download little. The
size limit on the upload is LESSON_IMAGE_MAX_BYTES (default 5 MB); the pixel limit guards against
decompression bombs.
"""

import io
import warnings
from collections.abc import Callable
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


def too_many_pixels() -> ValidationError:
    return ValidationError(_("The image has too many pixels. Make it smaller and try again."))


def not_an_image() -> ValidationError:
    return ValidationError(
        _("This file is not an image we can use. Upload a JPEG, PNG, GIF or WebP picture.")
    )


def _known_format(image_format: str | None) -> None:
    if image_format not in ALLOWED_FORMATS:
        raise not_an_image()


def decoded(
    upload,
    *,
    limit: int,
    unreadable: ValidationError | None = None,
    check_format: Callable[[str | None], None] = _known_format,
) -> Image.Image:
    """Every pixel of the upload decoded by Pillow, turned upright; ValidationError if it is not fit.

    The one place that proves an uploaded image (lesson pictures, covers, Knowledge Hub images, certificate
    logos and signatures). ``check_format`` sees the format Pillow recognised before anything is decoded
    and raises to refuse it; ``unreadable`` is the message for a damaged or fake file.
    """
    if upload.size > limit:
        raise ValidationError(
            _("The image is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    unreadable = unreadable or not_an_image()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            upload.seek(0)
            with Image.open(upload) as probe:
                check_format(probe.format)
                if probe.width * probe.height > MAX_PIXELS:
                    raise too_many_pixels()
                probe.verify()
            upload.seek(0)
            with Image.open(upload) as image:
                image.load()  # decodes every pixel: a truncated or corrupted file fails here
                upright = ImageOps.exif_transpose(image)
                return upright.copy() if upright is image else upright
    except ValidationError:
        raise
    except Image.DecompressionBombWarning as exc:
        raise too_many_pixels() from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise unreadable from exc
    finally:
        upload.seek(0)


def has_transparency(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info)


def reencode(upload, *, max_side: int = 1600) -> EncodedImage:
    """Return the upload as a new WebP image no wider or taller than max_side; ValidationError if unfit."""
    image = decoded(upload, limit=max_upload_bytes())
    image.thumbnail((max_side, max_side))
    image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
    out = io.BytesIO()
    image.save(out, format="WEBP", quality=WEBP_QUALITY, method=4)
    width, height = image.size
    return EncodedImage(ContentFile(out.getvalue()), width, height)
