"""The customer list: NIP checked by the domain, search, and the buyer it puts on a document."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.party import IdKind
from ksef_desktop.services.customers import CustomerInput
from ksef_desktop.storage.customers import DuplicateCustomerError
from tests.helpers.sales_env import SalesEnv, make_env


@pytest.fixture
def env(tmp_path: Path) -> Iterator[SalesEnv]:
    environment = make_env(tmp_path)
    yield environment
    environment.close()


def test_a_customer_is_stored_with_a_normalised_nip(env: SalesEnv) -> None:
    customers = env.sales.customers
    saved = customers.save(CustomerInput("Kowalski S.A.", "ul. Długa 7", nip="PL 774-000-14-54"))
    assert saved.nip == "7740001454"
    assert customers.by_nip("774 000 14 54") == saved
    buyer = customers.buyer(saved)
    assert (buyer.tax_id.kind, buyer.nip, buyer.name) == (
        IdKind.NIP,
        "7740001454",
        "Kowalski S.A.",
    )
    assert buyer.address is not None
    assert buyer.address.line1 == "ul. Długa 7"


def test_bad_input_is_refused_naming_the_field(env: SalesEnv) -> None:
    customers = env.sales.customers
    with pytest.raises(InvalidValueError) as info:
        customers.save(CustomerInput("X", "ul. A 1", nip="7740001455"))
    assert (info.value.field, info.value.code) == ("nip", "nip-checksum")
    with pytest.raises(InvalidValueError) as info:
        customers.save(CustomerInput(" ", "ul. A 1"))
    assert info.value.field == "name"
    with pytest.raises(InvalidValueError) as info:
        customers.save(CustomerInput("X", "Main St 1", nip="7740001454", country="DE"))
    assert info.value.field == "country"
    with pytest.raises(InvalidValueError):
        customers.save(CustomerInput("X", "ul. A 1", email="not-an-address"))
    assert customers.search() == []


def test_consumers_need_no_nip_but_a_nip_is_listed_once(env: SalesEnv) -> None:
    customers = env.sales.customers
    customers.save(CustomerInput("Anna Nowak", "ul. Krótka 1"))
    customers.save(CustomerInput("Jan Nowak", "ul. Krótka 2"))
    first = customers.save(CustomerInput("Wisła", "ul. Wiślana 1", nip="1234563218"))
    with pytest.raises(DuplicateCustomerError):
        customers.save(CustomerInput("Wisła 2", "ul. Inna 1", nip="1234563218"))
    assert customers.buyer(customers.search("anna")[0]).tax_id.kind is IdKind.NONE
    assert [c.name for c in customers.search("nowak")] == ["Anna Nowak", "Jan Nowak"]
    assert [c.name for c in customers.search("123456")] == ["Wisła"]
    renamed = customers.save(
        CustomerInput("Wisła S.A.", "ul. Wiślana 1", "1234563218", id=first.id)
    )
    assert customers.get(first.id) == renamed
    customers.delete(first.id)
    assert customers.get(first.id) is None
