"""Smoke test of the benchmark (collabnet.devtools.benchmark, ``collabnet bench``) on the smallest synthetic region.

The benchmark itself is slow by design and never runs in the test suite; this
only checks that one tiny run produces the table the README shows.
"""

import re

from click.testing import CliRunner

from collabnet.cli import cli
from collabnet.devtools.benchmark import BASELINE_STEPS, STAGES


def test_benchmark_of_100_organisations_gives_the_whole_table(tmp_path):
    out = tmp_path / "bench.md"
    result = CliRunner().invoke(cli, ["bench", "--sizes", "100", "--runs", "1", "--check", "100",
                                      "--baseline-timeout", "1", "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output  # timings belong to the benchmark, never to a test
    text = out.read_text(encoding="utf-8")
    assert result.output == text
    rows = {line.split(" | ")[0].strip("| ") for line in text.splitlines() if line.startswith("| ")}
    assert {label for _, label in STAGES} <= rows
    assert {"actors / edges", "**peak memory (RSS)**"} <= rows
    assert {f"networkx {label}" for _, label, _ in BASELINE_STEPS} <= rows
    assert {"centre-west", "north", "north-east", "region", "south", "south-east"} <= rows
    table = [line for line in text.splitlines() if line.startswith("| ")]
    assert table[0] == "| | N = 100 |"
    assert all(line.count(" | ") == 1 for line in table[:len(STAGES) + 4])  # one column per size
    analyze = next(line for line in table if line.startswith("| **analyze"))
    assert analyze.endswith(" s** |")
    command = next(line for line in table if line.startswith("| **`collabnet analyze --report` in a new process**"))
    assert command.endswith(" GiB** |") and " s, " in command
    betweenness = next(line for line in table if line.startswith("| networkx betweenness"))
    assert re.search(r"\| (timeout > 1 s|about \d+(\.\d+)? s \(from \d+ sources\), about \d+(\.\d+)?x \(exact\)) \|$",
                     betweenness), betweenness
    igraph = {line.split(" | ")[0].strip("| "): line for line in table if "igraph, ratio" in line}
    for level in ("organisations", "actors"):  # both graphs, side by side with python-igraph
        assert re.search(r"collabnet / igraph = \d+\.\d+, (\d+)/\1 \|$", igraph[f"{level}: igraph, ratio, top 10"])
    whole = next(line for line in table if line.startswith("| `analyze --report` (new process) / igraph"))
    assert re.search(r"\| \d+(\.\d+)? s / \d+(\.\d+)? s = \d+\.\d\d \|$", whole), whole


def test_sizes_outside_synth_range_are_refused():
    result = CliRunner().invoke(cli, ["bench", "--sizes", "50"])
    assert result.exit_code == 2 and "from 100 to" in result.output


def test_the_command_is_timed_in_a_new_process(tmp_path):
    from collabnet.devtools.benchmark import measure_command
    from collabnet.devtools.synth import generate

    generate(100, seed=1, out=tmp_path / "data")
    found = measure_command(tmp_path / "data", 1, tmp_path / "out")
    assert len(found["seconds"]) == 1 and found["seconds"][0] > 0
    assert 10 * 1024**2 < found["peak_rss"] < 2 * 1024**3  # a Python process with pandas, in bytes
    assert (tmp_path / "out" / "summary.json").exists() and (tmp_path / "out" / "view-region.en.html").exists()


def test_python_m_collabnet_is_the_command_line():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "collabnet", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("collabnet")
