"""Steps 2-4 and the end: validation problems, the approval summary, sending, done."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.ui.common.amounts import amount_text
from ksef_desktop.ui.wizard.view import WizardView


class WrapLabel(QLabel):
    """A wrapping label that asks for the height its text needs at its width.

    Inside a QStackedWidget a wrapping QLabel otherwise keeps its one-line height
    and long sentences are cut off.
    """

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        self._fit()

    def _fit(self) -> None:
        if self.wordWrap() and self.width() > 0:
            self.setMinimumHeight(self.heightForWidth(self.width()) if self.text() else 0)


def _label(name: str, *, bold: bool = False) -> QLabel:
    label = WrapLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if bold:
        label.setStyleSheet("font-weight: bold;")
    return label


class ProblemsPage(QWidget):
    """Step 2: each problem in plain words with the field it concerns; activate one to fix it."""

    problem_activated = Signal(int)  # the problem's index in the view
    recheck_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notice = _label("validationNotice", bold=True)
        self.hint = _label("validationHint")
        self.tree = QTreeWidget()
        self.tree.setObjectName("problems")
        self.tree.setAccessibleName(self.tr("KSeF validation problems"))
        self.tree.setHeaderLabels([self.tr("Severity"), self.tr("Field"), self.tr("Problem")])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setColumnWidth(0, 80)
        self.tree.setColumnWidth(1, 130)
        self.detail = _label("problemDetail")
        self.recheck = QPushButton(self.tr("Check a&gain"))
        self.recheck.setObjectName("recheck")
        box = QVBoxLayout(self)
        box.addWidget(self.notice)
        box.addWidget(self.tree, 1)
        box.addWidget(self.detail)
        box.addWidget(self.hint)
        box.addWidget(self.recheck, 0, Qt.AlignmentFlag.AlignLeft)
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)
        self.recheck.clicked.connect(self.recheck_requested)

    def load(self, view: WizardView) -> None:
        self.notice.setText(view.notice)
        self.tree.clear()
        for index, problem in enumerate(view.problems):
            severity = self.tr("Error") if problem.error else self.tr("Warning")
            item = QTreeWidgetItem([severity, problem.target.label, problem.message])
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            item.setToolTip(2, problem.message)
            self.tree.addTopLevelItem(item)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
            self.hint.setText(
                self.tr("Press Enter or double-click a problem to go to the field that fixes it.")
            )
        else:
            self.hint.setText("")
        self.recheck.setVisible(view.blocked)

    def say(self, text: str) -> None:
        self.hint.setText(text)

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _on_tree_current_item_changed(
        self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None
    ) -> None:
        self.detail.setText(f"{current.text(1)}: {current.text(2)}" if current else "")

    @Slot(QTreeWidgetItem, int)
    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.problem_activated.emit(int(item.data(0, Qt.ItemDataRole.UserRole)))


class ApprovePage(QWidget):
    """Step 3: what approving fixes (number, totals, payment)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notice = _label("approveNotice", bold=True)
        self.fields = {
            name: _label(f"summary_{name}")
            for name in (
                "number",
                "issue_date",
                "buyer",
                "net",
                "vat",
                "gross",
                "payment",
                "warnings",
            )
        }
        form = QFormLayout()
        titles = {
            "number": self.tr("Number"),
            "issue_date": self.tr("Issue date"),
            "buyer": self.tr("Buyer"),
            "net": self.tr("Net"),
            "vat": self.tr("VAT"),
            "gross": self.tr("Gross"),
            "payment": self.tr("Payment method"),
            "warnings": self.tr("Warnings"),
        }
        for name, label in self.fields.items():
            form.addRow(titles[name], label)
        box = QVBoxLayout(self)
        box.addWidget(self.notice)
        box.addLayout(form)
        box.addStretch(1)

    def load(self, view: WizardView) -> None:
        self.notice.setText(view.notice)
        s = view.summary
        if s is None:
            return
        number = s.number if s.numbered else self.tr("{n} (given on approval)").format(n=s.number)
        values = {
            "number": number,
            "issue_date": s.issue_date,
            "buyer": s.buyer,
            "net": f"{amount_text(s.net)} {s.currency}",
            "vat": f"{amount_text(s.vat)} {s.currency}",
            "gross": f"{amount_text(s.gross)} {s.currency}",
            "payment": s.payment_method,
            "warnings": str(s.warnings),
        }
        for name, text in values.items():
            self.fields[name].setText(text)


class SendPage(QWidget):
    """Step 4: sending through the WS, with progress, then the outcome in plain words."""

    stop_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notice = _label("sendNotice")
        self.headline = _label("sendHeadline", bold=True)
        self.outcome = _label("sendOutcome")
        self.ksef_number = _label("ksefNumber", bold=True)
        self.progress_text = _label("sendProgress")
        self.bar = QProgressBar()
        self.bar.setObjectName("sendBusy")
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.hide()
        self.stop = QPushButton(self.tr("S&top waiting"))
        self.stop.setObjectName("stopWaiting")
        self.stop.hide()
        box = QVBoxLayout(self)
        for widget in (self.notice, self.headline, self.ksef_number, self.outcome):
            box.addWidget(widget)
        box.addWidget(self.bar)
        box.addWidget(self.progress_text)
        box.addWidget(self.stop, 0, Qt.AlignmentFlag.AlignLeft)
        box.addStretch(1)
        self.stop.clicked.connect(self.stop_requested)

    def sending(self, busy: bool) -> None:
        self.bar.setVisible(busy)
        self.stop.setVisible(busy)
        if busy:
            self.headline.setText("")
            self.progress_text.setText(self.tr("Sending to KSeF through the web service…"))

    def progress(self, text: str) -> None:
        self.progress_text.setText(text)

    def load(self, view: WizardView) -> None:
        result = view.send_result
        if result is None and view.status is Status.APPROVED:
            self.notice.setText(view.notice)
            self.headline.setText(self.tr("Click Send to send the document to KSeF."))
            for label in (self.outcome, self.ksef_number, self.progress_text):
                label.setText("")
            return
        self.notice.setText("")
        self.progress_text.setText("")
        status = result.status if result is not None else view.status
        self.headline.setText(self._headline(status, result.session_mode if result else None))
        number = result.ksef_number if result else None
        self.ksef_number.setText(self.tr("KSeF number: {n}").format(n=number) if number else "")
        text = result.message if result else view.notice
        reason = view.reason or (result.reason if result else None)
        if status is Status.AWAITING and reason and reason not in text:
            text += "\n\n" + self.tr("Reason: {r}").format(r=reason)
        self.outcome.setText(text)

    def _headline(self, status: Status, mode: str | None) -> str:
        if status is Status.ACCEPTED:
            return self.tr("KSeF accepted the document.")
        if status is Status.AWAITING:
            return self.tr(
                "The document was NOT sent to KSeF: it is in AWAITING DOCUMENTS and will be "
                "sent again. You can print it now, marked OFFLINE."
            )
        if status is Status.REJECTED:
            return self.tr("KSeF REJECTED the document. It cannot be printed.")
        if status is Status.SENT and mode == "batch":
            return self.tr(
                "Handed to the web service for a batch session; the KSeF number follows with "
                "the session's UPO."
            )
        if status is Status.SENT:
            return self.tr("Handed to the web service; KSeF has not answered yet.")
        return ""


class DonePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = _label("doneText", bold=True)
        box = QVBoxLayout(self)
        box.addWidget(self.text)
        box.addStretch(1)
