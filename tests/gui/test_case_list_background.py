"""BackgroundRunner (the case list's way off the GUI thread): results, errors, cancel, progress."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from desktop.ui.background import BackgroundRunner, Task, TaskCancelled

pytestmark = pytest.mark.gui


@pytest.fixture
def runner(qtbot) -> Iterator[BackgroundRunner]:
    background = BackgroundRunner()
    yield background
    background.wait_for_done()


def test_work_runs_off_the_gui_thread_and_the_callback_on_it(
    qtbot, runner: BackgroundRunner
) -> None:
    seen: dict[str, object] = {}

    def work() -> str:
        seen["worker"] = threading.current_thread()
        return "result"

    def done(result: str) -> None:
        seen["callback"] = threading.current_thread()
        seen["result"] = result

    with qtbot.waitSignal(runner.task_finished, timeout=5_000):
        runner.run(work, done)
    assert seen["result"] == "result"
    assert seen["worker"] is not threading.main_thread()
    assert seen["callback"] is threading.main_thread()
    assert runner.pending_count() == 0


def test_an_exception_reaches_on_error(qtbot, runner: BackgroundRunner) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        raise ValueError("bad input")

    with qtbot.waitSignal(runner.task_finished, timeout=5_000):
        runner.run(work, lambda _r: pytest.fail("no result expected"), errors.append)
    assert len(errors) == 1 and isinstance(errors[0], ValueError)
    assert str(errors[0]) == "bad input"


def test_cancel_stops_the_work_and_reports_cancelled(qtbot, runner: BackgroundRunner) -> None:
    started, release = threading.Event(), threading.Event()
    steps: list[int] = []
    errors: list[BaseException] = []
    progress: list[tuple[int, int]] = []

    def work(task: Task) -> str:
        for step in range(1, 4):
            if step == 2:
                started.set()
                assert release.wait(5)
            task.check_cancelled()
            steps.append(step)
            task.report_progress(step, 3)
        return "finished"

    task = runner.run_task(work, lambda _r: pytest.fail("cancelled"), errors.append,
                           lambda done, total: progress.append((done, total)))
    qtbot.waitUntil(started.is_set)
    task.cancel()
    release.set()
    qtbot.waitSignal(runner.task_finished, timeout=5_000).wait()
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], TaskCancelled)
    assert steps == [1]
    assert progress == [(1, 3)]
