"""StepPage: the base of every page of the flow (load answers, show problems, find a field)."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.flow.case_flow import CaseFlow
from desktop.flow.field_paths import FieldPath, path_to_pointer, pointer_to_path
from desktop.flow.steps import Step
from desktop.flow.validation import Problem, Severity
from desktop.ui.case_flow.field_form import (
    ERROR_STYLE,
    MISSING_STYLE,
    FieldForm,
    make_problem_label,
    show_problem,
)
from desktop.ui.i18n import translate
from desktop.ui.widgets.focus_order import first_reachable, focusable_widgets


class StepPage(QWidget):
    """A page of the flow. Subclasses add FieldForms to `self.body` and list them in forms."""

    step: Step
    edited = Signal(object)  # the path that changed, or None for a structural change
    field_requested = Signal(object)  # a path to open (from review links)

    def __init__(self, flow: CaseFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.forms: list[FieldForm] = []
        self.read_only = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self.step.title, self)
        self.heading.setObjectName("stepHeading")
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        outer.addWidget(self.heading)
        self.page_problems = make_problem_label(self, self.step.title)
        self.page_problems.setTextFormat(Qt.TextFormat.RichText)
        self.page_problems.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.page_problems.linkActivated.connect(
            lambda pointer: self.field_requested.emit(pointer_to_path(pointer))
        )
        outer.addWidget(self.page_problems)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields are the stops
        # A viewport made here, not by Qt: the first time Python meets a QWidget that Qt made
        # (focus_order walks up through the viewport), PySide6 sets up every QWidget
        # subclass's type, a ~20 ms stall when the first case opens.
        self.scroll_area.setViewport(QWidget(self.scroll_area))
        container = QWidget(self.scroll_area)
        self.body = QVBoxLayout(container)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.scroll_area.setWidget(container)
        outer.addWidget(self.scroll_area, 1)
        self.setAccessibleName(translate("StepPage", "{title} step").format(title=self.step.title))

    def add_form(self, form: FieldForm) -> FieldForm:
        self.forms.append(form)
        form.answer_edited.connect(self._store_answer)
        return form

    def _store_answer(self, path: FieldPath, value: Any) -> None:
        if self.flow.set_answer(path, value):
            self.edited.emit(path)

    def load(self) -> None:
        """Show the flow's answers (called when the page is opened)."""
        for form in self.forms:
            form.load(self.flow.data)

    def show_problems(self, problems: list[Problem]) -> None:
        shown: set[FieldPath] = set()
        for form in self.forms:
            shown |= form.show_problems(problems)
        listed = [p for p in problems if p.severity is Severity.ERROR or p.path not in shown]
        if not listed:
            show_problem(self.page_problems, None)
            return
        # Every problem of the step in words, each a link to its field.
        items = "".join(
            f'<li><a href="{html.escape(path_to_pointer(p.path))}">'
            f"{html.escape(p.where(self.flow.data))}</a>: {html.escape(p.message)}</li>"
            for p in listed
        )
        errors = sum(p.severity is Severity.ERROR for p in listed)
        title = (translate("StepPage", "⚠ %n problem(s) on this step", None, errors) if errors
                 else translate("StepPage", "Still needed on this step"))
        self.page_problems.setText(f"<b>{title}</b><ul style='margin: 0'>{items}</ul>")
        self.page_problems.setStyleSheet(ERROR_STYLE if errors else MISSING_STYLE)
        self.page_problems.show()

    def focus_field(self, path: FieldPath) -> bool:
        """Put the keyboard focus on the editor of `path`; False when none shows it."""
        for form in self.forms:
            editor = form.editor_for(path)
            if editor is not None:
                self.scroll_area.ensureWidgetVisible(editor)
                editor.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def focus_chain(self) -> list[QWidget]:
        """The page's controls in the order Tab should visit them (top to bottom)."""
        return focusable_widgets(self.scroll_area)

    def first_focus(self) -> QWidget | None:
        """Where the keyboard lands when the step opens: its first usable control."""
        return first_reachable(self.focus_chain())

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for form in self.forms:
            form.set_read_only(read_only)
