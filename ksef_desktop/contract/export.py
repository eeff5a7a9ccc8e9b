"""Writes the published contracts in ``schemas/``: ``python -m ksef_desktop.contract.export``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from ksef_desktop.contract.documents import ErpDocument

SCHEMA_ID = "https://ksef-desktop.example/schemas/erp-document.schema.json"


def erp_document_schema() -> dict[str, Any]:
    schema = ErpDocument.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def render(obj: dict[str, Any]) -> str:
    return json.dumps(obj, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else Path("schemas")
    (target / "erp-document.schema.json").write_text(
        render(erp_document_schema()), encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
