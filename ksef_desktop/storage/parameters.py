"""KSEF > PARAMETERS: the typed parameters model and its repository in the desktop store."""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass, field
from typing import Any

from ksef_desktop.storage.db import Database
from ksef_desktop.support.i18n import tr


class FieldKind(enum.Enum):
    """How a parameter is edited; the form picks a widget from it."""

    FLAG = "flag"
    URL = "url"
    NIP = "nip"


def _spec(kind: FieldKind, label: str, help_text: str, object_name: str) -> dict[str, Any]:
    return {"kind": kind, "label": label, "help": help_text, "object_name": object_name}


@dataclass(frozen=True)
class KsefParameters:
    """What an administrator sets in KSEF > PARAMETERS; the form is generated from the fields."""

    active: bool = field(
        default=False,
        metadata=_spec(
            FieldKind.FLAG,
            tr("STATUS (ACTIVE)"),
            tr("When off, documents are printed without the KSeF steps."),
            "statusActive",
        ),
    )
    ws_address: str = field(
        default="",
        metadata=_spec(
            FieldKind.URL,
            tr("cairo.KSEF WS ADDRESS"),
            tr("The address of the ksef-ws web service, e.g. https://ksef-ws.example.com:8765"),
            "wsAddress",
        ),
    )
    company_nip: str = field(
        default="",
        metadata=_spec(
            FieldKind.NIP,
            tr("COMPANY NIP"),
            tr("The seller's NIP; the authorization code is bound to it."),
            "companyNip",
        ),
    )


@dataclass(frozen=True)
class ParameterField:
    """One field of :class:`KsefParameters` with its form metadata."""

    name: str
    kind: FieldKind
    label: str
    help: str
    object_name: str


def parameter_fields() -> list[ParameterField]:
    return [
        ParameterField(
            f.name,
            f.metadata["kind"],
            f.metadata["label"],
            f.metadata["help"],
            f.metadata["object_name"],
        )
        for f in dataclasses.fields(KsefParameters)
    ]


def _encode(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def _decode(kind: FieldKind, text: str) -> object:
    if kind is FieldKind.FLAG:
        return text == "1"
    return text


class ParametersRepository:
    """Reads and writes :class:`KsefParameters` as name/value rows (unknown names are kept)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def load(self) -> KsefParameters:
        stored = {row["name"]: row["value"] for row in self._db.query("SELECT * FROM parameters")}
        values = {
            spec.name: _decode(spec.kind, stored[spec.name])
            for spec in parameter_fields()
            if spec.name in stored
        }
        return KsefParameters(**values)  # type: ignore[arg-type]

    def save(self, parameters: KsefParameters) -> None:
        with self._db.transaction() as conn:
            conn.executemany(
                "INSERT INTO parameters (name, value) VALUES (?, ?) "
                "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                [
                    (f.name, _encode(getattr(parameters, f.name)))
                    for f in dataclasses.fields(parameters)
                ],
            )
