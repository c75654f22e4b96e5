"""Property-based tests of reading and validation: every row is used or reported, and the counts add up."""

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import collabnet

IDS = st.sampled_from(["a1", "a2", "a3", "o1", "x", "", "a1 "])
KINDS = st.sampled_from(["organisation", "org", "personne", "persoon", "persn", ""])
SECTORS = st.sampled_from(["medical", "Action sociale", "housing|medical", "mental_helth", "", "medical|"])
LINES = st.sampled_from(["", "1", "eerste lijn", "2e ligne", "fourth", "0"])
ZONES = st.sampled_from(["", "south", "Zuid", "Centre-Ouest", "region", "Zuidd"])
PLACES = st.sampled_from(["", "1060", "Sint-Gillis", "Antwerpen", "1000 Bruxelles"])
TEXT = st.text(alphabet=string.ascii_letters + "éèàçô ,;\"'\n—€", max_size=12)
DATES = st.sampled_from(["", "2024-01-01", "2023-01-01", "31/12/2024", "2024-13-01"])

actor_rows = st.lists(st.tuples(IDS, TEXT, KINDS, SECTORS, LINES, ZONES, PLACES, IDS), max_size=12)
tie_rows = st.lists(st.tuples(IDS, IDS, st.sampled_from(["", "1", "2,5", "-1", "abc"]), DATES, DATES), max_size=8)


def write(folder, name, header, rows, delimiter, encoding):
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    (folder / f"{name}.csv").write_bytes(buffer.getvalue().encode(encoding, errors="replace"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actors=actor_rows, ties=tie_rows, delimiter=st.sampled_from([",", ";"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
def test_every_row_is_used_or_reported(tmp_path_factory, actors, ties, delimiter, encoding):
    folder = tmp_path_factory.mktemp("ds")
    write(folder, "actors", ["id", "name", "kind", "sector", "line", "zone", "municipality", "organisation"],
          actors, delimiter, encoding)
    write(folder, "ties", ["source", "target", "weight", "since", "until"], ties, delimiter, encoding)
    ds = collabnet.load(folder, at="2024-06-01")
    for table in ds.rows_read:
        reported = {p.row for p in ds.left_out if p.file == ds.labels[table] and p.row > 0}
        used = set(getattr(ds, table)["row"])
        assert not used & reported
        assert len(used) + len(reported) == ds.rows_read[table]
    assert sum(ds.rows_used.values()) + ds.rows_left_out == sum(ds.rows_read.values())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actors=actor_rows)
def test_graph_nodes_are_exactly_the_used_actors(tmp_path_factory, actors):
    folder = tmp_path_factory.mktemp("ds")
    write(folder, "actors", ["id", "name", "kind", "sector", "line", "zone", "municipality", "organisation"],
          actors, ",", "utf-8")
    ds = collabnet.load(folder, at="2024-06-01")
    assert sorted(ds.graph.nodes) == sorted(ds.actors["id"])


def test_a_100000_row_file_is_read_whole(tmp_path):
    lines = ["id,name,kind,sector,line,zone,organisation"]
    for i in range(100_000):
        org = "" if i % 3 == 0 else f"a{i - i % 3}"
        zone = ["south", "Zuid", "", "north"][i % 4]
        lines.append(f"a{i},Actor {i},{'person' if i % 3 else 'org'},medical,{i % 4},{zone},{org}")
    (tmp_path / "actors.csv").write_text("\n".join(lines) + "\n")
    ds = collabnet.load(tmp_path)
    # Rows with i % 4 == 2 have no zone: organisations among them are left out (i % 3 == 0 and i % 4 == 2,
    # i.e. i % 12 == 6), and so are their staff (rows i+1, i+2) through their missing organisation.
    left_out = sum(1 for i in range(100_000) if i % 12 in (6, 7, 8))
    assert ds.rows_read == {"actors": 100_000}
    assert ds.rows_left_out == left_out
    assert len(ds.actors) == 100_000 - left_out
