"""The one-folder application built by installer/build.py starts and renders its windows."""

from __future__ import annotations

import importlib.util
import os
import struct
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from tests.helpers.demo_shots import PNG, SHOTS

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None,
        reason="PyInstaller is not installed (pip install '.[installer]')",
    ),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="builds the Linux bundle"),
]


def _env(home: Path, locale: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("QT_", "KSEF_", "LC_", "PYTHON", "VIRTUAL_ENV"))
    }
    env.update(QT_QPA_PLATFORM="offscreen", KSEF_DESKTOP_HOME=str(home), LANG=locale)
    env.update(LC_ALL=locale, LANGUAGE="")
    return env


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == PNG, path
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk comes first
    return width, height


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build")
    command = [sys.executable, "installer/build.py", "--dist", str(out / "dist")]
    result = subprocess.run(
        [*command, "--work", str(out / "work")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    print(result.stdout[-400:])  # the step timings, visible with -s
    return out / "dist"


def test_the_archive_holds_the_application(bundle: Path) -> None:
    (archive,) = bundle.glob("ksef-desktop-*-linux-*.tar.gz")
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
    assert "ksef-desktop/ksef-desktop" in names
    assert "ksef-desktop/install.sh" in names
    assert any(n.endswith("resources/translations/ksef_desktop_pl.qm") for n in names)
    assert any(n.endswith("schemat_FA(3)_v1-0E.xsd") for n in names)


def test_the_bundle_renders_the_demo_windows(bundle: Path, tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    result = subprocess.run(
        [str(bundle / "ksef-desktop" / "ksef-desktop"), "--demo", "--screenshots", str(shots)],
        env=_env(tmp_path / "home", "pl_PL.UTF-8"),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    names = sorted(p.name for p in shots.iterdir())
    assert names == SHOTS
    for path in shots.iterdir():
        width, height = _png_size(path)
        assert width >= 300
        assert height >= 150, path.name  # the language dialog is the smallest, about 430x190
        assert path.stat().st_size > 10_000, f"{path.name} looks empty"
    log = (tmp_path / "home" / "data" / "demo" / "logs" / "ksef-desktop.log").read_text("utf-8")
    # The compiled Polish catalog and Qt's own travelled with the bundle, and the
    # official schemas loaded (the demo's connection test sends a validated invoice).
    assert "interface language: pl (2 catalogs)" in log
    assert "5 sample documents recorded" in log
