"""Rendering on two cores: the same files whoever writes them, whatever goes wrong in the helper process."""

from __future__ import annotations

import gc
import os
import time
from pathlib import Path

import pytest

import collabnet
from collabnet.analyses import analyse
from collabnet.render import report, view
from collabnet.runtime import collector_paused, share_out
from collabnet.words import Vocabulary

BRUSSELS = Path(__file__).parents[1] / "datasets" / "brussels"


def test_share_out_gives_the_results_in_order_whoever_works():
    items = list(range(40))
    assert share_out(items, lambda x: x * x) == [x * x for x in items]


def test_share_out_without_parallel_does_everything_here():
    items = list(range(40))
    assert share_out(items, lambda x: (x, os.getpid()), parallel=False) == [(x, os.getpid()) for x in items]


def test_share_out_uses_at_most_one_helper_process():
    # Which process takes which item is up to the scheduler: on a busy machine the helper can take all
    # forty before this process takes one (a CI run did), so only the count of processes is fixed.
    done = share_out(list(range(40)), lambda x: (x, os.getpid()))
    assert [x for x, _ in done] == list(range(40))
    assert len({pid for _, pid in done}) <= 2


def test_share_out_lets_this_process_work_while_the_helper_is_slow():
    parent = os.getpid()

    def work(x):
        if os.getpid() != parent:
            time.sleep(0.2)  # the helper holds each item a while: this process takes the rest meanwhile
        return x, os.getpid()

    done = share_out(list(range(40)), work)
    assert [x for x, _ in done] == list(range(40))
    assert any(pid == parent for _, pid in done)  # the helper would need 8 s to take all forty


def test_the_items_said_to_be_done_here_are_done_by_this_process():
    done = share_out(list(range(6)), lambda x: (x, os.getpid()), here=3)
    assert [x for x, _ in done] == list(range(6))
    assert [pid for _, pid in done[:3]] == [os.getpid()] * 3


def test_work_shared_out_inside_the_helper_process_is_done_there():
    # a helper process may not fork a helper of its own: its share_out does the work itself, once
    def outer(i):
        if i == 0:
            time.sleep(1.0)  # the helper takes the other item meanwhile
        return share_out([1, 2, 3], lambda x: (x, os.getpid()))

    first, second = share_out([0, 1], outer, here=1)
    assert first == [(1, os.getpid()), (2, os.getpid()), (3, os.getpid())]
    assert [x for x, _ in second] == [1, 2, 3]
    assert len({pid for _, pid in second}) == 1 and second[0][1] != os.getpid()


def test_what_the_helper_process_cannot_do_is_done_here():
    parent = os.getpid()

    def work(x):
        if os.getpid() != parent:
            raise RuntimeError("the helper fails")
        return -x

    assert share_out(list(range(10)), work) == [-x for x in range(10)]


def test_an_error_here_is_raised_here():
    with pytest.raises(ZeroDivisionError):
        share_out([1, 0, 2, 3], lambda x: 1 / x)  # whichever process meets the 0, the error comes here


def test_the_collector_is_paused_in_the_block_only():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


@pytest.fixture(scope="module")
def brussels():
    dataset = collabnet.load(BRUSSELS, at="2024-06-01")
    return dataset, analyse(dataset)


def test_reports_and_views_written_on_two_cores_are_those_written_on_one(brussels, tmp_path, monkeypatch):
    dataset, result = brussels
    one, two = tmp_path / "one", tmp_path / "two"
    before = dataset.on("2023-06-01").graph
    alone = report.render_reports(result, one, lang="nl")
    alone += view.render_views(result, one, lang="nl", before=before)
    monkeypatch.setattr(report, "_SHARED_WORK", 0)  # small as it is, share it out
    monkeypatch.setattr(view, "_SHARED_WORK", 0)
    shared = report.render_reports(result, two, lang="nl")
    shared += view.render_views(result, two, lang="nl", before=before)
    assert [p.name for p in shared] == [p.name for p in alone] and len(alone) == 12
    for path in one.iterdir():
        assert path.read_bytes() == (two / path.name).read_bytes(), path.name


def test_tables_written_on_two_cores_are_those_written_on_one(brussels, tmp_path, monkeypatch):
    from collabnet.render import tables

    dataset, result = brussels
    alone = tables.write_analysis(result, tmp_path / "one", Vocabulary.for_analysis(result, "en"))
    monkeypatch.setattr(tables, "_SHARED_ROWS", 0)
    shared = tables.write_analysis(result, tmp_path / "two", Vocabulary.for_analysis(result, "en"))
    assert [p.name for p in shared] == [p.name for p in alone] == list(tables.OUTPUT_FILES)
    for path in alone:
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes(), path.name


def test_tables_reports_and_views_as_one_list_of_jobs_are_those_written_apart(brussels, tmp_path, monkeypatch):
    from collabnet.render import tables
    from collabnet.runtime import run_jobs

    dataset, result = brussels
    words = Vocabulary.for_analysis(result, "nl")
    one, two = tmp_path / "one", tmp_path / "two"
    apart = [*tables.write_analysis(result, one, words), *report.render_reports(result, one, lang="nl"),
             *view.render_views(result, one, lang="nl")]
    monkeypatch.setattr(tables, "_SHARED_ROWS", 0)  # shared by two processes, small as they are
    together = run_jobs(tables.analysis_jobs(result, two, words), report.report_jobs(result, two, lang="nl"),
                        view.view_jobs(result, two, lang="nl"))
    assert [p.name for paths in together for p in paths] == [p.name for p in apart]
    for path in apart:
        assert path.read_bytes() == (two / path.name).read_bytes(), path.name


def _console(*args: str, **kwargs):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "collabnet", *args], capture_output=True, text=True, **kwargs)


def test_the_console_script_writes_all_its_output_before_it_ends_its_process():
    # exit_now skips the interpreter's teardown: what the command printed must be flushed all the same
    from click.testing import CliRunner

    from collabnet.cli import cli

    done = _console("info", str(BRUSSELS))
    assert done.returncode == 0
    assert done.stdout == CliRunner().invoke(cli, ["info", str(BRUSSELS)]).output
    assert done.stdout.count("\n") > 10


def test_the_console_script_keeps_the_exit_status_of_bad_input(tmp_path):
    (tmp_path / "actors.csv").write_text("id,name\n", encoding="utf-8")
    done = _console("analyze", str(tmp_path), "--out", str(tmp_path / "out"))
    assert done.returncode == 2
    assert "actors.csv" in done.stderr and "Traceback" not in done.stderr


def test_exit_now_runs_the_exit_handlers_and_reports_a_text_status():
    import subprocess
    import sys

    program = ("import atexit, sys; from collabnet.runtime import exit_now; "
               "atexit.register(lambda: print('handler ran')); print('out', end=''); exit_now('bad news')")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == (1, "outhandler ran\n", "bad news\n")


def test_an_analysis_shared_by_two_processes_is_the_one_made_in_one(brussels, monkeypatch):
    # isolation and the gaps in a second process while the first ranks the brokers; the departures in slices
    from collabnet.analyses import actions, run

    dataset, alone = brussels
    monkeypatch.setattr(run, "_SHARED_ANALYSES_EDGES", 0)
    monkeypatch.setattr(actions, "_SHARED_EDGES", 0)
    monkeypatch.setattr(actions, "_BACKUP_SLICES", 3)  # the departures in other slices, shared by two processes
    shared = analyse(dataset)
    assert any(a.action == "backup_contact" for a in alone.actions)
    assert shared.actions == alone.actions
    assert (shared.isolated, shared.gaps, shared.cut_edges, shared.cut_vertices) == \
           (alone.isolated, alone.gaps, alone.cut_edges, alone.cut_vertices)
    assert shared.broker_table.equals(alone.broker_table)
    assert shared.summary == alone.summary
    assert dict(shared.matrices) == dict(alone.matrices)


def test_an_error_here_while_the_helper_holds_a_big_result_is_raised_not_waited_on():
    # the helper blocks sending what nobody reads: it must be stopped, not joined forever
    import subprocess
    import sys

    program = ("import time\n"
               "from collabnet.runtime import share_out\n"
               "def work(i):\n"
               "    if i == 0:\n"
               "        time.sleep(0.5)\n"
               "        raise RuntimeError('broken here')\n"
               "    return b'x' * 1_000_000\n"
               "share_out([0, 1], work, here=1)\n")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "RuntimeError: broken here" in done.stderr


def test_the_console_script_ends_cleanly_without_a_stdout():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "collabnet", "--help"], capture_output=False, stderr=subprocess.PIPE,
                          text=True, preexec_fn=lambda: os.close(1))
    assert (done.returncode, done.stderr) == (0, "")
