"""What the main window's status bar shows: module status, WS state, awaiting documents."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ksef_desktop.domain.errors import KsefDesktopError
from ksef_desktop.services.cancel import CancelToken
from ksef_desktop.services.parameters import ParametersService, validate_ws_address
from ksef_desktop.support.i18n import tr

if TYPE_CHECKING:  # the client stack (httpx, pydantic) loads only when first used
    from ksef_desktop.services.connection import ClientFactory


class WsState(enum.Enum):
    NOT_CONFIGURED = "not-configured"
    CONNECTED = "connected"
    UNREACHABLE = "unreachable"


@dataclass(frozen=True)
class WsProbe:
    state: WsState
    address: str
    text: str


@dataclass(frozen=True)
class ShellStatus:
    active: bool
    awaiting: int


class StatusService:
    def __init__(
        self,
        parameters: ParametersService,
        awaiting_count: Callable[[], int],
        factory: ClientFactory,
    ) -> None:
        self._parameters = parameters
        self._awaiting_count = awaiting_count
        self._factory = factory

    def snapshot(self) -> ShellStatus:
        """Module status and the AWAITING DOCUMENTS count (every unconfirmed document)."""
        return ShellStatus(self._parameters.load().active, self._awaiting_count())

    def probe(self, cancel: CancelToken | None = None) -> WsProbe:
        """An unsigned health check of the configured WS (a few seconds at most)."""
        address = self._parameters.load().ws_address
        if not address:
            return WsProbe(WsState.NOT_CONFIGURED, "", tr("not configured (KSEF > PARAMETERS)"))
        try:
            url = validate_ws_address(address)
            if cancel is not None:
                cancel.raise_if_cancelled()
            with self._factory(url, None) as client:
                health = client.health()
        except KsefDesktopError as exc:
            return WsProbe(WsState.UNREACHABLE, address, exc.message)
        return WsProbe(
            WsState.CONNECTED,
            url,
            tr("ksef-ws {version} at {url}").format(version=health.version, url=url),
        )
