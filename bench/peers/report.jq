# The benchmark's monthly-report figures, computed by jq in one streaming pass (`jq -n -f`).
# Same definitions as bench/peers/report.mlr and desk's `report --format json` bench section:
#   tickets; counts by opened month (UTC) and by priority ("none" when absent or null);
#   mean wall-clock minutes from opened_at to first_response_at (tickets that have one);
#   share of tickets resolved or closed; mean survey scores over responses; CSAT = share of
#   responses whose mean of the three scores is >= 4.
def ts: sub("\\.[0-9]+"; "") | fromdateiso8601;
reduce inputs as $t (
  {n: 0, months: {}, prio: {}, fr_sum: 0, fr_n: 0, resolved: 0, e: 0, a: 0, f: 0, sn: 0, sat: 0};
  .n += 1
  | .months[$t.opened_at[0:7]] += 1
  | .prio[($t.priority // "none")] += 1
  | if $t.first_response_at then .fr_sum += (($t.first_response_at | ts) - ($t.opened_at | ts)) | .fr_n += 1 else . end
  | if $t.status == "resolved" or $t.status == "closed" then .resolved += 1 else . end
  | ($t.survey // {}) as $s
  | if ($s.efficiency != null and $s.attitude != null and $s.effectiveness != null) then
      .sn += 1 | .e += $s.efficiency | .a += $s.attitude | .f += $s.effectiveness
      | if (($s.efficiency + $s.attitude + $s.effectiveness) / 3) >= 4 then .sat += 1 else . end
    else . end
)
| {
    tickets: .n,
    by_month: .months,
    by_priority: .prio,
    first_response_mean_minutes: (if .fr_n > 0 then (.fr_sum / .fr_n / 60 * 100 | round / 100) else null end),
    resolved_share: (if .n > 0 then (.resolved / .n * 10000 | round / 10000) else null end),
    survey_means: (if .sn > 0 then {efficiency: (.e / .sn * 100 | round / 100), attitude: (.a / .sn * 100 | round / 100), effectiveness: (.f / .sn * 100 | round / 100)} else null end),
    csat: (if .sn > 0 then (.sat / .sn * 10000 | round / 10000) else null end)
  }
