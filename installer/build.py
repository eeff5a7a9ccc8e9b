"""Build the one-folder application for this OS: ``python installer/build.py``.

Steps: compile the translations (lrelease), run PyInstaller on ksef-desktop.spec,
then package: a ``.tar.gz`` on Linux, the Inno Setup installer on Windows when
``iscc`` is on PATH. Needs the ``installer`` extra (``pip install .[installer]``).
Prints how long each step took.
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))

import update_translations  # noqa: E402

from ksef_desktop import __version__  # noqa: E402

SPEC = ROOT / "installer" / "ksef-desktop.spec"
NAME = "ksef-desktop"


@contextmanager
def step(title: str) -> Iterator[None]:
    print(f"== {title}", flush=True)
    started = time.monotonic()
    yield
    print(f"== {title}: {time.monotonic() - started:.1f} s", flush=True)


def pyinstaller(dist: Path, work: Path) -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        raise SystemExit("PyInstaller is missing: pip install '.[installer]'")
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean"]
    command += ["--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    subprocess.run(command, check=True, cwd=ROOT)  # noqa: S603 - this Python, our spec
    return dist / NAME


def archive(bundle: Path, dist: Path) -> Path:
    """``ksef-desktop-<version>-linux-<machine>.tar.gz`` holding the folder ``ksef-desktop/``."""
    target = dist / f"{NAME}-{__version__}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=NAME)
        tar.add(ROOT / "installer" / "linux" / "README.md", arcname=f"{NAME}/README.md")
        tar.add(ROOT / "installer" / "linux" / "install.sh", arcname=f"{NAME}/install.sh")
    return target


def inno_setup(bundle: Path, dist: Path) -> Path | None:
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    if iscc is None:
        print("iscc (Inno Setup) not on PATH: the folder is built, the installer is not")
        return None
    script = ROOT / "installer" / "windows" / "ksef-desktop.iss"
    subprocess.run(  # noqa: S603 - Inno Setup's compiler on our script
        [iscc, f"/DAppVersion={__version__}", f"/DBundleDir={bundle}", f"/O{dist}", str(script)],
        check=True,
    )
    return dist / f"{NAME}-{__version__}-setup.exe"


def build(dist: Path, work: Path, *, package: bool = True) -> Path:
    """Build and return the bundle folder (``dist/ksef-desktop``)."""
    with step("compile translations"):
        for qm in update_translations.compile_all():
            print(qm.relative_to(ROOT))
    with step("PyInstaller"):
        bundle = pyinstaller(dist, work)
    if package:
        with step("package"):
            if sys.platform.startswith("linux"):
                print(archive(bundle, dist))
            elif sys.platform == "win32":
                print(inno_setup(bundle, dist))
    return bundle


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output directory")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--no-package", action="store_true", help="only the bundle folder")
    args = parser.parse_args(argv)
    started = time.monotonic()
    bundle = build(args.dist, args.work, package=not args.no_package)
    print(f"bundle: {bundle}  ({time.monotonic() - started:.1f} s in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
