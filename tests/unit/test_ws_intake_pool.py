"""ksef-ws intake: large batches checked in worker processes, answered in order, come what may."""

from __future__ import annotations

import os
import signal

from ksef_desktop.contract.api import Problem, ProblemType
from ksef_desktop.contract.documents import ErpDocument
from ksef_desktop.ws.intake_pool import GROUP, Intake
from ksef_desktop.ws.store import NewDocument
from tests.helpers.ws_env import SELLER, erp_data


def _items(count: int, bad: int) -> list[tuple[ErpDocument, str]]:
    datas = [erp_data(i) for i in range(count)]
    datas[bad]["totals"] = {"net": "1.00", "vat": "0.23", "gross": "1.23"}
    return [(ErpDocument.model_validate(d), f"documents[{i}].") for i, d in enumerate(datas)]


def _check(groups: list[list[NewDocument | Problem]], count: int, bad: int) -> None:
    assert [len(g) for g in groups] == [GROUP, GROUP, count - 2 * GROUP]
    flat = [item for group in groups for item in group]
    problem = flat[bad]
    assert isinstance(problem, Problem)
    assert problem.code is ProblemType.INVALID_DOCUMENT
    assert problem.errors[0].loc.startswith(f"documents[{bad}].totals.")
    docs = [item for item in flat if isinstance(item, NewDocument)]
    assert [d.id for d in docs] == [f"ERP-{SELLER}-{i:05d}" for i in range(count) if i != bad]
    assert all(d.nip == SELLER and d.session_mode == "batch" for d in docs)
    assert all(d.fa3.startswith(b"<?xml") and d.invoice_hash for d in docs)


def test_without_processes_every_group_is_prepared_in_the_calling_thread() -> None:
    intake = Intake(0)
    _check(list(intake.groups(SELLER, "batch", _items(45, 3))), 45, 3)
    assert not intake.started


def test_a_pool_prepares_the_same_answers_in_order() -> None:
    intake = Intake(1)
    try:
        _check(list(intake.groups(SELLER, "batch", _items(45, 30))), 45, 30)
        assert intake.started
    finally:
        intake.close()


def test_a_killed_pool_process_costs_speed_not_answers() -> None:
    intake = Intake(1)
    try:
        list(intake.groups(SELLER, "batch", _items(41, 0)))  # the pool is up
        pool = intake._executor()
        for pid in list(pool._processes):
            os.kill(pid, signal.SIGKILL)
        _check(list(intake.groups(SELLER, "batch", _items(45, 44))), 45, 44)
        _check(list(intake.groups(SELLER, "batch", _items(45, 1))), 45, 1)  # a fresh pool
        assert intake.started
    finally:
        intake.close()
