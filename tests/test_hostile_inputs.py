"""Hostile and unusual inputs (issues 14 and 20): formulas through column names, workbooks that would
exhaust memory, files that are not files, and round trips that must be cell for cell.

The workbooks are generated here, each a few kilobytes (the bomb a few megabytes); the commands run in
a child process, whose peak memory is measured with ``getrusage(RUSAGE_CHILDREN)``.
"""

import csv
import io
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from collabnet.cli import cli
from collabnet.dataset.limits import MAX_FILE_BYTES

FORMULA_STARTS = ("=", "+", "-", "@")
HEADER = "id,name,kind,sector,zone,\"=HYPERLINK(\"\"http://evil\"\")\",+extra,@cmd\n"


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@pytest.fixture
def formula_headers(tmp_path):
    """A dataset whose extra columns, zone names and values start like formulas."""
    folder = tmp_path / "evil"
    folder.mkdir()
    (folder / "zones.csv").write_text(
        "zone,municipality,name_en,name_nl,name_fr\n"
        "z1,Forest,=Evil zone,=Evil zone,=Evil zone\nz2,Uccle,@Other,@Other,@Other\n", encoding="utf-8")
    (folder / "actors.csv").write_text(
        HEADER
        + "a1,=1+1,org,medical,z1,=HYPERLINK(\"x\"),+32 2 555 01 00,-x\n"
        + "a2,B,org,social_assistance,z1,,,\n"
        + "a3,C,org,housing,z1,,,\n"
        + "a4,D,org,medical,z2,,,\n"
        + "a5,E,org,elderly,z2,,,\n", encoding="utf-8")
    (folder / "ties.csv").write_text("source,target,type\na1,a2,+type\na2,a3,collaboration\na4,a5,=t\n")
    return folder


def _outputs(folder: Path, tmp_path: Path) -> list[Path]:
    """Every CSV and XLSX file that the commands writing tables write for ``folder``."""
    runs = [
        ["analyze", str(folder), "--out", str(tmp_path / "analyze"), "-q", "--at", "2024-06-01"],
        ["export", str(folder), "--format", "csv", "--out", str(tmp_path / "csv"), "-q", "--at", "2024-06-01"],
        ["export", str(folder), "--format", "kumu", "--out", str(tmp_path / "kumu.xlsx"), "-q", "--at", "2024-06-01"],
        ["diff", str(folder), "--from", "2024-01-01", "--to", "2024-06-01", "--out", str(tmp_path / "diff"), "-q"],
        ["plan", "invite", str(folder), "--zone", "z1", "--seats", "2", "--out", str(tmp_path / "invite.csv"), "-q",
         "--at", "2024-06-01"],
    ]
    for args in runs:
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, (args, result.output)
    files = sorted(p for p in tmp_path.rglob("*") if p.suffix in (".csv", ".xlsx") and "evil" not in p.parts)
    assert {p.suffix for p in files} == {".csv", ".xlsx"}
    return files


def _workbook_texts(path: Path) -> list[str]:
    """Every text of a workbook: shared and inline strings, sheet names, document properties."""
    texts = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            xml = archive.read(name).decode("utf-8")
            if name.startswith("xl/worksheets/"):
                assert not re.search(r"<(\w+:)?f[\s>/]", xml), f"a formula element in {path.name}:{name}"
                texts += re.findall(r"<t(?:\s[^>]*)?>([^<]*)</t>", xml)
            elif name == "xl/sharedStrings.xml":
                texts += re.findall(r"<t(?:\s[^>]*)?>([^<]*)</t>", xml)
            elif name == "xl/workbook.xml":
                texts += re.findall(r'<sheet [^>]*name="([^"]*)"', xml)
            elif name.startswith("docProps/"):
                texts += re.findall(r">([^<]+)<", xml)
    return texts


def test_no_output_cell_header_sheet_name_or_property_starts_like_a_formula(formula_headers, tmp_path):
    out = tmp_path / "out"
    cells = []
    for path in _outputs(formula_headers, out):
        if path.suffix == ".csv":
            cells += [(path.name, c) for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"))) for c in row]
        else:
            cells += [(path.name, t) for t in _workbook_texts(path)]
    bad = [(name, c) for name, c in cells if c.startswith(FORMULA_STARTS) and not _number(c)]
    assert bad == []
    assert ("actors.csv", "'=hyperlink(\"http://evil\")") in cells  # the header cell (read in lower case), neutralised


def test_kumu_workbook_headers_are_text_not_formulas(formula_headers, tmp_path):
    import openpyxl

    out = tmp_path / "kumu.xlsx"
    assert CliRunner().invoke(cli, ["export", str(formula_headers), "--format", "kumu", "--out", str(out), "-q",
                                    "--at", "2024-06-01"]).exit_code == 0
    header = [c.value for c in next(openpyxl.load_workbook(out)["Elements"].iter_rows(max_row=1))]
    assert "'=hyperlink(\"http://evil\")" in header and "'+extra" in header


# --- round trips -------------------------------------------------------------------------------------------


def test_convert_folder_to_workbook_to_folder_is_cell_for_cell(formula_headers, tmp_path):
    workbook, back = tmp_path / "evil.xlsx", tmp_path / "back"
    assert CliRunner().invoke(cli, ["convert", str(formula_headers), str(workbook)]).exit_code == 0
    assert CliRunner().invoke(cli, ["convert", str(workbook), str(back)]).exit_code == 0
    original = list(csv.reader(io.StringIO((formula_headers / "actors.csv").read_text(encoding="utf-8"))))
    copied = list(csv.reader(io.StringIO((back / "actors.csv").read_text(encoding="utf-8"))))
    assert copied[1:] == original[1:]
    assert copied[0] == [c.lower() for c in original[0]]  # header names are read case-insensitively
    assert copied[1][6] == "+32 2 555 01 00"


def test_convert_writes_no_formula_element(formula_headers, tmp_path):
    workbook = tmp_path / "evil.xlsx"
    assert CliRunner().invoke(cli, ["convert", str(formula_headers), str(workbook)]).exit_code == 0
    with zipfile.ZipFile(workbook) as archive:
        sheets = [archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not any(re.search(rb"<f[\s>/]", s) for s in sheets)


# --- workbooks that would exhaust memory --------------------------------------------------------------------


def _sheet_workbook(path: Path, sheet: bytes | None = None, *, stream: list[bytes] | None = None,
                    declared: int | None = None) -> Path:
    """A one-sheet workbook (``actors``) whose sheet XML is ``sheet``, or the deflate ``stream`` given."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet_ = book.add_worksheet("actors")
    for column, value in enumerate(["id", "name", "kind", "sector", "zone"]):
        sheet_.write_string(0, column, value)
    book.close()
    with zipfile.ZipFile(path) as source:
        parts = {n: source.read(n) for n in source.namelist()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            if name != "xl/worksheets/sheet1.xml":
                target.writestr(name, data)
        if sheet is not None:
            target.writestr("xl/worksheets/sheet1.xml", sheet)
    if stream is not None:
        out = io.BytesIO(_with_raw_member(out.getvalue(), "xl/worksheets/sheet1.xml", stream, declared))
    path.write_bytes(out.getvalue())
    return path


def _with_raw_member(zipped: bytes, name: str, chunks: list[bytes], declared: int | None) -> bytes:
    """``zipped`` plus a deflated member made of the raw deflate ``chunks``, declaring ``declared`` bytes."""
    import struct

    data = b"".join(chunks)
    size, crc = declared, 0
    if size is None:
        inflated = zlib.decompressobj(-15)
        size = 0
        for part in range(0, len(data), 1 << 16):
            piece = inflated.decompress(data[part:part + (1 << 16)])
            size += len(piece)
            crc = zlib.crc32(piece, crc)
    raw = bytearray(zipped)
    end = raw.rfind(b"PK\x05\x06")
    count, cd_size, cd_offset = struct.unpack("<HII", raw[end + 10:end + 20])
    central = bytes(raw[cd_offset:cd_offset + cd_size])
    body = bytes(raw[:cd_offset])
    encoded = name.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size, len(encoded), 0)
    header_offset = len(body)
    body += local + encoded + data
    entry = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), size,
                        len(encoded), 0, 0, 0, 0, 0, header_offset)
    central += entry + encoded
    tail = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count + 1, count + 1, len(central), len(body), 0)
    return body + central + tail


def _bomb_chunks(total: int) -> list[bytes]:
    """Raw deflate data inflating to a sheet of ``total`` bytes of rows: one chunk compressed once, repeated."""
    head = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main"><sheetData>')
    row = b'<row><c t="inlineStr"><is><t>xxxxxxxxxxxxxxxx</t></is></c></row>'
    assert len(row) == 64
    block = row * ((1 << 20) // len(row))
    compress = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compress.compress(head) + compress.flush(zlib.Z_FULL_FLUSH)
    repeated = compress.compress(block) + compress.flush(zlib.Z_FULL_FLUSH)
    last = compress.compress(b"</sheetData></worksheet>") + compress.flush()
    return [first, *([repeated] * (total // len(block))), last]


_MEASURED = """
import resource, subprocess, sys
done = subprocess.run([sys.executable, "-m", "collabnet", *sys.argv[2:]], capture_output=True, text=True)
sys.stdout.write(done.stdout)
sys.stderr.write(done.stderr)
with open(sys.argv[1], "w") as handle:
    handle.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024))
sys.exit(done.returncode)
"""


def _run_child(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """Run ``collabnet ARGS`` in a child; its peak resident memory (bytes) is in ``result.peak``.

    A fresh wrapper process runs the command, so that ``getrusage(RUSAGE_CHILDREN)`` measures that
    command alone, not the largest child this test session ever had.
    """
    peak = cwd / "peak-rss.txt"
    result = subprocess.run([sys.executable, "-c", _MEASURED, str(peak), *args], cwd=cwd, capture_output=True,
                            text=True, timeout=300)
    result.peak = int(peak.read_text())
    return result


@pytest.mark.parametrize("command", ["validate", "analyze"])
def test_far_cell_stops_cleanly_and_small(command, tmp_path):
    sheet = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
             b'spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData>'
             b'<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is>'
             b'</c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
             b'</sheetData></worksheet>')
    workbook = _sheet_workbook(tmp_path / "far.xlsx", sheet)
    assert workbook.stat().st_size < 10_000
    result = _run_child([command, str(workbook), "--out", str(tmp_path / "out")] if command == "analyze"
                        else [command, str(workbook)], tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == ("Error: far.xlsx[actors]: cell XFD1048576 holds a value beyond column AMJ, the "
                                     "last of the 1,024 columns collabnet reads (a stray cell? delete what lies beyond "
                                     "the table)")
    assert result.peak < 2**30


@pytest.mark.parametrize("command", ["validate", "analyze"])
def test_zip_bomb_is_refused_from_its_declared_size(command, tmp_path):
    workbook = _sheet_workbook(tmp_path / "bomb.xlsx", stream=_bomb_chunks(MAX_FILE_BYTES + 8 * 2**20))
    assert workbook.stat().st_size < 2 * 2**20
    with zipfile.ZipFile(workbook) as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size > MAX_FILE_BYTES
    args = [command, str(workbook)] + (["--out", str(tmp_path / "out")] if command == "analyze" else [])
    result = _run_child(args, tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == ("Error: bomb.xlsx: the sheet 'actors' (xl/worksheets/sheet1.xml) unpacks to "
                                     "520 MiB, more than the 512 MiB collabnet reads (a zip bomb, or a sheet far "
                                     "beyond its data?)")
    assert result.peak < 2**30


def test_a_sheet_that_inflates_beyond_its_declared_size_is_damaged_not_read_on(tmp_path):
    chunks = _bomb_chunks(8 * 2**20)
    workbook = _sheet_workbook(tmp_path / "liar.xlsx", stream=chunks, declared=4096)
    assert workbook.stat().st_size < 100_000
    result = _run_child(["validate", str(workbook)], tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("Error: liar.xlsx[actors]: cannot read the sheet (damaged: ")
    assert "Traceback" not in result.stderr
    assert result.peak < 2**30


def test_stray_cell_in_the_last_row_costs_only_that_cell(tmp_path):
    sheet = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
             b'spreadsheetml/2006/main"><dimension ref="A1:E1048576"/><sheetData>'
             b'<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is>'
             b'</c><c r="C1" t="inlineStr"><is><t>kind</t></is></c><c r="D1" t="inlineStr"><is><t>sector</t></is>'
             b'</c><c r="E1" t="inlineStr"><is><t>zone</t></is></c></row>'
             b'<row r="2"><c r="A2" t="inlineStr"><is><t>a1</t></is></c><c r="B2" t="inlineStr"><is><t>A</t></is>'
             b'</c><c r="C2" t="inlineStr"><is><t>org</t></is></c><c r="D2" t="inlineStr"><is><t>medical</t></is>'
             b'</c><c r="E2" t="inlineStr"><is><t>south</t></is></c></row>'
             b'<row r="1048576"><c r="E1048576" s="0"/></row></sheetData></worksheet>')
    workbook = _sheet_workbook(tmp_path / "stray.xlsx", sheet)
    result = _run_child(["validate", str(workbook)], tmp_path)
    assert (result.returncode, result.stdout) == (0, "stray.xlsx[actors]: 1 row(s) read, 1 used, 0 left out\n")
    assert result.peak < 2**30


# --- files that are not files -------------------------------------------------------------------------------


def test_a_fifo_named_like_a_table_is_refused_not_waited_for(tmp_path):
    (tmp_path / "actors.csv").write_text("id,name,kind,sector,zone\na1,A,org,medical,south\n")
    os.mkfifo(tmp_path / "ties.csv")
    result = _run_child(["validate", str(tmp_path)], tmp_path)
    assert (result.returncode, result.stderr.strip()) == (
        2, "Error: ties.csv: not a regular file (a pipe, a device, or a link to one); not read")


def test_a_fifo_named_like_a_workbook_is_refused(tmp_path):
    os.mkfifo(tmp_path / "actors.xlsx")
    result = _run_child(["validate", str(tmp_path / "actors.xlsx")], tmp_path)
    assert (result.returncode, result.stderr.strip()) == (
        2, "Error: actors.xlsx: not a regular file (a pipe, a device, or a link to one); not read")


def test_a_link_to_dev_zero_is_refused(tmp_path):
    os.symlink("/dev/zero", tmp_path / "actors.csv")
    result = _run_child(["validate", str(tmp_path)], tmp_path)
    assert (result.returncode, result.stderr.strip()) == (
        2, "Error: actors.csv: not a regular file (a pipe, a device, or a link to one); not read")
    assert result.peak < 2**30


def test_a_file_beyond_the_size_cap_is_refused_before_it_is_read(tmp_path):
    with open(tmp_path / "actors.csv", "wb") as handle:  # a sparse file: no disk space used
        handle.write(b"id,name,kind,sector,zone\n")
        handle.truncate(MAX_FILE_BYTES + 2**20)
    result = _run_child(["validate", str(tmp_path)], tmp_path)
    assert (result.returncode, result.stderr.strip()) == (
        2, "Error: actors.csv: 513 MiB, more than the 512 MiB collabnet reads in one file (split the dataset, by "
           "zone for instance)")
    assert result.peak < 2**30


# --- date cells that no day has ------------------------------------------------------------------------------


def _dated_workbook(path: Path, value, table: str) -> Path:
    """Two actors and a tie; ``value`` in the ``since`` cell of ``table``'s first row, formatted as a date."""
    import openpyxl

    book = openpyxl.Workbook()
    actors = book.active
    actors.title = "actors"
    for row in (["id", "name", "kind", "sector", "zone", "since"], ["a1", "A", "org", "medical", "south"],
                ["a2", "B", "org", "housing", "south"]):
        actors.append(row)
    ties = book.create_sheet("ties")
    ties.append(["source", "target", "type", "since"])
    ties.append(["a1", "a2", "collaboration"])
    cell = book[table].cell(2, 6 if table == "actors" else 4)
    cell.value, cell.number_format = value, "dd/mm/yyyy"
    book.save(path)
    return path


def _not_a_date(value: str) -> str:
    return (f"not a date: '{value}' (expected DD/MM/YYYY (day first: 15/01/2024, 15-01-2024, 15.01.2024) or "
            "YYYY-MM-DD)")


@pytest.mark.parametrize(("value", "shown"), [(2958466, "2958466"), (1e10, "10000000000")])
def test_validate_reports_a_date_cell_past_the_last_day_excel_has(tmp_path, value, shown):
    # 2958466 is the day after 31/12/9999: Excel shows #####, and no Python date holds it.
    workbook = _dated_workbook(tmp_path / "dated.xlsx", value, "actors")
    result = CliRunner().invoke(cli, ["validate", str(workbook)])
    assert (result.exit_code, result.output.splitlines()) == (0, [
        f"dated.xlsx[actors]:2: since: warning: {_not_a_date(shown)}; the row is kept and counts at every date", "",
        "dated.xlsx[actors]: 2 row(s) read, 2 used, 0 left out", "dated.xlsx[ties]: 1 row(s) read, 1 used, 0 left out"])


@pytest.mark.parametrize(("value", "shown"), [(2958466, "2958466"), (1e10, "10000000000")])
def test_analyze_leaves_out_a_tie_whose_date_cell_is_past_the_last_day_excel_has(tmp_path, value, shown):
    workbook = _dated_workbook(tmp_path / "dated.xlsx", value, "ties")
    result = CliRunner().invoke(cli, ["analyze", str(workbook), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["rows_left_out"]["problems"] == [
        {"file": "dated.xlsx[ties]", "row": 2, "column": "since", "reason": _not_a_date(shown)}]


def test_a_negative_date_serial_is_reported_not_read_as_a_day_of_1899(tmp_path):
    workbook = _dated_workbook(tmp_path / "dated.xlsx", -1, "ties")  # Excel shows #####, not 29/12/1899
    result = CliRunner().invoke(cli, ["validate", str(workbook)])
    assert (result.exit_code, result.output.splitlines()) == (1, [
        f"dated.xlsx[ties]:2: since: {_not_a_date('-1')}", "",
        "dated.xlsx[actors]: 2 row(s) read, 2 used, 0 left out", "dated.xlsx[ties]: 1 row(s) read, 0 used, 1 left out"])


def test_a_sign_in_date_cell_past_the_last_day_excel_has_leaves_its_row_out(tmp_path):
    import openpyxl

    dataset = Path(shutil.copytree(Path(__file__).parent / "data" / "intake" / "zone", tmp_path / "zone"))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Aanwezig"
    sheet.append(["Naam", "Organisatie", "Datum"])
    sheet.append(["Gaétane Dupont", "OCMW Vorst", 2958466])
    sheet.append(["Jan Peeters", "OCMW Vorst", "12/03/2024"])
    sheet["C2"].number_format = "dd/mm/yyyy"
    book.save(tmp_path / "signin.xlsx")
    result = CliRunner().invoke(cli, ["import", "attendance", str(tmp_path / "signin.xlsx"), "--dataset",
                                      str(dataset), "--group", "ws-south-2024-03"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"signin.xlsx[Aanwezig]:2: datum: {_not_a_date('2958466')}; row not imported"]
    assert ("signin.xlsx[Aanwezig]: 2 row(s) read: 1 matched, 0 decided, 0 created, 0 review, 0 skipped, "
            "0 duplicate, 1 left_out") in result.stdout
