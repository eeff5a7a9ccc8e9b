"""The sales document editor (ERP > SALES > INVOICES / RECEIPTS, one document)."""

from ksef_desktop.ui.editor.window import DocumentEditor

__all__ = ["DocumentEditor"]
