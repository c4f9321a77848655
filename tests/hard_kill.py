"""Killing a process with no chance to clean up, on POSIX and Windows alike.

POSIX: SIGKILL, and the return code is minus the signal. Windows has no SIGKILL: os.kill
with any other signal calls TerminateProcess with that number as the exit code, and
Popen.kill() calls it with exit code 1. Either way the process gets no chance to run
a finally block, an atexit hook or SQLite's cleanup: the crash these tests need.
"""

from __future__ import annotations

import os
import signal

# The statement a child script runs to kill itself (its source needs `import os, signal`).
KILL_MYSELF = 'os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))'

# The return code of a child that ran KILL_MYSELF, and of one stopped by Popen.kill().
KILLED_ITSELF = -signal.SIGKILL if os.name == "posix" else int(signal.SIGTERM)
KILLED_BY_POPEN = -signal.SIGKILL if os.name == "posix" else 1
