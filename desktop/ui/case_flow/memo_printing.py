"""Prints memo PDF bytes: each page rendered by QtPdf at 300 dpi, in a worker thread.

Printing goes from memory to the printer. A "Print to File" chosen in the print dialog is a
save, not a print (file_destination): the memo's own PDF is written owner-only, as Save does.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEventLoop, QIODevice, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from desktop.ui.background import Task
from desktop.ui.i18n import translate

_UNSAFE = re.compile(r'[^0-9A-Za-z_.-]+')
PRINT_DPI = 300  # QPrinter's HighResolution (1200 dpi) takes ~18x longer for no visible gain
LOAD_TIMEOUT_MS = 30_000


def read_pdf(pdf_bytes: bytes) -> tuple[QPdfDocument, QBuffer]:
    """The memo as a QtPdf document read from memory: the memo never touches the disk
    unencrypted, not even as a temporary file. Keep the buffer while the document is used."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf_bytes))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() is QPdfDocument.Status.Loading:  # done at once today; else wait
        waiting = QEventLoop()
        document.statusChanged.connect(waiting.quit)
        QTimer.singleShot(LOAD_TIMEOUT_MS, waiting.quit)
        waiting.exec()
    if document.status() is not QPdfDocument.Status.Ready:
        problem = document.error().name
        document.close()
        raise RuntimeError(translate(
                    "MemoPrinting",
                    "The memo could not be read for printing ({problem})").format(
                    problem=problem))
    return document, buffer


def print_pdf(task: Task, pdf_bytes: bytes, printer: QPrinter, dpi: int = PRINT_DPI) -> int:
    """Render every page onto the printer (run in a worker); return the pages printed.

    Checks for cancellation between pages (the printer job is aborted) and reports progress.
    """
    document, _buffer = read_pdf(pdf_bytes)
    try:
        pages = document.pageCount()
        printer.setResolution(dpi)
        painter = QPainter()
        if not painter.begin(printer):
            raise RuntimeError("The printer could not be started")
        try:
            for page in range(pages):
                task.check_cancelled()
                if page:
                    printer.newPage()
                points = document.pagePointSize(page)
                size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                image = document.render(page, size)
                target = printer.pageLayout().paintRectPixels(printer.resolution())
                scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(0, 0, scaled.width(), scaled.height()), image)
                task.report_progress(page + 1, pages)
        except BaseException:
            printer.abort()
            raise
        finally:
            painter.end()
    finally:
        document.close()
    return pages


def file_destination(printer: QPrinter) -> Path | None:
    """The file a print dialog's "Print to File" chose; None for a real printer."""
    if printer.outputFormat() is QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return Path(printer.outputFileName())
    return None


def neutral_document_name(what: str, case_id: str) -> str:
    """'Waypoint memo case-1f2e…': the name a print job, a suggested file and a Print-to-File
    default get. Never the applicant's name: a file name is seen by anyone who lists the
    folder, and the print queue by anyone on the printer."""
    label = _UNSAFE.sub("-", case_id).strip("-.")[:40] or "case"
    return f"Waypoint {what} {label}"
