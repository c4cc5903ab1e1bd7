#!/usr/bin/env python3
"""Runs desk, jq and Miller side by side and writes bench/RESULTS.md.

Each case runs every tool several times, alternating tools within a round so that machine noise
falls on all of them alike; reported: median wall time, MB/s of input, peak RSS (from wait4's
rusage of that run), and the ratio of each peer to desk. The peers' report numbers are checked to
agree with desk's before any time is reported.
"""
import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GEN = os.path.join(ROOT, "..", "shared", "bench", "gen_tickets.py")
DATA = os.path.join(HERE, "data")
# desk's full monthly-report pipeline over the generator's whole year (UTC bounds, as the peers
# count months in UTC); its JSON carries a `bench` section with the peers' figures.
REPORT_ARGS = "report --bench --from 2026-01-01T00:00:00Z --to 2027-01-01T00:00:00Z --by month --by priority --format json --now 2027-01-01T00:00:00Z"


def ensure_data(quick):
    os.makedirs(DATA, exist_ok=True)
    small = os.path.join(DATA, "tickets_100k.ndjson")
    big = os.path.join(DATA, "tickets_1m.ndjson")
    if quick:
        if not os.path.exists(small):
            subprocess.run([sys.executable, GEN, "-n", "100000", "--seed", "42", "-o", small], check=True)
        return [small]
    if not (os.path.exists(big) and os.path.exists(small)):
        subprocess.run([sys.executable, GEN, "-n", "1000000", "--seed", "42", "-o", big,
                        "--sample-every", "10", "--sample-out", small], check=True)
    return [small, big]


def run_once(cmd):
    """Runs a shell command with stdout to /dev/null; returns (seconds, peak RSS in KiB).

    Peak RSS comes from GNU time around `sh -c`, not from wait4 on a child forked from this
    Python process: such a child's ru_maxrss starts at Python's own size (~16 MiB), which hid
    the real figure of small tools.
    """
    rss_file = os.path.join(DATA, ".rss")
    start = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss_file, "sh", "-c", cmd],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        raise SystemExit(f"bench: command failed ({p.returncode}): {cmd}\n{p.stderr.decode(errors='replace')}")
    with open(rss_file) as f:
        rss = int(f.read().split()[-1])
    return elapsed, rss


def measure(tools, runs):
    """tools: list of (name, cmd). Alternates tools per round. Returns {name: (median s, peak KiB)}."""
    times = {n: [] for n, _ in tools}
    rss = {n: 0 for n, _ in tools}
    for _ in range(runs):
        for name, cmd in tools:
            t, r = run_once(cmd)
            times[name].append(t)
            rss[name] = max(rss[name], r)
    return {n: (statistics.median(times[n]), rss[n]) for n, _ in tools}


def output(cmd):
    return subprocess.run(cmd, shell=True, check=True, capture_output=True).stdout


def check_report_agreement(desk, path):
    """The three report implementations must give the same figures before we time them."""
    jq = json.loads(output(f"jq -n -c -f {HERE}/peers/report.jq {path}"))
    mlr = json.loads(output(f"mlr --ijsonl --ojson put -q -f {HERE}/peers/report.mlr {path}"))
    if isinstance(mlr, list):
        mlr = mlr[0]
    mine = json.loads(output(f"{desk} {REPORT_ARGS} {path}"))["bench"]
    for name, other in (("jq", jq), ("mlr", mlr)):
        for key in jq:
            a, b = mine.get(key), other.get(key)
            if isinstance(a, float) or isinstance(b, float):
                ok = a is not None and b is not None and abs(float(a) - float(b)) < 0.011
            elif isinstance(a, dict):
                ok = {k: round(float(v), 2) for k, v in a.items()} == {k: round(float(v), 2) for k, v in (b or {}).items()}
            else:
                ok = a == b
            if not ok:
                raise SystemExit(f"bench: desk and {name} disagree on {key}: {a!r} vs {b!r}")


def fmt_rate(size, seconds):
    return f"{size / seconds / 1e6:.0f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--desk", required=True)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", default=os.path.join(HERE, "RESULTS.md"))
    args = ap.parse_args()
    desk = os.path.abspath(args.desk)
    files = ensure_data(args.quick)
    rows = []
    mem = []
    for path in files:
        size = os.path.getsize(path)
        label = os.path.basename(path)
        check_report_agreement(desk, path)
        cases = [
            # desk reads a large file on every core (DESK_THREADS); its one-thread time is
            # shown too, since jq and Miller use one core for this work.
            ("report", [("desk", f"{desk} {REPORT_ARGS} {path}"),
                        ("desk, 1 thread", f"DESK_THREADS=1 {desk} {REPORT_ARGS} {path}"),
                        ("jq", f"jq -n -c -f {HERE}/peers/report.jq {path}"),
                        ("mlr", f"mlr --ijsonl --ojson put -q -f {HERE}/peers/report.mlr {path}")]),
            ("pass-through", [("desk", f"{desk} show {path}"),
                              ("jq", f"jq -c . {path}"),
                              ("mlr", f"mlr --ijsonl --ojsonl cat {path}")]),
            ("classify", [("desk", f"{desk} classify --now 2026-12-31T00:00:00Z {path}")]),
            ("floor", [("wc -l", f"wc -l {path}"), ("cat", f"cat {path}")]),
        ]
        for case, tools in cases:
            runs = args.runs if case != "report" or "1m" not in label else max(3, args.runs // 2)
            # jq and Miller take about a minute per run on the 1M file: fewer runs there.
            if "1m" in label and case in ("report", "pass-through"):
                runs = 3
            res = measure(tools, runs)
            base = res[tools[0][0]][0]
            for name, _ in tools:
                t, r = res[name]
                ratio = "1.0x" if name == tools[0][0] else f"{t / base:.1f}x"
                rows.append((label, case, name, f"{t:.3f}", fmt_rate(size, t), f"{r / 1024:.0f}", ratio))
            if case == "classify":
                lines = sum(1 for _ in open(path, "rb"))
                rows.append((label, case, "desk tickets/s", "", f"{lines / res['desk'][0]:,.0f}", "", ""))
            if case in ("report", "pass-through"):
                mem.append((label, case, res["desk"][1]))
    # Start-up: many runs of a trivial command each.
    start_rows = []
    for name, cmd in (("desk --version", f"{desk} --version"), ("jq --version", "jq --version")):
        samples = []
        for _ in range(5):
            t0 = time.perf_counter()
            for _ in range(100):
                subprocess.run(cmd.split(), stdout=subprocess.DEVNULL)
            samples.append((time.perf_counter() - t0) / 100)
        start_rows.append((name, statistics.median(samples)))
    with open(args.out, "w") as f:
        f.write(f"# desk benchmark\n\n{datetime.date.today()} on {platform.node()} "
                f"({os.cpu_count()} cores, {platform.machine()}, {platform.release()}); "
                f"command: `bench/run.sh{' --quick' if args.quick else ''}`; median of several runs, "
                f"tools alternated within each round.\n\n")
        f.write("| file | case | tool | median s | MB/s | peak RSS MiB | time vs desk |\n|---|---|---|---|---|---|---|\n")
        for r in rows:
            f.write("| " + " | ".join(r) + " |\n")
        f.write("\n| start-up | median ms |\n|---|---|\n")
        for name, t in start_rows:
            f.write(f"| `{name}` | {t * 1000:.2f} |\n")
        f.write(f"\nstart-up ratio desk/jq: {start_rows[0][1] / start_rows[1][1]:.2f}x\n")
        if len(mem) >= 4:
            f.write("\n| desk peak RSS | 100k MiB | 1M MiB | growth |\n|---|---|---|---|\n")
            for case in ("report", "pass-through"):
                a = [m for m in mem if m[1] == case]
                f.write(f"| {case} | {a[0][2] / 1024:.1f} | {a[1][2] / 1024:.1f} | {a[1][2] / a[0][2]:.2f}x |\n")
    print(open(args.out).read())


if __name__ == "__main__":
    main()
