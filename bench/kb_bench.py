#!/usr/bin/env python3
# Knowledge-base benchmark: `desk kb search` and `desk similar` over 10,000 articles and 100,000
# resolved tickets (seeded data: the labelled articles and tickets of Tests/Fixtures/kb among
# generated ones), with the index of `desk kb index`. Prints a Markdown table; bench/kb.sh writes
# it to bench/KB-RESULTS.md. Usage: python3 bench/kb_bench.py --desk PATH [--runs N]
import json, os, random, resource, statistics, subprocess, sys, time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
DATA = os.path.join(ROOT, 'bench', 'data', 'kb')
FIX = os.path.join(ROOT, 'Tests', 'Fixtures', 'kb')
args = sys.argv[1:]
DESK = args[args.index('--desk') + 1] if '--desk' in args else os.path.join(ROOT, '.build', 'release', 'desk')
RUNS = int(args[args.index('--runs') + 1]) if '--runs' in args else 20
ARTICLES, TICKETS = 10_000, 100_000

def generate():
    os.makedirs(DATA, exist_ok=True)
    kb, tk = os.path.join(DATA, 'kb.ndjson'), os.path.join(DATA, 'tickets.ndjson')
    if os.path.exists(kb) and os.path.exists(tk):
        return kb, tk
    sys.path.insert(0, os.path.join(ROOT, 'scripts'))
    rng = random.Random(7)
    real_articles = [json.loads(l) for l in open(os.path.join(FIX, 'articles.ndjson'), encoding='utf-8')]
    real_tickets = [json.loads(l) for l in open(os.path.join(FIX, 'tickets.ndjson'), encoding='utf-8')]
    # Generated articles and tickets reuse the fixture tickets' wording, shuffled into new
    # combinations (title of one, description of another), so the vocabulary is realistic.
    with open(kb, 'w', encoding='utf-8') as f:
        for a in real_articles:
            f.write(json.dumps(a, ensure_ascii=False, separators=(',', ':')) + '\n')
        for i in range(len(real_articles), ARTICLES):
            s, t, u = rng.choice(real_tickets), rng.choice(real_tickets), rng.choice(real_tickets)
            a = {'id': 'KB-%05d' % (i + 1), 'status': 'published', 'title': s['title'], 'symptom': [t['description']],
                 'impact': 'users', 'cause': u['resolution']['cause'], 'solution': [u['resolution']['solution']],
                 'evidence': ['e.png'], 'tags': ['gen']}
            f.write(json.dumps(a, ensure_ascii=False, separators=(',', ':')) + '\n')
    with open(tk, 'w', encoding='utf-8') as f:
        for i in range(TICKETS):
            s, t, u = rng.choice(real_tickets), rng.choice(real_tickets), rng.choice(real_tickets)
            x = {'id': 'DK-%06d-BNCH' % i, 'opened_at': '2025-06-01T00:00:00Z', 'channel': 'web', 'status': 'resolved',
                 'title': s['title'], 'description': t['description'],
                 'resolution': {'cause': u['resolution']['cause'], 'solution': u['resolution']['solution'], 'result': 'ok', 'at': '2025-06-02T00:00:00Z'}}
            f.write(json.dumps(x, ensure_ascii=False, separators=(',', ':')) + '\n')
    return kb, tk

CPU = []

def timed(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    if r.returncode != 0:
        sys.exit('bench: %s failed: %s' % (' '.join(cmd), r.stderr.decode()))
    if r.stderr:
        sys.exit('bench: unexpected note (stale index?): %s' % r.stderr.decode())
    return time.perf_counter() - t

def main():
    kb, tk = generate()
    idx = timed([DESK, 'kb', 'index', '--kb', kb, tk])
    queries = [json.loads(l)['text'] for l in open(os.path.join(FIX, 'queries.ndjson'), encoding='utf-8')]
    rng = random.Random(1)
    sample = [rng.choice(queries) for _ in range(RUNS)]
    def series(cmds):
        del CPU[:]
        wall = [timed(c) for c in cmds]
        return wall, list(CPU)
    search = series([[DESK, 'kb', 'search', q, '--kb', kb, '--format', 'ndjson'] for q in sample])
    similar = series([[DESK, 'similar', '--text', q, '--kb', kb, '--format', 'ndjson', tk] for q in sample])
    by_id = series([[DESK, 'similar', '--id', 'DK-%06d-BNCH' % rng.randrange(TICKETS), '--kb', kb, '--format', 'ndjson', tk] for _ in range(RUNS)])
    size = (os.path.getsize(kb) + os.path.getsize(tk)) / 1e6
    print('load average at the end: %s' % ' '.join('%.1f' % x for x in os.getloadavg()))
    print()
    print('| case | runs | median ms | p90 ms | max ms | median CPU ms (user+sys) |')
    print('|---|---|---|---|---|---|')
    print('| kb index (%d articles + %d tickets, %.0f MB) | 1 | %.0f | | | |' % (ARTICLES, TICKETS, size, idx * 1000))
    for name, (xs, cpu) in [('kb search QUERY', search), ('similar --text QUERY', similar), ('similar --id ID', by_id)]:
        xs = sorted(xs)
        print('| %s | %d | %.0f | %.0f | %.0f | %.0f |' % (name, len(xs), statistics.median(xs) * 1000, xs[int(0.9 * (len(xs) - 1))] * 1000, xs[-1] * 1000, statistics.median(cpu) * 1000))

main()
