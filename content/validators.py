"""Checks shared by every content model: years that cannot lie ahead, uploaded images."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

ALLOWED_IMAGE_FORMATS = {"PNG", "JPEG", "WEBP"}


def validate_founding_year(year):
    """A founding, first-held or milestone year is at most this year (in Seoul): the past, not a plan."""
    if year is not None and year > timezone.localdate().year:
        raise ValidationError(_("The founding year cannot be in the future."))


def validate_image(upload):
    """Accept PNG, JPEG or WebP files under the configured size; Pillow reads the file to be sure."""
    limit = settings.PORTAL_IMAGE_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("This file is %(size)s; images may be at most %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        with Image.open(upload) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise ValidationError(_("This file is not an image: upload a PNG, JPEG or WebP file.")) from error
    finally:
        upload.seek(position)
    if image_format not in ALLOWED_IMAGE_FORMATS:
        raise ValidationError(
            _("%(format)s images are not accepted: upload a PNG, JPEG or WebP file.")
            % {"format": image_format}
        )
