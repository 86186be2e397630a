"""Checks shared by every content model: years that cannot lie ahead, uploaded images."""

import warnings

from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
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


def _too_many_pixels(width, height):
    limit = settings.PORTAL_IMAGE_MAX_PIXELS
    return ValidationError(
        _("This image is %(width)s × %(height)s pixels; images may have at most %(limit)s pixels.")
        % {"width": intcomma(width), "height": intcomma(height), "limit": intcomma(limit)}
    )


def validate_image(upload):
    """Accept PNG, JPEG or WebP files under the configured size in bytes and in pixels.

    Pillow reads the header first: a small file can describe a huge image (a "decompression bomb")
    that would take gigabytes to decode, so the pixel count is checked before anything is decoded.
    """
    limit = settings.PORTAL_IMAGE_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("This file is %(size)s; images may be at most %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                image_format = image.format
                width, height = image.size
                if width * height > settings.PORTAL_IMAGE_MAX_PIXELS:
                    raise _too_many_pixels(width, height)
                image.verify()
    except Image.DecompressionBombError as error:
        raise ValidationError(
            _("This image has too many pixels; images may have at most %(limit)s pixels.")
            % {"limit": intcomma(settings.PORTAL_IMAGE_MAX_PIXELS)}
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise ValidationError(_("This file is not an image: upload a PNG, JPEG or WebP file.")) from error
    finally:
        upload.seek(position)
    if image_format not in ALLOWED_IMAGE_FORMATS:
        raise ValidationError(
            _("%(format)s images are not accepted: upload a PNG, JPEG or WebP file.")
            % {"format": image_format}
        )
