"""Startup time: process start to the main window shown (offscreen), against a bare PySide6 window.

Both are measured the same way: the parent starts a fresh Python process and
stops the clock when the child prints that its window is shown (after one
turn of the event loop). Prints the median of several runs and the ratio.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7
TARGET_RATIO = 2.0

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(980, 620)
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""

DESKTOP = """
import sys
from PySide6.QtWidgets import QApplication
from ksef_desktop.app import main

def shown(window):
    print("shown", flush=True)
    window.status_refreshed.connect(lambda _s: (print("ready", flush=True), QApplication.quit()))

sys.exit(main([], on_shown=shown))
"""


def time_once(code: str, home: Path) -> tuple[float, float]:
    """Seconds to "shown" and to "ready" (the same for the bare window)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KSEF_DESKTOP_HOME=str(home))
    env["PYTHONPATH"] = str(ROOT)
    start = time.perf_counter()
    with subprocess.Popen(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        env=env, text=True,
    ) as child:  # fmt: skip
        assert child.stdout is not None
        line = child.stdout.readline()
        shown = time.perf_counter() - start
        rest = child.stdout.readline()
        ready = time.perf_counter() - start if rest.strip() == "ready" else shown
        child.wait(timeout=60)
    if line.strip() != "shown":
        raise RuntimeError(f"the child did not show its window (exit {child.returncode})")
    return shown, ready


def measure(name: str, code: str, home: Path) -> float:
    time_once(code, home)  # warm the OS file cache and create the store
    runs = [time_once(code, home) for _ in range(RUNS)]
    for label, samples in (("shown", [r[0] for r in runs]), ("ready", [r[1] for r in runs])):
        median = statistics.median(samples)
        print(
            f"{name:<14} {label}  median {median * 1000:7.1f} ms   "
            f"min {min(samples) * 1000:7.1f}   max {max(samples) * 1000:7.1f}   ({RUNS} runs)"
        )
    return statistics.median(r[0] for r in runs)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        bare = measure("bare PySide6", BARE, home)
        desktop = measure("ksef-desktop", DESKTOP, home)
    ratio = desktop / bare
    print("ready = the store open, services attached and the status bar filled (not the target)")
    verdict = "within" if ratio <= TARGET_RATIO else "ABOVE"
    print(f"ratio {ratio:.2f}x ({verdict} the {TARGET_RATIO:.0f}x target)")


if __name__ == "__main__":
    main()
