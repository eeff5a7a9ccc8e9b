"""The language dialog (settings.ini in a real folder) and the wizard's printout language."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from ksef_desktop.app import Session
from ksef_desktop.services.bundle import Services
from ksef_desktop.services.parameters import KsefParameters
from ksef_desktop.services.printdata import Output
from ksef_desktop.services.wizard import Step
from ksef_desktop.support.language import (
    SETTINGS_FILE,
    Language,
    choose_interface_language,
    choose_printout_language,
    chosen_interface_language,
    printout_language,
)
from ksef_desktop.support.paths import AppDirs
from ksef_desktop.ui.common.tasks import TaskRunner
from ksef_desktop.ui.language_dialog import LanguageDialog
from ksef_desktop.ui.wizard.dialog import PrintWizardDialog
from tests.helpers.desktop_chain import GOOD_NIP, closed_port_url
from tests.helpers.sales_env import draft_invoice
from tests.ui.conftest import close_when_idle
from tests.ui.wizard_pdf import pdf_text, qr_texts

SHOTS = os.environ.get("KSEF_SHOTS")


Opener = Callable[[Path], LanguageDialog]


@pytest.fixture
def open_dialog(qtbot: QtBot, runner: TaskRunner) -> Iterator[Opener]:
    opened: list[LanguageDialog] = []

    def opener(config_dir: Path) -> LanguageDialog:
        dialog = LanguageDialog(config_dir, runner)
        opened.append(dialog)
        with qtbot.waitSignal(dialog.languages_loaded, timeout=5_000):
            dialog.show()
        return dialog

    yield opener
    for dialog in opened:
        close_when_idle(qtbot, dialog, timeout=5_000)


def combo(dialog: QDialog, name: str) -> QComboBox:
    found = dialog.findChild(QComboBox, name)
    assert found is not None, name
    return found


def pick(box: QComboBox, text: str) -> None:
    index = box.findText(text)
    assert index >= 0, text
    box.setCurrentIndex(index)


def click(qtbot: QtBot, dialog: LanguageDialog, button: QDialogButtonBox.StandardButton) -> None:
    qtbot.mouseClick(dialog.buttons.button(button), Qt.MouseButton.LeftButton)


def test_the_dialog_saves_both_languages_and_shows_them_next_time(
    qtbot: QtBot, open_dialog: Opener, dirs: AppDirs
) -> None:
    config = dirs.config
    dialog = open_dialog(config)
    interface = combo(dialog, "interfaceLanguage")
    printout = combo(dialog, "printoutLanguage")
    # Nothing saved yet: follow the system, print in Polish.
    assert interface.currentText() == "System default"
    assert printout.currentText() == "Polski"
    assert [interface.itemText(i) for i in range(interface.count())] == [
        "System default",
        "Polski",
        "English",
    ]
    note = dialog.findChild(QLabel, "languageNote")
    assert note is not None
    assert "next time the program starts" in note.text()
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(Path(SHOTS) / "language-dialog.png"))

    pick(interface, "English")
    pick(printout, "English")
    with qtbot.waitSignal(dialog.languages_saved, timeout=5_000) as saved:
        click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert saved.args == [(Language.EN, Language.EN)]
    assert dialog.result() == QDialog.DialogCode.Accepted.value
    assert chosen_interface_language(config) is Language.EN
    assert printout_language(config) is Language.EN

    again = open_dialog(config)
    assert combo(again, "interfaceLanguage").currentText() == "English"
    assert combo(again, "printoutLanguage").currentText() == "English"
    pick(combo(again, "interfaceLanguage"), "System default")
    pick(combo(again, "printoutLanguage"), "Polski")
    with qtbot.waitSignal(again.languages_saved, timeout=5_000):
        click(qtbot, again, QDialogButtonBox.StandardButton.Ok)
    assert chosen_interface_language(config) is None  # back to the system's language
    assert printout_language(config) is Language.PL


def test_cancel_writes_nothing(qtbot: QtBot, open_dialog: Opener, dirs: AppDirs) -> None:
    choose_printout_language(dirs.config, Language.EN)
    choose_interface_language(dirs.config, Language.PL)
    before = (dirs.config / SETTINGS_FILE).read_bytes()
    dialog = open_dialog(dirs.config)
    assert combo(dialog, "interfaceLanguage").currentText() == "Polski"
    assert combo(dialog, "printoutLanguage").currentText() == "English"
    pick(combo(dialog, "interfaceLanguage"), "English")
    pick(combo(dialog, "printoutLanguage"), "Polski")
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)
    assert dialog.result() == QDialog.DialogCode.Rejected.value
    assert (dirs.config / SETTINGS_FILE).read_bytes() == before


def test_a_settings_file_that_cannot_be_written_is_a_plain_message(
    qtbot: QtBot, open_dialog: Opener, tmp_path: Path
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the configuration folder should be", encoding="utf-8")
    dialog = open_dialog(blocked)
    pick(combo(dialog, "printoutLanguage"), "English")
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    def box() -> QMessageBox | None:
        return dialog.findChild(QMessageBox, "messageBox")

    qtbot.waitUntil(lambda: box() is not None, timeout=5_000)
    shown = box()
    assert shown is not None
    assert "could not be saved" in shown.text()
    assert str(blocked / SETTINGS_FILE) in shown.text()
    assert dialog.isVisible()  # the choice is still there to try again or cancel
    assert not dialog.is_busy
    shown.close()


# --- the print wizard ---------------------------------------------------------------


def with_saved_printout_language(session: Session, config_dir: Path) -> Services:
    """The services as the composition root wires them: the wizard reads settings.ini."""
    services = session.services
    wizard_services = replace(
        services.sales.wizard_services, printout_language=lambda: printout_language(config_dir)
    )
    return replace(services, sales=replace(services.sales, wizard_services=wizard_services))


def next_(qtbot: QtBot, dialog: PrintWizardDialog) -> Step:
    assert dialog.next_button.isEnabled(), dialog.next_button.text()
    with qtbot.waitSignal(dialog.page_shown, timeout=30_000) as shown:
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_busy, timeout=30_000)
    return Step(shown.args[0])


def test_the_wizard_offers_the_saved_printout_language_and_prints_in_the_one_chosen(
    qtbot: QtBot, session: Session, runner: TaskRunner, dirs: AppDirs, tmp_path: Path
) -> None:
    session.services.authorization.generate(GOOD_NIP)
    session.services.parameters.save(KsefParameters(True, closed_port_url(), GOOD_NIP))
    choose_printout_language(dirs.config, Language.EN)
    services = with_saved_printout_language(session, dirs.config)
    day = date(2026, 7, 2)
    doc_id = services.sales.register.create_draft(
        draft_invoice(issue_date=day, sale_date=day), register_kind="invoice"
    )
    dialog = PrintWizardDialog(services, runner, doc_id)
    try:
        dialog.show()
        qtbot.waitUntil(lambda: dialog.view is not None and not dialog.is_busy, timeout=10_000)
        language = combo(dialog, "printout_language")
        assert language.currentText() == "English"  # the saved setting
        if SHOTS:
            dialog.grab().save(str(Path(SHOTS) / "wizard-data-language.png"))
        pdf = tmp_path / "english.pdf"
        dialog.data_page.output.set_value(Output.PDF)
        dialog.data_page.output.path.setText(str(pdf))
        for expected in (Step.VALIDATION, Step.APPROVE, Step.SEND, Step.SEND, Step.PRINT):
            assert next_(qtbot, dialog) is expected  # the WS is down: sent later, printed now
        # The print page shows the same choice, and a reprint could change it there.
        assert combo(dialog, "print_language").currentText() == "English"
        if SHOTS:
            dialog.grab().save(str(Path(SHOTS) / "wizard-print-language.png"))
        assert next_(qtbot, dialog) is Step.DONE
    finally:
        close_when_idle(qtbot, dialog)
    text = pdf_text(pdf)
    assert "VAT invoice" in text
    assert "Amount due: 346.25 PLN" in text
    assert "Faktura" not in text
    assert "OFFLINE" in text  # the KOD I label is the same in both languages
    assert len(qr_texts(pdf)) == 1
    assert printout_language(dirs.config) is Language.EN  # one printout does not change it


def test_a_language_picked_in_the_wizard_drives_that_printout(
    qtbot: QtBot, session: Session, runner: TaskRunner, dirs: AppDirs, tmp_path: Path
) -> None:
    session.services.authorization.generate(GOOD_NIP)
    session.services.parameters.save(KsefParameters(False, closed_port_url(), GOOD_NIP))
    services = with_saved_printout_language(session, dirs.config)  # nothing saved: Polish
    doc_id = services.sales.register.create_draft(draft_invoice(), register_kind="invoice")
    dialog = PrintWizardDialog(services, runner, doc_id)
    try:
        dialog.show()
        qtbot.waitUntil(lambda: dialog.view is not None and not dialog.is_busy, timeout=10_000)
        language = combo(dialog, "printout_language")
        assert language.currentText() == "Polski"
        pick(language, "English")
        pdf = tmp_path / "chosen.pdf"
        dialog.data_page.output.set_value(Output.PDF)
        dialog.data_page.output.path.setText(str(pdf))
        assert next_(qtbot, dialog) is Step.PRINT  # STATUS (ACTIVE) off: straight to print
        printout = dialog.print_page.current()
        assert printout is not None
        assert printout.language is Language.EN
        pick(combo(dialog, "print_language"), "Polski")  # changed again on the print page
        assert next_(qtbot, dialog) is Step.DONE
    finally:
        close_when_idle(qtbot, dialog)
    text = pdf_text(pdf)
    assert "Faktura VAT" in text
    assert "Do zapłaty: 346,25 PLN" in text.replace("\u00a0", " ")
    assert "Amount due" not in text
