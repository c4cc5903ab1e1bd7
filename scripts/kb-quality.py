#!/usr/bin/env python3
# Prints recall@1, recall@5 and MRR of `desk similar` (articles and resolved tickets) and
# `desk kb search` (articles) on the labelled set in Tests/Fixtures/kb, overall and for
# same-language and cross-language queries. Runs the built binary (DESK, default
# .build/debug/desk). Usage: python3 scripts/kb-quality.py [--holdout] [--verbose]
# --holdout: the held-out queries (never used to tune the ranking or the glossary).
import json, os, subprocess, sys, tempfile, shutil

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
DESK = os.environ.get('DESK', os.path.join(ROOT, '.build', 'debug', 'desk'))
FIX = os.path.join(ROOT, 'Tests', 'Fixtures', 'kb')
verbose = '--verbose' in sys.argv

tmp = tempfile.mkdtemp()
kb = os.path.join(tmp, 'kb.ndjson')
tickets = os.path.join(tmp, 'tickets.ndjson')
shutil.copy(os.path.join(FIX, 'articles.ndjson'), kb)
shutil.copy(os.path.join(FIX, 'tickets.ndjson'), tickets)
subprocess.run([DESK, 'kb', 'index', '--kb', kb, tickets], check=True, stdout=subprocess.DEVNULL)
SET = 'queries-holdout.ndjson' if '--holdout' in sys.argv else 'queries.ndjson'
queries = [json.loads(l) for l in open(os.path.join(FIX, SET), encoding='utf-8')]
print('query set:', SET)

def ranks(cmd_for):
    out = {}
    for q in queries:
        cmd = cmd_for(q)
        if cmd is None: continue
        res = subprocess.run(cmd, capture_output=True, text=True, check=True)
        ids = [json.loads(l)['id'] for l in res.stdout.splitlines() if l.strip()]
        out[q['id']] = ids.index(q['expect']) + 1 if q['expect'] in ids else None
        if verbose and out[q['id']] != 1:
            print('  miss' if out[q['id']] is None else '  rank %d' % out[q['id']], q['id'], q['text'], '->', ids[:3], 'want', q['expect'], file=sys.stderr)
    return out

def report(name, r):
    for group in ['same', 'cross', 'all']:
        qs = [q for q in queries if q['id'] in r and (group == 'all' or q['lang'] == group)]
        if not qs: continue
        rk = [r[q['id']] for q in qs]
        r1 = sum(1 for x in rk if x == 1) / len(rk)
        r5 = sum(1 for x in rk if x is not None and x <= 5) / len(rk)
        mrr = sum(1 / x for x in rk if x is not None) / len(rk)
        print('%-10s %-5s n=%3d  recall@1 %.3f  recall@5 %.3f  MRR %.3f' % (name, group, len(rk), r1, r5, mrr))

sim = ranks(lambda q: [DESK, 'similar', '--text', q['text'], '--kb', kb, '--format', 'ndjson', '--limit', '10', tickets])
report('similar', sim)
search = ranks(lambda q: [DESK, 'kb', 'search', q['text'], '--kb', kb, '--format', 'ndjson', '--limit', '10'] if q['kind'] == 'article' else None)
report('kb search', search)
shutil.rmtree(tmp)
