#!/usr/bin/env python3
"""Partial reports at scale: writes bench/PARTIAL.md.

Measures, on the benchmark's generated files (bench/data, made by bench.py's ensure_data):
- the size of a partial (bytes) at 100k and 1M tickets, for the benchmark's whole-year report and
  for a monthly report by owner: it should follow the distinct durations and groups, not the tickets;
- `report --partial` against the plain report on the 1M file (median wall time, tools alternated);
- the merge of 64 partials (the 1M file cut by `split -n l/64`), rendered and as a partial, and
  that the merged report equals the single pass byte for byte.
Usage: bench/partial.py --desk .build/release/desk [--runs N]
"""
import argparse
import base64
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import DATA, REPORT_ARGS, ensure_data, output  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
POLICY = os.path.join(os.path.dirname(HERE), "Examples", "policy-cn-2026.json")
YEAR = REPORT_ARGS.replace(" --format json", "") + f" --policy {POLICY}"
MONTH = f"report --month 2026-11 --by owner --now 2027-01-01T00:00:00Z --policy {POLICY}"


def run_once(cmd):
    """(wall s, user+sys CPU s, peak RSS KiB) of a shell command, from GNU time."""
    stats = os.path.join(DATA, ".partial-time")
    p = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", stats, "sh", "-c", cmd],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if p.returncode != 0:
        raise SystemExit(f"bench: command failed ({p.returncode}): {cmd}\n{p.stderr.decode(errors='replace')}")
    with open(stats) as f:
        e, u, s, m = f.read().split()[-4:]
    return float(e), float(u) + float(s), int(m)


def measure(tools, runs):
    """Alternates the tools each round; {name: (median wall, median CPU, peak RSS KiB)}."""
    got = {n: [] for n, _ in tools}
    for _ in range(runs):
        for name, cmd in tools:
            got[name].append(run_once(cmd))
    return {n: (statistics.median(x[0] for x in v), statistics.median(x[1] for x in v), max(x[2] for x in v))
            for n, v in got.items()}


def distinct_durations(partial):
    """Distinct values summed over every duration multiset of a partial (the runs' entries)."""
    total = 0

    def walk(v):
        nonlocal total
        if isinstance(v, dict):
            if set(v) == {"n", "run"}:
                b = base64.b64decode(v["run"])
                i = 0
                while i < len(b):  # one entry: token (flag in bit 0, more in bit 7), then a count when flagged
                    first = b[i]
                    i += 1
                    more = first & 0x80
                    while more:
                        more = b[i] & 0x80
                        i += 1
                    if first & 1:
                        while b[i] & 0x80:
                            i += 1
                        i += 1
                    total += 1
            else:
                for x in v.values():
                    walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(json.loads(partial))
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--desk", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", default=os.path.join(HERE, "PARTIAL.md"))
    a = ap.parse_args()
    desk = os.path.abspath(a.desk)
    small, big = ensure_data(False)
    load = os.getloadavg()[0]
    lines = [f"{datetime.date.today()} on {platform.node()} ({os.cpu_count()} cores, {platform.machine()}, load average {load:.1f} at the start); "
             f"command: `bench/partial.py --desk {a.desk} --runs {a.runs}`; median of {a.runs} runs, tools alternated.", ""]

    lines += ["| partial of | tickets | bytes | distinct durations | bytes per distinct duration | bytes per ticket |",
              "|---|---|---|---|---|---|"]
    for name, args in [("whole year, --by month --by priority", YEAR), ("--month 2026-11 --by owner", MONTH)]:
        for label, path in (("100k", small), ("1M", big)):
            partial = output(f"{desk} {args} --partial {path}")
            d = distinct_durations(partial)
            lines.append(f"| {name} | {label} | {len(partial):,} | {d:,} | {len(partial) / d:.2f} | {len(partial) / (100_000 if label == '100k' else 1_000_000):.3f} |")
    lines.append("")

    r = measure([("report", f"{desk} {YEAR} --format json {big} > /dev/null"),
                 ("report --partial", f"{desk} {YEAR} --partial {big} > /dev/null")], a.runs)
    plain, part = r["report"], r["report --partial"]
    lines += ["| 1M tickets, whole year | median wall s | median CPU s (user+sys) | peak RSS MiB |", "|---|---|---|---|",
              f"| report --format json | {plain[0]:.3f} | {plain[1]:.3f} | {plain[2] / 1024:.1f} |",
              f"| report --partial | {part[0]:.3f} | {part[1]:.3f} | {part[2] / 1024:.1f} |",
              "", f"--partial / plain: wall {part[0] / plain[0]:.3f}, CPU {part[1] / plain[1]:.3f} (target: within 10%)", ""]

    with tempfile.TemporaryDirectory(dir=DATA) as work:
        subprocess.run(["split", "-n", "l/64", "-d", "-a", "2", big, os.path.join(work, "part.")], check=True)
        parts = sorted(os.path.join(work, f) for f in os.listdir(work))
        # DESK_THREADS=1: two parts at once on two cores, as xargs -P 2 would run them.
        make = (f"ls {work}/part.?? | DESK_THREADS=1 xargs -P 2 -I{{}} sh -c '{desk} {YEAR} --partial {{}} > {{}}.partial'")
        t_make = run_once(make)[0]
        partials = f"{work}/part.??.partial"
        total = sum(os.path.getsize(p + ".partial") for p in parts)
        m = measure([("merge", f"{desk} report --merge --policy {POLICY} --format json {partials} > /dev/null"),
                     ("merge --partial", f"{desk} report --merge --partial --policy {POLICY} {partials} > /dev/null")], a.runs)
        merged = output(f"{desk} report --merge --policy {POLICY} --format json {partials}")
        single = output(f"{desk} {YEAR} --format json {big}")
        same = "byte-identical" if merged == single else "DIFFERENT"
        lines += ["| 64 partials of the 1M file (split -n l/64) | s |", "|---|---|",
                  f"| 64 × `report --partial`, two at a time (DESK_THREADS=1, xargs -P 2) | {t_make:.2f} |",
                  f"| `report --merge --format json` of the 64 ({total:,} B in all) | {m['merge'][0]:.3f} (CPU {m['merge'][1]:.3f}) |",
                  f"| `report --merge --partial` of the 64 | {m['merge --partial'][0]:.3f} (CPU {m['merge --partial'][1]:.3f}) |",
                  "", f"merged report vs single pass: {same}", ""]
    with open(a.out, "w") as f:
        f.write("# Partial reports: size, throughput, merge\n\n" + "\n".join(lines))
    print(open(a.out).read())


if __name__ == "__main__":
    main()
