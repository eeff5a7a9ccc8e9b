"""The printout language without Qt: the wizard starts from the saved setting; the model keys."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from ksef_desktop.domain.document import DocumentKind
from ksef_desktop.domain.payment import PaymentMethod
from ksef_desktop.domain.vat import VatRate
from ksef_desktop.services.printdata import CopyKind, PrintData
from ksef_desktop.services.wizard import PrintWizard, Step
from ksef_desktop.support.language import Language, choose_printout_language, printout_language
from tests.helpers.sales_env import SalesEnv, draft_invoice, make_env


@pytest.fixture
def env(tmp_path: Path) -> Iterator[SalesEnv]:
    environment = make_env(tmp_path)
    yield environment
    environment.close()


def reading_settings(env: SalesEnv, config_dir: Path) -> SalesEnv:
    """The sales services as app.py wires them: the wizard asks settings.ini in ``config_dir``."""
    wizard_services = replace(
        env.sales.wizard_services, printout_language=lambda: printout_language(config_dir)
    )
    env.sales = replace(env.sales, wizard_services=wizard_services)
    return env


def test_without_a_setting_printouts_are_polish(env: SalesEnv) -> None:
    wizard = env.sales.open_wizard(env.draft())
    assert wizard.print_data.language is Language.PL
    assert PrintData().language is Language.PL


def test_the_wizard_starts_from_the_saved_printout_language(env: SalesEnv, tmp_path: Path) -> None:
    config = tmp_path / "config"
    reading_settings(env, config)
    assert env.sales.open_wizard(env.draft()).print_data.language is Language.PL
    choose_printout_language(config, Language.EN)
    wizard = env.sales.open_wizard(env.draft())
    assert wizard.print_data.language is Language.EN
    # The payment data still comes from the document.
    assert wizard.print_data.method is PaymentMethod.TRANSFER


def printed(wizard: PrintWizard, data: PrintData) -> PrintWizard:
    wizard.set_print_data(data)
    while wizard.current is not Step.PRINT:
        if wizard.current is Step.SEND:
            wizard.send()
        wizard.next()
    return wizard


def test_the_printout_carries_its_language_and_the_domain_values_to_word(
    env: SalesEnv,
) -> None:
    wizard = env.sales.open_wizard(env.draft(draft_invoice()))
    data = replace(wizard.print_data, language=Language.EN, copy_kind=CopyKind.COPY)
    printout = printed(wizard, data).printout()
    assert (printout.language, printout.kind, printout.copy_kind) == (
        Language.EN,
        DocumentKind.VAT,
        CopyKind.COPY,
    )
    assert [line.rate_code for line in printout.lines] == [VatRate.R23, VatRate.R8]
    assert [row.rate_code for row in printout.vat_summary] == [VatRate.R23, VatRate.R8]
    assert printout.payment is not None
    assert printout.payment.method_code is PaymentMethod.TRANSFER
