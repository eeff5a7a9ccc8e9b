"""Which official schema files we validate against, where they come from, and their sha256.

This module is the source of truth; ``schemas/official-schemas.json`` is its
published copy (``python -m ksef_desktop.fa3.catalog`` writes it, a test keeps
the two equal). The loader refuses any file whose checksum differs, so an
upgrade of ``ksef-client`` that changes a schema is a deliberate act here.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class SchemaFile:
    name: str
    sha256: str
    namespace: str | None


@dataclass(frozen=True)
class SchemaSet:
    key: str
    title: str
    version: str
    namespace: str
    package: str
    package_dir: str
    entry: str
    files: tuple[SchemaFile, ...]
    origin: str


FA3_NAMESPACE = "http://crd.gov.pl/wzor/2025/06/25/13775/"
ETD_NAMESPACE = "http://crd.gov.pl/xml/schematy/dziedzinowe/mf/2022/01/05/eD/DefinicjeTypy/"

FA3 = SchemaSet(
    key="fa3",
    title="Faktura FA(3), schema 1-0E",
    version="FA (3) 1-0E",
    namespace=FA3_NAMESPACE,
    package="ksef-client>=0.20.0,<0.21",
    package_dir="ksef_client/documents/fa3/schemas",
    entry="schemat_FA(3)_v1-0E.xsd",
    files=(
        SchemaFile(
            "schemat_FA(3)_v1-0E.xsd",
            "50c655de247d8efc706c1791468624e6768e12772b901b1d344240e8e3987e41",
            FA3_NAMESPACE,
        ),
        SchemaFile(
            "StrukturyDanych_v10-0E.xsd",
            "d26095dc6c68b40be67bb855be2ea59b1215f812ebb63176af294f43e9915a65",
            ETD_NAMESPACE,
        ),
        SchemaFile(
            "ElementarneTypyDanych_v10-0E.xsd",
            "20f79cb00c12800a3b48c3fced4c05fd0455d9ec6da2a699d964fb23c84edbad",
            ETD_NAMESPACE,
        ),
        SchemaFile(
            "KodyKrajow_v10-0E.xsd",
            "48be2a9f181d7ff80f185c62491ba12604c5cacbbe21af8e2aaaf2c585bbd214",
            ETD_NAMESPACE,
        ),
    ),
    origin=(
        "Ministry of Finance, CRWDE form 13775 (crd.gov.pl/wzor/2025/06/25/13775/), as bundled "
        "by ksef-client 0.20.x; content equal to CIRFMF/ksef-docs faktury/schemy/FA "
        "(line endings normalised, schemaLocation absolute)"
    ),
)

CATALOG: tuple[SchemaSet, ...] = (FA3,)


def as_json() -> str:
    """The catalog in the published JSON form."""
    payload = {
        "description": (
            "Official schemas ksef-desktop validates against. Files are loaded from the "
            "installed package named in 'package'; a file whose sha256 differs is refused."
        ),
        "schemas": [
            {
                "key": s.key,
                "title": s.title,
                "version": s.version,
                "namespace": s.namespace,
                "package": s.package,
                "package_dir": s.package_dir,
                "entry": s.entry,
                "origin": s.origin,
                "files": [
                    {"name": f.name, "sha256": f.sha256, "namespace": f.namespace} for f in s.files
                ],
            }
            for s in CATALOG
        ],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    sys.stdout.write(as_json())
