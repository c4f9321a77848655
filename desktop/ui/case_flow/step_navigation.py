"""Moving between the case page's steps: the step list, Back/Next, shortcuts, tab order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from desktop.flow.field_paths import FieldPath, as_path
from desktop.flow.steps import STEPS, Step
from desktop.ui.case_flow.case_flow_parts import CaseFlowParts
from desktop.ui.i18n import translate
from desktop.ui.widgets.focus_order import chain_tab_order


class StepNavigation(CaseFlowParts):
    """The page's actions and the ways from one step to another."""

    def _make_actions(self) -> None:
        def action(text: str, shortcuts: list[str], slot: Any) -> QAction:
            made = QAction(text, self)
            made.setShortcuts([QKeySequence(s) for s in shortcuts])
            made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.triggered.connect(slot)
            self.addAction(made)
            return made

        self.next_step_action = action(translate(
            "StepNavigation", "&Next step"), ["Ctrl+PgDown", "Alt+Right"], self.next_step)
        self.previous_step_action = action(
            translate(
                "StepNavigation", "&Previous step"), ["Ctrl+PgUp", "Alt+Left"], self.previous_step
        )
        self.step_list_action = action(translate("StepNavigation", "Step &list"), ["F6"],
                                       self.toggle_step_list_focus)
        self.go_to_step_actions = [
            action(
                translate(
                    "StepNavigation",
                    "Go to step &{value}: {title}").format(
                    value=step.index + 1, title=step.title),
                [f"Ctrl+{step.index + 1}"],
                lambda _checked=False, s=step: self.go_to_step(s),
            )
            for step in STEPS
        ]
        self.save_action = action(translate("StepNavigation", "&Save"), ["Ctrl+S"], self.save_now)
        self.print_action = action(translate(
            "StepNavigation", "&Print memo…"), ["Ctrl+P"], self._print_requested)
        self.finalize_action = action(translate(
            "StepNavigation", "&Finalize memo…"), ["Ctrl+Shift+F"], self._finalize_requested)

    def _print_requested(self) -> None:
        self._on_memo_ready(self.memo_page.ask_print)

    def _finalize_requested(self) -> None:
        self._on_memo_ready(self.memo_page.ask_finalize)

    def _on_memo_ready(self, act: Callable[[], object]) -> None:
        """Open the memo step (its preview is current while it is open: only the decision
        date edits it there, and that renders again) and act once the preview is ready."""
        if self.flow.current is not Step.MEMO:
            self.go_to_step(Step.MEMO)
        self.memo_page.when_ready(act)

    @property
    def current_step(self) -> Step:
        return self.flow.current

    def current_page(self) -> Any:
        return self.pages[self.flow.current]

    def next_step(self) -> None:
        if self.is_loaded and not self.flow.at_last:
            self.go_to_step(STEPS[self.flow.current.index + 1])

    def previous_step(self) -> None:
        if self.is_loaded and not self.flow.at_first:
            self.go_to_step(STEPS[self.flow.current.index - 1])

    def go_to_step(self, step: Step, *, focus: bool = True) -> None:
        """Open a step; with `focus`, the keyboard lands on its first field."""
        self.flow.go_to(step)
        page = self.pages[step]
        self.stack.setCurrentWidget(page)
        page.load()
        page.show_problems(self.flow.problems(step))
        self.review_panel.show_step(step)
        self.step_model.refresh()
        self.step_list.selectionModel().setCurrentIndex(
            self.step_model.index(step.index), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.back_button.setEnabled(not self.flow.at_first)
        self.next_button.setEnabled(not self.flow.at_last)
        self.apply_tab_order()
        if focus:
            self.focus_first_field()
        self.step_changed.emit(step)

    def apply_tab_order(self) -> None:
        """Step list, the open page top to bottom, then Back and Next (pages are built late,
        so without this their fields would come after the navigation buttons)."""
        chain_tab_order(self.focus_chain())

    def focus_chain(self) -> list[QWidget]:
        page: list[QWidget] = self.current_page().focus_chain()
        return [self.step_list, self.amend_button, *page, self.back_button, self.next_button]

    def focus_first_field(self) -> None:
        # Not a Tab focus: a line edit would select its text, and the next key would replace it.
        target = self.current_page().first_focus()
        (target or self.next_button).setFocus(Qt.FocusReason.OtherFocusReason)

    def toggle_step_list_focus(self) -> None:
        """F6: to the step list, and from it back to the open step."""
        if self.step_list.hasFocus():
            self.focus_first_field()
        else:
            self.step_list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def go_to_field(self, path: FieldPath | str) -> None:
        """Open the step that holds a field and put the focus on it (review links, facts)."""
        parts = as_path(path) if isinstance(path, str) else path
        step = self.flow.go_to_field(parts)
        self.go_to_step(step)
        self.pages[step].focus_field(parts)

    def _on_step_activated(self, index: QModelIndex) -> None:
        if index.isValid() and self.is_loaded:
            self.go_to_step(STEPS[index.row()])

    def _on_step_browsed(self, index: QModelIndex) -> None:
        # Arrow keys in the step list open the step but leave the focus in the list.
        if index.isValid() and self.is_loaded and STEPS[index.row()] is not self.flow.current:
            self.go_to_step(STEPS[index.row()], focus=self.step_list.hasFocus() is False)
