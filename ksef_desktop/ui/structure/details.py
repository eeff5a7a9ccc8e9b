"""The details pane: what the XSD says about the selected element, and its value and problems."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QWidget

from ksef_desktop.services.structure import StructureModel

_ROWS = (
    "detailsLabel",
    "detailsName",
    "detailsPath",
    "detailsType",
    "detailsLine",
    "detailsValue",
    "detailsAttributes",
    "detailsDocumentation",
    "detailsProblems",
)


class DetailsPane(QScrollArea):
    """Read-only, selectable labels; ``show_node(None)`` clears them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("structureDetails")
        self.setAccessibleName(self.tr("Element details"))
        self.setWidgetResizable(True)
        body = QWidget(self)
        form = QFormLayout(body)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        captions = (
            self.tr("Label:"),
            self.tr("Technical name:"),
            self.tr("Path:"),
            self.tr("XSD type:"),
            self.tr("Line:"),
            self.tr("Value:"),
            self.tr("Attributes:"),
            self.tr("Documentation:"),
            self.tr("Problems:"),
        )
        self.fields: dict[str, QLabel] = {}
        for name, caption in zip(_ROWS, captions, strict=True):
            label = QLabel(body)
            label.setObjectName(name)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            form.addRow(caption, label)
            self.fields[name] = label
        self.fields["detailsLabel"].setStyleSheet("font-weight: bold;")
        self.fields["detailsProblems"].setStyleSheet("color: #b00020;")
        self.setWidget(body)

    def show_node(self, model: StructureModel | None, index: int | None) -> None:
        if model is None or index is None:
            for label in self.fields.values():
                label.clear()
            return
        node = model.node(index)
        info = model.info(index)
        documentation = info.documentation or (
            self.tr("Not an element of the FA(3) schema at this place.")
            if not info.in_schema
            else self.tr("(no documentation in the schema)")
        )
        problems = [p.message for p in node.problems]
        problems += [self.tr("KSeF: {message}").format(message=m) for m in node.ksef_messages]
        texts = {
            "detailsLabel": model.label(index),
            "detailsName": node.name,
            "detailsPath": node.path,
            "detailsType": info.type_name or self.tr("(anonymous type)"),
            "detailsLine": str(node.line) if node.line is not None else "—",
            "detailsValue": node.value if node.value is not None else "—",
            "detailsAttributes": "\n".join(f"{k} = {v}" for k, v in node.attributes) or "—",
            "detailsDocumentation": documentation,
            "detailsProblems": "\n".join(problems) or "—",
        }
        for name, text in texts.items():
            self.fields[name].setText(text)
