#!/usr/bin/env python3
"""show's filters against an unfiltered show on the same file, written to bench/FILTERS.md.

Targets (issue 13): a filtered show within 1.2x of the unfiltered one (both stream, byte for
byte), a --text search within 2x. Uses bench.py's runner (median wall time, tools alternated
within each round, peak RSS from GNU time) and its generated data (1M tickets unless --quick).
Usage: bench/run-filters.sh [--quick] [--runs N]
"""
import argparse
import datetime
import os
import platform
import statistics
import subprocess

from bench import HERE, ensure_data, measure, fmt_rate

CASES = [
    ("unfiltered", "show {f}"),
    ("--owner --channel", "show --owner agent.29 --channel chat {f}"),
    ("--status --tier --category", "show --status open --status in_progress --tier tier2 --category bug {f}"),
    ("--category --assignee (OR)", "show --category network --assignee agent.06 --assignee agent.07 {f}"),
    ("--tag", "show --tag vpn {f}"),
    ("--opened-since --updated-since", "show --opened-since 2026-11-01T00:00:00Z --updated-since 2026-11-15T00:00:00Z {f}"),
    ("--requester", "show --requester chen {f}"),
    ("--text (English)", "show --text vpn {f}"),
    ("--text (Chinese)", "show --text 打印 {f}"),
    ("--text (two, OR)", "show --text printer --text 打印机 {f}"),
]


def cpu_seconds(cmd, runs):
    """Median user+system CPU seconds of `sh -c cmd` (and what it waited for), from wait4: on a
    loaded machine CPU time is the fairer figure for work done."""
    samples = []
    for _ in range(runs):
        p = subprocess.Popen(["sh", "-c", cmd], stdout=subprocess.DEVNULL)
        _, _, ru = os.wait4(p.pid, 0)
        samples.append(ru.ru_utime + ru.ru_stime)
    return statistics.median(samples)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--desk", required=True)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", default=os.path.join(HERE, "FILTERS.md"))
    args = ap.parse_args()
    # The 100k file with --quick, else the 1M one (ensure_data returns the files and the 3M path).
    path = ensure_data(args.quick)[0][-1]
    size = os.path.getsize(path)
    tools = [(name, f"{args.desk} " + cmd.format(f=path) + " > /dev/null") for name, cmd in CASES]
    res = measure(tools, args.runs)
    base = res["unfiltered"][0]
    cpu = {name: cpu_seconds(cmd, args.runs) for name, cmd in tools}
    with open(args.out, "w") as f:
        f.write(f"# show filters\n\n{datetime.date.today()} on {platform.node()} ({os.cpu_count()} cores, "
                f"{platform.machine()}); file {os.path.basename(path)} ({size / 1e6:.0f} MB); command: "
                f"`bench/run-filters.sh{' --quick' if args.quick else ''}`; median of {args.runs} runs, cases "
                f"alternated within each round. Target: filters <= 1.2x unfiltered, --text <= 2x.\n\n")
        f.write("| case | command | median s | MB/s | peak RSS MiB | vs unfiltered | CPU s | CPU vs unfiltered |\n"
                "|---|---|---|---|---|---|---|---|\n")
        for name, cmd in CASES:
            t, rss = res[name]
            f.write(f"| {name} | `desk {cmd.format(f='FILE')}` | {t:.3f} | {fmt_rate(size, t)} | {rss / 1024:.1f} | "
                    f"{t / base:.2f}x | {cpu[name]:.2f} | {cpu[name] / cpu['unfiltered']:.2f}x |\n")
    print(open(args.out).read())


if __name__ == "__main__":
    main()
