#!/usr/bin/env python3
"""The benchmark's monthly-report figures computed by polars (scan_ndjson, lazy).

Same definitions as bench/peers/report.jq (the reference) and desk's `report --bench` section.
Prints one JSON object. Threads: POLARS_MAX_THREADS, set by bench.py (2, as desk's).
Usage: report_polars.py FILE
"""
import json
import sys

import polars as pl


def main():
    path = sys.argv[1]
    schema = {
        "opened_at": pl.Utf8, "priority": pl.Utf8, "first_response_at": pl.Utf8, "status": pl.Utf8,
        "survey": pl.Struct({"efficiency": pl.Float64, "attitude": pl.Float64, "effectiveness": pl.Float64}),
    }
    ts = lambda c: pl.col(c).str.to_datetime("%Y-%m-%dT%H:%M:%S%#z", time_zone="UTC", strict=False)
    t = (pl.scan_ndjson(path, schema=schema, ignore_errors=False)
         .select(
             pl.col("opened_at").str.slice(0, 7).alias("month"),
             pl.col("priority").fill_null("none").alias("priority"),
             ((ts("first_response_at") - ts("opened_at")).dt.total_seconds()).alias("fr"),
             pl.col("status").is_in(["resolved", "closed"]).alias("resolved"),
             pl.col("survey").struct.field("efficiency").alias("e"),
             pl.col("survey").struct.field("attitude").alias("a"),
             pl.col("survey").struct.field("effectiveness").alias("f"),
         ).collect())
    answered = t.filter(pl.col("e").is_not_null() & pl.col("a").is_not_null() & pl.col("f").is_not_null())
    n, sn = t.height, answered.height
    fr = t["fr"].mean()
    months = {r[0]: r[1] for r in t.group_by("month").len().sort("month").iter_rows()}
    prio = {r[0]: r[1] for r in t.group_by("priority").len().sort("priority").iter_rows()}
    sat = answered.select((((pl.col("e") + pl.col("a") + pl.col("f")) / 3) >= 4).mean()).item() if sn else None
    print(json.dumps({
        "tickets": n,
        "by_month": months,
        "by_priority": prio,
        "first_response_mean_minutes": round(fr / 60, 2) if fr is not None else None,
        "resolved_share": round(t["resolved"].mean(), 4) if n else None,
        "survey_means": {"efficiency": round(answered["e"].mean(), 2), "attitude": round(answered["a"].mean(), 2),
                         "effectiveness": round(answered["f"].mean(), 2)} if sn else None,
        "csat": round(sat, 4) if sn else None,
    }))


if __name__ == "__main__":
    main()
