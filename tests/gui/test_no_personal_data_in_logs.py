"""After a window and a CLI session on a case, the log holds its id but no name, A-number or DOB."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from desktop.app import launch, setup_logging
from desktop.cli import main
from desktop.paths import resolve_database_url, resolve_paths
from tests.db.conftest import make_case

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

NAME, GIVEN, A_NUMBER, BORN = "Ramírez Cruz", "Ana Lucía", "A-212-345-678", "1994-03"


def test_the_log_carries_case_ids_only(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    paths = resolve_paths(tmp_path / "data")
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(make_case(NAME, GIVEN, A_NUMBER, case_id="LOG-1")), "utf-8")
    handler = setup_logging(paths)
    try:
        assert main(["--data-dir", str(paths.data_dir), "import", str(case_file)]) == 0
        case_id = capsys.readouterr().out.splitlines()[-1].split()[0]
        launched = launch(paths, resolve_database_url(paths), str(case_file))
        qtbot.addWidget(launched.window)
        qtbot.waitUntil(lambda: launched.window.current_case_page() is not None, timeout=20_000)
        # A failure whose message quotes the applicant: the log keeps where, not what.
        def leaky() -> None:
            raise ValueError(f"{NAME} {A_NUMBER} born {BORN} is not valid")

        launched.window.runner.run(leaky)  # no error callback: the runner logs it
        log_file = paths.log_dir / "waypoint.log"
        qtbot.waitUntil(lambda: "ValueError" in log_file.read_text("utf-8"), timeout=10_000)
        lock = launched.opener.lock
        lock.lock()
        launched.window.close()
        launched.shutdown()
        assert main(["--data-dir", str(paths.data_dir), "list", "--search", "ramirez"]) == 0
        assert main(["--data-dir", str(paths.data_dir), "export", case_id, "-o",
                     str(tmp_path / "out.json")]) == 0
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    text = (paths.log_dir / "waypoint.log").read_text("utf-8")
    assert f"case {case_id}" in text and "Locked" in text and "ValueError" in text, text
    for secret in (NAME, "Ramírez", GIVEN, "Ramirez", A_NUMBER, "212345678", "212-345-678", BORN):
        assert secret not in text, secret
