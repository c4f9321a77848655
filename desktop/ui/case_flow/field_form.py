"""FieldForm: labelled editors bound to case-file paths, each with its inline problem label."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop.flow.field_paths import FieldPath, get_value, is_within
from desktop.flow.validation import Problem, Severity
from desktop.ui.i18n import translate

ERROR_STYLE = "color: #b3261e;"
MISSING_STYLE = "color: #6b6b6b; font-style: italic;"


@dataclass
class Binding:
    """One editor bound to one relative path, with the label that shows its problem."""

    relative: FieldPath
    label: str
    editor: Any
    problem_label: QLabel
    local_problem: str | None = None


def make_problem_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAccessibleName(translate("FieldForm", "{name}: problem").format(name=name))
    label.hide()
    return label


def show_problem(label: QLabel, message: str | None, severity: Severity = Severity.ERROR) -> None:
    if not message:
        label.clear()
        label.hide()
        return
    prefix = "⚠ " if severity is Severity.ERROR else translate("FieldForm", "Needed: ")
    label.setText(prefix + message)
    label.setStyleSheet(ERROR_STYLE if severity is Severity.ERROR else MISSING_STYLE)
    label.show()


class FieldForm(QWidget):
    """A form of editors under one base path (e.g. `journey[2]`), each editor's value at
    base + relative path. Editors offer value(), set_value() and a value_edited signal.
    """

    answer_edited = Signal(object, object)

    def __init__(self, parent: QWidget | None = None, base: FieldPath = ()) -> None:
        super().__init__(parent)
        self.base = base
        self.bindings: list[Binding] = []
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Labels beside their fields when all fit, else above them (see resizeEvent): a narrow
        # window (1024 px, a date's typing hint) neither cuts a field nor scrolls sideways.
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)

    def _shown_rows(self) -> list[tuple[QWidget, QWidget]]:
        """Each shown row's label and field (rows hidden with set_row_visible left out)."""
        rows = []
        for row in range(self.form.rowCount()):
            label = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label_widget = label.widget() if label is not None else None
            field_widget = field.widget() if field is not None else None
            if label_widget is not None and field_widget is not None \
                    and not field_widget.isHidden():
                rows.append((label_widget, field_widget))
        return rows

    def side_by_side_width(self) -> int:
        """The least width that shows every label beside its field."""
        rows = self._shown_rows()
        if not rows:
            return 0
        margins = self.form.contentsMargins()
        labels = max(label.sizeHint().width() for label, _ in rows)
        fields = max(field.minimumSizeHint().width() for _, field in rows)
        spacing = max(self.form.horizontalSpacing(), 0)
        return margins.left() + labels + spacing + fields + margins.right()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt spelling)
        # As narrow as the labels over their fields; resizeEvent wraps them when it must.
        hint = super().minimumSizeHint()
        rows = self._shown_rows()
        if not rows:
            return hint
        margins = self.form.contentsMargins()
        widest = max(max(label.minimumSizeHint().width(), field.minimumSizeHint().width())
                     for label, field in rows)
        return QSize(min(hint.width(), margins.left() + widest + margins.right()),
                     hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt spelling)
        super().resizeEvent(event)
        policy = (QFormLayout.RowWrapPolicy.DontWrapRows
                  if self.width() >= self.side_by_side_width()
                  else QFormLayout.RowWrapPolicy.WrapAllRows)
        if self.form.rowWrapPolicy() != policy:
            self.form.setRowWrapPolicy(policy)
            self.updateGeometry()

    def add_field(self, relative: FieldPath, label: str, editor: Any, hint: str = "") -> Any:
        cell = QWidget(self)
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor)
        problem_label = make_problem_label(cell, label)
        column.addWidget(problem_label)
        # A field with an explanation says so with (?); the label and the editor show it on hover.
        text_label = QLabel(label + (" (?):" if hint else ":"), self)
        text_label.setBuddy(editor)
        editor.setAccessibleName(label)
        if hint:
            editor.setToolTip(hint)
            text_label.setToolTip(hint)
            editor.setAccessibleDescription(hint)
        self.form.addRow(text_label, cell)
        binding = Binding(relative, label, editor, problem_label)
        self.bindings.append(binding)
        editor.value_edited.connect(lambda value, b=binding: self._on_edited(b, value))
        unresolved = getattr(editor, "unresolved", None)
        if unresolved is not None:
            unresolved.connect(lambda text, b=binding: self._on_unresolved(b, text))
        invalid = getattr(editor, "invalid", None)
        if invalid is not None:
            invalid.connect(lambda message, b=binding: self._on_invalid(b, message))
        return editor

    def path_of(self, binding: Binding) -> FieldPath:
        return self.base + binding.relative

    def load(self, data: dict[str, Any]) -> None:
        for binding in self.bindings:
            binding.editor.set_value(get_value(data, self.path_of(binding)))

    def show_problems(self, problems: list[Problem]) -> set[FieldPath]:
        """Show each problem next to its field; return the paths that found a field."""
        shown: set[FieldPath] = set()
        for binding in self.bindings:
            path = self.path_of(binding)
            mine = [p for p in problems if is_within(p.path, path)]
            if binding.local_problem:
                show_problem(binding.problem_label, binding.local_problem)
            elif mine:
                worst = sorted(mine, key=lambda p: p.severity is not Severity.ERROR)[0]
                show_problem(binding.problem_label, worst.message, worst.severity)
            else:
                show_problem(binding.problem_label, None)
            shown.update(p.path for p in mine)
        return shown

    def editor_for(self, path: FieldPath) -> Any:
        for binding in self.bindings:
            if is_within(path, self.path_of(binding)) or path == self.path_of(binding):
                return binding.editor
        return None

    def set_row_visible(self, editor: Any, visible: bool) -> None:
        """Show or hide an editor's whole row (its label, the editor and its problem line)."""
        self.form.setRowVisible(editor.parentWidget(), visible)

    def set_read_only(self, read_only: bool) -> None:
        for binding in self.bindings:
            binding.editor.setEnabled(not read_only)

    def _on_edited(self, binding: Binding, value: object) -> None:
        binding.local_problem = None
        self.answer_edited.emit(self.path_of(binding), value)

    def _on_invalid(self, binding: Binding, message: str) -> None:
        binding.local_problem = message
        show_problem(binding.problem_label, message)

    def _on_unresolved(self, binding: Binding, text: str) -> None:
        binding.local_problem = translate(
                    "FieldForm",
                    "'{text}' is not a country; type a name or code and pick one").format(
                    text=text)
        show_problem(binding.problem_label, binding.local_problem)
