"""What the case page's parts share: its signals, and for the type checker its widgets and steps.

CaseFlowPage (case_flow_page.py) is put together from parts, one concern each: the header
(header.py), moving between steps (step_navigation.py), autosave (autosave.py) and finalize
and amend (amendment.py). Each part derives from CaseFlowParts, so they all see one widget;
what one part uses of another is declared here (only for mypy: nothing is defined twice).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QLabel, QListView, QPushButton, QStackedWidget

    from desktop.flow.case_flow import CaseFlow
    from desktop.flow.field_paths import FieldPath
    from desktop.flow.steps import Step
    from desktop.services.decision import DecisionDate
    from desktop.ui.case_flow.autosave import DraftWriter
    from desktop.ui.case_flow.memo_page import MemoPage
    from desktop.ui.case_flow.review_page import ReviewPage
    from desktop.ui.case_flow.step_list_model import StepListModel
    from desktop.ui.context import UiServices
    from desktop.ui.widgets.partial_date_edit import PartialDateEdit
    from desktop.ui.widgets.text_edits import TextLineEdit


class CaseFlowParts(QWidget):
    """The case page's signals; its attributes and shared methods, declared for the parts."""

    case_saved = Signal(str)
    closed = Signal()
    loaded = Signal()  # the stored case is on screen
    load_failed = Signal(str)
    step_changed = Signal(object)  # Step
    save_failed = Signal(str)

    if TYPE_CHECKING:
        services: UiServices
        case_id: str
        flow: CaseFlow
        is_loaded: bool
        pages: dict[Step, Any]
        _writer: DraftWriter
        _edit_generation: int
        _saved_generation: int
        _dispatched_generation: int
        _saving: bool
        step_model: StepListModel
        step_list: QListView
        stack: QStackedWidget
        banner: QWidget
        banner_label: QLabel
        amend_button: QPushButton
        back_button: QPushButton
        next_button: QPushButton
        save_status: QLabel
        save_timer: QTimer
        review_panel: Any
        merge_dialog: Any
        header: QWidget
        _header_built: bool
        reference_edit: TextLineEdit
        decision_edit: PartialDateEdit
        decision_words: QLabel
        decision_problem: QLabel
        finalize_action: QAction

        @property
        def review_page(self) -> ReviewPage: ...
        @property
        def memo_page(self) -> MemoPage: ...
        def current_page(self) -> Any: ...
        def go_to_step(self, step: Step, *, focus: bool = True) -> None: ...
        def go_to_field(self, path: FieldPath | str) -> None: ...
        def save_now(self) -> None: ...
        def decision_date(self) -> DecisionDate: ...
        def _on_edited(self, _path: object) -> None: ...
        def _apply_read_only(self) -> None: ...
        def _load_header(self) -> None: ...
        def _ensure_header(self) -> None: ...
