"""``ksef-desktop --demo``: a local KSeF simulator, a web service and a demo company, all real."""

from ksef_desktop.demo.environment import (
    DEMO_NIP,
    Company,
    DemoEnvironment,
    start_demo,
    start_ws_for,
    write_ksef_ini,
)

__all__ = [
    "DEMO_NIP",
    "Company",
    "DemoEnvironment",
    "start_demo",
    "start_ws_for",
    "write_ksef_ini",
]
