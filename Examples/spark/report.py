#!/usr/bin/env python3
"""The monthly desk report over NDJSON files too large for one machine, on Apache Spark.

Each partition of the input is piped through `desk report --partial` (RDD.pipe: one process per
partition, even an empty one, fed the partition's lines on standard input, no shell); each process
writes ONE line, its partial report. The partials are merged by `desk report --merge --partial` in
a second stage (a combiner: merging is associative and commutative), and the last few on the
driver by `desk report --merge`, which writes the report. The result is byte for byte the report
of one `desk report` over all the files (docs/REPORT.md, "Partial reports").

checkCode=True makes a bad ticket line fail the job: desk exits 3 and its message names the
partition-local line, under the --label given (the command is the same for every partition).

Usage (Spark local mode; on a cluster use spark-submit and a desk binary on every worker):

  python3 Examples/spark/report.py --desk "$PWD/.build/release/desk" \
      --policy Examples/policy-cn-2026.json --month 2026-11 --now 2026-12-01T00:00:00Z \
      --format html --out 2026-11.html tickets-*.ndjson
"""
import argparse
import os
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--desk", required=True, help="absolute path of the desk binary (pipe passes no PATH)")
    ap.add_argument("--policy", required=True, help="policy file, readable on every worker")
    ap.add_argument("--month", required=True, help="YYYY-MM")
    ap.add_argument("--now", required=True, help="RFC 3339: every partition must judge running tickets at the same instant")
    ap.add_argument("--by", action="append", default=[], help="breakdown dimension (repeatable)")
    ap.add_argument("--format", default="html", help="json, text, markdown, csv or html")
    ap.add_argument("--out", required=True, help="where to write the report")
    ap.add_argument("--partitions", type=int, default=8, help="at least this many input partitions")
    ap.add_argument("--save-partial", help="also write the merged partial report here")
    ap.add_argument("--empty-partitions", type=int, default=0,
                    help="add this many empty partitions (as empty files or filtered-out days give): each yields the identity partial")
    ap.add_argument("--show-partitions", action="store_true", help="print the lines of each partition (an extra pass)")
    ap.add_argument("--master", default=os.environ.get("SPARK_MASTER", "local[*]"))
    ap.add_argument("inputs", nargs="+", help="NDJSON files (or any path Spark's textFile reads)")
    a = ap.parse_args()

    from pyspark.sql import SparkSession

    spark = SparkSession.builder.master(a.master).appName("desk-report").getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    try:
        policy = os.path.abspath(a.policy)
        common = ["--policy", policy, "--month", a.month, "--now", a.now] + [x for d in a.by for x in ("--by", d)]
        # pipe() splits the command with shlex and runs it without a shell, with exactly `env`
        # as its environment: desk is named by absolute path.
        env = {"LANG": "C.UTF-8"}
        partial = " ".join([a.desk, "report", "--partial", "--label", "spark-partition"] + common)
        merge = " ".join([a.desk, "report", "--merge", "--partial", "--label", "spark-merge"] + common)

        lines = sc.textFile(",".join(os.path.abspath(p) for p in a.inputs), minPartitions=a.partitions)
        if a.empty_partitions > 0:
            lines = lines.union(sc.parallelize([], a.empty_partitions))
        partitions = lines.getNumPartitions()
        if a.show_partitions:  # an extra pass over the input: for checks, not for production
            sizes = lines.glom().map(len).collect()
            print(f"desk-spark: {partitions} partitions, lines per partition: {sizes}", file=sys.stderr)

        partials = lines.pipe(partial, env=env, checkCode=True)
        # A combiner stage: a few partitions of partials merged on the executors.
        combined = partials.coalesce(max(1, partitions // 4)).pipe(merge, env=env, checkCode=True)
        merged_lines = combined.collect()
    finally:
        spark.stop()

    # The driver merges what is left and renders the report.
    stdin = "".join(line + "\n" for line in merged_lines).encode("utf-8")
    if a.save_partial:
        with open(a.save_partial, "wb") as f:
            f.write(run([a.desk, "report", "--merge", "--partial"] + common, stdin))
    with open(a.out, "wb") as f:
        f.write(run([a.desk, "report", "--merge", "--format", a.format] + common, stdin))
    print(f"desk-spark: merged {len(merged_lines)} partials into {a.out}", file=sys.stderr)


def run(argv, stdin):
    p = subprocess.run(argv, input=stdin, stdout=subprocess.PIPE)
    if p.returncode != 0:
        sys.exit(f"desk-spark: {' '.join(argv)} exited {p.returncode}")
    return p.stdout


if __name__ == "__main__":
    main()
