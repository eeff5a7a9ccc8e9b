"""Prints how long the FA(3) structure viewer takes to show a 1 MB invoice, and its memory.

Figures: time from ``open_bytes`` until the document is shown and painted,
cold (first open in the process: both schemas load) and warm (a new window
on the same process); the longest the GUI thread went without turning its
event loop meanwhile (what a user would feel as a freeze); resident memory.
Target from issue 7: the viewer within 1 s on a 2-core machine.
Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/structure_viewer.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for tests.helpers

from PySide6.QtCore import QElapsedTimer, QEvent, QTimer
from PySide6.QtWidgets import QApplication

from ksef_desktop.fa3 import build
from ksef_desktop.ui.common.tasks import TaskRunner
from ksef_desktop.ui.structure.window import StructureWindow
from tests.helpers import factories


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _invoice() -> bytes:
    lines = 100
    xml = build(factories.invoice(lines=lines))
    lines = int(lines * 1_000_000 / len(xml))  # scale to just under KSeF's 1 MB limit
    return build(factories.invoice(lines=lines))


def open_once(app: QApplication, runner: TaskRunner, xml: bytes) -> tuple[float, float]:
    """(ms until shown and painted, longest GUI-thread pause in ms) for one new window."""
    window = StructureWindow(runner)
    window.show()
    app.processEvents()
    done: list[object] = []
    window.structure_loaded.connect(done.append)
    window.structure_failed.connect(done.append)
    gaps: list[float] = []
    clock = QElapsedTimer()
    ticker = QTimer()
    ticker.setInterval(5)

    def tick() -> None:
        gaps.append(clock.restart())

    ticker.timeout.connect(tick)
    started = time.perf_counter()
    clock.start()
    ticker.start()
    window.open_bytes(xml, "benchmark.xml")
    while not done:
        app.processEvents()
    window.grab()  # the first paint of the loaded window
    shown = (time.perf_counter() - started) * 1000
    ticker.stop()
    window.close()
    window.deleteLater()
    # Outside a running event loop deferred deletes wait for this call.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    return shown, max([*gaps, clock.elapsed()])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="warm opens after the cold one")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(["benchmark"])
    assert isinstance(app, QApplication)
    runner = TaskRunner()
    xml = _invoice()
    print(f"invoice: {len(xml):,} bytes; resident memory before: {_rss_mb():.0f} MB")
    cold, cold_pause = open_once(app, runner, xml)
    print(
        f"cold open (schemas load): {cold:7.1f} ms, longest GUI pause {cold_pause:6.1f} ms, "
        f"resident {_rss_mb():.0f} MB"
    )
    for run in range(args.runs):
        warm, pause = open_once(app, runner, xml)
        print(
            f"warm open #{run + 1}:          {warm:7.1f} ms, longest GUI pause {pause:6.1f} ms, "
            f"resident {_rss_mb():.0f} MB"
        )
    print(f"resident memory at the end: {_rss_mb():.0f} MB")
    runner.shutdown()


if __name__ == "__main__":
    main()
