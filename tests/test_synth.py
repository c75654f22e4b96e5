"""Synthetic datasets (collabnet.devtools.synth, ``collabnet synth``): contract, determinism, planted structure.

The planted structure is checked with the project's own reader, graph and
analyses on a small dataset: the analyses must find exactly what truth.json
says was planted.
"""

import csv
import datetime as dt
import json
from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import collabnet
from collabnet.analyses.bridges import cut_vertices
from collabnet.analyses.isolation import isolated_actors
from collabnet.cli import cli
from collabnet.codes import BUILTIN_SECTORS
from collabnet.devtools.synth import MIN_ORGS, TABLE_COLUMNS, ZONES, generate

N = 150
FILES = ("actors.csv", "groups.csv", "memberships.csv", "ties.csv", "truth.json")


def read(folder: Path, table: str) -> list[dict]:
    with open(folder / f"{table}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synth") / "brussels"
    generate(N, seed=3, out=folder)
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    return folder, truth


@pytest.fixture(scope="module")
def dataset(synthetic):
    folder, truth = synthetic
    return collabnet.load(folder, at=truth["analysis_date"])


def test_same_seed_gives_byte_identical_files(synthetic, tmp_path):
    folder, _ = synthetic
    generate(N, seed=3, out=tmp_path / "again")
    generate(N, seed=4, out=tmp_path / "other")
    for name in FILES:
        assert (tmp_path / "again" / name).read_bytes() == (folder / name).read_bytes(), name
    assert (tmp_path / "other" / "ties.csv").read_bytes() != (folder / "ties.csv").read_bytes()


def test_tables_have_the_contract_columns(synthetic):
    folder, _ = synthetic
    required = {"actors": {"id", "name", "kind", "sector"}, "groups": {"id", "name", "type"},
                "memberships": {"actor", "group"}, "ties": {"source", "target"}}
    for table, columns in TABLE_COLUMNS.items():
        header = (folder / f"{table}.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
        assert header == list(columns)
        assert required[table] <= set(header)


def test_references_exist_and_no_self_ties(synthetic):
    folder, _ = synthetic
    actors = {row["id"]: row for row in read(folder, "actors")}
    groups = {row["id"] for row in read(folder, "groups")}
    assert len(actors) == len(read(folder, "actors"))  # ids unique
    for row in read(folder, "memberships"):
        assert row["actor"] in actors and row["group"] in groups
    ties = read(folder, "ties")
    assert ties
    for row in ties:
        assert row["source"] in actors and row["target"] in actors
        assert row["source"] != row["target"]
    for row in actors.values():
        if row["kind"] == "person":
            assert actors[row["organisation"]]["kind"] == "organisation"


def test_the_reader_uses_every_row(synthetic, dataset):
    folder, truth = synthetic
    # Every file of the folder is read or listed as not read: truth.json is the one listed.
    assert [str(p) for p in dataset.problems] == [
        "truth.json:0: (file): the structure `collabnet synth` planted, not a dataset table; not read"]
    counts = truth["counts"]
    assert dataset.rows_used == {"actors": counts["actors"], "groups": counts["groups"],
                                 "memberships": counts["memberships"], "ties": counts["ties"]}
    # truth.json counts the graph on the analysis date with the DESIGN rules; the project's graph agrees.
    assert dataset.graph.number_of_edges() == counts["at_analysis_date"]["edges"]


def test_sizes_and_groups_per_zone(synthetic):
    folder, truth = synthetic
    actors = read(folder, "actors")
    kinds = Counter(row["kind"] for row in actors)
    assert kinds["organisation"] == N and truth["orgs"] == N
    assert 2 * N <= kinds["person"] <= 10 * N
    groups = read(folder, "groups")
    for zone in ZONES:
        themes = sorted(g["theme"] for g in groups if g["zone"] == zone and g["type"] == "working_group")
        assert themes == ["crisis preparedness", "hospital-ambulatory", "mental health", "prevention"]
        assert sum(g["zone"] == zone and g["type"] == "support_group" for g in groups) == 1
        assert any(g["zone"] == zone and g["type"] == "workshop" for g in groups)
    types = Counter(g["type"] for g in groups)
    assert types["project"] >= 5 and types["partnership"] >= 3 and types["network"] >= 5


def test_large_workshops_have_100_to_200_people():
    tables = generate(1200, seed=1)
    workshops = set(tables["groups"].loc[tables["groups"]["type"] == "workshop", "id"])
    sizes = tables["memberships"].loc[tables["memberships"]["group"].isin(workshops), "group"].value_counts()
    assert len(sizes) == 5 * 1  # one per zone at this size
    assert sizes.between(90, 200).all()  # 100-200 drawn, fewer where a planted gap keeps some out


def test_field_mix_sectors_lines_languages(synthetic):
    folder, _ = synthetic
    orgs = [row for row in read(folder, "actors") if row["kind"] == "organisation"]
    sectors = {row[0] for row in BUILTIN_SECTORS}
    for row in orgs:
        assert set(row["sector"].split("|")) <= sectors
        assert row["line"] in ("", "0", "1", "2", "3")
        assert row["zone"] in (*ZONES, "region") or (row["zone"] == "" and row["municipality"])
    languages = Counter(row["language"] for row in orgs)
    assert languages["fr"] > len(orgs) / 2 and languages["fr"] > languages["bi"] > 0 and languages["nl"] > 0
    main = Counter((row["sector"].split("|")[0], row["line"]) for row in orgs)
    assert main["medical", "1"] == max(main.values())  # GPs and maisons médicales are the largest group
    assert main["medical", "2"] > 0 and main["social_assistance", "1"] > 0 and main["coordination", ""] > 0
    assert any(row["zone"] == "region" for row in orgs)
    assert any(row["zone"] == "" for row in orgs) and any(row["municipality"].isdigit() for row in orgs)


def test_dates_around_the_analysis_date(synthetic):
    folder, truth = synthetic
    day = truth["analysis_date"]
    for table in ("memberships", "ties"):
        rows = read(folder, table)
        for row in rows:
            assert not (row["since"] and row["until"]) or row["since"] < row["until"]
        assert any(row["until"] and row["until"] <= day for row in rows), f"{table}: none ended"
        assert any(row["since"] > day for row in rows), f"{table}: none in the future"
        assert any(row["since"] == "" for row in rows) or table == "memberships"


def test_returns_data_frames_without_out():
    tables = generate(MIN_ORGS, seed=5, planted=False)
    assert list(tables["actors"].columns) == list(TABLE_COLUMNS["actors"])
    assert "isolated" not in tables["truth"] and tables["truth"]["planted"] is False
    with pytest.raises(ValueError, match="between 100"):
        generate(MIN_ORGS - 1)


def test_truth_names_every_zone_and_reason(synthetic):
    _, truth = synthetic
    assert truth["analysis_date"] == "2026-01-01"
    assert truth["valid_from"] <= truth["analysis_date"] < truth["valid_until"]
    for zone in ZONES:
        assert set(truth["isolated"][zone]) == {"no_ties", "intra_sector_only", "no_cross_line", "single_tie"}
    assert truth["isolated"]["region"] == {"no_ties": [next(iter(truth["isolated"]["region"]["no_ties"]))]}
    assert {g["gap"] for g in truth["gaps"]} == {"line_gap", "language_gap"}
    assert len({g["zone"] for g in truth["gaps"]} | {truth["brokers"][0]["zone"]}) == 3


def reasons_found(G) -> tuple[dict, dict]:
    found, zone = defaultdict(set), {}
    for record in isolated_actors(G):
        found[record.actor].add(record.reason)
        zone[record.actor] = record.zone
    return found, zone


def test_isolation_finds_exactly_the_planted_reasons(synthetic, dataset):
    _, truth = synthetic
    found, zone = reasons_found(dataset.graph)
    planted = defaultdict(set)
    for zone_code, by_reason in truth["isolated"].items():
        for reason, actors in by_reason.items():
            for actor in actors:
                planted[actor].add(reason)
                assert zone[actor] == zone_code
    assert {actor: found[actor] for actor in planted} == dict(planted)
    assert all(not found[actor] for actor in truth["not_isolated"])


def test_sole_broker_is_a_cut_vertex_between_the_two_clusters(synthetic, dataset):
    _, truth = synthetic
    G = dataset.graph
    broker = truth["brokers"][0]
    assert broker["actor"] in cut_vertices(G)
    H = G.subgraph(set(G) - {broker["actor"]})
    housing = nx.node_connected_component(H, broker["clusters"]["housing"][0])
    assert set(broker["clusters"]["housing"]) <= housing
    assert not housing & set(broker["clusters"]["mental_health"])
    assert {G.nodes[v]["sector"] for v in housing} == {"housing"}  # the cluster and its staff, nobody else


def test_actions_ask_the_sole_broker_to_secure_its_bridge(synthetic, dataset):
    from collabnet.analyses import analyse

    _, truth = synthetic
    broker = truth["brokers"][0]
    cut_off = set(broker["clusters"]["housing"])
    secure = [a for a in analyse(dataset).actions
              if a.action == "secure_bridge" and a.via == broker["actor"] and a.zone == broker["zone"]]
    assert secure and set(secure[0].actors) & cut_off  # one partner from the side that would be cut off
    assert secure[0].priority <= 10  # in the zone plan's first actions


def planted_gaps(G) -> set:
    gaps = pytest.importorskip("collabnet.analyses.gaps")
    return {(g.zone, g.gap, g.a, g.b) for g in gaps.find_gaps(G) if g.gap in ("line_gap", "language_gap")}


def test_gap_analysis_finds_exactly_the_planted_gaps(synthetic, dataset):
    _, truth = synthetic
    assert planted_gaps(dataset.graph) == {(g["zone"], g["gap"], g["a"], g["b"]) for g in truth["gaps"]}


def test_date_traps_close_the_gaps_outside_the_validity_window(synthetic):
    folder, truth = synthetic
    before = dt.date.fromisoformat(truth["valid_from"]) - dt.timedelta(days=1)
    traps = {trap["closes"]: trap["zone"] for trap in truth["date_traps"]}
    early = planted_gaps(collabnet.load(folder, at=before).graph)
    late = planted_gaps(collabnet.load(folder, at=truth["valid_until"]).graph)
    assert not any(zone == traps["line_gap"] and gap == "line_gap" for zone, gap, _, _ in early)
    assert not any(zone == traps["language_gap"] and gap == "language_gap" for zone, gap, _, _ in late)


@pytest.mark.parametrize("seed", [0, 11])
def test_planting_holds_for_other_seeds_on_the_last_valid_day(tmp_path, seed):
    truth = generate(MIN_ORGS, seed=seed, out=tmp_path)["truth"]
    truth = json.loads(Path(truth).read_text(encoding="utf-8"))
    last = dt.date.fromisoformat(truth["valid_until"]) - dt.timedelta(days=1)
    G = collabnet.load(tmp_path, at=last).graph
    found, _ = reasons_found(G)
    for by_reason in truth["isolated"].values():
        for reason, actors in by_reason.items():
            assert all(reason in found[actor] for actor in actors)
    assert truth["brokers"][0]["actor"] in cut_vertices(G)


def test_cli_writes_the_dataset_and_says_what_was_planted(tmp_path):
    result = CliRunner().invoke(cli, ["synth", "--orgs", "100", "--seed", "2", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert all((tmp_path / "out" / name).is_file() for name in FILES)
    assert "100 organisations" in result.output and "analyse with --at 2026-01-01" in result.output
    # writing again into its own output is fine, quietly
    result = CliRunner().invoke(cli, ["synth", "--orgs", "100", "-q", "--at", "2025-06-30", str(tmp_path / "out")])
    assert result.exit_code == 0 and result.output == ""
    truth = json.loads((tmp_path / "out" / "truth.json").read_text(encoding="utf-8"))
    assert truth["analysis_date"] == "2025-06-30" and truth["seed"] == 42


@pytest.mark.parametrize("args, message", [
    (["--orgs", "5"], "between 100 and 1,000,000"),
    (["--orgs", "100", "--at", "2026-02-30"], "'2026-02-30' is not a date"),
    (["--at", "2026-01-01"], "Missing option '--orgs'"),
])
def test_cli_bad_arguments_exit_2_without_traceback(tmp_path, args, message):
    result = CliRunner().invoke(cli, ["synth", *args, str(tmp_path / "out")])
    assert result.exit_code == 2 and message in result.output
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()


def test_cli_never_overwrites_a_foreign_dataset(tmp_path):
    (tmp_path / "actors.csv").write_text("id,name,kind,sector\na,A,org,medical\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["synth", "--orgs", "100", str(tmp_path)])
    assert result.exit_code == 2 and "synth did not write" in result.output
    assert (tmp_path / "actors.csv").read_text(encoding="utf-8").startswith("id,name,kind,sector\na,A")
    result = CliRunner().invoke(cli, ["synth", "--orgs", "100", str(tmp_path / "actors.csv")])
    assert result.exit_code == 2 and "is a file" in result.output


def test_cli_help_has_an_example():
    result = CliRunner().invoke(cli, ["synth", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output and "collabnet synth --orgs" in result.output
