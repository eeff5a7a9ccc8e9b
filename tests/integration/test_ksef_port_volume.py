"""1,000 invoices with a fifth of all requests faulted: 1,000 numbers, no duplicates."""

from __future__ import annotations

from collections import Counter

from ksef_desktop.ksef import KsefPort
from ksef_desktop.simulator.faults import KINDS
from ksef_desktop.simulator.server import start_in_thread
from tests.helpers.ksef_port_env import KSEF_TOKEN, SELLER_NIP, port_settings
from tests.helpers.ksef_xml import invoice_xml

INVOICES = 1000
# Six kinds, each hitting 1/30 of all requests: rule i sees only the requests the
# earlier rules let through, so its rate is 1/(30 - i) and the total is exactly 20 %.
KINDS_USED = ["429", "500", "503", "timeout", "lost", "lost500"]
SPEC = ",".join(
    f"*:{kind}@rate={1 / (30 - i):.6f}" + (";hold=0.01" if kind == "timeout" else "")
    for i, kind in enumerate(KINDS_USED)
)


def test_thousand_invoices_under_twenty_percent_faults() -> None:
    assert set(KINDS_USED) <= KINDS
    with start_in_thread(tokens={SELLER_NIP: KSEF_TOKEN}, faults=SPEC, seed=2026) as sim:
        xmls = [invoice_xml(SELLER_NIP, f"VOL/{n:04d}") for n in range(INVOICES)]
        with KsefPort(port_settings(sim.base_url, max_attempts=10)) as port:
            outcomes = port.send_invoices(xmls)
        fired = Counter(kind for _, kind in sim.sim.faults.log)
        rows = sim.sim.invoices(SELLER_NIP)

    assert all(o.accepted for o in outcomes), [o for o in outcomes if not o.accepted][:3]
    numbers = {o.ksef_number for o in outcomes}
    assert len(numbers) == INVOICES
    # The simulator holds each invoice exactly once, with the number the port reported.
    assert len(rows) == INVOICES
    assert {row["ksef_number"] for row in rows} == numbers
    assert Counter(row["invoice_number"] for row in rows).most_common(1)[0][1] == 1
    # Every fault kind really happened, many times (at least 2 requests per invoice).
    assert set(fired) == set(KINDS_USED)
    assert sum(fired.values()) >= 0.15 * 2 * INVOICES
