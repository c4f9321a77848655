"""Files the user saves from the window, created readable by their owner only."""

from __future__ import annotations

from db.private_files import write_private_bytes

__all__ = ["write_private_bytes"]
