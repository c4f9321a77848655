"""CaseListModel: a lazily fetched table over CaseService.list_cases, queried off the GUI thread."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from PySide6 import QtCore
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Signal,
)

from desktop.case_rules import shown_a_number
from desktop.case_rules.text import visible_text
from desktop.ui.background import BackgroundRunner
from desktop.ui.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

    from desktop.services.cases import CaseSummary

AnyIndex = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200
# Qt.ItemDataRole.DisplayRole. The Qt namespace is only touched once the window is on
# screen (QtCore.Qt in method bodies): creating its ~90 Python enums takes tens of ms.
DISPLAY_ROLE = 0
# The other roles the list answers, as Qt numbers them (ToolTipRole, AccessibleTextRole,
# UserRole): data() runs some 1,400 times per repaint, and most roles it is asked it has no
# answer for, so it tells them apart by number first.
TOOLTIP_ROLE, ACCESSIBLE_TEXT_ROLE, USER_ROLE = 3, 11, 256
ANSWERED_ROLES = frozenset({DISPLAY_ROLE, TOOLTIP_ROLE, ACCESSIBLE_TEXT_ROLE, USER_ROLE})

# "determined" only means a draft memo was saved; nothing is decided until it is finalized.
STATUS_LABELS = {
    "draft": QT_TRANSLATE_NOOP("CaseListModel", "Draft"),
    "determined": QT_TRANSLATE_NOOP("CaseListModel", "Draft, memo saved"),
    "finalized": QT_TRANSLATE_NOOP("CaseListModel", "Finalized"),
}


class CaseLister(Protocol):
    """The part of CaseService the list needs."""

    def list_cases(
        self,
        search: str = "",
        status: str | None = None,
        sort: str = "updated",
        descending: bool = True,
        offset: int = 0,
        limit: int = 100,
    ) -> list[CaseSummary]: ...

    def count_cases(self, search: str = "", status: str | None = None) -> int: ...


class Column(NamedTuple):
    title: str
    sort_key: str


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("CaseListModel", "Name"), "name"),
    Column(QT_TRANSLATE_NOOP("CaseListModel", "A-number"), "a_number"),
    Column(QT_TRANSLATE_NOOP("CaseListModel", "Nationality"), "nationality"),
    Column(QT_TRANSLATE_NOOP("CaseListModel", "Entry date"), "entry_date"),
    Column(QT_TRANSLATE_NOOP("CaseListModel", "Status"), "status"),
    Column(QT_TRANSLATE_NOOP("CaseListModel", "Last change"), "updated"),
)


class CaseQuery(NamedTuple):
    """What the list shows: search text, status filter and sort order."""

    search: str = ""
    status: str | None = None
    sort: str = "updated"
    descending: bool = True


def format_a_number(a_number: str | None) -> str:
    """A-123-456-789 (eight digits zero-padded, A-012-345-678): the case-file rule's display."""
    return shown_a_number(a_number)


def format_updated(when: datetime) -> str:
    """Local time to the minute."""
    local = when.astimezone() if when.tzinfo is not None else when
    return local.strftime("%Y-%m-%d %H:%M")


class CaseListModel(QAbstractTableModel):
    """Rows of CaseSummary, fetched a page at a time (canFetchMore/fetchMore) in the background.

    set_query() starts a new query; results of an older query that arrive late are dropped.
    """

    query_applied = Signal()  # the first page of the current query is in the model
    page_appended = Signal(int)  # rows were added by fetchMore (number of rows)
    loading_changed = Signal(bool)
    load_failed = Signal(str)  # a user-facing message

    def __init__(
        self,
        runner: BackgroundRunner,
        parent: Any = None,
        page_size: int = PAGE_SIZE,
        *,
        defer_columns: bool = False,
    ) -> None:
        """defer_columns: no columns until show_columns() (a view's first frame skips them)."""
        super().__init__(parent)
        self._runner = runner
        self.page_size = page_size
        self._flags: tuple[Qt.ItemFlag, Qt.ItemFlag] | None = None  # (row, none): see flags()
        self._source: CaseLister | None = None
        self._query = CaseQuery()
        self._rows: list[CaseSummary] = []
        self._total = 0
        self._generation = 0
        self._fetching = False
        self._loading = False
        self._preview = False
        self._columns_shown = not defer_columns

    # --- the query -------------------------------------------------------------------------

    def set_source(self, source: CaseLister | None) -> None:
        """Give the model its storage (after the database opened) and load the first page.

        Preview rows stay on screen (no "loading" state) until the storage's own first page
        arrives; when it holds the same rows nothing visible changes.
        """
        self._source = source
        self.reload(quiet=self._preview)

    def show_preview(self, total: int, rows: list[CaseSummary]) -> None:
        """Show rows read before the storage opened (the default query's first page).

        Nothing can be fetched beyond them until set_source(); ignored once a source is set.
        """
        if self._source is not None or self._query != CaseQuery():
            return
        self.beginResetModel()
        self._rows = list(rows)
        self._total = max(total, len(self._rows))
        self.endResetModel()
        self._preview = True
        self.query_applied.emit()

    def show_columns(self) -> None:
        """Report the columns (none until now: the view paints its first frame without a header)."""
        if self._columns_shown:
            return
        self.beginInsertColumns(QModelIndex(), 0, len(COLUMNS) - 1)
        self._columns_shown = True
        self.endInsertColumns()

    def has_preview(self) -> bool:
        """True while the rows shown are a preview, not yet confirmed by the storage."""
        return self._preview

    def clear_preview(self) -> None:
        """Drop preview rows (the storage did not open, so they cannot be trusted)."""
        if not self._preview:
            return
        self._preview = False
        self.beginResetModel()
        self._rows = []
        self._total = 0
        self.endResetModel()

    def clear_rows(self) -> None:
        """Forget every row (the lock): a page still being read is dropped; reload() refills."""
        self._generation += 1
        self._fetching = False
        self._set_loading(False)
        self.beginResetModel()
        self._rows = []
        self._total = 0
        self.endResetModel()

    def query(self) -> CaseQuery:
        return self._query

    def set_query(self, query: CaseQuery) -> None:
        if query != self._query:
            self._query = query
            self.reload()

    def reload(self, *, quiet: bool = False) -> None:
        """Run the current query again from its first page (in the background).

        quiet: keep showing the current rows without entering the loading state.
        """
        self._generation += 1
        self._fetching = False
        source = self._source
        if source is None:
            if self._query != CaseQuery():
                self.clear_preview()  # the preview only answers the default query
            return
        generation, query, limit = self._generation, self._query, self.page_size

        def first_page() -> tuple[int, list[CaseSummary]]:
            total = source.count_cases(search=query.search, status=query.status)
            rows = source.list_cases(
                search=query.search,
                status=query.status,
                sort=query.sort,
                descending=query.descending,
                offset=0,
                limit=limit,
            )
            return total, rows

        if not quiet:
            self._set_loading(True)
        self._runner.run(
            first_page,
            lambda result: self._apply_first_page(generation, result),
            lambda error: self._apply_error(generation, error),
        )

    def is_loading(self) -> bool:
        return self._loading

    def total_count(self) -> int:
        """How many cases match the query (not just the ones fetched so far)."""
        return self._total

    def summary(self, row: int) -> CaseSummary:
        return self._rows[row]

    def names_by_id(self) -> dict[str, str]:
        """The display names of the rows fetched so far (for File → Recent cases)."""
        return {summary.case_id: summary.display_name for summary in self._rows}

    def row_of(self, case_id: str) -> int:
        """The row showing case_id among the fetched rows, or -1."""
        for row, summary in enumerate(self._rows):
            if summary.case_id == case_id:
                return row
        return -1

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    def _apply_first_page(self, generation: int, result: tuple[int, list[CaseSummary]]) -> None:
        if generation != self._generation:
            return  # a newer query was started meanwhile
        total, rows = result
        self._preview = False
        if list(rows) == self._rows:
            # The same rows (e.g. the preview confirmed): no reset, so the view keeps its
            # scroll position, selection and current row.
            self._total = max(total, len(self._rows))
        else:
            self.beginResetModel()
            self._rows = list(rows)
            self._total = max(total, len(self._rows))
            self.endResetModel()
        self._set_loading(False)
        self.query_applied.emit()

    def _apply_page(self, generation: int, offset: int, rows: list[CaseSummary]) -> None:
        if generation != self._generation:
            return  # reload() already cleared the fetching flag for the new query
        if offset != len(self._rows) or not rows:
            if not rows:
                self._total = len(self._rows)  # the table shrank since it was counted
            self._fetching = False
            return
        first = len(self._rows)
        # Still "fetching" while rows go in, so a view reacting to the insert cannot
        # start a second fetch for the same offset.
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self._total = max(self._total, len(self._rows))
        self.endInsertRows()
        self._fetching = False
        self.page_appended.emit(len(rows))

    def _apply_error(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self.clear_preview()
        self._set_loading(False)
        self.load_failed.emit(str(error) or type(error).__name__)

    # --- QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self._columns_shown else len(COLUMNS)

    def canFetchMore(self, parent: AnyIndex) -> bool:
        if parent.isValid() or self._source is None:
            return False
        return not self._fetching and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex) -> None:
        if not self.canFetchMore(parent):
            return
        source = self._source
        assert source is not None
        self._fetching = True
        generation, query, offset = self._generation, self._query, len(self._rows)
        self._runner.run(
            lambda: source.list_cases(
                search=query.search,
                status=query.status,
                sort=query.sort,
                descending=query.descending,
                offset=offset,
                limit=self.page_size,
            ),
            lambda rows: self._apply_page(generation, offset, rows),
            lambda error: self._apply_error(generation, error),
        )

    def data(self, index: AnyIndex, role: int = DISPLAY_ROLE) -> Any:
        if role not in ANSWERED_ROLES or not index.isValid():
            return None
        row = index.row()
        if row >= len(self._rows):
            return None
        summary = self._rows[row]
        column = index.column()
        if role in (DISPLAY_ROLE, ACCESSIBLE_TEXT_ROLE):
            return self._display(summary, column)
        if role == TOOLTIP_ROLE:
            if column == 0:
                return f"{visible_text(summary.display_name)}\nCase {visible_text(summary.case_id)}"
            return self._display(summary, column) or None
        return summary.case_id  # USER_ROLE

    @staticmethod
    def _display(summary: CaseSummary, column: int) -> str:
        if column == 0:
            # A name stored before the text rule is spelt out ('⟨U+202E⟩'), never obeyed.
            return visible_text(summary.display_name) or translate("CaseListModel", "(no name yet)")
        if column == 1:
            return format_a_number(summary.a_number)
        if column == 2:
            return summary.nationality or ""
        if column == 3:
            return summary.entry_date or ""
        if column == 4:
            return translate("CaseListModel", STATUS_LABELS.get(summary.status, summary.status))
        if column == 5:
            return format_updated(summary.updated_at)
        return ""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = DISPLAY_ROLE
    ) -> Any:
        Qt = QtCore.Qt
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return super().headerData(section, orientation, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return translate("CaseListModel", COLUMNS[section].title)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if self._flags is None:  # made once: combining Qt's flags costs Python calls each time
            item_flag = QtCore.Qt.ItemFlag
            self._flags = (
                item_flag.ItemIsEnabled
                | item_flag.ItemIsSelectable
                | item_flag.ItemNeverHasChildren,
                item_flag.NoItemFlags,
            )
        row_flags, no_flags = self._flags
        return row_flags if index.isValid() else no_flags

    def sort(self, column: int, order: Qt.SortOrder | None = None) -> None:
        """Sort in the database (all rows, not just those fetched); ascending by default."""
        if not 0 <= column < len(COLUMNS):
            return
        descending = order == QtCore.Qt.SortOrder.DescendingOrder
        query = self._query
        self.set_query(CaseQuery(query.search, query.status, COLUMNS[column].sort_key, descending))
