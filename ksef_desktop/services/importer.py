"""Import of sales documents from JSON files in the ERP document schema (contract.documents).

A file holds one document or a JSON array of them. Each file is all or
nothing: any error (JSON syntax, a schema field, a NIP, totals that disagree
with the lines, a number or ERP id already in the register) stores nothing
from that file, and every error names the field path it concerns.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ksef_desktop.contract.documents import ErpDocument
from ksef_desktop.contract.mapping import to_document
from ksef_desktop.domain.document import Document
from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.storage.documents import DocumentRepository, DuplicateDocumentError
from ksef_desktop.support.i18n import tr

MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class FileError:
    field: str  # "lines[0].unit_price"; prefixed "[2]." for the third document of an array
    message: str


@dataclass(frozen=True)
class ImportResult:
    path: Path
    ids: tuple[str, ...] = ()  # the register ids stored (empty when the file failed)
    errors: tuple[FileError, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


def _loc(parts: Iterable[Any]) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _read(path: Path) -> Any:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _FileFailedError([FileError("", tr("The file is larger than 20 MB."))])
    try:
        return json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise _FileFailedError([FileError("", tr("The file is not UTF-8 text."))]) from exc
    except json.JSONDecodeError as exc:
        raise _FileFailedError(
            [
                FileError(
                    "",
                    tr("The file is not valid JSON: {msg} (line {line}, column {col}).").format(
                        msg=exc.msg, line=exc.lineno, col=exc.colno
                    ),
                )
            ]
        ) from exc


class _FileFailedError(Exception):
    def __init__(self, errors: list[FileError]) -> None:
        super().__init__(errors)
        self.errors = errors


def _parse(item: Any, prefix: str) -> tuple[ErpDocument, Document]:
    try:
        erp = ErpDocument.model_validate(item)
    except ValidationError as exc:
        raise _FileFailedError(
            [FileError(prefix + _loc(e["loc"]), e["msg"]) for e in exc.errors()]
        ) from exc
    try:
        document = to_document(erp)
    except InvalidValueError as exc:
        raise _FileFailedError([FileError(prefix + (exc.field or ""), exc.message)]) from exc
    return erp, document


class ImportService:
    def __init__(self, documents: DocumentRepository) -> None:
        self._documents = documents

    def import_files(self, paths: Iterable[Path]) -> list[ImportResult]:
        return [self.import_file(Path(p)) for p in paths]

    def import_file(self, path: Path) -> ImportResult:
        """Store every document of ``path`` as a DRAFT, or none of them."""
        try:
            data = _read(path)
            items = data if isinstance(data, list) else [data]
            if not items:
                raise _FileFailedError([FileError("", tr("The file holds no document."))])
            many = isinstance(data, list)
            parsed = [_parse(item, f"[{i}]." if many else "") for i, item in enumerate(items)]
            return ImportResult(path, self._store(parsed, many))
        except _FileFailedError as failed:
            return ImportResult(path, errors=tuple(failed.errors))
        except OSError as exc:
            return ImportResult(
                path,
                errors=(FileError("", tr("The file cannot be read: {r}").format(r=exc.strerror)),),
            )

    def _store(self, parsed: list[tuple[ErpDocument, Document]], many: bool) -> tuple[str, ...]:
        errors: list[FileError] = []
        seen: set[str] = set()
        for i, (erp, _) in enumerate(parsed):
            prefix = f"[{i}]." if many else ""
            if erp.id in seen or self._documents.find_erp_id(erp.id) is not None:
                errors.append(
                    FileError(
                        prefix + "id",
                        tr("A document with ERP id {id} is already in the register.").format(
                            id=erp.id
                        ),
                    )
                )
            seen.add(erp.id)
        if errors:
            raise _FileFailedError(errors)
        ids: list[str] = []
        position = 0
        try:
            with self._documents.db.transaction() as conn:
                for position, (erp, document) in enumerate(parsed):  # noqa: B007 - read below
                    ids.append(
                        self._documents.add(document, source="import", erp_id=erp.id, conn=conn)
                    )
        except DuplicateDocumentError as exc:
            prefix = f"[{position}]." if many else ""
            raise _FileFailedError([FileError(prefix + "number", exc.message)]) from exc
        return tuple(ids)
