"""ReviewCommentBanner: a supervisor's comments on the step the caseworker has open."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.services.review import Comment
from desktop.ui.i18n import translate


class ReviewCommentBanner(QWidget):
    """Hidden when the step has no comment; a step page (or the case page) hosts it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewCommentBanner")
        self.setAccessibleName(translate("ReviewBanner", "Review comments on this step"))
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(self.label.textFormat().PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.label)
        self.setStyleSheet("#reviewCommentBanner { background: #fff4d6; }")
        self.hide()

    def show_comments(self, comments: Sequence[Comment],
                      name_of: Callable[[str], str] = str) -> None:
        """The comments of one step, newest last; none hides the banner."""
        if not comments:
            self.label.clear()
            self.hide()
            return
        lines = [translate(
                    "ReviewBanner",
                    "Returned by {name_of} on {isoformat}: {body}").format(
                    name_of=name_of(c.author), isoformat=c.at.date().isoformat(), body=c.body)
                 for c in comments]
        self.label.setText("\n".join(lines))
        self.show()
