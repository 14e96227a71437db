# Looks for the runner's sentinel process by scanning /proc/*/cmdline, and would send it
# SIGTERM. Only that process is ever targeted.
import os
import signal


def solve():
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmdline = f.read()
        except OSError:
            continue
        if b"pyjudge-hostile-sentinel" in cmdline:
            os.kill(int(entry), signal.SIGTERM)
            return 1
    return 0
