"""Logging helpers named in settings.LOGGING."""


def without_traceback(record):
    """Keep the record but drop its traceback, so it is logged as one line."""
    record.exc_info = None
    record.exc_text = None
    return True
