"""The change feed that keeps the AWAITING DOCUMENTS list and the status-bar count live."""

from __future__ import annotations

import logging

import pytest

from ksef_desktop.services.changes import ChangeFeed


def test_listeners_hear_each_change_until_they_unsubscribe() -> None:
    feed = ChangeFeed()
    heard: list[int] = []
    unsubscribe = feed.subscribe(heard.append)
    assert feed.bump() == 1
    assert feed.bump() == 2
    unsubscribe()
    unsubscribe()  # twice is harmless
    feed.bump()
    assert heard == [1, 2]
    assert feed.version == 3


def test_a_broken_listener_does_not_stop_the_others(caplog: pytest.LogCaptureFixture) -> None:
    feed = ChangeFeed()
    heard: list[int] = []

    def broken(_version: int) -> None:
        raise RuntimeError("view gone")

    feed.subscribe(broken)
    feed.subscribe(heard.append)
    with caplog.at_level(logging.ERROR):
        feed.bump()
    assert heard == [1]
    assert "a change listener failed" in caplog.text
