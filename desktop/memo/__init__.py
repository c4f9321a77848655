"""The determination memo: a case and its determination rendered as a PDF with ReportLab."""

from desktop.memo.render import render_memo

__all__ = ["render_memo"]
