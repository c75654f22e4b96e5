"""The view benchmark: how fast a view draws, zooms and opens its groups in a real browser.

``python -m collabnet.devtools.viewbench --orgs 1000,3000 --runs 3`` generates
synthetic regions (:func:`collabnet.devtools.synth.generate`, seed 42), writes
the view of the South zone and of the region (and, at the first size, the South
zone at ``--level actors``), loads each page in headless Chromium
(:mod:`collabnet.devtools.chromium`) ``--runs`` times and prints the medians
as a Markdown table: the first draw (the page's own ``collabnetTimes.firstDrawn``,
from the start of its script to the first drawn frame), one zoom step and
"open every group" (each until two animation frames after the redraw). These
are the figures the README gives; no test asserts a time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

__all__ = ["measure_page", "main"]

# Until two animation frames after the next redraw: the frame is on the screen.
_AFTER_DRAW = """var done = arguments[arguments.length - 1]; var t0 = performance.now();
collabnetNetwork.once('afterDrawing', function () {
  requestAnimationFrame(function () { requestAnimationFrame(function () { done(performance.now() - t0); }); }); });
"""
_ZOOM = _AFTER_DRAW + """var c = document.querySelector('#network canvas'); var r = c.getBoundingClientRect();
c.dispatchEvent(new WheelEvent('wheel', {deltaY: -100, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2,
  bubbles: true, cancelable: true}));"""
_OPEN_ALL = """var b = document.getElementById('open-all'); if (!b) { arguments[arguments.length - 1](null); return; }
""" + _AFTER_DRAW + "b.click();"


def measure_page(driver, page: Path, runs: int) -> dict:
    """Medians over ``runs`` loads of ``page``: first draw, zoom step, open every group (ms; None if absent)."""
    from collabnet.devtools.chromium import open_page, wait_for

    found: dict[str, list] = {"first": [], "zoom": [], "open_all": []}
    for _ in range(runs):
        open_page(driver, page)
        wait_for(driver, "return window.collabnetDrawn === true", 300)
        found["first"].append(driver.execute_script("return collabnetTimes.firstDrawn"))
        found["zoom"].append(driver.execute_async_script(_ZOOM))
        found["open_all"].append(driver.execute_async_script(_OPEN_ALL))
    nodes = driver.execute_script("return JSON.parse(document.getElementById('collabnet-data').textContent)"
                                  ".nodes.length")
    return {"nodes": nodes, **{k: None if None in v else statistics.median(v) for k, v in found.items()}}


def _views(orgs: int, folder: Path, with_actors: bool) -> list[tuple[str, Path]]:
    import collabnet
    from collabnet.analyses import analyse
    from collabnet.devtools.synth import DEFAULT_ANALYSIS_DATE, generate
    from collabnet.render.view import view_html

    data = folder / f"synth-{orgs}"
    generate(orgs, seed=42, out=data)
    dataset = collabnet.load(data, at=DEFAULT_ANALYSIS_DATE)
    pages = []
    levels = ["organisations", "actors"] if with_actors else ["organisations"]
    for level in levels:
        analysis = analyse(dataset, level=level)
        for zone in (["south", "region"] if level == "organisations" else ["south"]):
            page = folder / f"view-{orgs}-{zone}-{level}.html"
            page.write_text(view_html(analysis, zone=zone), encoding="utf-8")
            actors = len(analysis.dataset.graph) if zone == "region" else sum(
                1 for _, z in dataset.graph.nodes(data="zone") if z == zone)
            pages.append((f"{'region' if zone == 'region' else 'South zone'} of `synth --orgs {orgs}` "
                          f"({actors:,} actors), {level}", page))
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m collabnet.devtools.viewbench", description=__doc__.split("\n")[0])
    parser.add_argument("--orgs", default="1000,3000", help="sizes of the synthetic regions (organisations)")
    parser.add_argument("--runs", type=int, default=3, help="loads per page; the table shows medians")
    args = parser.parse_args(argv)
    from collabnet.devtools.chromium import start_chromium

    sizes = [int(x) for x in args.orgs.split(",")]
    with tempfile.TemporaryDirectory(prefix="collabnet-viewbench-") as tmp:
        folder = Path(tmp)
        pages = [p for i, n in enumerate(sizes) for p in _views(n, folder, with_actors=i == 0)]
        driver = start_chromium(folder / "profile")
        try:
            rows = [(label, measure_page(driver, page, args.runs)) for label, page in pages]
        finally:
            driver.quit()

    def ms(value) -> str:
        return "—" if value is None else f"{value / 1000:.2f} s" if value >= 1000 else f"{value:.0f} ms"

    print(f"Headless Chromium, software rendering; median of {args.runs} loads.\n")
    print("| view | nodes drawn | first draw | zoom step | open every group |")
    print("|---|---|---|---|---|")
    for label, m in rows:
        print(f"| {label} | {m['nodes']:,} | {ms(m['first'])} | {ms(m['zoom'])} | {ms(m['open_all'])} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
