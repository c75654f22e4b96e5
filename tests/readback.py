"""Reading a workbook back as its users' programs do: openpyxl, with lxml (as Anaconda ships it) or without."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# Run in a fresh interpreter; "without" hides lxml from openpyxl as if it were not installed.
_READ = """
import sys
if sys.argv[2] == "without":
    sys.modules["lxml"] = None
import openpyxl, openpyxl.xml
assert openpyxl.xml.LXML is (sys.argv[2] == "with"), openpyxl.xml.LXML
book = openpyxl.load_workbook(sys.argv[1])
print(sum(1 for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)))
"""


def rows_read_by_openpyxl(path: Path, lxml: str) -> int:
    """The rows of every sheet that openpyxl reads in ``path`` (``lxml``: ``with`` or ``without``)."""
    result = subprocess.run([sys.executable, "-c", _READ, str(path), lxml], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return int(result.stdout)
