"""CSV that spreadsheets open safely: UTF-8 with a byte-order mark, formula-looking cells defused."""

import csv
import io

SPREADSHEET_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"  # makes Excel read the file as UTF-8, so Korean shows


def spreadsheet_safe(value):
    """A cell as text, with a leading apostrophe when a spreadsheet would run it as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(SPREADSHEET_FORMULA_STARTS) else text


def csv_text(header, rows):
    """The whole file: the byte-order mark, the header, then every row with each cell made safe."""
    buffer = io.StringIO()
    buffer.write(BYTE_ORDER_MARK)
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows([spreadsheet_safe(cell) for cell in row] for row in rows)
    return buffer.getvalue()
