#!/usr/bin/env python3
"""Issue 6: launch to first frame, measured outside criterion (the binary needs a terminal).

Spawns the release binary in a 200x60 pseudo-terminal and times, from just before the spawn:
  first frame  - the first bytes of a drawn frame (the list pane's title " Users ")
  data frame   - the first frame that shows what was asked for (MARKER, a regex)
and reads the child's peak resident memory (VmHWM) at that moment. Median of RUNS runs.

  python3 benches/startup.py [RUNS] [MARKER] -- ./target/release/userscope [ARGS...]
e.g.
  python3 benches/startup.py 15 '@example' -- ./target/release/userscope
  python3 benches/startup.py 5 'credit_balance' -- ./target/release/userscope open FILE
"""

import fcntl
import os
import pty
import re
import select
import signal
import statistics
import struct
import sys
import termios
import time


def peak_rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def one_run(argv, marker):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        # The size is set on the child's side before exec, so its first read of it sees 200x60.
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 60, 200, 0, 0))
        os.execvp(argv[0], argv)
    seen = b""
    first = data = None
    peak = float("nan")
    deadline = start + 30
    while data is None and time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        seen += chunk
        now = time.perf_counter()
        if first is None and b" Users " in seen:
            first = now - start
        if first is not None and re.search(marker, seen):
            data = now - start
            peak = peak_rss_mb(pid)
    os.kill(pid, signal.SIGTERM)
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)
    return first, data, peak


def main():
    args = sys.argv[1:]
    split = args.index("--")
    options, argv = args[:split], args[split + 1:]
    runs = int(options[0]) if options else 15
    marker = (options[1] if len(options) > 1 else "@example").encode()
    results = [one_run(argv, marker) for _ in range(runs)]
    firsts = [r[0] * 1000 for r in results if r[0] is not None]
    datas = [r[1] * 1000 for r in results if r[1] is not None]
    peaks = [r[2] for r in results if r[1] is not None]
    print(f"{' '.join(argv)}  ({runs} runs, 200x60 pty)")
    if firsts:
        print(f"first frame: median {statistics.median(firsts):.1f} ms (min {min(firsts):.1f}, max {max(firsts):.1f})")
    if datas:
        print(f"frame showing {marker.decode()!r}: median {statistics.median(datas):.1f} ms (min {min(datas):.1f}, max {max(datas):.1f})")
        print(f"peak RSS by then: median {statistics.median(peaks):.0f} MB")
    if len(datas) < runs:
        print(f"{runs - len(datas)} run(s) never showed the marker within 30 s")


if __name__ == "__main__":
    main()
