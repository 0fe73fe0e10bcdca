"""Child processes the tests start: killed at the moment they signal."""

import signal
import subprocess
import time
from pathlib import Path


def kill_when_flagged(child: subprocess.Popen, flag: Path, timeout: float = 120) -> None:
    """SIGKILL `child` as soon as it has written `flag`; fail if it ends or times out first."""
    deadline = time.monotonic() + timeout
    while not flag.exists():
        assert child.poll() is None, "the child ended before reaching the commit"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
