"""Progress appears only on a terminal, only for slow steps."""

import io
import time

from collabnet.progress import Progress


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_no_output_when_stream_is_not_a_terminal():
    stream = io.StringIO()
    with Progress(stream=stream, delay=0).step("x", total=2) as advance:
        advance(2)
    assert stream.getvalue() == ""


def test_no_output_for_a_step_faster_than_the_delay():
    stream = FakeTerminal()
    with Progress(stream=stream, delay=60).step("x", total=2) as advance:
        advance(2)
    assert stream.getvalue() == ""


def test_a_slow_step_on_a_terminal_shows_a_finished_bar():
    stream = FakeTerminal()
    with Progress(stream=stream, delay=0).step("betweenness", total=4) as advance:
        advance(4)
    assert "Computing betweenness" in stream.getvalue() and "4/4" in stream.getvalue()


def test_a_step_is_named_in_the_language_of_the_command():
    stream = FakeTerminal()
    with Progress(stream=stream, delay=0, lang="nl").step("betweenness", total=1) as advance:
        advance()
    assert stream.getvalue().startswith("\rTussenposities berekenen ") and "betweenness" not in stream.getvalue()


def test_a_step_without_words_keeps_its_name():
    stream = FakeTerminal()
    with Progress(stream=stream, delay=0, lang="fr").step("intake", total=1) as advance:
        advance()
    assert stream.getvalue().startswith("\rintake ")


def test_disabled_progress_is_silent_even_on_a_terminal():
    stream = FakeTerminal()
    with Progress(enabled=False, stream=stream, delay=0).step("x", total=1) as advance:
        advance()
    assert stream.getvalue() == ""


def test_a_running_step_is_redrawn_before_it_ends():
    stream = FakeTerminal()
    with Progress(stream=stream, delay=0).step("actions"):
        deadline = time.monotonic() + 5
        while stream.getvalue().count("\r") < 2 and time.monotonic() < deadline:  # two redraws, not only the last
            time.sleep(0.01)
        seen = stream.getvalue()
    assert seen.count("\rChoosing actions") >= 2
    assert stream.getvalue().endswith("\n")


def test_only_the_innermost_step_is_drawn_while_it_runs():
    stream = FakeTerminal()
    progress = Progress(stream=stream, delay=0)
    with progress.step("brokerage"):
        with progress.step("betweenness", total=2) as advance:
            advance(1)
            before = len(stream.getvalue())  # the outer step may have been drawn before this one began
            deadline = time.monotonic() + 5  # at least two ticks, however busy the machine
            while stream.getvalue()[before:].count("\r") < 2 and time.monotonic() < deadline:
                time.sleep(0.01)
            inner = stream.getvalue()[before:]
            advance(1)
    assert inner.count("\rComputing betweenness") >= 2 and "Finding brokers" not in inner
    assert stream.getvalue().rstrip("\n").endswith("s") and "2/2" in stream.getvalue()


class SlowTerminal(FakeTerminal):
    def write(self, text):
        time.sleep(0.4)  # a draw that is still going on when the program forks
        return super().write(text)


def test_a_forked_worker_never_starts_in_the_middle_of_a_draw():
    # The renderers and betweenness fork workers while a step's line is redrawn; a child that starts with
    # the drawing lock (or the stream's buffer) held half-way would hang on its first write or at exit.
    import multiprocessing
    import os

    from collabnet import runtime

    runtime.install()  # what collabnet.cli.main does first
    context = multiprocessing.get_context("fork")
    with Progress(stream=SlowTerminal(), delay=0).step("views"):
        time.sleep(0.1)  # the ticker is inside its first (slow) draw now
        child = context.Process(target=lambda: os._exit(0 if runtime.DRAWING.acquire(timeout=2) else 1))
        child.start()
        child.join(10)
    assert child.exitcode == 0
