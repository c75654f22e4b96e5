"""Progress appears only on a terminal, only for slow steps."""

import io

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
    assert "betweenness" in stream.getvalue() and "4/4" in stream.getvalue()


def test_disabled_progress_is_silent_even_on_a_terminal():
    stream = FakeTerminal()
    with Progress(enabled=False, stream=stream, delay=0).step("x", total=1) as advance:
        advance()
    assert stream.getvalue() == ""
