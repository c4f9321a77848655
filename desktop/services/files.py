"""Files the user saves from the window (memos, interview sheets): owner-only and atomic.

The same writer as the CLI's: the bytes go to `<name>.part` beside the target and are renamed
over it, so a failed save (a full disk) leaves an earlier copy as it was and no half file.
"""

from __future__ import annotations

from db.private_files import replace_private_bytes

__all__ = ["replace_private_bytes"]
