"""The one date parser of collabnet: dataset cells, option values, directory records.

Belgian spreadsheets write dates day first, so every date collabnet reads
goes through :func:`parse_date`, which accepts:

- ISO ``YYYY-MM-DD`` (also ``YYYY/MM/DD`` and ``YYYY.MM.DD``: a four-digit
  year first is never ambiguous); a time part (``2024-01-15 10:30:00``,
  ``T00:00:00``) is dropped, since dates count whole days;
- day first, as a Belgian Excel writes: ``15/01/2024``, ``15-01-2024``,
  ``15.01.2024``, with one or two digits for day and month, so
  ``1/2/2024`` and ``01/02/2024`` are **1 February 2024**, never 2 January;
  a two-digit year is read as Excel reads one typed in a cell
  (``00``-``29`` -> 2000-2029, ``30``-``99`` -> 1930-1999);
- an Excel serial number, the value of a date cell whose formatting was lost
  (``45306`` = 2024-01-15, 1900 date system; a fraction is a time of day,
  dropped); five digits only, so a year typed alone (``2024``) is an error,
  not 16 July 1905.

A workbook's real date cells arrive here already as ``YYYY-MM-DD``
(:mod:`collabnet.dataset.sheets`). Anything else, and a day that does not
exist, raises :class:`~collabnet.errors.BadValue` (a ValueError) with the
reason: nothing is guessed.

Examples
--------
>>> [parse_date(t).isoformat() for t in ("2024-01-15", "15/01/2024", "15-01-2024", "15.01.2024", "45306")]
['2024-01-15', '2024-01-15', '2024-01-15', '2024-01-15', '2024-01-15']
>>> parse_date("1/2/2024"), parse_date("01/02/24"), parse_date("")
(datetime.date(2024, 2, 1), datetime.date(2024, 2, 1), None)
>>> parse_date("30/02/2024")
Traceback (most recent call last):
...
collabnet.errors.BadValue: not a date: '30/02/2024' (February 2024 has 29 days)
>>> parse_date("01/31/2024")
Traceback (most recent call last):
...
collabnet.errors.BadValue: not a date: '01/31/2024' (there is no month 31; dates are day first: DD/MM/YYYY)
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from collabnet.errors import BadValue, reason

__all__ = ["parse_date", "DATE_FORMS"]

#: What a date may look like, for help texts and messages.
DATE_FORMS = "DD/MM/YYYY (day first: 15/01/2024, 15-01-2024, 15.01.2024) or YYYY-MM-DD"

_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?"
_YEAR_FIRST = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})" + _TIME)
_DAY_FIRST = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})" + _TIME)
_SERIAL = re.compile(r"(\d{5})(?:\.\d+)?")
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 after Excel's phantom 29 February 1900


def parse_date(text: str | None) -> dt.date | None:
    """The day ``text`` names (see the module's description); None when empty.

    Raises
    ------
    BadValue
        A ValueError, ``not a date: 'TEXT' (reason)``, when ``text`` is not one of
        the accepted forms or names a day that does not exist.

    Examples
    --------
    >>> parse_date("2024-02-29 00:00:00"), parse_date(" 15.1.2024 ")
    (datetime.date(2024, 2, 29), datetime.date(2024, 1, 15))
    >>> parse_date("2024")
    Traceback (most recent call last):
    ...
    collabnet.errors.BadValue: not a date: '2024' (a year alone; write the day, e.g. 01/01/2024)
    """
    if text is None or not str(text).strip():
        return None
    found, why = _parse(str(text).strip())
    if found is None:
        raise BadValue(reason("not_a_date", text=str(text).strip(), reason=why))
    return found


@functools.lru_cache(maxsize=4096)
def _parse(text: str):
    """``(date, None)`` or ``(None, reason)``; cached, since a table repeats a few dates many times."""
    match = _YEAR_FIRST.fullmatch(text)
    if match:
        year, _sep, month, day = match.groups()
        return _day(int(year), int(month), int(day), "YYYY-MM-DD")
    match = _DAY_FIRST.fullmatch(text)
    if match:
        day, _sep, month, year = match.groups()
        number = int(year)
        if len(year) == 2:
            number += 2000 if number < 30 else 1900
        return _day(number, int(month), int(day), "DD/MM/YYYY")
    match = _SERIAL.fullmatch(text)
    if match:
        return _EXCEL_EPOCH + dt.timedelta(days=int(match.group(1))), None
    if re.fullmatch(r"\d{4}", text):
        return None, reason("year_alone")
    return None, reason("date_forms", forms=DATE_FORMS)


def _day(year: int, month: int, day: int, form: str):
    if not 1 <= month <= 12:
        day_first = form == "DD/MM/YYYY" and 1 <= day <= 12
        return None, reason("no_month_day_first" if day_first else "no_month", month=month)
    if year < 1:
        return None, reason("no_year_zero")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        # the month's name from the words, not calendar.month_name: that follows the locale
        return None, reason("month_days", month=reason(f"month.{month}"), year=year, days=days)
    return dt.date(year, month, day), None
