"""BackgroundRunner: run a callable in a worker thread, get its result back on the GUI thread."""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

ResultCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]
ProgressCallback = Callable[[int, int], None]


class TaskCancelled(Exception):
    """Raised inside a worker by Task.check_cancelled() once the task was cancelled."""


class Task:
    """A handle on one piece of background work: cancel it, or report progress from inside it."""

    def __init__(self, task_id: int, runner: BackgroundRunner) -> None:
        self.task_id = task_id
        self.done = False
        self._runner = runner
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop; it ends with on_error(TaskCancelled)."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        """For the worker: raise TaskCancelled if cancel() was called."""
        if self._cancel.is_set():
            raise TaskCancelled()

    def report_progress(self, done: int, total: int) -> None:
        """For the worker: tell the GUI thread how far the work has got (thread-safe)."""
        self._runner._signals.progressed.emit(self.task_id, done, total)


class _Callbacks:
    # A plain class, not a dataclass: importing dataclasses costs start-up time.
    def __init__(
        self,
        task: Task,
        on_done: ResultCallback | None,
        on_error: ErrorCallback | None,
        on_progress: ProgressCallback | None,
    ) -> None:
        self.task = task
        self.on_done = on_done
        self.on_error = on_error
        self.on_progress = on_progress


class _RunnerSignals(QObject):
    # Emitted from worker threads; the runner lives on the GUI thread, so delivery is queued.
    succeeded = Signal(int, object)
    failed = Signal(int, object)
    progressed = Signal(int, int, int)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], task: Task, signals: _RunnerSignals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._task = task
        self._signals = signals

    def run(self) -> None:
        try:
            if self._task.cancelled:
                raise TaskCancelled()
            result = self._work()
        except BaseException as error:  # delivered to the GUI thread, never lost
            self._signals.failed.emit(self._task.task_id, error)
        else:
            self._signals.succeeded.emit(self._task.task_id, result)


class BackgroundRunner(QObject):
    """Runs work off the GUI thread; callbacks run on the GUI thread. Never calls processEvents().

    `run(work, on_done, on_error)` for a plain callable; `run_task(work, ...)` when the work
    takes the Task (to check for cancellation or report progress). Every task ends with
    exactly one callback; a cancelled task that finished anyway ends with on_error(TaskCancelled).
    """

    task_finished = Signal(int)  # after a task's callback ran (tests wait on this)

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Callbacks] = {}
        self._signals = _RunnerSignals(self)
        self._signals.succeeded.connect(self._deliver_result)
        self._signals.failed.connect(self._deliver_error)
        self._signals.progressed.connect(self._deliver_progress)

    def run(
        self,
        work: Callable[[], Any],
        on_done: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
    ) -> Task:
        """Run work() in the pool; on_done(result) or on_error(exception) on the GUI thread."""
        task = Task(next(self._ids), self)
        self._pending[task.task_id] = _Callbacks(task, on_done, on_error, None)
        self._pool.start(_Job(work, task, self._signals))
        return task

    def run_task(
        self,
        work: Callable[[Task], Any],
        on_done: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> Task:
        """Like run(), but work receives its Task (check_cancelled, report_progress)."""
        task = Task(next(self._ids), self)
        self._pending[task.task_id] = _Callbacks(task, on_done, on_error, on_progress)
        self._pool.start(_Job(lambda: work(task), task, self._signals))
        return task

    def pending_count(self) -> int:
        """How many tasks have not delivered their result yet."""
        return len(self._pending)

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until the worker threads are idle (for shutdown); True if they are."""
        return self._pool.waitForDone(msecs)

    @Slot(int, object)
    def _deliver_result(self, task_id: int, result: object) -> None:
        callbacks = self._pending.pop(task_id, None)
        if callbacks is None:
            return
        callbacks.task.done = True
        try:
            if callbacks.task.cancelled:
                if callbacks.on_error is not None:
                    callbacks.on_error(TaskCancelled())
            elif callbacks.on_done is not None:
                callbacks.on_done(result)
        finally:
            self.task_finished.emit(task_id)

    @Slot(int, object)
    def _deliver_error(self, task_id: int, error: object) -> None:
        callbacks = self._pending.pop(task_id, None)
        if callbacks is None:
            return
        callbacks.task.done = True
        try:
            assert isinstance(error, BaseException)
            if callbacks.on_error is not None:
                callbacks.on_error(error)
            elif not isinstance(error, TaskCancelled):
                log.error("Background task failed", exc_info=error)
        finally:
            self.task_finished.emit(task_id)

    @Slot(int, int, int)
    def _deliver_progress(self, task_id: int, done: int, total: int) -> None:
        callbacks = self._pending.get(task_id)
        if callbacks is not None and callbacks.on_progress is not None:
            callbacks.on_progress(done, total)
