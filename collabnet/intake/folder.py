"""A dataset folder that an import adds rows to: read as text, changed, written back whole.

Imports change a dataset the user keeps, so they must not lose anything in
it: every row and column is read as text (through the dataset reader) and
written back as it was (into the file it came from, ``acteurs.csv`` say; Dutch
or French headers come back as the contract's names), new columns go at the
end, and a table with rows the reader could not align with its header is
refused (rewriting it would drop them in silence).

Examples
--------
>>> import tempfile, pathlib
>>> tmp = pathlib.Path(tempfile.mkdtemp())
>>> tables = DatasetTables.read(tmp / "new")
>>> tables.add("actors", {"id": "a", "name": "A", "kind": "organisation", "sector": "medical", "zone": "south"})
>>> [p.name for p in tables.write(tmp / "new")]
['actors.csv']
>>> DatasetTables.read(tmp / "new").rows["actors"]
[{'id': 'a', 'name': 'A', 'kind': 'organisation', 'sector': 'medical', 'zone': 'south'}]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from collabnet.dataset.reading import TABLES, read_tables
from collabnet.dataset.validation import REQUIRED
from collabnet.errors import DatasetError, reason
from collabnet.writing import atomic_write_text, csv_text

__all__ = ["DatasetTables"]


@dataclass
class DatasetTables:
    """The tables of a dataset as text rows, in file order, ready to be changed and written."""

    columns: dict[str, list[str]] = field(default_factory=dict)
    rows: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # table -> its CSV file's name (``acteurs.csv``) when read

    @classmethod
    def read(cls, path: str | Path) -> DatasetTables:
        """Read a dataset folder or workbook; a folder that does not exist yet gives empty tables.

        Raises
        ------
        DatasetError
            When a table has rows that cannot be aligned with its header.
        """
        source = Path(path)
        tables = cls()
        if not source.exists() or (source.is_dir() and not any(source.iterdir())):
            return tables
        raw, _notes = read_tables(source)
        for name, table in raw.items():
            broken = [p for p in table.problems if p.left_out and p.row > 0]
            if broken:
                raise DatasetError(reason("fix_row_first", problem=broken[0].as_message()))
            tables.columns[name] = list(table.columns)
            if source.is_dir():
                tables.files[name] = table.label
            tables.rows[name] = [values for _number, values in table.rows]
        return tables

    def ids(self, table: str, column: str = "id") -> dict[str, dict[str, str]]:
        """The rows of ``table`` by the value of ``column`` (first row wins)."""
        found: dict[str, dict[str, str]] = {}
        for row in self.rows.get(table, []):
            found.setdefault(row.get(column, ""), row)
        return found

    def add(self, table: str, row: dict[str, str]) -> None:
        """Append a row; its new columns are added at the end of the table's header."""
        columns = self.columns.setdefault(table, list(REQUIRED[table]))
        for column in row:
            if column not in columns:
                columns.append(column)
        self.rows.setdefault(table, []).append(dict(row))

    def write(self, folder: str | Path) -> list[Path]:
        """Write every table as UTF-8 CSV into ``folder`` (created if needed); returns the files written."""
        target = Path(folder)
        if target.exists() and not target.is_dir():
            raise DatasetError(reason("import_not_a_file", path=target))
        written = []
        for name in TABLES:
            if name not in self.columns:
                continue
            columns = self.columns[name]
            text = csv_text(columns, ([row.get(c, "") for c in columns] for row in self.rows.get(name, [])))
            written.append(atomic_write_text(target / self.files.get(name, f"{name}.csv"), text))
        return written
