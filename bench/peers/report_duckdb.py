#!/usr/bin/env python3
"""The benchmark's monthly-report figures computed by DuckDB (read_ndjson + GROUP BY).

Same definitions as bench/peers/report.jq (the reference) and desk's `report --bench` section:
tickets; counts by opened month (UTC) and by priority ("none" when absent or null); mean
wall-clock minutes from opened_at to first_response_at; share resolved or closed; mean survey
scores over responses; CSAT = share of responses whose mean of the three scores is >= 4.
Prints one JSON object. Threads: DESK_BENCH_THREADS (default 2), as desk's.
Usage: report_duckdb.py FILE
"""
import json
import os
import sys

import duckdb


def main():
    path = sys.argv[1]
    con = duckdb.connect()
    con.execute(f"SET threads = {int(os.environ.get('DESK_BENCH_THREADS', '2'))}")
    # The columns are declared, so DuckDB reads only these members and infers nothing.
    con.execute("""
        CREATE TEMP TABLE t AS
        SELECT substr(opened_at, 1, 7) AS month,
               coalesce(priority, 'none') AS priority,
               epoch(first_response_at::TIMESTAMPTZ) - epoch(opened_at::TIMESTAMPTZ) AS fr,
               status IN ('resolved', 'closed') AS resolved,
               survey.efficiency AS e, survey.attitude AS a, survey.effectiveness AS f
        FROM read_ndjson(?, columns = {
            opened_at: 'VARCHAR', priority: 'VARCHAR', first_response_at: 'VARCHAR', status: 'VARCHAR',
            survey: 'STRUCT(efficiency DOUBLE, attitude DOUBLE, effectiveness DOUBLE)'},
            format = 'newline_delimited')
    """, [path])
    n, fr_mean, resolved = con.execute("SELECT count(*), avg(fr), avg(resolved::INT) FROM t").fetchone()
    sn, e, a, f, sat = con.execute("""
        SELECT count(*), avg(e), avg(a), avg(f), avg(((e + a + f) / 3 >= 4)::INT)
        FROM t WHERE e IS NOT NULL AND a IS NOT NULL AND f IS NOT NULL""").fetchone()
    months = dict(con.execute("SELECT month, count(*) FROM t GROUP BY month ORDER BY month").fetchall())
    prio = dict(con.execute("SELECT priority, count(*) FROM t GROUP BY priority ORDER BY priority").fetchall())
    print(json.dumps({
        "tickets": n,
        "by_month": months,
        "by_priority": prio,
        "first_response_mean_minutes": round(fr_mean / 60, 2) if fr_mean is not None else None,
        "resolved_share": round(resolved, 4) if n else None,
        "survey_means": {"efficiency": round(e, 2), "attitude": round(a, 2), "effectiveness": round(f, 2)} if sn else None,
        "csat": round(sat, 4) if sn else None,
    }))


if __name__ == "__main__":
    main()
