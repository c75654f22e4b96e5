"""A dataset's own zones and sectors tables replace the built-in ones (dataset contract)."""

import pytest
from click.testing import CliRunner

import collabnet
from collabnet.cli import cli
from collabnet.errors import DatasetError

ACTORS = """id,name,kind,sector,line,zone,municipality
a,Wijkgezondheidscentrum,org,eerstelijnszorg,1,,Kessel-Lo
b,Sociaal huis,org,welzijnswerk,1,Oost,
c,Ziekenhuis,org,Hospitaalzorg,2,,3000
"""
ZONES = """zone,municipality,postal_code,name_nl,name_fr,name_en
east,Kessel-Lo,3010,Oost,Est,East
centre,Leuven,3000,Centrum,Centre,Centre
"""
SECTORS = """code,family,name_nl,name_fr,name_en
eerstelijnszorg,gezondheid,Eerstelijnszorg,Soins de première ligne,Primary care
welzijnswerk,welfare,Welzijnswerk,Travail social,Social work
ziekenhuis,health,Hospitaalzorg,Soins hospitaliers,Hospital care
"""


@pytest.fixture
def leuven(tmp_path):
    for name, text in [("actors", ACTORS), ("zones", ZONES), ("sectors", SECTORS)]:
        (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
    return tmp_path


def test_own_zones_table_replaces_the_brussels_zones(leuven):
    ds = collabnet.load(leuven, at="2024-01-01")
    assert ds.problems == ()
    assert dict(zip(ds.actors["id"], ds.actors["zone"])) == {"a": "east", "b": "east", "c": "centre"}
    assert ds.zone_name("east", "fr") == "Est" and ds.zone_codes == ["east", "centre"]


def test_own_sector_taxonomy_with_family_aliases_and_names(leuven):
    ds = collabnet.load(leuven, at="2024-01-01")
    assert dict(zip(ds.actors["id"], ds.actors["sector"])) == {"a": "eerstelijnszorg", "b": "welzijnswerk",
                                                                 "c": "ziekenhuis"}
    assert dict(zip(ds.actors["id"], ds.actors["family"])) == {"a": "health", "b": "welfare", "c": "health"}
    assert ds.sector_name("ziekenhuis", "en") == "Hospital care"


def test_builtin_sector_is_unknown_once_a_taxonomy_is_given(leuven):
    (leuven / "actors.csv").write_text(ACTORS + "d,GP,org,medical,1,east,\n", encoding="utf-8")
    ds = collabnet.load(leuven)
    assert [str(p) for p in ds.problems] == [
        "actors.csv:5: sector: unknown sector 'medical' (expected one of: eerstelijnszorg, welzijnswerk, ziekenhuis)"]


def test_brussels_zone_codes_are_unknown_with_an_own_zones_table(leuven):
    (leuven / "actors.csv").write_text(ACTORS + "d,GP,org,eerstelijnszorg,1,Zuid,\n", encoding="utf-8")
    ds = collabnet.load(leuven)
    assert [p.column for p in ds.problems] == ["zone"] and ds.rows_left_out == 1


def test_sectors_table_without_family_column_is_unusable(leuven):
    (leuven / "sectors.csv").write_text("code,name_nl\nx,X\n", encoding="utf-8")
    with pytest.raises(DatasetError, match=r"sectors.csv: the required column 'family' is missing"):
        collabnet.load(leuven)


def test_info_shows_counts_per_zone_family_and_line(leuven):
    result = CliRunner().invoke(cli, ["info", str(leuven), "--at", "2024-01-01"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert "3 actors (3 organisations, 0 persons), 0 groups, 0 memberships, 0 ties" in lines[1]
    table = [line.split() for line in lines if line.startswith(("east", "centre"))]
    #                zone      family     0    1    2    3    -   total
    assert table == [["centre", "health", "0", "0", "1", "0", "0", "1"],
                     ["east", "health", "0", "1", "0", "0", "0", "1"],
                     ["east", "welfare", "0", "1", "0", "0", "0", "1"]]


def test_info_json_is_machine_readable(leuven):
    import json

    result = CliRunner().invoke(cli, ["info", str(leuven), "--json"])
    facts = json.loads(result.output)
    assert facts["counts"]["actors"] == 3 and facts["rows_left_out"] == 0
