"""ERP > SALES > INVOICES / RECEIPTS: the register window, its lazy model and the JSON import."""

from ksef_desktop.ui.register.window import RegisterWindow

__all__ = ["RegisterWindow"]
