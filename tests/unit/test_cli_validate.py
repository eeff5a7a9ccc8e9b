"""``ksef-desktop validate FILE...``: output lines and exit codes, in-process and as a script."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ksef_desktop.cli import main
from tests.helpers.fa3mutate import ministry, set_text, to_bytes
from tests.helpers.factories import FIXTURES

GOOD = FIXTURES / "ministry" / "FA_3_Przyklad_9.xml"
WARNS = FIXTURES / "ministry" / "FA_3_Przyklad_1.xml"  # a one-grosz P_15 rounding
PROBLEM_LINE = re.compile(
    r"^(?P<file>.+):(?P<line>\d+): (?P<sev>error|warning) (?P<code>[\w-]+) (?P<path>\S+): .+$"
)


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    root = ministry(9)
    set_text(root, "Fa/P_15", "1")
    set_text(root, "Podmiot2/DaneIdentyfikacyjne/NIP", "1111111112")
    path = tmp_path / "bad.xml"
    path.write_bytes(to_bytes(root))
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = main(["validate", "--today", "2026-11-25", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_valid_files_print_ok_and_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(GOOD))
    assert (code, out, err) == (0, [f"{GOOD}: OK"], "")


def test_warnings_are_printed_but_the_file_still_passes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, str(WARNS))
    assert code == 0
    [line] = out
    match = PROBLEM_LINE.match(line)
    assert match is not None
    assert match.group("sev", "code", "path") == ("warning", "p15-mismatch", "/Faktura/Fa/P_15")


def test_a_file_with_errors_prints_each_problem_and_exits_1(
    capsys: pytest.CaptureFixture[str], bad: Path
) -> None:
    code, out, _ = run(capsys, str(bad))
    assert code == 1
    parsed = [PROBLEM_LINE.match(line) for line in out]
    assert all(parsed), out
    assert sorted((m.group("code"), m.group("path")) for m in parsed if m) == [
        ("nip-checksum", "/Faktura/Podmiot2/DaneIdentyfikacyjne/NIP"),
        ("p15-mismatch", "/Faktura/Fa/P_15"),
    ]
    assert all(m.group("file") == str(bad) and int(m.group("line")) > 1 for m in parsed if m)


def test_a_mix_of_good_and_bad_files_exits_1(
    capsys: pytest.CaptureFixture[str], bad: Path
) -> None:
    code, out, _ = run(capsys, str(GOOD), str(bad))
    assert code == 1
    assert out[0] == f"{GOOD}: OK"
    assert all(line.startswith(f"{bad}:") for line in out[1:])


def test_a_missing_file_exits_2_and_the_others_are_still_checked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, bad: Path
) -> None:
    missing = tmp_path / "nope.xml"
    code, out, err = run(capsys, str(missing), str(GOOD), str(bad))
    assert code == 2
    assert f"{missing}: cannot read the file" in err
    assert f"{GOOD}: OK" in out


def test_hostile_xml_is_reported_as_a_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "xxe.xml"
    path.write_bytes(b'<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>')
    code, out, _ = run(capsys, str(path))
    assert code == 1
    assert out[0].startswith(f"{path}:1: error xml-doctype -: ")


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 2
    assert main(["validate", "--today", "yesterday", str(GOOD)]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert main(["frobnicate"]) == 2
    assert "validate" in capsys.readouterr().err


def test_help_documents_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    top = capsys.readouterr().out
    assert main(["validate", "--help"]) == 0
    sub = capsys.readouterr().out
    for text in (top, sub):
        assert "exit codes:" in text
        assert "1  at least one file has errors" in text


def _script() -> str:
    beside = Path(sys.executable).parent / "ksef-desktop"
    found = str(beside) if beside.exists() else shutil.which("ksef-desktop")
    assert found, "the ksef-desktop console script is not installed"
    return found


def test_the_installed_script_validates_files(bad: Path) -> None:
    result = subprocess.run(
        [_script(), "validate", "--today", "2026-11-25", str(GOOD), str(bad)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"{GOOD}: OK"
    assert any(" error nip-checksum " in line for line in lines)
