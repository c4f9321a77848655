"""The rule pack one window or one command evaluates with: a value its composition root holds.

There is no module-wide "active pack": the window (desktop/app.py) and each CLI command
resolve the data folder's active pack once through a RulesInUse and hand the pack to the
services (DecisionPath, ReviewService, impact). Activating or rolling back a pack through
it makes the next `pack()` the new one; two RulesInUse in one process are independent.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the engine is loaded at the first pack(), not at import (start-up)
    from desktop.engine import RulePack
    from desktop.services.rule_packs import PackInfo, PackStore


class RulesInUse:
    """The data folder's active pack, resolved once (lazily: parsing a pack takes ~0.1 s, so
    the window first asks from a worker) and again after `activate`/`rollback`."""

    def __init__(self, data_dir: Path | None) -> None:
        self.data_dir = data_dir
        self._pack: RulePack | None = None
        self._lock = threading.Lock()  # the window's workers may ask at the same time

    @property
    def store(self) -> PackStore | None:
        """The data folder's pack store (None: only the built-in pack)."""
        from desktop.services.rule_packs import store_of

        return store_of(self.data_dir)

    def pack(self) -> RulePack:
        """The pack evaluations use (resolved at the first call)."""
        from desktop.services.rule_packs import active_pack

        with self._lock:
            if self._pack is None:
                self._pack = active_pack(self.store)
            return self._pack

    def pinned(self, hash_or_prefix: str) -> RulePack:
        """A pack by hash (or unique prefix): `evaluate --rules`, a stored determination's."""
        from desktop.services.rule_packs import pack_by_hash

        return pack_by_hash(self.store, hash_or_prefix)

    def info(self) -> dict[str, str | None]:
        """Version, hash, law_known_through and signer of the pack in use (the status bar)."""
        from desktop.services.rule_packs import pack_info

        return pack_info(self.store)

    def reload(self) -> RulePack:
        """Resolve the store's active pack again (after it changed elsewhere)."""
        from desktop.services.rule_packs import active_pack

        with self._lock:
            self._pack = active_pack(self.store)
            return self._pack

    def activate(self, hash_or_prefix: str) -> PackInfo:
        """Make a known pack active in the store; the next evaluation uses it."""
        info = self._writable().activate(hash_or_prefix)
        self.reload()
        return info

    def rollback(self) -> PackInfo:
        """Go back to the previously active pack; the next evaluation uses it."""
        info = self._writable().rollback()
        self.reload()
        return info

    def _writable(self) -> PackStore:
        if self.store is None:
            from desktop.services.rule_pack_file import RulePackRefused

            raise RulePackRefused("no data folder: only the built-in rule pack is available")
        return self.store
