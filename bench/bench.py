#!/usr/bin/env python3
"""Runs desk beside DuckDB, polars, jq and Miller and writes bench/RESULTS.md.

Each case runs every tool several times, alternating tools within a round so that machine noise
falls on all of them alike; reported: median wall time, MB/s of input, peak RSS (GNU time), and
the ratio of each tool's time to the first tool of the case. The peers' report numbers are
checked to agree with desk's before any time is reported. desk and the peers that can use
several threads are given the same number (--threads, default 2). The issue's targets are
checked at the end, each met or missed by how much.
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


SAMPLE = os.path.join(DATA, "tickets_100k.ndjson")


def ensure_data(quick):
    os.makedirs(DATA, exist_ok=True)
    small = os.path.join(DATA, "tickets_100k.ndjson")
    big = os.path.join(DATA, "tickets_1m.ndjson")
    huge = os.path.join(DATA, "tickets_3m.ndjson")
    if quick:
        if not os.path.exists(small):
            subprocess.run([sys.executable, GEN, "-n", "100000", "--seed", "42", "-o", small], check=True)
        return [small], None
    if not (os.path.exists(big) and os.path.exists(small)):
        subprocess.run([sys.executable, GEN, "-n", "1000000", "--seed", "42", "-o", big,
                        "--sample-every", "10", "--sample-out", small], check=True)
    return [small, big], huge


def ensure_huge(huge):
    """The 3M file, made when first needed (written under another name, then renamed); one
    still being written by another generator is waited for (its size must settle)."""
    if not os.path.exists(huge):
        subprocess.run([sys.executable, GEN, "-n", "3000000", "--seed", "42", "-o", huge + ".tmp"], check=True)
        os.rename(huge + ".tmp", huge)
    last = -1
    while os.path.getsize(huge) != last:
        last = os.path.getsize(huge)
        time.sleep(15)


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


def check_report_agreement(desk, path, peers, slow=True):
    """Every report implementation must give the same figures before we time them."""
    others = []
    if slow:
        jq = json.loads(output(f"jq -n -c -f {HERE}/peers/report.jq {path}"))
        mlr = json.loads(output(f"mlr --ijsonl --ojson put -q -f {HERE}/peers/report.mlr {path}"))
        if isinstance(mlr, list):
            mlr = mlr[0]
        others = [("jq", jq), ("mlr", mlr)]
    mine = json.loads(output(f"{desk} {REPORT_ARGS} {path}"))["bench"]
    others += [(name, json.loads(output(cmd))) for name, cmd in peers]
    for name, other in others:
        jq = other
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


def version(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip().splitlines()[0]
    except (IndexError, OSError):
        return "?"


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--desk", required=True)
    ap.add_argument("--python", default=sys.executable, help="the benchmark venv's python (duckdb, polars)")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", default=os.path.join(HERE, "RESULTS.md"))
    ap.add_argument("--fast-peers-only", action="store_true",
                    help="time only the 1M (and 3M) file and leave jq and Miller out of the timing there (they still must "
                         "agree on the 100k file); for a loaded machine, where they take many minutes a run")
    args = ap.parse_args()
    desk = os.path.abspath(args.desk)
    th = args.threads
    files, huge = ensure_data(args.quick)
    py = args.python
    duck = f"DESK_BENCH_THREADS={th} {py} {HERE}/peers/report_duckdb.py"
    polars = f"POLARS_MAX_THREADS={th} {py} {HERE}/peers/report_polars.py"
    now = "--now 2026-12-31T00:00:00Z"
    load_start = os.getloadavg()
    rows = []
    res_by = {}
    if args.fast_peers_only and len(files) > 1:
        check_report_agreement(desk, files[0], [("duckdb", f"{duck} {files[0]}"), ("polars", f"{polars} {files[0]}")])
        files = files[1:]
    for path in files:
        size = os.path.getsize(path)
        label = os.path.basename(path)
        big = "1m" in label
        check_report_agreement(desk, path, [("duckdb", f"{duck} {path}"), ("polars", f"{polars} {path}")],
                               slow=not args.fast_peers_only)
        cases = [
            # desk reads a large file on `th` threads, as DuckDB and polars do; its one-thread
            # time is shown too, since jq and Miller use one core for this work.
            ("report", [("desk", f"DESK_THREADS={th} {desk} {REPORT_ARGS} {path}"),
                        ("desk, 1 thread", f"DESK_THREADS=1 {desk} {REPORT_ARGS} {path}"),
                        ("duckdb", f"{duck} {path}"),
                        ("polars", f"{polars} {path}"),
                        ("jq", f"jq -n -c -f {HERE}/peers/report.jq {path}"),
                        ("mlr", f"mlr --ijsonl --ojson put -q -f {HERE}/peers/report.mlr {path}")]),
            ("pass-through", [("desk", f"{desk} show {path}"),
                              ("cat", f"cat {path}"),
                              ("jq", f"jq -c . {path}"),
                              ("mlr", f"mlr --ijsonl --ojsonl cat {path}")]),
            ("classify", [("desk", f"{desk} classify {now} {path}")]),
            # check exits 1 when it finds lint errors, which the generated tickets have.
            # On the 1M file also on its 100k sample: check's memory per distinct id is the growth
            # of its peak RSS from 100k to 1M ids (not a difference to another command, whose own
            # footprint moves with its features).
            ("check", [("desk", f"{desk} check {now} {path} || [ $? -eq 1 ]")]
             + ([("desk, 100k sample", f"{desk} check {now} {SAMPLE} || [ $? -eq 1 ]")] if big and os.path.exists(SAMPLE) else [])),
            ("survey --invite", [("desk", f"{desk} survey --invite {now} {path}")]),
            ("escalate --auto", [("desk", f"{desk} escalate --auto --dry-run {now} {path}")]),
            # The agent's worklist over the whole file, beside a plain validating read (target:
            # at most 2x `desk show`).
            ("queue", [("desk", f"{desk} queue {now} {path}"), ("desk show", f"{desk} show {path}")]),
            ("floor", [("wc -l", f"wc -l {path}"), ("cat", f"cat {path}")]),
        ]
        if args.fast_peers_only:
            cases = [(c, [t for t in ts if t[0] not in ("jq", "mlr")]) for c, ts in cases]
        for case, tools in cases:
            runs = 3 if big else args.runs
            if big and case == "check":
                runs = 1  # about 30 s a run
            # jq and Miller take about a minute per run on the 1M file: one run each there
            # (they are 15-35x slower; one run is enough to rank them).
            slow = [t for t in tools if t[0] in ("jq", "mlr")] if big else []
            fast = [t for t in tools if t not in slow]
            res = measure(fast, runs)
            if slow:
                res.update(measure(slow, 1))
            base = res[tools[0][0]][0]
            for name, _ in tools:
                t, r = res[name]
                ratio = "1.0x" if name == tools[0][0] else f"{t / base:.2f}x"
                rows.append((label, case, name, f"{t:.3f}", fmt_rate(size, t), f"{r / 1024:.0f}", ratio))
            if case == "classify":
                lines = sum(1 for _ in open(path, "rb"))
                rows.append((label, case, "desk tickets/s", "", f"{lines / res['desk'][0]:,.0f}", "", ""))
            res_by[(label, case)] = res
    if huge:
        # Only desk's report runs on 3M tickets (is its time linear, its memory flat?).
        ensure_huge(huge)
        size = os.path.getsize(huge)
        label = os.path.basename(huge)
        res = measure([("desk", f"DESK_THREADS={th} {desk} {REPORT_ARGS} {huge}")], 3)
        t, r = res["desk"]
        rows.append((label, "report", "desk", f"{t:.3f}", fmt_rate(size, t), f"{r / 1024:.0f}", "1.0x"))
        res_by[(label, "report")] = res
    load_end = os.getloadavg()
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
    versions = {
        "desk": version(f"{desk} --version"), "jq": version("jq --version"), "mlr": version("mlr --version"),
        "duckdb": version(f"{py} -c 'import duckdb; print(duckdb.__version__)'"),
        "polars": version(f"{py} -c 'import polars; print(polars.__version__)'"),
    }
    with open(args.out, "w") as f:
        f.write(f"# desk benchmark\n\n{datetime.date.today()} on {platform.node()} "
                f"({os.cpu_count()} cores, {cpu_model()}, {platform.machine()}, Linux {platform.release()}); "
                f"command: `bench/run.sh{' --quick' if args.quick else ''}{' --fast-peers-only' if args.fast_peers_only else ''}`; median of several runs "
                f"(3 on the 1M file, 1 for jq, Miller and check there), tools alternated within each round.\n\n")
        f.write(f"Threads: desk `DESK_THREADS={th}`, DuckDB `SET threads={th}`, polars `POLARS_MAX_THREADS={th}`; "
                f"jq, Miller, cat and wc use one. Versions: " + ", ".join(f"{k} {v}" for k, v in versions.items()) + ".\n\n")
        f.write(f"The machine is shared with other engineers' builds: load average {load_start[0]:.1f} at the start, "
                f"{load_end[0]:.1f} at the end of the timed cases.\n\n")
        f.write("The report peers (DuckDB, polars, jq, Miller) compute the `bench` figures of `desk report --bench` "
                "(counts by month and priority, wall-clock mean first response, resolved share, survey means, CSAT), "
                "checked to agree with desk's before timing; desk computes its whole report besides "
                "(business-time percentiles, SLA compliance, backlog, breakdowns by month and priority, themes).\n\n")
        f.write("| file | case | tool | median s | MB/s | peak RSS MiB | time vs first |\n|---|---|---|---|---|---|---|\n")
        for r in rows:
            f.write("| " + " | ".join(r) + " |\n")
        f.write("\n| start-up | median ms |\n|---|---|\n")
        for name, t in start_rows:
            f.write(f"| `{name}` | {t * 1000:.2f} |\n")
        f.write(f"\nstart-up ratio desk/jq: {start_rows[0][1] / start_rows[1][1]:.2f}x\n")
        f.write(targets(res_by, files, huge))
    print(open(args.out).read())


def targets(res, files, huge):
    """The issue's targets on the 1M file, each met or missed by how much."""
    big = [os.path.basename(p) for p in files if "1m" in os.path.basename(p)]
    if not big:
        return ""
    b = big[0]
    size = os.path.getsize(os.path.join(DATA, b))
    t = lambda case, tool="desk": res[(b, case)][tool][0]
    rss = lambda case, tool="desk": res[(b, case)][tool][1]
    out = ["\n## Targets (1M tickets)\n", "| target | measured | |", "|---|---|---|"]

    def row(name, value, ok):
        out.append(f"| {name} | {value} | {'met' if ok else 'missed'} |")

    r = t("report", "duckdb") / t("report")
    row("report at least 2x faster than DuckDB", f"DuckDB {t('report', 'duckdb'):.2f} s / desk {t('report'):.2f} s = {r:.2f}x", r >= 2)
    r = t("check") / t("classify")
    row("check within 1.5x of classify", f"{t('check'):.2f} s / {t('classify'):.2f} s = {r:.2f}x", r <= 1.5)
    # Memory per distinct id: the growth of check's peak RSS from the 100k sample to the 1M
    # file, per id added (the generated ids are all distinct; the sample's are a tenth of them).
    if "desk, 100k sample" in res[(b, "check")]:
        grown = rss("check") - rss("check", "desk, 100k sample")
        per_id = max(0, grown) * 1024 / 900_000
        row("check: at most 16 bytes per distinct id",
            f"({rss('check') / 1024:.1f} - {rss('check', 'desk, 100k sample') / 1024:.1f} MiB) / 900k more ids = {per_id:.1f} B",
            per_id <= 16)
    for case in ("survey --invite", "escalate --auto"):
        r = t(case) / t("classify")
        row(f"{case} within 1.2x of classify", f"{t(case):.2f} s / {t('classify'):.2f} s = {r:.2f}x", r <= 1.2)
    # Issue 12: the agent's queue against a plain pass-through of the same file.
    r = t("queue") / t("queue", "desk show")
    row("queue within 2x of show", f"{t('queue'):.2f} s / {t('queue', 'desk show'):.2f} s = {r:.2f}x", r <= 2)
    row("queue peak RSS under 64 MiB", f"{rss('queue') / 1024:.1f} MiB", rss("queue") / 1024 < 64)
    gbs = size / t("pass-through") / 1e9
    r = t("pass-through") / t("pass-through", "cat")
    row("show pass-through at least 1.5 GB/s, within 10x of cat", f"{gbs:.2f} GB/s, {r:.1f}x cat", gbs >= 1.5 and r <= 10)
    if huge:
        h = os.path.basename(huge)
        t3, r3 = res[(h, "report")]["desk"]
        g = t3 / t("report")
        row("report 1M -> 3M within 3.3x", f"{t('report'):.2f} s -> {t3:.2f} s = {g:.2f}x", g <= 3.3)
        row("report peak RSS under 32 MiB at 3M", f"{r3 / 1024:.1f} MiB", r3 / 1024 < 32)
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    main()
