"""The invoice visualisation: painting a Printout, its preview, PDF files and printers."""
