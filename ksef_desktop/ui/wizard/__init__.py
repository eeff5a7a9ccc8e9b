"""The print-approval wizard dialog: a thin Qt shell over services.wizard.PrintWizard."""
