#!/usr/bin/env python3
"""Times desk's language work (issue 15) and writes bench/LANG-RESULTS.md.

- classify throughput where every ticket needs classifying: the generator's tickets with
  status "open" and priority, category, tags and classification removed (so none is skipped as
  finished and every one is rewritten), at 100k and, unless --quick, 1M tickets;
- classify --learn on 10k tickets (the generator's priority and category, status resolved);
- classify --evaluate on the hand-labelled sets in Tests/Fixtures/language.

Usage: bench/lang.py --desk .build/release/desk [--quick] [--runs N]
Data is generated with ../shared/bench/gen_tickets.py (fixed seed) into bench/data/.
"""
import argparse, datetime, json, os, platform, resource, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GEN = os.path.join(ROOT, "..", "shared", "bench", "gen_tickets.py")
DATA = os.path.join(HERE, "data")
LANG = os.path.join(ROOT, "Tests", "Fixtures", "language")


def generate(n, path):
    if not os.path.exists(path):
        subprocess.run([sys.executable, GEN, "-n", str(n), "--seed", "42", "-o", path], check=True)


def derive(src, dst, fn, limit=None):
    if os.path.exists(dst):
        return
    with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as out:
        for i, line in enumerate(f):
            if limit is not None and i >= limit:
                break
            o = json.loads(line)
            out.write(json.dumps(fn(o), ensure_ascii=False, separators=(",", ":")) + "\n")


def to_open(o):
    for k in ("priority", "category", "tags", "classification", "resolution", "sla", "impact", "urgency"):
        o.pop(k, None)
    o["status"] = "open"
    return o


def to_confirmed(o):
    o["status"] = "resolved"
    return o


def timed(cmd, runs):
    """Median wall-clock and median user+system CPU seconds of `runs` runs. On a shared machine
    the wall clock also counts waiting for a core; the CPU time is the work itself."""
    wall, cpu = [], []
    for _ in range(runs):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(cmd, shell=True, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall.append(time.perf_counter() - t0)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append((r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime))
    return statistics.median(wall), statistics.median(cpu)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--desk", required=True)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", default=os.path.join(HERE, "LANG-RESULTS.md"))
    args = ap.parse_args()
    desk = os.path.abspath(args.desk)
    os.makedirs(DATA, exist_ok=True)
    rows = []
    sizes = [100_000] if args.quick else [100_000, 1_000_000]
    for n in sizes:
        name = "100k" if n == 100_000 else "1m"
        src = os.path.join(DATA, f"tickets_{name}.ndjson")
        generate(n, src)
        dst = os.path.join(DATA, f"tickets_{name}_open.ndjson")
        derive(src, dst, to_open)
        t, c = timed(f"{desk} classify --now 2026-12-31T00:00:00Z {dst}", args.runs if n == 100_000 else 1)
        rows.append((f"classify, every ticket open ({name})", f"{t:.3f}", f"{c:.3f}", f"{n / t:,.0f} tickets/s wall, {n / c:,.0f} tickets/s CPU"))
    src = os.path.join(DATA, "tickets_100k.ndjson")
    train = os.path.join(DATA, "tickets_10k_confirmed.ndjson")
    derive(src, train, to_confirmed, limit=10_000)
    model = os.path.join(DATA, "model.json")
    t, c = timed(f"{desk} classify --learn -o {model} {train}", args.runs)
    rows.append(("classify --learn, 10k tickets", f"{t:.3f}", f"{c:.3f}", f"{os.path.getsize(model) / 1e6:.1f} MB model"))
    for f in sorted(os.listdir(LANG)):
        if f.startswith("tickets"):
            p = os.path.join(LANG, f)
            t, c = timed(f"{desk} classify --evaluate {p}", args.runs)
            first = subprocess.run([desk, "classify", "--evaluate", p], capture_output=True, text=True).stdout.splitlines()[0]
            rows.append((f"classify --evaluate {f}", f"{t:.3f}", f"{c:.3f}", first))
    # Hand-written notes below the marker (figures before and after a change, measured with
    # another build) are kept when the table is rewritten.
    marker = "<!-- notes below are kept by bench/lang.py -->"
    notes = ""
    if os.path.exists(args.out):
        old = open(args.out, encoding="utf-8").read()
        if marker in old:
            notes = "\n" + old[old.index(marker):]
    with open(args.out, "w") as out:
        out.write(f"# desk language benchmark\n\n{datetime.date.today()} on {platform.node()} ({os.cpu_count()} cores, "
                  f"{platform.machine()}); command: `python3 bench/lang.py --desk {os.path.relpath(desk, ROOT)}"
                  f"{' --quick' if args.quick else ''}`; median of {args.runs} runs (1 run at 1M).\n\n")
        out.write(f"load average at the end: {os.getloadavg()[0]:.1f} (other builds share the cores, so wall time "
                  "includes waiting for one; CPU time is user + system of desk itself)\n\n")
        out.write("| case | wall s | CPU s | result |\n|---|---|---|---|\n")
        for r in rows:
            out.write("| " + " | ".join(r) + " |\n")
        out.write(notes)
    print(open(args.out).read())


if __name__ == "__main__":
    main()
