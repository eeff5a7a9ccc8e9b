"""FaWiersz, the builder's hot path: each invoice line written out field by field.

An invoice may have thousands of lines of two dozen possible fields each, most
of them empty. Going through :data:`elements.INVOICE_LINE` generically costs
several times more than testing each attribute directly, so this module spells
the table out; ``test_fa3_writer`` checks that both give the same elements in
the same order. Anything refused (a value FA(3) cannot hold) is reported by the
generic writer, which names the element's path.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import getcontext

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.lines import Line, Pricing
from ksef_desktop.fa3 import elements as el
from ksef_desktop.fa3 import values as v
from ksef_desktop.fa3.writer import ATTENTION, Element, escaped, sub, write_fields


def write_lines(fa: Element, lines: Iterable[Line], pricing: Pricing) -> None:
    """Append a FaWiersz to ``fa`` for each line, in the schema's field order."""
    outer = fa.inner
    inner = outer + "  "
    gross = pricing is Pricing.GROSS
    # The decimal context cannot change during a build: its precision, which
    # bounds the texts the formatters pass through unchanged, is read once.
    prec = getcontext().prec
    limits = (min(16, prec), min(17, prec), min(19, prec))
    for line in lines:
        try:
            fa.content.append(_render(line, gross, outer, inner, limits))
        except InvalidValueError:
            write_fields(sub(fa, "FaWiersz"), line, el.INVOICE_LINE, pricing)  # raises, with path
            raise


_attention = ATTENTION.search


def _render(  # noqa: PLR0912, PLR0915
    line: Line, gross: bool, outer: str, inner: str, limits: tuple[int, int, int]
) -> str:
    # The usual values are formatted inline by the first tests of values.quantity,
    # price and amount (limits: their lengths, capped by the precision); anything
    # else goes to those functions.
    whole_limit, price_limit, amount_limit = limits
    out = [f"{outer}<FaWiersz>\n{inner}<NrWierszaFa>{line.number!s}</NrWierszaFa>\n"]
    add = out.append
    if line.uu_id is not None:
        add(f"{inner}<UU_ID>{escaped(line.uu_id)}</UU_ID>\n")
    if line.delivery_date is not None:
        add(f"{inner}<P_6A>{line.delivery_date.isoformat()}</P_6A>\n")
    if (text := line.name) is not None:
        add(f"{inner}<P_7>{text if _attention(text) is None else escaped(text)}</P_7>\n")
    if line.index is not None:
        add(f"{inner}<Indeks>{escaped(line.index)}</Indeks>\n")
    if line.gtin is not None:
        add(f"{inner}<GTIN>{escaped(line.gtin)}</GTIN>\n")
    if line.pkwiu is not None:
        add(f"{inner}<PKWiU>{escaped(line.pkwiu)}</PKWiU>\n")
    if line.cn is not None:
        add(f"{inner}<CN>{escaped(line.cn)}</CN>\n")
    if line.pkob is not None:
        add(f"{inner}<PKOB>{escaped(line.pkob)}</PKOB>\n")
    if (text := line.unit) is not None:
        add(f"{inner}<P_8A>{text if _attention(text) is None else escaped(text)}</P_8A>\n")
    if (number := line.quantity) is not None:
        text = str(number)
        if not (text.isdigit() and len(text) <= whole_limit):
            text = v.quantity(number)
        add(f"{inner}<P_8B>{text}</P_8B>\n")
    if (number := line.unit_price) is not None:
        text = str(number)
        if not (text[-3:-2] == "." and len(text) <= price_limit and number):
            text = v.price(number)
        price_tag = "P_9B" if gross else "P_9A"
        add(f"{inner}<{price_tag}>{text}</{price_tag}>\n")
    if line.discount is not None:
        add(f"{inner}<P_10>{v.price(line.discount)}</P_10>\n")
    if (number := line.net_value) is not None:
        text = str(number)
        if not (text[-3:-2] == "." and len(text) <= amount_limit and number):
            text = v.amount(number)
        add(f"{inner}<P_11>{text}</P_11>\n")
    if line.gross_value is not None:
        add(f"{inner}<P_11A>{v.amount(line.gross_value)}</P_11A>\n")
    if line.vat_amount is not None:
        add(f"{inner}<P_11Vat>{v.amount(line.vat_amount)}</P_11Vat>\n")
    if line.vat_rate is not None:
        add(f"{inner}<P_12>{line.vat_rate!s}</P_12>\n")
    if line.oss_rate is not None:
        add(f"{inner}<P_12_XII>{v.percent(line.oss_rate)}</P_12_XII>\n")
    if line.annex15:
        add(f"{inner}<P_12_Zal_15>1</P_12_Zal_15>\n")
    if line.excise is not None:
        add(f"{inner}<KwotaAkcyzy>{v.amount(line.excise)}</KwotaAkcyzy>\n")
    if line.gtu is not None:
        add(f"{inner}<GTU>{escaped(line.gtu)}</GTU>\n")
    if line.procedure is not None:
        add(f"{inner}<Procedura>{escaped(line.procedure)}</Procedura>\n")
    if line.exchange_rate is not None:
        add(f"{inner}<KursWaluty>{v.quantity(line.exchange_rate)}</KursWaluty>\n")
    if line.before:
        add(f"{inner}<StanPrzed>1</StanPrzed>\n")
    add(f"{outer}</FaWiersz>\n")
    return "".join(out)
