"""The Journey step: the stops in order (add, insert, remove, reorder), an editor, a timeline."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop.flow import choices
from desktop.flow.case_flow import CaseFlow
from desktop.flow.field_paths import FieldPath
from desktop.flow.steps import Step
from desktop.flow.term_help import term_help
from desktop.flow.validation import Problem
from desktop.ui.case_flow.field_form import FieldForm
from desktop.ui.case_flow.journey_model import REORDER_HINT, JourneyModel, describe_stop
from desktop.ui.case_flow.route_map_widget import RouteMapWidget
from desktop.ui.case_flow.step_page import StepPage
from desktop.ui.case_flow.timeline_widget import TimelineWidget
from desktop.ui.i18n import translate
from desktop.ui.widgets.choice_combo_box import ChoiceComboBox, TriStateComboBox
from desktop.ui.widgets.country_combo_box import CountryComboBox
from desktop.ui.widgets.partial_date_edit import PartialDateEdit
from desktop.ui.widgets.text_edits import TextLineEdit


class StopListView(QListView):
    """The list of stops: Ctrl+Up/Down moves the current stop, Insert adds, Delete removes."""

    def __init__(self, page: JourneyPage) -> None:
        super().__init__(page)
        self.page = page
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAccessibleName(translate("JourneyPage", "Stops in order"))
        self.setAccessibleDescription(
            "Ctrl+Up and Ctrl+Down move the stop; Insert adds a stop before it; Delete removes it"
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() == Qt.Key.Key_Up:
            self.page.move_current(-1)
        elif ctrl and event.key() == Qt.Key.Key_Down:
            self.page.move_current(+1)
        elif event.key() == Qt.Key.Key_Insert:
            self.page.insert_stop()
        elif event.key() == Qt.Key.Key_Delete:
            self.page.remove_stop()
        else:
            super().keyPressEvent(event)


class JourneyPage(StepPage):
    """Every country on the way, in order, up to the one the person entered the US from."""

    step = Step.JOURNEY

    def __init__(self, flow: CaseFlow, parent: QWidget | None = None) -> None:
        super().__init__(flow, parent)
        self.model = JourneyModel(flow, self)
        self.stop_list = StopListView(self)
        self.stop_list.setModel(self.model)
        # Wide enough for a stop's dates ("2024-06-20 → 2024-06-24") with its scrollbar.
        dates = self.stop_list.fontMetrics().horizontalAdvance("8888-88-88 → 8888-88-88")
        scrollbar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.stop_list.setMinimumWidth(max(160, dates + scrollbar + 24))
        self.stop_list.setSpacing(2)
        self.model.stops_moved.connect(self._on_moved)

        buttons = self._make_buttons()
        self._make_stop_editor()
        self._make_undo_bar()

        top = QHBoxLayout()
        top.addWidget(self.stop_list, 1)  # the editor needs the room: its dates say how they read
        top.addLayout(buttons)
        top.addWidget(self.editor_box, 3)
        self.body.addLayout(top)
        self.timeline = TimelineWidget(self)
        self.body.addWidget(self.timeline)
        self.route_map = RouteMapWidget(self)
        self.body.addWidget(self.route_map)

        self._add_shortcuts()
        self._sync_editor()

    def _make_buttons(self) -> QVBoxLayout:
        """Add, insert, remove and move, beside the list of stops."""
        buttons = QVBoxLayout()
        self.add_button = QPushButton(translate("JourneyPage", "&Add stop"), self)
        self.insert_button = QPushButton(translate("JourneyPage", "&Insert before"), self)
        self.remove_button = QPushButton(translate("JourneyPage", "&Remove"), self)
        self.up_button = QPushButton(translate("JourneyPage", "Move &up"), self)
        self.down_button = QPushButton(translate("JourneyPage", "Move &down"), self)
        for button, tip in (
            (self.add_button, translate("JourneyPage", "Add a stop at the end")),
            (self.insert_button, translate(
                "JourneyPage", "Insert a stop before the selected one (Insert)")),
            (self.remove_button, translate("JourneyPage", "Remove the selected stop (Delete)")),
            (self.up_button, translate("JourneyPage", "Move the selected stop earlier (Ctrl+Up)")),
            (self.down_button, translate(
                "JourneyPage", "Move the selected stop later (Ctrl+Down)")),
        ):
            button.setAccessibleName(button.text().replace("&", ""))
            button.setToolTip(tip)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.add_button.clicked.connect(lambda: self.add_stop())
        self.insert_button.clicked.connect(lambda: self.insert_stop())
        self.remove_button.clicked.connect(lambda: self.remove_stop())
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(+1))
        return buttons

    def _make_stop_editor(self) -> None:
        """The selected stop's fields (the form is bound to journey[current])."""
        self.editor_box = QGroupBox(translate("JourneyPage", "Stop"), self)
        self.stop_form = self.add_form(FieldForm(self.editor_box, ("journey", 0)))
        form = self.stop_form
        self.country = form.add_field(("country",), translate(
            "JourneyPage", "Country"), CountryComboBox(form))
        self.arrived = form.add_field(("arrived",), translate(
            "JourneyPage", "Arrived"), PartialDateEdit(form))
        self.departed = form.add_field(("departed",), translate(
            "JourneyPage", "Departed"), PartialDateEdit(form))
        self.place = form.add_field(("place",), translate("JourneyPage", "City or region"),
                                    TextLineEdit(form, empty_is_none=True), translate(
                                        "JourneyPage", "e.g. Tapachula"))
        self.status_held = form.add_field(
            ("status_held",), translate(
                "JourneyPage", "Status held"), ChoiceComboBox(choices.STATUS_HELD, form)
        )
        self._add_stay_questions(form)
        box_layout = QVBoxLayout(self.editor_box)
        box_layout.addWidget(form)
        self.empty_hint = QPushButton(
            translate("JourneyPage", "Add the first stop"), self.editor_box
        )
        self.empty_hint.setAccessibleName(translate("JourneyPage", "Add the first stop"))
        self.empty_hint.clicked.connect(lambda: self.add_stop())
        box_layout.addWidget(self.empty_hint)

    def _add_stay_questions(self, form: FieldForm) -> None:
        """The stop's questions about the stay: offers, limits, returns, how a US stay ended."""
        self.permanent_status_offered = form.add_field(
            ("permanent_status_offered",),
            translate("JourneyPage", "Permanent status offered"),
            TriStateComboBox(form),
            translate(
                "JourneyPage",
                "An offer of permanent residence, citizenship or other permanent resettlement",
            ),
        )
        self.onward_travel_only = form.add_field(
            ("onward_travel_only",),
            translate("JourneyPage", "Onward travel only"),
            TriStateComboBox(form),
            term_help("onward_travel_only"),
        )
        self.residence_restricted = form.add_field(
            ("residence_restricted",),
            translate("JourneyPage", "Residence restricted"),
            TriStateComboBox(form),
            term_help("residence_restricted"),
        )
        self.returned_later = form.add_field(
            ("returned_later",),
            translate("JourneyPage", "Returned later"),
            TriStateComboBox(form),
            translate("JourneyPage", "Left and came back"),
        )
        # Asked only of an earlier stay in the United States (a stop with country US).
        self.left_how = form.add_field(
            ("left_how",),
            translate("JourneyPage", "How the US stay ended"),
            ChoiceComboBox(choices.LEFT_HOW, form),
            translate(
                "JourneyPage",
                "An earlier stay in the United States: removed, returned voluntarily or departed",
            ),
        )

    def _make_undo_bar(self) -> None:
        """The bar that offers a removed stop back."""
        self.undo_bar = QWidget(self)
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.setContentsMargins(6, 2, 6, 2)
        self.undo_label = QLabel(self.undo_bar)
        self.undo_label.setWordWrap(True)
        self.undo_label.setAccessibleName(translate("JourneyPage", "Removed stop"))
        self.undo_button = QPushButton(translate("JourneyPage", "Undo re&move"), self.undo_bar)
        self.undo_button.setAccessibleName(translate("JourneyPage", "Undo remove"))
        self.undo_button.setToolTip(translate("JourneyPage", "Put the removed stop back (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo_remove)
        undo_layout.addWidget(self.undo_label, 1)
        undo_layout.addWidget(self.undo_button)
        self.undo_bar.setStyleSheet("background: #e8eef8;")
        self.undo_bar.hide()
        self.body.addWidget(self.undo_bar)
        self._removed: tuple[int, dict[str, Any]] | None = None

    def _add_shortcuts(self) -> None:
        """Ctrl+Up/Down move the stop; Ctrl+Z puts a removed one back."""
        self.stop_list.selectionModel().currentChanged.connect(self._on_current_changed)
        shortcut_up = QShortcut(QKeySequence("Ctrl+Up"), self.editor_box)
        shortcut_up.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut_up.activated.connect(lambda: self.move_current(-1))
        shortcut_up.setWhatsThis(translate("JourneyPage", "Move the selected stop up"))
        shortcut_down = QShortcut(QKeySequence("Ctrl+Down"), self.editor_box)
        shortcut_down.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut_down.activated.connect(lambda: self.move_current(+1))
        shortcut_down.setWhatsThis(translate("JourneyPage", "Move the selected stop down"))
        # Ctrl+Z in the list or on a button; a line edit with focus keeps its own text undo.
        undo = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo_remove)
        undo.setWhatsThis(translate("JourneyPage", "Undo removing a stop"))

    def first_focus(self) -> QWidget | None:
        return self.stop_list if self.model.rowCount() else self.add_button

    # -- stops --------------------------------------------------------------------------------
    def current_row(self) -> int:
        index = self.stop_list.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.stop_list.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self._sync_editor()

    def add_stop(self) -> int:
        return self._insert_at(self.model.rowCount())

    def insert_stop(self) -> int:
        row = self.current_row()
        return self._insert_at(row if row >= 0 else 0)

    def _insert_at(self, row: int) -> int:
        if self.read_only:
            return -1
        self._forget_removed()
        row = self.model.insert_stop(row)
        self.select_row(row)
        self._changed()
        self.country.setFocus(Qt.FocusReason.OtherFocusReason)
        return row

    def remove_stop(self) -> None:
        """Remove the current stop; an inline bar offers to undo it (Ctrl+Z)."""
        row = self.current_row()
        if self.read_only or row < 0:
            return
        removed = self.model.remove_stop(row)
        if removed is not None:
            self._removed = (row, removed)
            self.undo_label.setText(
                translate("JourneyPage", "Removed {describe_stop}. Ctrl+Z puts it back.").format(
                    describe_stop=describe_stop(row + 1, removed)
                )
            )
            self.undo_bar.show()
        self.select_row(min(row, self.model.rowCount() - 1))
        self._changed()
        self.stop_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def undo_remove(self) -> bool:
        """Put back the stop removed last, where it was; False when there is nothing to undo."""
        if self._removed is None or self.read_only:
            return False
        row, stop = self._removed
        self._forget_removed()
        row = self.model.restore_stop(row, stop)
        self.select_row(row)
        self._changed()
        self.stop_list.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _forget_removed(self) -> None:
        self._removed = None
        self.undo_bar.hide()

    def move_current(self, delta: int) -> None:
        row = self.current_row()
        if self.read_only or row < 0:
            return
        self._forget_removed()
        self.model.move_stop(row, row + delta)

    def _on_moved(self, _source: int, final: int) -> None:
        self.select_row(final)
        self._changed()

    def _draw_route(self) -> None:
        """The timeline and the map follow the journey."""
        self.timeline.set_case(self.flow.data)
        self.route_map.set_case(self.flow.data)

    def _changed(self) -> None:
        self._draw_route()
        self.edited.emit(None)

    # -- editor --------------------------------------------------------------------------------
    def _on_current_changed(self) -> None:
        self._sync_editor()

    def _sync_editor(self) -> None:
        row = self.current_row()
        has_stop = row >= 0
        self.stop_form.setVisible(has_stop)
        self.empty_hint.setVisible(not has_stop)
        if has_stop:
            self.stop_form.base = ("journey", row)
            self.editor_box.setTitle(translate("JourneyPage", "Stop {row}").format(row=row + 1))
            self.stop_form.load(self.flow.data)
            self._show_us_stay_row(row)
            self.show_problems(self.flow.problems(self.step))
        for button in (self.remove_button, self.insert_button, self.up_button, self.down_button):
            button.setEnabled(has_stop and not self.read_only)

    def _show_us_stay_row(self, row: int) -> None:
        # Shown for a stop in the US, and for any stop that holds an answer (never hidden).
        stop = self.flow.journey[row] if 0 <= row < len(self.flow.journey) else {}
        self.stop_form.set_row_visible(
            self.left_how, stop.get("country") == "US" or stop.get("left_how") is not None
        )

    def load(self) -> None:
        row = self.current_row()
        self._forget_removed()
        self.model.reload()
        self.select_row(row if 0 <= row < self.model.rowCount() else 0)
        self._draw_route()

    def _store_answer(self, path: FieldPath, value: object) -> None:
        if self.flow.set_answer(path, value):
            if path[-1] == "country":
                self._show_us_stay_row(self.current_row())
            self.model.refresh()
            self._draw_route()
            self.edited.emit(path)

    def show_problems(self, problems: list[Problem]) -> None:
        super().show_problems(
            [p for p in problems if p.path[:2] == self.stop_form.base or len(p.path) < 2]
        )
        self.model.refresh()  # the rows carry their own problem marks
        rows_with_errors = {p.path[1] for p in problems if len(p.path) > 1}
        self.stop_list.setToolTip(
            translate("JourneyPage", "Problems in stop(s) {stops}").format(
                stops=", ".join(str(int(r) + 1) for r in sorted(rows_with_errors)))
            if rows_with_errors
            else translate("JourneyModel", REORDER_HINT)
        )

    def focus_field(self, path: FieldPath) -> bool:
        if len(path) >= 2 and isinstance(path[1], int):
            self.select_row(path[1])
        elif self.model.rowCount():
            self.stop_list.setFocus()
            return True
        return super().focus_field(path)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        if read_only:
            self._forget_removed()
        self.add_button.setEnabled(not read_only)
        self.stop_list.setDragEnabled(not read_only)
        self._sync_editor()
