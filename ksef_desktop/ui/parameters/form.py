"""The parameters form, generated from the typed :class:`KsefParameters` model."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ksef_desktop.services.parameters import (
    FieldKind,
    KsefParameters,
    ParameterField,
    field_errors,
    parameter_fields,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("parameters", text)


class ParametersForm(QWidget):
    """One editor per parameter, with an inline error under each text field."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("parametersForm")
        self._fields = parameter_fields()
        self._editors: dict[str, QCheckBox | QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for spec in self._fields:
            editor = self._editor(spec)
            editor.setObjectName(spec.object_name)
            editor.setToolTip(_tr(spec.help))
            editor.setAccessibleName(_tr(spec.label))
            self._editors[spec.name] = editor
            if isinstance(editor, QLineEdit):
                error = QLabel(self)
                error.setObjectName(spec.object_name + "Error")
                error.setStyleSheet("color: #b00020;")
                error.setWordWrap(True)
                error.hide()
                self.errors[spec.name] = error
                cell = QWidget(self)
                box = QVBoxLayout(cell)
                box.setContentsMargins(0, 0, 0, 0)
                box.setSpacing(2)
                box.addWidget(editor)
                box.addWidget(error)
                label = QLabel(_tr(spec.label), self)
                label.setBuddy(editor)
                layout.addRow(label, cell)
            else:
                layout.addRow(QLabel(_tr(spec.label), self), editor)

    def _editor(self, spec: ParameterField) -> QCheckBox | QLineEdit:
        if spec.kind is FieldKind.FLAG:
            box = QCheckBox(_tr("active"), self)
            box.toggled.connect(self.edited)
            return box
        edit = QLineEdit(self)
        edit.setClearButtonEnabled(True)
        if spec.kind is FieldKind.URL:
            edit.setPlaceholderText("https://ksef-ws.example.com:8765")
        else:
            edit.setPlaceholderText("5261040828")
        edit.textEdited.connect(self._on_text_edited)
        edit.editingFinished.connect(self.check)
        return edit

    def editor(self, name: str) -> QCheckBox | QLineEdit:
        return self._editors[name]

    def values(self) -> KsefParameters:
        data: dict[str, object] = {}
        for spec in self._fields:
            editor = self._editors[spec.name]
            data[spec.name] = (
                editor.isChecked() if isinstance(editor, QCheckBox) else editor.text().strip()
            )
        return KsefParameters(**data)  # type: ignore[arg-type]

    def set_values(self, parameters: KsefParameters) -> None:
        for field in dataclasses.fields(parameters):
            editor = self._editors[field.name]
            value = getattr(parameters, field.name)
            editor.blockSignals(True)
            if isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            else:
                editor.setText(str(value))
            editor.blockSignals(False)
        self.show_errors({})

    def show_errors(self, errors: dict[str, str]) -> None:
        for name, label in self.errors.items():
            text = errors.get(name, "")
            label.setText(text)
            label.setVisible(bool(text))

    def check(self) -> bool:
        """Validate the text fields now (the services' rules); show and return the outcome."""
        errors = field_errors(self.values())
        self.show_errors(errors)
        return not errors

    def _on_text_edited(self, _text: str) -> None:
        # Clear a stale error as soon as the person starts correcting it.
        self.show_errors({})
        self.edited.emit()
