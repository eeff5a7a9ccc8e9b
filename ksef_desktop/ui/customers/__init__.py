"""The customer list window, and the picker the document editor chooses buyers with."""

from ksef_desktop.ui.customers.window import CustomerListWindow, CustomerPicker

__all__ = ["CustomerListWindow", "CustomerPicker"]
