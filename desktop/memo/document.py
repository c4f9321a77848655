"""The page: frame, running header, footer with page X of Y and provenance, DRAFT watermark."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import inch
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

from desktop.memo.fonts import FAMILIES, LATIN, markup, needs_shaping
from desktop.memo.styles import MUTED, RULE_LINE, memo_styles, shaped
from desktop.resources import resource_path

# Compressed page streams stay binary: ReportLab's ASCII85 wrapper runs in pure Python (without
# the optional rl_accel extension) and was a tenth of the render time, for no use in a PDF file.
rl_config.useA85 = 0

PAGE_WIDTH, PAGE_HEIGHT = LETTER
MARGIN = 0.75 * inch
FOOTER_HEIGHT = 0.55 * inch
HEADER_HEIGHT = 0.3 * inch
WATERMARK_TEXT = "DRAFT"
WATERMARK_FONT = "DejaVuSans-Bold.ttf"
WATERMARK_PX = 220  # rendered large, drawn at WATERMARK_WIDTH: sharp when printed
WATERMARK_WIDTH = 5.6 * inch
WATERMARK_FORM = "draftWatermark"


@dataclass(frozen=True)
class PageDecor:
    """What is drawn around the story on every page."""

    running_title: str
    footer_lines: tuple[str, ...]
    draft: bool
    page_words: str = "Page {number} of {total}"


@cache
def _watermark_image() -> ImageReader:
    """DRAFT, grey on transparent, as a picture: drawn as text its letters would be read into
    the memo's text (by pypdf, pdftotext, screen readers) between the words of the page."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(resource_path("fonts", WATERMARK_FONT)), WATERMARK_PX)
    left, top, right, bottom = font.getbbox(WATERMARK_TEXT)
    text = Image.new("LA", (int(right - left) + 8, int(bottom - top) + 8), (0, 0))
    ImageDraw.Draw(text).text((4 - left, 4 - top), WATERMARK_TEXT, font=font, fill=(209, 255))
    return ImageReader(text.rotate(45, expand=True, resample=Image.Resampling.BICUBIC))


def _draw_watermark(canvas: Canvas) -> None:
    # Drawn once into a form the pages share: the picture is read and stored once per memo.
    if not canvas.hasForm(WATERMARK_FORM):
        image = _watermark_image()
        pixels_wide, pixels_high = image.getSize()
        width = WATERMARK_WIDTH
        height = width * pixels_high / pixels_wide
        canvas.beginForm(WATERMARK_FORM)
        canvas.drawImage(image, (PAGE_WIDTH - width) / 2, (PAGE_HEIGHT - height) / 2, width,
                         height, mask="auto")
        canvas.endForm()
    canvas.doForm(WATERMARK_FORM)


def _draw_running_header(canvas: Canvas, decor: PageDecor) -> None:
    canvas.saveState()
    y = PAGE_HEIGHT - MARGIN + 8
    style = memo_styles().small
    if needs_shaping(decor.running_title):
        style = shaped(style)
    # a Paragraph, not drawString: the title may hold a case reference in any script
    header = Paragraph(markup(decor.running_title), style)
    header.wrapOn(canvas, PAGE_WIDTH - 2 * MARGIN, HEADER_HEIGHT)
    header.drawOn(canvas, MARGIN, y - 1)
    canvas.setStrokeColor(RULE_LINE)
    canvas.setLineWidth(0.4)
    canvas.line(MARGIN, y - 4, PAGE_WIDTH - MARGIN, y - 4)
    canvas.restoreState()


class MemoCanvas(Canvas):  # type: ignore[misc]  # ReportLab ships no type hints
    """A canvas that holds pages back until the end, so each footer can say 'Page X of Y'."""

    decor: PageDecor
    created_at: datetime

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._saved_pages: list[dict[str, Any]] = []
        stamp = self._doc._timeStamp
        moment = self.created_at.astimezone(UTC)
        # invariant mode pins the PDF dates to 2000-01-01; record the memo's own time instead
        stamp.t = moment.timestamp()
        stamp.lt = time.gmtime(stamp.t)
        stamp.YMDhms = tuple(stamp.lt)[:6]

    def showPage(self) -> None:
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved_pages)
        for number, page in enumerate(self._saved_pages, start=1):
            self.__dict__.update(page)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        self.saveState()
        self.setStrokeColor(RULE_LINE)
        self.setLineWidth(0.4)
        top = MARGIN - 6
        self.line(MARGIN, top, PAGE_WIDTH - MARGIN, top)
        self.setFillColor(MUTED)
        self.setFont(FAMILIES[LATIN].regular, 7)
        for line_number, line in enumerate(self.decor.footer_lines):
            self.drawString(MARGIN, top - 10 - 8.5 * line_number, line)
        self.setFont(FAMILIES[LATIN].bold, 8)
        page = self.decor.page_words.format(number=number, total=total)
        self.drawRightString(PAGE_WIDTH - MARGIN, top - 10, page)
        self.restoreState()


def canvas_maker(decor: PageDecor, created_at: datetime) -> type[MemoCanvas]:
    """A MemoCanvas class bound to this memo's footer text and creation time."""
    return type("BoundMemoCanvas", (MemoCanvas,), {"decor": decor, "created_at": created_at})


def build_document(buffer: Any, story: list[Any], decor: PageDecor, *, created_at: datetime,
                   title: str, subject: str, author: str, keywords: str,
                   lang: str = "en-US") -> None:
    """Lay the story out on US Letter pages and write the PDF into buffer."""
    document = BaseDocTemplate(
        buffer, pagesize=LETTER, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_HEIGHT, bottomMargin=MARGIN + FOOTER_HEIGHT - 0.4 * inch,
        title=title, subject=subject, author=author, creator=author, producer=author,
        keywords=keywords, lang=lang, invariant=1,
        # no Helvetica in the file at all: every glyph comes from an embedded font
        initialFontName=FAMILIES[LATIN].regular,
    )
    frame = Frame(document.leftMargin, document.bottomMargin, document.width, document.height,
                  id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    def decorate(canvas: Canvas, _document: BaseDocTemplate) -> None:
        if decor.draft:
            _draw_watermark(canvas)
        _draw_running_header(canvas, decor)  # case reference and A-number on every page

    document.addPageTemplates([PageTemplate(id="memo", frames=[frame], onPage=decorate)])
    document.build(story, canvasmaker=canvas_maker(decor, created_at))
