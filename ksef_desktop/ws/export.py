"""Writes ``schemas/ws-openapi.json``: ``python -m ksef_desktop.ws.export [DIR]``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from ksef_desktop.ws.app import create_app, openapi_document

FILE_NAME = "ws-openapi.json"


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def openapi_text() -> str:
    return render(openapi_document(create_app()))


def write(target: Path) -> Path:
    path = target / FILE_NAME if target.is_dir() or not target.suffix else target
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(openapi_text(), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    print(write(Path(args[0]) if args else Path("schemas")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
