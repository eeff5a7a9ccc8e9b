"""Step 2 of the wizard: the KSeF validation of a document, and where each problem is fixed."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, replace

from pydantic import ValidationError

from ksef_desktop import fa3
from ksef_desktop.contract.mapping import from_document
from ksef_desktop.domain.document import Document
from ksef_desktop.domain.errors import InvalidValueError, UnsupportedConstructError
from ksef_desktop.fa3 import Problem, Severity
from ksef_desktop.services.printdata import PrintField
from ksef_desktop.support.i18n import tr


class FixPlace(enum.StrEnum):
    PRINT_DATA = "print_data"  # a field of the wizard's first page
    EDITOR = "editor"  # a field of the document editor (close the wizard, open the editor)
    NONE = "none"  # about the file as a whole; nothing a person edits


@dataclass(frozen=True)
class ProblemTarget:
    """Where "go to problem" leads: the wizard's data page or an editor field."""

    place: FixPlace
    field: str | None  # a PrintField value, or a document field such as lines[1].net_value
    label: str

    @property
    def wizard_step(self) -> str | None:
        """The wizard step that fixes it (``"data"``); None when the editor does."""
        return "data" if self.place is FixPlace.PRINT_DATA else None


_PRINT_FIELDS: tuple[tuple[str, PrintField], ...] = (
    ("payment.method", PrintField.METHOD),
    ("payment.other_method", PrintField.METHOD),
    ("payment.due", PrintField.DUE_DATE),
    ("payment.accounts", PrintField.BANK_ACCOUNT),
    ("payment", PrintField.METHOD),
)

_LABELS: dict[str, str] = {
    "seller": tr("Seller"),
    "buyer": tr("Buyer"),
    "lines": tr("Line"),
    "payment": tr("Payment"),
    "number": tr("Document number"),
    "issue_date": tr("Issue date"),
    "sale_date": tr("Sale date"),
    "totals": tr("Totals"),
    "currency": tr("Currency"),
    "correction": tr("Correction data"),
    "annotations": tr("Annotations"),
    "footer": tr("Notes"),
}
_PRINT_LABELS: dict[PrintField, str] = {
    PrintField.METHOD: tr("Payment method"),
    PrintField.DUE_DATE: tr("Due date"),
    PrintField.BANK_ACCOUNT: tr("Bank account"),
    PrintField.COPIES: tr("Copies"),
    PrintField.OUTPUT: tr("Output"),
    PrintField.COPY_KIND: tr("Original or copy"),
}
_LINE = re.compile(r"lines\[(\d+)\]")


def field_label(field: str | None) -> str:
    """A short, plain name of a document field (``lines[1].net_value`` → ``Line 2``)."""
    if not field:
        return tr("Document")
    match = _LINE.match(field)
    if match:
        return tr("Line {n}").format(n=int(match.group(1)) + 1)
    head = re.split(r"[.\[]", field, maxsplit=1)[0]
    return _LABELS.get(head, head.replace("_", " ").capitalize())


def fix_target(problem: Problem) -> ProblemTarget:
    field = problem.field
    if not field:
        return ProblemTarget(FixPlace.NONE, None, tr("Document"))
    for prefix, print_field in _PRINT_FIELDS:
        if field == prefix or field.startswith((prefix + ".", prefix + "[")):
            label = _PRINT_LABELS[print_field]
            return ProblemTarget(FixPlace.PRINT_DATA, print_field.value, label)
    return ProblemTarget(FixPlace.EDITOR, field, field_label(field))


def _error(exc: InvalidValueError | UnsupportedConstructError) -> Problem:
    field = exc.field if isinstance(exc, InvalidValueError) else None
    return Problem(Severity.ERROR, exc.code, exc.message, field=field)


def ksef_problems(document: Document, number: str) -> list[Problem]:
    """Everything KSeF (and the web service) would object to, as plain-language problems.

    A draft has no number yet: ``number`` is the one approval will give, so the
    XML checked is the one that will be sent.
    """
    numbered = replace(document, number=document.number or number)
    try:
        from_document(numbered, "validation")  # the WS contract can carry it
    except InvalidValueError as exc:
        return [_error(exc)]
    except ValidationError as exc:
        return [
            Problem(Severity.ERROR, "contract", str(e["msg"]), field=_loc(e["loc"]))
            for e in exc.errors()
        ]
    try:
        xml = fa3.build(numbered)
    except (InvalidValueError, UnsupportedConstructError) as exc:
        return [_error(exc)]
    return fa3.validate(xml)


def _loc(parts: tuple[int | str, ...]) -> str:
    """A pydantic location as a document field path (``lines[0].name``)."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def has_errors(problems: list[Problem] | tuple[Problem, ...]) -> bool:
    return any(p.is_error for p in problems)
