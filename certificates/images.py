"""Images uploaded for certificate templates (partner logos, signatures): proven, shrunk and re-encoded.

The upload is trusted only after Pillow has decoded every pixel of it. The server then writes a fresh PNG
from those pixels (PNG keeps a signature's transparent background and prints sharp in the PDF): metadata and
anything hidden after the image data are dropped, and large images are scaled down, since a logo is printed
at most 130 points wide. Size limit: CERTIFICATE_IMAGE_MAX_BYTES (default 2 MB); the pixel limit guards
against decompression bombs.
"""

import io

from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image

from courses import images

MAX_SIDE = 1200


def max_upload_bytes() -> int:
    return getattr(settings, "CERTIFICATE_IMAGE_MAX_BYTES", 2 * 1024 * 1024)


def reencode_png(upload, *, max_side: int = MAX_SIDE) -> ContentFile:
    """The upload as a new PNG no wider or taller than max_side; ValidationError if it is not fit."""
    image = images.decoded(upload, limit=max_upload_bytes())
    image = image.convert("RGBA" if images.has_transparency(image) else "RGB")
    image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return ContentFile(out.getvalue(), name="image.png")
