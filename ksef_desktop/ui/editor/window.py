"""The sales document editor: header, buyer, lines, totals, payment and correction."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ksef_desktop.domain.document import Document, DocumentKind
from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.domain.totals import recalculate
from ksef_desktop.services.advances import SETTLEMENT_KINDS, check_advances
from ksef_desktop.services.bundle import Services
from ksef_desktop.services.customers import CustomerRecord
from ksef_desktop.ui import shortcuts
from ksef_desktop.ui.common.errors import show_error
from ksef_desktop.ui.common.msgbox import Confirmation
from ksef_desktop.ui.common.tasks import Task, TaskRunner
from ksef_desktop.ui.editor import loading
from ksef_desktop.ui.editor.advances import AdvancesPanel
from ksef_desktop.ui.editor.buyer import BuyerForm
from ksef_desktop.ui.editor.correction import CorrectionPanel
from ksef_desktop.ui.editor.header import HeaderForm, get_date
from ksef_desktop.ui.editor.lines_model import LineRow, LinesModel
from ksef_desktop.ui.editor.lines_view import LinesTable
from ksef_desktop.ui.editor.payment import PaymentForm
from ksef_desktop.ui.editor.picker import open_picker
from ksef_desktop.ui.editor.totals import TotalsPanel

_ERROR = "color: #b00020; font-weight: bold;"
_INFO = "color: #1b7f3b;"


class DocumentEditor(QDialog):
    """Edits a draft; anything approved or later opens read-only with a banner saying why."""

    loaded = Signal()
    saved = Signal(str)  # the document id, also for a new draft's first save
    save_refused = Signal(str)  # the message shown
    load_failed = Signal(object)  # the exception; the editor stays disabled

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        doc_id: str | None,
        register_kind: str = "invoice",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._doc_id = doc_id
        self._register_kind = register_kind
        self._base: Document | None = None
        self._status = Status.DRAFT
        self._saved_snapshot: tuple[object, ...] = ()
        self._tasks: list[Task[Any]] = []
        self._saving = False
        self._close_after_save = False
        self._refused_field = ""  # the field of the last refusal shown
        self.setObjectName("documentEditor")
        self.setWindowTitle(self.tr("Sales document"))
        self._build()
        self._connect_signals()
        self.setEnabled(False)
        self._track(
            runner.run(
                "load document",
                lambda _c, _p: loading.load(services, doc_id, date.today()),
                on_returned=self._on_loaded,
                on_errored=self._on_load_errored,
            )
        )

    # --- construction ---------------------------------------------------------

    def _build(self) -> None:
        self.banner = QLabel(self)
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff4ce; padding: 6px; border: 1px solid #d8b600;")
        self.banner.hide()
        self.header = HeaderForm(self)
        self.buyer = BuyerForm(self)
        self.model = LinesModel(self)
        self.table = LinesTable(self.model, self)
        self.lines_message = QLabel(self)
        self.lines_message.setObjectName("linesMessage")
        self.lines_message.setStyleSheet(_ERROR)
        self.totals = TotalsPanel(self)
        self.payment = PaymentForm(self)
        self.correction = CorrectionPanel(self)
        self.advances = AdvancesPanel(self)
        self.message = QLabel(self)
        self.message.setObjectName("editorMessage")
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self._group(self.tr("Document"), self.header), 2)
        top.addWidget(self._group(self.tr("Buyer"), self.buyer), 3)
        lines_box = QGroupBox(self.tr("Lines"), self)
        lines_layout = QVBoxLayout(lines_box)
        lines_layout.addLayout(self._line_buttons())
        lines_layout.addWidget(self.table, 1)
        lines_layout.addWidget(self.lines_message)
        lines_layout.addWidget(self.totals)
        self.correction_box = self._group(self.tr("Correction"), self.correction)
        self.correction_box.hide()
        self.advances_box = self._group(self.advances.title(), self.advances)
        self.advances_box.hide()

        # A plain row, not a QDialogButtonBox: that makes Save the default button, and Enter
        # in any field would then save.
        self.save_button = self._button(self.tr("&Save (Ctrl+S)"), "editorSave")
        self.close_button = self._button(self.tr("Close (Esc)"), "editorClose")
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.save_button)
        self.buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(self._group(self.tr("Payment"), self.payment))
        layout.addWidget(lines_box, 3)
        layout.addWidget(self.correction_box, 2)
        layout.addWidget(self.advances_box)
        layout.addWidget(self.message)
        layout.addLayout(self.buttons)
        self.resize(1120, 920)
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        """Top to bottom, left to right, as the window reads."""
        h, b, p, c, a = self.header, self.buyer, self.payment, self.correction, self.advances
        chain: list[QWidget] = [
            h.kind, h.issue_date, h.sale_date, h.place, h.pricing,
            b.id_kind, b.id_country, b.nip, b.pick, b.name, b.line1, b.line2, b.country,
            p.method, p.due, p.account,
            self.table,
            c.corrected, c.reason, c.type,
            a.entry, a.outside, a.add_button, a.list, a.remove_button,
            self.save_button, self.close_button,
        ]  # fmt: skip
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        for button in (self.add_button, self.remove_button, self.undo_button, self.redo_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ins, Del, Ctrl+Z do these

    def _group(self, title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title, self)
        QVBoxLayout(box).addWidget(widget)
        return box

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)  # Enter in a field must not save or pick
        return button

    def _line_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = self._button(self.tr("Add &line (Ins)"), "addLine")
        self.remove_button = self._button(self.tr("Remo&ve line (Del)"), "removeLine")
        self.undo_button = self._button(self.tr("Undo (Ctrl+Z)"), "undoLine")
        self.redo_button = self._button(self.tr("Redo (Ctrl+Y)"), "redoLine")
        for button in (self.add_button, self.remove_button, self.undo_button, self.redo_button):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _connect_signals(self) -> None:
        stack = self.model.undo_stack
        self.header.edited.connect(self._on_form_edited)
        self.header.kind_changed.connect(self._on_header_kind_changed)
        self.header.pricing_changed.connect(self._on_header_pricing_changed)
        self.buyer.edited.connect(self._on_form_edited)
        self.buyer.pick_requested.connect(self._on_buyer_pick_requested)
        self.buyer.nip_entered.connect(self._on_buyer_nip_entered)
        self.model.lines_changed.connect(self._on_model_lines_changed)
        self.payment.edited.connect(self._on_form_edited)
        self.correction.edited.connect(self._on_model_lines_changed)
        self.correction.original_requested.connect(self._on_correction_original_requested)
        self.advances.edited.connect(self._on_advances_edited)
        self.add_button.clicked.connect(self.table.add_line)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.undo_button.clicked.connect(stack.undo)
        self.redo_button.clicked.connect(stack.redo)
        stack.canUndoChanged.connect(self._on_form_edited)
        stack.canRedoChanged.connect(self._on_form_edited)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.close_button.clicked.connect(self.reject)
        QShortcut(shortcuts.EDITOR_SAVE.sequence, self, self._on_save_clicked)
        QShortcut(shortcuts.EDITOR_PICK_BUYER.sequence, self, self._on_buyer_pick_requested)
        # Only while the lines have the focus: a text field's Ctrl+Z undoes its own typing.
        for key, slot in (
            (shortcuts.EDITOR_UNDO, stack.undo),
            (shortcuts.EDITOR_REDO, stack.redo),
            (shortcuts.EDITOR_REDO_ALT, stack.redo),
        ):
            shortcut = QShortcut(key.sequence, self.table, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # --- state ----------------------------------------------------------------

    @property
    def doc_id(self) -> str | None:
        return self._doc_id

    @property
    def read_only(self) -> bool:
        return not self._status.editable

    def snapshot(self) -> tuple[object, ...]:
        parts: tuple[object, ...] = (
            self.header.snapshot(),
            self.buyer.snapshot(),
            self.model.rows,
            self.payment.snapshot(),
        )
        if self.header.doc_kind.is_correction:
            parts += (self.correction.snapshot(),)
        if self.header.doc_kind in SETTLEMENT_KINDS:
            parts += (self.advances.snapshot(),)
        return parts

    @property
    def dirty(self) -> bool:
        return (
            self._base is not None
            and not self.read_only
            and self.snapshot() != self._saved_snapshot
        )

    def _track(self, task: Task[Any]) -> None:
        self._tasks = [t for t in self._tasks if not t.done]
        self._tasks.append(task)

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self.dirty and not self._saving)
        self.remove_button.setEnabled(not self.read_only and self.model.rowCount() > 0)
        self.add_button.setEnabled(not self.read_only)
        stack = self.model.undo_stack
        self.undo_button.setEnabled(not self.read_only and stack.canUndo())
        self.redo_button.setEnabled(not self.read_only and stack.canRedo())

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(_ERROR if error else _INFO)

    # --- loading --------------------------------------------------------------

    @Slot(object)
    def _on_loaded(self, data: loading.Loaded) -> None:
        doc = data.document
        self._base = doc
        self._status = data.status
        self.correction.set_candidates(data.candidates)
        self.header.set_document(doc, data.number_text)
        self.buyer.set_party(doc.buyer)
        if self._doc_id is None:
            self.buyer.id_kind.setCurrentIndex(0)  # a new document: most buyers have a NIP
        self.payment.set_payment(doc.payment)
        self.correction.set_correction(doc.correction, tuple(ln for ln in doc.lines if ln.before))
        self.advances.set_refs(doc.advance_invoices)
        self.model.pricing = doc.pricing
        self.model.set_rows([LineRow.of(ln) for ln in doc.lines if not ln.before])
        if self._doc_id is None and not self.model.rowCount():
            self.model.set_rows([LineRow()])
        self._apply_kind()
        self._apply_read_only(data)
        self._saved_snapshot = self.snapshot()
        self.setEnabled(True)
        self._update_totals()
        self._update_buttons()
        number = doc.number or ""
        self.setWindowTitle(self.tr("Sales document {number}").format(number=number).strip())
        (self.table if self.read_only else self.buyer.nip).setFocus()
        self.loaded.emit()

    def _apply_read_only(self, data: loading.Loaded) -> None:
        locked = self.read_only
        for form in (self.header, self.buyer, self.payment, self.correction, self.advances):
            form.set_read_only(locked)
        self.model.read_only = locked
        self.save_button.setVisible(not locked)
        if not locked:
            return
        if data.status is Status.REJECTED:
            text = self.tr(
                "Read-only: KSeF rejected this document ({reason}). Reopen it from the register "
                "to correct it."
            ).format(reason=data.reason or self.tr("no reason given"))
        else:
            text = self.tr(
                "Read-only: this document is {status}. Its number is fixed and its content "
                "locked; an accepted invoice changes only through a correction document."
            ).format(status=self.tr(data.status.label))
        self.banner.setText(text)
        self.banner.show()

    @Slot(object)
    def _on_load_errored(self, exc: BaseException) -> None:
        self._say(self.tr("The document could not be opened."), error=True)
        self.setEnabled(True)  # so Close works; the forms stay empty and read-only
        for form in (self.header, self.buyer, self.payment, self.correction, self.advances):
            form.set_read_only(True)
        self.model.read_only = True
        self.save_button.hide()
        self.load_failed.emit(exc)
        show_error(self, exc)

    # --- live recomputation -------------------------------------------------------------------

    @Slot()
    def _on_form_edited(self) -> None:
        self._update_buttons()

    @Slot()
    def _on_advances_edited(self) -> None:
        if self._refused_field == "advance_invoices":  # the refusal no longer applies
            self._say("")
            self._refused_field = ""
        self._update_buttons()

    @Slot()
    def _on_model_lines_changed(self) -> None:
        self._update_totals()
        self._update_buttons()

    @Slot()
    def _on_header_kind_changed(self) -> None:
        self._apply_kind()
        self._update_totals()

    @Slot()
    def _on_header_pricing_changed(self) -> None:
        self.model.set_pricing(self.header.doc_pricing)

    def _apply_kind(self) -> None:
        is_correction = self.header.doc_kind.is_correction
        self.correction_box.setVisible(is_correction)
        self.advances_box.setVisible(self.header.doc_kind in SETTLEMENT_KINDS)
        self.model.allow_zero = is_correction

    def _live_document(self) -> Document | None:
        if self._base is None:
            return None
        before = self.correction.before_lines() if self.header.doc_kind.is_correction else ()
        lines = before + self.model.lines()
        if not lines and not self._base.lines:
            return self._base  # an advance invoice states its totals (from its order)
        return recalculate(replace(self._base, lines=lines, pricing=self.model.pricing))

    def _update_totals(self) -> None:
        doc = self._live_document()
        if doc is None:
            return
        after = tuple(ln for ln in doc.lines if not ln.before)
        self.totals.show_totals(doc.totals, doc.lines, doc.currency)
        if self.header.doc_kind.is_correction:
            self.correction.show_comparison(after, doc.pricing)
        problem = self.model.first_problem()
        self.lines_message.setText(
            self.tr("Line {n}: {message} (lines with errors are left out of the totals)").format(
                n=problem[0] + 1, message=problem[2]
            )
            if problem
            else ""
        )

    # --- lines ----------------------------------------------------------------

    @Slot()
    def _on_remove_clicked(self) -> None:
        row = self.table.currentIndex().row()
        self.model.remove_line(row if row >= 0 else self.model.rowCount() - 1)

    # --- buyer ----------------------------------------------------------------

    @Slot()
    def _on_buyer_pick_requested(self) -> None:
        if self.read_only or self._base is None:
            return
        self.picker = open_picker(self._services, self._runner, self, self._on_customer_picked)

    def _on_customer_picked(self, record: CustomerRecord) -> None:
        self.buyer.apply_record(record)
        self._say(self.tr("Buyer taken from the customer list: {name}").format(name=record.name))

    @Slot(str)
    def _on_buyer_nip_entered(self, nip: str) -> None:
        if self.buyer.name.text().strip():
            return  # never overwrite what the person typed
        customers = self._services.sales.customers
        self._track(
            self._runner.run(
                "customer by NIP",
                lambda _c, _p: customers.by_nip(nip),
                on_returned=self._on_customer_found,
            )
        )

    def _on_customer_found(self, record: CustomerRecord | None) -> None:
        if record is not None and not self.buyer.name.text().strip():
            self._on_customer_picked(record)

    # --- correction -----------------------------------------------------------

    @Slot(str)
    def _on_correction_original_requested(self, doc_id: str) -> None:
        self._track(
            self._runner.run(
                "load corrected invoice",
                lambda _c, _p: loading.original(self._services, doc_id),
                on_returned=self._on_original_loaded,
                on_errored=lambda exc: show_error(self, exc),
            )
        )

    def _on_original_loaded(self, original: loading.Original) -> None:
        doc = original.document
        if self._base is not None:
            # A correction is in the corrected invoice's currency; its seller is the same.
            seller = self._base.seller if self._base.seller.nip else doc.seller
            self._base = replace(self._base, currency=doc.currency, seller=seller)
            self.header.show_seller(seller)
        self.correction.set_original(doc, original.ksef_number)
        self.header.pricing.setCurrentIndex(self.header.pricing.findData(doc.pricing.value))
        self.buyer.set_party(doc.buyer)
        if doc.advance_invoices:  # a settlement invoice's correction settles the same ones
            self.advances.set_refs(doc.advance_invoices)
        # The "after" rows start as a copy of the invoice: the person changes what is wrong.
        self.model.set_rows([LineRow.of(ln) for ln in doc.lines if not ln.before])
        self._say(
            self.tr("Correcting {number}: change the lines to their right values.").format(
                number=doc.number or ""
            )
        )

    # --- saving ---------------------------------------------------------------

    def compose(self) -> Document:
        """The document as the forms describe it; raises InvalidValueError naming the field."""
        if self._base is None:
            raise InvalidValueError(self.tr("The document has not loaded yet."))
        kind = self.header.doc_kind
        buyer = self.buyer.party()
        problem = self.model.first_problem()
        if problem is not None:
            row, _column, message = problem
            raise InvalidValueError(
                self.tr("Line {n}: {message}").format(n=row + 1, message=message),
                field=f"lines[{row}]",
            )
        lines = self.model.lines()
        if not lines and kind is not DocumentKind.ZAL:
            raise InvalidValueError(self.tr("Add at least one line."), field="lines")
        correction = self.correction.correction() if kind.is_correction else None
        advances = self.advances.refs() if kind in SETTLEMENT_KINDS else ()
        if kind is DocumentKind.ROZ:
            check_advances(advances)
        before = self.correction.before_lines() if kind.is_correction else ()
        issue = get_date(self.header.issue_date) or self._base.issue_date
        sale = get_date(self.header.sale_date)
        document = replace(
            self._base,
            kind=kind,
            issue_date=issue,
            sale_date=sale,
            period=self._base.period if sale is None else None,
            place_of_issue=self.header.place.text().strip() or None,
            pricing=self.header.doc_pricing,
            buyer=buyer,
            lines=before + lines,
            payment=self.payment.payment(),
            correction=correction,
            advance_invoices=advances,
        )
        if not document.lines:
            return document  # an advance invoice states its totals from the order
        return recalculate(document)

    @Slot()
    def _on_save_clicked(self) -> None:
        self.save()

    def save(self, *, close_after: bool = False) -> None:
        if not self.save_button.isEnabled() or self.read_only:
            return
        try:
            document = self.compose()
        except InvalidValueError as exc:
            self._refuse(exc)
            return
        register = self._services.sales.register
        doc_id, kind = self._doc_id, self._register_kind

        def store(_c: object, _p: object) -> str:
            if doc_id is None:
                return register.create_draft(document, register_kind=kind)
            register.save_draft(doc_id, document)
            return doc_id

        self._saving = True
        self._close_after_save = close_after
        self._update_buttons()
        self._say(self.tr("Saving…"))
        self._track(
            self._runner.run(
                "save document",
                store,
                on_returned=lambda saved_id: self._on_saved(saved_id, document),
                on_errored=self._on_save_errored,
            )
        )

    def _refuse(self, exc: InvalidValueError) -> None:
        self._say(self.tr("Not saved: {message}").format(message=exc.message), error=True)
        field = self._refused_field = exc.field or ""
        if field.startswith("buyer"):
            (self.buyer.nip if field == "buyer.nip" else self.buyer.name).setFocus()
        elif field.startswith("lines["):
            row = int(field[6:].split("]")[0])
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.setFocus()
        elif field.startswith("payment"):
            self.payment.account.setFocus()
        elif field == "correction":
            self.correction.corrected.setFocus()
        elif field == "advance_invoices":
            self.advances.entry.setFocus()
        self.save_refused.emit(exc.message)

    def _on_saved(self, doc_id: str, document: Document) -> None:
        self._saving = False
        self._doc_id = doc_id
        self._base = document
        self._saved_snapshot = self.snapshot()
        self._update_buttons()
        self._say(self.tr("Saved as a draft."))
        self.saved.emit(doc_id)
        if self._close_after_save:
            self._finish()

    @Slot(object)
    def _on_save_errored(self, exc: BaseException) -> None:
        self._saving = False
        self._close_after_save = False
        self._update_buttons()
        if isinstance(exc, InvalidValueError):
            self._refuse(exc)
            return
        self._say(self.tr("Not saved."), error=True)
        show_error(self, exc)

    # --- closing --------------------------------------------------------------

    def reject(self) -> None:
        """Esc, Close and the title bar: unsaved changes are never dropped without asking."""
        if not self.dirty:
            self._finish()
            return
        Confirmation.ask(
            self,
            self.tr("Discard changes?"),
            self.tr("The document has unsaved changes. Close and discard them?"),
            self._on_discard_answered,
            yes_text=self.tr("Discard"),
        )

    def _on_discard_answered(self, discard: bool) -> None:
        if discard:
            self._finish()

    def _finish(self) -> None:
        for task in self._tasks:
            if not task.done:
                task.cancel()
        self._tasks.clear()
        self._saved_snapshot = self.snapshot()  # nothing more to ask about
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.dirty:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)
