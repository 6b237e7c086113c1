"""Run the processes of one ``ramme serve`` side by side and stop them together."""

from __future__ import annotations

import signal
import subprocess
import time
from types import FrameType

POLL_SECONDS = 0.5
STOP_SECONDS = 30  # gunicorn's default graceful timeout


class _Stop(Exception):
    """SIGTERM (systemd stopping the service) arrived."""


def _raise_stop(signum: int, frame: FrameType | None) -> None:
    raise _Stop


def supervise(commands: list[list[str]]) -> int:
    """Start every command; when one ends, or on Ctrl+C / SIGTERM, stop the rest.

    Returns the exit code of the process that ended first (0 when told to stop).
    """
    previous = signal.signal(signal.SIGTERM, _raise_stop)
    processes = [subprocess.Popen(command) for command in commands]
    try:
        while True:
            for process in processes:
                if process.poll() is not None:
                    return process.returncode
            time.sleep(POLL_SECONDS)
    except (_Stop, KeyboardInterrupt):
        return 0
    finally:
        _stop_all(processes)
        signal.signal(signal.SIGTERM, previous)


def _stop_all(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
